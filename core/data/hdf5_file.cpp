#include "core/data/hdf5_file.h"

#include "core/data/atomic_file.h"

#include <algorithm>
#include <cstdint>
#include <string>

namespace xmw::data {

namespace {

// Whether an attribute holds exactly one value of the given class: reading it into one variable is
// then safe (an array attribute would be written past it).
bool isSingleValue(hid_t attribute, H5T_class_t typeClass)
{
    if (attribute < 0)
        return false;
    H5Handle space(H5Aget_space(attribute), H5Sclose);
    H5Handle type(H5Aget_type(attribute), H5Tclose);
    return space.valid() && type.valid() && H5Sget_simple_extent_npoints(space) == 1 && H5Tget_class(type) == typeClass;
}

} // namespace

hid_t makeStringType()
{
    const hid_t type = H5Tcopy(H5T_C_S1);
    H5Tset_size(type, H5T_VARIABLE);
    H5Tset_cset(type, H5T_CSET_UTF8);
    return type;
}

namespace {

hid_t inMemoryAccess()
{
    const hid_t fapl = H5Pcreate(H5P_FILE_ACCESS);
    H5Pset_fapl_core(fapl, std::size_t(4) << 20, false); // grow by 4 MiB; no file of its own
    return fapl;
}

} // namespace

H5Writer::H5Writer(const std::filesystem::path &file, const std::filesystem::path &reportAs)
    : target_(file)
    , path_(reportAs)
    , file_(H5Fcreate(file.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5Handle(inMemoryAccess(), H5Pclose)), H5Fclose)
{
    if (!file_.valid())
        throw DataError(reportAs, "cannot create the HDF5 file");
}

void H5Writer::save()
{
    groups_.clear();
    check(H5Fflush(file_, H5F_SCOPE_GLOBAL) >= 0, "flush");
    const ssize_t size = H5Fget_file_image(file_, nullptr, 0);
    check(size > 0, "file image");
    std::string image(std::size_t(size), '\0');
    check(H5Fget_file_image(file_, image.data(), image.size()) == size, "file image");
    writeBytes(target_, image, path_);
}

hid_t H5Writer::group(const std::string &name)
{
    groups_.push_back(std::make_unique<H5Handle>(H5Gcreate2(file_, name.c_str(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT), H5Gclose));
    check(groups_.back()->valid(), name);
    return *groups_.back();
}

void H5Writer::writeArray(hid_t where, const std::string &name, hid_t type, const std::vector<hsize_t> &dims, const void *data,
                          const std::function<void(hid_t)> &decorate)
{
    H5Handle space(H5Screate_simple(int(dims.size()), dims.data(), nullptr), H5Sclose);
    H5Handle properties(H5Pcreate(H5P_DATASET_CREATE), H5Pclose);
    if (dims.front() > 0 && dims.size() > 1) {
        std::vector<hsize_t> chunk = dims;
        chunk.front() = std::min<hsize_t>(dims.front(), 64);
        H5Pset_chunk(properties, int(chunk.size()), chunk.data());
        H5Pset_shuffle(properties);
        H5Pset_deflate(properties, 4);
    }
    H5Handle dataset(H5Dcreate2(where, name.c_str(), type, space, H5P_DEFAULT, properties, H5P_DEFAULT), H5Dclose);
    check(dataset.valid(), name);
    if (dims.front() > 0)
        check(H5Dwrite(dataset, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, data) >= 0, name);
    if (decorate)
        decorate(dataset);
}

void H5Writer::strings(hid_t where, const std::string &name, const std::vector<std::string> &values)
{
    std::vector<const char *> pointers;
    for (const auto &v : values)
        pointers.push_back(v.c_str());
    H5Handle type(makeStringType(), H5Tclose);
    array(where, name, type, {hsize_t(values.size())}, pointers.data());
}

void H5Writer::bytes(hid_t where, const std::string &name, const std::string &data)
{
    array(where, name, H5T_NATIVE_UINT8, {hsize_t(data.size())}, data.data());
}

void H5Writer::textAttribute(hid_t where, const std::string &name, const std::string &text)
{
    H5Handle type(makeStringType(), H5Tclose);
    H5Handle space(H5Screate(H5S_SCALAR), H5Sclose);
    H5Handle attribute(H5Acreate2(where, name.c_str(), type, space, H5P_DEFAULT, H5P_DEFAULT), H5Aclose);
    const char *pointer = text.c_str();
    check(attribute.valid() && H5Awrite(attribute, type, &pointer) >= 0, name);
}

void H5Writer::textListAttribute(hid_t where, const std::string &name, const std::vector<std::string> &texts)
{
    std::vector<const char *> pointers;
    for (const auto &t : texts)
        pointers.push_back(t.c_str());
    H5Handle type(makeStringType(), H5Tclose);
    const hsize_t n = texts.size();
    H5Handle space(H5Screate_simple(1, &n, nullptr), H5Sclose);
    H5Handle attribute(H5Acreate2(where, name.c_str(), type, space, H5P_DEFAULT, H5P_DEFAULT), H5Aclose);
    check(attribute.valid() && H5Awrite(attribute, type, pointers.data()) >= 0, name);
}

void H5Writer::numberAttribute(hid_t where, const std::string &name, double value)
{
    H5Handle space(H5Screate(H5S_SCALAR), H5Sclose);
    H5Handle attribute(H5Acreate2(where, name.c_str(), H5T_NATIVE_DOUBLE, space, H5P_DEFAULT, H5P_DEFAULT), H5Aclose);
    check(attribute.valid() && H5Awrite(attribute, H5T_NATIVE_DOUBLE, &value) >= 0, name);
}

void H5Writer::check(bool ok, const std::string &what) const
{
    if (!ok)
        throw DataError(path_, "writing '" + what + "' failed");
}

H5Reader::H5Reader(const std::filesystem::path &path)
    : path_(path)
    , file_(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose)
{
    if (!file_.valid())
        throw DataError(path, "not a readable HDF5 file");
}

bool H5Reader::exists(const std::string &path) const
{
    // H5Lexists must be asked one level at a time.
    std::string prefix;
    std::size_t start = 0;
    while (start < path.size()) {
        const std::size_t slash = path.find('/', start);
        const std::size_t end = slash == std::string::npos ? path.size() : slash;
        if (!prefix.empty())
            prefix += '/';
        prefix.append(path, start, end - start);
        if (H5Lexists(file_, prefix.c_str(), H5P_DEFAULT) <= 0)
            return false;
        start = end + 1;
    }
    return true;
}

std::size_t H5Reader::count(const std::string &name, std::size_t elementSize) const
{
    H5Handle d(H5Dopen2(file_, name.c_str(), H5P_DEFAULT), H5Dclose);
    if (!d.valid())
        fail("no dataset '" + name + "'");
    H5Handle space(H5Dget_space(d), H5Sclose);
    const hssize_t points = H5Sget_simple_extent_npoints(space);
    if (points < 0)
        fail("dataset '" + name + "' has no readable shape");
    // A damaged header can claim any shape; the values must come from bytes that are in the file.
    // Deflate packs at most ~1032:1, so a dataset cannot hold more than that over what it stores
    // (bounded by the file's size). This refuses a claimed 10^12 values before allocating them.
    std::error_code ec;
    const auto fileSize = std::filesystem::file_size(path_, ec);
    const double stored = double(std::min<hsize_t>(H5Dget_storage_size(d), ec ? 0 : hsize_t(fileSize)));
    const double wanted = double(points) * double(std::max<std::size_t>(1, elementSize));
    if (wanted > 1100.0 * stored + 1048576.0)
        fail("dataset '" + name + "' claims " + std::to_string(points) + " values, more than its " + std::to_string(std::int64_t(stored)) +
             " stored bytes can hold (a damaged file?)");
    return std::size_t(points);
}

void H5Reader::readArray(const std::string &name, hid_t type, void *out, std::size_t n) const
{
    H5Handle d(H5Dopen2(file_, name.c_str(), H5P_DEFAULT), H5Dclose);
    if (!d.valid())
        fail("no dataset '" + name + "'");
    if (n > 0 && H5Dread(d, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, out) < 0)
        fail("reading '" + name + "' failed");
}

std::vector<std::string> H5Reader::strings(const std::string &name) const
{
    H5Handle type(makeStringType(), H5Tclose);
    auto pointers = array<char *>(name, type);
    std::vector<std::string> out;
    for (char *p : pointers) {
        out.emplace_back(p ? p : "");
        H5free_memory(p);
    }
    return out;
}

std::string H5Reader::bytes(const std::string &name) const
{
    const auto data = array<char>(name, H5T_NATIVE_UINT8);
    return {data.begin(), data.end()};
}

std::vector<std::string> H5Reader::members(const std::string &group) const
{
    H5Handle g(H5Gopen2(file_, group.c_str(), H5P_DEFAULT), H5Gclose);
    if (!g.valid())
        fail("no group '" + group + "'");
    H5G_info_t info{};
    H5Gget_info(g, &info);
    std::vector<std::string> names;
    for (hsize_t i = 0; i < info.nlinks; ++i) {
        const ssize_t size = H5Lget_name_by_idx(g, ".", H5_INDEX_NAME, H5_ITER_INC, i, nullptr, 0, H5P_DEFAULT);
        if (size < 0) // a damaged group can claim more links than it has
            fail("group '" + group + "' cannot be listed");
        std::string name(std::size_t(size), '\0');
        H5Lget_name_by_idx(g, ".", H5_INDEX_NAME, H5_ITER_INC, i, name.data(), name.size() + 1, H5P_DEFAULT);
        names.push_back(name);
    }
    return names;
}

std::optional<std::string> H5Reader::textAttribute(const std::string &name, const std::string &object) const
{
    if (H5Aexists_by_name(file_, object.c_str(), name.c_str(), H5P_DEFAULT) <= 0)
        return std::nullopt;
    H5Handle attribute(H5Aopen_by_name(file_, object.c_str(), name.c_str(), H5P_DEFAULT, H5P_DEFAULT), H5Aclose);
    if (!isSingleValue(attribute, H5T_STRING))
        return std::nullopt;
    H5Handle type(makeStringType(), H5Tclose);
    char *text = nullptr;
    if (H5Aread(attribute, type, &text) < 0)
        return std::nullopt;
    std::string out = text ? text : "";
    H5free_memory(text);
    return out;
}

std::optional<double> H5Reader::numberAttribute(const std::string &name, const std::string &object) const
{
    if (H5Aexists_by_name(file_, object.c_str(), name.c_str(), H5P_DEFAULT) <= 0)
        return std::nullopt;
    H5Handle attribute(H5Aopen_by_name(file_, object.c_str(), name.c_str(), H5P_DEFAULT, H5P_DEFAULT), H5Aclose);
    if (!isSingleValue(attribute, H5T_FLOAT) && !isSingleValue(attribute, H5T_INTEGER))
        return std::nullopt;
    double value = 0.0;
    if (H5Aread(attribute, H5T_NATIVE_DOUBLE, &value) < 0)
        return std::nullopt;
    return value;
}

} // namespace xmw::data
