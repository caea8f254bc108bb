#pragma once

#include "core/geo/geo_point.h"

#include <optional>
#include <vector>

namespace xmw::ui {

struct Vec3 {
    double x = 0.0, y = 0.0, z = 0.0;
};

struct ScreenPoint {
    double x = 0.0; // logical pixels from the left edge
    double y = 0.0; // logical pixels from the top edge
};

// Unit-sphere position of a geographic point: lon 0 on +x, lon 90°E on +y, north pole on +z.
// The globe mesh, the overlays and picking all use this one mapping.
[[nodiscard]] Vec3 toCartesian(geo::GeoPoint p, double radius = 1.0);
[[nodiscard]] geo::GeoPoint toGeographic(Vec3 v);

// An orbit camera around the unit globe: it looks at the centre from above `center()`, north up,
// with a perspective projection of fixed vertical field of view. Pure geometry, so that picking and
// projecting are exact and testable without a window.
class GlobeCamera {
public:
    static constexpr double kFieldOfViewDeg = 30.0;
    static constexpr double kDefaultDistance = 4.2; // in globe radii, from the globe's centre
    static constexpr double kMinDistance = 1.08;
    static constexpr double kMaxDistance = 12.0;
    static constexpr geo::GeoPoint kDefaultCenter{25.0, 10.0};

    void setViewport(int width, int height);
    [[nodiscard]] int viewportWidth() const { return width_; }
    [[nodiscard]] int viewportHeight() const { return height_; }

    [[nodiscard]] geo::GeoPoint center() const { return center_; }
    [[nodiscard]] double distance() const { return distance_; }
    void setCenter(geo::GeoPoint center);
    void setDistance(double distance);
    void rotateBy(double eastDeg, double northDeg);
    // factor < 1 moves closer; the height above the surface scales, so zooming feels even.
    void zoomBy(double factor);
    void reset();

    // A view that shows all `points` (towers asked for at start-up): centred on their mean
    // direction, from as close as keeps the farthest within the field of view (and in front of the
    // horizon where that can be), never closer than a tower's close-up. Nothing for no points.
    struct Framing {
        geo::GeoPoint center;
        double distance = kDefaultDistance;
    };
    static constexpr double kCloseUpDistance = 2.2;
    [[nodiscard]] static std::optional<Framing> framing(const std::vector<geo::GeoPoint> &points);

    [[nodiscard]] Vec3 eye() const;
    [[nodiscard]] Vec3 viewUp() const;

    // Degrees of arc per logical pixel at the centre of the view: drag speed follows zoom.
    [[nodiscard]] double degreesPerPixel() const;

    // Where the ray through a logical pixel position first meets the globe, if it does.
    [[nodiscard]] std::optional<geo::GeoPoint> pick(ScreenPoint pixel) const;
    // Where a point on the globe appears, if it faces the camera and lies in front of it.
    [[nodiscard]] std::optional<ScreenPoint> project(geo::GeoPoint p) const;

    // The view's axes (unit vectors; forward from the eye to the globe's centre), for drawing
    // many rays at once as a software renderer does.
    struct Basis {
        Vec3 right, up, forward;
    };
    [[nodiscard]] Basis basis() const;
    [[nodiscard]] double aspect() const;

private:
    geo::GeoPoint center_ = kDefaultCenter;
    double distance_ = kDefaultDistance;
    int width_ = 1;
    int height_ = 1;
};

} // namespace xmw::ui
