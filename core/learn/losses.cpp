#include "core/learn/losses.h"

#include <cmath>

namespace xmw::learn {

torch::Tensor maskedMse(const torch::Tensor &prediction, const torch::Tensor &target)
{
    return squaredErrorSum(prediction, target) / (~torch::isnan(target)).sum().clamp_min(1);
}

torch::Tensor squaredErrorSum(const torch::Tensor &prediction, const torch::Tensor &target)
{
    const torch::Tensor mask = ~torch::isnan(target);
    return torch::where(mask, (prediction - torch::nan_to_num(target)).pow(2), torch::zeros_like(prediction)).sum();
}

double observedCount(const torch::Tensor &target) { return double((~torch::isnan(target)).sum().item<std::int64_t>()); }

torch::Tensor maskedMsePerSample(const torch::Tensor &prediction, const torch::Tensor &target)
{
    const torch::Tensor mask = ~torch::isnan(target);
    const torch::Tensor squared = torch::where(mask, (prediction - torch::nan_to_num(target)).pow(2), torch::zeros_like(prediction));
    return squared.sum(1) / mask.sum(1).clamp_min(1);
}

namespace {

struct GradientReversal : torch::autograd::Function<GradientReversal> {
    static torch::Tensor forward(torch::autograd::AutogradContext *context, const torch::Tensor &x, double lambda)
    {
        context->saved_data["lambda"] = lambda;
        return x.clone();
    }
    static torch::autograd::tensor_list backward(torch::autograd::AutogradContext *context, torch::autograd::tensor_list gradients)
    {
        return {gradients[0] * -context->saved_data["lambda"].toDouble(), torch::Tensor()};
    }
};

// Mean and standard deviation of each row over its non-NaN entries.
std::pair<torch::Tensor, torch::Tensor> rowStatistics(const torch::Tensor &y)
{
    const torch::Tensor mask = ~torch::isnan(y);
    const torch::Tensor count = mask.sum(-1).clamp_min(1).to(y.dtype());
    const torch::Tensor filled = torch::nan_to_num(y);
    const torch::Tensor mean = filled.sum(-1) / count;
    const torch::Tensor centred = torch::where(mask, filled - mean.unsqueeze(-1), torch::zeros_like(filled));
    return {mean, (centred.pow(2).sum(-1) / count).sqrt()};
}

} // namespace

torch::Tensor reverseGradient(const torch::Tensor &x, double lambda) { return GradientReversal::apply(x, lambda); }

torch::Tensor similarityWeights(const torch::Tensor &sourceTargets, const torch::Tensor &targetTargets)
{
    torch::NoGradGuard noGrad;
    const auto [sourceMean, sourceSpread] = rowStatistics(sourceTargets);
    const auto [targetMean, targetSpread] = rowStatistics(targetTargets.reshape({1, -1}));
    const torch::Tensor distance2 = (sourceMean - targetMean).pow(2) + (sourceSpread - targetSpread).pow(2);
    return torch::exp(-distance2).clamp_min(1e-6); // never 0: every simulated year still counts a little
}

double reversalStrength(double progress) { return 2.0 / (1.0 + std::exp(-10.0 * progress)) - 1.0; }

} // namespace xmw::learn
