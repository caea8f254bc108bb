#pragma once

#include "core/data/sample_builder.h"
#include "core/learn/model_options.h"

#include <cstdint>

namespace xmw::learn {

struct Throughput {
    double samplesPerSecond = 0;
    double secondsPerEpoch = 0;
};

// The bare training step — forward, masked loss, backward, clipping, Adam — on batches gathered
// into tensors before the clock starts: the ceiling that `xmw bench train` holds TrainingJob's
// data pipeline against. Times `epochs` epochs after one untimed warm-up epoch.
[[nodiscard]] Throughput preloadedThroughput(const data::SampleSet &samples, const ModelOptions &model, int batchSize, int epochs,
                                             int threads, std::uint64_t seed);

} // namespace xmw::learn
