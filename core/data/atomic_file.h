#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <unistd.h>

namespace xmw::data {

// Calls `write` with a temporary name beside `path`, then renames it into place: readers never see
// half a file, and a failed write leaves nothing behind.
inline void writeFileAtomically(const std::filesystem::path &path, const std::function<void(const std::filesystem::path &)> &write)
{
    const std::filesystem::path partial = path.string() + ".partial-" + std::to_string(::getpid());
    try {
        write(partial);
        std::filesystem::rename(partial, path);
    } catch (...) {
        std::error_code ec;
        std::filesystem::remove(partial, ec);
        throw;
    }
}

} // namespace xmw::data
