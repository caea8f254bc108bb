#pragma once

#include "core/learn/training_job.h"

#include <QObject>
#include <QString>
#include <QThreadPool>

#include <map>
#include <memory>
#include <vector>

namespace xmw::ui {

// Training jobs waiting and running in the background, each through the engine's TrainingJob on a
// worker thread, at most `concurrency` at a time. Everything the jobs report arrives as signals on
// the GUI thread. Torch-free: the engine's headers are.
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

    explicit TrainingQueue(QObject *parent = nullptr);
    ~TrainingQueue() override; // cancels what runs and waits for it

    // Queues a job; it starts when a slot is free. Returns its id.
    int enqueue(const QString &dataset, const learn::TrainingConfig &config, const QString &out, bool resume = false);
    // A job a closed session left behind (its checkpoint), shown as canceled so that it can be resumed.
    int addInterrupted(const QString &dataset, const learn::CheckpointInfo &checkpoint, const QString &out);
    // Stops a running job within a batch (its checkpoint stays for a resume), or drops a queued one.
    void cancel(int id);
    void cancelAll();
    void setConcurrency(int jobs);
    [[nodiscard]] int concurrency() const { return concurrency_; }

    [[nodiscard]] const Job *job(int id) const;
    [[nodiscard]] std::vector<int> ids() const;
    [[nodiscard]] bool isBusy() const; // something queued or running

Q_SIGNALS:
    void jobAdded(int id);
    void jobChanged(int id);                          // state, progress or message
    void epochFinished(int id, const xmw::learn::EpochRecord &record);
    void jobFinished(int id, const QString &runFile); // written and readable

private:
    struct Running;
    void startWaiting();
    void onEpoch(int id, const learn::EpochRecord &record, const learn::JobProgress &progress);
    void onProgress(int id, const learn::JobProgress &progress);
    void onEnded(int id, State state, const QString &message, double rmse);

    std::map<int, Job> jobs_;
    std::map<int, std::shared_ptr<Feedback>> running_; // each running job's, to cancel it
    QThreadPool pool_;
    int concurrency_ = 1;
    int nextId_ = 1;
};

} // namespace xmw::ui
