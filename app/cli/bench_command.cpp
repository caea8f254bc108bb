// xmw bench data: the data layer's speed and memory figures, measured on generated data.
#include "app/cli/args.h"
#include "app/cli/bench_common.h"
#include "app/cli/child_run.h"
#include "app/cli/commands.h"
#include "app/cli/progress.h"
#include "core/data/dataset.h"
#include "core/data/demo_generator.h"
#include "core/data/sample_builder.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>

namespace xmw::cli {

namespace {

using Clock = std::chrono::steady_clock;

double millisecondsSince(Clock::time_point start) { return std::chrono::duration<double, std::milli>(Clock::now() - start).count(); }

struct Stats {
    double median = 0, worst = 0;
};

Stats summarise(std::vector<double> times)
{
    std::sort(times.begin(), times.end());
    return {times[times.size() / 2], times.back()};
}

double peakMegabytesOfRun(const std::vector<std::string> &args) { return runSelf(args).peakMegabytes; }

} // namespace

int bench(const Arguments &raw)
{
    const Args args(raw, {"dir", "models", "epochs", "threads", "processes", "reference", "jobs", "dataset"}, {"keep"});
    const std::string what = args.positional().empty() ? "" : std::string(args.positional().front());
    if ((what != "data" && what != "train" && what != "grid") || (what != "grid" && args.positional().size() != 1))
        throw UsageError("usage: xmw bench data|train [--dir SCRATCH] [--keep]\n"
                         "       train also takes --models lstm,gru,… --epochs N (2) --threads 1,2 --processes 1,2\n"
                         "       and --reference SCRIPT (the PyTorch loop; bench/pytorch_reference.py)\n"
                         "       xmw bench grid SPEC.json [--jobs N] [--threads N] [--epochs N (3)] [--dataset DIR]");
    const std::filesystem::path scratch =
        args.option("dir").value_or((std::filesystem::temp_directory_path() / ("xmw-bench-" + std::to_string(::getpid()))).string());
    std::filesystem::create_directories(scratch);
    // Results appear as they are measured, in a log too (stdout is block-buffered there).
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    if (what == "train" || what == "grid") {
        if (what == "train")
            benchTrain(args, scratch);
        else
            benchGrid(args, scratch);
        if (!args.flag("keep"))
            std::filesystem::remove_all(scratch);
        return 0;
    }
    Feedback quiet;
    Feedback progress = ProgressBar::feedback();

    std::printf("Data layer benchmark (scratch: %s)\n", scratch.c_str());
    // A full-resolution year, as the real data's grid.
    data::DemoOptions fine;
    fine.resolution = 0.5;
    fine.firstYear = fine.lastYear = 2016;
    fine.towers = false;
    auto start = Clock::now();
    const auto fineRoot = scratch / "half-degree";
    const auto summary = data::makeDemoDataset(fineRoot, fine, progress);
    std::printf("  generated one 0.5° year (%d×%d): %.1f s, %.0f MB\n", summary.rows, summary.cols, millisecondsSince(start) / 1000.0,
                double(summary.bytes) / 1e6);

    const data::GridDataset grid = data::GridDataset::open(fineRoot);
    std::mt19937 rng(1);
    std::vector<double> dayTimes, cellTimes;
    for (int i = 0; i < 20; ++i) { // distinct days: every read is a cold one (no field-cache hit)
        const data::Date date = data::fromDayNumber(data::toDayNumber({2016, 1, 1}) + i * 18 + 3);
        start = Clock::now();
        (void)grid.dayField("CH4_emission", date);
        dayTimes.push_back(millisecondsSince(start));
    }
    std::uniform_int_distribution<int> row(40, grid.grid().rows - 40), col(0, grid.grid().cols - 1);
    for (int i = 0; i < 50; ++i) {
        const int r = row(rng), c = col(rng);
        start = Clock::now();
        (void)grid.cellSeries("TAIR", r, c, 2016, 2016);
        cellTimes.push_back(millisecondsSince(start));
    }
    const Stats day = summarise(dayTimes), cell = summarise(cellTimes);
    report("one day's global field at 0.5° (median)", day.median, "ms", 30);
    std::printf("  %-48s %9.1f ms\n", "  worst of 20", day.worst);
    report("one cell's year at 0.5° (median)", cell.median, "ms", 20);
    std::printf("  %-48s %9.1f ms\n", "  worst of 50", cell.worst);

    // The demo's tower sample set (2°, 2014–2018, all towers).
    const auto demoRoot = scratch / "demo";
    (void)data::makeDemoDataset(demoRoot, {}, quiet);
    const data::Dataset demo = data::Dataset::open(demoRoot);
    start = Clock::now();
    const auto towers = data::SampleBuilder(demo).towerSamples(quiet, data::Recipe::XMethaneWet);
    const double towerMs = millisecondsSince(start);
    std::printf("  tower samples: %zu site-years\n", towers.size());
    report("building the demo's tower sample set", towerMs / 1000.0, "s", 2);

    // 40 years at 0.5°: the one generated year, hard-linked under every year's name.
    const auto longRoot = scratch / "forty-years";
    std::filesystem::create_directories(longRoot / "TEM-MDM");
    for (const auto &entry : std::filesystem::directory_iterator(fineRoot / "TEM-MDM")) {
        const std::string name = entry.path().filename().string();
        const auto at = name.find("2016");
        if (at == std::string::npos) {
            std::filesystem::create_hard_link(entry.path(), longRoot / "TEM-MDM" / name);
            continue;
        }
        for (int year = 1979; year <= 2018; ++year)
            std::filesystem::create_hard_link(entry.path(),
                                              longRoot / "TEM-MDM" / (name.substr(0, at) + std::to_string(year) + name.substr(at + 4)));
    }
    std::filesystem::create_directory_symlink(std::filesystem::absolute(demoRoot / "FLUXNET-CH4"), longRoot / "FLUXNET-CH4");
    // `xmw info` opens the dataset (and prints a summary); `xmw --version` loads the same
    // libraries and opens nothing: the difference is what opening costs.
    const double baseline = peakMegabytesOfRun({"--version"});
    const double opened = peakMegabytesOfRun({"info", longRoot.string()});
    report("memory to open a 40-year 0.5° dataset (peak above baseline)", opened - baseline, "MB", 50);
    std::printf("  %-48s %9.1f MB (xmw info), %.1f MB (xmw --version: LibTorch and friends)\n", "  peak resident", opened, baseline);

    if (!args.flag("keep"))
        std::filesystem::remove_all(scratch);
    return 0;
}

} // namespace xmw::cli
