#include "ui/plots/time_series_panel.h"

#include "ui/app/atomic_write.h"
#include "ui/app/csv_line.h"
#include "ui/app/unit_text.h"
#include "ui/map/palette.h"
#include "ui/plots/plot_font.h"
#include "ui/plots/square_host.h"

#include "core/data/site_catalog.h"
#include "core/learn/metrics.h"

#include <algorithm>

#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QStackedWidget>
#include <QSvgGenerator>
#include <QTabWidget>
#include <QTextStream>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <cmath>
#include <map>
#include <set>

namespace xmw::ui {

namespace {

double toKey(data::Date date)
{
    return double(data::toDayNumber(date)) * 86400.0; // QCustomPlot's date axes count seconds
}

// One hue per site (Okabe–Ito, without the yellow that vanishes on white).
QColor siteColour(std::size_t index)
{
    static constexpr QRgb kColours[] = {palette::kBlue,          palette::kVermillion, palette::kBluishGreen,
                                        palette::kReddishPurple, palette::kOrange,     palette::kSkyBlue};
    return QColor::fromRgb(kColours[index % std::size(kColours)]);
}

// Compared runs, in hues apart from the towers' (Tol's muted scheme).
const QColor kRunColours[] = {QColor::fromRgb(palette::kTolWine), QColor::fromRgb(palette::kTolGreen), QColor::fromRgb(palette::kTolIndigo),
                              QColor::fromRgb(palette::kTolOlive)};

} // namespace

TimeSeriesPanel::TimeSeriesPanel(QWidget *parent)
    : QWidget(parent)
    , unitBox_(new QComboBox(this))
    , driverBox_(new QComboBox(this))
    , tracerLabel_(new QLabel(this))
    , tabs_(new QTabWidget(this))
    , plot_(new QCustomPlot)
    , scatter_(new QCustomPlot)
    , hint_(new QLabel(tr("Click a tower on the globe to see its methane flux here (Ctrl+click to add more)."), this))
    , scatterPage_(new QStackedWidget)
    , scatterHint_(new QLabel(tr("Select a tower to compare its measured days with TEM-MDM here: a grid cell has no observations.")))
{
    setObjectName(QStringLiteral("timeSeriesPanel"));
    plot_->setObjectName(QStringLiteral("timeSeriesPlot"));
    scatter_->setObjectName(QStringLiteral("scatterPlot"));
    tabs_->setObjectName(QStringLiteral("seriesTabs"));
    unitBox_->setObjectName(QStringLiteral("unitBox"));
    tracerLabel_->setObjectName(QStringLiteral("tracerLabel"));
    for (const auto unit : {data::units::Flux::NmolPerSquareMetrePerSecond, data::units::Flux::MgPerSquareMetrePerDay})
        unitBox_->addItem(typesetUnit(QString::fromStdString(data::units::symbol(unit))), int(unit));
    unitBox_->setToolTip(tr("Flux unit of the whole window (map, plots, tables, exports): the towers report nmol m-2 s-1, "
                            "TEM-MDM writes mg m-2 d-1 (1 nmol m-2 s-1 = 1.3863 mg m-2 d-1)"));
    connect(unitBox_, &QComboBox::currentIndexChanged, this, [this] {
        const auto unit = data::units::Flux(unitBox_->currentData().toInt());
        setUnit(unit);
        Q_EMIT unitChosen(unit);
    });
    driverBox_->setObjectName(QStringLiteral("driverBox"));
    driverBox_->setToolTip(tr("A TEM-MDM driver of each series' cell, on the right-hand axis"));
    setDriverChoices({});
    connect(driverBox_, &QComboBox::currentIndexChanged, this, [this] { Q_EMIT driverChanged(driver()); });

    auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
    ticker->setDateTimeFormat(QStringLiteral("yyyy-MM-dd"));
    ticker->setDateTimeSpec(Qt::UTC);
    plot_->xAxis->setTicker(ticker);
    plot_->xAxis->setLabel(tr("Date"));
    plot_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot_->axisRect()->setRangeDrag(Qt::Horizontal);
    plot_->axisRect()->setRangeZoom(Qt::Horizontal);
    scatter_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    for (QCustomPlot *p : {plot_, scatter_}) {
        p->legend->setVisible(true);
        followWidgetFont(p, 0.85);
        p->legend->setBrush(QColor(255, 255, 255, 200)); // the data stays visible behind it
        p->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
        keepVerticalTitlesWhole(p, 180);
    }
    // Observed against simulated: a cloud anywhere in the square. Its legend goes beside the axes,
    // an entry a line, so that it covers no point at any size of the plot or of its text, and the
    // axes stay square (SquareHost, and the scale ratio below).
    scatter_->axisRect()->insetLayout()->take(scatter_->legend);
    auto *beside = new QCPLayoutGrid;
    scatter_->plotLayout()->addElement(0, 1, beside);
    scatter_->plotLayout()->setColumnStretchFactor(1, 0.001);
    beside->addElement(0, 0, scatter_->legend);
    beside->addElement(1, 0, new QCPLayoutElement(scatter_));
    beside->setRowStretchFactor(0, 0.001);
    scatter_->legend->setBrush(Qt::NoBrush);
    scatter_->legend->setBorderPen(Qt::NoPen);
    scatter_->legend->setMargins(QMargins(6, 2, 6, 2));
    // A year of daily flux fills its axes from edge to edge: its legend goes beside them, in
    // columns of at most eight entries, so that it never covers data however many towers are shown.
    plot_->axisRect()->insetLayout()->take(plot_->legend);
    auto *side = new QCPLayoutGrid;
    plot_->plotLayout()->addElement(0, 1, side);
    plot_->plotLayout()->setColumnStretchFactor(1, 0.001);
    side->addElement(0, 0, plot_->legend);
    side->addElement(1, 0, new QCPLayoutElement(plot_)); // takes the height the entries leave, so they stay together at the top
    side->setRowStretchFactor(0, 0.001);
    plot_->legend->setFillOrder(QCPLayoutGrid::foRowsFirst);
    plot_->legend->setWrap(8);
    plot_->legend->setBrush(Qt::NoBrush);
    plot_->legend->setBorderPen(Qt::NoPen);
    plot_->legend->setMargins(QMargins(6, 0, 4, 0));
    tracer_ = new QCPItemTracer(plot_);
    tracer_->setStyle(QCPItemTracer::tsCircle);
    tracer_->setSize(9);
    tracer_->setPen(QPen(Qt::black, 1.2));
    tracer_->setVisible(false);
    plot_->setMouseTracking(true);
    connect(plot_, &QCustomPlot::mouseMove, this, [this](QMouseEvent *event) {
        tracerLabel_->setText(traceAt(event->position()));
        plot_->replot(QCustomPlot::rpQueuedReplot);
    });

    tabs_->addTab(plot_, tr("Time series"));
    scatterHint_->setObjectName(QStringLiteral("scatterHint"));
    scatterHint_->setAlignment(Qt::AlignCenter);
    scatterHint_->setWordWrap(true);
    // Square axes and the legend beside them: the plot is as wide as it is high plus the legend
    // and the axis' margins.
    auto *host = new SquareHost(scatter_, [this] {
        const QCPAxisRect *rect = scatter_->axisRect();
        return scatter_->legend->outerRect().width() + rect->margins().left() + rect->margins().right();
    });
    scatterPage_->addWidget(host);
    scatterPage_->addWidget(scatterHint_);
    tabs_->addTab(scatterPage_, tr("Observed vs TEM-MDM"));
    // Observed and modelled flux on one scale: equal units per pixel on both axes, so that the 1:1
    // line runs at 45° whatever the shape of the plot. The longer side takes the wider range.
    connect(scatter_, &QCustomPlot::afterLayout, this, [this, host] {
        QMetaObject::invokeMethod(host, &SquareHost::refit, Qt::QueuedConnection); // the legend may have grown
        const QRect r = scatter_->axisRect()->rect();
        if (r.width() <= 0 || r.height() <= 0 || scatter_->graphCount() == 0 || scatterHigh_ <= scatterLow_)
            return;
        scatter_->xAxis->setRange(scatterLow_, scatterHigh_); // from the data's square each time, so nothing ratchets
        scatter_->yAxis->setRange(scatterLow_, scatterHigh_);
        if (r.width() >= r.height())
            scatter_->xAxis->setScaleRatio(scatter_->yAxis, 1.0);
        else
            scatter_->yAxis->setScaleRatio(scatter_->xAxis, 1.0);
    });
    hint_->setAlignment(Qt::AlignCenter);
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Unit"), this));
    top->addWidget(unitBox_);
    top->addSpacing(12);
    top->addWidget(new QLabel(tr("Driver"), this));
    top->addWidget(driverBox_);
    top->addStretch(1);
    top->addWidget(tracerLabel_);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(hint_);
    layout->addWidget(tabs_, 1);
    tabs_->hide();
}

void TimeSeriesPanel::showSites(const std::vector<SitePlotData> &sites)
{
    sites_ = sites;
    hint_->setVisible(sites.empty());
    tabs_->setVisible(!sites.empty());
    redraw();
}

void TimeSeriesPanel::setDriverChoices(const QStringList &variables)
{
    const QSignalBlocker block(driverBox_);
    driverBox_->clear();
    driverBox_->addItem(tr("none"), QString());
    for (const QString &v : variables)
        driverBox_->addItem(v, v);
}

QString TimeSeriesPanel::driver() const { return driverBox_->currentData().toString(); }

void TimeSeriesPanel::setUnit(data::units::Flux unit)
{
    if (unit == unit_)
        return;
    unit_ = unit;
    const QSignalBlocker block(unitBox_);
    unitBox_->setCurrentIndex(unitBox_->findData(int(unit)));
    redraw();
}

double TimeSeriesPanel::inUnit(float nmolPerSecond) const
{
    if (!std::isfinite(nmolPerSecond))
        return qQNaN();
    return data::units::convert(nmolPerSecond, data::units::Flux::NmolPerSquareMetrePerSecond, unit_);
}

QString TimeSeriesPanel::unitSymbol() const { return QString::fromStdString(data::units::symbol(unit_)); }

void TimeSeriesPanel::redraw()
{
    tracer_->setGraph(nullptr);
    tracer_->setVisible(false);
    tracerLabel_->clear();
    drawTimeSeries();
    drawScatter();
}

void TimeSeriesPanel::drawTimeSeries()
{
    plot_->clearGraphs();
    plot_->yAxis->setLabel(tr("CH4 flux\n[%1]").arg(typesetUnit(unitSymbol()))); // two lines: the dock can be short
    QString drivers;
    for (std::size_t s = 0; s < sites_.size(); ++s) {
        const SitePlotData &site = sites_[s];
        const QColor colour = siteColour(s);
        QVector<double> keys, measured, filledKeys, filled, simKeys, simulated;
        for (std::size_t i = 0; i < site.dates.size(); ++i) {
            const double key = toKey(site.dates[i]);
            if (std::isfinite(site.measured[i])) {
                keys.push_back(key);
                measured.push_back(inUnit(site.measured[i]));
            }
            filledKeys.push_back(key);
            filled.push_back(inUnit(site.gapFilled[i]));
        }
        for (std::size_t i = 0; i < site.cellDates.size(); ++i) {
            simKeys.push_back(toKey(site.cellDates[i]));
            simulated.push_back(inUnit(site.simulated[i]));
        }

        if (!site.dates.empty()) { // a tower; a grid cell has only its simulation
            QCPGraph *gapFilled = plot_->addGraph();
            gapFilled->setName(tr("%1 gap-filled (FCH4_F_ANNOPTLM)").arg(site.id));
            QColor faint = colour;
            faint.setAlpha(90);
            gapFilled->setPen(QPen(faint, 1.0));
            gapFilled->setData(filledKeys, filled, true);

            QCPGraph *observed = plot_->addGraph();
            // FCH4_F is partly gap-filled: a file without FCH4 says so in the legend.
            observed->setName(site.measuredColumn == QLatin1String(data::SiteSeries::kMeasuredColumn)
                                  ? tr("%1 measured (FCH4)").arg(site.id)
                                  : tr("%1 measured (FCH4_F: the file has no FCH4 column)").arg(site.id));
            observed->setLineStyle(QCPGraph::lsNone);
            observed->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, colour, colour, 3.5));
            observed->setData(keys, measured, true);
        }

