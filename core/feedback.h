#pragma once

#include <atomic>
#include <functional>
#include <string>

namespace xmw {

// Passed into every long operation: it reports progress and messages to whoever runs it (the CLI
// prints them, the GUI turns them into signals) and carries the request to stop.
class Feedback {
public:
    using ProgressHandler = std::function<void(double fraction, const std::string &stage)>;
    using MessageHandler = std::function<void(const std::string &message)>;

    Feedback() = default;
    Feedback(ProgressHandler onProgress, MessageHandler onMessage = {})
        : onProgress_(std::move(onProgress))
        , onMessage_(std::move(onMessage))
    {}

    void cancel() { canceled_ = true; }
    [[nodiscard]] bool isCanceled() const { return canceled_; }

    // Reported only when it moves by a visible step (1 %), so hot loops may call it freely.
    void setProgress(double fraction, const std::string &stage = {})
    {
        if (onProgress_ && (fraction - lastReported_ >= 0.01 || fraction >= 1.0 || stage != lastStage_)) {
            lastReported_ = fraction;
            lastStage_ = stage;
            onProgress_(fraction, stage);
        }
    }
    void message(const std::string &text)
    {
        if (onMessage_)
            onMessage_(text);
    }

private:
    std::atomic<bool> canceled_{false};
    ProgressHandler onProgress_;
    MessageHandler onMessage_;
    double lastReported_ = -1.0;
    std::string lastStage_;
};

// Thrown by long operations that stop because Feedback::cancel() was called.
struct Canceled : std::exception {
    [[nodiscard]] const char *what() const noexcept override { return "canceled"; }
};

} // namespace xmw
