#include "app/cli/child_run.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace xmw::cli {

ChildRun runSelf(const std::vector<std::string> &args)
{
    std::vector<std::string> copies = args;
    std::string self = std::filesystem::read_symlink("/proc/self/exe").string();
    std::vector<char *> argv = {self.data()};
    for (auto &a : copies)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    std::vector<std::string> environment = {"XMW_REPORT_MEMORY=1"};
    for (char **e = environ; *e; ++e)
        environment.emplace_back(*e);
    std::vector<char *> envp;
    for (auto &e : environment)
        envp.push_back(e.data());
    envp.push_back(nullptr);

    // stdout to a file, stderr through a pipe: the child's progress stays readable for errors. Runs
    // may be measured side by side (xmw bench grid): each has its own file, and its pipe is closed
    // in every other child, so that each reader sees the end of its own child's output.
    static std::atomic<int> serial{0};
    const std::filesystem::path outputFile =
        std::filesystem::temp_directory_path() / ("xmw-child-" + std::to_string(::getpid()) + "-" + std::to_string(serial++) + ".out");
    int pipe[2];
    if (::pipe2(pipe, O_CLOEXEC) != 0)
        throw std::runtime_error("cannot create a pipe");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, outputFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_adddup2(&actions, pipe[1], STDERR_FILENO);
    posix_spawn_file_actions_addclose(&actions, pipe[0]);
    std::fflush(stdout);
    pid_t child = 0;
    const int failed = ::posix_spawn(&child, self.c_str(), &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    ::close(pipe[1]);
    ChildRun run;
    char buffer[4096];
    for (ssize_t n; (n = ::read(pipe[0], buffer, sizeof buffer)) > 0;)
        run.errors.append(buffer, std::size_t(n));
    ::close(pipe[0]);
    int status = 0;
    const bool waited = !failed && ::waitpid(child, &status, 0) >= 0;
    {
        std::ifstream in(outputFile);
        std::ostringstream text;
        text << in.rdbuf();
        run.output = text.str();
    }
    std::error_code ec;
    std::filesystem::remove(outputFile, ec);
    if (!waited || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        throw std::runtime_error("the measured run (xmw " + args.front() + ") failed: " + run.errors);
    const auto at = run.errors.rfind("peak memory: ");
    if (at == std::string::npos)
        throw std::runtime_error("the measured run reported no peak memory");
    run.peakMegabytes = std::stod(run.errors.substr(at + 13));
    return run;
}

} // namespace xmw::cli
