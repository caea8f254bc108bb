#pragma once

#include "core/data/splits.h"
#include "core/learn/model_options.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace xmw::learn {

// How the simulation (TEM-MDM, the source) helps the towers (FLUXNET-CH4, the target).
enum class Method {
    Scratch, // towers only
    Pretrain, // TEM-MDM only
    Finetune, // start from a pretrained run, train on towers
    Adversarial, // shared encoder, gradient reversal and a domain discriminator; then fine-tuning
    Residual, // a pretrained model stays frozen; a second model learns what it misses
    Reweight, // joint training, TEM-MDM samples weighted by their likeness to the towers; then fine-tuning
};

[[nodiscard]] std::string methodName(Method method);
[[nodiscard]] std::optional<Method> parseMethod(const std::string &name);
[[nodiscard]] std::string methodDescription(Method method);
[[nodiscard]] bool needsPretrained(Method method);
[[nodiscard]] bool usesSimulation(Method method); // builds TEM-MDM samples

struct TrainingConfig {
    ModelOptions model;
    Method method = Method::Scratch;
    std::string pretrainedRun; // finetune and residual: the run file to start from
    data::SplitOptions split; // split.seed also seeds the TEM-MDM sample
    bool allFolds = false; // spatial: train one model per fold, test every site once
    int epochs = 50;
    int finetuneEpochs = 0; // adversarial, reweight: epochs of target fine-tuning (0: same as epochs)
    double learningRate = 1e-3;
    int batchSize = 64;
    // Adversarial, reweight: simulated samples beside each batch of towers in the joint phase
    // (the reference's 128); 0: batchSize.
    int sourceBatchSize = 0;
    [[nodiscard]] int sourceBatch() const { return sourceBatchSize > 0 ? sourceBatchSize : batchSize; }
    std::uint64_t seed = 0;
    int ensemble = 1; // models per fold, seeds seed … seed+ensemble−1
    int threads = 0; // 0: all cores but one
    std::string device = "cpu"; // "cpu" or "cuda"
    Kernels kernels = Kernels::Fused; // asked for; kernelsUsed() says what runs
    int patience = 10; // early stopping: epochs without a better validation loss
    double validationFraction = 0.1;
    double clip = 1.0; // gradient norm
    double temFraction = 0.1; // share of TEM-MDM cells sampled per year
    int temFirstYear = 0; // TEM-MDM years sampled (0: the dataset's first, last)
    int temLastYear = 0;
    // Pretrain: TEM-MDM samples held out to test the model on the simulation itself.
    data::TemHoldout temHoldout = data::TemHoldout::Years;
    int temFold = 0; // with TemHoldout::Cells: the fold of cells held out

    [[nodiscard]] int fineTuneEpochCount() const { return finetuneEpochs > 0 ? finetuneEpochs : epochs; }
    [[nodiscard]] int folds() const { return allFolds && split.kind == data::SplitKind::Spatial ? split.folds : 1; }
    // Which tower site-years it tests on, for people: "temporal", "spatial fold 2 of 5",
    // "spatial, all 5 folds", with ", 3 towers" when towers were chosen. Runs are comparable only
    // on the same test set.
    [[nodiscard]] std::string testSetName() const;
    // What the recurrent layers or the attention run on: "fused", or "libtorch" with the reason when fused kernels
    // were asked for and cannot run ("libtorch (the fused kernels are CPU-only)").
    [[nodiscard]] std::string kernelsUsed() const;
    // "" when the configuration can run; otherwise what is wrong with it.
    [[nodiscard]] std::string problem() const;
    // "" when a checkpoint written with `stored` can go on under this configuration; otherwise the
    // options that differ, by their command-line names. More epochs are allowed; the thread count
    // and the kernels are ignored (they do not change the result).
    [[nodiscard]] std::string resumeProblem(const TrainingConfig &stored) const;
    // Self-describing text for the run file and `--json`.
    [[nodiscard]] std::string toJson() const;
    // Back from toJson's text (a checkpoint keeps it); empty when the text is not such an object.
    [[nodiscard]] static std::optional<TrainingConfig> fromJson(const std::string &json);
};

// Where a stored configuration's fields come from (a run file's attributes, a checkpoint's JSON),
// by the names toJson writes: each gives the field, or nothing when it is absent or of another type.
struct ConfigSource {
    std::function<std::optional<std::string>(const char *name)> text;
    std::function<std::optional<double>(const char *name)> number; // booleans as 0 or 1
    std::function<std::vector<std::string>(const char *name)> list; // absent: empty
};
// Reads every field; throws std::runtime_error naming the first one missing or unknown.
[[nodiscard]] TrainingConfig readConfigFields(const ConfigSource &source);

[[nodiscard]] int defaultThreadCount();

} // namespace xmw::learn
