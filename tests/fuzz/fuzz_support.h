#pragma once

// What every fuzz target shares: the input bytes as a file in a scratch folder of this process, and
// the rule that a reader may fail only with data::DataError. Anything else that escapes (another
// exception, a crash, a sanitizer report, a hang) is a finding: libFuzzer stops and saves the input.

#include "core/data/data_error.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <span>
#include <string>
#include <unistd.h>

namespace xmw::fuzz {

// One folder per process under TMPDIR, so that parallel fuzzers (-jobs) do not share files.
inline const std::filesystem::path &scratchFolder()
{
    static const std::filesystem::path folder = [] {
        auto p = std::filesystem::temp_directory_path() / ("xmw-fuzz-" + std::to_string(::getpid()));
        std::filesystem::create_directories(p);
        return p;
    }();
    return folder;
}

inline void writeFile(const std::filesystem::path &path, std::span<const std::uint8_t> bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char *>(bytes.data()), std::streamsize(bytes.size()));
}

// Runs `read`, letting through the one failure readers promise: a DataError naming the file.
template <typename Read>
void acceptDataErrors(Read &&read)
{
    try {
        read();
    } catch (const data::DataError &) {}
}

} // namespace xmw::fuzz
