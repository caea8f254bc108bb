// Fuzz target: the run-file readers on mutated HDF5 (seeds written by writeRunFile). The summary
// reader, the results reader and the full reader each see the input.

#include "core/learn/run_file.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const auto path = xmw::fuzz::scratchFolder() / "run.h5";
    xmw::fuzz::writeFile(path, {data, size});
    xmw::fuzz::acceptDataErrors([&] { (void)xmw::learn::readRunSummary(path); });
    xmw::fuzz::acceptDataErrors([&] { (void)xmw::learn::readRunResults(path); });
    xmw::fuzz::acceptDataErrors([&] { (void)xmw::learn::readRunFile(path); });
    return 0;
}
