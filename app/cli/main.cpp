// xmw: the X-MethaneWet engine from the command line, for batch work and machines without a display.
#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "core/build_info.h"
#include "core/data/data_error.h"
#include "core/feedback.h"
#include "core/version.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace {

// XMW_REPORT_MEMORY=1: print this run's peak resident memory to stderr at exit, for batch users
// sizing machines (and `xmw bench`, which cannot learn it from rusage).
void reportPeakMemory()
{
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.starts_with("VmHWM:"))
            std::fprintf(stderr, "peak memory: %.1f MB\n", std::stod(line.substr(6)) / 1024.0);
}

struct Command {
    std::string_view name;
    std::string_view summary;
    std::function<int(const std::vector<std::string_view> &args)> run;
};

int printVersion(const std::vector<std::string_view> &)
{
    std::printf("xmw %s (%s)\n", xmw::kVersion, xmw::kApplicationName);
    for (const auto &library : xmw::coreLibraries())
        std::printf("  %-9s %-10s %s\n", library.name.c_str(), library.version.c_str(), library.licence.c_str());
    std::printf("  compute   %s\n", xmw::computeDevices().c_str());
    return 0;
}

const std::vector<Command> &commands();

int printHelp(const std::vector<std::string_view> &)
{
    std::printf("Usage: xmw <command> [options]\n\nCommands:\n");
    for (const auto &command : commands())
        std::printf("  %-10s %s\n", std::string(command.name).c_str(), std::string(command.summary).c_str());
    std::printf("\nxmw --version and xmw --help work as well.\n");
    return 0;
}

const std::vector<Command> &commands()
{
    static const std::vector<Command> table = {
        {"make-demo", "write a synthetic dataset in the X-MethaneWet layout", xmw::cli::makeDemo},
        {"info", "describe a dataset: grid, years, variables, towers", xmw::cli::info},
        {"sites", "list a dataset's flux towers", xmw::cli::sites},
        {"series", "one tower's or one grid cell's daily series as CSV", xmw::cli::series},
        {"samples", "build the benchmark's model samples into an HDF5 file", xmw::cli::samples},
        {"train", "train a sequence model (scratch or sim-to-real transfer) into a run file", xmw::cli::train},
        {"runs", "list the run files in a folder with their test metrics", xmw::cli::runs},
        {"predict", "a run's daily prediction for a tower or a grid cell, as CSV", xmw::cli::predict},
        {"compare", "test metrics of several runs side by side", xmw::cli::compare},
        {"upscale", "apply a run to every land cell of a year; write CF NetCDF", xmw::cli::upscale},
        {"bench", "measure the data layer's speed and memory (bench data)", xmw::cli::bench},
        {"version", "print the version and the libraries xmw runs on", printVersion},
        {"help", "list the commands", printHelp},
    };
    return table;
}

} // namespace

int main(int argc, char **argv)
{
    if (const char *report = std::getenv("XMW_REPORT_MEMORY"); report && *report && std::string_view(report) != "0")
        std::atexit(reportPeakMemory);
    std::vector<std::string_view> args(argv + 1, argv + argc);
    if (args.empty()) {
        printHelp(args);
        return 2;
    }
    std::string_view name = args.front();
    if (name == "--version" || name == "-V")
        name = "version";
    else if (name == "--help" || name == "-h")
        name = "help";
    args.erase(args.begin());

    for (const auto &command : commands()) {
        if (command.name != name)
            continue;
        // Bad input is a message and an exit status, never a crash.
        try {
            return command.run(args);
        } catch (const xmw::cli::UsageError &error) {
            std::fprintf(stderr, "xmw %s: %s (see 'xmw help')\n", std::string(name).c_str(), error.what());
            return 2;
        } catch (const xmw::data::DataError &error) {
            std::fprintf(stderr, "xmw %s: %s\n", std::string(name).c_str(), error.what());
            return 1;
        } catch (const xmw::Canceled &) {
            std::fprintf(stderr, "xmw %s: canceled\n", std::string(name).c_str());
            return 130;
        } catch (const std::exception &error) {
            std::fprintf(stderr, "xmw %s: %s\n", std::string(name).c_str(), error.what());
            return 1;
        }
    }
    std::fprintf(stderr, "xmw: unknown command '%s' (try 'xmw help')\n", std::string(name).c_str());
    return 2;
}
