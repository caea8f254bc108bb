#include "ui/budget/budget_request.h"

#include "core/data/data_error.h"
#include "core/data/wetland_area.h"

#include <memory>

namespace xmw::ui {

BudgetResult computeBudget(const BudgetRequest &request, Feedback &feedback)
{
    if (!request.dataset || !request.dataset->grid())
        throw data::DataError(request.dataset ? request.dataset->root() : std::filesystem::path(),
                              "has no TEM-MDM grids, so it has no budget");
    const data::GridDataset &grid = *request.dataset->grid();
    std::unique_ptr<data::WetlandAreaMap> wetland;
    if (!request.wetlandMap.isEmpty())
        wetland =
            std::make_unique<data::WetlandAreaMap>(request.wetlandMap.toStdString(), request.wetlandVariable.toStdString(), grid.grid());

    std::vector<data::BudgetRegion> regions = data::gcpRegions();
    regions.insert(regions.end(), request.extraRegions.begin(), request.extraRegions.end());
    std::vector<data::BudgetSource> sources = {data::BudgetSource::temMdm()};
    for (const QString &file : request.runFiles) {
        sources.push_back(data::BudgetSource::run(file.toStdString()));
        sources.push_back(data::BudgetSource::runMinusTemMdm(file.toStdString()));
    }

    BudgetResult result;
    const data::BudgetCalculator calculator(grid, wetland.get(), regions);
    result.rows = calculator.compute(sources, request.firstYear, request.lastYear, true, feedback, &result.zonal);
    for (const auto &source : sources)
        result.sources << QString::fromStdString(source.name);
    for (const auto &region : calculator.regions())
        result.regions << QString::fromStdString(region.name);
    result.hasTotals = wetland != nullptr;
    result.wetlandMap = request.wetlandMap;
    return result;
}

data::BudgetRegion drawnRegion(const QList<QPointF> &lonLat, const QString &name)
{
    data::BudgetRegion region;
    region.kind = data::BudgetRegion::Kind::Polygons;
    region.name = name.toStdString();
    data::BudgetRegion::Ring ring;
    for (const QPointF &p : lonLat)
        ring.push_back({p.y(), p.x()});
    if (!ring.empty())
        ring.push_back(ring.front());
    region.polygons = {{ring}};
    return region;
}

} // namespace xmw::ui
