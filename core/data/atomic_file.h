#pragma once

#include <filesystem>
#include <functional>
#include <string_view>

namespace xmw::data {

// Calls `write` with a temporary name beside `path` (PATH.partial-PID), flushes it to disk, then
// renames it into place: readers never see half a file, a failed write leaves nothing behind, and
// a crash or kill -9 leaves the previous version intact. Partial files of processes that no longer
// run (killed mid-write) are removed first.
void writeFileAtomically(const std::filesystem::path &path, const std::function<void(const std::filesystem::path &)> &write);

// Writes `bytes` to `file` with every write checked (a full disk, a file-size limit), closing it
// before returning; failures throw DataError naming `reportAs`.
void writeBytes(const std::filesystem::path &file, std::string_view bytes, const std::filesystem::path &reportAs);

// Removes PATH.partial-PID files whose process is gone; returns how many.
std::size_t removeStalePartials(const std::filesystem::path &path);

} // namespace xmw::data
