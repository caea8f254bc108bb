// xmw train, runs, predict, compare, upscale: the learning engine from the command line.
#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "app/cli/progress.h"
#include "app/cli/split_option.h"
#include "app/cli/train_options.h"
#include "core/counted.h"
#include "core/data/benchmark_sites.h"
#include "core/data/calendar.h"
#include "core/data/csv_writer.h"
#include "core/data/data_error.h"
#include "core/data/dataset.h"
#include "core/data/emission_file.h"
#include "core/data/grid_variable_file.h"
#include "core/data/output_lock.h"
#include "core/data/sample_builder.h"
#include "core/data/wetland_area.h"
#include "core/json.h"
#include "core/learn/data_parallel.h"
#include "core/learn/predictor.h"
#include "core/learn/preset.h"
#include "core/learn/run_file.h"
#include "core/learn/training_job.h"
#include "core/learn/upscale_parts.h"
#include "core/learn/upscaler.h"

#include <algorithm>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <limits>
#include <map>
#include <set>
#include <unistd.h>

namespace xmw::cli {

namespace {

using learn::Metrics;

Feedback *runningJob = nullptr;

// Ctrl+C stops at the end of the batch and leaves the checkpoint for --resume.
void onInterrupt(int)
{
    if (runningJob)
        runningJob->cancel();
}

Json metricsJson(const Metrics &m)
{
    Json j;
    for (const auto &name : learn::metricNames())
        j[name] = learn::metricValue(m, name);
    j["count"] = m.count;
    return j;
}

// "US-Los,FI.Sii": ids in the one canonical form (data::canonicalSiteId); whether each exists is
// checked against the dataset, which names the unknown ones.
std::vector<std::string> parseSiteList(const std::string &text, const std::string &option)
{
    std::vector<std::string> ids;
    for (std::size_t from = 0; from <= text.size();) {
        const std::size_t comma = std::min(text.find(',', from), text.size());
        if (comma == from)
            throw UsageError(option + " expects tower ids separated by commas, got '" + text + "'");
        ids.push_back(data::canonicalSiteId(text.substr(from, comma - from)));
        from = comma + 1;
    }
    return ids;
}

// RunRecord::measuredColumn for people: what the column is, and that older runs took FCH4_F.
std::string measuredColumnText(const std::string &column)
{
    if (column == data::SiteSeries::kMeasuredColumn)
        return column + ", not gap-filled";
    if (column == "FCH4_F")
        return "FCH4_F, which is partly gap-filled (a run written before measured days came from FCH4)";
    return column;
}

void printMetricsLine(const char *label, const Metrics &m)
{
    std::printf("%s: RMSE %.3f  nRMSE %.3f  R² %.3f  r²corr %.3f  MAE %.3f  bias %+.3f  KGE %.3f  (%zu days)\n", label, m.rmse, m.nrmse,
                m.r2, m.r2Corr, m.mae, m.bias, m.kge, m.count);
}

std::string lossText(const learn::EpochRecord &r)
{
    std::string text;
    const auto add = [&](const char *name, double v) {
        if (std::isfinite(v)) {
            char part[48];
            std::snprintf(part, sizeof part, " %s %.4f", name, v);
            text += part;
        }
    };
    add("train", r.trainLoss);
    add("val", r.validationLoss);
    add("source", r.sourceLoss);
    add("target", r.targetLoss);
    add("domain", r.domainLoss);
    return text;
}

// Metrics of runs tested on different site-years do not measure the same thing: say so on stderr.
void warnIfNotComparable(const std::vector<learn::RunRecord> &runs, const std::vector<std::filesystem::path> &files)
{
    std::map<std::vector<std::string>, std::vector<std::size_t>> byTestSet;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        std::vector<std::string> ids = runs[i].testIds;
        std::sort(ids.begin(), ids.end());
        byTestSet[ids].push_back(i);
    }
    if (byTestSet.size() < 2)
        return;
    std::fprintf(stderr, "warning: these runs were tested on %zu different sets of site-years; compare metrics only within one:\n",
                 byTestSet.size());
    for (const auto &[ids, members] : byTestSet) {
        std::string names;
        for (const std::size_t i : members)
            names.append(names.empty() ? "" : ", ").append(files[i].filename().string());
        std::fprintf(stderr, "  %s (%zu site-years): %s\n", runs[members.front()].config.testSetName().c_str(), ids.size(), names.c_str());
    }
}

// The dataset a run was trained on, or --dataset where it has moved since.
std::string runDataset(const learn::RunRecord &run, const Args &args)
{
    if (const auto given = args.option("dataset"))
        return *given;
    if (run.dataset.empty())
        throw UsageError("the run does not name its dataset; give --dataset DIR");
    std::error_code ec;
    if (!std::filesystem::is_directory(run.dataset, ec))
        throw data::DataError(run.dataset, "the run's dataset folder is not there (moved?); give --dataset DIR");
    return run.dataset;
}

} // namespace

