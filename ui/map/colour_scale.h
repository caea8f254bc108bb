#pragma once

#include "core/data/units.h"

#include <QColor>
#include <QString>

#include <array>
#include <map>
#include <vector>

namespace xmw::ui {

enum class Palette {
    Viridis, // perceptually uniform, sequential (the default)
    Magma, // perceptually uniform, sequential, dark to light through red
    Cividis, // perceptually uniform and readable with red-green colour blindness
    Diverging, // blue – white – red around zero, for anomalies and differences
    Categorical, // one distinct colour per class code (types of wetland, climate, vegetation, soil)
};

enum class RangeMode {
    Percentile, // 2nd to 98th percentile of the shown field: robust to a few extreme cells
    MinMax, // the field's smallest and largest value
    Fixed, // the user's range, the same for every day (to compare days by colour)
};

// How a map layer turns values into colours.
struct MapStyle {
    Palette palette = Palette::Viridis;
    RangeMode range = RangeMode::Percentile;
    double fixedLow = 0, fixedHigh = 1;
    bool logarithmic = false; // sequential palettes only; values ≤ 0 take the lowest colour
    // The unit a methane-flux layer is shown in (fixedLow/fixedHigh are in it); other layers keep theirs.
    data::units::Flux fluxUnit = data::units::Flux::NmolPerSquareMetrePerSecond;

    bool operator==(const MapStyle &) const = default;
};

[[nodiscard]] QString paletteName(Palette palette);

// Maps values in [low, high] to colours, linearly or on a log scale.
class ColourScale {
public:
    ColourScale(double low, double high, Palette palette = Palette::Viridis, bool logarithmic = false);

    // The range a style gives for a field. A diverging palette is centred on zero; a log scale
    // starts at the smallest positive value the range mode allows, but spans at most
    // kLogDecades below its top (a fixed range's positive start is kept); a categorical one lists
    // the field's classes (whole numbers), whatever the range mode.
    static constexpr double kLogDecades = 4;
    [[nodiscard]] static ColourScale forField(const std::vector<float> &values, const MapStyle &style);
    // A scale listing these class codes, each in its classColour.
    [[nodiscard]] static ColourScale categorical(std::vector<int> classes);
    // The colour of a class code, the same on every map (the tower markers use it for wetland types).
    [[nodiscard]] static QRgb classColour(int code);
    [[nodiscard]] static ColourScale fromPercentiles(const std::vector<float> &values) { return forField(values, {}); }

    [[nodiscard]] double low() const { return low_; }
    [[nodiscard]] double high() const { return high_; }
    [[nodiscard]] Palette palette() const { return palette_; }
    [[nodiscard]] bool isLogarithmic() const { return logarithmic_; }
    [[nodiscard]] bool isCategorical() const { return palette_ == Palette::Categorical; }
    [[nodiscard]] const std::vector<int> &classes() const { return classes_; }
    // Names of class codes where a source gives them (wetland types): the legend writes "2 Unforested bog".
    void setClassNames(std::map<int, QString> names) { classNames_ = std::move(names); }
    [[nodiscard]] QString classLabel(int code) const;
    // Whether some of the field lies below low() or above high() and so takes the end colour: the
    // colour bar shows an arrow at such an end.
    [[nodiscard]] bool clipsLow() const { return clipsLow_; }
    [[nodiscard]] bool clipsHigh() const { return clipsHigh_; }
    void setClipping(bool low, bool high) { clipsLow_ = low, clipsHigh_ = high; }
    // Whether a log scale was cut to kLogDecades (a field's smallest positive values, e.g. 1e-16 in
    // a TEM-MDM winter, would otherwise spread the colours over 17 decades).
    [[nodiscard]] bool isLogLimited() const { return logLimited_; }
    [[nodiscard]] QRgb colour(double value) const;
    // Where a value sits along the ramp, 0…1 (clamped), and the inverse.
    [[nodiscard]] double position(double value) const;
    [[nodiscard]] double valueAt(double position) const;

private:
    double low_, high_;
    Palette palette_;
    bool logarithmic_;
    std::array<QRgb, 256> table_{};
    std::vector<int> classes_; // categorical: the class codes, sorted
    std::map<int, QString> classNames_;
    bool clipsLow_ = false, clipsHigh_ = false;
    bool logLimited_ = false;
};

} // namespace xmw::ui
