#include "ui/plots/time_series_panel.h"

#include <QLabel>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <cmath>

namespace xmw::ui {

namespace {

double toKey(data::Date date)
{
    return double(data::toDayNumber(date)) * 86400.0; // QCustomPlot's date axes count seconds
}

// One hue per site (Okabe–Ito, without the yellow that vanishes on white).
QColor siteColour(std::size_t index)
{
    static const QColor kColours[] = {QColor(0x00, 0x72, 0xB2), QColor(0xD5, 0x5E, 0x00), QColor(0x00, 0x9E, 0x73),
                                      QColor(0xCC, 0x79, 0xA7), QColor(0xE6, 0x9F, 0x00), QColor(0x56, 0xB4, 0xE9)};
    return kColours[index % std::size(kColours)];
}

} // namespace

TimeSeriesPanel::TimeSeriesPanel(QWidget *parent)
    : QWidget(parent)
    , plot_(new QCustomPlot(this))
    , hint_(new QLabel(tr("Click a tower on the globe to see its methane flux here (Ctrl+click to add more)."), this))
{
    setObjectName(QStringLiteral("timeSeriesPanel"));
    plot_->setObjectName(QStringLiteral("timeSeriesPlot"));
    auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
    ticker->setDateTimeFormat(QStringLiteral("yyyy-MM-dd"));
    ticker->setDateTimeSpec(Qt::UTC);
    plot_->xAxis->setTicker(ticker);
    plot_->xAxis->setLabel(tr("Date"));
    plot_->yAxis->setLabel(tr("CH4 flux [nmol CH4 m-2 s-1]"));
    plot_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot_->axisRect()->setRangeDrag(Qt::Horizontal);
    plot_->axisRect()->setRangeZoom(Qt::Horizontal);
    plot_->legend->setVisible(true);
    QFont legendFont = font();
    legendFont.setPointSizeF(legendFont.pointSizeF() * 0.85);
    plot_->legend->setFont(legendFont);
    plot_->legend->setBrush(QColor(255, 255, 255, 200)); // the data stays visible behind it
    plot_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    plot_->setMinimumHeight(180);
    hint_->setAlignment(Qt::AlignCenter);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(hint_);
    layout->addWidget(plot_, 1);
    plot_->hide();
}

void TimeSeriesPanel::showSites(const std::vector<SitePlotData> &sites)
{
    plot_->clearGraphs();
    hint_->setVisible(sites.empty());
    plot_->setVisible(!sites.empty());
    for (std::size_t s = 0; s < sites.size(); ++s) {
        const SitePlotData &site = sites[s];
        const QColor colour = siteColour(s);
        QVector<double> keys, measured, filledKeys, filled, simKeys, simulated;
        for (std::size_t i = 0; i < site.dates.size(); ++i) {
            const double key = toKey(site.dates[i]);
            if (std::isfinite(site.measured[i])) {
                keys.push_back(key);
                measured.push_back(site.measured[i]);
            }
            filledKeys.push_back(key);
            filled.push_back(std::isfinite(site.gapFilled[i]) ? site.gapFilled[i] : qQNaN());
        }
        for (std::size_t i = 0; i < site.cellDates.size(); ++i) {
            simKeys.push_back(toKey(site.cellDates[i]));
            simulated.push_back(std::isfinite(site.simulated[i]) ? site.simulated[i] : qQNaN());
        }

        QCPGraph *gapFilled = plot_->addGraph();
        gapFilled->setName(tr("%1 gap-filled (FCH4_F_ANNOPTLM)").arg(site.id));
        QColor faint = colour;
        faint.setAlpha(90);
        gapFilled->setPen(QPen(faint, 1.0));
        gapFilled->setData(filledKeys, filled, true);

        QCPGraph *observed = plot_->addGraph();
        observed->setName(tr("%1 measured (FCH4_F)").arg(site.id));
        observed->setLineStyle(QCPGraph::lsNone);
        observed->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, colour, colour, 3.5));
        observed->setData(keys, measured, true);

        if (!simulated.isEmpty()) {
            QCPGraph *model = plot_->addGraph();
            model->setName(tr("%1 TEM-MDM cell").arg(site.id));
            model->setPen(QPen(colour.darker(150), 1.6, Qt::DashLine));
            model->setData(simKeys, simulated, true);
        }
    }
    plot_->rescaleAxes();
    plot_->replot();
}

} // namespace xmw::ui
