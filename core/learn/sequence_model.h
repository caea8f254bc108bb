#pragma once

#include "core/learn/model_options.h"

#include <torch/torch.h>

#include <memory>

namespace xmw::learn {

// The features the models see: the first kStaticFeatures are constant over a sample (soil,
// vegetation, wetland and climate codes); EA-LSTM feeds them to its input gate.
constexpr int kStaticFeatures = 8;

struct SequenceOutput {
    torch::Tensor embedding; // B × T × H: what the domain discriminator looks at
    torch::Tensor prediction; // B × T
};

// Every model maps B × T × F inputs to per-day embeddings and a per-day prediction.
class SequenceModel : public torch::nn::Module {
public:
    virtual SequenceOutput forward(const torch::Tensor &x) = 0;

    // The recurrent models run their layers through the fused kernels (fused_recurrence.h) where
    // those take the input, unless told to use LibTorch's modules; the others have one path.
    void setKernels(Kernels kernels) { kernels_ = kernels; }
    [[nodiscard]] Kernels kernels() const { return kernels_; }
    // The kernels a forward pass on tensors like x runs: fused only where asked and supported.
    [[nodiscard]] virtual Kernels kernelsFor(const torch::Tensor &x) const;

protected:
    [[nodiscard]] bool fusedFor(const torch::Tensor &x) const { return kernelsFor(x) == Kernels::Fused; }

private:
    Kernels kernels_ = Kernels::Fused;
};

[[nodiscard]] std::shared_ptr<SequenceModel> makeModel(const ModelOptions &options, int features, int days);

// Parts of makeModel, one per family, so each translation unit stays small.
std::shared_ptr<SequenceModel> makeRecurrentModel(const ModelOptions &options, int features, int days);
std::shared_ptr<SequenceModel> makeAttentionModel(const ModelOptions &options, int features, int days);

} // namespace xmw::learn
