#pragma once

#include "ui/globe/globe_view.h"

#include <QImage>
#include <QList>
#include <QPainterPath>
#include <QPointF>
#include <QWidget>

#include <optional>
#include <vector>

namespace xmw::ui {

// The same map layer as the globe, as a flat equirectangular map: what the globe shows (base map
// and data layer), coastlines, a 30° graticule and the towers. Drag pans, the wheel zooms about the
// pointer, Home resets; clicks and the cursor are reported as the globe reports them, so the rest
// of the window treats both views alike. Drawn with QPainter: cells stay sharp at any zoom.
// A region may be drawn on it (for a budget): each click adds a corner, a double click or Enter
// closes it, Backspace takes the last corner back, Esc gives up.
class FlatMapView : public QWidget {
    Q_OBJECT

public:
    explicit FlatMapView(QWidget *parent = nullptr);

    void setImage(const QImage &equirectangular);
    [[nodiscard]] const QImage &image() const { return image_; }
    void setMarkers(const std::vector<GlobeMarker> &markers);
    void setSelectedMarkers(const QStringList &ids);
    [[nodiscard]] const QStringList &selectedMarkers() const { return selected_; }
    void setLabelsVisible(bool visible);

    // The map centre and zoom (1: the whole world fits the widget).
    void setView(geo::GeoPoint center, double zoom);
    [[nodiscard]] geo::GeoPoint center() const { return center_; }
    [[nodiscard]] double zoom() const { return zoom_; }
    void resetView();

    [[nodiscard]] QPointF project(geo::GeoPoint p) const;
    [[nodiscard]] std::optional<geo::GeoPoint> pick(QPointF pixel) const; // empty off the map
    [[nodiscard]] const GlobeMarker *markerAt(QPoint pixel) const;

    // Region drawing: corners as (lon, lat) in degrees.
    void startRegionDrawing();
    void cancelRegionDrawing();
    [[nodiscard]] bool isDrawingRegion() const { return drawing_; }
    [[nodiscard]] const QList<QPointF> &regionCorners() const { return drawing_ ? corners_ : region_; }
    // The region outlined on the map (empty: none).
    void setRegionOutline(const QList<QPointF> &lonLat);
    // As a click at this position would (for tests and scripted use).
    void addRegionCorner(geo::GeoPoint p);
    void finishRegionDrawing();

Q_SIGNALS:
    void cursorMoved(double lat, double lon);
    void cursorLeftMap();
    void markerClicked(const QString &id, Qt::KeyboardModifiers modifiers);
    void surfaceClicked(double lat, double lon, Qt::KeyboardModifiers modifiers);
    void regionDrawn(const QList<QPointF> &lonLat); // closed with at least three corners
    void regionDrawingChanged(bool drawing);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    [[nodiscard]] double pixelsPerDegree() const;
    void clampCenter();

    QImage image_;
    QPainterPath coastlines_; // in degrees (x = lon, y = −lat), split where a ring crosses the dateline
    std::vector<GlobeMarker> markers_;
    QStringList selected_;
    bool labels_ = false;
    geo::GeoPoint center_{0.0, 0.0};
    double zoom_ = 1.0;
    std::optional<QPointF> dragFrom_;
    bool dragged_ = false;
    bool drawing_ = false;
    QList<QPointF> corners_; // while drawing
    QList<QPointF> region_; // the finished region
    std::optional<QPointF> rubberBand_; // the cursor while drawing, in pixels
};

} // namespace xmw::ui
