#pragma once

#include "core/data/units.h"
#include "ui/budget/budget_request.h"

#include <QTabWidget>

class QCustomPlot;

namespace xmw::ui {

// The Budget panel's figures, one tab each: the yearly totals of each source over the years (the
// interannual variability), its monthly series, the mean seasonal cycle of each region, and the
// zonal profile (mean flux against latitude, as beside a map). Totals in Tg CH4 where there is a
// wetland map, else mean fluxes in the window's unit.
class BudgetCharts : public QTabWidget {
    Q_OBJECT

public:
    explicit BudgetCharts(QWidget *parent = nullptr);

    // `region`: the region of the yearly and monthly figures; `source`: that of the seasonal cycle.
    // `meanFlux`: the years, months and seasons as mean fluxes even where there are totals.
    void show(const BudgetResult &result, int region, int source, data::units::Flux unit, bool meanFlux = false);
    void clear();
    [[nodiscard]] QCustomPlot *plot(int tab) const;
    // The figure shown, as a PNG at twice its size on screen; empty or the problem.
    [[nodiscard]] QString savePng(const QString &path) const;

private:
    void showYears(const BudgetResult &result, int region, const QString &valueTitle, data::units::Flux unit);
    void showMonths(const BudgetResult &result, int region, const QString &valueTitle, data::units::Flux unit);
    void showSeasons(const BudgetResult &result, int source, const QString &valueTitle, data::units::Flux unit);
    bool totals_ = false; // the figures show totals (Tg), not mean fluxes
    void showZonal(const BudgetResult &result, data::units::Flux unit);

    QCustomPlot *years_ = nullptr, *months_ = nullptr, *seasons_ = nullptr, *zonal_ = nullptr;
};

} // namespace xmw::ui
