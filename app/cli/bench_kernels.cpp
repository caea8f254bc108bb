// xmw bench train, first part: the recurrent models on the fused kernels, on LibTorch's own layers
// and in the PyTorch (Python) reference loop, on the same samples and threads, in one run.
#include "app/cli/bench_common.h"
#include "app/cli/child_run.h"
#include "core/json.h"
#include "core/learn/model_io.h"
#include "core/learn/runtime.h"
#include "core/learn/sequence_model.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <optional>
#include <string>

namespace xmw::cli {

namespace {

struct Configuration {
    const char *name;
    int hidden, layers, batch;
    double learningRate;
    int epochs; // at least: ours settles later (PyTorch's epochs keep speeding up until about the 6th)
};

// The paper's (config.py: hidden 8 × 3 layers, batch 4, lr 0.05) and ours (the defaults).
constexpr Configuration kPaper{"paper", 8, 3, 4, 0.05, 5}, kOurs{"ours", 64, 1, 64, 1e-3, 12};

// The preset's dropout: the reference's nn.LSTM and nn.GRU drop nothing; the others 0.2.
double dropoutOf(learn::ModelKind kind, const Configuration &c)
{
    if (&c == &kOurs)
        return 0.1;
    return kind == learn::ModelKind::EaLstm ? 0.2 : 0.0;
}

struct Figure {
    double secondsPerEpoch = 0, testRmse = 0;
};

// A JSON object from the last line of a child's stdout.
Json lastJsonLine(const std::string &text, const char *what)
{
    const std::size_t end = text.find_last_not_of('\n');
    const std::size_t start = end == std::string::npos ? std::string::npos : text.rfind('\n', end);
    const Json json =
        Json::parse(end == std::string::npos ? std::string() : text.substr(start == std::string::npos ? 0 : start + 1), nullptr, false);
    if (!json.is_object())
        throw std::runtime_error(std::string(what) + " printed no JSON result");
    return json;
}

Figure trainHere(const std::filesystem::path &demo, const std::filesystem::path &scratch, learn::ModelKind kind, const Configuration &c,
                 int threads, int epochs, learn::Kernels kernels)
{
    const auto out = scratch / ("kernels-" + learn::kernelsName(kernels) + ".h5");
    const ChildRun run = runSelf({"train",        demo.string(),
                                  "--model",      learn::modelName(kind),
                                  "--preset",     "paper",
                                  "--hidden",     std::to_string(c.hidden),
                                  "--layers",     std::to_string(c.layers),
                                  "--batch",      std::to_string(c.batch),
                                  "--lr",         std::to_string(c.learningRate),
                                  "--dropout",    std::to_string(dropoutOf(kind, c)),
                                  "--epochs",     std::to_string(epochs),
                                  "--threads",    std::to_string(threads),
                                  "--validation", "0",
                                  "--kernels",    learn::kernelsName(kernels),
                                  "--out",        out.string(),
                                  "--json"});
    const Json json = lastJsonLine(run.output, "xmw train");
    return {json.at("steady_seconds_per_epoch").get<double>(), json.at("metrics").at("test").at("rmse").get<double>()};
}

// The reference in Debian's Python (python3-torch: LibTorch 1.13, the library xmw links).
std::optional<Figure> trainInPython(const std::filesystem::path &script, const std::filesystem::path &samples, learn::ModelKind kind,
                                    const Configuration &c, int threads, int epochs)
{
    const std::string command = "/usr/bin/python3 '" + script.string() + "' '" + samples.string() + "' --model " + learn::modelName(kind) +
        " --hidden " + std::to_string(c.hidden) + " --layers " + std::to_string(c.layers) + " --batch " + std::to_string(c.batch) +
        " --lr " + std::to_string(c.learningRate) + " --dropout " + std::to_string(dropoutOf(kind, c)) + " --epochs " +
        std::to_string(epochs) + " --threads " + std::to_string(threads) + " --json 2>&1";
    FILE *pipe = ::popen(command.c_str(), "r");
    if (!pipe)
        return std::nullopt;
    std::string output;
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;)
        output.append(buffer, n);
    if (::pclose(pipe) != 0)
        throw std::runtime_error("the PyTorch reference failed: " + output);
    const Json json = lastJsonLine(output, "the PyTorch reference");
    return Figure{json.at("steady_seconds_per_epoch").get<double>(), json.at("test_rmse").get<double>()};
}

bool pythonHasTorch() { return std::system("/usr/bin/python3 -c 'import torch, h5py' >/dev/null 2>&1") == 0; }

// The forward pass alone, as upscaling runs it (no gradients, batches of 256 cells), on random
// standardised inputs: cells per second.
double predictionCellsPerSecond(const learn::ModelOptions &options, learn::Kernels kernels, int threads)
{
    learn::prepareRuntime(); // as the upscaler does: the allocator's settings, subnormals flushed
    torch::set_num_threads(threads);
    torch::manual_seed(0);
    auto model = learn::makeModel(options, data::kFeatureCount, data::kSequenceDays);
    model->setKernels(kernels);
    const torch::Tensor x = torch::randn({2048, data::kSequenceDays, data::kFeatureCount});
    double best = 0; // the best of three passes, after one to warm up
    for (int pass = 0; pass < 4; ++pass) {
        const auto start = std::chrono::steady_clock::now();
        (void)learn::predictScaled(*model, x, torch::kCPU);
        if (pass > 0)
            best = std::max(best, double(x.size(0)) / std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    return best;
}

} // namespace

void benchKernels(const Args &args, const std::filesystem::path &demo, const std::filesystem::path &scratch,
                  const std::vector<learn::ModelKind> &models, const std::vector<int> &threads, int epochs)
{
    // A 200-epoch run's pace is its steady one: the median of epochs 2… (the first also pays for
    // one-off set-up, in all three).
    const std::filesystem::path script = args.option("reference").value_or(XMW_PYTORCH_REFERENCE);
    const bool python = pythonHasTorch();
    const auto samples = scratch / "kernels-samples.h5";
    if (python)
        (void)runSelf({"samples", demo.string(), "--out", samples.string()});
    std::printf("Recurrent kernels: seconds per epoch on the demo's training towers (the median of epochs 2–%d of each run at\n"
                "the paper's configuration, 2–%d at ours), fused kernels, LibTorch's layers and the PyTorch reference (%s),\n"
                "and each one's test RMSE (nmol m⁻² s⁻¹)\n\n",
                std::max(epochs, kPaper.epochs), std::max(epochs, kOurs.epochs),
                python ? script.c_str() : "skipped: /usr/bin/python3 has no torch; apt-get install python3-torch");
    std::printf("  %-8s %-6s %7s %9s %9s %9s %8s %8s %9s %9s %9s\n", "model", "config", "threads", "fused", "libtorch", "pytorch",
                "×libtorch", "×pytorch", "RMSE fus", "RMSE lib", "RMSE py");
    for (const auto kind : models) {
        if (!learn::hasFusedKernels(kind))
            continue;
        for (const Configuration *c : {&kPaper, &kOurs})
            for (const int t : threads) {
                const int n = std::max(epochs, c->epochs);
                const Figure fused = trainHere(demo, scratch, kind, *c, t, n, learn::Kernels::Fused);
                const Figure unfused = trainHere(demo, scratch, kind, *c, t, n, learn::Kernels::LibTorch);
                const std::optional<Figure> reference = python ? trainInPython(script, samples, kind, *c, t, n) : std::nullopt;
                const double nan = std::numeric_limits<double>::quiet_NaN();
                std::printf("  %-8s %-6s %7d %9.3f %9.3f %9.3f %8.1f× %7.1f× %9.3f %9.3f %9.3f\n", learn::modelName(kind).c_str(), c->name,
                            t, fused.secondsPerEpoch, unfused.secondsPerEpoch, reference ? reference->secondsPerEpoch : nan,
                            unfused.secondsPerEpoch / fused.secondsPerEpoch,
                            reference ? reference->secondsPerEpoch / fused.secondsPerEpoch : nan, fused.testRmse, unfused.testRmse,
                            reference ? reference->testRmse : nan);
                std::fflush(stdout);
            }
    }
    std::printf(
        "  (the paper's models: hidden 8 × 3 layers, batch 4, lr 0.05; ours: hidden 64 × 1, batch 64, lr 0.001;\n"
        "   ×: how many times faster the fused kernels are; targets: ≥ 10× the reference for paper on 1 thread, ≥ 2× for ours)\n\n");

    std::printf("  prediction (upscaling's forward pass, batches of 256 cells × 365 days), cells per second:\n");
    std::printf("  %-8s %-6s %7s %10s %10s %10s\n", "model", "config", "threads", "fused", "libtorch", "fused/core");
    for (const auto kind : models) {
        if (!learn::hasFusedKernels(kind))
            continue;
        for (const Configuration *c : {&kPaper, &kOurs})
            for (const int t : threads) {
                learn::ModelOptions options;
                options.kind = kind;
                options.hidden = c->hidden;
                options.layers = c->layers;
                const double fused = predictionCellsPerSecond(options, learn::Kernels::Fused, t);
                const double unfused = predictionCellsPerSecond(options, learn::Kernels::LibTorch, t);
                std::printf("  %-8s %-6s %7d %10.0f %10.0f %10.0f\n", learn::modelName(kind).c_str(), c->name, t, fused, unfused,
                            fused / t);
                std::fflush(stdout);
            }
    }
    std::printf("  (target: ≥ 5,000 cells/s per core for the paper's LSTM)\n\n");
}

} // namespace xmw::cli
