#include "ui/globe/flat_map_view.h"

#include "core/geo/coastlines.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPolygonF>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace xmw::ui {

FlatMapView::FlatMapView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("flatMap"));
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(200, 120);
    for (const geo::Ring &ring : geo::Coastlines::builtIn().rings()) {
        if (ring.empty())
            continue;
        coastlines_.moveTo(ring.front().lon, -ring.front().lat);
        for (std::size_t i = 1; i <= ring.size(); ++i) {
            const geo::GeoPoint &from = ring[i - 1], &to = ring[i % ring.size()];
            if (std::abs(to.lon - from.lon) > 180.0) // across the dateline: do not draw across the map
                coastlines_.moveTo(to.lon, -to.lat);
            else
                coastlines_.lineTo(to.lon, -to.lat);
        }
    }
}

void FlatMapView::setImage(const QImage &equirectangular)
{
    image_ = equirectangular;
    update();
}

void FlatMapView::setMarkers(const std::vector<GlobeMarker> &markers)
{
    markers_ = markers;
    update();
}

void FlatMapView::setSelectedMarkers(const QStringList &ids)
{
    selected_ = ids;
    update();
}

void FlatMapView::setLabelsVisible(bool visible)
{
    labels_ = visible;
    update();
}

void FlatMapView::setView(geo::GeoPoint center, double zoom)
{
    center_ = center;
    zoom_ = std::clamp(zoom, 1.0, 40.0);
    clampCenter();
    update();
}

void FlatMapView::resetView() { setView({0.0, 0.0}, 1.0); }

double FlatMapView::pixelsPerDegree() const { return std::min(width() / 360.0, height() / 180.0) * zoom_; }

// The map never leaves a gap on a side where it could fill the view.
void FlatMapView::clampCenter()
{
    const double scale = pixelsPerDegree();
    if (scale <= 0)
        return;
    const double halfWidth = width() / 2.0 / scale, halfHeight = height() / 2.0 / scale;
    center_.lon = halfWidth >= 180.0 ? 0.0 : std::clamp(center_.lon, -180.0 + halfWidth, 180.0 - halfWidth);
    center_.lat = halfHeight >= 90.0 ? 0.0 : std::clamp(center_.lat, -90.0 + halfHeight, 90.0 - halfHeight);
}

QPointF FlatMapView::project(geo::GeoPoint p) const
{
    const double scale = pixelsPerDegree();
    return {width() / 2.0 + (p.lon - center_.lon) * scale, height() / 2.0 - (p.lat - center_.lat) * scale};
}

std::optional<geo::GeoPoint> FlatMapView::pick(QPointF pixel) const
{
    const double scale = pixelsPerDegree();
    const double lon = center_.lon + (pixel.x() - width() / 2.0) / scale;
    const double lat = center_.lat - (pixel.y() - height() / 2.0) / scale;
    if (lon < -180.0 || lon >= 180.0 || lat < -90.0 || lat > 90.0)
        return std::nullopt;
    return geo::GeoPoint{lat, lon};
}

const GlobeMarker *FlatMapView::markerAt(QPoint pixel) const
{
    constexpr double kReach = 7.0;
    const GlobeMarker *nearest = nullptr;
    double best = kReach * kReach;
    for (const GlobeMarker &m : markers_) {
        const QPointF at = project(m.position) - QPointF(pixel) - QPointF(0.5, 0.5);
        if (const double d = QPointF::dotProduct(at, at); d <= best) {
            best = d;
            nearest = &m;
        }
    }
    return nearest;
}

