#include "ui/map/field_image.h"

#include <QPainter>

#include <cmath>
#include <vector>

namespace xmw::ui {

QImage renderField(const std::vector<float> &field, const data::Grid &grid, const ColourScale &scale)
{
    // Pixels per degree: two per grid step, over the whole globe.
    const int width = int(std::lround(360.0 / grid.dLon)) * 2;
    const int height = int(std::lround(180.0 / grid.dLat)) * 2;
    QImage image(width, height, QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    // Each cell's colour once (a cell covers about four pixels), and each pixel column's grid column.
    std::vector<QRgb> colours(field.size(), qRgba(0, 0, 0, 0));
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
        for (int x = 0; x < width; ++x)
            line[x] = rowColours[columnOf[std::size_t(x)]];
    }
    return image;
}

QImage composeOver(const QImage &base, const QImage &overlay)
{
    QImage result = base.convertToFormat(QImage::Format_ARGB32);
    QPainter painter(&result);
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false); // cells stay cells
    painter.drawImage(result.rect(), overlay);
    return result;
}

} // namespace xmw::ui
