#include "core/data/sample_builder.h"

#include "core/data/data_error.h"
#include "core/data/units.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <optional>
#include <random>

namespace xmw::data {

namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
constexpr int kDays = kSequenceDays;
enum FeatureIndex { kElevation = 0, kWetlandType = 6, kCh4 = 8, kCo2 = 9, kPrec = 10, kSolr = 11, kTair = 12, kVapr = 13, kNppIndex = 14 };

// Calendar-day series of one year → the 365 sequence days (29 February dropped).
void toSequence(const std::vector<float> &calendar, int year, float *out, int stride)
{
    std::size_t i = 0;
    for (int m = 1; m <= 12; ++m)
        for (int d = 1; d <= daysInMonth(year, m); ++d, ++i)
            if (const auto index = sequenceDayIndex({year, m, d}))
                out[std::size_t(*index) * stride] = calendar[i];
}

// The first input with a missing value, said for people: a tower's own column where it gave the value.
std::optional<std::string> firstGap(const float *x, bool towerMeteorology)
{
    for (int f = 0; f < kFeatureCount; ++f) {
        int missing = 0;
        for (int d = 0; d < kDays; ++d)
            missing += std::isnan(x[std::size_t(d) * kFeatureCount + std::size_t(f)]) ? 1 : 0;
        if (missing == 0)
            continue;
        const char *name = features()[std::size_t(f)].name;
        if (towerMeteorology && f == kElevation)
            return std::string("no LOCATION_ELEV in the site metadata");
        if (towerMeteorology && (f == kPrec || f == kTair || f == kVapr))
            return std::string(f == kPrec       ? "P_F"
                                   : f == kTair ? "TA_F"
                                                : "TA_F or VPD_F") +
                " missing on " + std::to_string(missing) + " days (the tower gives " + name + ")";
        return "missing " + std::string(name) + " values";
    }
    return std::nullopt;
}

double vapourPressureHPa(double tempC, double vpdHPa)
{
    const double saturationKPa = 0.6108 * std::exp(17.27 * tempC / (tempC + 237.3));
    return saturationKPa * 10.0 - vpdHPa;
}

} // namespace

const std::array<Feature, kFeatureCount> &features()
{
    static const std::array<Feature, kFeatureCount> list = {{
        {"clelev", "m"},
        {"clfaotxt", "1"},
        {"cltveg", "1"},
        {"phh2o", "pH"},
        {"topsoil_bulk_density", "kg dm-3"},
        {"vegetation_type_11", "1"},
        {"wetlandtype", "1"},
        {"climatetype", "1"},
        {"atmospheric_CH4", "ppb"},
        {"atmospheric_CO2", "ppm"},
        {"PREC", "mm d-1"},
        {"SOLR", "W m-2"},
        {"TAIR", "degC"},
        {"VAPR", "hPa"},
        {"NPP", "g C m-2 month-1"},
    }};
    return list;
}

void SampleSet::append(const SampleSet &other, std::size_t i)
{
    ids.push_back(other.ids[i]);
    sites.push_back(other.sites[i]);
    years.push_back(other.years[i]);
    rows.push_back(other.rows[i]);
    cols.push_back(other.cols[i]);
    const std::size_t xs = std::size_t(kDays) * kFeatureCount;
    x.insert(x.end(), other.x.begin() + std::ptrdiff_t(i * xs), other.x.begin() + std::ptrdiff_t((i + 1) * xs));
    y.insert(y.end(), other.y.begin() + std::ptrdiff_t(i * kDays), other.y.begin() + std::ptrdiff_t((i + 1) * kDays));
    // Cells have no measurements: a set that mixes them with towers pads theirs with NaN.
    constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
    if (!other.measured.empty()) {
        measured.resize((ids.size() - 1) * kDays, kNaN);
        measured.insert(measured.end(), other.measured.begin() + std::ptrdiff_t(i * kDays),
                        other.measured.begin() + std::ptrdiff_t((i + 1) * kDays));
    } else if (!measured.empty()) {
        measured.resize(ids.size() * kDays, kNaN);
    }
}

