// The explorer's one way to run background work: tasks, lanes, cancel, and the status-bar widget.
#include "ui/tasks/task_manager.h"
#include "ui/tasks/task_status_widget.h"

#include <QApplication>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QToolButton>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>

using xmw::Canceled;
using xmw::Feedback;
using xmw::ui::Task;
using xmw::ui::TaskManager;
using xmw::ui::TaskStatusWidget;

namespace {

// Work that runs until `release` is set or it is canceled, counting how many run at once.
struct Gate {
    std::atomic<bool> release{false};
    std::atomic<int> running{0}, most{0}, started{0};

    int work(Feedback &feedback)
    {
        ++started;
        const int now = ++running;
        for (int seen = most; now > seen && !most.compare_exchange_weak(seen, now);) {}
        while (!release) {
            if (feedback.isCanceled()) {
                --running;
                throw Canceled();
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
        --running;
        return now;
    }
};

} // namespace

class TestTaskManager : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void workRunsOnAWorkerAndItsResultArrivesOnTheGuiThread()
    {
        TaskManager tasks;
        QThread *gui = QThread::currentThread();
        std::atomic<QThread *> worker{nullptr};
        QThread *deliveredOn = nullptr, *finishedOn = nullptr;
        int result = 0;
        Task *task = tasks.run(
            TaskManager::Lane::Io, QStringLiteral("sum"), this,
            [&](Feedback &feedback) {
                worker = QThread::currentThread();
                feedback.setProgress(0.5);
                return 41 + 1;
            },
            [&](int &&value) {
                deliveredOn = QThread::currentThread();
                result = value;
            });
        QSignalSpy finished(task, &Task::finished);
        connect(task, &Task::finished, this, [&] { finishedOn = QThread::currentThread(); });
        QVERIFY(tasks.isBusy());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);
        QCOMPARE(finished.first().at(0).toBool(), true);
        QCOMPARE(result, 42);
        QVERIFY(worker.load() != gui);
        QCOMPARE(deliveredOn, gui);
        QCOMPARE(finishedOn, gui);
        QVERIFY(!tasks.isBusy());
    }

