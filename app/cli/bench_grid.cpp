// xmw bench grid: how long a sweep would take on this machine, projected from a few epochs of each
// kind of run it holds and the sweep's own order of starting runs.
#include "app/cli/bench_common.h"
#include "app/cli/child_run.h"
#include "app/cli/progress.h"
#include "app/cli/train_options.h"
#include "core/learn/run_file.h"
#include "core/learn/sweep.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <limits>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>

namespace xmw::cli {

namespace {

using Clock = std::chrono::steady_clock;

// Runs that differ only in their seed or spatial fold take the same time per epoch (a fold's
// training set is within a few site-years of another's): one measurement stands for them all.
std::string kindOf(const learn::SweepRun &run)
{
    const std::string protocol = run.protocol.rfind("fold", 0) == 0 ? "spatial" : run.protocol;
    return run.model + " " + run.method + " " + protocol;
}

// What a few epochs of one kind of run showed: the pace of each phase, and what the run costs
// beside its epochs (start, samples, the test predictions, the file).
struct Measurement {
    std::map<std::string, double> secondsPerEpoch; // by phase: the median of epochs 2… of every member
    std::map<std::string, int> members; // by phase
    double overheadSeconds = 0;
};

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v.size() % 2 ? v[v.size() / 2] : 0.5 * (v[v.size() / 2 - 1] + v[v.size() / 2]);
}

Measurement measure(const std::filesystem::path &out, double wallSeconds)
{
    const learn::RunRecord record = learn::readRunFile(out);
    std::map<std::string, std::vector<double>> steady, all;
    std::map<std::string, std::set<int>> members;
    double epochSeconds = 0;
    for (const learn::EpochRecord &e : record.history) {
        all[e.phase].push_back(e.seconds);
        if (e.epoch >= 2)
            steady[e.phase].push_back(e.seconds);
        members[e.phase].insert(e.member);
        epochSeconds += e.seconds;
    }
    Measurement m;
    for (const auto &[phase, times] : all) {
        m.secondsPerEpoch[phase] = median(steady[phase].empty() ? times : steady[phase]);
        m.members[phase] = int(members[phase].size());
    }
    m.overheadSeconds = std::max(0.0, wallSeconds - epochSeconds);
    return m;
}

// The epochs a phase of the real run has (the measurement ran fewer).
int phaseEpochs(const learn::TrainingConfig &c, const std::string &phase)
{
    const bool joint = c.method == learn::Method::Adversarial || c.method == learn::Method::Reweight;
    return joint && phase == "finetune" ? c.fineTuneEpochCount() : c.epochs;
}

// The sweep's local scheduler (sweep_command.cpp's runLocally): whenever a job is free, the first
// run in plan order whose pretraining run has finished. Returns the time the last run ends.
double makespan(const learn::SweepPlan &plan, const std::vector<double> &seconds, int jobs)
{
    const std::size_t n = plan.runs.size();
    std::vector<double> finish(n, std::numeric_limits<double>::infinity());
    std::vector<bool> started(n, false);
    std::multiset<double> running;
    double now = 0, end = 0;
    for (std::size_t left = n; left > 0;) {
        std::optional<std::size_t> next;
        if (int(running.size()) < jobs)
            for (std::size_t i = 0; i < n && !next; ++i)
                if (!started[i] && (!plan.runs[i].pretrained || finish[*plan.runs[i].pretrained] <= now))
                    next = i;
        if (next) {
            started[*next] = true;
            finish[*next] = now + seconds[*next];
            running.insert(finish[*next]);
            end = std::max(end, finish[*next]);
            --left;
            continue;
        }
        now = *running.begin(); // nothing can start before a running run ends
        running.erase(running.begin());
    }
    return end;
}

} // namespace

