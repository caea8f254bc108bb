// Faults a long run meets in real life, done to the real `xmw`: kill -9 at any moment (in a batch,
// while the checkpoint or the run file is being written) and resume; Ctrl+C; a full disk (a file
// size limit) while a run, a sample file or an upscaled map is written; two processes writing the
// same output. Each promise these tests check is listed in docs/reliability.md.
#include "cli_process.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <thread>

class TestFaults : public QObject {
    Q_OBJECT

private:
    static ProcessResult xmw(const QStringList &args) { return runProcess(QStringLiteral(XMW_CLI_PATH), args); }

    // A run long enough to be killed in the middle: several epochs of a small LSTM.
    // On LibTorch's layers: the fused kernels train an epoch of this model in well under the
    // 50–1500 ms that the kill waits within one, so the run would end before it.
    QStringList training(const QString &out, int epochs) const
    {
        return {QStringLiteral("train"),     demo_,
                QStringLiteral("--kernels"), QStringLiteral("libtorch"),
                QStringLiteral("--epochs"),  QString::number(epochs),
                QStringLiteral("--hidden"),  QStringLiteral("16"),
                QStringLiteral("--batch"),   QStringLiteral("4"),
                QStringLiteral("--threads"), QStringLiteral("1"),
                QStringLiteral("--out"),     out};
    }

    // What a writer of `output` leaves beside it only when it dies mid-write: partial files, a lock.
    static QString leftovers(const QString &output)
    {
        const QFileInfo info(output);
        QStringList found;
        for (const QString &name : QDir(info.absolutePath()).entryList({info.fileName() + QStringLiteral(".*")}, QDir::Files))
            if (name.contains(QStringLiteral(".partial-")) || name.endsWith(QStringLiteral(".lock")))
                found << name;
        return found.join(QLatin1Char(' '));
    }

    // The last "epoch N/M" line a training process printed; 0 if none.
    static int lastEpoch(const QByteArray &err)
    {
        int last = 0;
        static const QRegularExpression line(QStringLiteral("epoch +(\\d+)/\\d+:"));
        for (auto it = line.globalMatch(QString::fromUtf8(err)); it.hasNext();)
            last = it.next().captured(1).toInt();
        return last;
    }

    // The run file as h5py reads it: its number of history rows, or -1 when it cannot be read.
    static int historyRows(const QString &run)
    {
        const ProcessResult r = runProcess(QStringLiteral("/usr/bin/python3"),
                                           {QStringLiteral("-c"),
                                            QStringLiteral("import h5py,sys; f=h5py.File(sys.argv[1],'r'); "
                                                           "print(len(f['history/epoch']), len(f['test/predicted']))"),
                                            run});
        return r.exitCode == 0 ? r.out.split(QLatin1Char(' ')).value(0).toInt() : -1;
    }

