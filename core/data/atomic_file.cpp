#include "core/data/atomic_file.h"

#include "core/data/data_error.h"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <unistd.h>

namespace xmw::data {

namespace {

constexpr std::string_view kPartialTag = ".partial-";

// Makes the file's bytes (or the folder's entry) durable, so that a rename is never seen before
// the data it names. Best effort: a file system without fsync still gets the atomic rename.
void flushToDisk(const std::filesystem::path &path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return;
    ::fsync(fd);
    ::close(fd);
}

bool processRuns(long pid) { return ::kill(pid_t(pid), 0) == 0 || errno == EPERM; }

} // namespace

void writeBytes(const std::filesystem::path &file, std::string_view bytes, const std::filesystem::path &reportAs)
{
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        throw DataError(reportAs, std::string("cannot create the file: ") + std::strerror(errno));
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            const int error = n < 0 ? errno : ENOSPC;
            ::close(fd);
            throw DataError(reportAs,
                            "writing failed after " + std::to_string(done) + " of " + std::to_string(bytes.size()) +
                                " bytes: " + std::strerror(error));
        }
        done += std::size_t(n);
    }
    if (::close(fd) != 0)
        throw DataError(reportAs, std::string("writing failed: ") + std::strerror(errno));
}

std::size_t removeStalePartials(const std::filesystem::path &path)
{
    std::error_code ec;
    const std::string prefix = path.filename().string() + std::string(kPartialTag);
    std::size_t removed = 0;
    const std::filesystem::path folder = path.has_parent_path() ? path.parent_path() : ".";
    for (const auto &entry : std::filesystem::directory_iterator(folder, ec)) {
        const std::string name = entry.path().filename().string();
        if (!name.starts_with(prefix))
            continue;
        const std::string pidText = name.substr(prefix.size());
        char *end = nullptr;
        const long pid = std::strtol(pidText.c_str(), &end, 10);
        if (pidText.empty() || *end != '\0' || pid <= 0 || pid == ::getpid() || processRuns(pid))
            continue; // not ours to judge, our own write, or a live writer's
        removed += std::filesystem::remove(entry.path(), ec) ? 1 : 0;
    }
    return removed;
}

void writeFileAtomically(const std::filesystem::path &path, const std::function<void(const std::filesystem::path &)> &write)
{
    removeStalePartials(path);
    const std::filesystem::path partial = path.string() + std::string(kPartialTag) + std::to_string(::getpid());
    try {
        write(partial);
        flushToDisk(partial);
        std::filesystem::rename(partial, path);
        flushToDisk(path.has_parent_path() ? path.parent_path() : ".");
    } catch (...) {
        std::error_code ec;
        std::filesystem::remove(partial, ec);
        throw;
    }
}

} // namespace xmw::data
