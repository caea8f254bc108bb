#pragma once

#include <optional>
#include <string>
#include <vector>

namespace xmw::learn {

// The benchmark's sequence models. Torch-free, so the GUI can offer them.
enum class ModelKind { Lstm, Gru, EaLstm, Tcn, Transformer, Informer, ITransformer, Pyraformer };

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
