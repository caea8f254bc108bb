#pragma once

#include <QImage>

namespace xmw::ui {

// What the globe shows: an equirectangular image (left edge 180°W, top row 90°N) and the same
// pixels as the globe's texture wants them (opaque RGBX bytes). Making the second is a pass over
// every pixel; a worker does it, so that the GUI thread hands the GPU the bytes as they are.
class SurfacePicture {
public:
    SurfacePicture() = default;
    explicit SurfacePicture(const QImage &image);

    [[nodiscard]] bool isNull() const { return image_.isNull(); }
    [[nodiscard]] const QImage &image() const { return image_; }
    [[nodiscard]] const QImage &texture() const { return texture_; }

private:
    QImage image_;
    QImage texture_;
};

} // namespace xmw::ui
