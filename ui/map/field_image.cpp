#include "ui/map/field_image.h"

#include <QPainter>

#include <cmath>

namespace xmw::ui {

QImage renderField(const std::vector<float> &field, const data::Grid &grid, const ColourScale &scale)
{
    // Pixels per degree: two per grid step, over the whole globe.
    const int width = int(std::lround(360.0 / grid.dLon)) * 2;
    const int height = int(std::lround(180.0 / grid.dLat)) * 2;
    QImage image(width, height, QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    for (int y = 0; y < height; ++y) {
        const double lat = 90.0 - (y + 0.5) * 180.0 / height;
        const int row = grid.row(lat);
        if (std::abs(grid.lat(row) - lat) > grid.dLat) // outside a regional grid's rows
            continue;
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < width; ++x) {
            const double lon = -180.0 + (x + 0.5) * 360.0 / width;
            const float value = field[std::size_t(row) * std::size_t(grid.cols) + std::size_t(grid.col(lon))];
            if (std::isfinite(value))
                line[x] = scale.colour(value);
        }
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
