#include "ui/plots/site_series_requester.h"

#include "core/data/data_error.h"
#include "core/data/dataset.h"
#include "core/data/units.h"
#include "core/learn/run_file.h"
#include "ui/coordinates.h"

#include <QCoreApplication>

#include <algorithm>

namespace xmw::ui {

namespace {

// A cell's TEM-MDM emission (converted) and, when asked, one driver, for every day of the years.
void addCellSeries(const data::GridDataset &grid, int row, int col, int first, int last, const QString &driver, SitePlotData &out)
{
    const auto unit = data::units::parseFlux(grid.variable(data::layout::kEmission).units);
    if (!unit)
        throw data::DataError(grid.path(),
                              "CH4_emission has units '" + grid.variable(data::layout::kEmission).units +
                                  "', not a CH4 flux unit this program knows");
    const auto values = grid.cellSeries(data::layout::kEmission, row, col, first, last);
    std::vector<float> drivers;
    if (!driver.isEmpty()) {
        const auto &variable = grid.variable(driver.toStdString());
        drivers = grid.cellSeries(variable.name, row, col, first, last);
        out.driver = driver;
        out.driverUnit = QString::fromStdString(variable.units);
    }
    std::size_t i = 0;
    for (int y = first; y <= last; ++y)
        for (int m = 1; m <= 12; ++m)
            for (int d = 1; d <= data::daysInMonth(y, m); ++d, ++i) {
                out.cellDates.push_back({y, m, d});
                out.simulated.push_back(float(data::units::convert(values[i], *unit, data::units::Flux::NmolPerSquareMetrePerSecond)));
                if (!drivers.empty())
                    out.driverValues.push_back(drivers[i]);
            }
}

SitePlotData gatherTower(const data::Dataset &dataset, const QString &id, const QString &driver)
{
    const data::Site *site = dataset.sites() ? dataset.sites()->find(id.toStdString()) : nullptr;
    if (!site)
        throw data::DataError(dataset.root(), "no site '" + id.toStdString() + "'");
    SitePlotData out;
    out.id = id;
    out.dates = site->series.dates;
    out.measured = site->series.measured.values;
    out.measuredColumn = QString::fromStdString(site->series.measured.name);
    out.gapFilled = site->series.fch4Filled.values;
    const auto &grid = dataset.grid();
    if (!grid || !grid->findVariable(data::layout::kEmission))
        return out;
    const auto &years = grid->years();
    const auto towerYears = site->series.years();
    const int first = std::max(towerYears.front(), years.front()), last = std::min(towerYears.back(), years.back());
    if (first <= last)
        addCellSeries(*grid, grid->grid().row(site->info.lat), grid->grid().col(site->info.lon), first, last, driver, out);
    return out;
}

SitePlotData gatherCell(const data::Dataset &dataset, double lat, double lon, int year, const QString &driver)
{
    const auto &grid = dataset.grid();
    if (!grid || !grid->findVariable(data::layout::kEmission))
        throw data::DataError(dataset.root(), "no TEM-MDM CH4_emission to show for a cell");
    const auto &g = grid->grid();
    const int row = g.row(lat), col = g.col(lon);
    SitePlotData out;
    out.id = QCoreApplication::translate("xmw::ui::SiteSeriesRequester", "cell %1").arg(formatLatLon(g.lat(row), g.lon(col)));
    addCellSeries(*grid, row, col, year, year, driver, out);
    return out;
}

// The runs' test predictions for a tower, read from their files.
void addRunPredictions(const std::vector<learn::RunRecord> &runs, SitePlotData &out)
{
    const std::string site = out.id.toStdString();
    for (const learn::RunRecord &run : runs) {
        RunPrediction p;
        p.run = QString::fromStdString(run.name);
        const auto metrics = run.perSite.find(site);
        p.rmse = metrics == run.perSite.end() ? std::numeric_limits<double>::quiet_NaN() : metrics->second.rmse;
        for (std::size_t i = 0; i < run.testSites.size(); ++i) {
            if (run.testSites[i] != site)
                continue;
            const int year = run.testYears[i];
            std::size_t day = 0;
            for (int m = 1; m <= 12; ++m)
                for (int d = 1; d <= data::daysInMonth(year, m); ++d) {
                    if (!data::sequenceDayIndex({year, m, d}))
                        continue; // 29 February
                    p.dates.push_back({year, m, d});
                    p.predicted.push_back(run.predicted[i * 365 + day]);
                    p.spread.push_back(run.spread.empty() ? 0.0f : run.spread[i * 365 + day]);
                    ++day;
                }
        }
        if (!p.dates.empty())
            out.runs.push_back(std::move(p));
    }
}

} // namespace

SiteSeriesRequester::SiteSeriesRequester(QObject *parent)
    : QObject(parent)
    , runner_(
          this,
          [](const Request &request) -> Outcome {
              try {
                  Outcome outcome;
                  if (!request.dataset)
                      return outcome;
                  const SeriesSelection &s = request.selection;
                  std::vector<learn::RunRecord> runs;
                  for (const QString &path : s.runs)
                      runs.push_back(learn::readRunResults(path.toStdString()));
                  for (const QString &id : s.towers) {
                      outcome.sites.push_back(gatherTower(*request.dataset, id, s.driver));
                      addRunPredictions(runs, outcome.sites.back());
                  }
                  if (s.cell)
                      outcome.sites.push_back(gatherCell(*request.dataset, s.cell->first, s.cell->second, s.cellYear, s.driver));
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
{}

void SiteSeriesRequester::request(const DatasetPtr &dataset, const SeriesSelection &selection) { runner_.run({dataset, selection}); }

} // namespace xmw::ui
