#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace xmw::learn {

// A sweep: the benchmark's grid of runs (models × methods × protocols × percents × seeds), read from
// a small JSON file (docs/sweeps.md) and expanded into named `xmw train` runs in DATASET/runs/NAME/.
//
// Runs fall into three stages, in this order: the pretraining runs that finetune and residual
// start from; the runs that need nothing (scratch, adversarial, reweight); and the runs that need a
// pretraining run. A stage is one Slurm array; the last waits for the first (afterok).
enum class SweepStage { Pretrain, Independent, Dependent };

[[nodiscard]] std::string stageName(SweepStage stage); // "pretrain", "independent", "dependent"
[[nodiscard]] std::optional<SweepStage> parseStage(const std::string &name);
[[nodiscard]] const std::vector<SweepStage> &allStages();

struct SweepRun {
    std::string name; // "lstm-finetune-fold2-p100-s0": the run file's stem in the sweep folder
    SweepStage stage = SweepStage::Independent;
    std::string model, method;
    std::string protocol; // "temporal", "fold0" … "fold4"; "tem" for pretraining runs
    double percent = 100;
    int seed = 0;
    std::optional<std::size_t> pretrained; // index of the run it starts from
    // The options of `xmw train DATASET` for this run, without --out, --name, --threads and --resume
    // (which the sweep adds when it starts the run).
    std::vector<std::string> trainArguments;
};

struct SweepPlan {
    std::string name;
    std::filesystem::path spec; // the file it was read from
    std::filesystem::path dataset;
    std::vector<SweepRun> runs; // stage by stage, dependencies first

    [[nodiscard]] std::filesystem::path folder() const; // DATASET/runs/NAME
    [[nodiscard]] std::filesystem::path runFile(const SweepRun &run) const; // FOLDER/NAME.h5
    [[nodiscard]] std::filesystem::path logFile(const SweepRun &run) const; // FOLDER/NAME.log
    // Written when a run fails: why, and the end of its log. Its presence makes the run "failed".
    [[nodiscard]] std::filesystem::path failureFile(const SweepRun &run) const; // FOLDER/NAME.failed
    // Indices of a stage's runs in plan order: what `--stage S --task I` numbers.
    [[nodiscard]] std::vector<std::size_t> stageRuns(SweepStage stage) const;
};

// Reads and expands a sweep file. `dataset` overrides the file's "dataset" (which is relative to the
// file's folder). Throws data::DataError naming the file and the problem: unknown keys, models or
// methods, an option the sweep sets itself, two runs with one name.
[[nodiscard]] SweepPlan readSweep(const std::filesystem::path &spec, const std::optional<std::filesystem::path> &dataset = {});
// The same from the text of a sweep file, for tests; `spec` only names it in messages.
[[nodiscard]] SweepPlan parseSweep(const std::string &text, const std::filesystem::path &spec,
                                   const std::optional<std::filesystem::path> &dataset = {});

// What the sweep folder says about a run, looked at afresh each time (so any number of sweep
// processes, on any number of machines sharing the folder, agree).
enum class RunState {
    Pending, // nothing yet
    Checkpointed, // stopped with a checkpoint: starting it again resumes
    Running, // a live process holds its output lock
    Failed, // its last attempt failed (NAME.failed); retried only on request
    Blocked, // its pretraining run failed
    Done, // its run file is there
};

[[nodiscard]] std::string runStateName(RunState state);
[[nodiscard]] RunState runState(const SweepPlan &plan, std::size_t run);

} // namespace xmw::learn
