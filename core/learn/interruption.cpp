#include "core/learn/interruption.h"

#include <utility>

namespace xmw::learn {

namespace {
thread_local std::function<void()> current;
}

InterruptionScope::InterruptionScope(std::function<void()> check)
    : previous_(std::exchange(current, std::move(check)))
{}

InterruptionScope::~InterruptionScope() { current = std::move(previous_); }

void checkInterruption()
{
    if (current)
        current();
}

} // namespace xmw::learn
