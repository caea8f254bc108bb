#pragma once

#include <filesystem>

namespace xmw::data {

// One writer per output file across processes: an exclusive flock on PATH.lock, held for the
// lifetime of the object. A second process asking for the same output is refused at once with a
// DataError naming the file and the process that holds it. The kernel drops the lock when its
// holder dies (even by kill -9), so a crash never leaves an output locked.
class OutputLock {
public:
    explicit OutputLock(const std::filesystem::path &output);
    ~OutputLock();
    OutputLock(const OutputLock &) = delete;
    OutputLock &operator=(const OutputLock &) = delete;

    [[nodiscard]] static std::filesystem::path lockPathFor(const std::filesystem::path &output);
    // Whether a live process holds the lock on `output` now (a sweep's "running"); a lock file
    // left by a dead process does not count.
    [[nodiscard]] static bool isHeld(const std::filesystem::path &output);

private:
    std::filesystem::path lockPath_;
    int fd_ = -1;
};

} // namespace xmw::data
