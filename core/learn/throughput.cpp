#include "core/learn/throughput.h"

#include "core/learn/losses.h"
#include "core/learn/model_io.h"
#include "core/learn/sequence_model.h"

#include <chrono>
#include <cmath>
#include <numeric>
#include <random>

namespace xmw::learn {

Throughput preloadedThroughput(const data::SampleSet &samples, const ModelOptions &model, int batchSize, int epochs, int threads,
                               std::uint64_t seed)
{
    if (samples.size() == 0 || batchSize < 1 || epochs < 1)
        return {};
    torch::set_num_threads(std::max(1, threads));
    prepareRuntime();
    torch::manual_seed(seed);
    Scaling scaling;
    scaling.features = data::Normalisation::of(samples);
    double sum = 0, sum2 = 0, n = 0;
    for (const float v : samples.y)
        if (!std::isnan(v)) {
            sum += v, sum2 += double(v) * v, ++n;
        }
    if (n > 1) {
        scaling.targetMean = float(sum / n);
        scaling.targetStd = float(std::max(1e-6, std::sqrt(std::max(0.0, sum2 / n - (sum / n) * (sum / n)))));
    }
    const torch::Tensor x = scaleInputs(samples.x, samples.size(), scaling);
    const torch::Tensor y = scaleTargets(samples.y, samples.size(), scaling);

    // Every epoch's shuffled batches, gathered up front.
    std::mt19937_64 random(seed);
    std::vector<int64_t> order(samples.size());
    std::iota(order.begin(), order.end(), 0);
    std::vector<std::pair<torch::Tensor, torch::Tensor>> batches;
    for (int e = 0; e <= epochs; ++e) { // one more, to warm up
        std::shuffle(order.begin(), order.end(), random);
        for (std::size_t start = 0; start < order.size(); start += std::size_t(batchSize)) {
            const auto end = std::min(order.size(), start + std::size_t(batchSize));
            const torch::Tensor index =
                torch::tensor(std::vector<int64_t>(order.begin() + std::ptrdiff_t(start), order.begin() + std::ptrdiff_t(end)));
            batches.emplace_back(x.index_select(0, index).contiguous(), y.index_select(0, index).contiguous());
        }
    }

    auto network = makeModel(model, data::kFeatureCount, data::kSequenceDays);
    network->train();
    torch::optim::Adam optimizer(network->parameters(), torch::optim::AdamOptions(1e-3));
    const std::size_t perEpoch = batches.size() / std::size_t(epochs + 1);
    auto start = std::chrono::steady_clock::now();
    double lossSum = 0; // read every step, as any training loop that reports its loss does
    for (std::size_t b = 0; b < batches.size(); ++b) {
        if (b == perEpoch) // the first epoch warms up (allocations, kernels); the clock starts after it
            start = std::chrono::steady_clock::now();
        const auto &[bx, by] = batches[b];
        const torch::Tensor loss = maskedMse(network->forward(bx).prediction, by);
        lossSum += loss.item<double>();
        optimizer.zero_grad();
        loss.backward();
        torch::nn::utils::clip_grad_norm_(network->parameters(), 1.0);
        optimizer.step();
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    (void)lossSum;
    return {double(samples.size()) * epochs / seconds, seconds / epochs};
}

} // namespace xmw::learn