        if (!simulated.isEmpty()) {
            QCPGraph *model = plot_->addGraph();
            model->setName(site.dates.empty() ? tr("%1 TEM-MDM").arg(site.id) : tr("%1 TEM-MDM cell").arg(site.id));
            model->setPen(QPen(colour.darker(150), 1.6, Qt::DashLine));
            model->setData(simKeys, simulated, true);
        }
        if (!site.driverValues.empty()) {
            QVector<double> driver;
            for (const float v : site.driverValues)
                driver.push_back(std::isfinite(v) ? double(v) : qQNaN());
            QCPGraph *graph = plot_->addGraph(plot_->xAxis, plot_->yAxis2);
            graph->setName(tr("%1 %2 [%3] (right axis)").arg(site.id, site.driver, typesetUnit(site.driverUnit)));
            QColor light = colour.lighter(130);
            light.setAlpha(220);
            graph->setPen(QPen(light, 1.3, Qt::DotLine));
            graph->setData(simKeys, driver, true);
            drivers = tr("%1 [%2]").arg(site.driver, typesetUnit(site.driverUnit));
        }
    }
    // Compared runs: each run's prediction with its ensemble spread as a band, test years shaded.
    for (QCPItemRect *shade : testShades_)
        plot_->removeItem(shade);
    testShades_.clear();
    std::set<int> testYears;
    for (const SitePlotData &site : sites_)
        for (std::size_t r = 0; r < site.runs.size(); ++r) {
            const RunPrediction &run = site.runs[r];
            const QColor colour = kRunColours[r % std::size(kRunColours)];
            QVector<double> keys, mean, upper, lower;
            bool spread = false;
            for (std::size_t i = 0; i < run.dates.size(); ++i) {
                keys.push_back(toKey(run.dates[i]));
                mean.push_back(inUnit(run.predicted[i]));
                upper.push_back(inUnit(run.predicted[i] + run.spread[i]));
                lower.push_back(inUnit(run.predicted[i] - run.spread[i]));
                spread = spread || run.spread[i] > 0;
                testYears.insert(run.dates[i].year);
            }
            if (spread) {
                QCPGraph *low = plot_->addGraph();
                low->setPen(Qt::NoPen);
                low->removeFromLegend();
                low->setData(keys, lower, true);
                QCPGraph *high = plot_->addGraph();
                high->setName(tr("%1 %2 ± ensemble spread").arg(site.id, run.run));
                high->setPen(Qt::NoPen);
                QColor band = colour;
                band.setAlpha(50);
                high->setBrush(band);
                high->setChannelFillGraph(low);
                high->setData(keys, upper, true);
            }
            QCPGraph *line = plot_->addGraph();
            line->setName(std::isfinite(run.rmse)
                              ? tr("%1 %2 predicted (test RMSE %3)").arg(site.id, run.run).arg(inUnit(float(run.rmse)), 0, 'g', 3)
                              : tr("%1 %2 predicted").arg(site.id, run.run));
            line->setPen(QPen(colour, 1.8));
            line->setData(keys, mean, true);
        }
    for (const int year : testYears) {
        auto *shade = new QCPItemRect(plot_);
        testShades_.push_back(shade);
        shade->setLayer(QStringLiteral("background"));
        shade->topLeft->setTypeX(QCPItemPosition::ptPlotCoords);
        shade->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
        shade->bottomRight->setTypeX(QCPItemPosition::ptPlotCoords);
        shade->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
        shade->topLeft->setCoords(toKey({year, 1, 1}), 0.0);
        shade->bottomRight->setCoords(toKey({year, 12, 31}) + 86400.0, 1.0);
        shade->setPen(Qt::NoPen);
        shade->setBrush(QColor(0, 0, 0, 18));
    }
    plot_->yAxis2->setVisible(!drivers.isEmpty());
    plot_->yAxis2->setLabel(drivers);
    plot_->rescaleAxes();
    // A flux axis reaches zero, so that TEM-MDM's winter zeros and a tower's small fluxes read as
    // what they are (the drivers' axis keeps its own range).
    const QCPRange flux = plot_->yAxis->range();
    if (plot_->graphCount() > 0 && (flux.lower > 0 || flux.upper < 0))
        plot_->yAxis->setRange(std::min(flux.lower, 0.0), std::max(flux.upper, 0.0));
    plot_->replot();
}

