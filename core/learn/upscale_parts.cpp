#include "core/learn/upscale_parts.h"

#include "core/data/atomic_file.h"
#include "core/data/calendar.h"
#include "core/data/data_error.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

namespace xmw::learn {

namespace {

constexpr int kDays = data::kSequenceDays;

std::string partList(const std::vector<std::string> &names)
{
    std::string text;
    for (std::size_t i = 0; i < names.size() && i < 12; ++i)
        text.append(i ? ", " : "").append(names[i]);
    if (names.size() > 12)
        text += ", … (" + std::to_string(names.size()) + " in all)";
    return text;
}

} // namespace

std::string UpscalePart::fileName() const
{
    if (blocks == 1)
        return std::to_string(year) + ".nc";
    return std::to_string(year) + "-cells-" + std::to_string(block + 1) + "-of-" + std::to_string(blocks) + ".nc";
}

std::optional<UpscalePart> UpscalePart::parse(const std::string &fileName)
{
    UpscalePart p;
    int consumed = 0;
    if (std::sscanf(fileName.c_str(), "%d.nc%n", &p.year, &consumed) == 1 && consumed == int(fileName.size()))
        return p;
    int block = 0;
    if (std::sscanf(fileName.c_str(), "%d-cells-%d-of-%d.nc%n", &p.year, &block, &p.blocks, &consumed) == 3 &&
        consumed == int(fileName.size()) && block >= 1 && block <= p.blocks && p.blocks > 1) {
        p.block = block - 1;
        return p;
    }
    return std::nullopt;
}

std::vector<UpscalePart> planUpscaleParts(const std::vector<int> &years, int tasks)
{
    const int blocks = years.empty() ? 1 : std::max(1, int((std::size_t(tasks) + years.size() - 1) / years.size()));
    std::vector<UpscalePart> plan;
    for (const int year : years)
        for (int b = 0; b < blocks; ++b)
            plan.push_back({year, b, blocks});
    return plan;
}

std::vector<UpscalePart> partsOfTask(const std::vector<UpscalePart> &plan, int task, int tasks)
{
    std::vector<UpscalePart> mine;
    for (std::size_t i = std::size_t(task); i < plan.size(); i += std::size_t(tasks))
        mine.push_back(plan[i]);
    return mine;
}

std::filesystem::path partsFolder(const std::filesystem::path &out) { return std::filesystem::path(out.string() + ".parts"); }

std::pair<int, int> defineUpscaledFile(data::NetcdfFile &file, const UpscaledFileInfo &info)
{
    const data::Grid &g = info.grid;
    const std::size_t days = std::size_t(kDays) * std::size_t(info.years);
    const int time = file.addDimension("time", days);
    const int lat = file.addDimension("lat", std::size_t(g.rows));
    const int lon = file.addDimension("lon", std::size_t(g.cols));
    const int nv = file.addDimension("nv", 2);
    const int timeVar = file.addVariable("time", std::span(&time, 1), {}, 0, true);
    const int latVar = file.addVariable("lat", std::span(&lat, 1), {}, 0, true);
    const int lonVar = file.addVariable("lon", std::span(&lon, 1), {}, 0, true);
    const int timeBoundsDims[2] = {time, nv}, latBoundsDims[2] = {lat, nv}, lonBoundsDims[2] = {lon, nv};
    const int timeBounds = file.addVariable("time_bnds", timeBoundsDims, {}, 0, true);
    const int latBounds = file.addVariable("lat_bnds", latBoundsDims, {}, 0, true);
    const int lonBounds = file.addVariable("lon_bnds", lonBoundsDims, {}, 0, true);
    file.setAttribute(timeVar, "units", "days since " + std::to_string(info.firstYear) + "-01-01 00:00:00");
    file.setAttribute(timeVar, "calendar", "noleap");
    file.setAttribute(timeVar, "standard_name", "time");
    file.setAttribute(timeVar, "long_name", "time (start of the day)");
    file.setAttribute(timeVar, "axis", "T");
    file.setAttribute(timeVar, "bounds", "time_bnds");
    // Grid coordinates are cell centres; the bounds say which area each value stands for.
    file.setAttribute(latVar, "units", "degrees_north");
    file.setAttribute(latVar, "standard_name", "latitude");
    file.setAttribute(latVar, "long_name", "latitude of the cell centre");
    file.setAttribute(latVar, "axis", "Y");
    file.setAttribute(latVar, "bounds", "lat_bnds");
    file.setAttribute(lonVar, "units", "degrees_east");
    file.setAttribute(lonVar, "standard_name", "longitude");
    file.setAttribute(lonVar, "long_name", "longitude of the cell centre");
    file.setAttribute(lonVar, "axis", "X");
    file.setAttribute(lonVar, "bounds", "lon_bnds");
    const int dims[3] = {time, lat, lon};
    const std::size_t chunks[3] = {1, std::size_t(g.rows), std::size_t(g.cols)};
    const auto describeFlux = [&](int varid, const std::string &longName, const std::string &comment) {
        file.setAttribute(varid, "units", "nmol m-2 s-1");
        file.setAttribute(varid, "standard_name", "surface_upward_mole_flux_of_methane");
        file.setAttribute(varid, "long_name", longName);
        file.setAttribute(varid, "cell_methods", "time: mean");
        file.setAttribute(varid, "_FillValue", kUpscaleFill, true);
        file.setAttribute(varid, "comment", comment);
    };
    const int prediction = file.addVariable("CH4_prediction", dims, chunks, 4);
    describeFlux(prediction, info.predictionLongName,
                 "nmol CH4 m-2 s-1, the daily mean; cells without a prediction (ocean, missing inputs) are filled");
    const int simulated = file.addVariable("CH4_emission_TEM_MDM", dims, chunks, 4);
    describeFlux(simulated, "daily wetland CH4 emission simulated by TEM-MDM",
                 "TEM-MDM's CH4_emission on the same cells, converted to nmol CH4 m-2 s-1 (the daily mean)");
    file.setAttribute(data::NetcdfFile::kGlobal, "Conventions", "CF-1.8");
    file.setAttribute(data::NetcdfFile::kGlobal, "title", info.title);
    file.setAttribute(data::NetcdfFile::kGlobal, "source", info.source);
    file.setAttribute(data::NetcdfFile::kGlobal, "history", info.history);
    file.setAttribute(data::NetcdfFile::kGlobal, "coverage", info.coverage);
    if (!info.part.empty())
        file.setAttribute(data::NetcdfFile::kGlobal, "part", info.part);
    file.setAttribute(data::NetcdfFile::kGlobal, "calendar_note", "365-day sequences: 29 February is not predicted");
    file.endDefinitions();

    std::vector<double> coordinate(days), bounds(2 * days);
    for (std::size_t d = 0; d < days; ++d) {
        coordinate[d] = double(d);
        bounds[2 * d] = double(d);
        bounds[2 * d + 1] = double(d + 1);
    }
    std::size_t start1[1] = {0}, count1[1] = {days};
    std::size_t start2[2] = {0, 0}, count2[2] = {days, 2};
    file.write(timeVar, start1, count1, coordinate.data());
    file.write(timeBounds, start2, count2, bounds.data());
    const auto writeAxis = [&](int varid, int boundsVarid, int n, double first, double step) {
        coordinate.resize(std::size_t(n));
        bounds.resize(2 * std::size_t(n));
        for (int i = 0; i < n; ++i) {
            coordinate[std::size_t(i)] = first + i * step;
            bounds[2 * std::size_t(i)] = first + (i - 0.5) * step;
            bounds[2 * std::size_t(i) + 1] = first + (i + 0.5) * step;
        }
        count1[0] = count2[0] = std::size_t(n);
        file.write(varid, start1, count1, coordinate.data());
        file.write(boundsVarid, start2, count2, bounds.data());
    };
    writeAxis(latVar, latBounds, g.rows, g.lat(0), g.dLat);
    writeAxis(lonVar, lonBounds, g.cols, g.lon(0), g.dLon);
    return {prediction, simulated};
}

void mergeUpscaleParts(const std::filesystem::path &out, const std::vector<int> &years, const std::string &history, Feedback &feedback)
{
    const std::filesystem::path folder = partsFolder(out);
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec))
        throw data::DataError(folder, "no parts to merge (the workers of `xmw upscale --years … --task I --tasks N` write them here)");
    if (years.empty())
        throw data::DataError(folder, "no years to merge");

    // What is there, by year and cut.
    std::map<int, std::map<int, std::vector<UpscalePart>>> byYear; // year → blocks → parts
    for (const auto &entry : std::filesystem::directory_iterator(folder, ec))
        if (const auto part = UpscalePart::parse(entry.path().filename().string()))
            byYear[part->year][part->blocks].push_back(*part);
    std::vector<std::string> overlapping, missing;
    int tasks = 0; // as the parts tell it, to say which task makes a missing part
    std::vector<std::pair<UpscalePart, std::filesystem::path>> parts;
    for (const int year : years) {
        const auto found = byYear.find(year);
        if (found == byYear.end()) {
            missing.push_back(std::to_string(year) + " (all of it)");
            continue;
        }
        if (found->second.size() > 1) { // cut in two ways: the cells overlap
            std::vector<std::string> cuts;
            for (const auto &[blocks, list] : found->second)
                cuts.push_back(list.front().fileName());
            overlapping.push_back(std::to_string(year) + " (" + partList(cuts) + ")");
            continue;
        }
        const auto &[blocks, list] = *found->second.begin();
        for (int b = 0; b < blocks; ++b) {
            const UpscalePart want{year, b, blocks};
            if (std::find(list.begin(), list.end(), want) == list.end())
                missing.push_back(want.fileName());
            else
                parts.emplace_back(want, folder / want.fileName());
        }
    }
    if (!overlapping.empty())
        throw data::DataError(folder,
                              "parts overlap: " + partList(overlapping) +
                                  " were cut for different numbers of tasks; remove the stale ones and merge again");

    // Every part must be of the same run, grid and coverage; the first one sets them.
    UpscaledFileInfo info;
    info.firstYear = years.front();
    info.years = int(years.size());
    std::string partTasks;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const data::NetcdfFile file = data::NetcdfFile::open(parts[i].second);
        const auto dims = file.dimensions(file.variable("CH4_prediction"));
        if (dims.size() != 3 || dims[0].length != std::size_t(kDays))
            throw data::DataError(parts[i].second, "CH4_prediction is not (time = 365, lat, lon): not a part of an upscaled map");
        double lat0[1] = {0}, lon0[1] = {0}, lat1[1] = {0}, lon1[1] = {0};
        const std::size_t first[1] = {0}, one[1] = {1}, second[1] = {1};
        file.read(file.variable("lat"), first, one, lat0);
        file.read(file.variable("lon"), first, one, lon0);
        data::Grid grid;
        grid.rows = int(dims[1].length);
        grid.cols = int(dims[2].length);
        if (grid.rows > 1)
            file.read(file.variable("lat"), second, one, lat1);
        if (grid.cols > 1)
            file.read(file.variable("lon"), second, one, lon1);
        grid.lat0 = lat0[0];
        grid.lon0 = lon0[0];
        grid.dLat = grid.rows > 1 ? lat1[0] - lat0[0] : 180.0;
        grid.dLon = grid.cols > 1 ? lon1[0] - lon0[0] : 360.0;
        const std::string source = file.textAttribute(data::NetcdfFile::kGlobal, "source").value_or("");
        const std::string coverage = file.textAttribute(data::NetcdfFile::kGlobal, "coverage").value_or("");
        if (i == 0) {
            info.grid = grid;
            info.source = source;
            info.coverage = coverage;
            info.predictionLongName = file.textAttribute(file.variable("CH4_prediction"), "long_name").value_or("");
            partTasks = file.textAttribute(data::NetcdfFile::kGlobal, "part").value_or("");
        } else if (!grid.sameAs(info.grid)) {
            throw data::DataError(parts[i].second, "its grid differs from " + parts[0].second.filename().string() + "'s");
        } else if (source != info.source) {
            throw data::DataError(parts[i].second,
                                  "it was made by another run than " + parts[0].second.filename().string() +
                                      " (their 'source' attributes differ)");
        } else if (coverage != info.coverage) {
            throw data::DataError(parts[i].second,
                                  "it covers " + coverage + " cells and " + parts[0].second.filename().string() + " covers " +
                                      info.coverage + " cells (--all-land)");
        }
    }
    if (!missing.empty()) {
        std::string which;
        if (int task = 0, n = 0; std::sscanf(partTasks.c_str(), "task %d of %d", &task, &n) == 2 && n > 0) {
            tasks = n;
            const auto plan = planUpscaleParts(years, tasks);
            std::set<int> needed;
            for (std::size_t i = 0; i < plan.size(); ++i)
                if (std::find(missing.begin(), missing.end(), plan[i].fileName()) != missing.end() ||
                    std::find(missing.begin(), missing.end(), std::to_string(plan[i].year) + " (all of it)") != missing.end())
                    needed.insert(int(i % std::size_t(tasks)));
            for (const int t : needed)
                which.append(which.empty() ? "" : ", ").append(std::to_string(t));
            which = "; run --task " + which + " of --tasks " + std::to_string(tasks) + " (again) to make them";
        }
        throw data::DataError(folder, "parts missing: " + partList(missing) + which);
    }

    // The fields are written day by day, so the file may be far larger than memory; it must fit
    // on the disk, which NetCDF-C cannot report cleanly when it fills (see NetcdfFile::createInMemory).
    const double bytes = 2.0 * 4.0 * double(info.grid.cellCount()) * kDays * double(years.size());
    const auto space = std::filesystem::space(out.parent_path().empty() ? std::filesystem::path(".") : out.parent_path(), ec);
    if (!ec && double(space.available) < bytes)
        throw data::DataError(out,
                              "the merged file needs up to " + std::to_string(int(bytes / 1e9 + 1)) +
                                  " GB (uncompressed) and the disk has " + std::to_string(int(double(space.available) / 1e9)) + " GB free");

    info.title = "X-MethaneWet upscaled CH4 prediction, " + std::to_string(years.front()) +
        (years.size() > 1 ? "–" + std::to_string(years.back()) : std::string());
    info.history = history;
    data::writeFileAtomically(out, [&](const std::filesystem::path &partial) {
        data::NetcdfFile target = data::NetcdfFile::create(partial);
        const std::pair<int, int> ids = defineUpscaledFile(target, info);
        const std::size_t cells = info.grid.cellCount();
        std::vector<float> field(cells), piece(cells);
        std::size_t next = 0;
        for (std::size_t y = 0; y < years.size(); ++y) {
            std::vector<std::size_t> mine; // this year's parts
            for (; next < parts.size() && parts[next].first.year == years[y]; ++next)
                mine.push_back(next);
            std::vector<data::NetcdfFile> files;
            for (const std::size_t i : mine)
                files.push_back(data::NetcdfFile::open(parts[i].second));
            for (int day = 0; day < kDays; ++day) {
                for (const int which : {ids.first, ids.second}) {
                    const char *name = which == ids.first ? "CH4_prediction" : "CH4_emission_TEM_MDM";
                    std::fill(field.begin(), field.end(), kUpscaleFill);
                    const std::size_t start[3] = {std::size_t(day), 0, 0};
                    const std::size_t count[3] = {1, std::size_t(info.grid.rows), std::size_t(info.grid.cols)};
                    for (std::size_t f = 0; f < files.size(); ++f) {
                        files[f].read(files[f].variable(name), start, count, piece.data());
                        for (std::size_t c = 0; c < cells; ++c) {
                            if (piece[c] == kUpscaleFill || std::isnan(piece[c]))
                                continue;
                            if (field[c] != kUpscaleFill)
                                throw data::DataError(parts[mine[f]].second,
                                                      "overlaps another part of " + std::to_string(years[y]) +
                                                          ": both have a value in cell " + std::to_string(c));
                            field[c] = piece[c];
                        }
                    }
                    const std::size_t at[3] = {y * std::size_t(kDays) + std::size_t(day), 0, 0};
                    target.write(which, at, count, field.data());
                }
                if (feedback.isCanceled())
                    throw Canceled();
                feedback.setProgress((double(y) + double(day + 1) / kDays) / double(years.size()), "merging");
            }
        }
        target.close();
    });
    for (const auto &[part, path] : parts)
        std::filesystem::remove(path, ec);
    std::filesystem::remove(folder, ec); // only when nothing else is left in it
}

} // namespace xmw::learn
