#include "app/cli/progress.h"

#include <algorithm>
#include <sys/ioctl.h>
#include <unistd.h>

namespace xmw::cli {

namespace {

using Clock = std::chrono::steady_clock;

int terminalColumns()
{
    winsize size{};
    if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col >= 20)
        return size.ws_col;
    return 80;
}

} // namespace

std::string duration(double seconds)
{
    if (!std::isfinite(seconds) || seconds < 0)
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

ProgressBar::ProgressBar(bool logLines)
    : ProgressBar(logLines, ::isatty(STDERR_FILENO) == 1, terminalColumns())
{}

ProgressBar::ProgressBar(bool logLines, bool terminal, int columns)
    : logLines_(logLines)
    , terminal_(terminal)
    , columns_(std::max(20, columns))
{}

ProgressBar::~ProgressBar() { finish(); }

std::string ProgressBar::barLine(double fraction, const std::string &stage, const std::string &detail, double etaSeconds) const
{
    fraction = std::clamp(std::isfinite(fraction) ? fraction : 0.0, 0.0, 1.0);
    char percent[8];
    std::snprintf(percent, sizeof percent, "%3d %%", int(std::lround(fraction * 100)));
    const std::string eta = fraction < 1.0 && std::isfinite(etaSeconds) ? "  ETA " + duration(etaSeconds) : std::string();
    std::string head = stage.substr(0, columns_ < 60 ? 12 : 20);
    head.resize(std::max<std::size_t>(head.size(), 12), ' ');
    // Stage, bar (10 to 40 wide) and percentage always; then the ETA and the detail where they fit.
    const int room = columns_ - 1 - int(head.size()) - 3 - 2 - int(std::string(percent).size());
    std::string extra = (detail.empty() ? std::string() : "  " + detail) + eta;
    if (room - int(extra.size()) < 10)
        extra = eta;
    if (room - int(extra.size()) < 10)
        extra.clear();
    const int width = std::clamp(room - int(extra.size()), 10, 40);
    std::string line = head + " [" + std::string(std::size_t(std::lround(fraction * width)), '#');
    line.resize(head.size() + 2 + std::size_t(width), '.');
    line += std::string("]  ") + percent + extra;
    if (int(line.size()) > columns_ - 1)
        line.resize(std::size_t(columns_ - 1));
    return line;
}

void ProgressBar::update(double fraction, const std::string &stage, const std::string &detail, double etaSeconds)
{
    const auto now = Clock::now();
    if (stage != stage_) // each stage has its own pace
        start_ = now;
    if (!std::isfinite(etaSeconds) && fraction > 0.02 && fraction < 1.0) {
        const double elapsed = std::chrono::duration<double>(now - start_).count();
        if (elapsed > 2.0)
            etaSeconds = elapsed * (1.0 - fraction) / fraction;
    }
    const int percent = int(std::lround(std::clamp(fraction, 0.0, 1.0) * 100));
    if (terminal_) {
        if (fraction >= 1.0 && stage == doneStage_)
            return; // its full bar stands already
        // At most 20 redraws a second: a hot loop may call freely.
        if (stage == stage_ && fraction < 1.0 && now - lastDraw_ < std::chrono::milliseconds(50)) {
            stage_ = stage;
            return;
        }
        lastDraw_ = now;
        draw(barLine(fraction, stage, detail, etaSeconds));
        if (fraction >= 1.0) {
            finish(); // the finished bar stays; what follows starts below it
            doneStage_ = stage;
        }
    } else if (logLines_) {
        const bool newStage = stage != stage_;
        const bool step = percent / 10 != lastPercent_ / 10;
        if (newStage || step || now - lastLine_ > std::chrono::seconds(30)) {
            std::fprintf(stderr, "%s: %d %%%s\n", stage.c_str(), percent, detail.empty() ? "" : (", " + detail).c_str());
            std::fflush(stderr);
            lastLine_ = now;
            lastPercent_ = percent;
        }
    }
    stage_ = stage;
}

void ProgressBar::draw(const std::string &line)
{
    std::fprintf(stderr, "\r\033[K%s", line.c_str());
    std::fflush(stderr);
    drawn_ = true;
    shown_ = line;
}

void ProgressBar::note(const std::string &line)
{
    if (terminal_ && drawn_) {
        std::fprintf(stderr, "\r\033[K%s\n%s", line.c_str(), shown_.c_str());
    } else {
        std::fprintf(stderr, "%s\n", line.c_str());
    }
    std::fflush(stderr);
}

void ProgressBar::finish()
{
    if (terminal_ && drawn_) {
        std::fprintf(stderr, "\n");
        std::fflush(stderr);
    }
    drawn_ = false;
    shown_.clear();
}

Feedback ProgressBar::feedback(const std::shared_ptr<ProgressBar> &bar)
{
    return Feedback([bar](double fraction, const std::string &stage) { bar->update(fraction, stage); },
                    [bar](const std::string &message) { bar->note(message); });
}

Feedback ProgressBar::feedback() { return feedback(std::make_shared<ProgressBar>()); }

} // namespace xmw::cli
