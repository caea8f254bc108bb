#pragma once

#include <filesystem>

namespace xmw::data {

// NetCDF-C 4.9 trusts the element counts of a classic (CDF-1/2/5) header and allocates for them
// before it finds that the file is too short: a damaged 1 KB file can make nc_open take gigabytes
// (found by fuzz_grid_variable_file). This walks the header first and refuses, with a DataError
// naming the file, any count that the rest of the file cannot hold. Files that are not classic
// NetCDF (NetCDF-4 is HDF5) pass through untouched.
void checkClassicHeader(const std::filesystem::path &path);

} // namespace xmw::data
