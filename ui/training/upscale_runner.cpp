#include "ui/training/upscale_runner.h"

#include "core/data/dataset.h"
#include "core/feedback.h"
#include "core/learn/runtime.h"
#include "core/learn/training_config.h"
#include "ui/tasks/task_manager.h"

#include <QFileInfo>

namespace xmw::ui {

namespace {
// Cells per chunk: small enough that cancel is noticed within about a second on one core.
constexpr std::size_t kChunk = 1024;
} // namespace

UpscaleRunner::UpscaleRunner(TaskManager *tasks, QObject *parent)
    : QObject(parent)
    , tasks_(tasks)
{}

UpscaleRunner::~UpscaleRunner() { cancel(); }

bool UpscaleRunner::isRunning() const { return running_; }

bool UpscaleRunner::start(const DatasetPtr &dataset, const QString &runPath, int year)
{
    if (isRunning() || !dataset)
        return false;
    running_ = true;
    task_ = tasks_->run(
        TaskManager::Lane::Compute, tr("Upscaling %1 over %2").arg(QFileInfo(runPath).completeBaseName()).arg(year), this,
        [dataset, runPath, year](Feedback &feedback) {
            // One core stays with the GUI, as for training.
            learn::setThreadCount(learn::defaultThreadCount());
            auto layer = std::make_shared<PredictionLayer>();
            layer->runPath = runPath;
            layer->run = learn::readRunFile(runPath.toStdString());
            layer->year = std::make_shared<const learn::UpscaledYear>(learn::Upscaler(*dataset, layer->run).run(year, feedback, kChunk));
            layer->run.models.clear(); // the weights are not needed any more
            layer->run.baseModels.clear();
            return PredictionLayerPtr(layer);
        },
        [this](PredictionLayerPtr &&layer) {
            running_ = false;
            Q_EMIT finished(layer);
        });
    connect(task_, &Task::progressChanged, this, &UpscaleRunner::progress);
    connect(task_, &Task::finished, this, [this](bool ok, const QString &error) {
        running_ = false;
        if (ok)
            return;
        if (error.isEmpty())
            Q_EMIT canceled();
        else
            Q_EMIT failed(error);
    });
    return true;
}

void UpscaleRunner::cancel()
{
    if (task_)
        task_->cancel();
}

} // namespace xmw::ui
