#include "ui/benchmark/sweep_runner.h"

#include "ui/tasks/task_manager.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

#include <stdexcept>

namespace xmw::ui {

namespace {

// `xmw sweep` on the worker thread: its stderr lines become progress, a cancel becomes SIGTERM
// (xmw sweep stops its runs as on Ctrl+C, each keeping its checkpoint), and its exit status the
// task's end. The process belongs to the worker thread, which waits on it without an event loop.
class SweepTask : public Task {
    Q_OBJECT

public:
    SweepTask(QString description, QString program, QStringList arguments)
        : Task(std::move(description))
        , program_(std::move(program))
        , arguments_(std::move(arguments))
    {}

    [[nodiscard]] int exitCode() const { return exitCode_; }
    [[nodiscard]] const QString &lastLine() const { return lastLine_; }

Q_SIGNALS:
    // From the worker thread, delivered queued on the GUI thread.
    void runEnded(int done, int total, const QString &line);

protected:
    void run(Feedback &feedback) override
    {
        QProcess process;
        process.setProcessChannelMode(QProcess::SeparateChannels);
        process.setStandardOutputFile(QProcess::nullDevice());
        process.start(program_, arguments_);
        if (!process.waitForStarted(30000))
            throw std::runtime_error(tr("Could not start %1: %2").arg(program_, process.errorString()).toStdString());
        constexpr int kGraceMs = 30000; // for the runs to write their checkpoints
        bool stopping = false;
        while (process.state() != QProcess::NotRunning) {
            if (feedback.isCanceled() && !std::exchange(stopping, true)) {
                process.terminate();
                if (!process.waitForFinished(kGraceMs))
                    process.kill();
            }
            process.waitForReadyRead(200);
            readLines(process, feedback);
        }
        process.waitForFinished(1000);
        readLines(process, feedback);
        exitCode_ = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        if (stopping || exitCode_ == 130)
            throw Canceled();
    }

private:
    void readLines(QProcess &process, Feedback &feedback)
    {
        static const QRegularExpression ended(QStringLiteral("^\\[(\\d+)/(\\d+)\\] (done|FAILED) "));
        pending_ += process.readAllStandardError();
        for (qsizetype end; (end = pending_.indexOf('\n')) >= 0;) {
            const QString line = QString::fromUtf8(pending_.left(end)).trimmed();
            pending_.remove(0, end + 1);
            if (line.isEmpty())
                continue;
            lastLine_ = line;
            if (const auto match = ended.match(line); match.hasMatch()) {
                const int done = match.captured(1).toInt(), total = match.captured(2).toInt();
                feedback.setProgress(total > 0 ? double(done) / total : 0.0);
                Q_EMIT runEnded(done, total, line);
            }
        }
    }

    QString program_;
    QStringList arguments_;
    QByteArray pending_;
    QString lastLine_;
    int exitCode_ = -1;
};

} // namespace

SweepRunner::SweepRunner(TaskManager *tasks, QObject *parent)
    : QObject(parent)
    , tasks_(tasks)
{}

QString SweepRunner::engine()
{
    const QString beside = QCoreApplication::applicationDirPath() + QStringLiteral("/xmw");
    if (QFileInfo(beside).isExecutable())
        return beside;
    return QStandardPaths::findExecutable(QStringLiteral("xmw"));
}

bool SweepRunner::isRunning() const { return task_ && task_->isActive(); }

bool SweepRunner::start(const QString &spec, int jobs)
{
    if (isRunning()) {
        Q_EMIT failed(tr("A sweep is running already"));
        return false;
    }
    const QString xmw = engine();
    if (xmw.isEmpty()) {
        Q_EMIT failed(tr("The xmw command was not found beside the explorer or on the PATH"));
        return false;
    }
    auto owned = std::make_unique<SweepTask>(tr("Sweep %1").arg(QFileInfo(spec).dir().dirName()), xmw,
                                             QStringList{QStringLiteral("sweep"), spec, QStringLiteral("--jobs"), QString::number(jobs)});
    SweepTask *task = owned.get();
    connect(task, &SweepTask::runEnded, this, [this](int done, int total, const QString &line) {
        Q_EMIT progress(done, total, line);
        Q_EMIT runEnded();
    });
    connect(task, &Task::finished, this, [this, task](bool ok, const QString &error) {
        if (ok)
            Q_EMIT finished(task->exitCode(), task->exitCode() == -1 ? tr("xmw sweep ended abnormally") : task->lastLine());
        else if (error.isEmpty())
            Q_EMIT finished(130, task->lastLine()); // stopped
        else if (task->exitCode() == -1 && task->lastLine().isEmpty())
            Q_EMIT failed(error); // it never ran
        else
            Q_EMIT finished(task->exitCode(), task->lastLine().isEmpty() ? error : task->lastLine());
    });
    task_ = tasks_->add(std::move(owned), TaskManager::Lane::Sweep);
    return true;
}

void SweepRunner::stop()
{
    if (isRunning())
        task_->cancel();
}

} // namespace xmw::ui

#include "sweep_runner.moc"
