#include "ui/globe/basemap.h"

#include "core/geo/land_mask.h"

namespace xmw::ui {

QImage makeBasemap(int width)
{
    const int height = width / 2;
    const auto mask = geo::LandMask::rasterize(geo::Coastlines::builtIn(), height, width);
    const QRgb ocean = qRgb(0x9d, 0xbc, 0xd4);
    const QRgb land = qRgb(0xe9, 0xe3, 0xd3);
    QImage image(width, height, QImage::Format_RGB32);
    for (int y = 0; y < height; ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        const int row = height - 1 - y; // mask row 0 is the south
        for (int x = 0; x < width; ++x)
            line[x] = mask.isLand(row, x) ? land : ocean;
    }
    return image;
}

} // namespace xmw::ui