Normalisation Normalisation::of(const SampleSet &samples)
{
    Normalisation n;
    std::array<double, kFeatureCount> sum{}, sum2{};
    std::array<std::size_t, kFeatureCount> count{};
    for (std::size_t i = 0; i < samples.x.size(); ++i) {
        const float v = samples.x[i];
        if (std::isnan(v))
            continue;
        const std::size_t f = i % kFeatureCount;
        sum[f] += v;
        sum2[f] += double(v) * v;
        ++count[f];
    }
    for (int f = 0; f < kFeatureCount; ++f) {
        const double mean = count[f] ? sum[f] / double(count[f]) : 0.0;
        const double var = count[f] ? std::max(0.0, sum2[f] / double(count[f]) - mean * mean) : 0.0;
        n.mean[f] = float(mean);
        n.stddev[f] = float(var > 1e-12 ? std::sqrt(var) : 1.0); // constant features stay as they are
    }
    return n;
}

SampleBuilder::SampleBuilder(const Dataset &dataset)
    : dataset_(dataset)
{
    if (!dataset.grid())
        return;
    const GridDataset &grid = *dataset.grid();
    const Date anyDay{grid.years().empty() ? 2000 : grid.years().front(), 1, 1};
    for (int f = 0; f < 8; ++f)
        statics_.push_back(grid.dayField(features()[std::size_t(f)].name, anyDay));
    const GridVariable &emission = grid.variable(layout::kEmission);
    const auto unit = units::parseFlux(emission.units);
    if (!unit)
        throw DataError(grid.path(), "CH4_emission has units '" + emission.units + "', not a CH4 flux unit this program knows");
    emissionScale_ = units::convert(1.0, *unit, units::Flux::NmolPerSquareMetrePerSecond);
}

float SampleBuilder::toNmolPerSecond(float emission) const { return float(emission * emissionScale_); }

bool SampleBuilder::fillConstants(int row, int col, int year, float *x, std::string *whyNot) const
{
    const GridDataset &grid = *dataset_.grid();
    if (!std::binary_search(grid.years().begin(), grid.years().end(), year)) {
        *whyNot = "no TEM-MDM drivers for " + std::to_string(year);
        return false;
    }
    const auto ch4 = grid.atmosphericCh4(year), co2 = grid.atmosphericCo2(year);
    if (!ch4 || !co2) {
        *whyNot = "no atmospheric CH4/CO2 value for " + std::to_string(year);
        return false;
    }
    const std::size_t cell = std::size_t(row) * std::size_t(grid.grid().cols) + std::size_t(col);
    for (int f = 0; f < 8; ++f) {
        const float value = statics_[std::size_t(f)][cell];
        if (std::isnan(value)) {
            *whyNot = std::string("no ") + features()[std::size_t(f)].name + " in the cell (ocean?)";
            return false;
        }
        for (int d = 0; d < kDays; ++d)
            x[std::size_t(d) * kFeatureCount + std::size_t(f)] = value;
    }
    for (int d = 0; d < kDays; ++d) {
        x[std::size_t(d) * kFeatureCount + kCh4] = float(*ch4);
        x[std::size_t(d) * kFeatureCount + kCo2] = float(*co2);
    }
    return true;
}

void SampleBuilder::gridDrivers(int row, int col, int year, std::initializer_list<int> which, float *x) const
{
    const GridDataset &grid = *dataset_.grid();
    for (const int f : which)
        toSequence(grid.cellSeries(features()[std::size_t(f)].name, row, col, year, year), year, x + f, kFeatureCount);
}