const std::set<std::string> &trainOptionNames()
{
    static const std::set<std::string> names = {
        "model",     "method",      "pretrained",      "preset", "recipe",  "split",        "fold",     "folds",      "percent",
        "sites",     "epochs",      "finetune-epochs", "lr",     "batch",   "source-batch", "seed",     "ensemble",   "threads",
        "device",    "kernels",     "hidden",          "layers", "dropout", "heads",        "patience", "validation", "tem-fraction",
        "tem-years", "tem-holdout", "tem-fold",        "out",    "name",    "notes",        "timeout"};
    return names;
}

const std::set<std::string> &trainFlagNames()
{
    static const std::set<std::string> names = {"all-folds", "resume", "json", "distributed"};
    return names;
}

learn::TrainingConfig parseTrainingConfig(const Args &args)
{
    learn::TrainingConfig c;
    const std::string model = args.option("model").value_or("lstm");
    const auto kind = learn::parseModel(model);
    if (!kind) {
        std::vector<std::string> names;
        std::string known;
        for (const auto k : learn::allModels()) {
            names.push_back(learn::modelName(k));
            known.append(known.empty() ? "" : ", ").append(names.back());
        }
        const std::string guess = nearest(model, names);
        throw UsageError("unknown model '" + model + "'" + (guess.empty() ? "" : "; did you mean '" + guess + "'?") + " (" + known + ")");
    }
    c.model.kind = *kind;
    const std::string method = args.option("method").value_or("scratch");
    const auto parsed = learn::parseMethod(method);
    if (!parsed)
        throw UsageError("unknown method '" + method + "'" +
                         didYouMean(method, {"scratch", "pretrain", "finetune", "adversarial", "residual", "reweight"}) +
                         " (scratch, pretrain, finetune, adversarial, residual, reweight)");
    c.method = *parsed;
    c.pretrainedRun = args.option("pretrained").value_or("");
    // The preset first: the options given one by one then override what it set.
    const std::string preset = args.option("preset").value_or("ours");
    const auto parsedPreset = learn::parsePreset(preset);
    if (!parsedPreset)
        throw UsageError("unknown preset '" + preset + "'" + didYouMean(preset, {"ours", "paper"}) + " (ours, paper)");
    learn::applyPreset(c, *parsedPreset);
    c.split = splitOption(args);
    c.allFolds = args.flag("all-folds");
    if (c.allFolds && args.option("fold"))
        throw UsageError("--fold and --all-folds exclude each other");
    if (c.allFolds && c.split.kind == data::SplitKind::Temporal)
        throw UsageError("--all-folds applies to --split spatial only");
    if (const auto sites = args.option("sites"))
        c.split.sites = parseSiteList(*sites, "--sites");
    c.epochs = args.integer("epochs", c.epochs, 1, 100000);
    c.finetuneEpochs = args.integer("finetune-epochs", c.finetuneEpochs, 1, 100000);
    if (args.option("finetune-epochs") && c.method != learn::Method::Adversarial && c.method != learn::Method::Reweight)
        throw UsageError("--finetune-epochs sets the fine-tuning phase of adversarial and reweight; " + learn::methodName(c.method) +
                         " trains for --epochs");
    c.learningRate = args.number("lr", c.learningRate);
    c.batchSize = args.integer("batch", c.batchSize, 1, 65536);
    c.sourceBatchSize = args.integer("source-batch", c.sourceBatchSize, 0, 65536);
    c.seed = std::uint64_t(args.integer("seed", 0, 0, std::numeric_limits<int>::max()));
    c.split.seed = c.seed;
    c.ensemble = args.integer("ensemble", 1, 1, 100);
    c.threads = args.integer("threads", 0, 0, 1024);
    c.device = args.option("device").value_or("cpu");
    const std::string kernels = args.option("kernels").value_or("fused");
    const auto parsedKernels = learn::parseKernels(kernels);
    if (!parsedKernels)
        throw UsageError("unknown kernels '" + kernels + "'" + didYouMean(kernels, {"fused", "libtorch"}) + " (fused, libtorch)");
    c.kernels = *parsedKernels;
    c.model.hidden = args.integer("hidden", c.model.hidden, 1, 4096);
    c.model.layers = args.integer("layers", c.model.layers, 1, 64); // 0 (ours): the model's own default
    c.model.dropout = args.number("dropout", c.model.dropout);
    c.model.heads = args.integer("heads", c.model.heads, 1, 4096);
    c.patience = args.integer("patience", c.patience, 1, 100000);
    c.validationFraction = args.number("validation", c.validationFraction);
    c.temFraction = args.number("tem-fraction", c.temFraction);
    if (const auto years = args.yearRange("tem-years")) {
        c.temFirstYear = years->first;
        c.temLastYear = years->second;
    }
    const std::string holdout = args.option("tem-holdout").value_or(data::temHoldoutName(c.temHoldout));
    const auto parsedHoldout = data::parseTemHoldout(holdout);
    if (!parsedHoldout)
        throw UsageError("--tem-holdout is years, cells or none, not '" + holdout + "'" + didYouMean(holdout, {"years", "cells", "none"}));
    c.temHoldout = *parsedHoldout;
    c.temFold = args.integer("tem-fold", 0, 0, data::kTemFolds - 1);
    if (args.option("tem-fold") && c.temHoldout != data::TemHoldout::Cells)
        throw UsageError("--tem-fold applies to --tem-holdout cells only");
    if ((args.option("tem-holdout") || args.option("tem-fold")) && c.method != learn::Method::Pretrain)
        throw UsageError("--tem-holdout and --tem-fold apply to --method pretrain: only a pretraining run is tested on TEM-MDM");
    if ((args.option("tem-years") || args.option("tem-fraction")) && !learn::usesSimulation(c.method))
        throw UsageError("--tem-years and --tem-fraction apply to the methods that train on TEM-MDM (pretrain, adversarial, reweight)");
    if (const std::string problem = c.problem(); !problem.empty())
        throw UsageError(problem);
    return c;
}

