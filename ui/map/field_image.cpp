#include "ui/map/field_image.h"

#include <cmath>
#include <vector>

namespace xmw::ui {

QImage renderField(const std::vector<float> &field, const data::Grid &grid, const ColourScale &scale, const QImage &base)
{
    const bool over = !base.isNull();
    const int width = over ? base.width() : int(std::lround(360.0 / grid.dLon)) * 2;
    const int height = over ? base.height() : int(std::lround(180.0 / grid.dLat)) * 2;
    // Cells are written as 32-bit QRgb; an opaque base keeps its format (a copy, not a conversion).
    const bool packed = base.format() == QImage::Format_RGB32 || base.format() == QImage::Format_ARGB32;
    QImage image = !over ? QImage(width, height, QImage::Format_ARGB32)
        : packed         ? base.copy()
                         : base.convertToFormat(QImage::Format_ARGB32);
    if (!over)
        image.fill(Qt::transparent);
    // Each cell's colour once (a cell covers several pixels), and each pixel column's grid column.
    constexpr QRgb kNoValue = 0;
    std::vector<QRgb> colours(field.size(), kNoValue);
    for (std::size_t c = 0; c < field.size(); ++c)
        if (std::isfinite(field[c]))
            colours[c] = scale.colour(field[c]);
    std::vector<std::size_t> columnOf(static_cast<std::size_t>(width));
    for (int x = 0; x < width; ++x)
        columnOf[std::size_t(x)] = std::size_t(grid.col(-180.0 + (x + 0.5) * 360.0 / width));
    for (int y = 0; y < height; ++y) {
        const double lat = 90.0 - (y + 0.5) * 180.0 / height;
        const int row = grid.row(lat);
        if (std::abs(grid.lat(row) - lat) > grid.dLat) // outside a regional grid's rows
            continue;
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        const QRgb *rowColours = colours.data() + std::size_t(row) * std::size_t(grid.cols);
        for (int x = 0; x < width; ++x) {
            const QRgb colour = rowColours[columnOf[std::size_t(x)]];
            if (colour != kNoValue)
                line[x] = colour;
        }
    }
    return image;
}

} // namespace xmw::ui
