#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace xmw::data {

// One open NetCDF file (classic or NetCDF-4) through NetCDF-C. Move-only; closes itself. Every
// failure throws DataError naming the file and, where there is one, the variable.
class NetcdfFile {
public:
    struct Dimension {
        std::string name;
        std::size_t length = 0;
    };

    [[nodiscard]] static NetcdfFile open(const std::filesystem::path &path);
    // A new NetCDF-4 file, replacing any file of that name.
    [[nodiscard]] static NetcdfFile create(const std::filesystem::path &path);
    // A new NetCDF-4 file built in memory; closeInto() writes it out in one checked write, so a
    // full disk fails cleanly (written straight to disk, a failed close leaves HDF5 in a state
    // that crashes the process when the library shuts down). `path` names it in messages.
    [[nodiscard]] static NetcdfFile createInMemory(const std::filesystem::path &path);
    void closeInto(const std::filesystem::path &file);

    NetcdfFile(NetcdfFile &&other) noexcept;
    NetcdfFile &operator=(NetcdfFile &&other) noexcept;
    NetcdfFile(const NetcdfFile &) = delete;
    NetcdfFile &operator=(const NetcdfFile &) = delete;
    ~NetcdfFile();

    [[nodiscard]] const std::filesystem::path &path() const { return path_; }

    // Reading.
    [[nodiscard]] std::optional<int> findVariable(std::string_view name) const;
    [[nodiscard]] int variable(std::string_view name) const; // throws when absent
    [[nodiscard]] std::string variableName(int varid) const;
    [[nodiscard]] std::vector<int> variables() const;
    [[nodiscard]] std::vector<Dimension> dimensions(int varid) const;
    [[nodiscard]] std::optional<std::string> textAttribute(int varid, std::string_view name) const;
    [[nodiscard]] std::optional<double> numberAttribute(int varid, std::string_view name) const;
    // HDF5's chunk cache for one variable (NetCDF-4 files); bounded so that many open files stay small.
    void setChunkCache(int varid, std::size_t bytes) const;
    // A hyperslab as float, converted from the stored type by NetCDF-C.
    void read(int varid, std::span<const std::size_t> start, std::span<const std::size_t> count, float *out) const;
    void read(int varid, std::span<const std::size_t> start, std::span<const std::size_t> count, double *out) const;

    // Writing (define mode until endDefinitions()).
    int addDimension(const std::string &name, std::size_t length);
    // A float variable; chunk sizes (one per dimension) and deflate level 1–9 where given.
    int addVariable(const std::string &name, std::span<const int> dimids, std::span<const std::size_t> chunks = {}, int deflateLevel = 0,
                    bool isDouble = false);
    void setAttribute(int varid, const std::string &name, std::string_view text);
    void setAttribute(int varid, const std::string &name, double value, bool asFloat = false);
    void endDefinitions();
    void write(int varid, std::span<const std::size_t> start, std::span<const std::size_t> count, const float *data);
    void write(int varid, std::span<const std::size_t> start, std::span<const std::size_t> count, const double *data);
    void close();

    static constexpr int kGlobal = -1; // NC_GLOBAL: attributes of the file itself

private:
    NetcdfFile(std::filesystem::path path, int ncid);
    void check(int status, const std::string &what) const;

    std::filesystem::path path_;
    int ncid_ = -1;
};

} // namespace xmw::data
