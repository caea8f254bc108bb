#include "core/data/sample_file.h"

#include "core/data/data_error.h"
#include "core/data/hdf5_lock.h"
#include "core/version.h"

#include <hdf5.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <unistd.h>

namespace xmw::data {

namespace {

constexpr int kDays = kSequenceDays;

// An HDF5 identifier closed by the right H5*close when it goes out of scope.
class Handle {
public:
    Handle(hid_t id, herr_t (*close)(hid_t))
        : id_(id)
        , close_(close)
    {
    }
    Handle(const Handle &) = delete;
    Handle &operator=(const Handle &) = delete;
    ~Handle()
    {
        if (id_ >= 0)
            close_(id_);
    }
    operator hid_t() const { return id_; }
    [[nodiscard]] bool valid() const { return id_ >= 0; }

private:
    hid_t id_;
    herr_t (*close_)(hid_t);
};

// Variable-length UTF-8 strings, on disk and in memory alike: HDF5 does not convert between
// character sets, so readers must ask for exactly what writers store.
hid_t makeStringType()
{
    const hid_t type = H5Tcopy(H5T_C_S1);
    H5Tset_size(type, H5T_VARIABLE);
    H5Tset_cset(type, H5T_CSET_UTF8);
    return type;
}

class Writer {
public:
    explicit Writer(const std::filesystem::path &path)
        : path_(path)
        , file_(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), H5Fclose)
    {
        if (!file_.valid())
            throw DataError(path, "cannot create the HDF5 file");
    }

    hid_t file() const { return file_; }

    hid_t group(const char *name)
    {
        groups_.push_back(std::make_unique<Handle>(H5Gcreate2(file_, name, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT), H5Gclose));
        check(groups_.back()->valid(), name);
        return *groups_.back();
    }

    template <typename T>
    void array(hid_t where, const char *name, hid_t type, const std::vector<hsize_t> &dims, const T *data,
               const std::function<void(hid_t)> &decorate = {})
    {
        Handle space(H5Screate_simple(int(dims.size()), dims.data(), nullptr), H5Sclose);
        Handle properties(H5Pcreate(H5P_DATASET_CREATE), H5Pclose);
        if (dims.front() > 0 && dims.size() > 1) {
            std::vector<hsize_t> chunk = dims;
            chunk.front() = std::min<hsize_t>(dims.front(), 64);
            H5Pset_chunk(properties, int(chunk.size()), chunk.data());
            H5Pset_shuffle(properties);
            H5Pset_deflate(properties, 4);
        }
        Handle dataset(H5Dcreate2(where, name, type, space, H5P_DEFAULT, properties, H5P_DEFAULT), H5Dclose);
        check(dataset.valid(), name);
        if (dims.front() > 0)
            check(H5Dwrite(dataset, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, data) >= 0, name);
        if (decorate)
            decorate(dataset);
    }

    void strings(hid_t where, const char *name, const std::vector<std::string> &values)
    {
        std::vector<const char *> pointers;
        for (const auto &v : values)
            pointers.push_back(v.c_str());
        Handle type(makeStringType(), H5Tclose);
        array(where, name, type, {hsize_t(values.size())}, pointers.data());
    }

    void textAttribute(hid_t where, const char *name, const std::string &text)
    {
        Handle type(makeStringType(), H5Tclose);
        Handle space(H5Screate(H5S_SCALAR), H5Sclose);
        Handle attribute(H5Acreate2(where, name, type, space, H5P_DEFAULT, H5P_DEFAULT), H5Aclose);
        const char *pointer = text.c_str();
        check(attribute.valid() && H5Awrite(attribute, type, &pointer) >= 0, name);
    }

    void textListAttribute(hid_t where, const char *name, const std::vector<std::string> &texts)
    {
        std::vector<const char *> pointers;
        for (const auto &t : texts)
            pointers.push_back(t.c_str());
        Handle type(makeStringType(), H5Tclose);
        const hsize_t n = texts.size();
        Handle space(H5Screate_simple(1, &n, nullptr), H5Sclose);
        Handle attribute(H5Acreate2(where, name, type, space, H5P_DEFAULT, H5P_DEFAULT), H5Aclose);
        check(attribute.valid() && H5Awrite(attribute, type, pointers.data()) >= 0, name);
    }

