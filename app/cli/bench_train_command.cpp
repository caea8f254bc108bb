// xmw bench train: the learning engine's speed and memory figures on the demo dataset.
#include "app/cli/bench_common.h"
#include "app/cli/child_run.h"
#include "core/data/dataset.h"
#include "core/data/demo_generator.h"
#include "core/data/sample_builder.h"
#include "core/data/splits.h"
#include "core/json.h"
#include "core/learn/run_file.h"
#include "core/learn/runtime.h"
#include "core/learn/throughput.h"
#include "core/learn/training_job.h"
#include "core/learn/upscaler.h"

#include <chrono>
#include <cstdlib>
#include <sstream>
#include <string>

namespace xmw::cli {

namespace {

// A number from `xmw train --json`'s output (its last line).
double jsonNumber(const std::string &text, const std::string &key)
{
    const std::size_t end = text.find_last_not_of("\n");
    const std::size_t start = end == std::string::npos ? 0 : text.rfind('\n', end);
    const Json json = Json::parse(
        end == std::string::npos ? std::string() : text.substr(start == std::string::npos ? 0 : start + 1, end + 1), nullptr, false);
    const auto it = json.is_object() ? json.find(key) : json.end();
    if (it == json.end() || !it->is_number())
        throw std::runtime_error("`xmw train --json` printed no " + key);
    return it->get<double>();
}

std::vector<std::string> splitList(const std::string &text)
{
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string item; std::getline(in, item, ',');)
        if (!item.empty())
            out.push_back(item);
    return out;
}

learn::TrainingConfig scratchConfig(learn::ModelKind kind, int epochs, int threads)
{
    learn::TrainingConfig c;
    c.model.kind = kind;
    c.epochs = epochs;
    c.threads = threads;
    c.validationFraction = 0; // every training tower in every epoch, no validation pass in the time
    return c;
}

} // namespace

