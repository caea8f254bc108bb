#include "ui/map/colour_scale.h"

#include <QLocale>

#include "ui/map/palette.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace xmw::ui {

namespace {

using Stops = std::array<QRgb, 11>;

// matplotlib's viridis, magma (van der Walt & Smith) and cividis (Nuñez, Anderton & Renslow),
// all CC0, at 11 evenly spaced stops; interpolated between them.
constexpr Stops kViridis = {0xff440154, 0xff482475, 0xff414487, 0xff355f8d, 0xff2a788e, 0xff21918c,
                            0xff22a884, 0xff44bf70, 0xff7ad151, 0xffbddf26, 0xfffde725};
constexpr Stops kMagma = {0xff000004, 0xff140e36, 0xff3b0f70, 0xff641a80, 0xff8c2981, 0xffb73779,
                          0xffde4968, 0xfff7705c, 0xfffe9f6d, 0xfffecf92, 0xfffcfdbf};
constexpr Stops kCividis = {0xff00224e, 0xff083370, 0xff35456c, 0xff4f576c, 0xff666970, 0xff7d7c78,
                            0xff948e77, 0xffaea371, 0xffc8b866, 0xffe5cf52, 0xfffee838};
// ColorBrewer's RdBu (Cynthia Brewer, Apache 2.0), reversed: blue below zero, red above.
constexpr Stops kDiverging = {0xff053061, 0xff2166ac, 0xff4393c3, 0xff92c5de, 0xffd1e5f0, 0xfff7f7f7,
                              0xfffddbc7, 0xfff4a582, 0xffd6604d, 0xffb2182b, 0xff67001f};

// Qualitative classes, by code: grey for 0 (no wetland, in wetlandtype), then Okabe & Ito's colours,
// distinguishable with colour-vision deficiency, in the order the tower markers use for wetland
// types 1-5, then three of Paul Tol's muted scheme; codes from 12 on repeat them. By code, not by
// rank among the classes present, so that a class keeps its colour on every map and matches the
// towers of the same type.
constexpr std::array<QRgb, 12> kClasses = {palette::kNeutralGrey, palette::kOrange,        palette::kSkyBlue, palette::kBluishGreen,
                                           palette::kVermillion,  palette::kReddishPurple, palette::kYellow,  palette::kBlue,
                                           palette::kBlack,       palette::kTolWine,       palette::kTolTeal, palette::kTolOlive};

const Stops &stopsOf(Palette palette)
{
    switch (palette) {
    case Palette::Magma: return kMagma;
    case Palette::Cividis: return kCividis;
    case Palette::Diverging: return kDiverging;
    case Palette::Viridis:
    case Palette::Categorical: break;
    }
    return kViridis;
}

double quantile(std::vector<float> &values, double q)
{
    const auto index = std::size_t(q * double(values.size() - 1));
    std::nth_element(values.begin(), values.begin() + std::ptrdiff_t(index), values.end());
    return double(values[index]);
}

} // namespace

QString paletteName(Palette palette)
{
    switch (palette) {
    case Palette::Magma: return QCoreApplication::translate("xmw::ui::ColourScale", "magma");
    case Palette::Cividis: return QCoreApplication::translate("xmw::ui::ColourScale", "cividis");
    case Palette::Diverging: return QCoreApplication::translate("xmw::ui::ColourScale", "diverging (blue–red)");
    case Palette::Categorical: return QCoreApplication::translate("xmw::ui::ColourScale", "classes");
    case Palette::Viridis: break;
    }
    return QCoreApplication::translate("xmw::ui::ColourScale", "viridis");
}

ColourScale::ColourScale(double low, double high, Palette palette, bool logarithmic)
    : low_(low)
    , high_(high > low ? high : low + (logarithmic ? std::max(low, 1e-30) : 1.0))
    , palette_(palette)
    , logarithmic_(logarithmic && palette != Palette::Diverging && low > 0)
{
    const Stops &stops = stopsOf(palette);
    for (std::size_t i = 0; i < table_.size(); ++i) {
        const double at = double(i) / double(table_.size() - 1) * double(stops.size() - 1);
        const std::size_t k = std::min(stops.size() - 2, std::size_t(at));
        const double t = at - double(k);
        const auto mix = [t](int a, int b) { return int(std::lround(a + (b - a) * t)); };
        table_[i] = qRgb(mix(qRed(stops[k]), qRed(stops[k + 1])), mix(qGreen(stops[k]), qGreen(stops[k + 1])),
                         mix(qBlue(stops[k]), qBlue(stops[k + 1])));
    }
}

