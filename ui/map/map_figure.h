#pragma once

#include "ui/globe/globe_view.h"
#include "ui/map/colour_scale.h"

#include <QImage>
#include <QString>

#include <vector>

namespace xmw::ui {

// A publication figure of the map layer at any width: the flat (equirectangular, 2:1) map — the
// globe's image, base map and data layer — with the towers as dots, and the colour bar
// with its caption below, in a font sized to the width. Cells stay sharp (no smoothing).
[[nodiscard]] QImage renderMapFigure(const QImage &map, const std::vector<GlobeMarker> &markers, const ColourScale &scale,
                                     const QString &caption, int width);

} // namespace xmw::ui