void TimeSeriesPanel::drawScatter()
{
    scatter_->clearGraphs();
    bool anyRun = false;
    for (const SitePlotData &site : sites_)
        anyRun = anyRun || !site.runs.empty();
    const QString unit = typesetUnit(unitSymbol());
    scatter_->xAxis->setLabel(anyRun ? tr("TEM-MDM CH4_emission of the cell, or predicted\n[%1]").arg(unit)
                                     : tr("TEM-MDM CH4_emission of the cell\n[%1]").arg(unit));
    scatter_->yAxis->setLabel(tr("Measured FCH4\n[%1]").arg(unit)); // two lines: the plot can be short
    double low = std::numeric_limits<double>::infinity(), high = -low;
    // One cloud: a modelled series against the tower's measured days, with its agreement figures.
    const auto addCloud = [&](const SitePlotData &site, const QString &label, const std::vector<data::Date> &dates,
                              const std::vector<float> &modelled, QColor colour, QCPScatterStyle::ScatterShape shape) {
        std::map<std::int64_t, float> modelledOn;
        for (std::size_t i = 0; i < dates.size(); ++i)
            modelledOn[data::toDayNumber(dates[i])] = modelled[i];
        std::vector<float> observed, model;
        QVector<double> xs, ys;
        for (std::size_t i = 0; i < site.dates.size(); ++i) {
            const auto it = modelledOn.find(data::toDayNumber(site.dates[i]));
            if (!std::isfinite(site.measured[i]) || it == modelledOn.end() || !std::isfinite(it->second))
                continue;
            observed.push_back(float(inUnit(site.measured[i])));
            model.push_back(float(inUnit(it->second)));
            xs.push_back(model.back());
            ys.push_back(observed.back());
            low = std::min({low, xs.back(), ys.back()});
            high = std::max({high, xs.back(), ys.back()});
        }
        const learn::Metrics m = learn::computeMetrics(observed, model);
        QCPGraph *graph = scatter_->addGraph();
        graph->setName(m.count ? tr("%1: RMSE %2, R² %3, bias %4 (%5 days)")
                                     .arg(label)
                                     .arg(m.rmse, 0, 'g', 3)
                                     .arg(m.r2, 0, 'f', 2)
                                     .arg(m.bias, 0, 'g', 3)
                                     .arg(m.count)
                               : tr("%1: no day with both").arg(label));
        graph->setLineStyle(QCPGraph::lsNone);
        colour.setAlpha(150);
        graph->setScatterStyle(QCPScatterStyle(shape, colour, colour, 3.5));
        graph->setData(xs, ys);
    };
    bool anyTower = false;
    for (std::size_t s = 0; s < sites_.size(); ++s) {
        const SitePlotData &site = sites_[s];
        if (site.dates.empty())
            continue; // a grid cell has no observations
        anyTower = true;
        addCloud(site, site.id, site.cellDates, site.simulated, siteColour(s), QCPScatterStyle::ssDisc);
        for (std::size_t r = 0; r < site.runs.size(); ++r)
            addCloud(site, QStringLiteral("%1 %2").arg(site.id, site.runs[r].run), site.runs[r].dates, site.runs[r].predicted,
                     kRunColours[r % std::size(kRunColours)], QCPScatterStyle::ssTriangle);
    }
    if (std::isfinite(low)) {
        QCPGraph *identity = scatter_->addGraph();
        identity->setName(tr("1:1"));
        identity->setPen(QPen(Qt::gray, 1.2, Qt::DashLine));
        identity->setData({low, high}, {low, high});
        const double margin = (high - low) * 0.04 + 1e-9;
        scatterLow_ = low - margin;
        scatterHigh_ = high + margin;
        scatter_->xAxis->setRange(scatterLow_, scatterHigh_);
        scatter_->yAxis->setRange(scatterLow_, scatterHigh_);
    }
    scatterPage_->setCurrentIndex(anyTower ? 0 : 1);
    scatter_->replot();
}

