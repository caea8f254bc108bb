#include "core/data/output_lock.h"

#include "core/data/data_error.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace xmw::data {

namespace {

std::string holderOf(int fd)
{
    char text[32] = {};
    const ssize_t n = ::pread(fd, text, sizeof text - 1, 0);
    return n > 0 ? std::string(text, std::size_t(n)) : std::string();
}

} // namespace

std::filesystem::path OutputLock::lockPathFor(const std::filesystem::path &output) { return output.string() + ".lock"; }

OutputLock::OutputLock(const std::filesystem::path &output)
    : lockPath_(lockPathFor(output))
{
    // The holder removes the lock file when it is done. A process that opened the file just before
    // that removal would lock a file no longer in the folder, so it checks, after locking, that the
    // name still leads to the file it holds, and starts over if not.
    for (int attempt = 0; attempt < 100; ++attempt) {
        const int fd = ::open(lockPath_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (fd < 0)
            throw DataError(output,
                            std::string("cannot create the lock file ") + lockPath_.filename().string() + ": " + std::strerror(errno));
        if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
            const int error = errno;
            const std::string holder = holderOf(fd);
            ::close(fd);
            if (error == EWOULDBLOCK)
                throw DataError(output,
                                "another process" + (holder.empty() ? std::string() : " (pid " + holder + ")") +
                                    " is writing this file; wait for it to finish or choose another output");
            throw DataError(output, std::string("cannot lock ") + lockPath_.filename().string() + ": " + std::strerror(error));
        }
        struct stat held {
        }, named{};
        if (::fstat(fd, &held) == 0 && ::stat(lockPath_.c_str(), &named) == 0 && held.st_ino == named.st_ino &&
            held.st_dev == named.st_dev) {
            const std::string pid = std::to_string(::getpid());
            if (::ftruncate(fd, 0) == 0)
                (void)::pwrite(fd, pid.data(), pid.size(), 0);
            fd_ = fd;
            return;
        }
        ::close(fd);
    }
    throw DataError(output, "cannot lock " + lockPath_.filename().string() + ": it keeps being replaced");
}

bool OutputLock::isHeld(const std::filesystem::path &output)
{
    const int fd = ::open(lockPathFor(output).c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    // A shared lock conflicts only with the holder's exclusive one, and is let go at once.
    const bool held = ::flock(fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK;
    ::close(fd);
    return held;
}

OutputLock::~OutputLock()
{
    if (fd_ < 0)
        return;
    ::unlink(lockPath_.c_str()); // while still locked, so no one can hold a lock on the old file
    ::close(fd_);
}

} // namespace xmw::data