void benchGrid(const Args &args, const std::filesystem::path &scratch)
{
    if (args.positional().size() != 2)
        throw UsageError("usage: xmw bench grid SPEC.json [--jobs N] [--threads N] [--epochs N] [--dataset DIR]");
    const std::filesystem::path spec(args.positional()[1]);
    const auto dataset = args.option("dataset");
    const learn::SweepPlan plan = learn::readSweep(spec, dataset ? std::optional<std::filesystem::path>(*dataset) : std::nullopt);
    const int cores = int(std::max(1u, std::thread::hardware_concurrency()));
    const int jobs = args.integer("jobs", std::min(2, cores), 1, 1024);
    const int threads = args.integer("threads", std::max(1, cores / jobs), 1, 1024);
    const int epochs = args.integer("epochs", 3, 2, 1000);

    // One measured run per kind, pretraining first: the kinds that start from a pretrained run
    // start from the measured one.
    std::map<std::string, std::size_t> representative;
    for (std::size_t i = 0; i < plan.runs.size(); ++i)
        representative.try_emplace(kindOf(plan.runs[i]), i);
    std::printf("Sweep %s: %zu runs of %zu kinds on %s; each kind measured over %d epochs (of every phase),\n"
                "%d at a time at %d thread%s each\n\n",
                plan.name.c_str(), plan.runs.size(), representative.size(), plan.dataset.c_str(), epochs, jobs, threads,
                threads == 1 ? "" : "s");
    std::printf("  %-34s %10s %10s %10s %9s %12s\n", "kind", "pretrain/s", "train/s", "finetune/s", "start/s", "projected");
    std::map<std::string, std::filesystem::path> files;
    for (const auto &[kind, index] : representative)
        files[kind] = scratch / (std::to_string(index) + ".h5");
    std::vector<double> seconds(plan.runs.size(), 0);
    std::vector<std::string> failedKinds;
    bool stopsEarly = false;
    std::mutex lock; // over the above and stdout

    const auto measureKind = [&](std::size_t index) {
        const learn::SweepRun &run = plan.runs[index];
        const std::string kind = kindOf(run);
        std::vector<std::string> arguments{"train", plan.dataset.string()};
        for (std::size_t a = 0; a < run.trainArguments.size(); ++a) {
            if (run.trainArguments[a] == "--pretrained" && a + 1 < run.trainArguments.size()) {
                arguments.insert(arguments.end(), {"--pretrained", files.at(kindOf(plan.runs[*run.pretrained])).string()});
                ++a;
                continue;
            }
            arguments.push_back(run.trainArguments[a]);
        }
        std::vector<std::string> measuring = arguments;
        measuring.insert(measuring.end(),
                         {"--epochs", std::to_string(epochs), "--threads", std::to_string(threads), "--out", files.at(kind).string()});
        if (run.method == "adversarial" || run.method == "reweight")
            measuring.insert(measuring.end(), {"--finetune-epochs", std::to_string(epochs)});
        const auto start = Clock::now();
        try {
            (void)runSelf(measuring);
        } catch (const std::exception &e) {
            // The sweep's runs of this kind would fail too, at some epoch: no time can be projected.
            const std::string why = e.what();
            const std::lock_guard hold(lock);
            std::printf("  %-34s failed: %s\n", kind.c_str(), why.substr(0, why.find('\n')).c_str());
            failedKinds.push_back(kind);
            return;
        }
        const Measurement m = measure(files.at(kind), std::chrono::duration<double>(Clock::now() - start).count());
        std::vector<std::string_view> raw(arguments.begin() + 1, arguments.end());
        const learn::TrainingConfig config = parseTrainingConfig(Args(raw, trainOptionNames(), trainFlagNames()));
        double projected = m.overheadSeconds;
        for (const auto &[phase, pace] : m.secondsPerEpoch)
            projected += pace * phaseEpochs(config, phase) * m.members.at(phase);
        const auto pace = [&](const char *phase) {
            const auto it = m.secondsPerEpoch.find(phase);
            return it == m.secondsPerEpoch.end() ? std::string("—") : std::to_string(it->second).substr(0, 6);
        };
        const std::string joint = m.secondsPerEpoch.count("joint") ? pace("joint") : pace("train");
        const std::lock_guard hold(lock);
        stopsEarly = stopsEarly || config.validationFraction > 0;
        for (std::size_t i = 0; i < plan.runs.size(); ++i)
            if (kindOf(plan.runs[i]) == kind)
                seconds[i] = projected;
        std::printf("  %-34s %10s %10s %10s %9.1f %12s\n", kind.c_str(), pace("pretrain").c_str(), joint.c_str(), pace("finetune").c_str(),
                    m.overheadSeconds, duration(projected).c_str());
    };
    // As the sweep runs them: `jobs` at a time, so that they share the machine as its runs would.
    // The pretraining kinds first, as the others may start from them.
    for (const bool pretraining : {true, false}) {
        std::vector<std::size_t> wave;
        for (const auto &[kind, index] : representative)
            if ((plan.runs[index].stage == learn::SweepStage::Pretrain) == pretraining)
                wave.push_back(index);
        std::sort(wave.begin(), wave.end());
        std::atomic<std::size_t> next{0};
        std::vector<std::thread> workers;
        for (int j = 0; j < jobs; ++j)
            workers.emplace_back([&] {
                for (std::size_t k; (k = next++) < wave.size();)
                    measureKind(wave[k]);
            });
        for (auto &w : workers)
            w.join();
    }
    double total = 0;
    for (const double s : seconds)
        total += s;
    std::printf("  (seconds per epoch: the median of epochs 2–%d; train/s is the joint phase for adversarial and reweight;\n"
                "   start/s: the rest of a run, from start to file; projected: one run of the kind at its full epochs)\n\n",
                epochs);
    std::printf("  all %zu runs one after another: %s\n", plan.runs.size(), duration(total).c_str());
    std::printf("  with --jobs %d (%d thread%s each), in the sweep's order: %s\n", jobs, threads, threads == 1 ? "" : "s",
                duration(makespan(plan, seconds, jobs)).c_str());
    if (!failedKinds.empty()) {
        std::size_t runs = 0;
        for (const auto &run : plan.runs)
            runs += std::find(failedKinds.begin(), failedKinds.end(), kindOf(run)) != failedKinds.end();
        std::printf("  (not counted: the %zu runs of the %zu kinds that failed)\n", runs, failedKinds.size());
    }
    if (stopsEarly)
        std::printf("  (runs with a validation set may stop early: for them the projection is an upper bound)\n");
    if (jobs * threads > cores)
        std::printf("  (more threads than this machine's %d cores: the projection assumes each job keeps its measured pace)\n", cores);
}

} // namespace xmw::cli
