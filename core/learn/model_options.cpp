#include "core/learn/model_options.h"

#include <algorithm>

namespace xmw::learn {

namespace {

struct ModelInfo {
    ModelKind kind;
    const char *name;
    const char *description;
    int layers;
};

const ModelInfo kModels[] = {
    {ModelKind::Lstm, "lstm", "long short-term memory network", 1},
    {ModelKind::Gru, "gru", "gated recurrent unit network", 1},
    {ModelKind::EaLstm, "ea-lstm", "entity-aware LSTM: static features drive the input gate", 1},
    {ModelKind::Tcn, "tcn", "temporal convolutional network: dilated causal convolutions, residual blocks", 6},
    {ModelKind::Transformer, "transformer", "transformer encoder with full self-attention", 2},
    {ModelKind::Informer, "informer", "Informer: ProbSparse self-attention with distilling", 2},
    {ModelKind::ITransformer, "itransformer", "iTransformer: each feature's series is a token", 2},
    {ModelKind::Pyraformer, "pyraformer", "Pyraformer: pyramidal attention over a multi-scale tree", 2},
};

const ModelInfo &info(ModelKind kind)
{
    return *std::find_if(std::begin(kModels), std::end(kModels), [&](const ModelInfo &m) { return m.kind == kind; });
}

} // namespace

int ModelOptions::layerCount() const { return layers > 0 ? layers : defaultLayers(kind); }

std::string ModelOptions::problem() const
{
    if (hidden < 1 || hidden > 4096)
        return "hidden size must be in 1…4096";
    if (layers < 0 || layers > 64)
        return "layers must be in 1…64 (0 for the model's default)";
    if (dropout < 0 || dropout >= 1)
        return "dropout must be in [0, 1)";
    const bool attention =
        kind == ModelKind::Transformer || kind == ModelKind::Informer || kind == ModelKind::ITransformer || kind == ModelKind::Pyraformer;
    if (attention && (heads < 1 || hidden % heads != 0))
        return "the number of heads (" + std::to_string(heads) + ") must divide the hidden size (" + std::to_string(hidden) + ")";
    return {};
}

const std::vector<ModelKind> &allModels()
{
    static const std::vector<ModelKind> kinds = [] {
        std::vector<ModelKind> out;
        for (const auto &m : kModels)
            out.push_back(m.kind);
        return out;
    }();
    return kinds;
}

std::string modelName(ModelKind kind) { return info(kind).name; }
std::string modelDescription(ModelKind kind) { return info(kind).description; }
int defaultLayers(ModelKind kind) { return info(kind).layers; }

std::string kernelsName(Kernels kernels) { return kernels == Kernels::Fused ? "fused" : "libtorch"; }

std::optional<Kernels> parseKernels(const std::string &name)
{
    if (name == "fused")
        return Kernels::Fused;
    if (name == "libtorch")
        return Kernels::LibTorch;
    return std::nullopt;
}

bool hasFusedKernels(ModelKind kind)
{
    return kind == ModelKind::Lstm || kind == ModelKind::Gru || kind == ModelKind::EaLstm || kind == ModelKind::Transformer ||
        kind == ModelKind::ITransformer || kind == ModelKind::Pyraformer;
}

std::optional<ModelKind> parseModel(const std::string &name)
{
    std::string lower;
    for (const char c : name)
        if (c != '_' && c != '-')
            lower += char(std::tolower(static_cast<unsigned char>(c)));
    for (const auto &m : kModels) {
        std::string candidate;
        for (const char *c = m.name; *c; ++c)
            if (*c != '-')
                candidate += *c;
        if (candidate == lower)
            return m.kind;
    }
    return std::nullopt;
}

} // namespace xmw::learn