    static QByteArray fileBytes(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    // Runs `args` under a file-size limit of `kib` KiB (ulimit -f), as a full disk would stop it.
    static ProcessResult withFileSizeLimit(int kib, const QStringList &args)
    {
        QStringList shell{QStringLiteral("-c"), QStringLiteral("ulimit -f %1 && exec \"$0\" \"$@\"").arg(kib),
                          QStringLiteral(XMW_CLI_PATH)};
        return runProcess(QStringLiteral("/bin/bash"), shell + args);
    }

    QTemporaryDir dir_;
    QString demo_, runs_;

private Q_SLOTS:
    void initTestCase()
    {
        demo_ = dir_.filePath(QStringLiteral("demo"));
        const ProcessResult made = makeSmallDemo(demo_);
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        runs_ = demo_ + QStringLiteral("/runs");
        QVERIFY(QDir().mkpath(runs_));
    }

    void killNineThenResume_data()
    {
        QTest::addColumn<QString>("moment");
        QTest::newRow("in a batch") << QStringLiteral("batch");
        QTest::newRow("while the checkpoint is written") << QStringLiteral(".checkpoint.partial-");
        QTest::newRow("while the run file is written") << QStringLiteral(".partial-");
    }

    // kill -9 at a chosen moment; --resume then finishes with a valid run file with every epoch,
    // and at most the epoch in progress at the kill is trained again.
    void killNineThenResume()
    {
        QFETCH(QString, moment);
        constexpr int epochs = 6;
        static int trial = 0;
        const QString name = QStringLiteral("killed-%1.h5").arg(++trial);
        const QString out = runs_ + QLatin1Char('/') + name;
        QProcess process;
        process.setProcessChannelMode(QProcess::SeparateChannels);
        process.start(QStringLiteral(XMW_CLI_PATH), training(out, epochs));
        QVERIFY(process.waitForStarted());
        const pid_t pid = pid_t(process.processId());
        QByteArray err;
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(150);
        bool killed = false;
        if (moment == QLatin1String("batch")) {
            // Somewhere in the second to fifth epoch, at a random time within a batch.
            QTRY_VERIFY_WITH_TIMEOUT((err += process.readAllStandardError(), lastEpoch(err) >= 1), 120000);
            QTest::qWait(int(QRandomGenerator::global()->bounded(50, 1500)));
            killed = ::kill(pid, SIGKILL) == 0;
        } else {
            // After the first epoch (so that there is a checkpoint to lose), poll the folder for the
            // partial file of the write to interrupt.
            QTRY_VERIFY_WITH_TIMEOUT((err += process.readAllStandardError(), lastEpoch(err) >= 1), 120000);
            const std::string tag = (name + moment).toStdString();
            while (!killed && std::chrono::steady_clock::now() < deadline && process.state() == QProcess::Running) {
                std::error_code ec;
                for (const auto &entry : std::filesystem::directory_iterator(runs_.toStdString(), ec))
                    if (entry.path().filename().string().starts_with(tag)) {
                        killed = ::kill(pid, SIGKILL) == 0;
                        break;
                    }
                if (!killed)
                    std::this_thread::sleep_for(std::chrono::microseconds(200));
                err += process.readAllStandardError();
            }
        }
        QVERIFY2(killed, "the moment to kill at did not come");
        QVERIFY(process.waitForFinished(30000));
        err += process.readAllStandardError();
        QCOMPARE(process.exitStatus(), QProcess::CrashExit);
        const int finished = lastEpoch(err);
        QVERIFY2(finished >= 1, err.constData());
        if (QFile::exists(out)) { // the kill landed just after the run file's rename: it is whole
            QCOMPARE(historyRows(out), epochs);
            if (!QFile::exists(out + QStringLiteral(".checkpoint")))
                return;
        }

        const ProcessResult resumed = xmw(training(out, epochs) << QStringLiteral("--resume"));
        QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
        static const QRegularExpression resumedAfter(QStringLiteral("after (\\d+) epochs?"));
        const auto match = resumedAfter.match(resumed.err);
        QVERIFY2(match.hasMatch(), qPrintable(resumed.err));
        const int kept = match.captured(1).toInt();
        QVERIFY2(kept >= finished - 1 && kept <= finished,
                 qPrintable(QStringLiteral("printed %1 epochs, resumed after %2").arg(finished).arg(kept)));
        QCOMPARE(historyRows(out), epochs);
        const QString left = leftovers(out);
        QVERIFY2(left.isEmpty(), qPrintable(left));
        QVERIFY(!QFile::exists(out + QStringLiteral(".checkpoint")));
    }

    // Ctrl+C (and SIGTERM, as Slurm sends) stops at the end of the batch, keeps the checkpoint of
    // the last finished epoch and writes no run file; --resume goes on from there.
    void interruptKeepsTheCheckpoint_data()
    {
        QTest::addColumn<int>("signal");
        QTest::newRow("SIGINT") << int(SIGINT);
        QTest::newRow("SIGTERM") << int(SIGTERM);
    }

    void interruptKeepsTheCheckpoint()
    {
        QFETCH(int, signal);
        const QString out = runs_ + QStringLiteral("/interrupted-%1.h5").arg(signal);
        QProcess process;
        process.start(QStringLiteral(XMW_CLI_PATH), training(out, 6));
        QByteArray err;
        QTRY_VERIFY_WITH_TIMEOUT((err += process.readAllStandardError(), lastEpoch(err) >= 2), 120000);
        const auto sent = std::chrono::steady_clock::now();
        ::kill(pid_t(process.processId()), signal);
        QVERIFY(process.waitForFinished(60000));
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - sent).count();
        err += process.readAllStandardError();
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 130);
        QVERIFY2(err.contains("keeps the last finished epoch") && err.contains("--resume"), err.constData());
        QVERIFY2(seconds < 20, qPrintable(QStringLiteral("stopping took %1 s").arg(seconds)));
        QVERIFY(QFile::exists(out + QStringLiteral(".checkpoint")));
        QVERIFY(!QFile::exists(out));
        QCOMPARE(leftovers(out), QString());

