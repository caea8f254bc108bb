#pragma once

#include "ui/globe/globe_camera.h"

#include <QImage>

#include <cstdint>
#include <vector>

namespace xmw::ui {

// The globe drawn in software the way GlobeView draws it with VTK: the same camera and
// projection, the same headlight shading (70 % ambient, 30 % diffuse) and the same gradient sky,
// the limb antialiased. For pictures made off the GUI thread (animation frames), where the
// OpenGL context of the window cannot go. Sampled nearest, so cells stay sharp.
// The geometry (which point of the globe each pixel shows, and how lit) is worked out once per
// camera; a picture is then a lookup per pixel. Turning the globe about its axis is a shift in
// longitude, so a turning globe keeps its geometry too.
class GlobeRaster {
public:
    explicit GlobeRaster(const GlobeCamera &camera);

    // `surface`: an equirectangular image (left edge 180°W, top row 90°N), drawn turned
    // `eastDeg` degrees east (the camera's centre moved that far west); the picture has the
    // camera's viewport size. Thread-safe: any number of pictures at once.
    [[nodiscard]] QImage draw(const QImage &surface, double eastDeg = 0.0) const;

private:
    struct Pixel {
        float lat = 0, lon = 0; // what it shows
        std::uint8_t shade = 0; // light, 0-255 for 0-1
        std::uint8_t coverage = 0; // of the globe over the sky, 0-255 (the limb's antialiasing)
    };
    int width_, height_;
    std::vector<Pixel> pixels_; // row by row
    std::vector<QRgb> sky_; // per row
};

// One picture with its own geometry.
[[nodiscard]] QImage rasterGlobe(const QImage &surface, const GlobeCamera &camera);

} // namespace xmw::ui
