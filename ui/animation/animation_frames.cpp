#include "ui/animation/animation_frames.h"

#include "core/data/dataset.h"
#include "ui/app/unit_text.h"
#include "ui/data/qt_dates.h"
#include "ui/globe/globe_raster.h"
#include "ui/map/colour_bar.h"
#include "ui/map/field_image.h"

#include <QCoreApplication>
#include <QDate>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace xmw::ui {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("AnimationFrames", text); }

[[noreturn]] void refuse(const QString &why) { throw std::runtime_error(why.toStdString()); }

constexpr int kSampledFrames = 12; // enough to find a range that holds for the whole period
constexpr int kMostFrames = 20000;

std::int64_t dayNumber(data::Date d) { return data::toDayNumber(d); }

} // namespace

data::Period periodOf(AnimationStep step)
{
    switch (step) {
    case AnimationStep::Day: return data::Period::Day;
    case AnimationStep::Month: return data::Period::Month;
    case AnimationStep::Year: return data::Period::Year;
    }
    return data::Period::Day;
}

std::vector<data::Date> frameDates(data::Date from, data::Date to, AnimationStep step)
{
    std::vector<data::Date> dates;
    switch (step) {
    case AnimationStep::Day:
        for (std::int64_t d = dayNumber(from); d <= dayNumber(to) && dates.size() <= kMostFrames; ++d)
            dates.push_back(data::fromDayNumber(d));
        break;
    case AnimationStep::Month:
        for (int m = from.year * 12 + from.month - 1; m <= to.year * 12 + to.month - 1 && dates.size() <= kMostFrames; ++m)
            dates.push_back({m / 12, m % 12 + 1, 1});
        break;
    case AnimationStep::Year:
        for (int y = from.year; y <= to.year && dates.size() <= kMostFrames; ++y)
            dates.push_back({y, 1, 1});
        break;
    }
    return dates;
}

AnimationFrames::AnimationFrames(AnimationSpec spec, Feedback &feedback)
    : spec_(std::move(spec))
{
    if (dayNumber(spec_.to) < dayNumber(spec_.from))
        refuse(tr("The animation ends before it starts"));
    // The layer's own span: a prediction covers its year, TEM-MDM its files' years.
    int firstYear = 0, lastYear = 0;
    if (spec_.layer.prediction) {
        firstYear = lastYear = spec_.layer.prediction->year->year;
    } else {
        if (!spec_.layer.dataset || !spec_.layer.dataset->grid() || spec_.layer.dataset->grid()->years().empty())
            refuse(tr("This dataset has no TEM-MDM grids to animate"));
        const data::GridDataset &grid = *spec_.layer.dataset->grid();
        const auto &variable = grid.variable(spec_.layer.variable.toStdString());
        if (variable.cadence == data::Cadence::Static)
            refuse(tr("%1 is a static field: it is the same on every date").arg(spec_.layer.variable));
        if (variable.cadence == data::Cadence::Monthly && spec_.step == AnimationStep::Day)
            refuse(tr("%1 has one value a month: animate it by month or by year").arg(spec_.layer.variable));
        firstYear = grid.years().front();
        lastYear = grid.years().back();
    }
    if (spec_.from.year < firstYear || spec_.to.year > lastYear)
        refuse(firstYear == lastYear ? tr("This layer covers %1 only").arg(firstYear)
                                     : tr("This layer covers %1 to %2").arg(firstYear).arg(lastYear));
    dates_ = frameDates(spec_.from, spec_.to, spec_.step);
    if (dates_.size() > std::size_t(kMostFrames))
        refuse(tr("More than %1 frames: choose a longer step or a shorter period").arg(kMostFrames));

    // The layout: text in proportion to the height, the colour bar's strip below the map.
    font_.setPixelSize(std::max(10, spec_.video.height / 40));
    const int text = QFontMetrics(font_).height();
    barHeight_ = 5 * text + text / 2; // caption, ramp, ticks, how the colours were chosen
    if (spec_.view != AnimationView::FlatMap) {
        GlobeCamera camera;
        camera.setViewport(spec_.video.width, spec_.video.height - barHeight_);
        camera.setCenter(spec_.center);
        camera.setDistance(spec_.distance);
        globe_.emplace(camera);
    }

    if (!spec_.sameRangeOnEveryFrame)
        return;
    // One range for all: from an even sample of the frames (all of them when there are few).
    const int samples = std::min(count(), kSampledFrames);
    std::vector<float> pooled;
    MapStyle style = spec_.style;
    for (int i = 0; i < samples; ++i) {
        if (feedback.isCanceled())
            throw Canceled();
        const int index = samples == 1 ? 0 : int(std::lround(double(i) * (count() - 1) / (samples - 1)));
        LayerValues read = readLayerValues(spec_.layer, dates_[std::size_t(index)], periodOf(spec_.step), spec_.style);
        style = read.style;
        pooled.insert(pooled.end(), read.values.begin(), read.values.end());
        feedback.setProgress(0.05 * (i + 1) / samples, tr("Choosing the colour range").toStdString());
    }
    shared_ = ColourScale::forField(pooled, style);
    sharedHow_ = shared_->isCategorical()  ? tr("one colour per class")
        : style.range == RangeMode::Fixed  ? tr("fixed colour range")
        : style.range == RangeMode::MinMax ? tr("one colour range for all frames: the minimum to the maximum of %1 of them").arg(samples)
                                           : tr("one colour range for all frames: 2nd to 98th percentile of %1 of them").arg(samples);
}

