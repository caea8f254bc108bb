#include "core/data/classic_header_check.h"

#include "core/data/data_error.h"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

namespace xmw::data {

namespace {

// The header grammar of the NetCDF classic formats (NetCDF Users Guide, "File Format
// Specifications"): magic, numrecs, dim_list, gatt_list, var_list. Only what bounds allocation is
// checked; NetCDF-C does the rest.
class HeaderWalk {
public:
    HeaderWalk(const std::filesystem::path &path, std::vector<unsigned char> bytes, std::uint64_t fileSize)
        : path_(path)
        , bytes_(std::move(bytes))
        , fileSize_(fileSize)
    {}

    // False when the header runs past the bytes read: a truncated file when they were the whole
    // file, else a header too large to check, which NetCDF-C then judges alone.
    bool walk()
    {
        version_ = bytes_[3];
        if (version_ != 1 && version_ != 2 && version_ != 5)
            return true; // not ours to judge: nc_open names the problem
        pos_ = 4;
        if (!skip(version_ == 5 ? 8 : 4)) // numrecs
            return false;
        return dimensions() && attributes("global attributes") && variables();
    }

private:
    static constexpr std::uint32_t kDimension = 0x0A, kVariable = 0x0B, kAttribute = 0x0C;

    bool has(std::uint64_t n) const { return pos_ + n <= bytes_.size(); }
    bool skip(std::uint64_t n)
    {
        if (!has(n))
            return false;
        pos_ += n;
        return true;
    }
    bool read32(std::uint64_t &out)
    {
        if (!has(4))
            return false;
        out = std::uint64_t(bytes_[pos_]) << 24 | std::uint64_t(bytes_[pos_ + 1]) << 16 | std::uint64_t(bytes_[pos_ + 2]) << 8 |
            bytes_[pos_ + 3];
        pos_ += 4;
        return true;
    }
    bool readCount(std::uint64_t &out)
    {
        if (version_ != 5)
            return read32(out);
        std::uint64_t high = 0, low = 0;
        if (!read32(high) || !read32(low))
            return false;
        out = high << 32 | low;
        return true;
    }
    // A count of items of at least `minBytes` each must fit in what is left of the file.
    void bound(std::uint64_t count, std::uint64_t minBytes, const char *what) const
    {
        const std::uint64_t left = fileSize_ > pos_ ? fileSize_ - pos_ : 0;
        if (count > left / minBytes)
            throw DataError(path_,
                            "damaged NetCDF header: it claims " + std::to_string(count) + " " + what + " in a file of " +
                                std::to_string(fileSize_) + " bytes");
    }
    std::uint64_t countBytes() const { return version_ == 5 ? 8 : 4; }
    // NC_BYTE … NC_DOUBLE in CDF-1 and CDF-2; CDF-5 adds the unsigned and 64-bit integers.
    std::uint64_t maxType() const { return version_ == 5 ? 11 : 6; }
    bool name()
    {
        std::uint64_t length = 0;
        if (!readCount(length))
            return false;
        bound(length, 1, "bytes of a name");
        return skip((length + 3) / 4 * 4);
    }
    // ABSENT (two zeros) or TAG nelems; gives the number of entries.
    bool listHeader(std::uint32_t tag, std::uint64_t minEntryBytes, const char *what, std::uint64_t &count)
    {
        std::uint64_t foundTag = 0;
        if (!read32(foundTag) || !readCount(count))
            return false;
        if (foundTag == 0 && count == 0)
            return true;
        if (foundTag != tag)
            throw DataError(path_, std::string("damaged NetCDF header: the list of ") + what + " is not where the format puts it");
        bound(count, minEntryBytes, what);
        return true;
    }
    bool dimensions()
    {
        std::uint64_t n = 0;
        if (!listHeader(kDimension, 4 + 2 * countBytes(), "dimensions", n))
            return false;
        for (std::uint64_t i = 0; i < n; ++i) {
            std::uint64_t length = 0;
            if (!name() || !readCount(length))
                return false;
            dimensionLengths_.push_back(length);
        }
        if (std::count(dimensionLengths_.begin(), dimensionLengths_.end(), 0u) > 1)
            throw DataError(path_, "damaged NetCDF header: more than one unlimited dimension");
        return true;
    }
    bool attributes(const char *what)
    {
        std::uint64_t n = 0;
        if (!listHeader(kAttribute, 8 + 2 * countBytes(), what, n))
            return false;
        for (std::uint64_t i = 0; i < n; ++i) {
            std::uint64_t type = 0, values = 0;
            if (!name() || !read32(type) || !readCount(values))
                return false;
            // The classic formats have no strings (type 12 is netCDF-4's NC_STRING): NetCDF-C
            // would still read one, allocating whatever length its first four bytes claim.
            if (type < 1 || type > maxType())
                throw DataError(path_, "damaged NetCDF header: an attribute of unknown type " + std::to_string(type));
            const std::uint64_t size = type == 3 || type == 8 ? 2
                : type == 4 || type == 5 || type == 9         ? 4
                : type >= 10 && type <= 11                    ? 8
                : type == 6                                   ? 8
                                                              : 1;
            bound(values, size, "attribute values");
            if (!skip((values * size + 3) / 4 * 4))
                return false;
        }
        return true;
    }
    bool variables()
    {
        std::uint64_t n = 0;
        if (!listHeader(kVariable, 4 + countBytes(), "variables", n))
            return false;
        for (std::uint64_t i = 0; i < n; ++i) {
            std::uint64_t dims = 0;
            if (!name() || !readCount(dims))
                return false;
            bound(dims, countBytes(), "dimensions of a variable");
            // Each dimension must exist, and the unlimited one (length 0) may only come first:
            // NetCDF-C divides by the other lengths (a division by zero otherwise; found by fuzzing).
            for (std::uint64_t d = 0; d < dims; ++d) {
                std::uint64_t id = 0;
                if (!readCount(id))
                    return false;
                if (id >= dimensionLengths_.size() || (d > 0 && dimensionLengths_[std::size_t(id)] == 0))
                    throw DataError(path_, "damaged NetCDF header: a variable has a dimension that does not exist or is out of place");
            }
            if (!attributes("variable attributes"))
                return false;
            std::uint64_t type = 0;
            if (!read32(type) || !skip((version_ == 5 ? 8 : 4) + (version_ == 1 ? 4 : 8))) // nc_type, vsize, begin
                return false;
            if (type < 1 || type > maxType())
                throw DataError(path_, "damaged NetCDF header: a variable of unknown type " + std::to_string(type));
        }
        return true;
    }

