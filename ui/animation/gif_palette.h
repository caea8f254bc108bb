#pragma once

#include <array>
#include <cstdint>
#include <vector>

namespace xmw::ui {

// The 256 colours a GIF animation is drawn in, chosen once from its first frame and kept for all
// (so that the file carries one palette and a colour means the same value on every frame). Median
// cut over an 18-bit histogram, splitting the box with the widest colour span first, weighted by
// the logarithm of its pixels: a colour bar's ramp covers few pixels but must keep its steps, and
// a smooth sky covers many and must not band. No dithering:
// dithered data cells would look like noise in the data.
class GifPalette {
public:
    // From RGBA8888 pixels (alpha ignored).
    GifPalette(const std::uint8_t *rgba, int width, int height, int stride);

    // 0xAARRGGBB, opaque, as FFmpeg's PAL8 frames carry it.
    [[nodiscard]] const std::array<std::uint32_t, 256> &colours() const { return colours_; }
    // Each pixel's palette index, row by row into `indices` (`indexStride` bytes per row).
    void map(const std::uint8_t *rgba, int width, int height, int stride, std::uint8_t *indices, int indexStride) const;
    // The palette index a colour maps to.
    [[nodiscard]] std::uint8_t indexOf(std::uint8_t r, std::uint8_t g, std::uint8_t b) const;

private:
    std::array<std::uint32_t, 256> colours_{};
    std::vector<std::uint8_t> lookup_; // the nearest palette colour of each histogram bin
};

} // namespace xmw::ui
