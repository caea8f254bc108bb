#pragma once

#include "ui/data/dataset_loader.h"
#include "ui/map/prediction_layer.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <memory>

namespace xmw {
class Feedback;
}

namespace xmw::ui {

// Upscales one run over one year on a worker thread (learn::Upscaler), with progress, cancel and
// the result or the problem delivered on the GUI thread. One at a time.
class UpscaleRunner : public QObject {
    Q_OBJECT

public:
    explicit UpscaleRunner(QObject *parent = nullptr);
    ~UpscaleRunner() override; // cancels and waits

    // False while one runs.
    bool start(const DatasetPtr &dataset, const QString &runPath, int year);
    void cancel();
    [[nodiscard]] bool isRunning() const { return watcher_.isRunning(); }

Q_SIGNALS:
    void progress(double fraction);
    void finished(const xmw::ui::PredictionLayerPtr &layer);
    void failed(const QString &message);
    void canceled();

private:
    struct Outcome {
        PredictionLayerPtr layer;
        QString error;
        bool canceled = false;
    };
    QFutureWatcher<Outcome> watcher_;
    std::shared_ptr<Feedback> feedback_;
};

} // namespace xmw::ui
