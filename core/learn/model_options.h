#pragma once

#include <optional>
#include <string>
#include <vector>

namespace xmw::learn {

// The benchmark's sequence models. Torch-free, so the GUI can offer them.
enum class ModelKind { Lstm, Gru, EaLstm, Tcn, Transformer, Informer, ITransformer, Pyraformer };

// How the recurrent layers and full attention run: LibTorch's operations (for a recurrent layer an
// autograd node per operation per day) or the fused kernels (one node per recurrent layer for the
// whole sequence, one per attention; CPU, float and double only).
// Both compute the same function on the same parameters; only the speed differs.
enum class Kernels { LibTorch, Fused };
[[nodiscard]] std::string kernelsName(Kernels kernels); // "libtorch", "fused"
[[nodiscard]] std::optional<Kernels> parseKernels(const std::string &name);
// Whether the model has layers the fused kernels run (LSTM, GRU, EA-LSTM; the full attention of
// Transformer, iTransformer and Pyraformer).
[[nodiscard]] bool hasFusedKernels(ModelKind kind);

struct ModelOptions {
    ModelKind kind = ModelKind::Lstm;
    int hidden = 64;
    int layers = 0; // 0: the model's own default (defaultLayers)
    double dropout = 0.1;
    int heads = 4; // attention models; must divide hidden

    [[nodiscard]] int layerCount() const;
    // "" when the options make a model; otherwise what is wrong with them.
    [[nodiscard]] std::string problem() const;
};

[[nodiscard]] const std::vector<ModelKind> &allModels();
[[nodiscard]] std::string modelName(ModelKind kind); // "lstm", "ea-lstm", "itransformer", …
[[nodiscard]] std::optional<ModelKind> parseModel(const std::string &name);
[[nodiscard]] std::string modelDescription(ModelKind kind);
[[nodiscard]] int defaultLayers(ModelKind kind);

} // namespace xmw::learn
