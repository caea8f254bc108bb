#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

namespace xmw::ui {

class Task;
class TaskManager;

// Runs a sweep with the engine's own `xmw sweep` in a child process (docs/sweeps.md): every run is
// an `xmw train` of its own, so a crash in one never takes the explorer down, and a sweep started
// here is the same as one started from a shell (stopping and starting again resumes it). The
// child is watched by a task in the task manager's sweep lane, so it shows in the status bar with
// its progress and cancel, and closing the window stops it like any other task.
class SweepRunner : public QObject {
    Q_OBJECT

public:
    explicit SweepRunner(TaskManager *tasks, QObject *parent = nullptr);

    // The `xmw` beside this program (or on PATH); empty when there is none.
    [[nodiscard]] static QString engine();
    // Starts `xmw sweep SPEC --jobs JOBS`; false (and failed()) when one runs or xmw is missing.
    bool start(const QString &spec, int jobs);
    // Like Ctrl+C: the running runs keep their checkpoints.
    void stop();
    [[nodiscard]] bool isRunning() const;

Q_SIGNALS:
    // After each run that ends: how many of the sweep's runs are done, of all, and what it printed.
    void progress(int done, int total, const QString &line);
    void runEnded();
    // exitCode as `xmw sweep` gives it: 0 all done, 1 some failed, 130 stopped; `message` its last line.
    void finished(int exitCode, const QString &message);
    void failed(const QString &message);

private:
    TaskManager *tasks_;
    QPointer<Task> task_;
};

} // namespace xmw::ui