QString TimeSeriesPanel::traceAt(const QPointF &position)
{
    QCPGraph *nearest = nullptr;
    double nearestKey = 0, nearestValue = 0, best = 30.0; // pixels: farther than this is not "on" a series
    const double key = plot_->xAxis->pixelToCoord(position.x());
    for (int g = 0; g < plot_->graphCount(); ++g) {
        QCPGraph *graph = plot_->graph(g);
        if (graph->data()->isEmpty())
            continue;
        auto it = graph->data()->findBegin(key);
        for (auto candidate : {it, it == graph->data()->constBegin() ? it : it - 1}) {
            if (candidate == graph->data()->constEnd() || !std::isfinite(candidate->value))
                continue;
            const double dx = plot_->xAxis->coordToPixel(candidate->key) - position.x();
            const double dy = plot_->yAxis->coordToPixel(candidate->value) - position.y();
            if (const double d = std::hypot(dx, dy); d < best) {
                best = d;
                nearest = graph;
                nearestKey = candidate->key;
                nearestValue = candidate->value;
            }
        }
    }
    tracer_->setVisible(nearest != nullptr);
    if (!nearest)
        return {};
    tracer_->setGraph(nearest);
    tracer_->setGraphKey(nearestKey);
    const auto day = data::fromDayNumber(std::int64_t(std::llround(nearestKey / 86400.0)));
    return tr("%1 — %2: %3 %4")
        .arg(nearest->name(), QString::fromStdString(data::toIsoString(day)))
        .arg(nearestValue, 0, 'g', 4)
        .arg(typesetUnit(unitSymbol()));
}

