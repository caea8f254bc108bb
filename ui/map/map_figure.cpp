#include "ui/map/map_figure.h"

#include "ui/app/atomic_write.h"
#include "ui/map/colour_bar.h"

#include <QCoreApplication>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

#include <algorithm>
#include <cmath>

namespace xmw::ui {

namespace {

// The figure's layout in device pixels at the size's resolution.
struct Layout {
    int width, mapHeight, barHeight;
    QFont font;
    [[nodiscard]] QSize total() const { return {width, mapHeight + barHeight}; }
};

Layout layoutOf(const FigureSize &size)
{
    Layout layout;
    layout.width = std::clamp(size.pixels().width(), 200, 20000);
    layout.mapHeight = layout.width / 2;
    layout.font.setPixelSize(std::max(6, int(std::lround(size.fontPixels()))));
    const int text = QFontMetrics(layout.font).height();
    layout.barHeight = 4 * text + int(std::lround(size.dpi / 25.4)); // three lines of bar and caption, a mm of air
    return layout;
}

void paint(QPainter &painter, const Layout &layout, const MapFigureContent &content, const FigureSize &size)
{
    painter.setFont(layout.font);
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    painter.drawImage(QRect(0, 0, layout.width, layout.mapHeight), content.map);
    painter.setRenderHint(QPainter::Antialiasing, true);
    const double mm = size.dpi / 25.4;
    const double radius = std::max(2.0, 0.7 * mm); // a tower is a dot 1.4 mm across on the page
    for (const GlobeMarker &m : content.markers) {
        const QPointF at((m.position.lon + 180.0) / 360.0 * layout.width, (90.0 - m.position.lat) / 180.0 * layout.mapHeight);
        painter.setPen(QPen(Qt::white, radius / 2.5));
        painter.setBrush(m.colour);
        painter.drawEllipse(at, radius, radius);
    }
    painter.setRenderHint(QPainter::Antialiasing, false); // the ramp is one-pixel lines
    painter.setPen(QPen(Qt::black, std::max(1.0, 0.15 * mm)));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(QRect(0, 0, layout.width - 1, layout.mapHeight - 1));
    ColourBar::paint(painter, QRect(0, layout.mapHeight + int(mm), layout.width, layout.barHeight - int(mm)), content.scale,
                     content.caption, Qt::black);
}

} // namespace

QImage renderMapFigure(const MapFigureContent &content, const FigureSize &size)
{
    const Layout layout = layoutOf(size);
    QImage figure(layout.total(), QImage::Format_ARGB32_Premultiplied);
    figure.fill(Qt::white);
    const int dotsPerMetre = int(std::lround(size.dpi / 0.0254));
    figure.setDotsPerMeterX(dotsPerMetre);
    figure.setDotsPerMeterY(dotsPerMetre);
    QPainter painter(&figure);
    paint(painter, layout, content, size);
    return figure;
}

QString writeMapFigurePdf(const MapFigureContent &content, const FigureSize &size, const QString &path)
{
    const Layout layout = layoutOf(size);
    return writeAtomically(path, [&](QIODevice &out) {
        QPdfWriter pdf(&out);
        pdf.setCreator(QStringLiteral("X-MethaneWet Explorer"));
        pdf.setResolution(size.dpi);
        const QSizeF inches(layout.total().width() / double(size.dpi), layout.total().height() / double(size.dpi));
        pdf.setPageLayout(
            QPageLayout(QPageSize(inches, QPageSize::Inch, QString(), QPageSize::ExactMatch), QPageLayout::Portrait, QMarginsF()));
        QPainter painter;
        if (!painter.begin(&pdf))
            return false;
        paint(painter, layout, content, size);
        return painter.end();
    });
}

} // namespace xmw::ui
