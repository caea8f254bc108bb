#pragma once

#include "ui/plots/site_series_requester.h"

#include <QWidget>

class QCustomPlot;
class QLabel;

namespace xmw::ui {

// Observed and simulated methane flux of the selected towers over time: measured FCH4 as points,
// the gap-filled record as a faint line, TEM-MDM's emission of the tower's cell as a line, all in
// nmol CH4 m-2 s-1. Drag pans, the wheel zooms (both along time).
class TimeSeriesPanel : public QWidget {
    Q_OBJECT

public:
    explicit TimeSeriesPanel(QWidget *parent = nullptr);

    void showSites(const std::vector<SitePlotData> &sites);
    [[nodiscard]] QCustomPlot *plot() const { return plot_; }
    [[nodiscard]] bool isEmpty() const { return sites_.empty(); }

    // The figure as PNG, PDF or SVG (from the file's suffix), publication-sized; empty or the problem.
    [[nodiscard]] QString exportFigure(const QString &path) const;
    // The data behind the figure: one row per day, ISO dates, units in the header.
    [[nodiscard]] QString exportCsv(const QString &path) const;

private:
    std::vector<SitePlotData> sites_;
    QCustomPlot *plot_ = nullptr;
    QLabel *hint_ = nullptr;
};

} // namespace xmw::ui
