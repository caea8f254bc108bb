// Fuzz target: the sample-file readers on mutated HDF5 (seeds written by writeSampleFile).

#include "core/data/sample_file.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const auto path = xmw::fuzz::scratchFolder() / "samples.h5";
    xmw::fuzz::writeFile(path, {data, size});
    (void)xmw::data::readInputKey(path); // promises no exception at all
    xmw::fuzz::acceptDataErrors([&] { (void)xmw::data::readSampleFile(path); });
    return 0;
}