int train(const Arguments &raw)
{
    const Args args(raw, trainOptionNames(), trainFlagNames());
    if (args.positional().size() != 1)
        throw UsageError("expects one dataset folder");
    if (!args.option("out"))
        throw UsageError("--out RUN.h5 is required (a bare name goes to the dataset's runs/ folder)");
    learn::TrainingConfig config = parseTrainingConfig(args);
    const std::filesystem::path dataset = args.positional().front();
    std::error_code ec;
    if (!std::filesystem::is_directory(dataset, ec))
        throw data::DataError(dataset, "folder not found");
    if (!config.pretrainedRun.empty()) {
        config.pretrainedRun = learn::resolveRunPath(dataset, config.pretrainedRun).string();
        if (!std::filesystem::is_regular_file(config.pretrainedRun, ec))
            throw data::DataError(config.pretrainedRun, "file not found (the pretrained run)");
    }
    // Where the run goes is settled before training: an hour's work must not die at the end.
    const std::filesystem::path out = learn::resolveRunPath(dataset, *args.option("out"));
    const std::filesystem::path folder = out.parent_path();
    std::filesystem::create_directories(folder, ec);
    if (ec)
        throw data::DataError(folder, "cannot create the folder for the run: " + ec.message());
    if (::access(folder.c_str(), W_OK) != 0)
        throw data::DataError(folder, "cannot write the run here (no write permission)");
    if (std::filesystem::is_directory(out, ec))
        throw data::DataError(out, "is a folder; --out names the run file");

    // One process of a data-parallel run: it meets the others before any work.
    std::unique_ptr<learn::DataParallel> parallel;
    if (args.option("timeout") && !args.flag("distributed"))
        throw UsageError("--timeout applies to --distributed");
    if (args.flag("distributed")) {
        learn::Rendezvous rendezvous;
        try {
            rendezvous = learn::rendezvousFromEnvironment();
        } catch (const learn::RendezvousError &e) {
            throw UsageError(std::string("--distributed: ") + e.what());
        }
        if (!args.option("threads")) // what Slurm gave each task, or this host's cores shared by its processes
            config.threads = rendezvous.cpusPerProcess > 0 ? rendezvous.cpusPerProcess
                                                           : std::max(1, learn::defaultThreadCount() / rendezvous.localWorldSize);
        const int timeout = args.integer("timeout", 600, 1, 7 * 24 * 3600);
        if (rendezvous.rank == 0)
            std::fprintf(stderr, "distributed: %d processes (%s), meeting at %s:%d, %d threads each\n", rendezvous.worldSize,
                         rendezvous.source.c_str(), rendezvous.masterAddress.c_str(), rendezvous.masterPort, config.threads);
        parallel = std::make_unique<learn::DataParallel>(rendezvous, std::chrono::seconds(timeout));
    }
    const bool leader = !parallel || parallel->rank() == 0; // the others train and stay quiet

    learn::TrainingJob job(dataset, config, out);
    job.setDataParallel(parallel.get());
    job.setResume(args.flag("resume"));
    job.setLabels(args.option("name").value_or(out.stem().string()), args.option("notes").value_or(""));
    // A bar on a terminal; in a log, the epoch lines alone tell how far it is.
    const auto bar = std::make_shared<ProgressBar>(false);
    Feedback feedback(
        [leader, bar](double fraction, const std::string &stage) {
            if (leader)
                bar->update(fraction, stage);
        },
        [leader, bar](const std::string &m) {
            if (leader)
                bar->note(m);
        });
    learn::TrainingJob::Callbacks callbacks;
    if (leader) {
        callbacks.epoch = [bar](const learn::EpochRecord &r, const learn::JobProgress &p) {
            char line[512];
            std::snprintf(line, sizeof line, "member %d/%d %-8s epoch %3d/%d:%s  %.1f s, ETA %s", p.member + 1, p.members, r.phase.c_str(),
                          r.epoch, p.epochs, lossText(r).c_str(), r.seconds, duration(p.etaSeconds).c_str());
            bar->note(line);
        };
        callbacks.batch = [bar](const learn::JobProgress &p) {
            const std::string where =
                (p.members > 1 ? "member " + std::to_string(p.member + 1) + "/" + std::to_string(p.members) + ", " : "") + "epoch " +
                std::to_string(p.epoch) + "/" + std::to_string(p.epochs);
            bar->update(p.fraction, p.phase, where, p.etaSeconds);
        };
    }
    job.setCallbacks(callbacks);
    runningJob = &feedback;
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    learn::RunRecord run;
    try {
        run = job.run(feedback);
    } catch (const Canceled &) {
        runningJob = nullptr;
        bar->finish();
        if (!leader)
            return 130;
        const auto checkpoint = learn::TrainingJob::checkpointPath(out);
        if (std::filesystem::exists(checkpoint, ec))
            std::fprintf(stderr, "stopped; %s keeps the last finished epoch: add --resume to go on\n", checkpoint.c_str());
        else
            std::fprintf(stderr, "stopped before the first epoch ended: nothing was kept, and no checkpoint was written\n");
        return 130;
    }
    runningJob = nullptr;
    bar->finish();
    if (!leader)
        return 0;

    double epochSeconds = 0;
    for (const auto &h : run.history)
        epochSeconds += h.seconds;
    epochSeconds /= double(std::max<std::size_t>(1, run.history.size()));
    // The first epoch also pays for one-off work (the allocator's first blocks, BLAS's buffers,
    // lazy symbol binding): a long run's pace is the median of the others.
    std::vector<double> later;
    for (std::size_t i = 1; i < run.history.size(); ++i)
        later.push_back(run.history[i].seconds);
    double steadyEpochSeconds = epochSeconds;
    if (!later.empty()) {
        std::nth_element(later.begin(), later.begin() + later.size() / 2, later.end());
        steadyEpochSeconds = later[later.size() / 2];
    }
    if (args.flag("json")) {
        Json j;
        j["run"] = out.string();
        j["recipe"] = data::recipeName(run.config.split.recipe);
        j["test_set"] = run.config.testSetName();
        if (!run.temTestSet.empty())
            j["tem_test_set"] = run.temTestSet;
        j["measured_column"] = run.measuredColumn;
        Json &metrics = j["metrics"]; // the last key of j taken by reference: Json keeps keys in order, in a vector
        metrics["test"] = metricsJson(run.metrics);
        metrics["test_measured"] = metricsJson(run.metricsMeasured);
        if (!run.temTestSet.empty())
            metrics["test_tem"] = metricsJson(run.temMetrics);
        for (const auto &[key, bySite] : {std::pair{"per_site", &run.perSite}, std::pair{"per_site_measured", &run.perSiteMeasured}}) {
            Json &sites = metrics[key] = Json::object();
            for (const auto &[site, m] : *bySite)
                sites[site] = metricsJson(m);
        }
        j["seconds_per_epoch"] = epochSeconds;
        j["steady_seconds_per_epoch"] = steadyEpochSeconds;
        j["samples_per_second"] = run.samplesPerSecond;
        j["epochs"] = run.history.size();
        j["seconds"] = run.seconds;
        j["stopped"] = run.stopped;
        j["processes"] = parallel ? parallel->worldSize() : 1;
        j["communication_seconds"] = parallel ? parallel->communicationSeconds() : 0.0;
        j["config"] = Json::parse(run.config.toJson());
        std::printf("%s\n", toJsonText(j).c_str());
        return 0;
    }
    std::printf("%s: %s %s, tested on %s: %s at %s, %s in %s (%.1f s/epoch, %.0f samples/s)\n", out.c_str(),
                learn::modelName(config.model.kind).c_str(), learn::methodName(config.method).c_str(), run.config.testSetName().c_str(),
                counted(run.testIds.size(), "site-year").c_str(), counted(run.perSite.size(), "tower").c_str(),
                counted(run.history.size(), "epoch").c_str(), duration(run.seconds).c_str(), epochSeconds, run.samplesPerSecond);
    if (parallel)
        std::printf("distributed over %d processes: rank 0 spent %s of %s waiting for the others and the network\n", parallel->worldSize(),
                    duration(parallel->communicationSeconds()).c_str(), duration(run.seconds).c_str());
    if (!run.stopped.empty())
        std::printf("stopped early: %s\n", run.stopped.c_str());
    printMetricsLine("test, gap-filled target", run.metrics);
    printMetricsLine("test, measured days   ", run.metricsMeasured);
    if (!run.temTestSet.empty()) {
        std::printf("held-out TEM-MDM: %s\n", run.temTestSet.c_str());
        printMetricsLine("test, TEM-MDM         ", run.temMetrics);
    }
    std::printf("(nmol CH4 m-2 s-1; the gap-filled target is the benchmark's: FCH4_F, its gaps filled from FCH4_F_ANNOPTLM;\n"
                " measured days: %s;\n"
                " R² = 1 − SSE/SST as the paper reports it, equal to NSE; r²corr = squared correlation)\n",
                measuredColumnText(run.measuredColumn).c_str());
    return 0;
}

