#pragma once

#include "core/feedback.h"
#include "ui/animation/animation_spec.h"
#include "ui/globe/globe_raster.h"

#include <QFont>
#include <QImage>

#include <optional>
#include <utility>
#include <vector>

namespace xmw::ui {

// The frames of an animation, each drawn on its own (any thread, any order): the layer's values
// of the frame's period coloured over the base map, as the still or turning globe or the flat
// map, the towers, the colour bar with its caption, the date and the title.
class AnimationFrames {
public:
    // Checks the spec against its layer (dates inside the data, a layer that changes with time)
    // and, for one colour range on every frame, reads a sample of frames to set it. Throws with
    // the problem; `feedback` sees the sampling's progress and may cancel it.
    AnimationFrames(AnimationSpec spec, Feedback &feedback);

    [[nodiscard]] int count() const { return int(dates_.size()); }
    [[nodiscard]] const std::vector<data::Date> &dates() const { return dates_; }
    [[nodiscard]] const AnimationSpec &spec() const { return spec_; }
    // The colour range of every frame; nothing when each frame has its own.
    [[nodiscard]] const std::optional<ColourScale> &sharedScale() const { return shared_; }
    // Frame `index` (0 … count() − 1) in the video's size, RGBA8888.
    [[nodiscard]] QImage frame(int index) const;

private:
    // What the colours show (layer, unit, period) and how they were chosen.
    [[nodiscard]] std::pair<QString, QString> caption(const ColourScale &scale, const QString &units) const;
    [[nodiscard]] QString dateLabel(data::Date date) const;

    AnimationSpec spec_;
    QFont font_; // text in proportion to the video's height
    int barHeight_ = 0; // the colour bar's strip at the foot
    std::optional<GlobeRaster> globe_; // the globe views' geometry, worked out once
    std::vector<data::Date> dates_;
    std::optional<ColourScale> shared_;
    QString sharedHow_; // how the shared range was chosen, for the caption
};

} // namespace xmw::ui
