#include "ui/globe/globe_camera.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace xmw::ui {

namespace {

constexpr double kDeg = std::numbers::pi / 180.0;

Vec3 operator+(Vec3 a, Vec3 b) { return {a.x + b.x, a.y + b.y, a.z + b.z}; }
Vec3 operator-(Vec3 a, Vec3 b) { return {a.x - b.x, a.y - b.y, a.z - b.z}; }
Vec3 operator*(Vec3 a, double s) { return {a.x * s, a.y * s, a.z * s}; }
double dot(Vec3 a, Vec3 b) { return a.x * b.x + a.y * b.y + a.z * b.z; }
Vec3 cross(Vec3 a, Vec3 b) { return {a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x}; }
Vec3 normalized(Vec3 a) { return a * (1.0 / std::sqrt(dot(a, a))); }

} // namespace

Vec3 toCartesian(geo::GeoPoint p, double radius)
{
    const double lat = p.lat * kDeg, lon = p.lon * kDeg;
    return {radius * std::cos(lat) * std::cos(lon), radius * std::cos(lat) * std::sin(lon), radius * std::sin(lat)};
}

geo::GeoPoint toGeographic(Vec3 v)
{
    const double r = std::sqrt(dot(v, v));
    return {std::asin(std::clamp(v.z / r, -1.0, 1.0)) / kDeg, std::atan2(v.y, v.x) / kDeg};
}

void GlobeCamera::setViewport(int width, int height)
{
    width_ = std::max(1, width);
    height_ = std::max(1, height);
}

void GlobeCamera::setCenter(geo::GeoPoint center) { center_ = {std::clamp(center.lat, -90.0, 90.0), geo::wrapLongitude(center.lon)}; }

void GlobeCamera::setDistance(double distance) { distance_ = std::clamp(distance, kMinDistance, kMaxDistance); }

void GlobeCamera::rotateBy(double eastDeg, double northDeg) { setCenter({center_.lat + northDeg, center_.lon + eastDeg}); }

void GlobeCamera::zoomBy(double factor) { setDistance(1.0 + (distance_ - 1.0) * factor); }

void GlobeCamera::reset()
{
    center_ = kDefaultCenter;
    distance_ = kDefaultDistance;
}

Vec3 GlobeCamera::eye() const { return toCartesian(center_, distance_); }

// North at the view centre; defined from the longitude alone, so it stays valid over the poles.
Vec3 GlobeCamera::viewUp() const
{
    const double lat = center_.lat * kDeg, lon = center_.lon * kDeg;
    return {-std::sin(lat) * std::cos(lon), -std::sin(lat) * std::sin(lon), std::cos(lat)};
}

GlobeCamera::Basis GlobeCamera::basis() const
{
    const Vec3 forward = normalized(Vec3{} - eye());
    const Vec3 up = viewUp();
    return {cross(forward, up), up, forward};
}

double GlobeCamera::aspect() const { return double(width_) / double(height_); }

double GlobeCamera::degreesPerPixel() const
{
    const double tanHalf = std::tan(kFieldOfViewDeg * kDeg / 2.0);
    // Distance from the eye to the nearest surface point, and the size of a pixel there.
    const double pixelSize = (distance_ - 1.0) * 2.0 * tanHalf / height_;
    return pixelSize / kDeg;
}

std::optional<geo::GeoPoint> GlobeCamera::pick(ScreenPoint pixel) const
{
    const Basis b = basis();
    const double tanHalf = std::tan(kFieldOfViewDeg * kDeg / 2.0);
    const double ndcX = 2.0 * pixel.x / width_ - 1.0;
    const double ndcY = 1.0 - 2.0 * pixel.y / height_;
    const Vec3 dir = normalized(b.forward + b.right * (ndcX * tanHalf * aspect()) + b.up * (ndcY * tanHalf));

    // |eye + s·dir| = 1, nearest root.
    const Vec3 e = eye();
    const double half = dot(e, dir);
    const double disc = half * half - (dot(e, e) - 1.0);
    if (disc < 0.0)
        return std::nullopt;
    const double s = -half - std::sqrt(disc);
    if (s < 0.0)
        return std::nullopt;
    return toGeographic(e + dir * s);
}

std::optional<ScreenPoint> GlobeCamera::project(geo::GeoPoint p) const
{
    const Vec3 point = toCartesian(p);
    const Vec3 e = eye();
    if (dot(point, e - point) <= 0.0) // on the far side of the globe
        return std::nullopt;
    const Basis b = basis();
    const Vec3 v = point - e;
    const double depth = dot(v, b.forward);
    if (depth <= 0.0)
        return std::nullopt;
    const double tanHalf = std::tan(kFieldOfViewDeg * kDeg / 2.0);
    const double ndcX = dot(v, b.right) / (depth * tanHalf * aspect());
    const double ndcY = dot(v, b.up) / (depth * tanHalf);
    return ScreenPoint{(ndcX + 1.0) / 2.0 * width_, (1.0 - ndcY) / 2.0 * height_};
}

std::optional<GlobeCamera::Framing> GlobeCamera::framing(const std::vector<geo::GeoPoint> &points)
{
    if (points.empty())
        return std::nullopt;
    Vec3 sum;
    for (const geo::GeoPoint &p : points) {
        const Vec3 v = toCartesian(p);
        sum = {sum.x + v.x, sum.y + v.y, sum.z + v.z};
    }
    const double length = std::sqrt(sum.x * sum.x + sum.y * sum.y + sum.z * sum.z);
    // Points spread evenly round the globe have no mean direction: face the first.
    const geo::GeoPoint center = length < 1e-6 * double(points.size()) ? points.front() : toGeographic(sum);
    const Vec3 axis = toCartesian(center);
    double widest = 0.0; // radians of arc from the centre to the farthest point
    for (const geo::GeoPoint &p : points) {
        const Vec3 v = toCartesian(p);
        widest = std::max(widest, std::acos(std::clamp(axis.x * v.x + axis.y * v.y + axis.z * v.z, -1.0, 1.0)));
    }
    // From distance d on the axis, a point at arc θ is seen at atan(sin θ / (d − cos θ)) off the
    // axis: keep that within the vertical half-angle, less a margin for the markers and labels.
    const double halfAngle = (kFieldOfViewDeg / 2.0 - 3.0) * std::numbers::pi / 180.0;
    const double distance = std::cos(widest) + std::sin(widest) / std::tan(halfAngle);
    return Framing{center, std::clamp(distance, kCloseUpDistance, kMaxDistance)};
}

} // namespace xmw::ui