int runs(const Arguments &raw)
{
    const Args args(raw, {}, {"json"});
    if (args.positional().size() != 1)
        throw UsageError("expects one folder of runs (or a dataset folder with runs/)");
    std::filesystem::path folder = args.positional().front();
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec))
        throw data::DataError(folder, std::filesystem::exists(folder, ec) ? "not a folder" : "folder not found");
    std::vector<std::filesystem::path> files = learn::findRunFiles(folder);
    if (std::filesystem::is_directory(learn::runsFolder(folder), ec)) {
        const auto more = learn::findRunFiles(learn::runsFolder(folder));
        files.insert(files.end(), more.begin(), more.end());
    }
    std::vector<learn::RunRecord> records;
    for (const auto &file : files)
        records.push_back(learn::readRunSummary(file));
    Json j = Json::array();
    if (!args.flag("json"))
        std::printf("%-28s %-12s %-11s %-32s %5s %8s %7s %7s %9s %8s %6s  %s\n", "run", "model", "method", "test set", "data", "RMSE", "R²",
                    "r²corr", "RMSE meas", "RMSE TEM", "time", "created");
    for (std::size_t i = 0; i < files.size(); ++i) {
        const learn::RunRecord &run = records[i];
        const auto &c = run.config;
        char data[16];
        std::snprintf(data, sizeof data, "%g%%", c.split.percent);
        if (args.flag("json")) {
            Json entry = {{"file", files[i].string()},
                          {"name", run.name},
                          {"model", learn::modelName(c.model.kind)},
                          {"method", learn::methodName(c.method)},
                          {"recipe", data::recipeName(c.split.recipe)},
                          {"test_set", c.testSetName()},
                          {"percent", c.split.percent},
                          {"created", run.created},
                          {"seconds", run.seconds},
                          {"notes", run.notes},
                          {"test", metricsJson(run.metrics)},
                          {"test_measured", metricsJson(run.metricsMeasured)},
                          {"measured_column", run.measuredColumn}};
            if (!run.temTestSet.empty()) {
                entry["tem_test_set"] = run.temTestSet;
                entry["test_tem"] = metricsJson(run.temMetrics);
            }
            j.push_back(std::move(entry));
        } else {
            char tem[16] = "-";
            if (!run.temTestSet.empty())
                std::snprintf(tem, sizeof tem, "%.3f", run.temMetrics.rmse);
            std::printf("%-28s %-12s %-11s %-32s %5s %8.3f %7.3f %7.3f %9.3f %8s %6s  %s\n", files[i].filename().string().c_str(),
                        learn::modelName(c.model.kind).c_str(), learn::methodName(c.method).c_str(), c.testSetName().c_str(), data,
                        run.metrics.rmse, run.metrics.r2, run.metrics.r2Corr, run.metricsMeasured.rmse, tem, duration(run.seconds).c_str(),
                        run.created.c_str());
        }
    }
    if (args.flag("json"))
        std::printf("%s\n", toJsonText(j).c_str());
    else if (files.empty())
        std::printf("(no runs in %s)\n", folder.c_str());
    else
        std::printf("(RMSE, R² = 1 − SSE/SST and r²corr = squared correlation on the gap-filled target, as the benchmark scores; "
                    "RMSE meas on measured days alone, the FCH4 column (runs written before it took FCH4_F); "
                    "RMSE TEM on TEM-MDM held out from pretraining)\n");
    warnIfNotComparable(records, files);
    return 0;
}

