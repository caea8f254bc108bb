#pragma once

#include "core/learn/run_file.h"
#include "core/learn/runtime.h"
#include "core/learn/sequence_model.h"

#include <torch/torch.h>

#include <memory>
#include <string>
#include <vector>

namespace xmw::learn {

// A model's parameters and buffers as LibTorch archive bytes, and back.
[[nodiscard]] std::string saveModel(torch::nn::Module &model);
void loadModel(torch::nn::Module &model, const std::string &archive, const std::string &where);

// Fresh models of `options`, one per blob, weights loaded, in evaluation mode, on `device`.
[[nodiscard]] std::vector<std::shared_ptr<SequenceModel>> loadModels(const ModelOptions &options, const std::vector<ModelBlob> &blobs,
                                                                     const torch::Device &device, const std::string &where);

// Raw samples → standardised tensors (NaN inputs become the mean, NaN targets stay NaN: the mask).
[[nodiscard]] torch::Tensor scaleInputs(const std::vector<float> &x, std::size_t n, const Scaling &scaling);
[[nodiscard]] torch::Tensor scaleTargets(const std::vector<float> &y, std::size_t n, const Scaling &scaling);

// Batched prediction in standardised units, no gradients.
[[nodiscard]] torch::Tensor predictScaled(SequenceModel &model, const torch::Tensor &x, const torch::Device &device, int64_t batch = 256);

[[nodiscard]] torch::Device parseDevice(const std::string &name); // throws std::runtime_error when unavailable

} // namespace xmw::learn