QString AnimationFrames::dateLabel(data::Date date) const
{
    const QDate day = toQDate(date);
    switch (spec_.step) {
    case AnimationStep::Day: return day.toString(Qt::ISODate);
    case AnimationStep::Month: return QLocale().toString(day, QStringLiteral("MMMM yyyy"));
    case AnimationStep::Year: return QString::number(date.year);
    }
    return {};
}

std::pair<QString, QString> AnimationFrames::caption(const ColourScale &scale, const QString &units) const
{
    const QString unitText = units.isEmpty() ? QString() : QStringLiteral(" [%1]").arg(typesetUnit(units));
    const QString period = spec_.step == AnimationStep::Day ? tr("daily")
        : spec_.step == AnimationStep::Month                ? tr("monthly means")
                                                            : tr("annual means");
    QString how = sharedHow_;
    if (how.isEmpty())
        how = scale.isCategorical()                 ? tr("one colour per class")
            : spec_.style.range == RangeMode::Fixed ? tr("fixed colour range")
                                                    : tr("each frame its own colour range");
    if (scale.palette() == Palette::Diverging)
        how += tr(", centred on zero");
    if (scale.isLogarithmic())
        how += tr(", log scale");
    return {QStringLiteral("%1%2, %3").arg(spec_.layerTitle, unitText, period), how};
}