void benchTrain(const Args &args, const std::filesystem::path &scratch)
{
    std::vector<learn::ModelKind> models;
    for (const auto &name : splitList(args.option("models").value_or("")))
        if (const auto kind = learn::parseModel(name))
            models.push_back(*kind);
        else
            throw UsageError("unknown model '" + name + "'");
    if (models.empty())
        models = learn::allModels();
    const int epochs = int(args.number("epochs", 2));
    std::vector<int> threads;
    for (const auto &t : splitList(args.option("threads").value_or("1,2")))
        threads.push_back(std::max(1, std::atoi(t.c_str())));
    if (epochs < 1)
        throw UsageError("--epochs must be at least 1");

    Feedback quiet;
    const auto demoRoot = scratch / "demo";
    (void)data::makeDemoDataset(demoRoot, {}, quiet);
    const data::Dataset demo = data::Dataset::open(demoRoot);
    const data::SampleSet towers = data::SampleBuilder(demo).towerSamples(quiet, data::Recipe::XMethaneWet);
    const auto roles = data::assignRoles(towers, *demo.sites(), {});
    data::SampleSet train;
    for (std::size_t i = 0; i < towers.size(); ++i)
        if (roles[i] == data::SampleRole::Train)
            train.append(towers, i);
    std::printf("Training benchmark on the demo dataset (%s): %zu training site-years of 365 days × 15 features,\n"
                "scratch training, default model sizes, batch 64, %d epoch(s) per figure (the first included)\n\n",
                demoRoot.c_str(), train.size(), epochs);

    benchKernels(args, demoRoot, scratch, models, threads, epochs);

    // Each model and thread count in a fresh process, so peak memory is that run's alone.
    const double baseline = runSelf({"--version"}).peakMegabytes;
    std::printf("  %-13s %7s %9s %10s %9s\n", "model", "threads", "s/epoch", "samples/s", "peak MB");
    std::filesystem::path lstmRun;
    for (const auto kind : models)
        for (const int t : threads) {
            const auto out = scratch / (learn::modelName(kind) + "-" + std::to_string(t) + ".h5");
            const ChildRun run = runSelf({"train", demoRoot.string(), "--model", learn::modelName(kind), "--epochs", std::to_string(epochs),
                                          "--threads", std::to_string(t), "--validation", "0", "--out", out.string(), "--json"});
            std::printf("  %-13s %7d %9.2f %10.1f %9.0f\n", learn::modelName(kind).c_str(), t, jsonNumber(run.output, "seconds_per_epoch"),
                        jsonNumber(run.output, "samples_per_second"), run.peakMegabytes);
            std::fflush(stdout);
            if (kind == learn::ModelKind::Lstm && lstmRun.empty())
                lstmRun = out;
        }
    std::printf("  (peak MB is the whole process; LibTorch and the other libraries alone take %.0f MB)\n\n", baseline);

    // TrainingJob (index_select batches from the contiguous sample tensor, shuffled every epoch)
    // against the bare loop on batches gathered beforehand, in this process, alternating; both
    // after a warm-up epoch.
    const int steadyEpochs = std::max(3, epochs);
    for (const auto kind : {learn::ModelKind::Lstm, learn::ModelKind::ITransformer}) {
        double pipeline = 0, preloaded = 0;
        for (int round = 0; round < 2; ++round) {
            learn::TrainingJob job(demoRoot, scratchConfig(kind, steadyEpochs + 1, 1), scratch / "pipeline.h5");
            Feedback silent;
            const learn::RunRecord run = job.run(silent);
            double seconds = 0;
            for (std::size_t e = 1; e < run.history.size(); ++e)
                seconds += run.history[e].seconds;
            pipeline = std::max(pipeline, double(train.size()) * double(run.history.size() - 1) / seconds);
            preloaded =
                std::max(preloaded, learn::preloadedThroughput(train, learn::ModelOptions{kind}, 64, steadyEpochs, 1, 0).samplesPerSecond);
        }
        std::printf("  %s, 1 thread, epochs 2–%d: %.1f samples/s through TrainingJob, %.1f on pre-loaded batches\n",
                    learn::modelName(kind).c_str(), steadyEpochs + 1, pipeline, preloaded);
        report("  share of the pre-loaded throughput (best of 2)", 100.0 * pipeline / preloaded, "%", 90, false);
    }

    // Data-parallel: the same global batch split over processes of one thread each (xmw launch).
    std::vector<int> processes;
    for (const auto &p : splitList(args.option("processes").value_or("1,2")))
        processes.push_back(std::max(1, std::atoi(p.c_str())));
    std::printf("\n  data-parallel over processes of 1 thread (xmw launch, Gloo on loopback), batch 64 in all:\n");
    std::printf("  %-13s %9s %10s %14s\n", "model", "processes", "samples/s", "communication");
    for (const auto kind : {learn::ModelKind::Lstm, learn::ModelKind::Transformer})
        for (const int n : processes) {
            const auto out = scratch / (learn::modelName(kind) + "-x" + std::to_string(n) + ".h5");
            const ChildRun run =
                runSelf({"launch", "-n", std::to_string(n), "--", "train", demoRoot.string(), "--model", learn::modelName(kind), "--epochs",
                         std::to_string(epochs), "--threads", "1", "--validation", "0", "--out", out.string(), "--json"});
            // Rank 0's time in collectives: the messages, and waiting for the slowest process.
            const double communication = jsonNumber(run.output, "communication_seconds") / jsonNumber(run.output, "seconds");
            std::printf("  %-13s %9d %10.1f %13.1f%%\n", learn::modelName(kind).c_str(), n, jsonNumber(run.output, "samples_per_second"),
                        100.0 * communication);
            std::fflush(stdout);
        }

    if (!lstmRun.empty()) {
        const learn::RunRecord run = learn::readRunFile(lstmRun);
        const int t = threads.back();
        learn::setThreadCount(t);
        const learn::UpscaledYear year = learn::Upscaler(demo, run).run(2016, quiet);
        std::printf("\n  upscaling an LSTM run over 2016 (%zu land cells × 365 days, %d thread(s)): %.2f s, %.0f cells/s\n",
                    year.cells.size(), t, year.seconds, double(year.cells.size()) / year.seconds);
    }
}

} // namespace xmw::cli
