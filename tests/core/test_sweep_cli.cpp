// xmw sweep and xmw report as a user runs them: a small grid end to end, a second start that finds
// everything done, failures kept and retried on request, Ctrl+C, the Slurm scripts.
#include "cli_process.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/types.h>

class TestSweepCli : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QString demo_;

    static ProcessResult xmw(const QStringList &args) { return runProcess(QStringLiteral(XMW_CLI_PATH), args); }

    // A sweep file beside the demo dataset: `body` is the rest of the JSON object.
    QString spec(const QString &name, const QString &body) const
    {
        const QString path = dir_.filePath(name + QStringLiteral(".json"));
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.write(QStringLiteral(R"({"name": "%1", "dataset": "demo", %2})").arg(name, body).toUtf8());
        return path;
    }

    QString sweepFolder(const QString &name) const { return demo_ + QStringLiteral("/runs/") + name; }

    static QByteArray fileBytes(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    static const QString tinyBody()
    {
        return QStringLiteral(R"("models": ["lstm"], "methods": ["scratch", "finetune"], "epochs": 1,
                                 "options": {"hidden": 8, "batch": 32}, "pretrain": {"tem-fraction": 0.05})");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        demo_ = dir_.filePath(QStringLiteral("demo"));
        const ProcessResult made = makeSmallDemo(demo_);
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
    }

    void runsTheGridThenFindsItDone()
    {
        const QString file = spec(QStringLiteral("tiny"), tinyBody());
        const ProcessResult plan = xmw({QStringLiteral("sweep"), file, QStringLiteral("--dry-run"), QStringLiteral("--jobs"),
                                        QStringLiteral("2"), QStringLiteral("--threads"), QStringLiteral("1")});
        QVERIFY2(plan.exitCode == 0, qPrintable(plan.err));
        QVERIFY2(plan.out.contains(QStringLiteral("stage pretrain (1 runs)")) && plan.out.contains(QStringLiteral("[pending] xmw train")) &&
                     plan.out.contains(QStringLiteral("--pretrained ")) && plan.out.contains(QStringLiteral("3 pending")),
                 qPrintable(plan.out));
        QVERIFY(!QDir(sweepFolder(QStringLiteral("tiny"))).exists()); // a dry run writes nothing

        const ProcessResult ran = xmw({QStringLiteral("sweep"), file, QStringLiteral("--jobs"), QStringLiteral("2"),
                                       QStringLiteral("--threads"), QStringLiteral("1")});
        QVERIFY2(ran.exitCode == 0, qPrintable(ran.err));
        QVERIFY2(ran.err.contains(QStringLiteral("[3/3] done lstm-finetune-temporal-p100-s0")) && ran.err.contains(QStringLiteral("R²")),
                 qPrintable(ran.err));
        // The finetune run started only after its pretraining run was done.
        QVERIFY2(ran.err.contains(QStringLiteral("done lstm-pretrain-s0")) &&
                     ran.err.indexOf(QStringLiteral("done lstm-pretrain-s0")) < ran.err.indexOf(QStringLiteral("started lstm-finetune")),
                 qPrintable(ran.err));
        const QStringList runs = QDir(sweepFolder(QStringLiteral("tiny"))).entryList({QStringLiteral("*.h5")});
        QCOMPARE(runs,
                 (QStringList{QStringLiteral("lstm-finetune-temporal-p100-s0.h5"), QStringLiteral("lstm-pretrain-s0.h5"),
                              QStringLiteral("lstm-scratch-temporal-p100-s0.h5")}));
        QVERIFY(fileBytes(sweepFolder(QStringLiteral("tiny")) + QStringLiteral("/lstm-scratch-temporal-p100-s0.log")).contains("epoch"));

        const ProcessResult again = xmw({QStringLiteral("sweep"), file});
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QVERIFY2(again.err.contains(QStringLiteral("3 done")) && !again.err.contains(QStringLiteral("started")), qPrintable(again.err));

        const ProcessResult status = xmw({QStringLiteral("sweep"), file, QStringLiteral("--status")});
        QVERIFY2(status.exitCode == 0, qPrintable(status.err));
        QCOMPARE(status.out.count(QRegularExpression(QStringLiteral("^  done +lstm-.* RMSE [0-9.]+  R² -?[0-9.]+"),
                                                     QRegularExpression::MultilineOption)),
                 3);

        const ProcessResult report = xmw({QStringLiteral("report"), sweepFolder(QStringLiteral("tiny"))});
        QVERIFY2(report.exitCode == 0, qPrintable(report.err));
        QVERIFY2(report.out.contains(QStringLiteral("### temporal: rmse")) &&
                     report.out.contains(QStringLiteral("| model | scratch | finetune |")) &&
                     report.out.contains(QStringLiteral("| lstm | ")),
                 qPrintable(report.out));
        QVERIFY2(report.err.contains(QStringLiteral("1 pretraining run left out")), qPrintable(report.err));
        // The dataset folder finds the sweep's runs below runs/.
        const ProcessResult csv = xmw({QStringLiteral("report"), demo_, QStringLiteral("--format"), QStringLiteral("csv"),
                                       QStringLiteral("--metrics"), QStringLiteral("rmse,kge,bias")});
        QVERIFY2(csv.exitCode == 0, qPrintable(csv.err));
        QCOMPARE(csv.out.trimmed().split(QLatin1Char('\n')).size(), 1 + 2 * 3);
        const ProcessResult badMetric = xmw({QStringLiteral("report"), demo_, QStringLiteral("--metrics"), QStringLiteral("rsme")});
        QCOMPARE(badMetric.exitCode, 2);
        QVERIFY2(badMetric.err.contains(QStringLiteral("did you mean 'rmse'")), qPrintable(badMetric.err));
    }

    // xmw bench grid measures one run of each kind (here: pretraining, scratch and fine-tuning) and
    // projects the whole sweep from them, without touching the sweep's folder.
    void benchGridProjectsTheSweepFromOneRunOfEachKind()
    {
        const QString file =
            spec(QStringLiteral("projected"), QStringLiteral(R"("models": ["lstm"], "methods": ["scratch", "finetune"], "seeds": [0, 1],
                                                    "epochs": 50, "options": {"hidden": 8, "batch": 32, "validation": 0},
                                                    "pretrain": {"tem-fraction": 0.05, "epochs": 20})"));
        const ProcessResult r =
            xmw({QStringLiteral("bench"), QStringLiteral("grid"), file, QStringLiteral("--jobs"), QStringLiteral("2"),
                 QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("--dir"), dir_.filePath(QStringLiteral("grid-scratch"))});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        QVERIFY2(r.out.contains(QStringLiteral("6 runs of 3 kinds")), qPrintable(r.out));
        for (const char *kind : {"lstm pretrain tem", "lstm scratch temporal", "lstm finetune temporal"})
            QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("\\n  %1 +[0-9—]").arg(QLatin1String(kind)))), qPrintable(r.out));
        QVERIFY2(!r.out.contains(QStringLiteral("failed")), qPrintable(r.out));
        // Two jobs finish the six runs in less than one after another, but no faster than twice.
        const auto seconds = [&](const QString &label) {
            const QRegularExpressionMatch m = QRegularExpression(label + QStringLiteral(R"(: (?:(\d+)m)?(\d+)s)")).match(r.out);
            return m.hasMatch() ? m.captured(1).toInt() * 60 + m.captured(2).toInt() : -1;
        };
        const int serial = seconds(QStringLiteral("one after another")), parallel = seconds(QStringLiteral("in the sweep's order"));
        QVERIFY2(serial > 0 && parallel > 0 && parallel < serial && 2 * parallel >= serial - 1, qPrintable(r.out));
        QVERIFY(!QDir(sweepFolder(QStringLiteral("projected"))).exists());
    }

    void failuresAreKeptAndRetriedOnRequest()
    {
        const QString file = spec(QStringLiteral("broken"), QStringLiteral(R"("models": ["gru"], "methods": ["scratch"], "epochs": 1,
                                                                            "options": {"hidden": 8, "sites": ["XX-Nop"]})"));
        const ProcessResult ran = xmw({QStringLiteral("sweep"), file, QStringLiteral("--threads"), QStringLiteral("1")});
        QCOMPARE(ran.exitCode, 1);
        QVERIFY2(ran.err.contains(QStringLiteral("FAILED gru-scratch-temporal-p100-s0")) &&
                     ran.err.contains(QStringLiteral("--retry-failed")),
                 qPrintable(ran.err));
        const QByteArray why = fileBytes(sweepFolder(QStringLiteral("broken")) + QStringLiteral("/gru-scratch-temporal-p100-s0.failed"));
        QVERIFY2(why.startsWith("xmw train failed (exit status") && why.contains("XX-Nop"), why.constData());

        const ProcessResult again = xmw({QStringLiteral("sweep"), file, QStringLiteral("--threads"), QStringLiteral("1")});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(QStringLiteral("1 failed")) && !again.err.contains(QStringLiteral("started")), qPrintable(again.err));
        const ProcessResult status = xmw({QStringLiteral("sweep"), file, QStringLiteral("--status")});
        QVERIFY2(status.out.contains(QStringLiteral("failed       gru-scratch-temporal-p100-s0")), qPrintable(status.out));
        const ProcessResult retried =
            xmw({QStringLiteral("sweep"), file, QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("--retry-failed")});
        QCOMPARE(retried.exitCode, 1);
        QVERIFY2(retried.err.contains(QStringLiteral("started gru-scratch")), qPrintable(retried.err));
    }

    void mistakesStopBeforeAnyRun()
    {
        const QString file =
            spec(QStringLiteral("typo"), QStringLiteral(R"("models": ["lstm"], "methods": ["scratch"], "options": {"lr": "fast"})"));
        const ProcessResult ran = xmw({QStringLiteral("sweep"), file});
        QCOMPARE(ran.exitCode, 1);
        QVERIFY2(ran.err.contains(QStringLiteral("typo.json: run lstm-scratch-temporal-p100-s0: --lr expects a number, got 'fast'")),
                 qPrintable(ran.err));
        QVERIFY(!QDir(sweepFolder(QStringLiteral("typo"))).exists());
        const ProcessResult tooMany = xmw({QStringLiteral("sweep"), spec(QStringLiteral("tiny"), tinyBody()), QStringLiteral("--jobs"),
                                           QStringLiteral("1000"), QStringLiteral("--threads"), QStringLiteral("1")});
        QCOMPARE(tooMany.exitCode, 2);
        QVERIFY2(tooMany.err.contains(QStringLiteral("cores")), qPrintable(tooMany.err));
    }

    // --ntasks 2: each run is one distributed run, started by xmw launch.
    void runsOfSeveralProcesses()
    {
        const QString file = spec(QStringLiteral("pairs"), QStringLiteral(R"("models": ["lstm"], "methods": ["scratch"], "epochs": 1,
                                                                           "options": {"hidden": 8, "batch": 32})"));
        const QStringList args{QStringLiteral("sweep"), file, QStringLiteral("--ntasks"), QStringLiteral("2"), QStringLiteral("--threads"),
                               QStringLiteral("1")};
        const ProcessResult plan = xmw(args + QStringList{QStringLiteral("--dry-run")});
        QVERIFY2(plan.exitCode == 0 && plan.out.contains(QStringLiteral(" launch -n 2 -- train ")), qPrintable(plan.out + plan.err));
        const ProcessResult ran = xmw(args);
        QVERIFY2(ran.exitCode == 0, qPrintable(ran.err));
        QVERIFY(ran.err.contains(QStringLiteral("2 processes of 1 thread each")));
        QVERIFY(fileBytes(sweepFolder(QStringLiteral("pairs")) + QStringLiteral("/lstm-scratch-temporal-p100-s0.log"))
                    .contains("distributed: 2 processes (torchrun environment)"));
        const ProcessResult tooMany = xmw({QStringLiteral("sweep"), file, QStringLiteral("--ntasks"), QStringLiteral("1000"),
                                           QStringLiteral("--threads"), QStringLiteral("1")});
        QCOMPARE(tooMany.exitCode, 2);
        QVERIFY2(tooMany.err.contains(QStringLiteral("--ntasks 1000")), qPrintable(tooMany.err));
    }

    void interruptKeepsTheCheckpoint()
    {
        const QString file = spec(QStringLiteral("long"), QStringLiteral(R"("models": ["lstm"], "methods": ["scratch"], "epochs": 500,
                                                                         "options": {"hidden": 8, "patience": 1000, "validation": 0})"));
        const QString log = sweepFolder(QStringLiteral("long")) + QStringLiteral("/lstm-scratch-temporal-p100-s0.log");
        QProcess sweep;
        sweep.start(QStringLiteral(XMW_CLI_PATH), {QStringLiteral("sweep"), file, QStringLiteral("--threads"), QStringLiteral("1")});
        QTRY_VERIFY_WITH_TIMEOUT(fileBytes(log).contains("epoch   2/500"), 120000);
        QCOMPARE(::kill(pid_t(sweep.processId()), SIGINT), 0);
        QVERIFY(sweep.waitForFinished(60000));
        const QString err = QString::fromUtf8(sweep.readAllStandardError());
        QCOMPARE(sweep.exitCode(), 130);
        QVERIFY2(err.contains(QStringLiteral("stopped: the same command goes on where it stopped")), qPrintable(err));
        QVERIFY(QFile::exists(sweepFolder(QStringLiteral("long")) + QStringLiteral("/lstm-scratch-temporal-p100-s0.h5.checkpoint")));
        QVERIFY(!QFile::exists(sweepFolder(QStringLiteral("long")) + QStringLiteral("/lstm-scratch-temporal-p100-s0.failed")));
        const ProcessResult status = xmw({QStringLiteral("sweep"), file, QStringLiteral("--status")});
        QVERIFY2(status.out.contains(QStringLiteral("checkpointed lstm-scratch-temporal-p100-s0")), qPrintable(status.out));
        const ProcessResult plan = xmw({QStringLiteral("sweep"), file, QStringLiteral("--dry-run")});
        QVERIFY2(plan.out.contains(QStringLiteral("--resume")), qPrintable(plan.out));
    }

    void slurmScriptsChainTheStages()
    {
        const QString file = spec(QStringLiteral("tiny"), tinyBody());
        const ProcessResult wrote =
            xmw({QStringLiteral("sweep"), file, QStringLiteral("--slurm"), QStringLiteral("--partition"), QStringLiteral("debug"),
                 QStringLiteral("--time"), QStringLiteral("00:30:00"), QStringLiteral("--cpus-per-task"), QStringLiteral("2")});
        QVERIFY2(wrote.exitCode == 0, qPrintable(wrote.err));
        const QString slurm = sweepFolder(QStringLiteral("tiny")) + QStringLiteral("/slurm/");
        QVERIFY2(
            wrote.out.contains(QStringLiteral("pretrain=$(sbatch --parsable ") + slurm + QStringLiteral("pretrain.sbatch)")) &&
                wrote.out.contains(QStringLiteral("sbatch --dependency=afterok:$pretrain ") + slurm + QStringLiteral("dependent.sbatch")),
            qPrintable(wrote.out));
        const QByteArray dependent = fileBytes(slurm + QStringLiteral("dependent.sbatch"));
        QVERIFY2(dependent.startsWith("#!/bin/bash\n") && dependent.contains("#SBATCH --array=0-0\n") &&
                     dependent.contains("#SBATCH --partition=debug\n") && dependent.contains("#SBATCH --time=00:30:00\n") &&
                     dependent.contains("#SBATCH --cpus-per-task=2\n") && dependent.contains(" sweep ") &&
                     dependent.contains("--stage dependent --threads 2 --task \"$SLURM_ARRAY_TASK_ID\""),
                 dependent.constData());

        // A task whose run is done ends at once; a task number past the stage is a usage error.
        const ProcessResult task = xmw({QStringLiteral("sweep"), file, QStringLiteral("--stage"), QStringLiteral("dependent"),
                                        QStringLiteral("--task"), QStringLiteral("0")});
        QVERIFY2(task.exitCode == 0 && task.err.contains(QStringLiteral("done already")), qPrintable(task.err));
        const ProcessResult past = xmw({QStringLiteral("sweep"), file, QStringLiteral("--stage"), QStringLiteral("dependent"),
                                        QStringLiteral("--task"), QStringLiteral("1")});
        QCOMPARE(past.exitCode, 2);

        // Without Slurm, --submit says so.
        QProcess noSlurm;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PATH"), QStringLiteral("/nonexistent"));
        noSlurm.setProcessEnvironment(env);
        noSlurm.start(QStringLiteral(XMW_CLI_PATH), {QStringLiteral("sweep"), file, QStringLiteral("--slurm"), QStringLiteral("--submit")});
        QVERIFY(noSlurm.waitForFinished(60000));
        QCOMPARE(noSlurm.exitCode(), 1);
        QVERIFY2(QString::fromUtf8(noSlurm.readAllStandardError()).contains(QStringLiteral("sbatch was not found")), "no message");
    }
};

QTEST_GUILESS_MAIN(TestSweepCli)
#include "test_sweep_cli.moc"
