#pragma once

#include "core/feedback.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <limits>
#include <memory>
#include <string>

namespace xmw::cli {

// "42s", "3m07s", "2h05m" (a run's time, an ETA); "?" when unknown.
[[nodiscard]] std::string duration(double seconds);

// Progress of a long command on stderr, never stdout (which carries data).
//
// On a terminal: one live line redrawn in place,
//     training  [##########..........]  52 %  member 1/1, epoch 12/50  ETA 1m20s
// with the command's own lines (note()) printed above it. In a log (stderr redirected): no
// redrawing; with `logLines`, a plain "stage: 40 %" line whenever a stage starts, every tenth of
// it and at least every 30 s, so a batch log shows that the command is alive and how far it is.
// Commands that print a line per step of their own (train's epochs, sweep's runs) pass false.
class ProgressBar {
public:
    static constexpr double kUnknown = std::numeric_limits<double>::quiet_NaN();

    explicit ProgressBar(bool logLines = true);
    // For tests: a terminal or not, and its width, whatever stderr is.
    ProgressBar(bool logLines, bool terminal, int columns);
    ~ProgressBar(); // ends the live line

    // `fraction` of the whole command; `detail` says where (shown after the percentage); the ETA
    // is estimated from the time so far when not given.
    void update(double fraction, const std::string &stage, const std::string &detail = {}, double etaSeconds = kUnknown);
    // A line of the command's own, above the live line (which is drawn again under it).
    void note(const std::string &line);
    // Ends the live line: what comes next starts on a fresh one.
    void finish();

    // The text of the live line, `columns` wide at most (for tests).
    [[nodiscard]] std::string barLine(double fraction, const std::string &stage, const std::string &detail, double etaSeconds) const;

    // A Feedback whose progress draws here and whose messages are notes.
    [[nodiscard]] static Feedback feedback(const std::shared_ptr<ProgressBar> &bar);
    // The same with a bar of its own (make-demo, samples, upscale).
    [[nodiscard]] static Feedback feedback();

private:
    void draw(const std::string &line);

    bool logLines_;
    bool terminal_;
    int columns_;
    bool drawn_ = false; // a live line is on screen
    std::string shown_; // the live line last drawn, for note() to draw again
    std::string stage_;
    std::string doneStage_; // drawn full and ended
    int lastPercent_ = -1;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
    std::chrono::steady_clock::time_point lastLine_{};
    std::chrono::steady_clock::time_point lastDraw_{};
};

} // namespace xmw::cli
