#pragma once

#include "core/data/calendar.h"
#include "core/data/grid_dataset.h"
#include "core/data/period_mean.h"
#include "ui/data/latest_only_runner.h"
#include "ui/globe/surface_picture.h"
#include "ui/map/colour_scale.h"
#include "ui/map/prediction_layer.h"
#include "ui/tasks/task.h"

#include <QImage>
#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace xmw::data {
class Dataset;
}

namespace xmw::ui {

using DatasetPtr = std::shared_ptr<const data::Dataset>;

class TaskManager;

// Opens datasets as tasks of the I/O lane; the result or the error comes back on the GUI thread.
// The newest request wins: one made while another dataset opens replaces it, and the older result
// is dropped unseen (the window has already announced the newer one and stored its initial view).
class DatasetLoader : public QObject {
    Q_OBJECT

public:
    explicit DatasetLoader(TaskManager *tasks, QObject *parent = nullptr);

    void open(const QString &path);

Q_SIGNALS:
    void busyChanged(bool busy);
    void loaded(const xmw::ui::DatasetPtr &dataset, const QString &path);
    void failed(const QString &message);

private:
    TaskManager *tasks_;
    QPointer<Task> opening_;
    int newest_ = 0; // the number of the newest request: only its outcome is delivered
    bool busy_ = false;
};

// Reads one day's field of a variable (or of a prediction layer) and colours it, on a worker
// thread, so that the GUI thread only shows the result; the newest request wins.
class FieldRequester : public QObject {
    Q_OBJECT

public:
    struct Field {
        QString variable; // the TEM-MDM variable, or "prediction" / "prediction − TEM-MDM"
        QString units;
        data::Cadence cadence = data::Cadence::Daily;
        data::Date date;
        data::Period period = data::Period::Day;
        std::vector<float> values;
        SurfacePicture picture; // the field coloured over the request's surface image
        ColourScale scale{0.0, 1.0}; // what the colours mean (from the request's MapStyle)
        PredictionLayerPtr prediction; // set for a prediction layer
        bool difference = false; // the prediction minus TEM-MDM
    };

    explicit FieldRequester(QObject *parent = nullptr);

    // `surface`: the base image to compose the coloured field over, here rather than on the GUI thread.
    void request(const DatasetPtr &dataset, const QString &variable, data::Date date, const MapStyle &style = {},
                 data::Period period = data::Period::Day, const QImage &surface = {});
    // The same for an upscaled run (its year only); `difference`: minus TEM-MDM, on a diverging scale.
    void request(const PredictionLayerPtr &layer, bool difference, data::Date date, const MapStyle &style = {},
                 data::Period period = data::Period::Day, const QImage &surface = {});

Q_SIGNALS:
    void ready(const xmw::ui::FieldRequester::Field &field);
    void failed(const QString &message);

private:
    struct Request {
        DatasetPtr dataset;
        QString variable;
        data::Date date;
        MapStyle style;
        data::Period period;
        QImage surface;
        PredictionLayerPtr prediction;
        bool difference = false;

        bool operator==(const Request &other) const;
    };
    static std::optional<Request> nextStep(const Request &previous, const Request &current);
    struct Outcome {
        Field field;
        QString error;
    };
    LatestOnlyRunner<Request, Outcome> runner_;
};

} // namespace xmw::ui
