#pragma once

#include "ui/app/figure_size.h"

#include "core/data/units.h"
#include "ui/plots/site_series_requester.h"

#include <QWidget>

class QComboBox;
class QCustomPlot;
class QCPItemRect;
class QCPItemTracer;
class QLabel;
class QMouseEvent;
class QStackedWidget;
class QTabWidget;

namespace xmw::ui {

// Observed and simulated methane flux of the selected towers. The "Time series" tab draws measured
// FCH4 as points, the gap-filled record as a faint line and TEM-MDM's emission of the tower's cell
// as a line (drag pans, the wheel zooms along time; a tracer reads off the nearest value). The
// "Observed vs TEM-MDM" tab scatters measured days against the cell's emission with the 1:1 line,
// RMSE, R² and bias per tower. Both in the unit chosen above them.
class TimeSeriesPanel : public QWidget {
    Q_OBJECT

public:
    explicit TimeSeriesPanel(QWidget *parent = nullptr);

    void showSites(const std::vector<SitePlotData> &sites);
    // The TEM-MDM variables offered as drivers on the second axis (none chosen afterwards).
    void setDriverChoices(const QStringList &variables);
    [[nodiscard]] QString driver() const;
    void setUnit(data::units::Flux unit);
    [[nodiscard]] data::units::Flux unit() const { return unit_; }
    [[nodiscard]] QCustomPlot *plot() const { return plot_; }
    [[nodiscard]] QCustomPlot *scatterPlot() const { return scatter_; }
    [[nodiscard]] bool isEmpty() const { return sites_.empty(); }
    // The tracer's reading for a point of the time-series plot (widget coordinates); empty off the data.
    [[nodiscard]] QString traceAt(const QPointF &position);

    // The figure of the tab shown, as PNG, PDF or SVG (from the file's suffix), publication-sized;
    // empty or the problem.
    [[nodiscard]] QString exportFigure(const QString &path, const FigureSize &size = {}) const;
    // The data behind the figures: one row per day, ISO dates, units in the header.
    [[nodiscard]] QString exportCsv(const QString &path) const;

Q_SIGNALS:
    void driverChanged(const QString &variable); // "" for none: the series are to be fetched again
    void unitChosen(xmw::data::units::Flux unit); // by the user, in the panel's unit box: for the whole window

private:
    void redraw();
    void drawTimeSeries();
    void drawScatter();
    [[nodiscard]] double inUnit(float nmolPerSecond) const;
    [[nodiscard]] QString unitSymbol() const;

    std::vector<SitePlotData> sites_;
    data::units::Flux unit_ = data::units::Flux::NmolPerSquareMetrePerSecond;
    QComboBox *unitBox_ = nullptr, *driverBox_ = nullptr;
    QLabel *tracerLabel_ = nullptr;
    QTabWidget *tabs_ = nullptr;
    QCustomPlot *plot_ = nullptr, *scatter_ = nullptr;
    QCPItemTracer *tracer_ = nullptr;
    std::vector<QCPItemRect *> testShades_; // the compared runs' test years
    QLabel *hint_ = nullptr;
    // The scatter's tab: the plot, or where no tower is selected (a grid cell has no
    // observations) a hint to select one.
    QStackedWidget *scatterPage_ = nullptr;
    QLabel *scatterHint_ = nullptr;
    double scatterLow_ = 0, scatterHigh_ = 0; // the data's square, before the axes are made 1:1
};

} // namespace xmw::ui