QString TimeSeriesPanel::exportFigure(const QString &path, const FigureSize &size) const
{
    // The plot on view; the time series where the scatter's tab shows its hint.
    QCustomPlot *figure = tabs_->currentWidget() == scatterPage_ && scatterPage_->currentIndex() == 0 ? scatter_ : plot_;
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("pdf") && suffix != QLatin1String("svg"))
        return tr("%1: choose a .png, .pdf or .svg file").arg(path);
    // The figure's text in the size asked for, then the screen's again.
    struct Fonts {
        std::vector<std::pair<QCPAxis *, std::pair<QFont, QFont>>> axes;
        QFont legend;
        QSize iconSize;
    } saved;
    const auto sized = [&size](QFont font) {
        font.setPointSizeF(size.fontPoints);
        return font;
    };
    for (QCPAxisRect *rect : figure->axisRects())
        for (QCPAxis *axis : rect->axes()) {
            saved.axes.push_back({axis, {axis->labelFont(), axis->tickLabelFont()}});
            axis->setLabelFont(sized(axis->labelFont()));
            axis->setTickLabelFont(sized(axis->tickLabelFont()));
        }
    saved.legend = figure->legend->font();
    saved.iconSize = figure->legend->iconSize();
    figure->legend->setFont(sized(figure->legend->font()));
    // The legend's symbols keep to the text's size (on screen they are sized for the screen's font).
    const double em = size.fontPoints / 72.0 * QPixmap(1, 1).logicalDpiX();
    figure->legend->setIconSize(QSize(int(std::lround(2.4 * em)), int(std::lround(1.1 * em))));
    // A journal's figure is narrow: the time series' legend goes under the axes, in as many
    // columns as fit, and its dates are spaced by the width (on screen the legend sits beside).
    QCPLayoutGrid *side = nullptr;
    QSharedPointer<QCPAxisTickerDateTime> dates;
    int screenTicks = 0;
    if (figure == plot_) {
        side = qobject_cast<QCPLayoutGrid *>(plot_->plotLayout()->element(0, 1));
        side->take(plot_->legend);
        plot_->plotLayout()->addElement(1, 0, plot_->legend);
        plot_->plotLayout()->setRowStretchFactor(1, 0.001);
        plot_->legend->setWrap(std::max(1, int(size.widthMm / 60))); // an entry is about 60 mm of text
        plot_->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst); // lays the entries out again, by the wrap
        dates = plot_->xAxis->ticker().dynamicCast<QCPAxisTickerDateTime>();
        if (dates) {
            screenTicks = dates->tickCount();
            dates->setTickCount(std::max(2, int(size.widthMm / 30))); // a date label is about 15 mm at 8 pt
        }
    }
    const QSizeF points = size.points();
    const QString error = writeAtomically(path, [&](QIODevice &out) {
        if (suffix == QLatin1String("png")) {
            // Exactly the pixels asked for. Laid out at the screen's resolution, in which the
            // plot's pens and the fonts' points are meant, and scaled up to the dpi asked for.
            const QSize pixels = size.pixels();
            const double logical = QPixmap(1, 1).logicalDpiX(), scale = size.dpi / logical;
            QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
            image.fill(Qt::white);
            image.setDotsPerMeterX(int(std::lround(logical / 0.0254)));
            image.setDotsPerMeterY(int(std::lround(logical / 0.0254)));
            {
                QCPPainter painter(&image);
                painter.setRenderHint(QPainter::Antialiasing);
                painter.scale(scale, scale);
                figure->toPainter(&painter, int(std::floor(pixels.width() / scale)), int(std::floor(pixels.height() / scale)));
            }
            image.setDotsPerMeterX(int(std::lround(size.dpi / 0.0254)));
            image.setDotsPerMeterY(int(std::lround(size.dpi / 0.0254)));
            return image.save(&out, "PNG");
        }
        if (suffix == QLatin1String("pdf")) {
            // As QCustomPlot's savePdf, but into the device: one page the figure's size, in points.
            QPdfWriter pdf(&out);
            pdf.setResolution(72);
            pdf.setCreator(QStringLiteral("X-MethaneWet Explorer"));
            pdf.setPageLayout(
                QPageLayout(QPageSize(points, QPageSize::Point, QString(), QPageSize::ExactMatch), QPageLayout::Portrait, QMarginsF()));
            QCPPainter painter;
            if (!painter.begin(&pdf))
                return false;
            painter.setMode(QCPPainter::pmVectorized);
            painter.setMode(QCPPainter::pmNoCaching);
            figure->toPainter(&painter, int(std::lround(points.width())), int(std::lround(points.height())));
            return painter.end();
        }
        QSvgGenerator svg;
        svg.setOutputDevice(&out);
        svg.setResolution(72); // a unit is a point
        svg.setSize(points.toSize());
        svg.setViewBox(QRect(QPoint(0, 0), points.toSize()));
        svg.setTitle(tr("Methane flux"));
        QCPPainter painter;
        if (!painter.begin(&svg))
            return false;
        figure->toPainter(&painter, points.toSize().width(), points.toSize().height());
        return painter.end();
    });
    for (const auto &[axis, fonts] : saved.axes) {
        axis->setLabelFont(fonts.first);
        axis->setTickLabelFont(fonts.second);
    }
    figure->legend->setFont(saved.legend);
    figure->legend->setIconSize(saved.iconSize);
    if (side) {
        plot_->plotLayout()->take(plot_->legend);
        plot_->plotLayout()->simplify();
        side->addElement(0, 0, plot_->legend);
        plot_->legend->setWrap(8);
        plot_->legend->setFillOrder(QCPLayoutGrid::foRowsFirst);
        if (dates)
            dates->setTickCount(screenTicks);
    }
    figure->replot();
    return error;
}

