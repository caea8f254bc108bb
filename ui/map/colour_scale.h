#pragma once

#include <QColor>
#include <QString>

#include <array>
#include <vector>

namespace xmw::ui {

// Maps values in [low, high] to colours of a perceptually uniform map (viridis).
class ColourScale {
public:
    ColourScale(double low, double high);

    // The 2nd and 98th percentiles of the finite values: robust to a few extreme cells.
    [[nodiscard]] static ColourScale fromPercentiles(const std::vector<float> &values);

    [[nodiscard]] double low() const { return low_; }
    [[nodiscard]] double high() const { return high_; }
    [[nodiscard]] QRgb colour(double value) const;

private:
    double low_, high_;
    std::array<QRgb, 256> table_{};
};

} // namespace xmw::ui
