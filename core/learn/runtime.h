#pragma once

namespace xmw::learn {

// Settings the training and prediction loops run faster with: the allocator's, once per process,
// and flushing subnormal numbers to zero, for the calling thread. Call it on every thread that
// trains or predicts; a program that does so on worker threads calls it first thing in main(), so
// that those threads share the allocator settings. Torch-free, for the explorer's main().
void prepareRuntime();

// LibTorch's intra-op threads for this process (TrainingJob sets its configuration's own); 0 or
// less: defaultThreadCount().
void setThreadCount(int threads);

} // namespace xmw::learn
