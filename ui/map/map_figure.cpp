#include "ui/map/map_figure.h"

#include "ui/map/colour_bar.h"

#include <QPainter>

#include <algorithm>

namespace xmw::ui {

QImage renderMapFigure(const QImage &map, const std::vector<GlobeMarker> &markers, const ColourScale &scale, const QString &caption,
                       int width)
{
    width = std::clamp(width, 200, 16000);
    const int mapHeight = width / 2;
    QFont font;
    font.setPixelSize(std::max(11, width / 90)); // about 2 mm on a page-wide figure
    const int text = QFontMetrics(font).height();
    const int barHeight = 3 * text + 22;
    QImage figure(width, mapHeight + barHeight, QImage::Format_ARGB32_Premultiplied);
    figure.fill(Qt::white);
    QPainter painter(&figure);
    painter.setFont(font);
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    painter.drawImage(QRect(0, 0, width, mapHeight), map);
    painter.setRenderHint(QPainter::Antialiasing, true);
    const double radius = std::max(2.5, width / 450.0);
    for (const GlobeMarker &m : markers) {
        const QPointF at((m.position.lon + 180.0) / 360.0 * width, (90.0 - m.position.lat) / 180.0 * mapHeight);
        painter.setPen(QPen(Qt::white, radius / 2.5));
        painter.setBrush(m.colour);
        painter.drawEllipse(at, radius, radius);
    }
    painter.setRenderHint(QPainter::Antialiasing, false); // the ramp is one-pixel lines
    painter.setPen(QPen(Qt::black, 1));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(QRect(0, 0, width - 1, mapHeight - 1));
    ColourBar::paint(painter, QRect(0, mapHeight + 4, width, barHeight - 4), scale, caption, Qt::black);
    return figure;
}

} // namespace xmw::ui
