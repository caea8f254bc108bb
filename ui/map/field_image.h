#pragma once

#include "core/data/grid.h"
#include "ui/map/colour_scale.h"

#include <QImage>

#include <vector>

namespace xmw::ui {

// A grid field as an equirectangular image for the globe (left edge 180°W, top row 90°N), with
// missing values transparent. Grid values are points (the X-MethaneWet convention puts row 0 on
// 90°S), so each value is drawn over the cell centred on its point; the image has twice the grid's
// resolution so that those half-cell boundaries fall on pixel edges.
[[nodiscard]] QImage renderField(const std::vector<float> &field, const data::Grid &grid, const ColourScale &scale);

// The field image drawn over a base image of any size.
[[nodiscard]] QImage composeOver(const QImage &base, const QImage &overlay);

} // namespace xmw::ui
