// Fuzz target: GridVariableFile on mutated NetCDF files (classic and NetCDF-4 seeds of every layout
// it reads). The input is written as a file and variable "v" is opened; then a field, a cell and,
// for the daily layout, a month are read.

#include "core/data/grid_variable_file.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const auto path = xmw::fuzz::scratchFolder() / "grid.nc";
    xmw::fuzz::writeFile(path, {data, size});
    xmw::fuzz::acceptDataErrors([&] {
        const xmw::data::GridVariableFile file(path, "v");
        const auto &grid = file.grid();
        (void)file.readField(0, 0);
        if (grid.rows > 0 && grid.cols > 0)
            (void)file.readCell(grid.rows - 1, grid.cols - 1);
        if (file.layout() == xmw::data::GridVariableFile::Layout::LatLonMonthDay)
            (void)file.readMonth(11);
    });
    return 0;
}