int predict(const Arguments &raw)
{
    const Args args(raw, {"site", "cell", "dataset", "year", "device"}, {"csv"});
    if (args.positional().size() != 1)
        throw UsageError("expects one run file");
    if (bool(args.option("site")) == bool(args.option("cell")))
        throw UsageError("give either --site ID or --cell LAT,LON");
    const learn::RunRecord run = learn::readRunFile(args.positional().front());
    const data::Dataset dataset = data::Dataset::open(runDataset(run, args));
    const data::SampleBuilder builder(dataset);
    Feedback quiet;
    data::SampleSet samples;
    std::string label;
    if (const auto site = args.option("site")) {
        const data::Site *tower = dataset.sites() ? dataset.sites()->find(*site) : nullptr;
        if (!tower)
            throw data::DataError(dataset.root(), "has no tower '" + *site + "' (xmw sites lists them)");
        label = tower->info.id;
        // The run's own recipe: its inputs are made as they were in training.
        samples = builder.towerSamples(quiet, run.config.split.recipe, label);
        if (samples.size() == 0)
            throw data::DataError(dataset.root(),
                                  "tower '" + label + "' has no site-year that makes a sample under the " +
                                      data::recipeName(run.config.split.recipe) + " recipe" +
                                      (samples.skipped.empty() ? "" : " (" + samples.skipped.front() + ")"));
    } else {
        double lat = 0, lon = 0;
        char extra = 0;
        if (std::sscanf(args.option("cell")->c_str(), "%lf,%lf%c", &lat, &lon, &extra) != 2 || std::abs(lat) > 90 || std::abs(lon) > 360)
            throw UsageError("--cell expects LAT,LON in degrees, got '" + *args.option("cell") + "'");
        if (!dataset.grid())
            throw data::DataError(dataset.root(), "no TEM-MDM folder: no cells to predict");
        const data::Grid &grid = dataset.grid()->grid();
        const std::size_t cell = std::size_t(grid.row(lat)) * std::size_t(grid.cols) + std::size_t(grid.col(lon));
        for (const int year : dataset.grid()->years()) {
            const data::SampleSet one = builder.cellSamples(year, {cell}, quiet);
            for (std::size_t i = 0; i < one.size(); ++i)
                samples.append(one, i);
        }
        if (samples.size() == 0)
            throw data::DataError(dataset.root(), "the cell at " + *args.option("cell") + " is ocean or lacks inputs");
        label = "cell:" + std::to_string(grid.row(lat)) + "," + std::to_string(grid.col(lon));
    }
    if (const auto year = args.option("year")) {
        data::SampleSet chosen;
        for (std::size_t i = 0; i < samples.size(); ++i)
            if (std::to_string(samples.years[i]) == *year)
                chosen.append(samples, i);
        if (chosen.size() == 0)
            throw UsageError("no sample in year " + *year);
        samples = std::move(chosen);
    }
    const learn::Predictor predictor(run, args.option("device").value_or("cpu"));
    std::vector<float> spread;
    const std::vector<float> predicted = predictor.predict(samples.x, samples.size(), &spread);
    std::set<std::string> trained(run.trainIds.begin(), run.trainIds.end());
    const bool isSite = bool(args.option("site"));
    // Towers: the measured flux and the gap-filled target apart (metrics are given on both); cells:
    // TEM-MDM's emission. Fields go through csvField: a cell's label holds a comma.
    std::printf("%s\n",
                isSite ? "date,site,observed_measured_nmol_m-2_s-1,target_gapfilled_nmol_m-2_s-1,predicted_nmol_m-2_s-1,"
                         "spread_nmol_m-2_s-1,role"
                       : "date,cell,tem_mdm_nmol_m-2_s-1,predicted_nmol_m-2_s-1,spread_nmol_m-2_s-1");
    const auto number = [](float v) {
        char text[32] = "";
        if (!std::isnan(v))
            std::snprintf(text, sizeof text, "%.5g", v);
        return std::string(text);
    };
    for (std::size_t i = 0; i < samples.size(); ++i) {
        std::string role;
        if (isSite)
            role = trained.count(samples.ids[i])                                                         ? "train"
                : std::find(run.testIds.begin(), run.testIds.end(), samples.ids[i]) != run.testIds.end() ? "test"
                                                                                                         : "unused";
        const auto dates = data::sequenceDates(samples.years[i]);
        for (std::size_t day = 0; day < dates.size(); ++day) {
            const std::size_t k = i * dates.size() + day;
            std::vector<std::string> fields = {data::toIsoString(dates[day]), label};
            if (isSite)
                fields.push_back(number(samples.measured[k]));
            fields.push_back(number(samples.y[k]));
            fields.push_back(number(predicted[k]));
            fields.push_back(number(spread[k]));
            if (isSite)
                fields.push_back(role);
            std::printf("%s\n", data::csvRow(fields).c_str());
        }
    }
    return 0;
}

