#pragma once

#include "core/feedback.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <utility>

namespace xmw::ui {

class TaskManager;

// One piece of background work of the explorer, in the spirit of QGIS's QgsTask: run(Feedback&)
// does the work on a worker thread, through the engine's own Feedback (progress and cancel), and
// everything else happens on the GUI thread: progressChanged(), then deliver() and finished() once.
// A TaskManager runs it, in a lane that caps how many of its kind run at once, and owns it.
class Task : public QObject {
    Q_OBJECT

public:
    enum class State { Queued, Running, Finished, Failed, Canceled };

    explicit Task(QString description);
    ~Task() override;

    [[nodiscard]] const QString &description() const { return description_; }
    [[nodiscard]] State state() const { return state_; }
    [[nodiscard]] double progress() const { return progress_; } // 0-1; below 0 while there is no telling
    [[nodiscard]] const QString &error() const { return error_; }
    [[nodiscard]] bool isActive() const { return state_ == State::Queued || state_ == State::Running; }

    // A queued task never starts; a running one is asked to stop (Feedback::cancel) and ends as
    // Canceled when its work gives up. Either way finished() still comes, once.
    void cancel();
    [[nodiscard]] bool isCancelRequested() const { return feedback_->isCanceled(); }

Q_SIGNALS:
    void progressChanged(double fraction);
    void stateChanged(xmw::ui::Task::State state);
    void cancelRequested(); // for the manager: a queued task ends at once
    // On the GUI thread, after deliver(): ok, or the problem (empty when canceled).
    void finished(bool ok, const QString &error);

protected:
    // The work, on a worker thread. A thrown exception fails the task with its message; Canceled
    // (after cancel()) ends it as canceled.
    virtual void run(Feedback &feedback) = 0;
    // On the GUI thread after run() returned normally, before finished(): hand results over.
    virtual void deliver() {}

private:
    friend class TaskManager;
    void runOnWorker(); // worker thread: run(), catching
    void end(State state, const QString &error); // GUI thread: deliver(), finished()
    void setState(State state);

    QString description_;
    State state_ = State::Queued;
    double progress_ = -1;
    QString error_;
    std::shared_ptr<Feedback> feedback_;
    std::optional<std::pair<State, QString>> outcome_; // written by the worker, read after it
};

// A task made of a function and what to do with its result: `work` runs on a worker thread and
// `done` on the GUI thread, unless `context` has gone by then (the result is then dropped).
template <typename Result>
class FunctionTask : public Task {
public:
    FunctionTask(QString description, QObject *context, std::function<Result(Feedback &)> work, std::function<void(Result &&)> done)
        : Task(std::move(description))
        , context_(context)
        , work_(std::move(work))
        , done_(std::move(done))
    {}

protected:
    void run(Feedback &feedback) override { result_.emplace(work_(feedback)); }
    void deliver() override
    {
        if (context_ && done_ && result_)
            done_(std::move(*result_));
    }

private:
    QPointer<QObject> context_;
    std::function<Result(Feedback &)> work_;
    std::function<void(Result &&)> done_;
    std::optional<Result> result_;
};

} // namespace xmw::ui
