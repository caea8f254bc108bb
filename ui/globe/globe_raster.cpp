#include "ui/globe/globe_raster.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace xmw::ui {

namespace {

double dot(Vec3 a, Vec3 b) { return a.x * b.x + a.y * b.y + a.z * b.z; }

// GlobeView's sky: VTK's gradient from Background (bottom) to Background2 (top).
QRgb skyAt(int row, int height)
{
    const double t = height > 1 ? double(row) / double(height - 1) : 0.0; // 0 at the top
    const auto mix = [t](double top, double bottom) { return int(std::lround(255.0 * (top + (bottom - top) * t))); };
    return qRgb(mix(0.13, 0.04), mix(0.19, 0.07), mix(0.28, 0.12));
}

int mix(int over, int under, int alpha) { return (over * alpha + under * (255 - alpha) + 127) / 255; }

} // namespace

GlobeRaster::GlobeRaster(const GlobeCamera &camera)
    : width_(camera.viewportWidth())
    , height_(camera.viewportHeight())
    , pixels_(std::size_t(width_) * std::size_t(height_))
    , sky_(std::size_t(height_))
{
    const GlobeCamera::Basis b = camera.basis();
    const Vec3 eye = camera.eye();
    const double eyeSquared = dot(eye, eye);
    const double tanHalf = std::tan(GlobeCamera::kFieldOfViewDeg * std::numbers::pi / 360.0);
    const double aspect = camera.aspect();
    // A pixel's width on the globe's limb, where the antialiasing happens.
    const double pixelAtLimb = std::sqrt(std::max(eyeSquared - 1.0, 1e-9)) * 2.0 * tanHalf / height_;
    // A directional headlight along the view, as VTK's default light.
    const Vec3 light{-b.forward.x, -b.forward.y, -b.forward.z};
    for (int y = 0; y < height_; ++y) {
        sky_[std::size_t(y)] = skyAt(y, height_);
        const double ndcY = 1.0 - 2.0 * (y + 0.5) / height_;
        for (int x = 0; x < width_; ++x) {
            Pixel &pixel = pixels_[std::size_t(y) * std::size_t(width_) + std::size_t(x)];
            const double ndcX = 2.0 * (x + 0.5) / width_ - 1.0;
            Vec3 dir{b.forward.x + b.right.x * ndcX * tanHalf * aspect + b.up.x * ndcY * tanHalf,
                     b.forward.y + b.right.y * ndcX * tanHalf * aspect + b.up.y * ndcY * tanHalf,
                     b.forward.z + b.right.z * ndcX * tanHalf * aspect + b.up.z * ndcY * tanHalf};
            const double norm = 1.0 / std::sqrt(dot(dir, dir));
            dir = {dir.x * norm, dir.y * norm, dir.z * norm};
            const double half = dot(eye, dir);
            const double missBy = std::sqrt(std::max(eyeSquared - half * half, 0.0)) - 1.0; // the ray's nearest pass outside the globe
            const double coverage = std::clamp(0.5 - missBy / pixelAtLimb, 0.0, 1.0);
            if (coverage <= 0.0 || half > 0.0)
                continue; // sky
            // The nearest root of |eye + s·dir| = 1; on the limb (no root) the ray's nearest point.
            const double s = -half - std::sqrt(std::max(half * half - (eyeSquared - 1.0), 0.0));
            Vec3 p{eye.x + dir.x * s, eye.y + dir.y * s, eye.z + dir.z * s};
            const double r = 1.0 / std::sqrt(dot(p, p));
            p = {p.x * r, p.y * r, p.z * r};
            pixel.lat = float(std::asin(std::clamp(p.z, -1.0, 1.0)) * 180.0 / std::numbers::pi);
            pixel.lon = float(std::atan2(p.y, p.x) * 180.0 / std::numbers::pi);
            pixel.shade = std::uint8_t(std::lround(255.0 * (0.7 + 0.3 * std::max(0.0, dot(p, light)))));
            pixel.coverage = std::uint8_t(std::lround(255.0 * coverage));
        }
    }
}

QImage GlobeRaster::draw(const QImage &surface, double eastDeg) const
{
    QImage out(width_, height_, QImage::Format_RGB32);
    const QImage texture = surface.convertToFormat(QImage::Format_RGB32);
    const int tw = texture.width(), th = texture.height();
    // Texel row of each latitude and column of each longitude, looked up rather than computed.
    const double shift = std::remainder(-eastDeg, 360.0);
    for (int y = 0; y < height_; ++y) {
        const QRgb sky = sky_[std::size_t(y)];
        auto *line = reinterpret_cast<QRgb *>(out.scanLine(y));
        const Pixel *pixel = &pixels_[std::size_t(y) * std::size_t(width_)];
        for (int x = 0; x < width_; ++x, ++pixel) {
            if (pixel->coverage == 0) {
                line[x] = sky;
                continue;
            }
            double lon = pixel->lon + shift;
            lon -= 360.0 * std::floor((lon + 180.0) / 360.0);
            const int u = std::clamp(int((lon + 180.0) / 360.0 * tw), 0, tw - 1);
            const int v = std::clamp(int((90.0 - pixel->lat) / 180.0 * th), 0, th - 1);
            const QRgb texel = reinterpret_cast<const QRgb *>(texture.constScanLine(v))[u];
            const int shade = pixel->shade;
            const int r = std::min(255, (qRed(texel) * shade + 127) / 255 + 0), g = std::min(255, (qGreen(texel) * shade + 127) / 255),
                      bl = std::min(255, (qBlue(texel) * shade + 127) / 255);
            const int a = pixel->coverage;
            line[x] = a == 255 ? qRgb(r, g, bl) : qRgb(mix(r, qRed(sky), a), mix(g, qGreen(sky), a), mix(bl, qBlue(sky), a));
        }
    }
    return out;
}

QImage rasterGlobe(const QImage &surface, const GlobeCamera &camera) { return GlobeRaster(camera).draw(surface); }

} // namespace xmw::ui