int compare(const Arguments &raw)
{
    const Args args(raw, {}, {"json"});
    if (args.positional().empty())
        throw UsageError("expects one or more run files");
    std::vector<learn::RunRecord> runs;
    std::vector<std::filesystem::path> files;
    for (const auto &file : args.positional()) {
        runs.push_back(learn::readRunSummary(file));
        files.emplace_back(file);
    }
    if (args.flag("json")) {
        Json j = Json::array();
        for (std::size_t i = 0; i < runs.size(); ++i) {
            Json entry = {{"file", args.positional()[i]},
                          {"model", learn::modelName(runs[i].config.model.kind)},
                          {"method", learn::methodName(runs[i].config.method)},
                          {"recipe", data::recipeName(runs[i].config.split.recipe)},
                          {"test_set", runs[i].config.testSetName()},
                          {"test", metricsJson(runs[i].metrics)},
                          {"test_measured", metricsJson(runs[i].metricsMeasured)},
                          {"measured_column", runs[i].measuredColumn}};
            if (!runs[i].temTestSet.empty()) {
                entry["tem_test_set"] = runs[i].temTestSet;
                entry["test_tem"] = metricsJson(runs[i].temMetrics);
            }
            j.push_back(std::move(entry));
        }
        std::printf("%s\n", toJsonText(j).c_str());
        warnIfNotComparable(runs, files);
        return 0;
    }
    for (const bool measured : {false, true}) {
        std::printf("%s\n%-28s %-12s %-11s %-32s",
                    measured ? "\nOn the measured days alone:" : "On the gap-filled target (the benchmark's):", "run", "model", "method",
                    "test set");
        for (const auto &name : learn::metricNames())
            std::printf(" %8s", name.c_str());
        std::printf(" %8s\n", "days");
        for (std::size_t i = 0; i < runs.size(); ++i) {
            const Metrics &m = measured ? runs[i].metricsMeasured : runs[i].metrics;
            std::printf("%-28s %-12s %-11s %-32s", files[i].filename().string().c_str(),
                        learn::modelName(runs[i].config.model.kind).c_str(), learn::methodName(runs[i].config.method).c_str(),
                        runs[i].config.testSetName().c_str());
            for (const auto &name : learn::metricNames())
                std::printf(" %8.3f", learn::metricValue(m, name));
            std::printf(" %8zu\n", m.count);
        }
        if (measured)
            for (std::size_t i = 0; i < runs.size(); ++i)
                std::printf("  %s: measured days from %s\n", files[i].filename().string().c_str(),
                            measuredColumnText(runs[i].measuredColumn).c_str());
    }
    // Pretraining runs, on the simulation itself.
    bool header = false;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        if (runs[i].temTestSet.empty())
            continue;
        if (!header) {
            std::printf("\nOn TEM-MDM held out from pretraining:\n%-28s %-12s %-36s", "run", "model", "TEM-MDM test set");
            for (const auto &name : learn::metricNames())
                std::printf(" %8s", name.c_str());
            std::printf(" %8s\n", "days");
            header = true;
        }
        std::printf("%-28s %-12s %-36s", files[i].filename().string().c_str(), learn::modelName(runs[i].config.model.kind).c_str(),
                    runs[i].temTestSet.c_str());
        for (const auto &name : learn::metricNames())
            std::printf(" %8.3f", learn::metricValue(runs[i].temMetrics, name));
        std::printf(" %8zu\n", runs[i].temMetrics.count);
    }
    warnIfNotComparable(runs, files);
    return 0;
}

