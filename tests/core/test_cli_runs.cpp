// xmw train, predict, runs, compare, upscale as a user runs them from the README: where runs go,
// what their outputs say, and that independent readers (Python's csv, netCDF4) accept the files.
#include "cli_process.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

class TestCliRuns : public QObject {
    Q_OBJECT

private:
    using Result = ProcessResult;

    static Result run(const QString &program, const QStringList &args, const QString &workingDirectory = {})
    {
        return runProcess(program, args, workingDirectory);
    }

    static Result xmw(const QStringList &args, const QString &workingDirectory = {})
    {
        return run(QStringLiteral(XMW_CLI_PATH), args, workingDirectory);
    }

    static QString script(const char *name) { return QStringLiteral(XMW_TEST_SCRIPTS_DIR "/") + QLatin1String(name); }

    // Python's csv module reads the file with every row as wide as the header.
    static void verifyCsv(const QString &file)
    {
        const Result r = run(QStringLiteral("/usr/bin/python3"), {script("check_csv.py"), file});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
    }

    QString writeFile(const QString &name, const QString &text)
    {
        const QString path = dir_.filePath(name);
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.write(text.toUtf8());
        return path;
    }

    // A quick run: one epoch of a small LSTM.
    QStringList quick(const QString &out) const
    {
        return {QStringLiteral("train"),    demo_,
                QStringLiteral("--epochs"), QStringLiteral("1"),
                QStringLiteral("--hidden"), QStringLiteral("8"),
                QStringLiteral("--out"),    out};
    }

    QTemporaryDir dir_;
    QString demo_;

private Q_SLOTS:
    void initTestCase()
    {
        demo_ = dir_.filePath(QStringLiteral("demo"));
        const Result made = makeSmallDemo(demo_);
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
    }

