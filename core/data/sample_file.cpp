#include "core/data/sample_file.h"

#include "core/data/atomic_file.h"
#include "core/data/data_error.h"
#include "core/data/hdf5_file.h"
#include "core/data/hdf5_lock.h"
#include "core/version.h"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <unistd.h>

namespace xmw::data {

namespace {

constexpr int kDays = kSequenceDays;

void writeSet(H5Writer &w, hid_t group, const SampleSet &set, const std::vector<SampleRole> *roles)
{
    const hsize_t n = set.size();
    std::vector<std::string> names, units;
    for (const auto &f : features()) {
        names.emplace_back(f.name);
        units.emplace_back(f.unit);
    }
    w.array(group, "x", H5T_NATIVE_FLOAT, {n, hsize_t(kDays), hsize_t(kFeatureCount)}, set.x.data(), [&](hid_t d) {
        w.textListAttribute(d, "feature_names", names);
        w.textListAttribute(d, "feature_units", units);
    });
    w.array(group, "y", H5T_NATIVE_FLOAT, {n, hsize_t(kDays)}, set.y.data(),
            [&](hid_t d) { w.textAttribute(d, "units", "nmol CH4 m-2 s-1"); });
    if (!set.measured.empty())
        w.array(group, "measured", H5T_NATIVE_FLOAT, {n, hsize_t(kDays)}, set.measured.data(), [&](hid_t d) {
            w.textAttribute(d, "units", "nmol CH4 m-2 s-1");
            w.textAttribute(d, "meaning", "the tower's FCH4, its daily flux from its own half-hours, not gap-filled; NaN on other days");
            if (!set.measuredColumn.empty())
                w.textAttribute(d, "column", set.measuredColumn);
        });
    w.strings(group, "id", set.ids);
    w.strings(group, "site", set.sites);
    w.array(group, "year", H5T_NATIVE_INT, {n}, set.years.data());
    w.array(group, "row", H5T_NATIVE_INT, {n}, set.rows.data());
    w.array(group, "col", H5T_NATIVE_INT, {n}, set.cols.data());
    if (roles) {
        std::vector<std::int8_t> codes;
        for (const SampleRole r : *roles)
            codes.push_back(std::int8_t(r));
        w.array(group, "role", H5T_NATIVE_INT8, {n}, codes.data(),
                [&](hid_t d) { w.textAttribute(d, "meaning", "0 train, 1 test, 2 unused (left out by --percent)"); });
    }
}

// Reading, for round trips and the engine.
class Reader : public H5Reader {
public:
    using H5Reader::H5Reader;

    SampleSet set(const std::string &group) const
    {
        SampleSet s;
        s.x = array<float>(group + "/x", H5T_NATIVE_FLOAT);
        s.y = array<float>(group + "/y", H5T_NATIVE_FLOAT);
        s.ids = strings(group + "/id");
        s.sites = strings(group + "/site");
        s.years = array<int>(group + "/year", H5T_NATIVE_INT);
        s.rows = array<int>(group + "/row", H5T_NATIVE_INT);
        s.cols = array<int>(group + "/col", H5T_NATIVE_INT);
        if (exists(group + "/measured")) {
            s.measured = array<float>(group + "/measured", H5T_NATIVE_FLOAT);
            // Files written before the measured days came from FCH4 have no column attribute.
            s.measuredColumn = textAttribute("column", group + "/measured").value_or("FCH4_F");
        }
        const std::size_t n = s.ids.size();
        if (!s.measured.empty() && s.measured.size() != n * kDays)
            fail("group '" + group + "' has inconsistent shapes");
        if (s.x.size() != n * kDays * kFeatureCount || s.y.size() != n * kDays || s.years.size() != n)
            fail("group '" + group + "' has inconsistent shapes");
        return s;
    }
};

} // namespace

void writeSampleFile(const std::filesystem::path &path, const SampleFile &contents)
{
    const auto lock = hdf5Lock();
    writeFileAtomically(path, [&](const std::filesystem::path &partial) {
        H5Writer w(partial, path);
        writeSet(w, w.group("towers"), contents.towers, &contents.roles);
        writeSet(w, w.group("tem"), contents.tem, nullptr);
        const hid_t norm = w.group("normalisation");
        w.array(norm, "mean", H5T_NATIVE_FLOAT, {hsize_t(kFeatureCount)}, contents.normalisation.mean.data());
        w.array(norm, "std", H5T_NATIVE_FLOAT, {hsize_t(kFeatureCount)}, contents.normalisation.stddev.data());
        w.textAttribute(w.file(), "split", contents.split);
        w.textAttribute(w.file(), "input_key", contents.inputKey);
        w.textAttribute(w.file(), "calendar", "365-day sequences: 29 February is dropped");
        w.textAttribute(w.file(), "created_by", std::string("xmw ") + kVersion);
        w.save();
    });
}

SampleFile readSampleFile(const std::filesystem::path &path)
{
    const auto lock = hdf5Lock();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        throw DataError(path, "file not found");
    const Reader r(path);
    SampleFile contents;
    contents.towers = r.set("towers");
    contents.tem = r.set("tem");
    for (const auto code : r.array<std::int8_t>("towers/role", H5T_NATIVE_INT8))
        contents.roles.push_back(SampleRole(code));
    const auto mean = r.array<float>("normalisation/mean", H5T_NATIVE_FLOAT);
    const auto stddev = r.array<float>("normalisation/std", H5T_NATIVE_FLOAT);
    if (mean.size() != kFeatureCount || stddev.size() != kFeatureCount)
        throw DataError(path, "normalisation statistics do not have 15 features");
    std::copy(mean.begin(), mean.end(), contents.normalisation.mean.begin());
    std::copy(stddev.begin(), stddev.end(), contents.normalisation.stddev.begin());
    contents.split = r.textAttribute("split").value_or("");
    contents.inputKey = r.textAttribute("input_key").value_or("");
    return contents;
}

std::optional<std::string> readInputKey(const std::filesystem::path &path)
{
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        return std::nullopt;
    const auto lock = hdf5Lock();
    try {
        return Reader(path).textAttribute("input_key");
    } catch (const DataError &) {
        return std::nullopt;
    }
}

std::string makeInputKey(const std::vector<std::filesystem::path> &files, const std::string &options)
{
    // FNV-1a over names, sizes and times: cheap, and any change of an input changes the key.
    std::uint64_t hash = 1469598103934665603ull;
    const auto mix = [&](const std::string &text) {
        for (const unsigned char c : text) {
            hash ^= c;
            hash *= 1099511628211ull;
        }
        hash ^= 0xff;
        hash *= 1099511628211ull;
    };
    std::vector<std::filesystem::path> sorted = files;
    std::sort(sorted.begin(), sorted.end());
    for (const auto &f : sorted) {
        std::error_code ec;
        mix(f.string());
        mix(std::to_string(std::filesystem::file_size(f, ec)));
        mix(std::to_string(std::filesystem::last_write_time(f, ec).time_since_epoch().count()));
    }
    mix(options);
    mix(kVersion);
    char text[24];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
    return text;
}

} // namespace xmw::data
