#pragma once

// Runs a program as a user would from a shell without a display, for the command-line tests.
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

struct ProcessResult {
    int exitCode = -1; // -1: it did not finish in time, or crashed
    QString out, err;
};

inline ProcessResult runProcess(const QString &program, const QStringList &args, const QString &workingDirectory = {},
                                int timeoutMs = 180000)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY")); // the CLI must not need one
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    process.setProcessEnvironment(env);
    if (!workingDirectory.isEmpty())
        process.setWorkingDirectory(workingDirectory);
    process.start(program, args);
    if (!process.waitForFinished(timeoutMs) || process.exitStatus() != QProcess::NormalExit)
        return {};
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

// The small demo the command-line tests share (6° cells, 2015-2016: seconds to make), by xmw itself.
inline ProcessResult makeSmallDemo(const QString &folder)
{
    return runProcess(QStringLiteral(XMW_CLI_PATH),
                      {QStringLiteral("make-demo"), QStringLiteral("--out"), folder, QStringLiteral("--resolution"), QStringLiteral("6"),
                       QStringLiteral("--years"), QStringLiteral("2015-2016")});
}
