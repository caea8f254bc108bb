#pragma once

#include "core/data/calendar.h"
#include "ui/data/dataset_loader.h"
#include "ui/data/latest_only_runner.h"

#include <QObject>
#include <QStringList>

#include <optional>
#include <utility>
#include <vector>

namespace xmw::ui {

// A trained run's test prediction for one tower: every test year's 365 days (no 29 February).
struct RunPrediction {
    QString run; // the run's name
    std::vector<data::Date> dates;
    std::vector<float> predicted, spread; // spread: ensemble standard deviation (0 for one model)
    double rmse = 0; // the run's test RMSE at this tower (NaN without observations)
};

// What the time-series panel draws for one tower or grid cell, all fluxes in nmol CH4 m-2 s-1.
struct SitePlotData {
    QString id; // a tower's id, or a cell's position
    std::vector<data::Date> dates; // the tower's days (none for a cell)
    std::vector<float> measured; // FCH4, not gap-filled (NaN on other days)
    QString measuredColumn; // "FCH4", or "FCH4_F" where the tower's file has no FCH4 column
    std::vector<float> gapFilled; // FCH4_F_ANNOPTLM
    std::vector<data::Date> cellDates; // every day of the tower's years (a cell: the map's year) that TEM-MDM covers
    std::vector<float> simulated; // TEM-MDM CH4_emission of the cell, converted
    QString driver, driverUnit; // a TEM-MDM driver of the same cell, on request
    std::vector<float> driverValues; // on cellDates
    std::vector<RunPrediction> runs; // the compared runs' predictions for this tower
};

// What to plot: towers by id and, optionally, one grid cell.
struct SeriesSelection {
    QStringList towers;
    std::optional<std::pair<double, double>> cell; // lat, lon
    int cellYear = 0; // the year shown for the cell
    QString driver; // "" for none
    QStringList runs; // run files whose predictions are compared
};

// Gathers the selected towers' series on a worker thread (the TEM-MDM part reads files); the
// newest request wins.
class SiteSeriesRequester : public QObject {
    Q_OBJECT

public:
    explicit SiteSeriesRequester(QObject *parent = nullptr);

    void request(const DatasetPtr &dataset, const SeriesSelection &selection);

Q_SIGNALS:
    void ready(const std::vector<xmw::ui::SitePlotData> &sites);
    void failed(const QString &message);

private:
    struct Request {
        DatasetPtr dataset;
        SeriesSelection selection;
    };
    struct Outcome {
        std::vector<SitePlotData> sites;
        QString error;
    };
    LatestOnlyRunner<Request, Outcome> runner_;
};

} // namespace xmw::ui
