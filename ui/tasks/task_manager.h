#pragma once

#include "ui/tasks/task.h"

#include <QObject>
#include <QThreadPool>

#include <array>
#include <deque>
#include <memory>
#include <type_traits>
#include <vector>

namespace xmw::ui {

// Runs the explorer's background work (as QGIS's QgsTaskManager does): tasks wait in lanes, each
// lane running at most its limit at once, oldest first, on worker threads; the manager owns every
// task and deletes it once it has finished. Lives on the GUI thread; everything it signals is
// there too. Its destructor cancels all and waits, so no worker outlives it.
class TaskManager : public QObject {
    Q_OBJECT

public:
    enum class Lane {
        Io, // reading and writing files: datasets, run files, exports
        Training, // training jobs: as many at once as the user asks for
        Compute, // other long computation (upscaling a year, making the demo dataset)
        Sweep, // watching an `xmw sweep` child process: one sweep at a time
    };
    static constexpr int kLaneCount = 4;

    explicit TaskManager(QObject *parent = nullptr);
    ~TaskManager() override;

    void setLaneLimit(Lane lane, int running);
    [[nodiscard]] int laneLimit(Lane lane) const;

    // Takes the task over and queues it; it starts when its lane has room.
    Task *add(std::unique_ptr<Task> task, Lane lane);
    // `work` on a worker, then `done` with its result on the GUI thread (unless `context` has
    // gone). Connect to the task's finished() for failures.
    template <typename Work, typename Done>
    Task *run(Lane lane, const QString &description, QObject *context, Work &&work, Done &&done)
    {
        using Result = std::invoke_result_t<Work, Feedback &>;
        return add(std::make_unique<FunctionTask<Result>>(description, context, std::forward<Work>(work), std::forward<Done>(done)), lane);
    }

    void cancelAll();
    // Queued and running tasks, oldest first.
    [[nodiscard]] std::vector<Task *> activeTasks() const;
    [[nodiscard]] bool isBusy() const { return !activeTasks().empty(); }
    [[nodiscard]] bool isBusy(Lane lane) const;
    // Waits (processing events, so that tasks finish) until nothing is active or `msecs` passed.
    bool waitForDone(int msecs);

Q_SIGNALS:
    void taskAdded(xmw::ui::Task *task);
    void taskChanged(xmw::ui::Task *task); // state or progress
    void taskFinished(xmw::ui::Task *task); // just before it is deleted
    void busyChanged(bool busy);

private:
    struct LaneState {
        int limit = 1;
        int running = 0;
        std::deque<Task *> waiting;
    };
    void startWaiting(Lane lane);
    void onWorkerDone(Task *task, Lane lane);
    void retire(Task *task, Task::State state, const QString &error);

    std::array<LaneState, kLaneCount> lanes_;
    std::vector<std::pair<Task *, Lane>> tasks_; // active, oldest first
    QThreadPool pool_;
    bool wasBusy_ = false;
};

} // namespace xmw::ui
