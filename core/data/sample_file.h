#pragma once

#include "core/data/sample_builder.h"
#include "core/data/splits.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace xmw::data {

// Everything `xmw samples` builds, as one HDF5 file that h5py reads directly:
//   /towers/{x N×365×15, y N×365, id, site, year, row, col, role}   role: 0 train, 1 test, 2 unused
//   /tem/{x, y, id, year, row, col}
//   /normalisation/{mean, std} (15 each, over the TEM-MDM samples)
// with feature names and units as attributes of x, the target unit on y, and at the root the split,
// the calendar note and `input_key`, which identifies the inputs the file was built from.
struct SampleFile {
    SampleSet towers;
    std::vector<SampleRole> roles;
    SampleSet tem;
    Normalisation normalisation;
    std::string split;
    std::string inputKey;
};

// Written under a temporary name and renamed, so a reader never sees half a file.
void writeSampleFile(const std::filesystem::path &path, const SampleFile &contents);
[[nodiscard]] SampleFile readSampleFile(const std::filesystem::path &path);
// The input key of an existing sample file; empty if there is none or it cannot be read.
[[nodiscard]] std::optional<std::string> readInputKey(const std::filesystem::path &path);

// Identifies inputs by path, size and modification time, plus the options that shaped the samples.
[[nodiscard]] std::string makeInputKey(const std::vector<std::filesystem::path> &files, const std::string &options);

} // namespace xmw::data
