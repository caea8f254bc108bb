#pragma once

#include "core/learn/run_file.h"
#include "core/learn/training_config.h"

#include <torch/torch.h>

#include <filesystem>
#include <limits>
#include <string>
#include <vector>

namespace xmw::learn {

// Where a member's training stands after a finished epoch.
struct TrainingPosition {
    int member = 0, phase = 0, epoch = 0, badEpochs = 0; // epoch: finished epochs of the phase
    double bestLoss = std::numeric_limits<double>::infinity();
    bool haveBest = false; // the best epoch's weights are kept
};

// A job after a finished epoch: enough, with the tensors, to go on from there.
struct CheckpointState {
    TrainingConfig config;
    TrainingPosition position;
    std::vector<EpochRecord> history; // every member's curves so far
    std::vector<std::string> doneModels; // serialized models of the finished members
};

// The file a training job writes beside its run after every epoch (RUN.h5.checkpoint): the one
// place that knows its format. A LibTorch archive with the state's fields under their names
// ("config" as TrainingConfig JSON, "history" as tab-separated text, "done_i" as bytes), the
// member's "model", the adversarial discriminator as "aux", the "optimizer", and "best_i" tensors.
class Checkpoint {
public:
    [[nodiscard]] static std::filesystem::path pathFor(const std::filesystem::path &runFile);

    // Written under a temporary name and renamed, so a kill leaves the previous one whole.
    static void write(const std::filesystem::path &path, const CheckpointState &state, torch::nn::Module &model, torch::nn::Module *aux,
                      torch::optim::Optimizer &optimizer, const std::vector<torch::Tensor> &best);

    // Reads the state; throws data::DataError naming the file when it is not a readable checkpoint.
    [[nodiscard]] static Checkpoint open(const std::filesystem::path &path);

    [[nodiscard]] const CheckpointState &state() const { return state_; }
    // Loads the member's tensors into modules of the same shapes; `best` gets the best weights
    // when the state has them (shaped like `model`'s snapshot).
    void restore(torch::nn::Module &model, torch::nn::Module *aux, torch::optim::Optimizer &optimizer, std::vector<torch::Tensor> &best);

private:
    std::filesystem::path path_;
    torch::serialize::InputArchive archive_;
    CheckpointState state_;
};

// Curves as text: one epoch per line, tab-separated; NaN survives the round trip.
[[nodiscard]] std::string encodeHistory(const std::vector<EpochRecord> &history);
[[nodiscard]] std::vector<EpochRecord> decodeHistory(const std::string &text);

} // namespace xmw::learn
