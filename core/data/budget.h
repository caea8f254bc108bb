#pragma once

#include "core/data/grid_dataset.h"
#include "core/data/wetland_area.h"
#include "core/feedback.h"
#include "core/geo/geo_point.h"

#include <cstddef>
#include <filesystem>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace xmw::data {

// Where a budget is summed: the globe, a latitude band, a latitude-longitude box or polygons
// (GeoJSON). A cell belongs to a region when its centre does; the Global Carbon Project's band
// edges (30°, 60°) are cell edges on every grid whose step divides 30°.
struct BudgetRegion {
    enum class Kind { Globe, Box, Polygons };
    using Ring = std::vector<geo::GeoPoint>;
    using Polygon = std::vector<Ring>; // the outer ring, then its holes

    std::string name;
    Kind kind = Kind::Globe;
    double south = -90, north = 90, west = -180, east = 180; // Box; west > east crosses the antimeridian
    std::vector<Polygon> polygons;

    [[nodiscard]] bool contains(double lat, double lon) const;
    [[nodiscard]] static BudgetRegion globe();
    [[nodiscard]] static BudgetRegion band(std::string name, double south, double north);
    // "S,N,W,E" in degrees; throws std::invalid_argument with the reason.
    [[nodiscard]] static BudgetRegion box(double south, double north, double west, double east);
};

// The globe and the Global Carbon Project's four bands (90–30°S, 30°S–30°N, 30–60°N, 60–90°N).
[[nodiscard]] std::vector<BudgetRegion> gcpRegions();
// The polygons of a GeoJSON file: a Polygon or MultiPolygon geometry, a Feature, or a
// FeatureCollection (one region per feature, named by its "name" property where it has one).
// Anything else, or a ring that is not closed or has fewer than four positions, is a DataError
// naming the file.
[[nodiscard]] std::vector<BudgetRegion> readGeoJsonRegions(const std::filesystem::path &file);

// What a budget sums: TEM-MDM's CH4_emission, an upscaled run's CH4_prediction (a file written by
// `xmw upscale`), or the run minus TEM-MDM on the run's cells and days.
struct BudgetSource {
    enum class Kind { TemMdm, Run, RunMinusTemMdm };
    Kind kind = Kind::TemMdm;
    std::filesystem::path file; // Run, RunMinusTemMdm
    std::string name; // how rows name it: "TEM-MDM", the file's stem, "stem − TEM-MDM"

    [[nodiscard]] static BudgetSource temMdm();
    [[nodiscard]] static BudgetSource run(const std::filesystem::path &file);
    [[nodiscard]] static BudgetSource runMinusTemMdm(const std::filesystem::path &file);
};

// One total: a source over a region in a year (month 0) or one of its months (1–12). Days are the
// benchmark's 365-day year: 29 February is left out, as in the samples and the upscaled runs.
struct BudgetRow {
    std::string source;
    std::string region;
    std::size_t sourceIndex = 0, regionIndex = 0;
    int year = 0;
    int month = 0;
    // Tg CH4 over the period; NaN without a wetland map (a total needs the wetland area).
    double teragrams = 0;
    // The mean flux density per m² of wetland, mg CH4 m-2 d-1: weighted by wetland area where there
    // is a map, by cell area where there is none.
    double meanFlux = 0;
    // The wetland area of the cells summed, Mkm² (the mean over the period's months); NaN without a map.
    double wetlandAreaMkm2 = 0;
    std::size_t cells = 0; // cells with a value in the period
    bool wetlandFromClimatology = false; // some month's wetland came from the map's climatology
};

// The zonal profile of a source: per latitude band (one or more grid rows, at least 1° tall), its
// wetland-weighted mean flux and its total per year, over all the years computed.
struct ZonalBand {
    std::size_t sourceIndex = 0;
    double south = 0, north = 0;
    double meanFlux = 0; // mg CH4 m-2 d-1 of wetland; NaN where no cell has a value
    double teragramsPerYear = 0; // NaN without a wetland map
};

// The mean and sample standard deviation of yearly values (the interannual variability); NaN
// values are left out, sd is NaN with fewer than two.
struct YearSpread {
    double mean = std::numeric_limits<double>::quiet_NaN(), sd = std::numeric_limits<double>::quiet_NaN();
};
[[nodiscard]] YearSpread yearSpread(const std::vector<double> &values);

// Budgets of a dataset's wetland methane. A cell-day's mass is flux × cell area × wetland fraction ×
// 1 day; mg CH4 becomes Tg at 1e-15, nmol m-2 s-1 becomes mg m-2 d-1 at 1.3863. Reads one month
// of one source at a time, so memory does not grow with the years.
class BudgetCalculator {
public:
    BudgetCalculator(const GridDataset &dataset, const WetlandAreaMap *wetland, std::vector<BudgetRegion> regions);

    // Rows for every source, region and year of firstYear…lastYear that the source has, with months
    // after each year when `monthly`. Throws DataError when a run's file is not on the dataset's
    // grid or has none of the years, Canceled when `feedback` is canceled.
    // `zonal`, where given, receives every source's zonal profile (the globe's cells).
    [[nodiscard]] std::vector<BudgetRow> compute(const std::vector<BudgetSource> &sources, int firstYear, int lastYear, bool monthly,
                                                 Feedback &feedback, std::vector<ZonalBand> *zonal = nullptr) const;

    [[nodiscard]] const std::vector<BudgetRegion> &regions() const { return regions_; }

private:
    const GridDataset &dataset_;
    const WetlandAreaMap *wetland_;
    std::vector<BudgetRegion> regions_;
};

} // namespace xmw::data
