#include "ui/plots/plot_font.h"

#include <qcustomplot.h>

#include <QEvent>
#include <QFontMetrics>

#include <algorithm>

namespace xmw::ui {

namespace {

class FontFollower : public QObject {
public:
    FontFollower(QCustomPlot *plot, double legendScale)
        : QObject(plot)
        , plot_(plot)
        , legendScale_(legendScale)
    {
        apply();
        plot->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == plot_ && event->type() == QEvent::FontChange)
            apply();
        return QObject::eventFilter(watched, event);
    }

private:
    void apply()
    {
        // The size set explicitly, so that what is measured is what is painted.
        QFont text = plot_->font();
        text.setPointSizeF(text.pointSizeF());
        for (QCPAxisRect *rect : plot_->axisRects())
            for (QCPAxis *axis : rect->axes()) {
                axis->setLabelFont(text);
                axis->setTickLabelFont(text);
                axis->setSelectedLabelFont(text);
                axis->setSelectedTickLabelFont(text);
            }
        QFont legend = text;
        legend.setPointSizeF(text.pointSizeF() * legendScale_);
        plot_->legend->setFont(legend);
        plot_->legend->setSelectedFont(legend);
        plot_->replot(QCustomPlot::rpQueuedReplot);
    }

    QCustomPlot *plot_;
    double legendScale_;
};

int verticalTitlesHeight(const QCustomPlot *plot)
{
    int longest = 0;
    for (QCPAxisRect *rect : plot->axisRects())
        for (QCPAxis *axis : rect->axes(QCPAxis::atLeft | QCPAxis::atRight))
            if (axis->visible() && !axis->label().isEmpty()) {
                const QFontMetrics metrics(axis->labelFont());
                for (const QString &line : axis->label().split(QLatin1Char('\n')))
                    longest = std::max(longest, metrics.horizontalAdvance(line));
            }
    // Plus what is above and below the axes (the dates, the x title), as last laid out; before the
    // first layout, about two lines and the padding.
    const QCPAxisRect *rect = plot->axisRect();
    const int around =
        rect && rect->height() > 0 ? plot->height() - rect->height() : 2 * QFontMetrics(plot->xAxis->tickLabelFont()).lineSpacing() + 30;
    return longest + around;
}

} // namespace

void keepVerticalTitlesWhole(QCustomPlot *plot, int minimumHeight)
{
    plot->setMinimumHeight(minimumHeight);
    QObject::connect(plot, &QCustomPlot::beforeReplot, plot, [plot, minimumHeight] {
        const int wanted = std::max(minimumHeight, verticalTitlesHeight(plot));
        if (plot->minimumHeight() != wanted)
            plot->setMinimumHeight(wanted);
    });
}

void followWidgetFont(QCustomPlot *plot, double legendScale) { new FontFollower(plot, legendScale); }

} // namespace xmw::ui
