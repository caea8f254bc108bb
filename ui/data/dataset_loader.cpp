#include "ui/data/dataset_loader.h"

#include "core/data/dataset.h"
#include "ui/map/colour_scale.h"
#include "ui/map/field_image.h"

#include <QtConcurrent/QtConcurrentRun>

namespace xmw::ui {

DatasetLoader::DatasetLoader(QObject *parent)
    : QObject(parent)
{
    connect(&watcher_, &QFutureWatcher<Outcome>::finished, this, [this] {
        const Outcome outcome = watcher_.result();
        Q_EMIT busyChanged(false);
        if (outcome.dataset)
            Q_EMIT loaded(outcome.dataset, path_);
        else
            Q_EMIT failed(outcome.error);
    });
}

DatasetLoader::~DatasetLoader()
{
    watcher_.waitForFinished(); // the worker holds no pointer to us, but finish before going
}

void DatasetLoader::open(const QString &path)
{
    if (watcher_.isRunning())
        return;
    path_ = path;
    Q_EMIT busyChanged(true);
    watcher_.setFuture(QtConcurrent::run([path]() -> Outcome {
        try {
            return {std::make_shared<const data::Dataset>(data::Dataset::open(path.toStdString())), {}};
        } catch (const std::exception &error) {
            return {nullptr, QString::fromStdString(error.what())};
        }
    }));
}

FieldRequester::FieldRequester(QObject *parent)
    : QObject(parent)
    , runner_(
          this,
          [](const Request &request) -> Outcome {
              try {
                  const auto &grid = request.dataset->grid();
                  if (!grid)
                      return {{}, QStringLiteral("this dataset has no TEM-MDM grids")};
                  Feedback unattended;
                  Field field{request.variable, request.date, request.period,
                              data::periodMean(*grid, request.variable.toStdString(), request.date, request.period, unattended), {}};
                  field.scale = ColourScale::forField(field.values, request.style);
                  field.overlay = renderField(field.values, grid->grid(), field.scale);
                  if (!request.surface.isNull())
                      field.composed = composeOver(request.surface, field.overlay);
                  return {std::move(field), {}};
              } catch (const std::exception &error) {
                  return {{}, QString::fromStdString(error.what())};
              }
          },
          [this](const Outcome &outcome) {
              if (outcome.error.isEmpty())
                  Q_EMIT ready(outcome.field);
              else
                  Q_EMIT failed(outcome.error);
          })
{
}

void FieldRequester::request(const DatasetPtr &dataset, const QString &variable, data::Date date, const MapStyle &style,
                             data::Period period, const QImage &surface)
{
    runner_.run({dataset, variable, date, style, period, surface});
}

} // namespace xmw::ui
