#pragma once

#include "core/data/budget.h"
#include "ui/data/dataset_loader.h"

#include <QList>
#include <QPointF>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace xmw::ui {

// What the Budget panel asks for: the sources, the years, the regions beyond the globe and the
// GCP bands, and the wetland map (none: mean fluxes only).
struct BudgetRequest {
    DatasetPtr dataset;
    QString wetlandMap;
    QString wetlandVariable = QStringLiteral("Fw");
    QStringList runFiles; // upscaled NetCDF files: each gives the run and the run − TEM-MDM
    int firstYear = 0, lastYear = 0;
    std::vector<data::BudgetRegion> extraRegions; // a box, a GeoJSON file's polygons, a drawn region
};

// What comes back: every source, region and year with its months, and the zonal profiles.
struct BudgetResult {
    std::vector<data::BudgetRow> rows; // each year, then its 12 months
    std::vector<data::ZonalBand> zonal;
    QStringList sources, regions;
    bool hasTotals = false; // a wetland map was used
    QString wetlandMap;
};

// Computes a request (on a worker thread: reads a month of a source at a time).
[[nodiscard]] BudgetResult computeBudget(const BudgetRequest &request, Feedback &feedback);

// A region drawn on the map, as a polygon of its corners (lon, lat), closed.
[[nodiscard]] data::BudgetRegion drawnRegion(const QList<QPointF> &lonLat, const QString &name);

} // namespace xmw::ui
