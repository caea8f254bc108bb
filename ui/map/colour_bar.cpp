#include "ui/map/colour_bar.h"

#include <QLocale>
#include <QPainter>

#include <cmath>

namespace xmw::ui {

ColourBar::ColourBar(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("colourBar"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    hide(); // until there is a layer to explain
}

void ColourBar::setScale(const ColourScale &scale, const QString &caption)
{
    scale_ = scale;
    caption_ = caption;
    show();
    update();
}

void ColourBar::clear()
{
    scale_.reset();
    caption_.clear();
    hide();
}

QSize ColourBar::sizeHint() const { return {400, fontMetrics().height() * 3 + 22}; }

std::vector<double> ColourBar::ticks(double low, double high)
{
    std::vector<double> out;
    if (!(high > low))
        return out;
    // The largest 1-2-5 step that still gives at least four ticks.
    const double magnitude = std::pow(10.0, std::floor(std::log10((high - low) / 5.0)));
    double step = magnitude / 10.0;
    for (const double m : {magnitude / 10.0, magnitude, magnitude * 10.0})
        for (const double f : {1.0, 2.0, 5.0})
            if (std::floor(high / (f * m) + 1e-9) - std::ceil(low / (f * m) - 1e-9) + 1.0 >= 4.0)
                step = f * m;
    for (double v = std::ceil(low / step) * step; v <= high + step * 1e-9; v += step)
        out.push_back(std::abs(v) < step * 1e-9 ? 0.0 : v);
    return out;
}

std::vector<double> ColourBar::logTicks(double low, double high)
{
    std::vector<double> out;
    if (!(low > 0 && high > low))
        return out;
    for (const std::vector<double> &factors : {std::vector<double>{1}, {1, 2, 5}, {1, 2, 3, 5, 7}}) {
        out.clear();
        for (double decade = std::pow(10.0, std::floor(std::log10(low))); decade <= high; decade *= 10)
            for (const double f : factors)
                if (const double v = f * decade; v >= low * (1 - 1e-9) && v <= high * (1 + 1e-9))
                    out.push_back(v);
        if (out.size() >= 3)
            break;
    }
    return out;
}

void ColourBar::paintEvent(QPaintEvent *)
{
    if (!scale_)
        return;
    QPainter painter(this);
    paint(painter, rect(), *scale_, caption_, palette().color(QPalette::WindowText));
}

void ColourBar::paint(QPainter &painter, const QRect &area, const ColourScale &scale, const QString &caption, const QColor &textColour)
{
    const QFontMetrics metrics = painter.fontMetrics();
    const int text = metrics.height();
    const int margin = std::max(12, text / 2);
    painter.setPen(textColour);
    painter.drawText(QRect(area.left() + margin, area.top() + 2, area.width() - 2 * margin, text), Qt::AlignLeft | Qt::AlignVCenter,
                     caption);
    if (scale.isCategorical()) {
        paintClasses(painter, QRect(area.left() + margin, area.top() + text + 6, area.width() - 2 * margin, text), scale, textColour);
        return;
    }
    // Room at each end for an arrow where the range clips the field.
    const int arrow = text * 2 / 3;
    const int left = area.left() + margin + (scale.clipsLow() ? arrow : 0);
    const int right = area.right() - margin - (scale.clipsHigh() ? arrow : 0);
    const QRect ramp(left, area.top() + text + 6, right - left + 1, text);
    for (int x = 0; x < ramp.width(); ++x) {
        const double value = scale.valueAt((x + 0.5) / ramp.width());
        painter.setPen(QColor::fromRgb(scale.colour(value)));
        painter.drawLine(ramp.left() + x, ramp.top(), ramp.left() + x, ramp.bottom());
    }
    painter.setRenderHint(QPainter::Antialiasing);
    const auto drawArrow = [&](bool atLow) {
        const int base = atLow ? ramp.left() : ramp.right() + 1;
        const int tip = atLow ? base - arrow : base + arrow;
        const QPolygon triangle({QPoint(base, ramp.top()), QPoint(tip, ramp.center().y()), QPoint(base, ramp.bottom() + 1)});
        painter.setBrush(QColor::fromRgb(scale.colour(atLow ? scale.low() : scale.high())));
        painter.setPen(textColour);
        painter.drawPolygon(triangle);
    };
    if (scale.clipsLow())
        drawArrow(true);
    if (scale.clipsHigh())
        drawArrow(false);
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setBrush(Qt::NoBrush);
    painter.setPen(textColour);
    painter.drawRect(ramp.adjusted(0, 0, -1, -1));
    const auto marks = scale.isLogarithmic() ? logTicks(scale.low(), scale.high()) : ticks(scale.low(), scale.high());
    const int tickLength = std::max(4, text / 4);
    for (const double tick : marks) {
        const int x = ramp.left() + int(std::lround(scale.position(tick) * (ramp.width() - 1)));
        painter.drawLine(x, ramp.bottom(), x, ramp.bottom() + tickLength);
        const QString label = QLocale().toString(tick, 'g', 4);
        const int w = metrics.horizontalAdvance(label);
        painter.drawText(QRect(std::clamp(x - w / 2, area.left(), area.right() - w), ramp.bottom() + tickLength + 1, w, text),
                         Qt::AlignCenter, label);
    }
}

void ColourBar::paintClasses(QPainter &painter, const QRect &row, const ColourScale &scale, const QColor &textColour)
{
    // A swatch and the class code for each class, left to right; what does not fit is counted.
    const QFontMetrics metrics = painter.fontMetrics();
    const int swatch = row.height();
    int x = row.left();
    const auto &classes = scale.classes();
    for (std::size_t i = 0; i < classes.size(); ++i) {
        const QString label = scale.classLabel(classes[i]);
        const int width = swatch + 4 + metrics.horizontalAdvance(label) + swatch;
        if (x + width > row.right() && i + 1 < classes.size()) {
            painter.setPen(textColour);
            painter.drawText(QRect(x, row.top(), row.right() - x, row.height()), Qt::AlignLeft | Qt::AlignVCenter,
                             tr("+%n more", nullptr, int(classes.size() - i)));
            return;
        }
        painter.fillRect(QRect(x, row.top(), swatch, swatch), QColor::fromRgb(scale.colour(classes[i])));
        painter.setPen(textColour);
        painter.drawRect(QRect(x, row.top(), swatch - 1, swatch - 1));
        painter.drawText(QRect(x + swatch + 4, row.top(), width - swatch - 4, row.height()), Qt::AlignLeft | Qt::AlignVCenter, label);
        x += width;
    }
}

} // namespace xmw::ui
