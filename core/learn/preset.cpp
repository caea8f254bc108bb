#include "core/learn/preset.h"

namespace xmw::learn {

std::string presetName(Preset preset) { return preset == Preset::Paper ? "paper" : "ours"; }

std::optional<Preset> parsePreset(const std::string &name)
{
    if (name == "paper")
        return Preset::Paper;
    if (name == "ours")
        return Preset::Ours;
    return std::nullopt;
}

void applyPreset(TrainingConfig &c, Preset preset)
{
    const TrainingConfig defaults;
    if (preset == Preset::Ours) {
        c.model.hidden = defaults.model.hidden;
        c.model.layers = defaults.model.layers;
        c.model.dropout = defaults.model.dropout;
        c.model.heads = defaults.model.heads;
        c.epochs = defaults.epochs;
        c.finetuneEpochs = defaults.finetuneEpochs;
        c.learningRate = defaults.learningRate;
        c.batchSize = defaults.batchSize;
        c.sourceBatchSize = defaults.sourceBatchSize;
        c.patience = defaults.patience;
        c.validationFraction = defaults.validationFraction;
        return;
    }
    // config.py: hidden_size = d_model = 8, num_layers = e_layers = 3, n_heads 4, dropout 0.2.
    // Its nn.LSTM is built without a dropout argument, so the recurrent models drop nothing.
    // adversarial.py builds its models with n_hidden 15; the attention models take d_model (8) there too.
    const bool attention = c.model.kind == ModelKind::Transformer || c.model.kind == ModelKind::Informer ||
        c.model.kind == ModelKind::ITransformer || c.model.kind == ModelKind::Pyraformer;
    c.model.hidden = c.method == Method::Adversarial && !attention ? 15 : 8;
    c.model.layers = 3;
    c.model.heads = 4;
    c.model.dropout = c.model.kind == ModelKind::Lstm || c.model.kind == ModelKind::Gru ? 0.0 : 0.2;
    if (c.method == Method::Pretrain) {
        c.epochs = 10; // pretrain.py
        c.learningRate = 0.01;
        c.batchSize = 128;
    } else {
        c.epochs = 200; // finetune.py, residual.py, adversarial.py, reweight.py
        c.learningRate = 0.05;
        c.batchSize = 4;
    }
    // adversarial.py, reweight.py: the simulated samples' loader has batches of 128.
    c.sourceBatchSize = c.method == Method::Adversarial || c.method == Method::Reweight ? 128 : 0;
    c.finetuneEpochs = 0; // the same as epochs
    // The scripts keep the weights of the last epoch: no validation set, so nothing stops early.
    c.validationFraction = 0.0;
    c.patience = defaults.patience;
}

} // namespace xmw::learn
