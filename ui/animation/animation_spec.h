#pragma once

#include "core/data/calendar.h"
#include "core/data/period_mean.h"
#include "core/geo/geo_point.h"
#include "ui/animation/video_writer.h"
#include "ui/globe/globe_camera.h"
#include "ui/globe/globe_view.h"
#include "ui/map/colour_scale.h"
#include "ui/map/layer_values.h"

#include <QImage>
#include <QString>

#include <vector>

namespace xmw::ui {

enum class AnimationView {
    Globe, // the globe as it is in the window, still
    TurningGlobe, // the same, turning eastward at `degreesPerSecond` (of video time)
    FlatMap, // the whole world, equirectangular
};

// One frame per day, per month (the month's mean) or per year (the year's mean).
enum class AnimationStep { Day, Month, Year };

[[nodiscard]] data::Period periodOf(AnimationStep step);
// The first day of each frame's period from `from` to `to` (both included; `from` itself for days).
[[nodiscard]] std::vector<data::Date> frameDates(data::Date from, data::Date to, AnimationStep step);

// Everything an animation export needs, copied from the window once, so that the frames are made
// on a worker thread from values that no longer change.
struct AnimationSpec {
    MapLayerRef layer;
    QString layerTitle; // "CH4", "Prediction, lstm finetune (run), 2016": the colour bar's caption starts with it
    MapStyle style;
    bool sameRangeOnEveryFrame = true; // one colour range for all frames (from a sample of them) unless the style fixes one
    data::Date from, to;
    AnimationStep step = AnimationStep::Day;

    AnimationView view = AnimationView::Globe;
    geo::GeoPoint center = GlobeCamera::kDefaultCenter;
    double distance = GlobeCamera::kDefaultDistance;
    double degreesPerSecond = 6.0; // a turn a minute
    QImage surface; // the base map the layer is drawn over (equirectangular)
    std::vector<GlobeMarker> towers; // empty: none drawn
    QString title; // optional, top left

    QString path; // .mp4, .webm or .gif
    VideoSettings video;
};

} // namespace xmw::ui