namespace {

// --wetland-area, else the map beside the dataset; --emissions needs one.
std::filesystem::path wetlandMapOf(const Args &args, const data::Dataset &dataset)
{
    if (const auto file = args.option("wetland-area"))
        return *file;
    if (const auto beside = data::wetlandMapBeside(dataset.root(), "name one with --wetland-area FILE"))
        return *beside;
    throw data::DataError(dataset.root() / data::layout::kWetlandFolder,
                          "no wetland map here: --emissions needs one (--wetland-area FILE, e.g. WAD2M's Fw)");
}

void writeEmissions(const Args &args, const std::filesystem::path &upscaled, const std::filesystem::path &mapFile,
                    const std::string &history, Feedback &feedback)
{
    const data::GridVariableFile header(upscaled, "CH4_prediction");
    const data::WetlandAreaMap map(mapFile, args.option("wetland-variable").value_or(data::WetlandAreaMap::kDefaultVariable),
                                   header.grid());
    const auto out = data::emissionsFileOf(upscaled);
    const data::OutputLock lock(out);
    const data::EmissionsSummary summary = data::writeEmissionsNetcdf(upscaled, map, out, history, feedback);
    std::printf("%s: Tg CH4 per cell and month, %d months, %.3f Tg in all (wetland from %s", out.c_str(), summary.months, summary.teragrams,
                mapFile.c_str());
    if (summary.climatologyMonths > 0)
        std::printf("; %d months from its climatology", summary.climatologyMonths);
    std::printf(")\n");
}

} // namespace

