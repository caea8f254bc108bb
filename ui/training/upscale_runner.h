#pragma once

#include "ui/data/dataset_loader.h"
#include "ui/map/prediction_layer.h"

#include <QObject>
#include <QPointer>
#include <QString>

namespace xmw::ui {

class Task;
class TaskManager;

// Upscales one run over one year (learn::Upscaler) as a task of the compute lane, with progress,
// cancel and the result or the problem delivered on the GUI thread. One at a time.
class UpscaleRunner : public QObject {
    Q_OBJECT

public:
    explicit UpscaleRunner(TaskManager *tasks, QObject *parent = nullptr);
    ~UpscaleRunner() override; // cancels

    // False while one runs.
    bool start(const DatasetPtr &dataset, const QString &runPath, int year);
    void cancel();
    [[nodiscard]] bool isRunning() const;

Q_SIGNALS:
    void progress(double fraction);
    void finished(const xmw::ui::PredictionLayerPtr &layer);
    void failed(const QString &message);
    void canceled();

private:
    TaskManager *tasks_;
    QPointer<Task> task_;
    // Until the result or the end is delivered: the task counts as active while its result is
    // handed over, when the buttons that ask this are updated.
    bool running_ = false;
};

} // namespace xmw::ui
