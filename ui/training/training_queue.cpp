#include "ui/training/training_queue.h"

#include "core/feedback.h"
#include "ui/tasks/task_manager.h"

#include <QFileInfo>
#include <QMetaObject>

#include <cmath>
#include <filesystem>

namespace xmw::ui {

namespace {

// One training job as a task. The engine reports epochs and batches on the worker; they are posted
// to the task (which outlives its worker) and handed on from the GUI thread.
class TrainingTask : public Task {
public:
    using EpochHandler = std::function<void(const learn::EpochRecord &, const learn::JobProgress &)>;
    using BatchHandler = std::function<void(const learn::JobProgress &)>;

    TrainingTask(QString description, std::shared_ptr<learn::TrainingJob> engine, EpochHandler onEpoch, BatchHandler onBatch)
        : Task(std::move(description))
        , engine_(std::move(engine))
        , onEpoch_(std::move(onEpoch))
        , onBatch_(std::move(onBatch))
    {}

    [[nodiscard]] const learn::RunRecord &record() const { return run_; }

protected:
    void run(Feedback &feedback) override
    {
        learn::TrainingJob::Callbacks callbacks;
        callbacks.epoch = [this](const learn::EpochRecord &record, const learn::JobProgress &progress) {
            QMetaObject::invokeMethod(
                this, [this, record, progress] { onEpoch_(record, progress); }, Qt::QueuedConnection);
        };
        callbacks.batch = [this](const learn::JobProgress &progress) {
            QMetaObject::invokeMethod(
                this, [this, progress] { onBatch_(progress); }, Qt::QueuedConnection);
        };
        engine_->setCallbacks(callbacks);
        run_ = engine_->run(feedback);
    }

private:
    std::shared_ptr<learn::TrainingJob> engine_;
    EpochHandler onEpoch_;
    BatchHandler onBatch_;
    learn::RunRecord run_;
};

} // namespace

TrainingQueue::TrainingQueue(TaskManager *tasks, QObject *parent)
    : QObject(parent)
    , tasks_(tasks)
{
    qRegisterMetaType<xmw::learn::EpochRecord>("xmw::learn::EpochRecord");
}

TrainingQueue::~TrainingQueue() { cancelAll(); }

int TrainingQueue::concurrency() const { return tasks_->laneLimit(TaskManager::Lane::Training); }

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

    auto engine = std::make_shared<learn::TrainingJob>(dataset.toStdString(), config, out.toStdString());
    engine->setResume(resume);
    QPointer<TrainingQueue> self(this);
    const int id = job.id;
    auto owned = std::make_unique<TrainingTask>(
        tr("Training %1").arg(QFileInfo(out).completeBaseName()), engine,
        [self, id](const learn::EpochRecord &record, const learn::JobProgress &progress) {
            if (self)
                self->onEpoch(id, record, progress);
        },
        [self, id](const learn::JobProgress &progress) {
            if (self)
                self->onProgress(id, progress);
        });
    auto *task = owned.get();
    connect(task, &Task::stateChanged, this, [this, id](Task::State state) {
        if (state != Task::State::Running)
            return;
        if (auto it = jobs_.find(id); it != jobs_.end() && it->second.state == State::Queued) {
            it->second.state = State::Running;
            Q_EMIT jobChanged(id);
        }
    });
    connect(task, &Task::finished, this, [this, id, task, out](bool ok, const QString &error) {
        const auto it = jobs_.find(id);
        if (it == jobs_.end())
            return;
        if (ok) {
            const learn::RunRecord &run = task->record();
            onEnded(id, State::Finished, run.stopped.empty() ? QString() : QString::fromStdString(run.stopped), run.metrics.rmse);
        } else if (!error.isEmpty()) {
            onEnded(id, State::Failed, error, 0);
        } else if (it->second.state == State::Queued) {
            onEnded(id, State::Canceled, tr("canceled before it started"), 0);
        } else {
            std::error_code ec;
            const bool kept = std::filesystem::exists(learn::TrainingJob::checkpointPath(out.toStdString()), ec);
            onEnded(id, State::Canceled,
                    kept ? tr("canceled; the last finished epoch is kept for a resume")
                         : tr("canceled before the first epoch ended; nothing was kept"),
                    0);
        }
    });
    jobTasks_[id] = tasks_->add(std::move(owned), TaskManager::Lane::Training);
    return id;
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
    const int total = job.config.folds() * job.config.ensemble * (job.config.epochs + (phases == 2 ? job.config.fineTuneEpochCount() : 0));
    job.progress.fraction = total > 0 ? std::min(1.0, double(job.history.size()) / total) : 0.0;
    job.message =
        tr("Interrupted when the explorer closed, after %n epoch(s); Resume goes on from there", nullptr, int(job.history.size()));
    jobs_[job.id] = job;
    Q_EMIT jobAdded(job.id);
    return job.id;
}

void TrainingQueue::setConcurrency(int jobs) { tasks_->setLaneLimit(TaskManager::Lane::Training, jobs); }

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
    // A queued job ends at once; a running one within a batch, its checkpoint kept.
    if (const auto it = jobTasks_.find(id); it != jobTasks_.end() && it->second)
        it->second->cancel();
}

void TrainingQueue::cancelAll()
{
    for (const int id : ids())
        cancel(id);
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
    jobTasks_.erase(id);
    Q_EMIT jobChanged(id);
    if (state == State::Finished)
        Q_EMIT jobFinished(id, it->second.out);
}

} // namespace xmw::ui
