#pragma once

#include "ui/app/figure_size.h"
#include "ui/globe/globe_view.h"
#include "ui/map/colour_scale.h"

#include <QImage>
#include <QString>

#include <vector>

namespace xmw::ui {

// What a map figure shows: the flat (equirectangular, 2:1) map — the globe's image, base map and
// data layer —, the towers as dots, and the colour bar with its caption.
struct MapFigureContent {
    QImage map;
    std::vector<GlobeMarker> markers;
    ColourScale scale;
    QString caption;
};

// A publication figure of the map layer at a size on the page: the map `size.widthMm` wide, the
// colour bar below it in text of `size.fontPoints`. Cells stay sharp (no smoothing).
// As a PNG image at `size.dpi` (its resolution recorded in the file):
[[nodiscard]] QImage renderMapFigure(const MapFigureContent &content, const FigureSize &size);
// As a one-page PDF of that size: text and colour bar as vectors, the map as an image at `size.dpi`.
// The problem, or nothing.
[[nodiscard]] QString writeMapFigurePdf(const MapFigureContent &content, const FigureSize &size, const QString &path);

} // namespace xmw::ui
