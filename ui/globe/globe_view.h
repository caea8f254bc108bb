#pragma once

#include "core/geo/geo_point.h"
#include "ui/globe/globe_camera.h"
#include "ui/globe/surface_picture.h"

#include <QColor>
#include <QElapsedTimer>
#include <QImage>
#include <QPoint>
#include <QStringList>
#include <QSurfaceFormat>
#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

class QImage;
class QTimer;
class QVariantAnimation;

namespace xmw::ui {

// A point of interest drawn on the globe (a flux tower), with what hovering over it shows.
struct GlobeMarker {
    QString id;
    geo::GeoPoint position;
    QColor colour;
    QString tooltip;
};

// The globe: a VTK scene (Debian's VTK Qt module is built for Qt 5, so VTK renders through
// vtkGenericOpenGLRenderWindow) drawn into a native OpenGL window that covers this widget.
// A native window rather than a QOpenGLWidget: with one of those in it, Qt composes the whole
// main window through OpenGL on every change anywhere in it, which without a GPU costs 10 ms
// for a status-bar message. The surface takes no input; this widget gets it as any other does.
// Mouse drag rotates, the wheel zooms, arrow keys and +/- do the same from the keyboard.
// Renders only on request; bursts of requests collapse into one frame.
class GlobeView : public QWidget {
    Q_OBJECT

public:
    explicit GlobeView(QWidget *parent = nullptr);
    ~GlobeView() override;

    // What VTK's OpenGL 2 backend needs. Set as the default before the QApplication exists.
    [[nodiscard]] static QSurfaceFormat surfaceFormat();

    // An equirectangular image in natural orientation: left edge 180°W, right edge 180°E,
    // top row 90°N, bottom row 90°S. The base map by default; shown until a picture replaces it.
    void setSurfaceImage(const QImage &image);
    [[nodiscard]] const QImage &surfaceImage() const { return surface_; }
    // A picture over the whole globe in the same orientation (a data layer drawn over
    // surfaceImage(), made on a worker thread).
    void showPicture(const SurfacePicture &picture);
    // What the globe shows now.
    [[nodiscard]] const QImage &displayedImage() const { return displayed_.image(); }

    [[nodiscard]] const GlobeCamera &camera() const { return camera_; }
    void setCenter(geo::GeoPoint center);
    void setDistance(double distance);
    void rotateBy(double eastDeg, double northDeg);
    void zoomBy(double factor);
    void resetView();
    // Moves the camera to a position and distance smoothly (eased, along the shorter way round);
    // a drag, wheel or key stops it.
    void flyTo(geo::GeoPoint center, double distance, int milliseconds = 900);
    [[nodiscard]] bool isFlying() const;

    // The globe position under a widget pixel, by exact ray–sphere intersection.
    [[nodiscard]] std::optional<geo::GeoPoint> pick(QPoint pixel) const;
    // The widget pixel showing a globe position; empty when it is on the far side.
    [[nodiscard]] std::optional<QPoint> project(geo::GeoPoint p) const;

    [[nodiscard]] int framesRendered() const { return framesRendered_; }
    // The globe as it is drawn now (rendered again for the purpose); null before the first frame.
    [[nodiscard]] QImage grabFramebuffer();
    // What draws the globe ("llvmpipe …" for Mesa's software renderer); empty before the first frame.
    [[nodiscard]] QString rendererName();
    // Frames drawn while the view moves (a drag, a flight, the date stepping or playing) leave out
    // the antialiasing pass; the still picture follows once the motion pauses. settle() asks for it
    // now, as an export or a screenshot wants it.
    [[nodiscard]] bool isMoving() const { return moving_; }
    void settle();

    void setMarkers(const std::vector<GlobeMarker> &markers);
    [[nodiscard]] const std::vector<GlobeMarker> &markers() const { return markers_; }
    // Selected markers are drawn with a halo.
    void setSelectedMarkers(const QStringList &ids);
    [[nodiscard]] const QStringList &selectedMarkers() const { return selected_; }
    // Each marker's id beside it (off by default).
    void setLabelsVisible(bool visible);
    [[nodiscard]] bool labelsVisible() const { return labelsVisible_; }
    // The visible marker nearest to a widget pixel, within a few pixels.
    [[nodiscard]] const GlobeMarker *markerAt(QPoint pixel) const;

public Q_SLOTS:
    void requestRender();

Q_SIGNALS:
    void cursorMoved(double lat, double lon);
    void cursorLeftGlobe();
    void viewChanged();
    void displayedImageChanged();
    // A frame has reached the screen.
    void frameSwapped();
    // A click (not a drag) on a marker; Ctrl held means "add to the selection".
    void markerClicked(const QString &id, Qt::KeyboardModifiers modifiers);
    // A click (not a drag) on the globe away from any marker.
    void surfaceClicked(double lat, double lon, Qt::KeyboardModifiers modifiers);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    struct Scene;
    class GlWindow;

    void initializeGL();
    void paintGL();
    void renderScene();
    void applyCamera();
    void noteMotion();
    void releaseGraphics();
    void reportCursor(QPoint pixel);

    std::unique_ptr<Scene> scene_;
    GlWindow *glWindow_ = nullptr; // owned by container_
    QWidget *container_ = nullptr; // a child; holds the surface
    QVariantAnimation *flight_ = nullptr;
    QImage surface_;
    SurfacePicture displayed_;
    GlobeCamera camera_;
    void updateMarkerActors();
    void placeLabels();
    bool labelsVisible_ = false;

    std::optional<QPoint> dragFrom_;
    QPoint pressedAt_;
    bool dragged_ = false;
    std::vector<GlobeMarker> markers_;
    QStringList selected_;
    int framesRendered_ = 0;
    QElapsedTimer sinceChange_;
    QTimer *settleTimer_ = nullptr;
    bool moving_ = false;
};

} // namespace xmw::ui