QImage AnimationFrames::frame(int index) const
{
    const data::Date date = dates_.at(std::size_t(index));
    const LayerValues read = readLayerValues(spec_.layer, date, periodOf(spec_.step), spec_.style);
    ColourScale scale = shared_ ? *shared_ : ColourScale::forField(read.values, read.style);
    if (shared_ && !scale.isCategorical()) {
        // The shared range may clip this frame where it did not clip the sample, or the reverse.
        bool low = false, high = false;
        for (const float v : read.values)
            if (std::isfinite(v))
                low = low || v < scale.low(), high = high || v > scale.high();
        scale.setClipping(low, high);
    }
    const QImage map = renderField(read.values, read.grid, scale, spec_.surface);

    const int width = spec_.video.width, height = spec_.video.height;
    QImage out(width, height, QImage::Format_RGB32);
    out.fill(QColor::fromRgbF(0.04f, 0.07f, 0.12f)); // the globe's sky at its foot
    QPainter painter(&out);
    const QFont &font = font_;
    painter.setFont(font);
    const int text = painter.fontMetrics().height();
    const int barHeight = barHeight_;
    const QRect mapArea(0, 0, width, height - barHeight);
    const double dot = std::max(3.0, height / 160.0);
    const auto drawTower = [&](QPointF at, const QColor &colour) {
        painter.setPen(QPen(Qt::white, std::max(1.0, dot / 3.0)));
        painter.setBrush(colour);
        painter.drawEllipse(at, dot, dot);
    };

    if (spec_.view == AnimationView::FlatMap) {
        const int margin = text / 2;
        const QRect fit = mapArea.adjusted(margin, 2 * text, -margin, -margin);
        const int mapWidth = std::min(fit.width(), 2 * fit.height());
        const QRect target(fit.left() + (fit.width() - mapWidth) / 2, fit.top() + (fit.height() - mapWidth / 2) / 2, mapWidth,
                           mapWidth / 2);
        painter.drawImage(target, map); // nearest: cells stay cells
        painter.setRenderHint(QPainter::Antialiasing);
        for (const GlobeMarker &tower : spec_.towers)
            drawTower(QPointF(target.left() + (tower.position.lon + 180.0) / 360.0 * target.width(),
                              target.top() + (90.0 - tower.position.lat) / 180.0 * target.height()),
                      tower.colour);
        painter.setRenderHint(QPainter::Antialiasing, false);
        painter.setPen(QColor(200, 200, 200));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(target.adjusted(0, 0, -1, -1));
    } else {
        // Turning eastward, as the Earth does: the view's centre moves west.
        const double east = spec_.view == AnimationView::TurningGlobe ? spec_.degreesPerSecond * index / spec_.video.framesPerSecond : 0.0;
        painter.drawImage(mapArea.topLeft(), globe_->draw(map, east));
        GlobeCamera camera;
        camera.setViewport(mapArea.width(), mapArea.height());
        camera.setCenter({spec_.center.lat, std::remainder(spec_.center.lon - east, 360.0)});
        camera.setDistance(spec_.distance);
        painter.setRenderHint(QPainter::Antialiasing);
        for (const GlobeMarker &tower : spec_.towers)
            if (const auto at = camera.project(tower.position))
                drawTower(QPointF(at->x, at->y), tower.colour);
    }

    // The date and the title, over a shadow so that they read on any map; a long title gives way to the date.
    const auto drawLabel = [&](const QString &label, double scaleBy, Qt::Alignment align, int room) {
        QFont big = font;
        big.setPixelSize(int(font.pixelSize() * scaleBy));
        big.setBold(true);
        painter.setFont(big);
        const QFontMetrics metrics(big);
        const QString shown = metrics.elidedText(label, Qt::ElideRight, room);
        const QRect box(text / 2, text / 3, width - text, metrics.height());
        painter.setPen(QColor(0, 0, 0, 160));
        painter.drawText(box.translated(1, 1), int(align | Qt::AlignVCenter), shown);
        painter.setPen(Qt::white);
        painter.drawText(box, int(align | Qt::AlignVCenter), shown);
        painter.setFont(font);
        return metrics.horizontalAdvance(shown);
    };
    const int dateWidth = drawLabel(dateLabel(date), 1.5, Qt::AlignRight, width - text);
    if (!spec_.title.isEmpty())
        drawLabel(spec_.title, 1.3, Qt::AlignLeft, width - text - dateWidth - 2 * text);
    painter.setRenderHint(QPainter::Antialiasing, false);
    // What the colours show above the ramp, how they were chosen below its ticks; a line too long
    // for the frame ends in an ellipsis rather than off its edge.
    const auto [what, how] = caption(scale, read.units);
    const int margin = std::max(12, text / 2);
    ColourBar::paint(painter, QRect(0, height - barHeight, width, barHeight - text), scale,
                     painter.fontMetrics().elidedText(what, Qt::ElideMiddle, width - 2 * margin), Qt::white);
    QFont small = font;
    small.setPixelSize(std::max(9, font.pixelSize() * 85 / 100));
    painter.setFont(small);
    painter.setPen(QColor(200, 205, 215));
    painter.drawText(QRect(margin, height - text - text / 4, width - 2 * margin, text), Qt::AlignLeft | Qt::AlignVCenter,
                     QFontMetrics(small).elidedText(how, Qt::ElideRight, width - 2 * margin));
    painter.end();
    return out.convertToFormat(QImage::Format_RGBA8888);
}

} // namespace xmw::ui
