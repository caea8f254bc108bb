#include "ui/training/training_queue.h"

#include "core/feedback.h"

#include <QMetaObject>

#include <cmath>
#include <filesystem>

namespace xmw::ui {

TrainingQueue::TrainingQueue(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<xmw::learn::EpochRecord>("xmw::learn::EpochRecord");
    pool_.setMaxThreadCount(concurrency_);
}

TrainingQueue::~TrainingQueue()
{
    cancelAll();
    pool_.waitForDone();
}

int TrainingQueue::enqueue(const QString &dataset, const learn::TrainingConfig &config, const QString &out, bool resume)
{
    Job job;
    job.id = nextId_++;
    job.dataset = dataset;
    job.out = out;
    job.config = config;
    job.resume = resume;
    jobs_[job.id] = job;
    Q_EMIT jobAdded(job.id);
    startWaiting();
    return job.id;
}

int TrainingQueue::addInterrupted(const QString &dataset, const learn::CheckpointInfo &checkpoint, const QString &out)
{
    Job job;
    job.id = nextId_++;
    job.dataset = dataset;
    job.out = out;
    job.config = checkpoint.config;
    job.state = State::Canceled;
    job.history = checkpoint.history;
    // Early stopping may end a member sooner, so this is what is left at most.
    const int phases = job.config.method == learn::Method::Adversarial || job.config.method == learn::Method::Reweight ? 2 : 1;
    const int total = job.config.folds() * job.config.ensemble *
                      (job.config.epochs + (phases == 2 ? job.config.fineTuneEpochCount() : 0));
    job.progress.fraction = total > 0 ? std::min(1.0, double(job.history.size()) / total) : 0.0;
    job.message = tr("Interrupted when the explorer closed, after %n epoch(s); Resume goes on from there", nullptr, int(job.history.size()));
    jobs_[job.id] = job;
    Q_EMIT jobAdded(job.id);
    return job.id;
}

void TrainingQueue::setConcurrency(int jobs)
{
    concurrency_ = std::max(1, jobs);
    pool_.setMaxThreadCount(concurrency_);
    startWaiting();
}

const TrainingQueue::Job *TrainingQueue::job(int id) const
{
    const auto it = jobs_.find(id);
    return it == jobs_.end() ? nullptr : &it->second;
}

std::vector<int> TrainingQueue::ids() const
{
    std::vector<int> out;
    for (const auto &[id, job] : jobs_)
        out.push_back(id);
    return out;
}

bool TrainingQueue::isBusy() const
{
    for (const auto &[id, job] : jobs_)
        if (job.state == State::Queued || job.state == State::Running)
            return true;
    return false;
}

void TrainingQueue::cancel(int id)
{
    auto it = jobs_.find(id);
    if (it == jobs_.end())
        return;
    if (it->second.state == State::Queued) {
        onEnded(id, State::Canceled, tr("canceled before it started"), 0);
        return;
    }
    if (const auto running = running_.find(id); running != running_.end())
        running->second->cancel(); // the worker reports Canceled within a batch
}

void TrainingQueue::cancelAll()
{
    for (const int id : ids())
        cancel(id);
}

// Starts queued jobs, oldest first, while slots are free.
void TrainingQueue::startWaiting()
{
    for (auto &[id, job] : jobs_) {
        if (int(running_.size()) >= concurrency_)
            return;
        if (job.state != State::Queued)
            continue;
        job.state = State::Running;
        auto engine = std::make_shared<learn::TrainingJob>(job.dataset.toStdString(), job.config, job.out.toStdString());
        engine->setResume(job.resume);
        auto feedback = std::make_shared<Feedback>();
        running_[id] = feedback;
        // The queue outlives its jobs (its destructor waits for them), and events posted to it
        // are dropped if it goes, so the workers may post to it directly.
        TrainingQueue *self = this;
        const int jobId = id;
        learn::TrainingJob::Callbacks callbacks;
        callbacks.epoch = [self, jobId](const learn::EpochRecord &record, const learn::JobProgress &progress) {
            QMetaObject::invokeMethod(self, [self, jobId, record, progress] { self->onEpoch(jobId, record, progress); }, Qt::QueuedConnection);
        };
        callbacks.batch = [self, jobId](const learn::JobProgress &progress) {
            QMetaObject::invokeMethod(self, [self, jobId, progress] { self->onProgress(jobId, progress); }, Qt::QueuedConnection);
        };
        engine->setCallbacks(callbacks);
        const std::filesystem::path checkpoint = learn::TrainingJob::checkpointPath(job.out.toStdString());
        pool_.start([self, jobId, engine, feedback, checkpoint] {
            State state = State::Finished;
            QString message;
            double rmse = 0;
            try {
                const learn::RunRecord run = engine->run(*feedback);
                rmse = run.metrics.rmse;
                message = run.stopped.empty() ? QString() : QString::fromStdString(run.stopped);
            } catch (const Canceled &) {
                state = State::Canceled;
                std::error_code ec;
                message = std::filesystem::exists(checkpoint, ec) ? tr("canceled; the last finished epoch is kept for a resume")
                                                                  : tr("canceled before the first epoch ended; nothing was kept");
            } catch (const std::exception &error) {
                state = State::Failed;
                message = QString::fromStdString(error.what());
            }
            QMetaObject::invokeMethod(self, [self, jobId, state, message, rmse] { self->onEnded(jobId, state, message, rmse); },
                                      Qt::QueuedConnection);
        });
        Q_EMIT jobChanged(id);
    }
}

void TrainingQueue::onEpoch(int id, const learn::EpochRecord &record, const learn::JobProgress &progress)
{
    auto it = jobs_.find(id);
    if (it == jobs_.end())
        return;
    it->second.history.push_back(record);
    it->second.progress = progress;
    Q_EMIT epochFinished(id, record);
    Q_EMIT jobChanged(id);
}

void TrainingQueue::onProgress(int id, const learn::JobProgress &progress)
{
    auto it = jobs_.find(id);
    if (it == jobs_.end() || it->second.state != State::Running)
        return;
    it->second.progress = progress;
    Q_EMIT jobChanged(id);
}

void TrainingQueue::onEnded(int id, State state, const QString &message, double rmse)
{
    auto it = jobs_.find(id);
    if (it == jobs_.end())
        return;
    it->second.state = state;
    it->second.message = message;
    it->second.testRmse = rmse;
    if (state == State::Finished)
        it->second.progress.fraction = 1.0;
    running_.erase(id);
    Q_EMIT jobChanged(id);
    if (state == State::Finished)
        Q_EMIT jobFinished(id, it->second.out);
    startWaiting();
}

} // namespace xmw::ui