    void aFailureArrivesWithItsMessage()
    {
        TaskManager tasks;
        bool delivered = false;
        Task *task = tasks.run(
            TaskManager::Lane::Io, QStringLiteral("fails"), this, [](Feedback &) -> int { throw std::runtime_error("disk full: out.nc"); },
            [&](int &&) { delivered = true; });
        QSignalSpy finished(task, &Task::finished);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);
        QCOMPARE(finished.first().at(0).toBool(), false);
        QCOMPARE(finished.first().at(1).toString(), QStringLiteral("disk full: out.nc"));
        QVERIFY(!delivered);
    }

    void eachLaneRunsAtMostItsLimit()
    {
        TaskManager tasks;
        tasks.setLaneLimit(TaskManager::Lane::Training, 1);
        tasks.setLaneLimit(TaskManager::Lane::Io, 2);
        Gate training, io;
        QSignalSpy done(&tasks, &TaskManager::taskFinished);
        for (int i = 0; i < 3; ++i) {
            tasks.run(
                TaskManager::Lane::Training, QStringLiteral("train %1").arg(i), this, [&](Feedback &f) { return training.work(f); },
                [](int &&) {});
            tasks.run(
                TaskManager::Lane::Io, QStringLiteral("read %1").arg(i), this, [&](Feedback &f) { return io.work(f); }, [](int &&) {});
        }
        // Both lanes fill up to their limits, side by side, and no further.
        QTRY_COMPARE_WITH_TIMEOUT(training.running.load() + io.running.load(), 3, 5000);
        QTest::qWait(100);
        QCOMPARE(training.running.load(), 1);
        QCOMPARE(io.running.load(), 2);
        int waiting = 0;
        for (Task *task : tasks.activeTasks())
            waiting += task->state() == Task::State::Queued;
        QCOMPARE(waiting, 3);
        training.release = io.release = true;
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 6, 10000);
        QCOMPARE(training.most.load(), 1);
        QCOMPARE(io.most.load(), 2);
        QCOMPARE(training.started.load() + io.started.load(), 6);
    }

    void cancelAllStopsRunningTasksAndDropsWaitingOnes()
    {
        TaskManager tasks;
        Gate gate;
        std::vector<QSignalSpy *> spies;
        for (int i = 0; i < 3; ++i) {
            Task *task = tasks.run(
                TaskManager::Lane::Training, QStringLiteral("job %1").arg(i), this, [&](Feedback &f) { return gate.work(f); },
                [](int &&) {});
            spies.push_back(new QSignalSpy(task, &Task::finished));
        }
        QTRY_COMPARE_WITH_TIMEOUT(gate.running.load(), 1, 5000);
        QSignalSpy busy(&tasks, &TaskManager::busyChanged);
        tasks.cancelAll();
        // The waiting ones end at once, without starting; the running one within its next check.
        for (QSignalSpy *spy : spies) {
            QTRY_COMPARE_WITH_TIMEOUT(spy->count(), 1, 5000);
            QCOMPARE(spy->first().at(0).toBool(), false);
            QCOMPARE(spy->first().at(1).toString(), QString()); // canceled, not failed
            delete spy;
        }
        QCOMPARE(gate.started.load(), 1);
        QCOMPARE(busy.count(), 1);
        QCOMPARE(busy.first().at(0).toBool(), false);
        QVERIFY(!tasks.isBusy());
    }

    void aResultForAContextThatWentIsDropped()
    {
        TaskManager tasks;
        auto *context = new QObject;
        bool delivered = false;
        Gate gate;
        Task *task = tasks.run(
            TaskManager::Lane::Io, QStringLiteral("late"), context, [&](Feedback &f) { return gate.work(f); },
            [&](int &&) { delivered = true; });
        QSignalSpy finished(task, &Task::finished);
        delete context;
        gate.release = true;
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);
        QVERIFY(!delivered);
    }

    void destroyingTheManagerCancelsAndWaits()
    {
        Gate gate;
        {
            TaskManager tasks;
            tasks.run(
                TaskManager::Lane::Compute, QStringLiteral("long"), this, [&](Feedback &f) { return gate.work(f); }, [](int &&) {});
            QTRY_COMPARE_WITH_TIMEOUT(gate.running.load(), 1, 5000);
        }
        QCOMPARE(gate.running.load(), 0); // canceled, and finished before the manager went
    }

    void theStatusWidgetShowsWhatRunsAndCancelsIt()
    {
        TaskManager tasks;
        QWidget window;
        auto *status = new TaskStatusWidget(&tasks, &window);
        window.show();
        QVERIFY(!status->isVisible());
        Gate gate;
        Task *task = tasks.run(
            TaskManager::Lane::Io, QStringLiteral("Opening demo-data"), this, [&](Feedback &f) { return gate.work(f); }, [](int &&) {});
        tasks.run(
            TaskManager::Lane::Training, QStringLiteral("Training lstm"), this, [&](Feedback &f) { return gate.work(f); }, [](int &&) {});
        QVERIFY(status->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(gate.running.load(), 2, 5000);
        auto *label = status->findChild<QLabel *>();
        QVERIFY2(label->text().contains(QStringLiteral("Opening demo-data")), qPrintable(label->text()));
        QVERIFY2(label->text().contains(QStringLiteral("1 more")), qPrintable(label->text()));
        QSignalSpy finished(task, &Task::finished);
        auto *cancel = status->findChild<QToolButton *>();
        QVERIFY(cancel);
        QTest::mouseClick(cancel, Qt::LeftButton, {}, QPoint(4, cancel->height() / 2));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!status->isVisible(), 5000);
        QVERIFY(!tasks.isBusy());
    }
};

QTEST_MAIN(TestTaskManager)
#include "test_task_manager.moc"