void FlatMapView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), QColor(0x1b, 0x26, 0x38));
    const QPointF topLeft = project({90.0, -180.0}), bottomRight = project({-90.0, 180.0});
    const QRectF world(topLeft, bottomRight);
    if (!image_.isNull())
        painter.drawImage(world, image_); // no smoothing: each cell stays one colour
    const double scale = pixelsPerDegree();
    painter.setRenderHint(QPainter::Antialiasing, true);
    // Graticule and coastlines in degrees, mapped by one transform.
    QTransform toPixels;
    toPixels.translate(width() / 2.0 - center_.lon * scale, height() / 2.0 + center_.lat * scale);
    toPixels.scale(scale, scale);
    painter.save();
    painter.setTransform(toPixels);
    painter.setClipRect(QRectF(-180, -90, 360, 180));
    QPen grid(QColor(240, 243, 247, 150), 0);
    grid.setCosmetic(true);
    painter.setPen(grid);
    for (int lon = -150; lon <= 150; lon += 30)
        painter.drawLine(QPointF(lon, -90), QPointF(lon, 90));
    for (int lat = -60; lat <= 60; lat += 30)
        painter.drawLine(QPointF(-180, -lat), QPointF(180, -lat));
    QPen coast(QColor(56, 61, 69), 1.2);
    coast.setCosmetic(true);
    painter.setPen(coast);
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(coastlines_);
    painter.restore();
    painter.setPen(QPen(QColor(0, 0, 0, 120), 1));
    painter.drawRect(world);

    // The region, finished or being drawn, above the layer and below the towers.
    const QList<QPointF> &corners = drawing_ ? corners_ : region_;
    if (!corners.isEmpty()) {
        QPolygonF outline;
        for (const QPointF &c : corners)
            outline << project({c.y(), c.x()});
        QPen pen(QColor(255, 140, 0), 2.0);
        painter.setPen(pen);
        if (drawing_) {
            painter.setBrush(Qt::NoBrush);
            painter.drawPolyline(outline);
            if (rubberBand_) {
                pen.setStyle(Qt::DashLine);
                painter.setPen(pen);
                painter.drawLine(outline.back(), *rubberBand_);
                if (outline.size() >= 2)
                    painter.drawLine(*rubberBand_, outline.front());
            }
            painter.setPen(Qt::NoPen);
            painter.setBrush(QColor(255, 140, 0));
            for (const QPointF &p : outline)
                painter.drawEllipse(p, 3.5, 3.5);
        } else {
            painter.setBrush(QColor(255, 140, 0, 40));
            painter.drawPolygon(outline);
        }
    }

    for (const GlobeMarker &m : markers_) {
        const QPointF at = project(m.position);
        if (selected_.contains(m.id)) {
            painter.setPen(Qt::NoPen);
            painter.setBrush(Qt::white);
            painter.drawEllipse(at, 8.0, 8.0);
        }
        painter.setPen(QPen(QColor(255, 255, 255, 200), 1.0));
        painter.setBrush(m.colour);
        painter.drawEllipse(at, 4.5, 4.5);
        if (labels_) {
            painter.setPen(Qt::black);
            painter.drawText(at + QPointF(8, 5), m.id);
            painter.setPen(Qt::white);
            painter.drawText(at + QPointF(7, 4), m.id);
        }
    }
}

void FlatMapView::startRegionDrawing()
{
    drawing_ = true;
    corners_.clear();
    rubberBand_.reset();
    setCursor(Qt::CrossCursor);
    setFocus();
    update();
    Q_EMIT regionDrawingChanged(true);
}

void FlatMapView::cancelRegionDrawing()
{
    if (!drawing_)
        return;
    drawing_ = false;
    corners_.clear();
    unsetCursor();
    update();
    Q_EMIT regionDrawingChanged(false);
}

void FlatMapView::setRegionOutline(const QList<QPointF> &lonLat)
{
    region_ = lonLat;
    update();
}

void FlatMapView::addRegionCorner(geo::GeoPoint p)
{
    if (!drawing_)
        return;
    corners_ << QPointF(p.lon, p.lat);
    update();
}

