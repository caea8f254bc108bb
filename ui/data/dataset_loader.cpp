#include "ui/data/dataset_loader.h"

#include "core/data/dataset.h"
#include "core/data/units.h"
#include "ui/map/colour_scale.h"
#include "ui/map/field_image.h"
#include "ui/map/layer_values.h"
#include "ui/tasks/task_manager.h"

#include <QFileInfo>

#include <algorithm>

namespace xmw::ui {

DatasetLoader::DatasetLoader(TaskManager *tasks, QObject *parent)
    : QObject(parent)
    , tasks_(tasks)
{}

void DatasetLoader::open(const QString &path)
{
    const int request = ++newest_;
    if (opening_)
        opening_->cancel(); // its outcome would be dropped: spare the work where it has not begun
    if (!std::exchange(busy_, true))
        Q_EMIT busyChanged(true);
    Task *task = tasks_->run(
        TaskManager::Lane::Io, tr("Opening %1").arg(QFileInfo(path).fileName()), this,
        [path](Feedback &) { return std::make_shared<const data::Dataset>(data::Dataset::open(path.toStdString())); },
        [this, path, request](DatasetPtr &&dataset) {
            if (request != newest_)
                return; // a newer request was made while this one opened
            busy_ = false;
            Q_EMIT busyChanged(false);
            Q_EMIT loaded(dataset, path);
        });
    opening_ = task;
    connect(task, &Task::finished, this, [this, request](bool ok, const QString &error) {
        if (ok || request != newest_)
            return;
        busy_ = false;
        Q_EMIT busyChanged(false);
        if (!error.isEmpty()) // canceled (the window closing, or the status bar's Cancel) is no failure
            Q_EMIT failed(error);
    });
}

FieldRequester::FieldRequester(QObject *parent)
    : QObject(parent)
    , runner_(
          this,
          [](const Request &request) -> Outcome {
              try {
                  LayerValues read = readLayerValues({request.dataset, request.variable, request.prediction, request.difference},
                                                     request.date, request.period, request.style);
                  Field field;
                  field.date = request.date;
                  field.period = request.period;
                  field.variable = read.variable;
                  field.units = read.units;
                  field.cadence = read.cadence;
                  field.values = std::move(read.values);
                  field.prediction = request.prediction;
                  field.difference = request.prediction && request.difference;
                  field.scale = ColourScale::forField(field.values, read.style);
                  field.picture = SurfacePicture(renderField(field.values, read.grid, field.scale, request.surface));
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
          },
          &FieldRequester::nextStep)
{}

bool FieldRequester::Request::operator==(const Request &other) const
{
    // Surfaces compare by identity: the globe hands over the same image until its base map changes.
    return dataset == other.dataset && variable == other.variable && date == other.date && style == other.style && period == other.period &&
        surface.cacheKey() == other.surface.cacheKey() && prediction == other.prediction && difference == other.difference;
}

// Stepping through the record (playing, or a day at a time) asks for one period after another:
// when the last two requests differ in their date alone, by one period, the next will be one more.
std::optional<FieldRequester::Request> FieldRequester::nextStep(const Request &previous, const Request &current)
{
    Request sameDate = previous;
    sameDate.date = current.date;
    if (!(sameDate == current))
        return std::nullopt;
    const data::Date from = previous.date, to = current.date;
    Request next = current;
    switch (current.period) {
    case data::Period::Day: {
        const std::int64_t step = data::toDayNumber(to) - data::toDayNumber(from);
        if (step != 1 && step != -1)
            return std::nullopt;
        next.date = data::fromDayNumber(data::toDayNumber(to) + step);
        break;
    }
    case data::Period::Month: {
        const int step = (to.year * 12 + to.month) - (from.year * 12 + from.month);
        if (step != 1 && step != -1)
            return std::nullopt;
        const int month = to.year * 12 + (to.month - 1) + step;
        next.date = {month / 12, month % 12 + 1, 1};
        next.date.day = std::min(to.day, data::daysInMonth(next.date.year, next.date.month));
        break;
    }
    case data::Period::Year: {
        const int step = to.year - from.year;
        if (step != 1 && step != -1)
            return std::nullopt;
        next.date = {to.year + step, to.month, std::min(to.day, data::daysInMonth(to.year + step, to.month))};
        break;
    }
    }
    return next;
}

void FieldRequester::request(const DatasetPtr &dataset, const QString &variable, data::Date date, const MapStyle &style,
                             data::Period period, const QImage &surface)
{
    runner_.run({dataset, variable, date, style, period, surface, nullptr, false});
}

void FieldRequester::request(const PredictionLayerPtr &layer, bool difference, data::Date date, const MapStyle &style, data::Period period,
                             const QImage &surface)
{
    if (layer && layer->year)
        runner_.run({nullptr, {}, date, style, period, surface, layer, difference});
}

} // namespace xmw::ui
