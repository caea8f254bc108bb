#pragma once

#include "core/feedback.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>
#include <unistd.h>

namespace xmw::cli {

// "42s", "3m07s", "2h05m" (a run's time, an ETA); "?" when unknown.
[[nodiscard]] inline std::string duration(double seconds)
{
    if (!std::isfinite(seconds))
        return "?";
    char text[32];
    if (seconds < 60)
        std::snprintf(text, sizeof text, "%.0fs", seconds);
    else if (seconds < 3600)
        std::snprintf(text, sizeof text, "%dm%02ds", int(seconds) / 60, int(seconds) % 60);
    else
        std::snprintf(text, sizeof text, "%dh%02dm", int(seconds) / 3600, int(seconds) % 3600 / 60);
    return text;
}

// Progress on stderr: a live percentage on a terminal; in a log (stderr redirected), a plain line
// whenever a stage starts, every tenth of it, and at least every 30 s, so a batch log shows that a
// long command is alive and how far it is.
class ProgressPrinter {
public:
    ProgressPrinter()
        : terminal_(::isatty(STDERR_FILENO) == 1)
    {}

    void operator()(double fraction, const std::string &stage)
    {
        const int percent = int(std::lround(std::clamp(fraction, 0.0, 1.0) * 100));
        if (terminal_) {
            std::fprintf(stderr, "\r%-24s %3d %%%s", stage.c_str(), percent, fraction >= 1.0 ? "\n" : "");
        } else {
            const auto now = std::chrono::steady_clock::now();
            const bool newStage = stage != stage_;
            const bool step = percent / 10 != lastPercent_ / 10;
            if (newStage || step || now - lastLine_ > std::chrono::seconds(30)) {
                std::fprintf(stderr, "%s: %d %%\n", stage.c_str(), percent);
                lastLine_ = now;
                lastPercent_ = percent;
            }
            stage_ = stage;
        }
        std::fflush(stderr);
    }

    // A Feedback that reports here.
    [[nodiscard]] static Feedback feedback()
    {
        return Feedback([printer = ProgressPrinter()](double f, const std::string &stage) mutable { printer(f, stage); });
    }

private:
    bool terminal_;
    std::string stage_;
    int lastPercent_ = -1;
    std::chrono::steady_clock::time_point lastLine_{};
};

} // namespace xmw::cli
