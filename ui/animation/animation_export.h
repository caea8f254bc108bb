#pragma once

#include "core/feedback.h"
#include "ui/animation/animation_spec.h"

#include <QString>

namespace xmw::ui {

struct AnimationOutcome {
    QString path;
    int frames = 0;
    double seconds = 0; // wall time of the whole export, the colour range's sampling included
    QString encoder;
    [[nodiscard]] double framesPerSecond() const { return seconds > 0 ? frames / seconds : 0.0; }
};

// Renders the spec's frames and encodes them into its file: the next frame is drawn on a second
// thread while the encoder takes the current one. Progress and cancel through `feedback`; a cancel
// (Canceled) or a failure (std::runtime_error naming the file) leaves no file behind.
[[nodiscard]] AnimationOutcome exportAnimation(const AnimationSpec &spec, Feedback &feedback);

} // namespace xmw::ui
