#pragma once

#include "ui/map/colour_scale.h"

#include <QWidget>

class QPainter;

#include <optional>
#include <vector>

namespace xmw::ui {

// The legend of the map layer: the colour ramp, ticks at round values, arrows at ends where the
// range clips the field, and a caption naming the variable, its unit and the day; for class fields,
// a swatch per class instead of the ramp.
class ColourBar : public QWidget {
    Q_OBJECT

public:
    explicit ColourBar(QWidget *parent = nullptr);

    void setScale(const ColourScale &scale, const QString &caption);
    void clear();

    [[nodiscard]] const QString &caption() const { return caption_; }
    [[nodiscard]] const std::optional<ColourScale> &scale() const { return scale_; }
    // Round values inside [low, high], at least 4: 1, 2 or 5 × a power of ten apart, as few as that allows.
    [[nodiscard]] static std::vector<double> ticks(double low, double high);
    // On a log scale: the powers of ten inside [low, high], with 2 and 5 × them when that gives too few.
    [[nodiscard]] static std::vector<double> logTicks(double low, double high);

    [[nodiscard]] QSize sizeHint() const override;

    // The caption, ramp and ticks drawn into `area` (also for figures, at any size).
    static void paint(QPainter &painter, const QRect &area, const ColourScale &scale, const QString &caption, const QColor &text);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    // A categorical scale's legend: a swatch and the code (and name, where known) of each class.
    static void paintClasses(QPainter &painter, const QRect &row, const ColourScale &scale, const QColor &textColour);

    std::optional<ColourScale> scale_;
    QString caption_;
};

} // namespace xmw::ui