QString TimeSeriesPanel::exportCsv(const QString &path) const
{
    // Every day any series has, in order; blank where a series has no value that day. Towers get
    // measured, gap-filled and simulated columns, cells the simulated one; then the driver, if any.
    std::vector<std::size_t> firstColumn;
    QStringList header = {QStringLiteral("date")};
    for (const SitePlotData &site : sites_) {
        firstColumn.push_back(std::size_t(header.size() - 1));
        if (!site.dates.empty())
            header << QStringLiteral("%1 %2 [%3]").arg(site.id, site.measuredColumn, unitSymbol())
                   << QStringLiteral("%1 FCH4_F_ANNOPTLM [%2]").arg(site.id, unitSymbol());
        header << QStringLiteral("%1 TEM-MDM CH4_emission [%2]").arg(site.id, unitSymbol());
        if (!site.driverValues.empty())
            header << QStringLiteral("%1 TEM-MDM %2 [%3]").arg(site.id, site.driver, site.driverUnit);
        for (const RunPrediction &run : site.runs)
            header << QStringLiteral("%1 %2 predicted [%3]").arg(site.id, run.run, unitSymbol())
                   << QStringLiteral("%1 %2 spread [%3]").arg(site.id, run.run, unitSymbol());
    }
    const std::size_t columns = std::size_t(header.size() - 1);
    std::map<std::int64_t, QStringList> rows;
    const auto put = [&](data::Date date, std::size_t column, double value) {
        auto &row = rows[data::toDayNumber(date)];
        row.resize(qsizetype(columns));
        if (std::isfinite(value))
            row[qsizetype(column)] = QString::number(value, 'g', 7);
    };
    for (std::size_t s = 0; s < sites_.size(); ++s) {
        const SitePlotData &site = sites_[s];
        std::size_t column = firstColumn[s];
        for (std::size_t i = 0; i < site.dates.size(); ++i) {
            put(site.dates[i], column, inUnit(site.measured[i]));
            put(site.dates[i], column + 1, inUnit(site.gapFilled[i]));
        }
        if (!site.dates.empty())
            column += 2;
        for (std::size_t i = 0; i < site.cellDates.size(); ++i) {
            put(site.cellDates[i], column, inUnit(site.simulated[i]));
            if (!site.driverValues.empty())
                put(site.cellDates[i], column + 1, site.driverValues[i]);
        }
        column += site.driverValues.empty() ? 1 : 2;
        for (const RunPrediction &run : site.runs) {
            for (std::size_t i = 0; i < run.dates.size(); ++i) {
                put(run.dates[i], column, inUnit(run.predicted[i]));
                put(run.dates[i], column + 1, inUnit(run.spread[i]));
            }
            column += 2;
        }
    }
    return writeAtomically(path, [&](QIODevice &out) {
        QTextStream stream(&out);
        stream << csvLine(header) << '\n';
        for (const auto &[day, values] : rows)
            stream << csvLine(QStringList{QString::fromStdString(data::toIsoString(data::fromDayNumber(day)))} + values) << '\n';
        stream.flush();
        return stream.status() == QTextStream::Ok;
    });
}

} // namespace xmw::ui
