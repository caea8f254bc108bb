#include "ui/budget/budget_charts.h"

#include "ui/app/flux_unit_choice.h"
#include "ui/map/palette.h"
#include "ui/plots/plot_font.h"

#include <QLocale>

#include <qcustomplot.h>

#include <cmath>
#include <map>

namespace xmw::ui {

namespace {

const QRgb kSeriesColours[] = {palette::kBlue,          palette::kOrange,  palette::kBluishGreen, palette::kVermillion,
                               palette::kReddishPurple, palette::kSkyBlue, palette::kTolWine,     palette::kTolOlive};

QColor seriesColour(int i) { return QColor::fromRgb(kSeriesColours[std::size_t(i) % std::size(kSeriesColours)]); }

QCustomPlot *newPlot(const char *name)
{
    auto *plot = new QCustomPlot;
    plot->setObjectName(QLatin1String(name));
    plot->setMinimumHeight(60);
    // The legend in a row under the axes, its entries side by side: inside, it hid the points.
    plot->legend->setVisible(true);
    plot->axisRect()->insetLayout()->take(plot->legend);
    plot->plotLayout()->addElement(1, 0, plot->legend);
    plot->plotLayout()->setRowStretchFactor(1, 0.001);
    plot->legend->setFillOrder(QCPLegend::foColumnsFirst);
    plot->legend->setBorderPen(Qt::NoPen);
    followWidgetFont(plot, 0.9);
    return plot;
}

void reset(QCustomPlot *plot)
{
    plot->clearGraphs();
    plot->clearPlottables();
    plot->xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
}

// A row's value as the figures show it: Tg, or the mean flux in the window's unit.
double valueOf(const data::BudgetRow &row, bool totals, data::units::Flux unit)
{
    return totals ? row.teragrams : data::units::convert(row.meanFlux, data::units::Flux::MgPerSquareMetrePerDay, unit);
}

QCPGraph *addLine(QCustomPlot *plot, const QString &name, int colour, bool dashed = false)
{
    QCPGraph *graph = plot->addGraph();
    graph->setName(name);
    QPen pen(seriesColour(colour), 2.0);
    if (dashed)
        pen.setStyle(Qt::DashLine);
    graph->setPen(pen);
    graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 5));
    return graph;
}

} // namespace

BudgetCharts::BudgetCharts(QWidget *parent)
    : QTabWidget(parent)
{
    setObjectName(QStringLiteral("budgetCharts"));
    years_ = newPlot("budgetYears");
    months_ = newPlot("budgetMonths");
    seasons_ = newPlot("budgetSeasons");
    zonal_ = newPlot("budgetZonal");
    addTab(years_, tr("Years"));
    addTab(months_, tr("Months"));
    addTab(seasons_, tr("Seasonal cycle"));
    addTab(zonal_, tr("Zonal profile"));
    setTabToolTip(0, tr("Each year's total: the interannual variability of each source"));
    setTabToolTip(1, tr("Each month's total through the years"));
    setTabToolTip(2, tr("The mean of each calendar month over the years, for each band and region"));
    setTabToolTip(3, tr("The mean flux per m² of wetland against latitude, in bands of at least 1°"));
}

QCustomPlot *BudgetCharts::plot(int tab) const { return qobject_cast<QCustomPlot *>(widget(tab)); }

void BudgetCharts::clear()
{
    for (QCustomPlot *plot : {years_, months_, seasons_, zonal_}) {
        reset(plot);
        plot->replot();
    }
}

void BudgetCharts::show(const BudgetResult &result, int region, int source, data::units::Flux unit, bool meanFlux)
{
    totals_ = result.hasTotals && !meanFlux;
    const QString valueTitle = totals_ ? tr("Tg CH₄") : FluxUnitChoice::symbolOf(unit);
    showYears(result, region, valueTitle, unit);
    showMonths(result, region, valueTitle, unit);
    showSeasons(result, source, valueTitle, unit);
    showZonal(result, unit);
}

void BudgetCharts::showYears(const BudgetResult &result, int region, const QString &valueTitle, data::units::Flux unit)
{
    reset(years_);
    for (int s = 0; s < result.sources.size(); ++s) {
        QCPGraph *graph = addLine(years_, result.sources[s], s, result.sources[s].contains(QStringLiteral(" − ")));
        for (const auto &row : result.rows)
            if (int(row.sourceIndex) == s && int(row.regionIndex) == region && row.month == 0)
                graph->addData(row.year, valueOf(row, totals_, unit));
    }
    auto ticker = QSharedPointer<QCPAxisTickerFixed>::create();
    ticker->setTickStep(1);
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    years_->xAxis->setTicker(ticker);
    years_->xAxis->setNumberFormat(QStringLiteral("f"));
    years_->xAxis->setNumberPrecision(0);
    // What the values are goes under the x axis: the dock is low, and a title along the y axis would be cut.
    years_->xAxis->setLabel(tr("%1 per year — %2").arg(valueTitle, result.regions.value(region)));
    years_->rescaleAxes();
    years_->xAxis->scaleRange(1.1);
    years_->yAxis->scaleRange(1.15);
    years_->replot();
}