QString ColourScale::classLabel(int code) const
{
    const auto it = classNames_.find(code);
    return it == classNames_.end() ? QLocale().toString(code) : QStringLiteral("%1 %2").arg(QLocale().toString(code), it->second);
}

ColourScale ColourScale::categorical(std::vector<int> classes)
{
    std::sort(classes.begin(), classes.end());
    classes.erase(std::unique(classes.begin(), classes.end()), classes.end());
    ColourScale scale(classes.empty() ? 0.0 : classes.front(), classes.empty() ? 1.0 : classes.back(), Palette::Categorical);
    scale.classes_ = std::move(classes);
    return scale;
}

ColourScale ColourScale::forField(const std::vector<float> &values, const MapStyle &style)
{
    if (style.palette == Palette::Categorical) {
        std::vector<int> classes;
        for (const float v : values)
            if (std::isfinite(v))
                classes.push_back(int(std::lround(v)));
        return categorical(std::move(classes));
    }
    const bool logarithmic = style.logarithmic && style.palette != Palette::Diverging;
    std::vector<float> usable;
    usable.reserve(values.size());
    for (const float v : values)
        if (std::isfinite(v) && (!logarithmic || v > 0))
            usable.push_back(v);
    double low = 0, high = 1;
    if (style.range == RangeMode::Fixed) {
        low = style.fixedLow;
        high = style.fixedHigh;
        if (logarithmic && low <= 0) // a log scale cannot start at zero: from the field's smallest positive value
            low = usable.empty() ? high / 1000.0 : double(*std::min_element(usable.begin(), usable.end()));
    } else if (!usable.empty()) {
        const bool minMax = style.range == RangeMode::MinMax;
        low = minMax ? double(*std::min_element(usable.begin(), usable.end())) : quantile(usable, 0.02);
        high = minMax ? double(*std::max_element(usable.begin(), usable.end())) : quantile(usable, 0.98);
    }
    bool limited = false;
    const bool autoLow = style.range != RangeMode::Fixed || style.fixedLow <= 0;
    if (logarithmic && autoLow && high > 0 && low < high * std::pow(10.0, -kLogDecades)) {
        low = high * std::pow(10.0, -kLogDecades);
        limited = true;
    }
    if (style.palette == Palette::Diverging) {
        const double reach = std::max({std::abs(low), std::abs(high), 1e-12});
        low = -reach;
        high = reach;
    }
    ColourScale scale(low, high, style.palette, logarithmic && low > 0);
    scale.logLimited_ = limited && scale.logarithmic_;
    // Values beyond the ends take the end colours: say so where that happens (percentiles always clip).
    const double tolerance = (scale.high_ - scale.low_) * 1e-6;
    bool below = false, above = false;
    for (const float v : usable) {
        below = below || v < scale.low_ - tolerance;
        above = above || v > scale.high_ + tolerance;
    }
    scale.setClipping(below, above);
    return scale;
}

double ColourScale::position(double value) const
{
    if (logarithmic_)
        return value > 0 ? std::clamp(std::log(value / low_) / std::log(high_ / low_), 0.0, 1.0) : 0.0;
    return std::clamp((value - low_) / (high_ - low_), 0.0, 1.0);
}

double ColourScale::valueAt(double position) const
{
    return logarithmic_ ? low_ * std::pow(high_ / low_, position) : low_ + (high_ - low_) * position;
}

QRgb ColourScale::classColour(int code)
{
    const int n = int(kClasses.size());
    return kClasses[std::size_t(((code % n) + n) % n)];
}

QRgb ColourScale::colour(double value) const
{
    if (palette_ == Palette::Categorical)
        return classColour(int(std::lround(value)));
    return table_[std::size_t(std::lround(position(value) * double(table_.size() - 1)))];
}

} // namespace xmw::ui
