// xmw train, runs, predict, compare, upscale: the learning engine from the command line.
#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "core/data/calendar.h"
#include "core/data/data_error.h"
#include "core/data/dataset.h"
#include "core/data/sample_builder.h"
#include "core/json_writer.h"
#include "core/learn/predictor.h"
#include "core/learn/run_file.h"
#include "core/learn/training_job.h"
#include "core/learn/upscaler.h"

#include <cmath>
#include <csignal>
#include <set>
#include <cstdio>
#include <unistd.h>

namespace xmw::cli {

namespace {

using learn::Metrics;

learn::TrainingJob *runningJob = nullptr;

// Ctrl+C stops at the end of the batch and leaves the checkpoint for --resume.
void onInterrupt(int)
{
    if (runningJob)
        runningJob->cancel();
}

std::string duration(double seconds)
{
    if (!std::isfinite(seconds))
        return "?";
    char text[32];
    if (seconds < 60)
        std::snprintf(text, sizeof text, "%.0fs", seconds);
    else if (seconds < 3600)
        std::snprintf(text, sizeof text, "%dm%02ds", int(seconds) / 60, int(seconds) % 60);
    else
        std::snprintf(text, sizeof text, "%dh%02dm", int(seconds) / 3600, int(seconds) % 3600 / 60);
    return text;
}

void writeMetrics(JsonWriter &j, const Metrics &m)
{
    j.beginObject();
    for (const auto &name : learn::metricNames())
        j.key(name).value(learn::metricValue(m, name));
    j.key("count").value(double(m.count));
    j.endObject();
}

learn::TrainingConfig parseTrainingConfig(const Args &args)
{
    learn::TrainingConfig c;
    const std::string model = args.option("model").value_or("lstm");
    const auto kind = learn::parseModel(model);
    if (!kind) {
        std::string known;
        for (const auto k : learn::allModels())
            known.append(known.empty() ? "" : ", ").append(learn::modelName(k));
        throw UsageError("unknown model '" + model + "' (" + known + ")");
    }
    c.model.kind = *kind;
    const std::string method = args.option("method").value_or("scratch");
    const auto parsed = learn::parseMethod(method);
    if (!parsed)
        throw UsageError("unknown method '" + method + "' (scratch, pretrain, finetune, adversarial, residual, reweight)");
    c.method = *parsed;
    c.pretrainedRun = args.option("pretrained").value_or("");
    const std::string split = args.option("split").value_or("temporal");
    if (split != "temporal" && split != "spatial")
        throw UsageError("--split is temporal or spatial, not '" + split + "'");
    c.split.kind = split == "spatial" ? data::SplitKind::Spatial : data::SplitKind::Temporal;
    c.split.fold = int(args.number("fold", 0));
    c.split.folds = int(args.number("folds", 5));
    c.allFolds = args.flag("all-folds");
    if (c.allFolds && args.option("fold"))
        throw UsageError("--fold and --all-folds exclude each other");
    c.split.percent = args.number("percent", 100);
    if (const auto sites = args.option("sites"))
        for (std::size_t from = 0; from <= sites->size();) {
            const std::size_t comma = std::min(sites->find(',', from), sites->size());
            if (comma == from)
                throw UsageError("--sites expects tower ids separated by commas, got '" + *sites + "'");
            c.split.sites.push_back(sites->substr(from, comma - from));
            from = comma + 1;
        }
    c.epochs = int(args.number("epochs", c.epochs));
    c.finetuneEpochs = int(args.number("finetune-epochs", 0));
    c.learningRate = args.number("lr", c.learningRate);
    c.batchSize = int(args.number("batch", c.batchSize));
    c.seed = std::uint64_t(args.number("seed", 0));
    c.split.seed = c.seed;
    c.ensemble = int(args.number("ensemble", 1));
    c.threads = int(args.number("threads", 0));
    c.device = args.option("device").value_or("cpu");
    c.model.hidden = int(args.number("hidden", c.model.hidden));
    c.model.layers = int(args.number("layers", 0));
    c.model.dropout = args.number("dropout", c.model.dropout);
    c.model.heads = int(args.number("heads", c.model.heads));
    c.patience = int(args.number("patience", c.patience));
    c.validationFraction = args.number("validation", c.validationFraction);
    c.temFraction = args.number("tem-fraction", c.temFraction);
    if (const std::string problem = c.problem(); !problem.empty())
        throw UsageError(problem);
    return c;
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

std::string runDataset(const learn::RunRecord &run, const Args &args)
{
    const std::string dataset = args.option("dataset").value_or(run.dataset);
    if (dataset.empty())
        throw UsageError("the run does not name its dataset; give --dataset DIR");
    return dataset;
}

} // namespace

int train(const Arguments &raw)
{
    const Args args(raw,
                    {"model", "method", "pretrained", "split", "fold", "folds", "percent", "sites", "epochs", "finetune-epochs", "lr",
                     "batch", "seed", "ensemble", "threads", "device", "hidden", "layers", "dropout", "heads", "patience",
                     "validation", "tem-fraction", "out", "name", "notes"},
                    {"all-folds", "resume", "json"});
    if (args.positional().size() != 1)
        throw UsageError("expects one dataset folder");
    const auto out = args.option("out");
    if (!out)
        throw UsageError("--out RUN.h5 is required");
    const learn::TrainingConfig config = parseTrainingConfig(args);

    learn::TrainingJob job(args.positional().front(), config, *out);
    job.setResume(args.flag("resume"));
    job.setLabels(args.option("name").value_or(std::filesystem::path(*out).stem().string()), args.option("notes").value_or(""));
    learn::TrainingJob::Callbacks callbacks;
    callbacks.message = [](const std::string &m) { std::fprintf(stderr, "%s\n", m.c_str()); };
    callbacks.epoch = [](const learn::EpochRecord &r, const learn::JobProgress &p) {
        std::fprintf(stderr, "member %d/%d %-8s epoch %3d/%d:%s  %.1f s, ETA %s\n", p.member + 1, p.members, r.phase.c_str(),
                     r.epoch, p.epochs, lossText(r).c_str(), r.seconds, duration(p.etaSeconds).c_str());
    };
    job.setCallbacks(callbacks);
    runningJob = &job;
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    learn::RunRecord run;
    try {
        run = job.run();
    } catch (const Canceled &) {
        runningJob = nullptr;
        std::fprintf(stderr, "stopped; %s keeps the last epoch: add --resume to go on\n",
                     learn::TrainingJob::checkpointPath(*out).c_str());
        return 130;
    }
    runningJob = nullptr;

    double epochSeconds = 0;
    for (const auto &h : run.history)
        epochSeconds += h.seconds;
    epochSeconds /= double(std::max<std::size_t>(1, run.history.size()));
    if (args.flag("json")) {
        JsonWriter j;
        j.beginObject();
        j.key("run").value(*out);
        j.key("metrics").beginObject();
        j.key("test");
        writeMetrics(j, run.metrics);
        j.key("per_site").beginObject();
        for (const auto &[site, m] : run.perSite) {
            j.key(site);
            writeMetrics(j, m);
        }
        j.endObject().endObject();
        j.key("seconds_per_epoch").value(epochSeconds);
        j.key("samples_per_second").value(run.samplesPerSecond);
        j.key("epochs").value(int(run.history.size()));
        j.key("seconds").value(run.seconds);
        j.key("stopped").value(run.stopped);
        j.key("config");
        std::printf("%s%s}\n", j.str().c_str(), run.config.toJson().c_str());
        return 0;
    }
    std::printf("%s: %s %s, %zu test site-years at %zu sites, %zu epochs in %s (%.1f s/epoch, %.0f samples/s)\n",
                out->c_str(), learn::modelName(config.model.kind).c_str(), learn::methodName(config.method).c_str(),
                run.testIds.size(), run.perSite.size(), run.history.size(), duration(run.seconds).c_str(), epochSeconds,
                run.samplesPerSecond);
    if (!run.stopped.empty())
        std::printf("stopped early: %s\n", run.stopped.c_str());
    std::printf("test (nmol CH4 m-2 s-1): RMSE %.3f  nRMSE %.3f  R² %.3f  MAE %.3f  bias %+.3f  NSE %.3f  KGE %.3f  (%zu days)\n",
                run.metrics.rmse, run.metrics.nrmse, run.metrics.r2, run.metrics.mae, run.metrics.bias, run.metrics.nse,
                run.metrics.kge, run.metrics.count);
    return 0;
}

int runs(const Arguments &raw)
{
    const Args args(raw, {}, {"json"});
    if (args.positional().size() != 1)
        throw UsageError("expects one folder of runs (or a dataset folder with runs/)");
    std::filesystem::path folder = args.positional().front();
    std::vector<std::filesystem::path> files = learn::findRunFiles(folder);
    if (std::filesystem::is_directory(folder / "runs")) {
        const auto more = learn::findRunFiles(folder / "runs");
        files.insert(files.end(), more.begin(), more.end());
    }
    JsonWriter j;
    j.beginArray();
    if (!args.flag("json"))
        std::printf("%-28s %-12s %-11s %-9s %8s %7s %7s %6s  %s\n", "run", "model", "method", "split", "RMSE", "R²", "NSE",
                    "time", "created");
    for (const auto &file : files) {
        const learn::RunRecord run = learn::readRunSummary(file);
        const auto &c = run.config;
        std::string split = c.split.kind == data::SplitKind::Spatial ? "spatial" : "temporal";
        if (c.split.kind == data::SplitKind::Spatial)
            split.append(c.allFolds ? "*" : std::to_string(c.split.fold));
        if (c.split.percent < 100)
            split.append(" ").append(std::to_string(int(c.split.percent))).append("%");
        if (args.flag("json")) {
            j.beginObject();
            j.key("file").value(file.string());
            j.key("name").value(run.name);
            j.key("model").value(learn::modelName(c.model.kind));
            j.key("method").value(learn::methodName(c.method));
            j.key("split").value(split);
            j.key("created").value(run.created);
            j.key("seconds").value(run.seconds);
            j.key("notes").value(run.notes);
            j.key("test");
            writeMetrics(j, run.metrics);
            j.endObject();
        } else {
            std::printf("%-28s %-12s %-11s %-9s %8.3f %7.3f %7.3f %6s  %s\n", file.filename().string().c_str(),
                        learn::modelName(c.model.kind).c_str(), learn::methodName(c.method).c_str(), split.c_str(), run.metrics.rmse,
                        run.metrics.r2, run.metrics.nse, duration(run.seconds).c_str(), run.created.c_str());
        }
    }
    j.endArray();
    if (args.flag("json"))
        std::printf("%s\n", j.str().c_str());
    else if (files.empty())
        std::printf("(no runs in %s)\n", folder.c_str());
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
        if (!dataset.sites() || !dataset.sites()->find(*site))
            throw data::DataError(dataset.root(), "has no tower '" + *site + "' (xmw sites lists them)");
        samples = builder.towerSamples(quiet, *site);
        if (samples.size() == 0)
            throw data::DataError(dataset.root(), "tower '" + *site + "' has no full 365-day site-year");
        label = *site;
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
    std::printf("date,%s,%s,predicted_nmol_m-2_s-1,spread_nmol_m-2_s-1,role\n", isSite ? "site" : "cell",
                isSite ? "observed_nmol_m-2_s-1" : "tem_mdm_nmol_m-2_s-1");
    for (std::size_t i = 0; i < samples.size(); ++i) {
        const char *role = !isSite ? "" : trained.count(samples.ids[i]) ? "train" : "test";
        if (isSite && std::find(run.testIds.begin(), run.testIds.end(), samples.ids[i]) == run.testIds.end() && !trained.count(samples.ids[i]))
            role = "unused";
        int day = 0;
        for (int m = 1; m <= 12; ++m)
            for (int d = 1; d <= data::daysInMonth(samples.years[i], m); ++d) {
                if (!data::sequenceDayIndex({samples.years[i], m, d}))
                    continue;
                const std::size_t k = i * data::kSequenceDays + std::size_t(day++);
                const float observed = samples.y[k];
                char observedText[32] = "";
                if (!std::isnan(observed))
                    std::snprintf(observedText, sizeof observedText, "%.5g", observed);
                std::printf("%04d-%02d-%02d,%s,%s,%.5g,%.5g,%s\n", samples.years[i], m, d, label.c_str(), observedText, predicted[k],
                            spread[k], role);
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
    for (const auto &file : args.positional())
        runs.push_back(learn::readRunSummary(file));
    if (args.flag("json")) {
        JsonWriter j;
        j.beginArray();
        for (std::size_t i = 0; i < runs.size(); ++i) {
            j.beginObject();
            j.key("file").value(args.positional()[i]);
            j.key("model").value(learn::modelName(runs[i].config.model.kind));
            j.key("method").value(learn::methodName(runs[i].config.method));
            j.key("test");
            writeMetrics(j, runs[i].metrics);
            j.endObject();
        }
        j.endArray();
        std::printf("%s\n", j.str().c_str());
        return 0;
    }
    std::printf("%-28s %-12s %-11s", "run", "model", "method");
    for (const auto &name : learn::metricNames())
        std::printf(" %8s", name.c_str());
    std::printf("\n");
    for (std::size_t i = 0; i < runs.size(); ++i) {
        std::printf("%-28s %-12s %-11s", std::filesystem::path(args.positional()[i]).filename().string().c_str(),
                    learn::modelName(runs[i].config.model.kind).c_str(), learn::methodName(runs[i].config.method).c_str());
        for (const auto &name : learn::metricNames())
            std::printf(" %8.3f", learn::metricValue(runs[i].metrics, name));
        std::printf("\n");
    }
    return 0;
}

int upscale(const Arguments &raw)
{
    const Args args(raw, {"year", "out", "device"}, {});
    if (args.positional().size() != 2)
        throw UsageError("expects a run file and a dataset folder");
    const auto out = args.option("out");
    if (!out)
        throw UsageError("--out FILE.nc is required");
    if (!args.option("year"))
        throw UsageError("--year YEAR is required");
    const int year = int(args.number("year", 0));
    const learn::RunRecord run = learn::readRunFile(args.positional()[0]);
    const data::Dataset dataset = data::Dataset::open(args.positional()[1]);
    const learn::Upscaler upscaler(dataset, run, args.option("device").value_or("cpu"));
    Feedback feedback([](double f, const std::string &stage) {
        static const bool terminal = ::isatty(STDERR_FILENO);
        if (terminal)
            std::fprintf(stderr, "\r%s %3d %%%s", stage.c_str(), int(std::lround(f * 100)), f >= 1.0 ? "\n" : "");
    });
    const learn::UpscaledYear result = upscaler.run(year, feedback);
    std::string history = learn::utcNow() + ": xmw upscale";
    for (const auto &a : raw)
        history.append(" ").append(a);
    learn::writeUpscaledNetcdf(*out, result, run, history);
    std::printf("%s: %zu cells × 365 days of %d in %.1f s (%.0f cells/s)\n", out->c_str(), result.cells.size(), year, result.seconds,
                double(result.cells.size()) / std::max(1e-9, result.seconds));
    return 0;
}

} // namespace xmw::cli
