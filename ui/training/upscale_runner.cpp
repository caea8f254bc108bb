#include "ui/training/upscale_runner.h"

#include "core/data/dataset.h"
#include "core/feedback.h"
#include "core/learn/runtime.h"
#include "core/learn/training_config.h"

#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace xmw::ui {

namespace {
// Cells per chunk: small enough that cancel is noticed within about a second on one core.
constexpr std::size_t kChunk = 1024;
} // namespace

UpscaleRunner::UpscaleRunner(QObject *parent)
    : QObject(parent)
{
    connect(&watcher_, &QFutureWatcher<Outcome>::finished, this, [this] {
        const Outcome outcome = watcher_.result();
        feedback_.reset();
        if (outcome.layer)
            Q_EMIT finished(outcome.layer);
        else if (outcome.canceled)
            Q_EMIT canceled();
        else
            Q_EMIT failed(outcome.error);
    });
}

UpscaleRunner::~UpscaleRunner()
{
    cancel();
    watcher_.waitForFinished();
}

bool UpscaleRunner::start(const DatasetPtr &dataset, const QString &runPath, int year)
{
    if (isRunning() || !dataset)
        return false;
    QPointer<UpscaleRunner> self(this);
    feedback_ = std::make_shared<Feedback>([self](double fraction, const std::string &) {
        QMetaObject::invokeMethod(self, [self, fraction] { if (self) Q_EMIT self->progress(fraction); }, Qt::QueuedConnection);
    });
    watcher_.setFuture(QtConcurrent::run([dataset, runPath, year, feedback = feedback_]() -> Outcome {
        try {
            // One core stays with the GUI, as for training.
            learn::setThreadCount(learn::defaultThreadCount());
            auto layer = std::make_shared<PredictionLayer>();
            layer->runPath = runPath;
            layer->run = learn::readRunFile(runPath.toStdString());
            layer->year = std::make_shared<const learn::UpscaledYear>(learn::Upscaler(*dataset, layer->run).run(year, *feedback, kChunk));
            layer->run.models.clear(); // the weights are not needed any more
            layer->run.baseModels.clear();
            return {layer, {}, false};
        } catch (const Canceled &) {
            return {nullptr, {}, true};
        } catch (const std::exception &error) {
            return {nullptr, QString::fromStdString(error.what()), false};
        }
    }));
    return true;
}

void UpscaleRunner::cancel()
{
    if (feedback_)
        feedback_->cancel();
}

} // namespace xmw::ui