    const std::filesystem::path &path_;
    std::vector<unsigned char> bytes_;
    std::uint64_t fileSize_ = 0;
    std::uint64_t pos_ = 0;
    unsigned char version_ = 0;
    std::vector<std::uint64_t> dimensionLengths_;
};

} // namespace

void checkClassicHeader(const std::filesystem::path &path)
{
    std::error_code ec;
    const std::uint64_t size = std::filesystem::file_size(path, ec);
    if (ec || size < 4)
        return; // nc_open reports it
    std::ifstream in(path, std::ios::binary);
    constexpr std::uint64_t kMostRead = 16u << 20; // headers are small; a larger one is left to NetCDF-C
    std::vector<unsigned char> bytes(std::size_t(std::min(size, kMostRead)));
    in.read(reinterpret_cast<char *>(bytes.data()), std::streamsize(bytes.size()));
    bytes.resize(std::size_t(std::max<std::streamsize>(0, in.gcount())));
    if (bytes.size() < 4 || bytes[0] != 'C' || bytes[1] != 'D' || bytes[2] != 'F')
        return;
    const bool whole = bytes.size() == size;
    if (!HeaderWalk(path, std::move(bytes), size).walk() && whole)
        throw DataError(path, "the NetCDF header is cut off (a truncated file?)");
}

} // namespace xmw::data
