#include "ui/animation/gif_palette.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace xmw::ui {

namespace {

constexpr int kBits = 6; // per channel: 5 bands a dark gradient sky
constexpr int kLevels = 1 << kBits;
constexpr int kBins = kLevels * kLevels * kLevels;

int binOf(std::uint8_t r, std::uint8_t g, std::uint8_t b)
{
    return (r >> (8 - kBits)) << (2 * kBits) | (g >> (8 - kBits)) << kBits | (b >> (8 - kBits));
}
int channel(int bin, int c) { return (bin >> (kBits * (2 - c))) & (kLevels - 1); }
// The middle of a bin's range in 0-255.
int centre(int bin, int c) { return channel(bin, c) * (256 / kLevels) + 128 / kLevels; }

// A box of the colour cube holding some of the histogram's occupied bins.
struct Box {
    std::vector<int> bins;
    int widestChannel = 0, span = 0;
    double priority = 0; // which box to split next

    void measure(const std::vector<std::uint32_t> &counts)
    {
        span = -1;
        for (int c = 0; c < 3; ++c) {
            int low = kLevels - 1, high = 0;
            for (int bin : bins) {
                low = std::min(low, channel(bin, c));
                high = std::max(high, channel(bin, c));
            }
            if (high - low > span)
                span = high - low, widestChannel = c;
        }
        // Wide boxes first, large ones sooner: a colour bar's ramp keeps its steps and a smooth
        // sky keeps enough shades not to band.
        std::uint64_t pixels = 0;
        for (int bin : bins)
            pixels += counts[std::size_t(bin)];
        priority = span * std::log2(1.0 + double(pixels));
    }
};

} // namespace

GifPalette::GifPalette(const std::uint8_t *rgba, int width, int height, int stride)
    : lookup_(kBins, 0)
{
    std::vector<std::uint32_t> counts(kBins, 0);
    for (int y = 0; y < height; ++y) {
        const std::uint8_t *p = rgba + std::ptrdiff_t(y) * stride;
        for (int x = 0; x < width; ++x, p += 4)
            ++counts[std::size_t(binOf(p[0], p[1], p[2]))];
    }
    std::vector<Box> boxes(1);
    for (int bin = 0; bin < kBins; ++bin)
        if (counts[std::size_t(bin)] > 0)
            boxes.front().bins.push_back(bin);
    boxes.front().measure(counts);
    while (boxes.size() < colours_.size()) {
        const auto widest =
            std::max_element(boxes.begin(), boxes.end(), [](const Box &a, const Box &b) { return a.priority < b.priority; });
        if (widest->span <= 0)
            break; // every box is a single bin: the frame has no more colours than that
        Box &box = *widest;
        const int c = box.widestChannel;
        std::sort(box.bins.begin(), box.bins.end(), [c](int a, int b) { return channel(a, c) < channel(b, c); });
        // Split at the pixel-weighted median along the widest channel, never leaving a side empty.
        std::uint64_t total = 0, running = 0;
        for (int bin : box.bins)
            total += counts[std::size_t(bin)];
        std::size_t cut = 1;
        for (; cut < box.bins.size() - 1; ++cut) {
            running += counts[std::size_t(box.bins[cut - 1])];
            if (2 * running >= total)
                break;
        }
        while (cut < box.bins.size() && channel(box.bins[cut], c) == channel(box.bins[cut - 1], c))
            ++cut; // a bin value on one side only, so that both halves shrink
        if (cut == box.bins.size())
            cut = box.bins.size() - 1;
        Box upper;
        upper.bins.assign(box.bins.begin() + std::ptrdiff_t(cut), box.bins.end());
        box.bins.resize(cut);
        box.measure(counts);
        upper.measure(counts);
        boxes.push_back(std::move(upper));
    }
    // Each box's colour is its pixels' mean; unused entries repeat black (never referenced).
    colours_.fill(0xFF000000u);
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        double sum[3] = {0, 0, 0};
        double n = 0;
        for (int bin : boxes[i].bins) {
            const double w = counts[std::size_t(bin)];
            for (int c = 0; c < 3; ++c)
                sum[c] += w * centre(bin, c);
            n += w;
        }
        std::uint32_t rgb[3] = {0, 0, 0};
        for (int c = 0; c < 3; ++c)
            rgb[c] = n > 0 ? std::uint32_t(std::clamp(sum[c] / n, 0.0, 255.0)) : 0;
        colours_[i] = 0xFF000000u | rgb[0] << 16 | rgb[1] << 8 | rgb[2];
    }
    // Every bin, not only the first frame's, maps to its nearest colour: later frames have others.
    const int used = int(std::max<std::size_t>(boxes.size(), 1));
    for (int bin = 0; bin < kBins; ++bin) {
        const int r = centre(bin, 0), g = centre(bin, 1), b = centre(bin, 2);
        int best = 0, bestDistance = std::numeric_limits<int>::max();
        for (int i = 0; i < used; ++i) {
            const int dr = r - int(colours_[std::size_t(i)] >> 16 & 0xFF), dg = g - int(colours_[std::size_t(i)] >> 8 & 0xFF),
                      db = b - int(colours_[std::size_t(i)] & 0xFF);
            const int distance = 2 * dr * dr + 4 * dg * dg + 3 * db * db; // the eye weighs green most
            if (distance < bestDistance)
                bestDistance = distance, best = i;
        }
        lookup_[std::size_t(bin)] = std::uint8_t(best);
    }
}

std::uint8_t GifPalette::indexOf(std::uint8_t r, std::uint8_t g, std::uint8_t b) const { return lookup_[std::size_t(binOf(r, g, b))]; }

void GifPalette::map(const std::uint8_t *rgba, int width, int height, int stride, std::uint8_t *indices, int indexStride) const
{
    for (int y = 0; y < height; ++y) {
        const std::uint8_t *p = rgba + std::ptrdiff_t(y) * stride;
        std::uint8_t *out = indices + std::ptrdiff_t(y) * indexStride;
        for (int x = 0; x < width; ++x, p += 4)
            out[x] = lookup_[std::size_t(binOf(p[0], p[1], p[2]))];
    }
}

} // namespace xmw::ui
