#pragma once

// Changes one value of a TEM-MDM file in place, for tests that make gaps (link netCDF::netcdf).
#include <QTest>

#include <netcdf.h>

#include <filesystem>
#include <vector>

// index is (row, col, month − 1[, day − 1]) as the files are laid out. The file must not be open.
inline void setGridValue(const std::filesystem::path &file, const char *variable, std::vector<std::size_t> index, float value)
{
    int nc = 0, var = 0;
    QCOMPARE(nc_open(file.c_str(), NC_WRITE, &nc), NC_NOERR);
    QCOMPARE(nc_inq_varid(nc, variable, &var), NC_NOERR);
    QCOMPARE(nc_put_var1_float(nc, var, index.data(), &value), NC_NOERR);
    QCOMPARE(nc_close(nc), NC_NOERR);
}
