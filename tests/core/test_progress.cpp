// Progress of long commands on stderr: a bar redrawn in place on a terminal, plain lines in a log,
// and never anything on stdout.
#include "app/cli/progress.h"

#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

using xmw::cli::ProgressBar;

namespace {

// What `body` writes to stderr.
template <typename Body>
QByteArray stderrOf(Body &&body)
{
    QTemporaryDir dir;
    const QByteArray path = dir.filePath(QStringLiteral("stderr")).toLocal8Bit();
    std::fflush(stderr);
    const int saved = ::dup(STDERR_FILENO);
    const int file = ::open(path.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::dup2(file, STDERR_FILENO);
    ::close(file);
    body();
    std::fflush(stderr);
    ::dup2(saved, STDERR_FILENO);
    ::close(saved);
    QFile read(QString::fromLocal8Bit(path));
    (void)read.open(QIODevice::ReadOnly);
    return read.readAll();
}

} // namespace

class TestProgress : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void theBarFitsTheTerminal()
    {
        const ProgressBar bar(true, true, 80);
        const std::string half = bar.barLine(0.5, "training", "epoch 12/50", 80.0);
        QVERIFY(half.size() <= 79);
        QVERIFY(half.find(" 50 %") != std::string::npos);
        QVERIFY(half.find("epoch 12/50") != std::string::npos);
        QVERIFY(half.find("ETA 1m20s") != std::string::npos);
        const auto open = half.find('['), close = half.find(']');
        const std::string inside = half.substr(open + 1, close - open - 1);
        QCOMPARE(std::count(inside.begin(), inside.end(), '#'), std::ptrdiff_t(std::lround(double(inside.size()) / 2)));
        // Narrow terminals keep the bar and the percentage; the detail gives way.
        const ProgressBar narrow(true, true, 40);
        const std::string squeezed = narrow.barLine(1.0, "building tower samples", "member 3/5, epoch 12/50", 5.0);
        QVERIFY(squeezed.size() <= 39);
        QVERIFY(squeezed.find("100 %") != std::string::npos);
        QVERIFY(squeezed.find("ETA") == std::string::npos); // done: no ETA
    }

    void aLogGetsPlainLines()
    {
        const QByteArray text = stderrOf([] {
            ProgressBar bar(true, false, 80);
            for (int i = 0; i <= 100; ++i)
                bar.update(i / 100.0, "writing");
            bar.note("a note of its own");
        });
        QVERIFY(!text.contains('\r') && !text.contains('\033'));
        const QList<QByteArray> lines = text.trimmed().split('\n');
        QCOMPARE(lines.size(), 12); // 0, 10, …, 100 %, and the note
        QCOMPARE(lines.front(), QByteArray("writing: 0 %"));
        QCOMPARE(lines.at(10), QByteArray("writing: 100 %"));
        QCOMPARE(lines.back(), QByteArray("a note of its own"));
        // Commands with lines of their own (train, sweep) add no progress lines to a log.
        const QByteArray quiet = stderrOf([] {
            ProgressBar bar(false, false, 80);
            bar.update(0.5, "training");
            bar.note("member 1/1 train epoch 1/5");
        });
        QCOMPARE(quiet, QByteArray("member 1/1 train epoch 1/5\n"));
    }

    void aTerminalRedrawsInPlaceWithNotesAbove()
    {
        const QByteArray text = stderrOf([] {
            ProgressBar bar(false, true, 60);
            bar.update(0.25, "training");
            bar.note("epoch 1 done");
            bar.finish();
        });
        const QList<QByteArray> lines = text.split('\n');
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines.at(0).startsWith("\r\033[Ktraining"));
        QVERIFY(lines.at(0).contains("\r\033[Kepoch 1 done")); // the bar's line is cleared for the note
        QVERIFY(lines.at(1).startsWith("training")); // and drawn again below it
        QVERIFY(lines.at(1).contains(" 25 %"));
        QCOMPARE(lines.at(2), QByteArray());
    }

    // The real command: a bar when stderr is a terminal (a pseudo-terminal from script(1)), plain
    // lines when it is a pipe, and the result alone on stdout either way.
    void makeDemoShowsABarOnlyOnATerminal()
    {
        QTemporaryDir dir;
        const QStringList args = {QStringLiteral("make-demo"),    QStringLiteral("--out"), dir.filePath(QStringLiteral("piped")),
                                  QStringLiteral("--resolution"), QStringLiteral("10"),    QStringLiteral("--years"),
                                  QStringLiteral("2015-2015")};
        QProcess piped;
        piped.start(QStringLiteral(XMW_CLI_PATH), args);
        QVERIFY(piped.waitForFinished(120000));
        QCOMPARE(piped.exitCode(), 0);
        const QByteArray log = piped.readAllStandardError();
        QVERIFY2(!log.contains('\r') && !log.contains('\033'), log.constData());
        QVERIFY2(log.contains(": 100 %"), log.constData());
        QVERIFY(!piped.readAllStandardOutput().contains('%'));

        const QString script = QStandardPaths::findExecutable(QStringLiteral("script"));
        if (script.isEmpty())
            QSKIP("script(1) is not installed: no pseudo-terminal to test with");
        QString command = QStringLiteral(XMW_CLI_PATH);
        for (QString arg : args)
            command += QStringLiteral(" '") + arg.replace(QStringLiteral("piped"), QStringLiteral("terminal")) + QLatin1Char('\'');
        QProcess terminal;
        terminal.start(script, {QStringLiteral("-qec"), command + QStringLiteral(" 2>&1 >/dev/null"), QStringLiteral("/dev/null")});
        QVERIFY(terminal.waitForFinished(120000));
        QCOMPARE(terminal.exitCode(), 0);
        const QByteArray screen = terminal.readAllStandardOutput();
        QVERIFY2(screen.contains("\r\033[K"), screen.constData());
        QVERIFY2(screen.contains("100 %"), screen.constData());
        QVERIFY2(screen.contains("] "), screen.constData());
    }
};

QTEST_GUILESS_MAIN(TestProgress)
#include "test_progress.moc"