int upscale(const Arguments &raw)
{
    const Args args(raw, {"year", "years", "task", "tasks", "out", "device", "dataset", "wetland-area", "wetland-variable"},
                    {"all-land", "merge", "emissions"});
    if ((args.option("wetland-area") || args.option("wetland-variable")) && !args.flag("emissions"))
        throw UsageError("--wetland-area and --wetland-variable go with --emissions");
    const auto out = args.option("out");
    if (!out)
        throw UsageError("--out FILE.nc is required");
    std::string history = learn::utcNow() + ": xmw upscale";
    for (const auto &a : raw)
        history.append(" ").append(a);
    std::error_code ec;
    if (const auto folder = std::filesystem::path(*out).parent_path(); !folder.empty() && !std::filesystem::is_directory(folder, ec))
        throw data::DataError(folder, "folder not found (for --out)");
    if (args.option("year") && args.option("years"))
        throw UsageError("--year and --years exclude each other");
    if (args.option("task").has_value() != args.option("tasks").has_value())
        throw UsageError("--task I and --tasks N go together");
    if (args.option("task") && !args.option("years"))
        throw UsageError("--task and --tasks split --years Y1-Y2 among workers");
    const auto range = args.yearRange("years");
    std::vector<int> years;
    if (range)
        for (int y = range->first; y <= range->second; ++y)
            years.push_back(y);

    if (args.flag("merge")) {
        if (!range)
            throw UsageError("--merge needs --years Y1-Y2: the years the parts cover");
        if (!args.positional().empty() || args.option("task") || args.option("year") || args.flag("all-land") || args.option("dataset"))
            throw UsageError(
                "--merge takes --years and --out (and --emissions with --wetland-area) only: it joins the parts in OUT.parts/");
        if (args.flag("emissions") && !args.option("wetland-area"))
            throw UsageError("--merge --emissions needs --wetland-area FILE: the merge does not know the dataset");
        const data::OutputLock lock(*out);
        Feedback feedback = ProgressBar::feedback();
        learn::mergeUpscaleParts(*out, years, history, feedback);
        std::printf("%s: %zu years, %d–%d\n", out->c_str(), years.size(), years.front(), years.back());
        if (args.flag("emissions"))
            writeEmissions(args, *out, std::filesystem::path(*args.option("wetland-area")), history, feedback);
        return 0;
    }

    if (args.positional().empty() || args.positional().size() > 2)
        throw UsageError("expects a run file, then the dataset folder (or --dataset DIR; default: the run's own dataset)");
    if (args.positional().size() == 2 && args.option("dataset"))
        throw UsageError("give the dataset once: as the second argument or as --dataset");
    if (!args.option("year") && !range)
        throw UsageError("--year YEAR or --years Y1-Y2 is required");
    const int tasks = args.integer("tasks", 1, 1, 100000);
    const int task = args.integer("task", 0, 0, tasks - 1);
    if (tasks > 1 && args.flag("emissions"))
        throw UsageError("with --tasks, the emissions are made by the merge: give --emissions --wetland-area FILE to xmw upscale --merge");
    if (!range)
        years = {args.integer("year", 0, 1, 9999)};
    const learn::RunRecord run = learn::readRunFile(args.positional()[0]);
    const data::Dataset dataset =
        data::Dataset::open(args.positional().size() == 2 ? std::string(args.positional()[1]) : runDataset(run, args));
    if (!dataset.grid())
        throw data::DataError(dataset.root(), "no TEM-MDM folder: nothing to upscale over");
    const auto &available = dataset.grid()->years();
    for (const int year : years)
        if (std::find(available.begin(), available.end(), year) == available.end())
            throw UsageError("the dataset's TEM-MDM years are " + std::to_string(available.front()) + "–" +
                             std::to_string(available.back()) + ", not " + std::to_string(year));
    const double resolution = dataset.grid()->grid().dLat;
    if (run.gridResolution > 0 && std::abs(run.gridResolution - resolution) > 1e-9)
        std::fprintf(stderr,
                     "note: the run was trained on a %g° grid and this dataset's grid is %g°: its TEM-MDM inputs differ from those "
                     "it learnt from\n",
                     run.gridResolution, resolution);
    learn::Upscaler upscaler(dataset, run, args.option("device").value_or("cpu"));
    upscaler.setCoverage(args.flag("all-land") ? learn::Coverage::AllLand : learn::Coverage::Simulated);
    Feedback feedback = ProgressBar::feedback();

    if (!range) { // one year, one file
        const int year = years.front();
        const data::OutputLock lock(*out); // one writer per output
        const learn::UpscaledYear result = upscaler.run(year, feedback);
        learn::writeUpscaledNetcdf(*out, result, run, history);
        std::printf("%s: %zu cells × 365 days of %d in %.1f s (%.0f cells/s)\n", out->c_str(), result.cells.size(), year, result.seconds,
                    double(result.cells.size()) / std::max(1e-9, result.seconds));
        if (result.unsimulatedCells > 0)
            std::printf("left out %zu land cells where TEM-MDM has no emission (--all-land includes them)\n", result.unsimulatedCells);
        if (args.flag("emissions"))
            writeEmissions(args, *out, wetlandMapOf(args, dataset), history, feedback);
        return 0;
    }

    // Years: this worker's parts into OUT.parts/, each written whole; those there already are kept.
    const std::filesystem::path folder = learn::partsFolder(*out);
    std::filesystem::create_directories(folder, ec);
    if (ec)
        throw data::DataError(folder, "cannot create the folder for the parts: " + ec.message());
    const auto plan = learn::planUpscaleParts(years, tasks);
    const auto mine = learn::partsOfTask(plan, task, tasks);
    std::size_t made = 0, there = 0;
    for (const learn::UpscalePart &part : mine) {
        const std::filesystem::path file = folder / part.fileName();
        if (std::filesystem::exists(file, ec)) {
            ++there;
            continue;
        }
        const data::OutputLock lock(file); // two workers given the same task: one makes it
        if (std::filesystem::exists(file, ec)) {
            ++there;
            continue;
        }
        upscaler.setCellBlock(part.block, part.blocks);
        const learn::UpscaledYear result = upscaler.run(part.year, feedback);
        learn::writeUpscaledNetcdf(file, result, run, history, "task " + std::to_string(task) + " of " + std::to_string(tasks));
        std::fprintf(stderr, "%s: %zu cells × 365 days in %.1f s\n", file.c_str(), result.cells.size(), result.seconds);
        ++made;
    }
    std::printf("task %d of %d: %zu part(s) made, %zu there already, in %s\n", task, tasks, made, there, folder.c_str());
    if (tasks == 1) {
        const data::OutputLock lock(*out);
        learn::mergeUpscaleParts(*out, years, history, feedback);
        std::printf("%s: %zu years, %d–%d\n", out->c_str(), years.size(), years.front(), years.back());
        if (args.flag("emissions"))
            writeEmissions(args, *out, wetlandMapOf(args, dataset), history, feedback);
    } else {
        std::printf("when every task is done: xmw upscale --merge --years %d-%d --out %s\n", years.front(), years.back(), out->c_str());
    }
    return 0;
}

} // namespace xmw::cli
