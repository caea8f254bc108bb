#pragma once

#include "ui/globe/globe_camera.h"

#include <QImage>

namespace xmw::ui {

// The globe drawn in software the way GlobeView draws it with VTK: the same camera and
// projection, the same headlight shading (70 % ambient, 30 % diffuse) and the same gradient sky,
// the limb antialiased. For pictures made off the GUI thread (animation frames), where the
// OpenGL context of the window cannot go. `surface`: an equirectangular image (left edge 180°W,
// top row 90°N); the picture has the camera's viewport size. Sampled nearest, so cells stay sharp.
[[nodiscard]] QImage rasterGlobe(const QImage &surface, const GlobeCamera &camera);

} // namespace xmw::ui
