#pragma once

#include "core/feedback.h"
#include "core/learn/run_file.h"
#include "core/learn/training_config.h"

#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace xmw::learn {

class DataParallel;

// A configuration that cannot be trained (or a pretrained run that does not fit it).
struct TrainingError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// What a checkpoint holds besides the weights: the configuration it resumes and its curves so far.
struct CheckpointInfo {
    TrainingConfig config;
    std::vector<EpochRecord> history;
};

// Where a running job is, for progress bars and ETAs.
struct JobProgress {
    int member = 0, members = 1; // current member (fold × seed), 0-based, and how many
    std::string phase;
    int epoch = 0, epochs = 0; // within the phase, 1-based
    int batch = 0, batches = 0;
    double fraction = 0; // of the whole job
    double etaSeconds = 0; // NaN until an epoch has finished
};

// Trains one configuration on a dataset and writes its run file. run() blocks on the calling thread
// (the CLI's main thread, a GUI worker). The job checkpoints after every epoch beside the run file
// (learn::Checkpoint, RUN.h5.checkpoint) and, with resume, picks up from there; the checkpoint is
// removed once the run file is written.
class TrainingJob {
public:
    // What a Feedback cannot carry: each epoch's record, and where in the job a batch is.
    struct Callbacks {
        std::function<void(const EpochRecord &, const JobProgress &)> epoch;
        std::function<void(const JobProgress &)> batch; // at most every 100 ms
    };

    TrainingJob(std::filesystem::path dataset, TrainingConfig config, std::filesystem::path out);
    ~TrainingJob();

    void setCallbacks(Callbacks callbacks);
    void setResume(bool resume);
    void setLabels(std::string name, std::string notes);
    // For tests of what a diverging run does: once this many epochs have finished, every loss
    // reads NaN, as a run that blew up would see.
    void injectNonFiniteLossAfter(int epochs);
    // Trains as one process of a data-parallel run: each process computes its share of every
    // batch and the gradients are summed, so the curves are those of one process with the same
    // batch size. Only rank 0 writes (checkpoints, the run file) and calls back; the others'
    // run() returns the curves alone. Stop requests are agreed on at each batch. Not owned.
    void setDataParallel(DataParallel *parallel);

    // `feedback` hears the stages and warnings (message) and the share of the job done (progress:
    // sample building, then training); cancel() on it, from any thread, stops run() within a batch
    // with xmw::Canceled, and the checkpoint stays for a resume.
    RunRecord run(Feedback &feedback);

    [[nodiscard]] static std::filesystem::path checkpointPath(const std::filesystem::path &out);
    // Reads a checkpoint (RUN.h5.checkpoint), e.g. one a closed explorer left; throws DataError.
    [[nodiscard]] static CheckpointInfo readCheckpoint(const std::filesystem::path &checkpoint);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace xmw::learn
