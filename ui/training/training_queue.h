#pragma once

#include "core/learn/training_job.h"
#include "ui/tasks/task.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <map>
#include <memory>
#include <vector>

namespace xmw::ui {

class TaskManager;

// The explorer's training jobs and what they reported: each runs the engine's TrainingJob as a
// task of the task manager's training lane, whose limit is `concurrency`. Everything the jobs
// report arrives as signals on the GUI thread. Torch-free: the engine's headers are.
class TrainingQueue : public QObject {
    Q_OBJECT

public:
    enum class State { Queued, Running, Finished, Failed, Canceled };
    struct Job {
        int id = 0;
        QString dataset, out;
        learn::TrainingConfig config;
        bool resume = false;
        State state = State::Queued;
        learn::JobProgress progress;
        std::vector<learn::EpochRecord> history;
        QString message; // the failure, or how the run ended
        double testRmse = 0;
    };

    explicit TrainingQueue(TaskManager *tasks, QObject *parent = nullptr);
    ~TrainingQueue() override; // cancels what runs (the task manager waits for it)

    // Queues a job; it starts when a slot is free. Returns its id.
    int enqueue(const QString &dataset, const learn::TrainingConfig &config, const QString &out, bool resume = false);
    // A job a closed session left behind (its checkpoint), shown as canceled so that it can be resumed.
    int addInterrupted(const QString &dataset, const learn::CheckpointInfo &checkpoint, const QString &out);
    // Stops a running job within a batch (its checkpoint stays for a resume), or drops a queued one.
    void cancel(int id);
    void cancelAll();
    void setConcurrency(int jobs);
    [[nodiscard]] int concurrency() const;

    [[nodiscard]] const Job *job(int id) const;
    [[nodiscard]] std::vector<int> ids() const;
    [[nodiscard]] bool isBusy() const; // something queued or running

Q_SIGNALS:
    void jobAdded(int id);
    void jobChanged(int id); // state, progress or message
    void epochFinished(int id, const xmw::learn::EpochRecord &record);
    void jobFinished(int id, const QString &runFile); // written and readable

private:
    void onEpoch(int id, const learn::EpochRecord &record, const learn::JobProgress &progress);
    void onProgress(int id, const learn::JobProgress &progress);
    void onEnded(int id, State state, const QString &message, double rmse);

    TaskManager *tasks_;
    std::map<int, Job> jobs_;
    std::map<int, QPointer<Task>> jobTasks_; // each queued or running job's, to cancel it
    int nextId_ = 1;
};

} // namespace xmw::ui
