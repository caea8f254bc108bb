#include "ui/benchmark/sweep_runner.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>

namespace xmw::ui {

SweepRunner::SweepRunner(QObject *parent)
    : QObject(parent)
{
    process_.setProcessChannelMode(QProcess::SeparateChannels);
    process_.setStandardOutputFile(QProcess::nullDevice());
    connect(&process_, &QProcess::readyReadStandardError, this, &SweepRunner::readLines);
    connect(&process_, &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus status) {
        readLines();
        if (status != QProcess::NormalExit)
            Q_EMIT finished(-1, tr("xmw sweep ended abnormally"));
        else
            Q_EMIT finished(exitCode, lastLine_);
    });
    connect(&process_, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            Q_EMIT failed(tr("Could not start %1: %2").arg(process_.program(), process_.errorString()));
    });
}

SweepRunner::~SweepRunner()
{
    // Closing the explorer stops the sweep as Ctrl+C would: each run keeps its checkpoint.
    if (isRunning()) {
        stop();
        if (!process_.waitForFinished(30000))
            process_.kill();
    }
}

QString SweepRunner::engine()
{
    const QString beside = QCoreApplication::applicationDirPath() + QStringLiteral("/xmw");
    if (QFileInfo(beside).isExecutable())
        return beside;
    return QStandardPaths::findExecutable(QStringLiteral("xmw"));
}

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
    pending_.clear();
    lastLine_.clear();
    process_.start(xmw, {QStringLiteral("sweep"), spec, QStringLiteral("--jobs"), QString::number(jobs)});
    return true;
}

void SweepRunner::stop()
{
    if (isRunning())
        process_.terminate(); // SIGTERM: xmw sweep stops its runs as on Ctrl+C
}

void SweepRunner::readLines()
{
    static const QRegularExpression ended(QStringLiteral("^\\[(\\d+)/(\\d+)\\] (done|FAILED) "));
    pending_ += process_.readAllStandardError();
    for (qsizetype end; (end = pending_.indexOf('\n')) >= 0;) {
        const QString line = QString::fromUtf8(pending_.left(end)).trimmed();
        pending_.remove(0, end + 1);
        if (line.isEmpty())
            continue;
        lastLine_ = line;
        if (const auto match = ended.match(line); match.hasMatch()) {
            Q_EMIT progress(match.captured(1).toInt(), match.captured(2).toInt(), line);
            Q_EMIT runEnded();
        }
    }
}

} // namespace xmw::ui
