#include "core/build_info.h"

#include <torch/version.h>

#include <H5public.h>
#include <netcdf.h>

namespace xmw {

namespace {

std::string hdf5Version()
{
    unsigned major = 0, minor = 0, release = 0;
    if (H5get_libversion(&major, &minor, &release) < 0)
        return "unknown";
    return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(release);
}

std::string netcdfVersion()
{
    // nc_inq_libvers() returns e.g. "4.9.0 of Jan  1 2023 ..."; keep the version number.
    std::string text = nc_inq_libvers();
    return text.substr(0, text.find(' '));
}

} // namespace

std::vector<LibraryInfo> coreLibraries()
{
    return {
        {"LibTorch", TORCH_VERSION, "BSD-3-Clause"},
        {"NetCDF-C", netcdfVersion(), "BSD-3-Clause (NetCDF licence)"},
        {"HDF5", hdf5Version(), "BSD-3-Clause (HDF5 licence)"},
    };
}

std::string computeDevices()
{
    if (!torch::cuda::is_available())
        return "CPU";
    return "CPU, CUDA (" + std::to_string(torch::cuda::device_count()) + " devices)";
}

} // namespace xmw