SampleSet SampleBuilder::towerSamples(Feedback &feedback, Recipe recipe, const std::string &onlySite) const
{
    if (!dataset_.sites())
        throw DataError(dataset_.root(), "no FLUXNET-CH4 folder: no tower samples");
    if (!dataset_.grid())
        throw DataError(dataset_.root(), "no TEM-MDM folder: tower samples need the grid's SOLR, NPP and static fields");
    const bool reference = recipe == Recipe::XMethaneWet;
    const GridDataset &grid = *dataset_.grid();
    SampleSet set;
    const auto &sites = dataset_.sites()->sites();
    std::vector<float> x(std::size_t(kDays) * kFeatureCount), y(kDays), measuredDays(kDays);
    for (std::size_t s = 0; s < sites.size(); ++s) {
        if (feedback.isCanceled())
            throw Canceled();
        const Site &site = sites[s];
        if (!onlySite.empty() && site.info.id != onlySite)
            continue;
        if (reference && site.info.igbp != "WET") {
            set.skipped.push_back(site.info.id + ": IGBP class '" + site.info.igbp +
                                  "', not WET (the x-methanewet recipe keeps wetland towers only)");
            continue;
        }
        const int row = grid.grid().row(site.info.lat), col = grid.grid().col(site.info.lon);
        for (const int year : site.series.years()) {
            const std::string id = site.info.id + "/" + std::to_string(year);
            const auto skip = [&](const std::string &why) { set.skipped.push_back(id + ": " + why); };
            std::string why;
            if (!fillConstants(row, col, year, x.data(), &why)) {
                skip(why);
                continue;
            }
            // The reference takes PREC, TAIR and VAPR from the tower alone: the grid's are not read.
            if (reference)
                gridDrivers(row, col, year, {kSolr, kNppIndex}, x.data());
            else
                gridDrivers(row, col, year, {kPrec, kSolr, kTair, kVapr, kNppIndex}, x.data());
            if (site.info.wetlandType)
                for (int d = 0; d < kDays; ++d)
                    x[std::size_t(d) * kFeatureCount + kWetlandType] = float(*site.info.wetlandType);
            if (reference) {
                // The tower's own elevation and meteorology; the grid gives SOLR, NPP (0 where
                // missing) and the static fields.
                for (int d = 0; d < kDays; ++d) {
                    float *day = &x[std::size_t(d) * kFeatureCount];
                    day[kElevation] = float(site.info.elevation);
                    day[kPrec] = day[kTair] = day[kVapr] = kNaN;
                    if (std::isnan(day[kNppIndex]))
                        day[kNppIndex] = 0.0f;
                }
            }

            std::fill(measuredDays.begin(), measuredDays.end(), kNaN);
            std::fill(y.begin(), y.end(), kNaN);
            int present = 0, observed = 0;
            for (int m = 1; m <= 12; ++m)
                for (int dd = 1; dd <= daysInMonth(year, m); ++dd) {
                    const auto seq = sequenceDayIndex({year, m, dd});
                    const auto index = site.series.indexOf({year, m, dd});
                    if (!seq || !index)
                        continue;
                    ++present;
                    float *day = &x[std::size_t(*seq) * kFeatureCount];
                    const SiteSeries &t = site.series;
                    const float ta = t.airTemperature.values[*index], vpd = t.vpd.values[*index];
                    if (!std::isnan(ta))
                        day[kTair] = ta;
                    if (!std::isnan(t.precipitation.values[*index]))
                        day[kPrec] = t.precipitation.values[*index];
                    if (!std::isnan(ta) && !std::isnan(vpd))
                        day[kVapr] = float(vapourPressureHPa(ta, vpd));
                    measuredDays[std::size_t(*seq)] = t.measured.values[*index];
                    const float fch4F = t.fch4F.values[*index];
                    y[std::size_t(*seq)] = std::isnan(fch4F) ? t.fch4Filled.values[*index] : fch4F;
                    observed += std::isnan(y[std::size_t(*seq)]) ? 0 : 1;
                }
            if (present < kDays) {
                skip("only " + std::to_string(present) + " of 365 days");
                continue;
            }
            if (const auto gap = firstGap(x.data(), reference)) {
                skip(*gap);
                continue;
            }
            if (observed == 0) {
                skip("no FCH4 observations");
                continue;
            }
            set.ids.push_back(id);
            set.sites.push_back(site.info.id);
            set.years.push_back(year);
            set.rows.push_back(row);
            set.cols.push_back(col);
            set.x.insert(set.x.end(), x.begin(), x.end());
            set.y.insert(set.y.end(), y.begin(), y.end());
            set.measured.insert(set.measured.end(), measuredDays.begin(), measuredDays.end());
        }
        feedback.setProgress(double(s + 1) / double(sites.size()), "towers");
    }
    set.measuredColumn = dataset_.sites()->measuredColumnNote(set.sites);
    return set;
}

std::vector<std::size_t> SampleBuilder::validCells() const
{
    if (!dataset_.grid())
        throw DataError(dataset_.root(), "no TEM-MDM folder: no grid samples");
    std::vector<std::size_t> valid; // land cells with every static field
    for (std::size_t i = 0; i < dataset_.grid()->grid().cellCount(); ++i)
        if (std::none_of(statics_.begin(), statics_.end(), [i](const auto &field) { return std::isnan(field[i]); }))
            valid.push_back(i);
    return valid;
}

