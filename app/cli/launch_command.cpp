// xmw launch: the processes of one data-parallel training run on this machine, as torchrun starts
// them: each with MASTER_ADDR, MASTER_PORT, WORLD_SIZE, RANK, LOCAL_RANK and LOCAL_WORLD_SIZE.
#include "app/cli/args.h"
#include "app/cli/commands.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace xmw::cli {

namespace {

volatile std::sig_atomic_t forwardedSignal = 0;

void onSignal(int signal) { forwardedSignal = signal; }

// A port that is free now; the store binds it a moment later, which is the same race torchrun accepts.
int freePort()
{
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    if (s < 0)
        throw std::runtime_error(std::string("cannot open a socket to find a free port: ") + std::strerror(errno));
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    const bool ok = ::bind(s, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0 &&
        ::getsockname(s, reinterpret_cast<sockaddr *>(&address), &length) == 0;
    ::close(s);
    if (!ok)
        throw std::runtime_error(std::string("cannot find a free port on 127.0.0.1: ") + std::strerror(errno));
    return ntohs(address.sin_port);
}

int exitCode(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status); }

std::string describe(int status)
{
    return WIFEXITED(status) ? "exit status " + std::to_string(WEXITSTATUS(status)) : std::string("signal ") + strsignal(WTERMSIG(status));
}

} // namespace

int launch(const Arguments &raw)
{
    const auto separator = std::find(raw.begin(), raw.end(), std::string_view("--"));
    Arguments own(raw.begin(), separator);
    std::replace(own.begin(), own.end(), std::string_view("-n"), std::string_view("--processes")); // torchrun's and srun's -n
    const Args args(own, {"processes", "port", "grace"}, {});
    if (!args.positional().empty())
        throw UsageError("unexpected '" + std::string(args.positional().front()) + "'; the command to run follows --");
    if (separator == raw.end() || separator + 1 == raw.end())
        throw UsageError("the command to run follows --, e.g. xmw launch --processes 2 -- train DATASET --out RUN");
    std::vector<std::string> command(separator + 1, raw.end());
    if (command.front() != "train")
        throw UsageError("xmw launch runs `train ... --distributed` in several processes, not '" + command.front() + "'");
    if (std::find(command.begin(), command.end(), "--distributed") == command.end())
        command.push_back("--distributed");
    const int processes = args.integer("processes", 2, 1, 1024);
    const int port = args.option("port") ? args.integer("port", 29500, 1, 65535) : freePort();
    const int grace = args.integer("grace", 30, 0, 3600);

    const std::string self = std::filesystem::read_symlink("/proc/self/exe").string();
    // Ctrl+C reaches every process of the terminal's group by itself; a signal sent to this one alone
    // (kill, a scheduler's) is passed on, so that they stop at a batch and keep their checkpoint.
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    std::vector<pid_t> children;
    for (int rank = 0; rank < processes; ++rank) {
        const pid_t pid = ::fork();
        if (pid < 0)
            throw std::runtime_error(std::string("cannot start a process: ") + std::strerror(errno));
        if (pid == 0) {
            std::signal(SIGINT, SIG_DFL);
            std::signal(SIGTERM, SIG_DFL);
            ::setenv("MASTER_ADDR", "127.0.0.1", 1);
            ::setenv("MASTER_PORT", std::to_string(port).c_str(), 1);
            ::setenv("WORLD_SIZE", std::to_string(processes).c_str(), 1);
            ::setenv("RANK", std::to_string(rank).c_str(), 1);
            ::setenv("LOCAL_RANK", std::to_string(rank).c_str(), 1);
            ::setenv("LOCAL_WORLD_SIZE", std::to_string(processes).c_str(), 1);
            std::vector<char *> argv{const_cast<char *>(self.c_str())};
            for (auto &word : command)
                argv.push_back(word.data());
            argv.push_back(nullptr);
            ::execv("/proc/self/exe", argv.data()); // this very program, even if its file was replaced since
            std::fprintf(stderr, "xmw launch: cannot run %s: %s\n", self.c_str(), std::strerror(errno));
            ::_exit(127);
        }
        children.push_back(pid);
    }

    // Wait for all. When one fails, the others notice (their collectives fail) and end; any still
    // running after the grace period are stopped, so that nothing waits forever.
    using Clock = std::chrono::steady_clock;
    int result = 0, running = processes;
    std::optional<Clock::time_point> deadline;
    bool terminated = false;
    while (running > 0) {
        if (forwardedSignal) {
            for (const pid_t pid : children)
                if (pid > 0)
                    ::kill(pid, forwardedSignal);
            forwardedSignal = 0;
        }
        int status = 0;
        const pid_t pid = ::waitpid(-1, &status, WNOHANG);
        if (pid > 0) {
            const auto at = std::find(children.begin(), children.end(), pid);
            if (at == children.end())
                continue;
            const int rank = int(at - children.begin());
            *at = -1;
            --running;
            if (exitCode(status) == 0)
                continue;
            if (result == 0) {
                result = exitCode(status);
                // 130: stopped as asked (Ctrl+C), checkpoint kept; the others stop at the same batch.
                if (running > 0 && result == 130)
                    deadline = Clock::now() + std::chrono::seconds(grace);
                else if (running > 0) {
                    std::fprintf(stderr, "xmw launch: process %d of %d ended with %s; the others stop within %d s\n", rank, processes,
                                 describe(status).c_str(), grace);
                    deadline = Clock::now() + std::chrono::seconds(grace);
                }
            }
            continue;
        }
        if (pid < 0 && errno != EINTR)
            break;
        if (deadline && Clock::now() > *deadline) {
            for (const pid_t child : children)
                if (child > 0)
                    ::kill(child, terminated ? SIGKILL : SIGTERM);
            if (!terminated)
                std::fprintf(stderr, "xmw launch: %d process(es) still running after %d s; stopping them\n", running, grace);
            terminated = true;
            deadline = Clock::now() + std::chrono::seconds(10);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return result;
}

} // namespace xmw::cli
