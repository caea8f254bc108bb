#include "core/data/benchmark_sites.h"

#include "core/data/csv_reader.h"

#include <cctype>
#include <cmath>
#include <sstream>

namespace xmw::data {

namespace detail {
extern const char *const kBenchmarkSitesCsv;
}

std::string canonicalSiteId(std::string id)
{
    for (char &c : id)
        if (c == '.' || c == '_')
            c = '-';
    // FLUXNET: two-letter country in capitals, then the site code as registered (mixed case).
    for (std::size_t i = 0; i < id.size() && i < 2; ++i)
        id[i] = char(std::toupper(static_cast<unsigned char>(id[i])));
    return id;
}

const std::vector<BenchmarkSite> &benchmarkSites()
{
    static const std::vector<BenchmarkSite> sites = [] {
        std::vector<BenchmarkSite> out;
        CsvReader csv(std::make_unique<std::istringstream>(detail::kBenchmarkSitesCsv), "xmw_wetland_sites.csv");
        const auto id = csv.requireColumn("SITE_ID"), name = csv.requireColumn("SITE_NAME"), lat = csv.requireColumn("LOCATION_LAT"),
                   lon = csv.requireColumn("LOCATION_LONG"), igbp = csv.requireColumn("IGBP"),
                   wetland = csv.requireColumn("XMW_WETLAND_TYPE"), fold = csv.requireColumn("XMW_SPATIAL_FOLD");
        while (csv.next()) {
            const auto optionalInt = [&](std::size_t column) {
                const double v = csv.number(column);
                return std::isnan(v) ? std::nullopt : std::optional<int>(int(v));
            };
            out.push_back({canonicalSiteId(std::string(csv.field(id))), std::string(csv.field(name)), csv.number(lat), csv.number(lon),
                           std::string(csv.field(igbp)), optionalInt(wetland), optionalInt(fold)});
        }
        return out;
    }();
    return sites;
}

const BenchmarkSite *findBenchmarkSite(const std::string &id)
{
    const std::string wanted = canonicalSiteId(id);
    for (const auto &site : benchmarkSites())
        if (site.id == wanted)
            return &site;
    return nullptr;
}

} // namespace xmw::data