SampleSet SampleBuilder::gridSamples(double fraction, std::uint64_t seed, Feedback &feedback, int firstYear, int lastYear) const
{
    const std::vector<std::size_t> valid = validCells();
    SampleSet set;
    std::mt19937_64 rng(seed);
    std::vector<int> years;
    for (const int year : dataset_.grid()->years())
        if ((firstYear == 0 || year >= firstYear) && (lastYear == 0 || year <= lastYear))
            years.push_back(year);
    for (std::size_t k = 0; k < years.size(); ++k) {
        std::vector<std::size_t> cells = valid;
        std::shuffle(cells.begin(), cells.end(), rng);
        cells.resize(std::min(cells.size(), std::max<std::size_t>(1, std::size_t(std::lround(double(cells.size()) * fraction)))));
        std::sort(cells.begin(), cells.end());
        const SampleSet year = cellSamples(years[k], cells, feedback,
                                           [&](double f) { feedback.setProgress((double(k) + f) / double(years.size()), "TEM-MDM"); });
        for (std::size_t i = 0; i < year.size(); ++i)
            set.append(year, i);
        set.skipped.insert(set.skipped.end(), year.skipped.begin(), year.skipped.end());
    }
    return set;
}

SampleSet SampleBuilder::cellSamples(int year, const std::vector<std::size_t> &cells, Feedback &feedback,
                                     const std::function<void(double)> &progress) const
{
    if (!dataset_.grid())
        throw DataError(dataset_.root(), "no TEM-MDM folder: no grid samples");
    const GridDataset &grid = *dataset_.grid();
    const int cols = grid.grid().cols;
    const std::size_t xs = std::size_t(kDays) * kFeatureCount;
    SampleSet set;
    // Whole months at a time: one read per variable and month serves every chosen cell.
    const std::size_t n = cells.size();
    std::vector<float> x(n * xs), y(n * std::size_t(kDays));
    std::vector<std::string> why(n);
    std::vector<char> ok(n, 1);
    for (std::size_t c = 0; c < n; ++c)
        ok[c] = fillConstants(int(cells[c] / std::size_t(cols)), int(cells[c] % std::size_t(cols)), year, &x[c * xs], &why[c]);
    const int dynamic[] = {kPrec, kSolr, kTair, kVapr, -1}; // -1: the target
    for (int m = 1; m <= 12; ++m) {
        if (feedback.isCanceled())
            throw Canceled();
        for (const int f : dynamic) {
            const auto block = grid.monthBlock(f < 0 ? layout::kEmission : features()[std::size_t(f)].name, year, m);
            for (std::size_t c = 0; c < n; ++c)
                for (int d = 1; d <= daysInMonth(year, m); ++d) {
                    const auto seq = sequenceDayIndex({year, m, d});
                    if (!seq)
                        continue;
                    const float v = block[cells[c] * 31 + std::size_t(d - 1)];
                    if (f < 0)
                        y[c * kDays + std::size_t(*seq)] = toNmolPerSecond(v);
                    else
                        x[c * xs + std::size_t(*seq) * kFeatureCount + std::size_t(f)] = v;
                }
        }
        const auto npp = grid.dayField(layout::kNpp, {year, m, 1});
        for (std::size_t c = 0; c < n; ++c)
            for (int d = 1; d <= daysInMonth(year, m); ++d)
                if (const auto seq = sequenceDayIndex({year, m, d}))
                    x[c * xs + std::size_t(*seq) * kFeatureCount + kNppIndex] = npp[cells[c]];
        if (progress)
            progress(m / 12.0);
    }
    for (std::size_t c = 0; c < n; ++c) {
        const int row = int(cells[c] / std::size_t(cols)), col = int(cells[c] % std::size_t(cols));
        const std::string id = "cell:" + std::to_string(row) + "," + std::to_string(col) + "/" + std::to_string(year);
        if (ok[c] && std::any_of(x.begin() + std::ptrdiff_t(c * xs), x.begin() + std::ptrdiff_t((c + 1) * xs), [](float v) {
                return std::isnan(v);
            })) {
            ok[c] = 0;
            why[c] = "missing driver values";
        }
        if (!ok[c]) {
            set.skipped.push_back(id + ": " + why[c]);
            continue;
        }
        set.ids.push_back(id);
        set.sites.emplace_back();
        set.years.push_back(year);
        set.rows.push_back(row);
        set.cols.push_back(col);
        set.x.insert(set.x.end(), x.begin() + std::ptrdiff_t(c * xs), x.begin() + std::ptrdiff_t((c + 1) * xs));
        set.y.insert(set.y.end(), y.begin() + std::ptrdiff_t(c * kDays), y.begin() + std::ptrdiff_t((c + 1) * kDays));
    }
    return set;
}

} // namespace xmw::data
