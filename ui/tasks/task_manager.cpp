#include "ui/tasks/task_manager.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMetaObject>

#include <algorithm>

namespace xmw::ui {

namespace {
int index(TaskManager::Lane lane) { return static_cast<int>(lane); }
} // namespace

TaskManager::TaskManager(QObject *parent)
    : QObject(parent)
{
    lanes_[index(Lane::Io)].limit = 2;
    lanes_[index(Lane::Training)].limit = 1;
    lanes_[index(Lane::Compute)].limit = 1;
    lanes_[index(Lane::Sweep)].limit = 1;
    pool_.setMaxThreadCount(5);
}

TaskManager::~TaskManager()
{
    // Whoever waits for these tasks may be going too (the window that owns us all): they hear
    // nothing more. Work not begun never begins; work running is asked to stop and waited for, so
    // no worker outlives the manager, and the ends they post are dropped with it. Tasks are
    // children and go with it.
    for (const auto &[task, lane] : tasks_) {
        task->disconnect();
        task->feedback_->cancel();
    }
    for (LaneState &lane : lanes_)
        lane.waiting.clear();
    pool_.waitForDone();
}

void TaskManager::setLaneLimit(Lane lane, int running)
{
    lanes_[index(lane)].limit = std::max(1, running);
    int threads = 0;
    for (const LaneState &state : lanes_)
        threads += state.limit;
    pool_.setMaxThreadCount(threads);
    startWaiting(lane);
}

int TaskManager::laneLimit(Lane lane) const { return lanes_[index(lane)].limit; }

Task *TaskManager::add(std::unique_ptr<Task> owned, Lane lane)
{
    Task *task = owned.release();
    task->setParent(this);
    tasks_.emplace_back(task, lane);
    lanes_[index(lane)].waiting.push_back(task);
    connect(task, &Task::progressChanged, this, [this, task] { Q_EMIT taskChanged(task); });
    connect(task, &Task::cancelRequested, this, [this, task, lane] {
        auto &waiting = lanes_[index(lane)].waiting;
        if (const auto it = std::find(waiting.begin(), waiting.end(), task); it != waiting.end()) {
            waiting.erase(it);
            retire(task, Task::State::Canceled, {});
        }
    });
    Q_EMIT taskAdded(task);
    if (!std::exchange(wasBusy_, true))
        Q_EMIT busyChanged(true);
    startWaiting(lane);
    return task;
}

void TaskManager::startWaiting(Lane lane)
{
    LaneState &state = lanes_[index(lane)];
    while (state.running < state.limit && !state.waiting.empty()) {
        Task *task = state.waiting.front();
        state.waiting.pop_front();
        ++state.running;
        task->setState(Task::State::Running);
        Q_EMIT taskChanged(task);
        pool_.start([this, task, lane] {
            task->runOnWorker();
            QMetaObject::invokeMethod(
                this, [this, task, lane] { onWorkerDone(task, lane); }, Qt::QueuedConnection);
        });
    }
}

void TaskManager::onWorkerDone(Task *task, Lane lane)
{
    --lanes_[index(lane)].running;
    const auto [state, error] = task->outcome_.value_or(std::pair{Task::State::Failed, tr("the task ended without an outcome")});
    retire(task, state, error);
    startWaiting(lane);
}

void TaskManager::retire(Task *task, Task::State state, const QString &error)
{
    tasks_.erase(std::remove_if(tasks_.begin(), tasks_.end(), [task](const auto &entry) { return entry.first == task; }), tasks_.end());
    task->end(state, error);
    Q_EMIT taskFinished(task);
    task->deleteLater();
    if (tasks_.empty() && std::exchange(wasBusy_, false))
        Q_EMIT busyChanged(false);
}

void TaskManager::cancelAll()
{
    for (Task *task : activeTasks())
        task->cancel();
}

std::vector<Task *> TaskManager::activeTasks() const
{
    std::vector<Task *> out;
    for (const auto &[task, lane] : tasks_)
        out.push_back(task);
    return out;
}

bool TaskManager::isBusy(Lane lane) const
{
    return std::any_of(tasks_.begin(), tasks_.end(), [lane](const auto &entry) { return entry.second == lane; });
}

bool TaskManager::waitForDone(int msecs)
{
    QElapsedTimer clock;
    clock.start();
    while (isBusy() && clock.elapsed() < msecs)
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 50);
    return !isBusy();
}

} // namespace xmw::ui
