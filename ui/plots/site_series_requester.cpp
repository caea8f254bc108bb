#include "ui/plots/site_series_requester.h"

#include "core/data/data_error.h"
#include "core/data/dataset.h"
#include "core/data/units.h"


#include <algorithm>

namespace xmw::ui {

namespace {

SitePlotData gather(const data::Dataset &dataset, const QString &id)
{
    const data::Site *site = dataset.sites()->find(id.toStdString());
    if (!site)
        throw data::DataError(dataset.root(), "no site '" + id.toStdString() + "'");
    SitePlotData out{id, site->series.dates, site->series.fch4.values, site->series.fch4Filled.values, {}, {}};

    const auto &grid = dataset.grid();
    if (!grid || !grid->findVariable(data::layout::kEmission))
        return out;
    const auto unit = data::units::parseFlux(grid->variable(data::layout::kEmission).units);
    if (!unit)
        throw data::DataError(grid->path(), "CH4_emission has units '" + grid->variable(data::layout::kEmission).units
                                                + "', not a CH4 flux unit this program knows");
    const auto &years = grid->years();
    const auto towerYears = site->series.years();
    const int first = std::max(towerYears.front(), years.front()), last = std::min(towerYears.back(), years.back());
    if (first > last)
        return out;
    const auto &g = grid->grid();
    const auto values = grid->cellSeries(data::layout::kEmission, g.row(site->info.lat), g.col(site->info.lon), first, last);
    std::size_t i = 0;
    for (int y = first; y <= last; ++y)
        for (int m = 1; m <= 12; ++m)
            for (int d = 1; d <= data::daysInMonth(y, m); ++d, ++i) {
                out.cellDates.push_back({y, m, d});
                out.simulated.push_back(float(data::units::convert(values[i], *unit, data::units::Flux::NmolPerSquareMetrePerSecond)));
            }
    return out;
}

} // namespace

SiteSeriesRequester::SiteSeriesRequester(QObject *parent)
    : QObject(parent)
    , runner_(
          this,
          [](const Request &request) -> Outcome {
              try {
                  Outcome outcome;
                  if (request.dataset && request.dataset->sites())
                      for (const QString &id : request.ids)
                          outcome.sites.push_back(gather(*request.dataset, id));
                  return outcome;
              } catch (const std::exception &error) {
                  return {{}, QString::fromStdString(error.what())};
              }
          },
          [this](const Outcome &outcome) {
              if (outcome.error.isEmpty())
                  Q_EMIT ready(outcome.sites);
              else
                  Q_EMIT failed(outcome.error);
          })
{
}

void SiteSeriesRequester::request(const DatasetPtr &dataset, const QStringList &ids)
{
    runner_.run({dataset, ids});
}

} // namespace xmw::ui
