#pragma once

#include "core/data/calendar.h"
#include "ui/data/dataset_loader.h"
#include "ui/data/latest_only_runner.h"

#include <QObject>
#include <QStringList>

#include <vector>

namespace xmw::ui {

// What the time-series panel draws for one tower, all fluxes in nmol CH4 m-2 s-1.
struct SitePlotData {
    QString id;
    std::vector<data::Date> dates;       // the tower's days
    std::vector<float> measured;         // FCH4_F (NaN in gaps)
    std::vector<float> gapFilled;        // FCH4_F_ANNOPTLM
    std::vector<data::Date> cellDates;   // every day of the tower's years that TEM-MDM covers
    std::vector<float> simulated;        // TEM-MDM CH4_emission of the tower's cell, converted
};

// Gathers the selected towers' series on a worker thread (the TEM-MDM part reads files); the
// newest request wins.
class SiteSeriesRequester : public QObject {
    Q_OBJECT

public:
    explicit SiteSeriesRequester(QObject *parent = nullptr);

    void request(const DatasetPtr &dataset, const QStringList &ids);

Q_SIGNALS:
    void ready(const std::vector<xmw::ui::SitePlotData> &sites);
    void failed(const QString &message);

private:
    struct Request {
        DatasetPtr dataset;
        QStringList ids;
    };
    struct Outcome {
        std::vector<SitePlotData> sites;
        QString error;
    };
    LatestOnlyRunner<Request, Outcome> runner_;
};

} // namespace xmw::ui
