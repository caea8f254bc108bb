#pragma once

#include "core/feedback.h"
#include "core/learn/checkpoint.h"
#include "core/learn/training_job.h"

#include <torch/torch.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace xmw::learn {

class DataParallel;

using Indices = std::vector<int64_t>;

// Standardised samples of one domain, contiguous, built once per job: batches are gathered from
// them with one index_select, never copied sample by sample.
struct Domain {
    torch::Tensor x, y;
    [[nodiscard]] torch::Tensor batchX(const Indices &i, const torch::Device &d) const { return gather(x, i, d); }
    [[nodiscard]] torch::Tensor batchY(const Indices &i, const torch::Device &d) const { return gather(y, i, d); }
    static torch::Tensor gather(const torch::Tensor &t, const Indices &i, const torch::Device &d)
    {
        return t.index_select(0, torch::tensor(i, torch::kLong)).to(d);
    }
};

// One member of a job: a fold and a seed, and the towers it trains, validates and tests on.
struct MemberPlan {
    int fold = 0;
    std::uint64_t seed = 0;
    Indices train, validation, test; // into the towers (pretrain: train and validation into TEM-MDM)
};

// What every member of a job trains on, set up once by the job.
struct TrainingData {
    torch::Device device = torch::kCPU;
    Domain towers, tem;
    Indices temPool; // the TEM-MDM samples training may use (pretrain holds some out to test)
    torch::Tensor residualTarget; // residual: y − f_pre(x), standardised
    const RunRecord *pretrained = nullptr; // finetune and residual: the run they start from
};

// What the job counts across its members: the curves, progress and speed, and why it stopped.
struct TrainingTally {
    using Clock = std::chrono::steady_clock;
    std::vector<EpochRecord> history;
    int totalEpochs = 0, epochsDone = 0;
    double epochSeconds = 0; // mean so far, for the ETA
    double trainingSeconds = 0;
    std::size_t samplesSeen = 0;
    std::string stopped; // a member's loss was not finite: the job ends with what it has
    Clock::time_point lastBatchReport{};
};

// Trains one member of a TrainingJob through its phases (one, or the simulation-and-towers phase
// then fine-tuning), epoch by epoch, with early stopping on the validation loss, a checkpoint after
// every epoch and, in a distributed run, its share of every batch. The job sets up the data,
// plans the members and evaluates; this is the loop between.
class MemberTrainer {
public:
    struct Context {
        const TrainingConfig &config;
        const TrainingData &data;
        TrainingTally &tally;
        Feedback &feedback;
        const TrainingJob::Callbacks &callbacks;
        DataParallel *parallel = nullptr; // null in a run of one process
        int members = 1;
        int nonFiniteAfter = -1; // tests: losses read NaN after this many epochs of the job
        // After every epoch (by the process that writes): the position and the tensors to resume from.
        std::function<void(const TrainingPosition &, torch::nn::Module &model, torch::nn::Module *aux, torch::optim::Optimizer &,
                           const std::vector<torch::Tensor> &best)>
            checkpoint;
    };

    MemberTrainer(const Context &context, int member, const MemberPlan &plan);
    ~MemberTrainer();

    // From `position` (a fresh member: phase 0, epoch 0), restoring `resumed`'s tensors when given.
    // The serialized model with its best weights, or nothing when no epoch had a finite loss.
    // Throws Canceled when asked to stop (the last checkpoint stays) and TrainingError.
    [[nodiscard]] std::optional<std::string> train(TrainingPosition position, Checkpoint *resumed);

private:
    struct Phase;
    struct PhaseRun;
    struct StepLoss;

    void setUpModels();
    void splitSimulation();
    [[nodiscard]] std::vector<Phase> phases();
    [[nodiscard]] Phase onTowers(const std::string &name, int epochs);
    [[nodiscard]] StepLoss jointStep(const Indices &towers, double progress);
    // Runs a phase from `state` to its end or early stop; false when a non-finite loss ended the job.
    bool trainPhase(Phase &phase, int phaseIndex, TrainingPosition &state, Checkpoint *&resumed);
    // One optimizer step; false when the loss was not finite (which ends the job).
    bool trainBatch(PhaseRun &run, const Indices &batch, int epoch, int batchIndex);
    // Validation, the epoch's record, early stopping and the checkpoint; true to stop early.
    bool endEpoch(PhaseRun &run, int epoch, double seconds);
    // The adversarial discriminator, which checkpoints keep; null for the other methods.
    [[nodiscard]] torch::nn::Module *discriminator() const;
    void reportBatch(const Phase &phase, int epoch, int batch, int batches);

    // This process's part of a batch (all of it in a run of one process).
    [[nodiscard]] Indices share(const Indices &batch) const;
    // Counts summed over the whole batch, every process's; the request to stop travels with them,
    // so that all processes stop at the same batch.
    [[nodiscard]] std::vector<double> batchTotals(std::vector<double> local) const;
    // Masked MSE over a batch of one domain, divided by the whole batch's observed days.
    [[nodiscard]] torch::Tensor domainLoss(const Domain &domain, const torch::Tensor &y, const Indices &batch);
    // The mean masked MSE over `indices`, in chunks that any number of processes add up the same.
    [[nodiscard]] double validationLoss(const Domain &domain, const torch::Tensor &y, const Indices &indices);
    // The joint phase's next batch of simulated samples, in this epoch's order.
    [[nodiscard]] Indices nextSourceBatch();
    [[nodiscard]] torch::Tensor noLoss() const;

    struct Models;
    const Context &job_;
    const int member_;
    const MemberPlan &plan_;
    const bool adversarial_;
    std::mt19937_64 random_;
    std::unique_ptr<Models> models_;
    Indices temTrain_, temValidation_;
    Indices sourceOrder_; // the joint phase: this epoch's order of the simulated samples
    std::size_t sourceCursor_ = 0;
};

} // namespace xmw::learn
