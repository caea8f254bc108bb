#include "core/data/netcdf_file.h"

#include "core/data/atomic_file.h"
#include "core/data/classic_header_check.h"
#include "core/data/data_error.h"
#include "core/data/hdf5_lock.h"

#include <netcdf.h>
#include <netcdf_mem.h>

#include <cstdlib>
#include <memory>

#include <utility>

namespace xmw::data {

NetcdfFile::NetcdfFile(std::filesystem::path path, int ncid)
    : path_(std::move(path))
    , ncid_(ncid)
{}

NetcdfFile NetcdfFile::open(const std::filesystem::path &path)
{
    const auto lock = hdf5Lock();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        throw DataError(path, "file not found");
    checkClassicHeader(path);
    int ncid = -1;
    const int status = nc_open(path.c_str(), NC_NOWRITE, &ncid);
    if (status != NC_NOERR)
        throw DataError(path, std::string("not a readable NetCDF file (") + nc_strerror(status) + ")");
    return NetcdfFile(path, ncid);
}

NetcdfFile NetcdfFile::create(const std::filesystem::path &path)
{
    const auto lock = hdf5Lock();
    int ncid = -1;
    const int status = nc_create(path.c_str(), NC_NETCDF4 | NC_CLOBBER, &ncid);
    if (status != NC_NOERR)
        throw DataError(path, std::string("cannot create NetCDF file (") + nc_strerror(status) + ")");
    return NetcdfFile(path, ncid);
}

NetcdfFile NetcdfFile::createInMemory(const std::filesystem::path &path)
{
    const auto lock = hdf5Lock();
    int ncid = -1;
    const int status = nc_create_mem(path.c_str(), NC_NETCDF4, std::size_t(4) << 20, &ncid);
    if (status != NC_NOERR)
        throw DataError(path, std::string("cannot create NetCDF file in memory (") + nc_strerror(status) + ")");
    return NetcdfFile(path, ncid);
}

void NetcdfFile::closeInto(const std::filesystem::path &file)
{
    const auto lock = hdf5Lock();
    NC_memio image{};
    const int id = std::exchange(ncid_, -1);
    check(nc_close_memio(id, &image), "closing");
    const std::unique_ptr<void, decltype(&std::free)> owned(image.memory, &std::free);
    writeBytes(file, std::string_view(static_cast<const char *>(image.memory), image.size), path_);
}

NetcdfFile::NetcdfFile(NetcdfFile &&other) noexcept
    : path_(std::move(other.path_))
    , ncid_(std::exchange(other.ncid_, -1))
{}

NetcdfFile &NetcdfFile::operator=(NetcdfFile &&other) noexcept
{
    const auto lock = hdf5Lock();
    if (this != &other) {
        if (ncid_ >= 0)
            nc_close(ncid_);
        path_ = std::move(other.path_);
        ncid_ = std::exchange(other.ncid_, -1);
    }
    return *this;
}

NetcdfFile::~NetcdfFile()
{
    const auto lock = hdf5Lock();
    if (ncid_ >= 0)
        nc_close(ncid_);
}

void NetcdfFile::close()
{
    const auto lock = hdf5Lock();
    if (ncid_ >= 0) {
        const int id = std::exchange(ncid_, -1);
        check(nc_close(id), "closing");
    }
}

void NetcdfFile::check(int status, const std::string &what) const
{
    if (status != NC_NOERR)
        throw DataError(path_, what + ": " + nc_strerror(status));
}

std::optional<int> NetcdfFile::findVariable(std::string_view name) const
{
    const auto lock = hdf5Lock();
    int varid = -1;
    if (nc_inq_varid(ncid_, std::string(name).c_str(), &varid) != NC_NOERR)
        return std::nullopt;
    return varid;
}

int NetcdfFile::variable(std::string_view name) const
{
    if (const auto varid = findVariable(name))
        return *varid;
    throw DataError(path_, "variable '" + std::string(name) + "' is missing");
}

std::string NetcdfFile::variableName(int varid) const
{
    const auto lock = hdf5Lock();
    char name[NC_MAX_NAME + 1] = {};
    check(nc_inq_varname(ncid_, varid, name), "reading a variable name");
    return name;
}

std::vector<int> NetcdfFile::variables() const
{
    const auto lock = hdf5Lock();
    int count = 0;
    check(nc_inq_nvars(ncid_, &count), "listing variables");
    std::vector<int> ids(std::size_t(count), 0);
    if (count > 0)
        check(nc_inq_varids(ncid_, &count, ids.data()), "listing variables");
    return ids;
}

std::vector<NetcdfFile::Dimension> NetcdfFile::dimensions(int varid) const
{
    const auto lock = hdf5Lock();
    int ndims = 0;
    check(nc_inq_varndims(ncid_, varid, &ndims), "variable '" + variableName(varid) + "'");
    std::vector<int> dimids(std::size_t(ndims), 0);
    check(nc_inq_vardimid(ncid_, varid, dimids.data()), "variable '" + variableName(varid) + "'");
    std::vector<Dimension> dims;
    for (const int dimid : dimids) {
        char name[NC_MAX_NAME + 1] = {};
        std::size_t length = 0;
        check(nc_inq_dim(ncid_, dimid, name, &length), "variable '" + variableName(varid) + "'");
        dims.push_back({name, length});
    }
    return dims;
}

std::optional<std::string> NetcdfFile::textAttribute(int varid, std::string_view name) const
{
    const auto lock = hdf5Lock();
    nc_type type = NC_NAT;
    std::size_t length = 0;
    const std::string attribute(name);
    if (nc_inq_att(ncid_, varid, attribute.c_str(), &type, &length) != NC_NOERR || type != NC_CHAR)
        return std::nullopt;
    std::string text(length, '\0');
    check(nc_get_att_text(ncid_, varid, attribute.c_str(), text.data()), "attribute '" + attribute + "'");
    while (!text.empty() && text.back() == '\0')
        text.pop_back();
    return text;
}

std::optional<double> NetcdfFile::numberAttribute(int varid, std::string_view name) const
{
    const auto lock = hdf5Lock();
    nc_type type = NC_NAT;
    std::size_t length = 0;
    const std::string attribute(name);
    if (nc_inq_att(ncid_, varid, attribute.c_str(), &type, &length) != NC_NOERR || type == NC_CHAR || type == NC_STRING || length < 1)
        return std::nullopt;
    std::vector<double> values(length);
    check(nc_get_att_double(ncid_, varid, attribute.c_str(), values.data()), "attribute '" + attribute + "'");
    return values.front();
}

void NetcdfFile::setChunkCache(int varid, std::size_t bytes) const
{
    const auto lock = hdf5Lock();
    int format = 0;
    if (nc_inq_format(ncid_, &format) == NC_NOERR && (format == NC_FORMAT_NETCDF4 || format == NC_FORMAT_NETCDF4_CLASSIC))
        check(nc_set_var_chunk_cache(ncid_, varid, bytes, 521, 0.75f), "setting the chunk cache");
}

void NetcdfFile::read(int varid, std::span<const std::size_t> start, std::span<const std::size_t> count, float *out) const
{
    const auto lock = hdf5Lock();
    check(nc_get_vara_float(ncid_, varid, start.data(), count.data(), out), "reading variable '" + variableName(varid) + "'");
}

void NetcdfFile::read(int varid, std::span<const std::size_t> start, std::span<const std::size_t> count, double *out) const
{
    const auto lock = hdf5Lock();
    check(nc_get_vara_double(ncid_, varid, start.data(), count.data(), out), "reading variable '" + variableName(varid) + "'");
}

int NetcdfFile::addDimension(const std::string &name, std::size_t length)
{
    const auto lock = hdf5Lock();
    int dimid = -1;
    check(nc_def_dim(ncid_, name.c_str(), length, &dimid), "defining dimension '" + name + "'");
    return dimid;
}

int NetcdfFile::addVariable(const std::string &name, std::span<const int> dimids, std::span<const std::size_t> chunks, int deflateLevel,
                            bool isDouble)
{
    const auto lock = hdf5Lock();
    int varid = -1;
    check(nc_def_var(ncid_, name.c_str(), isDouble ? NC_DOUBLE : NC_FLOAT, int(dimids.size()), dimids.data(), &varid),
          "defining variable '" + name + "'");
    if (!chunks.empty())
        check(nc_def_var_chunking(ncid_, varid, NC_CHUNKED, chunks.data()), "chunking variable '" + name + "'");
    if (deflateLevel > 0)
        check(nc_def_var_deflate(ncid_, varid, 1, 1, deflateLevel), "compressing variable '" + name + "'");
    return varid;
}

void NetcdfFile::setAttribute(int varid, const std::string &name, std::string_view text)
{
    const auto lock = hdf5Lock();
    check(nc_put_att_text(ncid_, varid, name.c_str(), text.size(), text.data()), "writing attribute '" + name + "'");
}

void NetcdfFile::setAttribute(int varid, const std::string &name, double value, bool asFloat)
{
    const auto lock = hdf5Lock();
    if (asFloat) {
        const float f = float(value);
        check(nc_put_att_float(ncid_, varid, name.c_str(), NC_FLOAT, 1, &f), "writing attribute '" + name + "'");
    } else {
        check(nc_put_att_double(ncid_, varid, name.c_str(), NC_DOUBLE, 1, &value), "writing attribute '" + name + "'");
    }
}

void NetcdfFile::endDefinitions()
{
    const auto lock = hdf5Lock();
    check(nc_enddef(ncid_), "ending definitions");
}

void NetcdfFile::write(int varid, std::span<const std::size_t> start, std::span<const std::size_t> count, const float *data)
{
    const auto lock = hdf5Lock();
    check(nc_put_vara_float(ncid_, varid, start.data(), count.data(), data), "writing variable '" + variableName(varid) + "'");
}

void NetcdfFile::write(int varid, std::span<const std::size_t> start, std::span<const std::size_t> count, const double *data)
{
    const auto lock = hdf5Lock();
    check(nc_put_vara_double(ncid_, varid, start.data(), count.data(), data), "writing variable '" + variableName(varid) + "'");
}

} // namespace xmw::data
