// Data-parallel training as a user runs it: `xmw launch` and processes started by hand with
// torchrun's variables, on loopback. The curves of 1, 2 and 3 processes must agree, a checkpoint
// must resume with another number of processes, and a process that dies or never comes must stop
// the others with a message, not leave them waiting.
#include "cli_process.h"
#include "core/learn/run_file.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <arpa/inet.h>
#include <csignal>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cmath>

namespace {

int freePort()
{
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    ::bind(s, reinterpret_cast<sockaddr *>(&address), sizeof address);
    ::getsockname(s, reinterpret_cast<sockaddr *>(&address), &length);
    ::close(s);
    return ntohs(address.sin_port);
}

} // namespace

class TestDistributed : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QString demo_;

    static ProcessResult xmw(const QStringList &args) { return runProcess(QStringLiteral(XMW_CLI_PATH), args); }

    // Dropout off: it draws other masks in each process, so only then must the curves agree.
    QStringList trainArgs(const QString &out, const QString &method, int epochs) const
    {
        QStringList args{QStringLiteral("train"),     demo_,
                         QStringLiteral("--out"),     out,
                         QStringLiteral("--model"),   QStringLiteral("lstm"),
                         QStringLiteral("--method"),  method,
                         QStringLiteral("--epochs"),  QString::number(epochs),
                         QStringLiteral("--hidden"),  QStringLiteral("8"),
                         QStringLiteral("--batch"),   QStringLiteral("32"),
                         QStringLiteral("--dropout"), QStringLiteral("0"),
                         QStringLiteral("--threads"), QStringLiteral("1")};
        if (method == QStringLiteral("adversarial"))
            args << QStringLiteral("--tem-fraction") << QStringLiteral("0.05") << QStringLiteral("--finetune-epochs")
                 << QStringLiteral("1");
        return args;
    }

    QString run(const QString &name) const { return demo_ + QStringLiteral("/runs/") + name + QStringLiteral(".h5"); }

    static xmw::learn::RunRecord read(const QString &path) { return xmw::learn::readRunFile(path.toStdString()); }

    static void compareCurves(const xmw::learn::RunRecord &one, const xmw::learn::RunRecord &many)
    {
        QCOMPARE(many.history.size(), one.history.size());
        const auto close = [](double a, double b) {
            return (std::isnan(a) && std::isnan(b)) || std::abs(a - b) <= 1e-4 * std::max(1.0, std::abs(a));
        };
        for (std::size_t i = 0; i < one.history.size(); ++i) {
            const auto &a = one.history[i], &b = many.history[i];
            QVERIFY2(close(a.trainLoss, b.trainLoss) && close(a.validationLoss, b.validationLoss) && close(a.sourceLoss, b.sourceLoss) &&
                         close(a.targetLoss, b.targetLoss) && close(a.domainLoss, b.domainLoss),
                     qPrintable(QStringLiteral("epoch %1: train %2 vs %3, validation %4 vs %5")
                                    .arg(i)
                                    .arg(a.trainLoss, 0, 'g', 9)
                                    .arg(b.trainLoss, 0, 'g', 9)
                                    .arg(a.validationLoss, 0, 'g', 9)
                                    .arg(b.validationLoss, 0, 'g', 9)));
        }
        QVERIFY(std::abs(one.metrics.rmse - many.metrics.rmse) <= 1e-4 * one.metrics.rmse);
    }

    // A process of a run started by hand, as torchrun would.
    static void startRank(QProcess &process, const QStringList &args, int rank, int world, int port)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("MASTER_ADDR"), QStringLiteral("127.0.0.1"));
        env.insert(QStringLiteral("MASTER_PORT"), QString::number(port));
        env.insert(QStringLiteral("WORLD_SIZE"), QString::number(world));
        env.insert(QStringLiteral("RANK"), QString::number(rank));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(XMW_CLI_PATH), args);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        demo_ = dir_.filePath(QStringLiteral("demo"));
        const ProcessResult made = makeSmallDemo(demo_);
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
    }

    void curvesAgreeForAnyNumberOfProcesses_data()
    {
        QTest::addColumn<QString>("method");
        QTest::newRow("scratch") << QStringLiteral("scratch");
        QTest::newRow("adversarial") << QStringLiteral("adversarial"); // shares of two domains and a discriminator
    }

    void curvesAgreeForAnyNumberOfProcesses()
    {
        QFETCH(QString, method);
        const ProcessResult one = xmw(trainArgs(method + QStringLiteral("-one"), method, 3));
        QVERIFY2(one.exitCode == 0, qPrintable(one.err));
        for (const int n : {2, 3}) {
            const QString name = method + QStringLiteral("-") + QString::number(n);
            const ProcessResult many =
                xmw(QStringList{QStringLiteral("launch"), QStringLiteral("-n"), QString::number(n), QStringLiteral("--")} +
                    trainArgs(name, method, 3) + QStringList{QStringLiteral("--json")});
            QVERIFY2(many.exitCode == 0, qPrintable(many.err));
            QVERIFY2(many.out.contains(QStringLiteral("\"processes\":%1").arg(n)), qPrintable(many.out));
            QCOMPARE(many.out.count(QStringLiteral("\"run\":")), 1); // only rank 0 reports
            compareCurves(read(run(method + QStringLiteral("-one"))), read(run(name)));
        }
        // Only rank 0 wrote: the run file, no checkpoint or lock left behind.
        QCOMPARE(QDir(demo_ + QStringLiteral("/runs")).entryList({method + QStringLiteral("-2*")}, QDir::Files),
                 QStringList{method + QStringLiteral("-2.h5")});
    }

    // One process stops (Ctrl+C) after its first epochs; two go on from its checkpoint to the end.
    void resumesWithAnotherNumberOfProcesses()
    {
        QStringList args = trainArgs(QStringLiteral("resumed"), QStringLiteral("scratch"), 8);
        args[args.indexOf(QStringLiteral("--batch")) + 1] = QStringLiteral("1"); // ~1 s an epoch: time to stop it
        args << QStringLiteral("--patience") << QStringLiteral("1000");
        QProcess single;
        single.start(QStringLiteral(XMW_CLI_PATH), args);
        QByteArray err;
        QTRY_VERIFY_WITH_TIMEOUT((err += single.readAllStandardError()).contains("epoch   1/8"), 120000);
        QCOMPARE(::kill(pid_t(single.processId()), SIGINT), 0);
        QVERIFY(single.waitForFinished(60000));
        err += single.readAllStandardError();
        QVERIFY2(single.exitCode() == 130, err.constData());
        QVERIFY(QFile::exists(run(QStringLiteral("resumed")) + QStringLiteral(".checkpoint")));

        const ProcessResult resumed =
            xmw(QStringList{QStringLiteral("launch"), QStringLiteral("-n"), QStringLiteral("2"), QStringLiteral("--")} + args +
                QStringList{QStringLiteral("--resume")});
        QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
        QVERIFY2(resumed.err.contains(QStringLiteral("resuming member 0 after")), qPrintable(resumed.err));
        const xmw::learn::RunRecord done = read(run(QStringLiteral("resumed")));
        QCOMPARE(done.history.size(), std::size_t(8));
        QVERIFY(!QFile::exists(run(QStringLiteral("resumed")) + QStringLiteral(".checkpoint")));
    }

    // Processes started by hand with torchrun's variables; one is killed: the other must say so and end.
    void aDeadProcessStopsTheOthers()
    {
        const int port = freePort();
        QStringList args = trainArgs(QStringLiteral("orphan"), QStringLiteral("scratch"), 5000);
        args << QStringLiteral("--patience") << QStringLiteral("100000") << QStringLiteral("--distributed") << QStringLiteral("--timeout")
             << QStringLiteral("60");
        QProcess first, second;
        startRank(first, args, 0, 2, port);
        startRank(second, args, 1, 2, port);
        QByteArray err;
        QTRY_VERIFY_WITH_TIMEOUT((err += first.readAllStandardError()).contains("epoch   2/5000"), 120000);
        QVERIFY(second.readAllStandardError().isEmpty()); // the others stay quiet
        QElapsedTimer clock;
        clock.start();
        second.kill();
        QVERIFY(first.waitForFinished(60000));
        err += first.readAllStandardError();
        QCOMPARE(first.exitCode(), 1);
        QVERIFY2(err.contains("process 0 of 2: another process of the distributed run stopped"), err.constData());
        QVERIFY2(clock.elapsed() < 30000, "the survivor took the whole timeout to notice");
        QVERIFY(QFile::exists(run(QStringLiteral("orphan")) + QStringLiteral(".checkpoint"))); // for a resume
        QVERIFY(second.waitForFinished(10000));
    }

    void aProcessThatNeverComes()
    {
        QStringList args = trainArgs(QStringLiteral("alone"), QStringLiteral("scratch"), 1);
        args << QStringLiteral("--distributed") << QStringLiteral("--timeout") << QStringLiteral("2");
        QProcess first;
        startRank(first, args, 0, 2, freePort());
        QVERIFY(first.waitForFinished(60000));
        const QByteArray err = first.readAllStandardError();
        QCOMPARE(first.exitCode(), 1);
        QVERIFY2(err.contains("process 0 of 2 could not meet the others at 127.0.0.1:") && err.contains("within 2 s"), err.constData());
        QVERIFY(!QFile::exists(run(QStringLiteral("alone"))));
    }

    void mistakesAreUsageErrors()
    {
        const ProcessResult noEnvironment =
            xmw(trainArgs(QStringLiteral("x"), QStringLiteral("scratch"), 1) << QStringLiteral("--distributed"));
        QCOMPARE(noEnvironment.exitCode, 2);
        QVERIFY2(noEnvironment.err.contains(QStringLiteral("--distributed: no rendezvous in the environment")),
                 qPrintable(noEnvironment.err));
        const ProcessResult timeoutAlone =
            xmw(trainArgs(QStringLiteral("x"), QStringLiteral("scratch"), 1) << QStringLiteral("--timeout") << QStringLiteral("5"));
        QCOMPARE(timeoutAlone.exitCode, 2);
        QVERIFY(timeoutAlone.err.contains(QStringLiteral("--timeout applies to --distributed")));
        const ProcessResult noCommand = xmw({QStringLiteral("launch"), QStringLiteral("-n"), QStringLiteral("2")});
        QCOMPARE(noCommand.exitCode, 2);
        QVERIFY(noCommand.err.contains(QStringLiteral("the command to run follows --")));
        const ProcessResult other = xmw({QStringLiteral("launch"), QStringLiteral("--"), QStringLiteral("runs"), demo_});
        QCOMPARE(other.exitCode, 2);
        QVERIFY(other.err.contains(QStringLiteral("not 'runs'")));
        const ProcessResult badCount =
            xmw({QStringLiteral("launch"), QStringLiteral("-n"), QStringLiteral("0"), QStringLiteral("--"), QStringLiteral("train")});
        QCOMPARE(badCount.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestDistributed)
#include "test_distributed.moc"
