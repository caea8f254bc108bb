#include "ui/globe/surface_picture.h"

namespace xmw::ui {

SurfacePicture::SurfacePicture(const QImage &image)
    : image_(image)
{
    // Opaque on purpose: with an alpha channel VTK inspects every texel, on every change, to decide
    // whether the globe is translucent. Qt's conversion is vectorised; rows stay top-down, as the
    // globe's texture coordinates expect.
    if (!image.isNull())
        texture_ = image.convertToFormat(QImage::Format_RGBX8888);
}

} // namespace xmw::ui