void BudgetCharts::showMonths(const BudgetResult &result, int region, const QString &valueTitle, data::units::Flux unit)
{
    reset(months_);
    for (int s = 0; s < result.sources.size(); ++s) {
        QCPGraph *graph = addLine(months_, result.sources[s], s, result.sources[s].contains(QStringLiteral(" − ")));
        graph->setScatterStyle(QCPScatterStyle::ssNone);
        for (const auto &row : result.rows)
            if (int(row.sourceIndex) == s && int(row.regionIndex) == region && row.month > 0)
                graph->addData(row.year + (row.month - 0.5) / 12.0, valueOf(row, totals_, unit));
    }
    months_->xAxis->setNumberFormat(QStringLiteral("f"));
    months_->xAxis->setNumberPrecision(0);
    months_->xAxis->setLabel(tr("%1 per month — %2").arg(valueTitle, result.regions.value(region)));
    months_->rescaleAxes();
    months_->yAxis->scaleRange(1.15);
    months_->replot();
}

void BudgetCharts::showSeasons(const BudgetResult &result, int source, const QString &valueTitle, data::units::Flux unit)
{
    reset(seasons_);
    // The mean over the years of each calendar month, per region but the globe.
    for (int r = 1; r < result.regions.size(); ++r) {
        std::map<int, std::pair<double, int>> byMonth;
        for (const auto &row : result.rows)
            if (int(row.sourceIndex) == source && int(row.regionIndex) == r && row.month > 0) {
                const double v = valueOf(row, totals_, unit);
                if (std::isfinite(v)) {
                    byMonth[row.month].first += v;
                    ++byMonth[row.month].second;
                }
            }
        QCPGraph *graph = addLine(seasons_, result.regions[r], r - 1, r > 4);
        for (const auto &[month, sum] : byMonth)
            graph->addData(month, sum.first / sum.second);
    }
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (int m = 1; m <= 12; ++m)
        ticker->addTick(m, QLocale().monthName(m, QLocale::ShortFormat));
    seasons_->xAxis->setTicker(ticker);
    seasons_->xAxis->setLabel(tr("%1 per month, mean over the years — %2").arg(valueTitle, result.sources.value(source)));
    seasons_->rescaleAxes();
    seasons_->xAxis->setRange(0.5, 12.5);
    seasons_->yAxis->scaleRange(1.15);
    seasons_->replot();
}

void BudgetCharts::showZonal(const BudgetResult &result, data::units::Flux unit)
{
    reset(zonal_);
    for (int s = 0; s < result.sources.size(); ++s) {
        // Flux against latitude: a curve, so x is the flux and y the latitude.
        auto *curve = new QCPCurve(zonal_->xAxis, zonal_->yAxis);
        curve->setName(result.sources[s]);
        QPen pen(seriesColour(s), 2.0);
        if (result.sources[s].contains(QStringLiteral(" − ")))
            pen.setStyle(Qt::DashLine);
        curve->setPen(pen);
        int t = 0;
        for (const auto &band : result.zonal)
            if (int(band.sourceIndex) == s && std::isfinite(band.meanFlux))
                curve->addData(t++, data::units::convert(band.meanFlux, data::units::Flux::MgPerSquareMetrePerDay, unit),
                               (band.south + band.north) / 2);
    }
    zonal_->xAxis->setLabel(tr("mean flux per m² of wetland (%1) against latitude (°)").arg(FluxUnitChoice::symbolOf(unit)));
    zonal_->yAxis->setTicker(QSharedPointer<QCPAxisTickerFixed>::create());
    qSharedPointerCast<QCPAxisTickerFixed>(zonal_->yAxis->ticker())->setTickStep(30);
    zonal_->yAxis->setNumberFormat(QStringLiteral("f"));
    zonal_->yAxis->setNumberPrecision(0);
    zonal_->rescaleAxes();
    zonal_->yAxis->setRange(-90, 90);
    zonal_->xAxis->scaleRange(1.1);
    zonal_->replot();
}

QString BudgetCharts::savePng(const QString &path) const
{
    auto *plot = qobject_cast<QCustomPlot *>(currentWidget());
    if (!plot)
        return tr("No figure to save");
    // QCustomPlot writes the file itself; through a temporary name so a failure leaves nothing.
    const QString partial = path + QStringLiteral(".partial");
    if (!plot->savePng(partial, plot->width(), plot->height(), 2.0)) {
        QFile::remove(partial);
        return tr("Could not write %1").arg(path);
    }
    QFile::remove(path);
    if (!QFile::rename(partial, path)) {
        QFile::remove(partial);
        return tr("Could not write %1").arg(path);
    }
    return {};
}

} // namespace xmw::ui
