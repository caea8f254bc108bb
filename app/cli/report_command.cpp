// xmw report: the paper's results tables from a folder of runs (a sweep's, or a dataset's).
#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "core/counted.h"
#include "core/data/atomic_file.h"
#include "core/data/data_error.h"
#include "core/learn/benchmark_table.h"
#include "core/learn/metrics.h"
#include "core/learn/run_file.h"

#include <algorithm>
#include <cstdio>
#include <set>

namespace xmw::cli {

namespace {

std::vector<std::string> metricList(const std::string &text)
{
    std::vector<std::string> names;
    for (std::size_t from = 0; from <= text.size();) {
        const std::size_t comma = std::min(text.find(',', from), text.size());
        const std::string name = text.substr(from, comma - from);
        const auto &known = learn::metricNames();
        if (std::find(known.begin(), known.end(), name) == known.end()) {
            std::string list;
            for (const auto &k : known)
                list.append(list.empty() ? "" : ", ").append(k);
            throw UsageError("unknown metric '" + name + "'" + didYouMean(name, known) + " (" + list + ")");
        }
        names.push_back(name);
        from = comma + 1;
    }
    return names;
}

} // namespace

int report(const Arguments &raw)
{
    const Args args(raw, {"metrics", "format", "out"}, {"measured"});
    if (args.positional().size() != 1)
        throw UsageError("expects one folder of runs (a sweep's folder, or a dataset folder with runs/)");
    const std::string format = args.option("format").value_or("markdown");
    if (format != "markdown" && format != "csv" && format != "latex")
        throw UsageError("--format is markdown, csv or latex, not '" + format + "'" + didYouMean(format, {"markdown", "csv", "latex"}));
    const std::vector<std::string> metrics = metricList(args.option("metrics").value_or("rmse,r2"));

    std::filesystem::path folder = args.positional().front();
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec))
        throw data::DataError(folder, "folder not found");
    if (std::filesystem::is_directory(learn::runsFolder(folder), ec))
        folder = learn::runsFolder(folder);

    // Every run below the folder (a dataset's runs/ holds one folder per sweep).
    std::vector<learn::RunSummary> runs;
    std::size_t pretraining = 0, unreadable = 0;
    for (auto it = std::filesystem::recursive_directory_iterator(folder, ec); !ec && it != std::filesystem::recursive_directory_iterator();
         it.increment(ec)) {
        if (!it->is_regular_file(ec) || it->path().extension() != ".h5")
            continue;
        learn::RunSummary summary;
        try {
            if (learn::summarise(learn::readRunSummary(it->path()), it->path(), summary))
                runs.push_back(std::move(summary));
            else
                ++pretraining;
        } catch (const data::DataError &e) {
            ++unreadable; // sample files and other HDF5 files live here too
        }
    }
    if (ec)
        throw data::DataError(folder, "cannot list the folder: " + ec.message());
    if (runs.empty())
        throw data::DataError(
            folder,
            "holds no runs tested on the towers" +
                (pretraining ? " (only " + counted(pretraining, "pretraining run") + ", tested on TEM-MDM)" : std::string()));
    std::fprintf(stderr, "%s from %s%s\n", counted(runs.size(), "run").c_str(), folder.c_str(),
                 pretraining ? (", " + counted(pretraining, "pretraining run") + " left out (tested on TEM-MDM, not the towers)").c_str()
                             : "");

    const auto tables = learn::buildTables(runs, metrics, args.flag("measured"));
    // The same rule as the explorer's Benchmark panel, said on stderr so that the tables stay clean.
    std::set<std::pair<std::filesystem::path, std::filesystem::path>> superseded;
    for (const auto &t : tables)
        superseded.insert(t.superseded.begin(), t.superseded.end());
    for (const auto &[out, counted] : superseded)
        std::fprintf(stderr, "left out %s: %s has the same model, method, protocol, seed and fold and is later\n", out.c_str(),
                     counted.c_str());
    const std::string text = format == "csv" ? learn::toCsv(tables)
        : format == "latex"                  ? learn::toLatex(tables)
                                             : learn::toMarkdown(tables);
    if (const auto out = args.option("out")) {
        data::writeFileAtomically(*out, [&](const std::filesystem::path &partial) { data::writeBytes(partial, text, *out); });
        std::fprintf(stderr, "wrote %s\n", out->c_str());
    } else {
        std::fputs(text.c_str(), stdout);
    }
    return 0;
}

} // namespace xmw::cli
