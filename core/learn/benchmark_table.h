#pragma once

#include "core/learn/metrics.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace xmw::learn {

struct RunRecord;

// What a results table needs of one run (xmw report, the explorer's Benchmark panel).
struct RunSummary {
    std::string model, method;
    bool spatial = false;
    int fold = -1; // spatial: the test fold; -1 for a run over all folds
    int folds = 0; // spatial: how many folds the split has
    double percent = 100; // share of training site-years
    std::string recipe; // "x-methanewet", "extended"
    int towers = 0; // runs on chosen towers (--sites) form their own protocol; 0: all towers
    std::uint64_t seed = 0;
    Metrics metrics, metricsMeasured;
    std::string measuredColumn; // RunRecord::measuredColumn
    std::filesystem::path file;
    std::string created; // the run file's ISO 8601 time: of two runs in one place, the later counts
};

// Pretraining runs test on TEM-MDM, not on the towers: they are in no table, and summarise says
// so by returning false.
[[nodiscard]] bool summarise(const RunRecord &run, const std::filesystem::path &file, RunSummary &summary);

// One protocol's table for one metric: rows models, columns methods, each cell the mean ± sample
// standard deviation over seeds. A spatial protocol first averages each seed's folds (the paper's
// spatial score covers every tower once), then takes the spread over seeds.
struct TableCell {
    std::vector<double> perSeed;
    double mean = 0, sd = 0; // sd is NaN with a single seed
    int folds = 0; // spatial: the fewest folds any seed had (a complete cell has all)
    bool best = false; // the best mean of its row
    // Against the same model's scratch cell: (mean − scratch) / |scratch| × 100 where the table's
    // change is in percent, else mean − scratch; NaN without a scratch cell.
    double changeVsScratch = 0;
    std::vector<std::filesystem::path> files; // the runs it was made of
};

struct BenchmarkTable {
    std::string protocol; // "temporal", "spatial (5 folds)", "temporal, 50 % of training site-years"
    // The same, in parts (for a label in another language):
    bool spatial = false;
    int folds = 0;
    int towers = 0; // chosen towers, 0: all
    std::string recipe; // data::recipeName
    double percent = 100; // of the training site-years
    std::string metric; // a name of metricNames()
    bool measured = false; // on the measured days alone instead of the gap-filled target
    // Measured tables: the columns the counted runs' measured days came from, distinct and sorted
    // ("FCH4"; older runs add "FCH4_F", which is partly gap-filled).
    std::vector<std::string> measuredColumns;
    std::vector<std::string> models, methods; // in the canonical order
    std::map<std::pair<std::string, std::string>, TableCell> cells; // (model, method)
    bool changeInPercent = true; // changesAsRatio(metric)
    std::map<std::string, double> meanChange; // per method: mean over models of changeVsScratch
    // Runs left out of this protocol because a later run has the same model, method, seed and
    // fold (a run trained again, a copy): each with the run that counts instead. One rule for
    // xmw report and the explorer, whatever order the runs come in.
    std::vector<std::pair<std::filesystem::path, std::filesystem::path>> superseded; // (left out, counted)

    [[nodiscard]] const TableCell *cell(const std::string &model, const std::string &method) const;
};

// One table per protocol and metric, protocols in a stable order (temporal, then spatial; each with
// all training data first, then by decreasing percent). Throws std::invalid_argument for an unknown metric.
[[nodiscard]] std::vector<BenchmarkTable> buildTables(const std::vector<RunSummary> &runs, const std::vector<std::string> &metrics,
                                                      bool measured = false);

// A change as the tables write it: "−25.0 %" in percent, "+0.150" as a difference.
[[nodiscard]] std::string changeText(double change, bool inPercent);

// The tables as text: Markdown (best in bold), LaTeX (booktabs; best in \textbf) or CSV (one row
// per cell: protocol, metric, model, method, mean, sd, seeds, folds, best, change and its unit).
[[nodiscard]] std::string toMarkdown(const std::vector<BenchmarkTable> &tables);
[[nodiscard]] std::string toLatex(const std::vector<BenchmarkTable> &tables);
[[nodiscard]] std::string toCsv(const std::vector<BenchmarkTable> &tables);

} // namespace xmw::learn