    void check(bool ok, const char *what) const
    {
        if (!ok)
            throw DataError(path_, std::string("writing '") + what + "' failed");
    }

private:
    std::filesystem::path path_;
    Handle file_;
    std::vector<std::unique_ptr<Handle>> groups_;
};

void writeSet(Writer &w, hid_t group, const SampleSet &set, const std::vector<SampleRole> *roles)
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
class Reader {
public:
    explicit Reader(const std::filesystem::path &path)
        : path_(path)
        , file_(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose)
    {
        if (!file_.valid())
            throw DataError(path, "not a readable HDF5 file");
    }

    template <typename T>
    std::vector<T> array(const std::string &name, hid_t type) const
    {
        Handle d(H5Dopen2(file_, name.c_str(), H5P_DEFAULT), H5Dclose);
        if (!d.valid())
            throw DataError(path_, "no dataset '" + name + "'");
        Handle space(H5Dget_space(d), H5Sclose);
        const hssize_t count = H5Sget_simple_extent_npoints(space);
        std::vector<T> values(std::size_t(std::max<hssize_t>(0, count)));
        if (count > 0 && H5Dread(d, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()) < 0)
            throw DataError(path_, "reading '" + name + "' failed");
        return values;
    }

    std::vector<std::string> strings(const std::string &name) const
    {
        Handle type(makeStringType(), H5Tclose);
        auto pointers = array<char *>(name, type);
        std::vector<std::string> out;
        for (char *p : pointers) {
            out.emplace_back(p ? p : "");
            H5free_memory(p);
        }
        return out;
    }

    std::optional<std::string> textAttribute(const std::string &name) const
    {
        if (H5Aexists(file_, name.c_str()) <= 0)
            return std::nullopt;
        Handle attribute(H5Aopen(file_, name.c_str(), H5P_DEFAULT), H5Aclose);
        Handle type(makeStringType(), H5Tclose);
        char *text = nullptr;
        if (H5Aread(attribute, type, &text) < 0)
            return std::nullopt;
        std::string out = text ? text : "";
        H5free_memory(text);
        return out;
    }

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
        const std::size_t n = s.ids.size();
        if (s.x.size() != n * kDays * kFeatureCount || s.y.size() != n * kDays || s.years.size() != n)
            throw DataError(path_, "group '" + group + "' has inconsistent shapes");
        return s;
    }

private:
    std::filesystem::path path_;
    Handle file_;
};

} // namespace

void writeSampleFile(const std::filesystem::path &path, const SampleFile &contents)
{
    const auto lock = hdf5Lock();
    const std::filesystem::path partial = path.string() + ".partial-" + std::to_string(::getpid());
    try {
        {
            Writer w(partial);
            writeSet(w, w.group("towers"), contents.towers, &contents.roles);
            writeSet(w, w.group("tem"), contents.tem, nullptr);
            const hid_t norm = w.group("normalisation");
            w.array(norm, "mean", H5T_NATIVE_FLOAT, {hsize_t(kFeatureCount)}, contents.normalisation.mean.data());
            w.array(norm, "std", H5T_NATIVE_FLOAT, {hsize_t(kFeatureCount)}, contents.normalisation.stddev.data());
            w.textAttribute(w.file(), "split", contents.split);
            w.textAttribute(w.file(), "input_key", contents.inputKey);
            w.textAttribute(w.file(), "calendar", "365-day sequences: 29 February is dropped");
            w.textAttribute(w.file(), "created_by", std::string("xmw ") + kVersion);
        }
        std::filesystem::rename(partial, path);
    } catch (...) {
        std::error_code ec;
        std::filesystem::remove(partial, ec);
        throw;
    }
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