        const ProcessResult resumed = xmw(training(out, 6) << QStringLiteral("--resume"));
        QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
        QCOMPARE(historyRows(out), 6);
    }

    void fullDiskFailsCleanly_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::addColumn<QString>("output");
        QTest::addColumn<int>("kib"); // the file-size limit: room for the checkpoints, not for the output
        const QString run = QStringLiteral("/runs/full.h5"), samples = QStringLiteral("/samples-full.h5"),
                      map = QStringLiteral("/upscaled-full.nc");
        QTest::newRow("run file") << QStringList{QStringLiteral("train"), QStringLiteral("%D"),       QStringLiteral("--epochs"),
                                                 QStringLiteral("2"),     QStringLiteral("--hidden"), QStringLiteral("16"),
                                                 QStringLiteral("--out"), QStringLiteral("%O")}
                                  << run << 100;
        QTest::newRow("sample file") << QStringList{QStringLiteral("samples"), QStringLiteral("%D"), QStringLiteral("--force"),
                                                    QStringLiteral("--out"), QStringLiteral("%O")}
                                     << samples << 48;
        QTest::newRow("upscaled map") << QStringList{QStringLiteral("upscale"), QStringLiteral("%R"),   QStringLiteral("%D"),
                                                     QStringLiteral("--year"),  QStringLiteral("2016"), QStringLiteral("--out"),
                                                     QStringLiteral("%O")}
                                      << map << 48;
    }

    // A write that runs out of room fails with a message naming the file, leaves no partial file,
    // and the previous version of the output is untouched.
    void fullDiskFailsCleanly()
    {
        QFETCH(QStringList, command);
        QFETCH(QString, output);
        QFETCH(int, kib);
        const QString out = demo_ + output;
        const QString reference = runs_ + QStringLiteral("/reference.h5");
        if (!QFile::exists(reference)) {
            const ProcessResult r = xmw(training(reference, 1));
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        }
        for (QString &a : command)
            a.replace(QStringLiteral("%D"), demo_).replace(QStringLiteral("%O"), out).replace(QStringLiteral("%R"), reference);

        const ProcessResult first = xmw(command);
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        const QByteArray previous = fileBytes(out);
        QVERIFY(previous.size() > kib * 1024);

        const ProcessResult full = withFileSizeLimit(kib, command);
        QVERIFY2(full.exitCode >= 1 && full.exitCode <= 127, qPrintable(QStringLiteral("exit %1: %2").arg(full.exitCode).arg(full.err)));
        const QString fileName = QFileInfo(out).fileName();
        QVERIFY2(full.err.contains(fileName + QStringLiteral(": writing failed")), qPrintable(full.err));
        QVERIFY2(fileBytes(out) == previous, "the previous version was changed");
        QCOMPARE(leftovers(out), QString());
        // A training that filled the disk at its end keeps its checkpoint: with room again,
        // --resume writes the run without training again.
        if (QFile::exists(out + QStringLiteral(".checkpoint"))) {
            const ProcessResult resumed = xmw(command << QStringLiteral("--resume"));
            QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
            QVERIFY(!QFile::exists(out + QStringLiteral(".checkpoint")));
            QVERIFY(fileBytes(out) != previous);
        }
    }

    // Two trainings with one --out: the first wins cleanly, the second is refused at once with a
    // message naming the file, and no lock is left behind.
    void twoWritersOfOneOutput()
    {
        const QString out = runs_ + QStringLiteral("/contested.h5");
        QProcess first;
        first.start(QStringLiteral(XMW_CLI_PATH), training(out, 3));
        QByteArray err;
        QTRY_VERIFY_WITH_TIMEOUT((err += first.readAllStandardError()).contains("epoch"), 120000);
        // Paused, the first cannot finish (and let go of the output) before the second asks for it,
        // however slowly the second process starts on a busy machine.
        QCOMPARE(::kill(pid_t(first.processId()), SIGSTOP), 0);
        const ProcessResult second = xmw(training(out, 3));
        QCOMPARE(::kill(pid_t(first.processId()), SIGCONT), 0);
        QCOMPARE(second.exitCode, 1);
        QVERIFY2(second.err.contains(QStringLiteral("contested.h5")) && second.err.contains(QStringLiteral("another process")),
                 qPrintable(second.err));
        QVERIFY(first.waitForFinished(120000));
        QCOMPARE(first.exitCode(), 0);
        QCOMPARE(historyRows(out), 3);
        QCOMPARE(leftovers(out), QString());

        // And once the first is done, the output is free again.
        const ProcessResult again = xmw(training(out, 1));
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    }
};

QTEST_GUILESS_MAIN(TestFaults)
#include "test_faults.moc"
