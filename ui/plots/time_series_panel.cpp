#include "ui/plots/time_series_panel.h"

#include "ui/app/atomic_write.h"

#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QSvgGenerator>
#include <QTextStream>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <cmath>
#include <map>

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
    sites_ = sites;
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

QString TimeSeriesPanel::exportFigure(const QString &path) const
{
    constexpr int kWidth = 1600, kHeight = 700; // 16 × 7 cm at 254 dpi with 1× scale
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("pdf") && suffix != QLatin1String("svg"))
        return tr("%1: choose a .png, .pdf or .svg file").arg(path);
    return writeAtomically(path, [&](const QString &file) {
        if (suffix == QLatin1String("png"))
            return plot_->savePng(file, kWidth, kHeight, 1.0);
        if (suffix == QLatin1String("pdf"))
            return plot_->savePdf(file, kWidth / 2, kHeight / 2);
        QSvgGenerator svg;
        svg.setFileName(file);
        svg.setSize(QSize(kWidth / 2, kHeight / 2));
        svg.setViewBox(QRect(0, 0, kWidth / 2, kHeight / 2));
        svg.setTitle(tr("Methane flux"));
        QCPPainter painter;
        if (!painter.begin(&svg))
            return false;
        plot_->toPainter(&painter, kWidth / 2, kHeight / 2);
        return painter.end();
    });
}

QString TimeSeriesPanel::exportCsv(const QString &path) const
{
    // Every day any series has, in order; blank where a series has no value that day.
    std::map<std::int64_t, QStringList> rows;
    const std::size_t columns = sites_.size() * 3;
    const auto put = [&](data::Date date, std::size_t column, float value) {
        auto &row = rows[data::toDayNumber(date)];
        row.resize(columns);
        if (std::isfinite(value))
            row[column] = QString::number(double(value), 'g', 7);
    };
    QStringList header = {QStringLiteral("date")};
    for (std::size_t s = 0; s < sites_.size(); ++s) {
        const SitePlotData &site = sites_[s];
        header << QStringLiteral("%1 FCH4_F [nmol CH4 m-2 s-1]").arg(site.id)
               << QStringLiteral("%1 FCH4_F_ANNOPTLM [nmol CH4 m-2 s-1]").arg(site.id)
               << QStringLiteral("%1 TEM-MDM CH4_emission [nmol CH4 m-2 s-1]").arg(site.id);
        for (std::size_t i = 0; i < site.dates.size(); ++i) {
            put(site.dates[i], s * 3, site.measured[i]);
            put(site.dates[i], s * 3 + 1, site.gapFilled[i]);
        }
        for (std::size_t i = 0; i < site.cellDates.size(); ++i)
            put(site.cellDates[i], s * 3 + 2, site.simulated[i]);
    }
    return writeAtomically(path, [&](const QString &file) {
        QFile out(file);
        if (!out.open(QIODevice::WriteOnly | QIODevice::Text))
            return false;
        QTextStream stream(&out);
        stream << header.join(QLatin1Char(',')) << '\n';
        for (const auto &[day, values] : rows)
            stream << QString::fromStdString(data::toIsoString(data::fromDayNumber(day))) << ',' << values.join(QLatin1Char(',')) << '\n';
        stream.flush();
        return out.error() == QFileDevice::NoError;
    });
}

} // namespace xmw::ui