    // A bare --out name goes to DATASET/runs/ (created), where `xmw runs DATASET` and the explorer
    // look; both metric sets are reported, named apart.
    void aBareRunNameGoesToTheDatasetsRunsFolder()
    {
        QVERIFY(!QDir(demo_ + QStringLiteral("/runs")).exists());
        Result r = xmw(quick(QStringLiteral("scratch.h5")) << QStringLiteral("--json"), dir_.path());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(QFile::exists(demo_ + QStringLiteral("/runs/scratch.h5")));
        QVERIFY(!QFile::exists(dir_.filePath(QStringLiteral("scratch.h5"))));
        const QJsonObject json = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(json[QStringLiteral("test_set")].toString(), QStringLiteral("temporal"));
        const QJsonObject metrics = json[QStringLiteral("metrics")].toObject();
        const int gapFilled = metrics[QStringLiteral("test")].toObject()[QStringLiteral("count")].toInt();
        const int measured = metrics[QStringLiteral("test_measured")].toObject()[QStringLiteral("count")].toInt();
        QVERIFY2(measured > 0 && measured < gapFilled, qPrintable(QStringLiteral("%1 measured of %2").arg(measured).arg(gapFilled)));
        QVERIFY(metrics[QStringLiteral("per_site_measured")].toObject().size() > 0);

        // A path with a folder is taken as given, the folder made when missing.
        r = xmw(quick(dir_.filePath(QStringLiteral("elsewhere/deeper/x.h5"))));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(QFile::exists(dir_.filePath(QStringLiteral("elsewhere/deeper/x.h5"))));
        QVERIFY2(r.out.contains(QStringLiteral("gap-filled target")) && r.out.contains(QStringLiteral("measured days")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral(", 1 epoch in ")), qPrintable(r.out)); // not "1 epochs"
        // A file where the folder should be: refused before any training, with the path.
        writeFile(QStringLiteral("plain-file"), QStringLiteral("x"));
        r = xmw(quick(dir_.filePath(QStringLiteral("plain-file/x.h5"))));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("plain-file")) && !r.err.contains(QStringLiteral("epoch")), qPrintable(r.err));
    }

    // RFC 4180 everywhere: the cell label "cell:…,…" is quoted; measured and gap-filled apart.
    void predictWritesCsvThatPythonReads()
    {
        Result r = xmw({QStringLiteral("predict"), demo_ + QStringLiteral("/runs/scratch.h5"), QStringLiteral("--cell"),
                        QStringLiteral("61.8,24.2"), QStringLiteral("--csv")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        verifyCsv(writeFile(QStringLiteral("cell.csv"), r.out));
        QVERIFY(r.out.contains(QStringLiteral("\"cell:")));

        r = xmw({QStringLiteral("predict"), demo_ + QStringLiteral("/runs/scratch.h5"), QStringLiteral("--site"), QStringLiteral("US.Los"),
                 QStringLiteral("--csv")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        verifyCsv(writeFile(QStringLiteral("site.csv"), r.out));
        const QStringList lines = r.out.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.front(),
                 QStringLiteral("date,site,observed_measured_nmol_m-2_s-1,target_gapfilled_nmol_m-2_s-1,"
                                "predicted_nmol_m-2_s-1,spread_nmol_m-2_s-1,role"));
        int measured = 0, gapFilled = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QStringList f = lines[i].split(QLatin1Char(','));
            QCOMPARE(f[1], QStringLiteral("US-Los"));
            measured += f[2].isEmpty() ? 0 : 1;
            gapFilled += f[3].isEmpty() ? 0 : 1;
            if (!f[2].isEmpty())
                QCOMPARE(f[2], f[3]); // a measured day is its own target
        }
        QVERIFY2(measured > 0 && measured < gapFilled, qPrintable(QStringLiteral("%1 of %2").arg(measured).arg(gapFilled)));

        // series, the other CSV writer of the CLI, passes the same reader.
        r = xmw({QStringLiteral("series"), demo_, QStringLiteral("--site"), QStringLiteral("US-Los"), QStringLiteral("--csv")});
        QCOMPARE(r.exitCode, 0);
        verifyCsv(writeFile(QStringLiteral("series.csv"), r.out));
    }

    // One normaliser for tower ids; an unknown id is named, never dropped.
    void towerIdsAreNormalisedOrRefused()
    {
        Result r = xmw(quick(QStringLiteral("towers.h5"))
                       << QStringLiteral("--sites") << QStringLiteral("us.Los,FI_Sii") << QStringLiteral("--json"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject json = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(json[QStringLiteral("config")].toObject()[QStringLiteral("sites")].toArray(),
                 (QJsonArray{QStringLiteral("US-Los"), QStringLiteral("FI-Sii")}));
        const QJsonObject perSite = json[QStringLiteral("metrics")].toObject()[QStringLiteral("per_site")].toObject();
        for (const QString &site : perSite.keys())
            QVERIFY2(site == QStringLiteral("US-Los") || site == QStringLiteral("FI-Sii"), qPrintable(site));
        QVERIFY(!perSite.isEmpty());

        r = xmw(quick(QStringLiteral("nope.h5")) << QStringLiteral("--sites") << QStringLiteral("US-Los,XX-Nope"));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("XX-Nope")), qPrintable(r.err));
        QVERIFY(!QFile::exists(demo_ + QStringLiteral("/runs/nope.h5")));
    }

    void resumeNeedsACheckpoint()
    {
        const Result r = xmw(quick(QStringLiteral("never.h5")) << QStringLiteral("--resume"));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("no checkpoint")), qPrintable(r.err));
    }

    // Ctrl+C before an epoch has ended keeps nothing, and says so instead of promising a checkpoint.
    void interruptBeforeTheFirstEpochPromisesNothing()
    {
        QProcess process;
        process.start(QStringLiteral(XMW_CLI_PATH),
                      {QStringLiteral("train"), demo_, QStringLiteral("--method"), QStringLiteral("pretrain"),
                       QStringLiteral("--tem-fraction"), QStringLiteral("1"), QStringLiteral("--batch"), QStringLiteral("1"),
                       QStringLiteral("--hidden"), QStringLiteral("256"), QStringLiteral("--out"), QStringLiteral("interrupted.h5")});
        QByteArray err;
        QTRY_VERIFY_WITH_TIMEOUT((err += process.readAllStandardError()).contains("reading"), 30000);
        ::kill(pid_t(process.processId()), SIGINT);
        QVERIFY(process.waitForFinished(60000));
        err += process.readAllStandardError();
        QCOMPARE(process.exitCode(), 130);
        QVERIFY2(err.contains("before the first epoch ended") && !err.contains("--resume"), err.constData());
        QVERIFY(!QFile::exists(demo_ + QStringLiteral("/runs/interrupted.h5.checkpoint")));
    }

    // Runs with other test sets are shown as such and not compared silently.
    void runsAndCompareShowTheTestSet()
    {
        Result r = xmw(quick(QStringLiteral("spatial.h5"))
                       << QStringLiteral("--split") << QStringLiteral("spatial") << QStringLiteral("--fold") << QStringLiteral("1"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = xmw({QStringLiteral("runs"), demo_});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("test set")) && r.out.contains(QStringLiteral("spatial fold 1 of 5")), qPrintable(r.out));
        QVERIFY2(r.err.contains(QStringLiteral("different sets of site-years")), qPrintable(r.err));
        r = xmw({QStringLiteral("compare"), demo_ + QStringLiteral("/runs/scratch.h5"), demo_ + QStringLiteral("/runs/spatial.h5"),
                 QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray runs = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(runs.at(0).toObject()[QStringLiteral("test_set")].toString(), QStringLiteral("temporal"));
        QCOMPARE(runs.at(1).toObject()[QStringLiteral("test_set")].toString(), QStringLiteral("spatial fold 1 of 5"));
        QVERIFY(r.err.contains(QStringLiteral("different sets of site-years")));
        r = xmw({QStringLiteral("compare"), demo_ + QStringLiteral("/runs/scratch.h5"), demo_ + QStringLiteral("/runs/scratch.h5")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.isEmpty());

        r = xmw({QStringLiteral("runs"), dir_.filePath(QStringLiteral("missing"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("missing: folder not found")), qPrintable(r.err));
    }

    // R² is the coefficient of determination, as the paper reports it; the squared correlation is
    // r2_corr. Run files from before stored the squared correlation as "r2": they read the same.
    void r2IsTheCoefficientOfDetermination()
    {
        const QString current = demo_ + QStringLiteral("/runs/scratch.h5"), old = dir_.filePath(QStringLiteral("old-r2.h5"));
        const Result made = run(QStringLiteral("/usr/bin/python3"),
                                {QStringLiteral("-c"),
                                 QStringLiteral("import h5py, shutil, sys\n"
                                                "shutil.copy(sys.argv[1], sys.argv[2])\n"
                                                "with h5py.File(sys.argv[2], 'r+') as f:\n"
                                                "    for g in ('metrics', 'metrics_measured'):\n"
                                                "        a = f[g].attrs; a['r2'] = a['r2_corr']; del a['r2_corr']\n"
                                                "        s = f[g + '/per_site']; s['r2'][...] = s['r2_corr'][...]; del s['r2_corr']\n"),
                                 current, old});
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        const Result r = xmw({QStringLiteral("compare"), current, old, QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray runs = QJsonDocument::fromJson(r.out.toUtf8()).array();
        for (const char *set : {"test", "test_measured"}) {
            const QJsonObject now = runs.at(0).toObject()[QLatin1String(set)].toObject();
            const QJsonObject before = runs.at(1).toObject()[QLatin1String(set)].toObject();
            QCOMPARE(now[QStringLiteral("r2")].toDouble(), now[QStringLiteral("nse")].toDouble());
            QVERIFY(now[QStringLiteral("r2_corr")].toDouble() >= 0.0);
            QVERIFY(now[QStringLiteral("r2_corr")].toDouble() != now[QStringLiteral("r2")].toDouble());
            QCOMPARE(before, now);
        }
    }

    void nonsenseIsRefused_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QString d = QStringLiteral("DEMO");
        QTest::newRow("fractional epochs") << QStringList{QStringLiteral("train"),    d,
                                                          QStringLiteral("--epochs"), QStringLiteral("1.5"),
                                                          QStringLiteral("--out"),    QStringLiteral("x.h5")}
                                           << 2 << QStringLiteral("whole number");
        QTest::newRow("no layers") << QStringList{QStringLiteral("train"),    d,
                                                  QStringLiteral("--layers"), QStringLiteral("0"),
                                                  QStringLiteral("--out"),    QStringLiteral("x.h5")}
                                   << 2 << QStringLiteral("--layers must be in 1");
        QTest::newRow("fine-tune epochs of finetune") << QStringList{QStringLiteral("train"),
                                                                     d,
                                                                     QStringLiteral("--method"),
                                                                     QStringLiteral("finetune"),
                                                                     QStringLiteral("--pretrained"),
                                                                     QStringLiteral("scratch.h5"),
                                                                     QStringLiteral("--finetune-epochs"),
                                                                     QStringLiteral("3"),
                                                                     QStringLiteral("--out"),
                                                                     QStringLiteral("x.h5")}
                                                      << 2 << QStringLiteral("trains for --epochs");
        QTest::newRow("fold of a temporal split") << QStringList{QStringLiteral("samples"), d,
                                                                 QStringLiteral("--split"), QStringLiteral("temporal"),
                                                                 QStringLiteral("--fold"),  QStringLiteral("1"),
                                                                 QStringLiteral("--out"),   QStringLiteral("s.h5")}
                                                  << 2 << QStringLiteral("spatial only");
        QTest::newRow("demo before TEM-MDM") << QStringList{QStringLiteral("make-demo"), QStringLiteral("--out"), QStringLiteral("old"),
                                                            QStringLiteral("--years"), QStringLiteral("1950")}
                                             << 1 << QStringLiteral("1979–2018");
        QTest::newRow("series after the tower's years") << QStringList{QStringLiteral("series"),  d,
                                                                       QStringLiteral("--site"),  QStringLiteral("US-Los"),
                                                                       QStringLiteral("--years"), QStringLiteral("2020"),
                                                                       QStringLiteral("--csv")}
                                                        << 2 << QStringLiteral("not in --years 2020");
        QTest::newRow("series on the ocean") << QStringList{QStringLiteral("series"), d, QStringLiteral("--cell"), QStringLiteral("0,-30"),
                                                            QStringLiteral("--csv")}
                                             << 1 << QStringLiteral("ocean");
        QTest::newRow("upscale outside the years") << QStringList{QStringLiteral("upscale"),
                                                                  QStringLiteral("DEMO/runs/scratch.h5"),
                                                                  d,
                                                                  QStringLiteral("--year"),
                                                                  QStringLiteral("2020"),
                                                                  QStringLiteral("--out"),
                                                                  QStringLiteral("u.nc")}
                                                   << 2 << QStringLiteral("2015–2016, not 2020");
    }

    void nonsenseIsRefused()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        args.replaceInStrings(QStringLiteral("DEMO"), demo_);
        const Result r = xmw(args, dir_.path());
        QVERIFY2(r.exitCode == exitCode, qPrintable(QStringLiteral("exit %1: %2").arg(r.exitCode).arg(r.err)));
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(!QFile::exists(dir_.filePath(QStringLiteral("old"))));
        QVERIFY(!QFile::exists(dir_.filePath(QStringLiteral("u.nc"))));
    }

    // Cell centres with bounds, daily time bounds and CF attributes, read back by netCDF4, and the
    // TEM-MDM value of a known place where the source file has it. Also where the dataset moved.
    void upscaleWritesCfThatNetcdf4Reads()
    {
        const QString moved = dir_.filePath(QStringLiteral("moved-demo"));
        QVERIFY(QDir().rename(demo_, moved));
        const auto restore = qScopeGuard([&] { QDir().rename(moved, demo_); });
        const QString file = dir_.filePath(QStringLiteral("up.nc"));
        Result r = xmw({QStringLiteral("upscale"), moved + QStringLiteral("/runs/scratch.h5"), QStringLiteral("--year"),
                        QStringLiteral("2016"), QStringLiteral("--out"), file});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("--dataset")), qPrintable(r.err));
        r = xmw({QStringLiteral("upscale"), moved + QStringLiteral("/runs/scratch.h5"), QStringLiteral("--dataset"), moved,
                 QStringLiteral("--year"), QStringLiteral("2016"), QStringLiteral("--out"), file});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = run(QStringLiteral("/usr/bin/python3"),
                {script("check_cf_netcdf.py"), file, moved + QStringLiteral("/TEM-MDM/CH4_emission_intensity_2016.nc"),
                 QStringLiteral("61.8"), QStringLiteral("24.2")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        r = xmw({QStringLiteral("predict"), moved + QStringLiteral("/runs/scratch.h5"), QStringLiteral("--dataset"), moved,
                 QStringLiteral("--site"), QStringLiteral("US-Los"), QStringLiteral("--csv")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    // --emissions writes Tg per cell and month beside the upscaled file; over the year they add up
    // to what xmw budget gives for the run (read back by netCDF4, not by our reader).
    void upscaleEmissionsSumToTheBudget()
    {
        const QString file = dir_.filePath(QStringLiteral("up-em.nc"));
        Result r = xmw({QStringLiteral("upscale"), demo_ + QStringLiteral("/runs/scratch.h5"), QStringLiteral("--year"),
                        QStringLiteral("2016"), QStringLiteral("--emissions"), QStringLiteral("--out"), file});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("up-em.emissions.nc: Tg CH4 per cell and month, 12 months")), qPrintable(r.out));
        const QString emissions = dir_.filePath(QStringLiteral("up-em.emissions.nc"));
        const QString sum = QStringLiteral("import sys, netCDF4, numpy as np\n"
                                           "f = netCDF4.Dataset(sys.argv[1])\n"
                                           "v = f.variables['CH4_emission_total']\n"
                                           "assert v.units == 'Tg' and f.variables['cell_area'].standard_name == 'cell_area'\n"
                                           "assert f.variables['time'].calendar == 'noleap' and len(f.dimensions['time']) == 12\n"
                                           "assert abs(f.variables['cell_area'][:].sum() / 5.10066e14 - 1) < 1e-4\n"
                                           "assert not f.variables['wetland_fraction_is_climatology'][:].any()\n"
                                           "print(float(np.ma.masked_invalid(v[:]).sum()))\n");
        r = run(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), sum, emissions});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        const double fileTotal = r.out.trimmed().toDouble();
        r = xmw({QStringLiteral("budget"), demo_, QStringLiteral("--run"), file, QStringLiteral("--years"), QStringLiteral("2016"),
                 QStringLiteral("--bands"), QStringLiteral("none"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        double budget = -1;
        for (const auto &row : QJsonDocument::fromJson(r.out.toUtf8()).object()[QStringLiteral("rows")].toArray())
            if (row.toObject()[QStringLiteral("source")].toString() == QStringLiteral("up-em"))
                budget = row.toObject()[QStringLiteral("tg_ch4")].toDouble();
        QVERIFY2(fileTotal > 1 && std::abs(fileTotal / budget - 1) < 1e-4,
                 qPrintable(QStringLiteral("%1 vs %2").arg(fileTotal).arg(budget)));

        r = xmw({QStringLiteral("upscale"), demo_ + QStringLiteral("/runs/scratch.h5"), QStringLiteral("--years"),
                 QStringLiteral("2015-2016"), QStringLiteral("--task"), QStringLiteral("0"), QStringLiteral("--tasks"), QStringLiteral("2"),
                 QStringLiteral("--emissions"), QStringLiteral("--out"), dir_.filePath(QStringLiteral("parts.nc"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--merge")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliRuns)
#include "test_cli_runs.moc"
