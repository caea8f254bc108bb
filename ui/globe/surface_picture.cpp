#include "ui/globe/surface_picture.h"

namespace xmw::ui {

SurfacePicture::SurfacePicture(const QImage &image)
    : image_(image)
{
    if (image.isNull())
        return;
    const bool packed = image.format() == QImage::Format_ARGB32 || image.format() == QImage::Format_RGB32;
    const QImage source = packed ? image : image.convertToFormat(QImage::Format_ARGB32);
    // Opaque on purpose: with an alpha channel VTK inspects every texel, on every change, to decide
    // whether the globe is translucent. One pass: flipped and reordered together.
    const int width = source.width(), height = source.height();
    texture_ = QImage(width, height, QImage::Format_RGBX8888);
    for (int y = 0; y < height; ++y) {
        const auto *from = reinterpret_cast<const QRgb *>(source.constScanLine(y));
        uchar *to = texture_.scanLine(height - 1 - y);
        for (int x = 0; x < width; ++x, to += 4) {
            to[0] = uchar(qRed(from[x]));
            to[1] = uchar(qGreen(from[x]));
            to[2] = uchar(qBlue(from[x]));
            to[3] = 0xff;
        }
    }
}

} // namespace xmw::ui
