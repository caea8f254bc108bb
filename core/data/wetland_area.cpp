#include "core/data/wetland_area.h"

#include "core/data/cell_area.h"
#include "core/data/data_error.h"
#include "core/data/grid_dataset.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

namespace xmw::data {

namespace {

// The overlap (degrees) of two longitude intervals, on a circle.
double longitudeOverlap(double west1, double east1, double west2, double east2)
{
    double total = 0.0;
    for (const double shift : {-360.0, 0.0, 360.0})
        total += std::max(0.0, std::min(east1, east2 + shift) - std::max(west1, west2 + shift));
    return total;
}

std::string normalisedUnits(std::string text)
{
    std::string out;
    for (const char c : text)
        if (!std::isspace(static_cast<unsigned char>(c)))
            out += char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string latLonText(double lat, double lon)
{
    char text[64];
    std::snprintf(text, sizeof text, "%.3f°%c %.3f°%c", std::abs(lat), lat >= 0 ? 'N' : 'S', std::abs(lon), lon >= 0 ? 'E' : 'W');
    return text;
}

} // namespace

ConservativeRegridder::ConservativeRegridder(const Grid &source, const Grid &target)
    : source_(source)
    , target_(target)
    , rowOverlaps_(std::size_t(source.rows))
    , colOverlaps_(std::size_t(source.cols))
    , targetRowAreas_(rowAreas(target))
{
    for (int i = 0; i < source.rows; ++i) {
        const double s = std::max(-90.0, source.lat(i) - source.dLat / 2), n = std::min(90.0, source.lat(i) + source.dLat / 2);
        for (int j = 0; j < target.rows; ++j) {
            const double ts = std::max(-90.0, target.lat(j) - target.dLat / 2), tn = std::min(90.0, target.lat(j) + target.dLat / 2);
            const double lo = std::max(s, ts), hi = std::min(n, tn);
            if (hi > lo)
                rowOverlaps_[std::size_t(i)].push_back({j, std::sin(degreesToRadians(hi)) - std::sin(degreesToRadians(lo))});
        }
    }
    for (int k = 0; k < source.cols; ++k) {
        const double w = source.lon(k) - source.dLon / 2, e = source.lon(k) + source.dLon / 2;
        // Only the target columns near the source column can overlap it: start one before the
        // column of its west edge and walk east until past its east edge.
        const int first = target.col(w) - 1;
        const int steps = int(std::ceil(source.dLon / target.dLon)) + 3;
        for (int step = 0; step < std::min(steps, target.cols); ++step) {
            const int l = ((first + step) % target.cols + target.cols) % target.cols;
            const double overlap = longitudeOverlap(w, e, target.lon(l) - target.dLon / 2, target.lon(l) + target.dLon / 2);
            if (overlap > 0.0)
                colOverlaps_[std::size_t(k)].push_back({l, degreesToRadians(overlap)});
        }
    }
}

std::vector<float> ConservativeRegridder::regrid(const std::vector<float> &fraction) const
{
    const double r2 = kEarthRadiusMetres * kEarthRadiusMetres;
    std::vector<double> area(target_.cellCount(), 0.0), row(std::size_t(target_.cols));
    for (int i = 0; i < source_.rows; ++i) {
        std::fill(row.begin(), row.end(), 0.0);
        bool any = false;
        for (int k = 0; k < source_.cols; ++k) {
            const float value = fraction[std::size_t(i) * std::size_t(source_.cols) + std::size_t(k)];
            if (!(value > 0.0f)) // NaN (ocean, no data) and zero add nothing
                continue;
            any = true;
            for (const Overlap &o : colOverlaps_[std::size_t(k)])
                row[std::size_t(o.index)] += double(value) * o.weight;
        }
        if (!any)
            continue;
        for (const Overlap &o : rowOverlaps_[std::size_t(i)])
            for (int l = 0; l < target_.cols; ++l)
                area[std::size_t(o.index) * std::size_t(target_.cols) + std::size_t(l)] += r2 * o.weight * row[std::size_t(l)];
    }
    std::vector<float> out(target_.cellCount());
    for (int j = 0; j < target_.rows; ++j)
        for (int l = 0; l < target_.cols; ++l) {
            const std::size_t cell = std::size_t(j) * std::size_t(target_.cols) + std::size_t(l);
            out[cell] = float(std::min(1.0, area[cell] / targetRowAreas_[std::size_t(j)]));
        }
    return out;
}

WetlandAreaMap::WetlandAreaMap(const std::filesystem::path &file, const std::string &variable, const Grid &target)
    : file_(std::make_unique<GridVariableFile>(file, variable))
    , target_(target)
    , regridder_(file_->grid(), target)
{
    using Layout = GridVariableFile::Layout;
    if (file_->layout() != Layout::LatLon && file_->layout() != Layout::TimeLatLon)
        throw DataError(file, "'" + variable + "' must be a (time, lat, lon) or (lat, lon) field of wetland fraction or area");
    const std::string units = normalisedUnits(file_->units());
    if (units.empty())
        throw DataError(file,
                        "'" + variable +
                            "' has no units attribute: a wetland map must say whether it is a fraction (\"1\"), a percentage (\"%\") or an "
                            "area (\"m2\", \"km2\")");
    if (units == "1" || units == "fraction" || units == "m2m-2" || units == "m2/m2" || units == "m^2/m^2" || units == "0-1")
        kind_ = Kind::Fraction;
    else if (units == "%" || units == "percent")
        kind_ = Kind::Percent;
    else if (units == "m2" || units == "m^2")
        kind_ = Kind::SquareMetres;
    else if (units == "km2" || units == "km^2")
        kind_ = Kind::SquareKilometres;
    else
        throw DataError(file,
                        "'" + variable + "' has units '" + file_->units() +
                            "', which is not a wetland fraction (\"1\"), a percentage (\"%\") or an area (\"m2\", \"km2\")");
    const auto &dates = file_->dates();
    for (std::size_t step = 0; step < dates.size(); ++step)
        steps_[{dates[step].year, dates[step].month}].push_back(int(step));
    if (!steps_.empty())
        span_ = {steps_.begin()->first.first, steps_.rbegin()->first.first};
}

bool WetlandAreaMap::hasMonth(int year, int month) const { return isStatic() || steps_.count({year, month}) != 0; }

std::vector<float> WetlandAreaMap::toFraction(std::vector<float> values, int step) const
{
    const Grid &g = file_->grid();
    for (int r = 0; r < g.rows; ++r) {
        const double area = cellArea(g, r);
        for (int c = 0; c < g.cols; ++c) {
            float &v = values[std::size_t(r) * std::size_t(g.cols) + std::size_t(c)];
            if (std::isnan(v))
                continue;
            switch (kind_) {
            case Kind::Fraction: break;
            case Kind::Percent: v /= 100.0f; break;
            case Kind::SquareMetres: v = float(double(v) / area); break;
            case Kind::SquareKilometres: v = float(double(v) * 1e6 / area); break;
            }
            // A little over 1 is rounding in the file; more is not a fraction of the cell.
            if (!(v >= -1e-6f && v <= 1.001f)) {
                const std::string when = isStatic()
                    ? std::string()
                    : " at time step " + std::to_string(step) + " (" + toIsoString(file_->dates()[std::size_t(step)]) + ")";
                char value[32];
                std::snprintf(value, sizeof value, "%g", double(v));
                throw DataError(file_->path(),
                                "'" + file_->name() + "' gives a wetland fraction of " + value + " at " + latLonText(g.lat(r), g.lon(c)) +
                                    when + ": a fraction of a cell must lie within 0–1");
            }
            v = std::clamp(v, 0.0f, 1.0f);
        }
    }
    return values;
}

std::vector<float> WetlandAreaMap::readRegridded(const std::vector<int> &steps) const
{
    std::vector<double> sum(file_->grid().cellCount(), 0.0);
    for (const int step : steps) {
        const std::vector<float> values = toFraction(file_->readField(0, step), step);
        for (std::size_t i = 0; i < sum.size(); ++i)
            if (!std::isnan(values[i]))
                sum[i] += values[i];
    }
    std::vector<float> mean(sum.size());
    for (std::size_t i = 0; i < sum.size(); ++i)
        mean[i] = float(sum[i] / double(std::max<std::size_t>(steps.size(), 1)));
    return regridder_.regrid(mean);
}

std::vector<float> WetlandAreaMap::fraction(int year, int month) const
{
    if (isStatic()) {
        if (cached_.empty())
            cached_ = regridder_.regrid(toFraction(file_->readField(0, 0), 0));
        return cached_;
    }
    if (cachedMonth_ == std::pair(year, month) && !cached_.empty())
        return cached_;
    if (const auto it = steps_.find({year, month}); it != steps_.end()) {
        cached_ = readRegridded(it->second);
        cachedMonth_ = {year, month};
        return cached_;
    }
    std::vector<float> &climatology = climatology_.at(std::size_t(month - 1));
    if (climatology.empty()) {
        std::vector<int> steps;
        for (const auto &[key, monthSteps] : steps_)
            if (key.second == month)
                steps.insert(steps.end(), monthSteps.begin(), monthSteps.end());
        if (steps.empty())
            throw DataError(file_->path(),
                            "'" + file_->name() + "' has no values for month " + std::to_string(month) +
                                " in any year, so it has no climatology for it");
        climatology = readRegridded(steps);
    }
    return climatology;
}

std::optional<std::filesystem::path> wetlandMapBeside(const std::filesystem::path &datasetRoot, const std::string &howToSay)
{
    std::error_code ec;
    const auto folder = datasetRoot / layout::kWetlandFolder;
    std::vector<std::filesystem::path> found;
    for (const auto &entry : std::filesystem::directory_iterator(folder, ec))
        if (entry.path().extension() == ".nc")
            found.push_back(entry.path());
    if (found.size() > 1)
        throw DataError(folder, "holds " + std::to_string(found.size()) + " NetCDF files: " + howToSay);
    return found.empty() ? std::nullopt : std::optional(found.front());
}

} // namespace xmw::data
