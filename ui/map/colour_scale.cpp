#include "ui/map/colour_scale.h"

#include <algorithm>
#include <cmath>

namespace xmw::ui {

namespace {

// viridis (van der Walt & Smith, CC0) at 11 evenly spaced stops; interpolated between them.
constexpr std::array<QRgb, 11> kViridis = {0xff440154, 0xff482475, 0xff414487, 0xff355f8d, 0xff2a788e, 0xff21918c,
                                           0xff22a884, 0xff44bf70, 0xff7ad151, 0xffbddf26, 0xfffde725};

} // namespace

ColourScale::ColourScale(double low, double high)
    : low_(low)
    , high_(high > low ? high : low + 1.0)
{
    for (std::size_t i = 0; i < table_.size(); ++i) {
        const double position = double(i) / double(table_.size() - 1) * double(kViridis.size() - 1);
        const std::size_t k = std::min(kViridis.size() - 2, std::size_t(position));
        const double t = position - double(k);
        const auto mix = [t](int a, int b) { return int(std::lround(a + (b - a) * t)); };
        table_[i] = qRgb(mix(qRed(kViridis[k]), qRed(kViridis[k + 1])), mix(qGreen(kViridis[k]), qGreen(kViridis[k + 1])),
                         mix(qBlue(kViridis[k]), qBlue(kViridis[k + 1])));
    }
}

ColourScale ColourScale::fromPercentiles(const std::vector<float> &values)
{
    std::vector<float> finite;
    finite.reserve(values.size());
    for (const float v : values)
        if (std::isfinite(v))
            finite.push_back(v);
    if (finite.empty())
        return {0.0, 1.0};
    const auto at = [&](double q) {
        const auto index = std::size_t(q * double(finite.size() - 1));
        std::nth_element(finite.begin(), finite.begin() + std::ptrdiff_t(index), finite.end());
        return double(finite[index]);
    };
    return {at(0.02), at(0.98)};
}

QRgb ColourScale::colour(double value) const
{
    const double t = std::clamp((value - low_) / (high_ - low_), 0.0, 1.0);
    return table_[std::size_t(std::lround(t * double(table_.size() - 1)))];
}

} // namespace xmw::ui
