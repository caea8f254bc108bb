#pragma once

#include "core/data/grid.h"
#include "ui/map/colour_scale.h"

#include <QImage>

#include <vector>

namespace xmw::ui {

// A grid field as an equirectangular image for the globe (left edge 180°W, top row 90°N). Grid
// values are points (the X-MethaneWet convention puts row 0 on 90°S), so each value colours the
// cell centred on its point. Over `base` (any size, same orientation) the image has the base's size
// and shows it where the field has no value; without one it has twice the grid's resolution, so
// that half-cell boundaries fall on pixel edges, and is transparent there. One pass, no blending:
// the colours of a scale are opaque.
[[nodiscard]] QImage renderField(const std::vector<float> &field, const data::Grid &grid, const ColourScale &scale,
                                 const QImage &base = {});

} // namespace xmw::ui
