#pragma once

#include <functional>

namespace xmw::learn {

// A cancel check for the current thread that the models call between layers, so that a long
// forward pass (a batch of the attention models can take seconds) can be stopped inside it. The
// check throws (TrainingJob's throws xmw::Canceled); without a scope it does nothing.
class InterruptionScope {
public:
    explicit InterruptionScope(std::function<void()> check);
    ~InterruptionScope();
    InterruptionScope(const InterruptionScope &) = delete;
    InterruptionScope &operator=(const InterruptionScope &) = delete;

private:
    std::function<void()> previous_;
};

void checkInterruption();

} // namespace xmw::learn
