#pragma once

#include <QImage>

namespace xmw::ui {

// The globe's surface when no data layer covers it: ocean and land in quiet colours, so that data
// drawn on top stands out. Equirectangular, `width` × `width`/2, top row north.
[[nodiscard]] QImage makeBasemap(int width);

} // namespace xmw::ui
