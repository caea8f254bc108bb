#pragma once

#include <torch/torch.h>

namespace xmw::learn {

// Mean squared error over the days whose target exists (NaN targets are masked out).
[[nodiscard]] torch::Tensor maskedMse(const torch::Tensor &prediction, const torch::Tensor &target);
// Its numerator and denominator apart, for a batch split across processes: the squared errors
// summed over the days whose target exists, and how many days those are.
[[nodiscard]] torch::Tensor squaredErrorSum(const torch::Tensor &prediction, const torch::Tensor &target);
[[nodiscard]] double observedCount(const torch::Tensor &target);
// The same, per sample (B), for weighting; samples with no target give 0.
[[nodiscard]] torch::Tensor maskedMsePerSample(const torch::Tensor &prediction, const torch::Tensor &target);

// Identity forward; backward multiplies the gradient by −lambda (Ganin & Lempitsky): the encoder
// learns to fool the domain discriminator that sits behind it.
[[nodiscard]] torch::Tensor reverseGradient(const torch::Tensor &x, double lambda);

// Weights in (0, 1] for source samples: exp(−d²), d the distance between a source sample's target
// mean and spread and those of the target batch (all standardised), so simulated years that look
// like the towers count most.
[[nodiscard]] torch::Tensor similarityWeights(const torch::Tensor &sourceTargets, const torch::Tensor &targetTargets);

// Ganin's schedule for the reversal strength: 0 at the start, → 1 as progress → 1.
[[nodiscard]] double reversalStrength(double progress);

} // namespace xmw::learn