void FlatMapView::finishRegionDrawing()
{
    if (!drawing_)
        return;
    if (corners_.size() < 3) { // not yet a region: keep drawing
        update();
        return;
    }
    const QList<QPointF> corners = corners_;
    drawing_ = false;
    corners_.clear();
    region_ = corners;
    unsetCursor();
    update();
    Q_EMIT regionDrawingChanged(false);
    Q_EMIT regionDrawn(corners);
}

void FlatMapView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (drawing_ && event->button() == Qt::LeftButton) {
        // The double click's first click added its corner already.
        dragFrom_.reset();
        finishRegionDrawing();
        return;
    }
    QWidget::mouseDoubleClickEvent(event);
}

void FlatMapView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        dragFrom_ = event->position();
        dragged_ = false;
    }
}

void FlatMapView::mouseMoveEvent(QMouseEvent *event)
{
    if (dragFrom_) {
        const QPointF delta = event->position() - *dragFrom_;
        if (delta.manhattanLength() > 3 || dragged_) {
            dragged_ = true;
            const double scale = pixelsPerDegree();
            center_.lon -= delta.x() / scale;
            center_.lat += delta.y() / scale;
            clampCenter();
            dragFrom_ = event->position();
            update();
        }
    }
    if (const auto p = pick(event->position()))
        Q_EMIT cursorMoved(p->lat, p->lon);
    else
        Q_EMIT cursorLeftMap();
    if (drawing_) {
        rubberBand_ = event->position();
        update();
    }
    if (const GlobeMarker *marker = dragFrom_ ? nullptr : markerAt(event->position().toPoint()))
        QToolTip::showText(event->globalPosition().toPoint(), marker->tooltip, this);
    else
        QToolTip::hideText();
}

void FlatMapView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    dragFrom_.reset();
    if (dragged_)
        return;
    if (drawing_) {
        if (const auto p = pick(event->position()))
            addRegionCorner(*p);
        return;
    }
    if (const GlobeMarker *marker = markerAt(event->position().toPoint()))
        Q_EMIT markerClicked(marker->id, event->modifiers());
    else if (const auto p = pick(event->position()))
        Q_EMIT surfaceClicked(p->lat, p->lon, event->modifiers());
}

void FlatMapView::wheelEvent(QWheelEvent *event)
{
    const double notches = event->angleDelta().y() / 120.0;
    if (notches == 0.0)
        return;
    // Zoom about the pointer: the position under it stays under it.
    const auto anchor = pick(event->position());
    zoom_ = std::clamp(zoom_ * std::pow(1.2, notches), 1.0, 40.0);
    if (anchor) {
        const double after = pixelsPerDegree();
        center_.lon = anchor->lon - (event->position().x() - width() / 2.0) / after;
        center_.lat = anchor->lat + (event->position().y() - height() / 2.0) / after;
    }
    clampCenter();
    update();
}

void FlatMapView::keyPressEvent(QKeyEvent *event)
{
    if (drawing_) {
        switch (event->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter: finishRegionDrawing(); return;
        case Qt::Key_Escape: cancelRegionDrawing(); return;
        case Qt::Key_Backspace:
            if (!corners_.isEmpty())
                corners_.removeLast();
            update();
            return;
        default: break;
        }
    }
    const double step = 60.0 / pixelsPerDegree(); // 60 pixels
    switch (event->key()) {
    case Qt::Key_Left: center_.lon -= step; break;
    case Qt::Key_Right: center_.lon += step; break;
    case Qt::Key_Up: center_.lat += step; break;
    case Qt::Key_Down: center_.lat -= step; break;
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoom_ = std::min(40.0, zoom_ * 1.25); break;
    case Qt::Key_Minus: zoom_ = std::max(1.0, zoom_ / 1.25); break;
    case Qt::Key_Home: resetView(); return;
    default: QWidget::keyPressEvent(event); return;
    }
    clampCenter();
    update();
}

void FlatMapView::leaveEvent(QEvent *event)
{
    Q_EMIT cursorLeftMap();
    QWidget::leaveEvent(event);
}

} // namespace xmw::ui
