#include "cli_process.h"
#include "core/version.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestCli : public QObject {
    Q_OBJECT

private:
    using Result = ProcessResult;

    static Result run(const QString &program, const QStringList &args) { return runProcess(program, args, {}, 60000); }
    static Result xmw(const QStringList &args) { return run(QStringLiteral(XMW_CLI_PATH), args); }

    QTemporaryDir dir_;
    QString demo_;

private Q_SLOTS:
    void initTestCase()
    {
        demo_ = dir_.filePath(QStringLiteral("demo"));
        const Result made = makeSmallDemo(demo_);
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        QVERIFY(made.out.contains(QStringLiteral("30×60 grid")));
    }

    void makeDemoRefusesAnExistingFolderAndLeavesNothing()
    {
        const Result again = xmw({QStringLiteral("make-demo"), QStringLiteral("--out"), demo_});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(QStringLiteral("already exists")), qPrintable(again.err));
        const Result bad = xmw({QStringLiteral("make-demo"), QStringLiteral("--out"), dir_.filePath(QStringLiteral("x")),
                                QStringLiteral("--resolution"), QStringLiteral("7")});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY(bad.err.contains(QStringLiteral("resolution must divide 180")));
        QCOMPARE(QDir(dir_.path()).entryList(QDir::Dirs | QDir::NoDotAndDotDot), QStringList{QStringLiteral("demo")});
    }

    void infoJson()
    {
        const Result r = xmw({QStringLiteral("info"), demo_, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject info = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(info[QStringLiteral("grid")].toObject()[QStringLiteral("rows")].toInt(), 30);
        QCOMPARE(info[QStringLiteral("years")].toArray().size(), 2);
        QCOMPARE(info[QStringLiteral("sites")].toInt(), 48);
        bool sawEmission = false;
        for (const auto &v : info[QStringLiteral("variables")].toArray()) {
            const QJsonObject o = v.toObject();
            if (o[QStringLiteral("name")].toString() == QStringLiteral("CH4_emission")) {
                sawEmission = true;
                QCOMPARE(o[QStringLiteral("units")].toString(), QStringLiteral("mg CH4 m-2 d-1"));
                QCOMPARE(o[QStringLiteral("shape")].toArray().size(), 4);
            }
        }
        QVERIFY(sawEmission);
    }

    void sitesJson()
    {
        const Result r = xmw({QStringLiteral("sites"), demo_, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray sites = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(sites.size(), 48);
        for (const auto &entry : sites) {
            const QJsonObject s = entry.toObject();
            for (const char *key : {"id", "lat", "lon", "igbp", "years", "days", "fch4_days", "fch4_mean"})
                QVERIFY2(s.contains(QLatin1String(key)), key);
            QVERIFY(s[QStringLiteral("id")].toString().contains(QLatin1Char('-')));
            QVERIFY(s[QStringLiteral("fch4_days")].toInt() <= s[QStringLiteral("days")].toInt());
            QCOMPARE(s[QStringLiteral("years")].toArray().size(), 2);
            // The code and its name side by side (5 is inferred, and the text table marks it).
            const int type = s[QStringLiteral("wetland_type")].toInt(0);
            if (s[QStringLiteral("id")].toString() == QStringLiteral("BW-Nxr"))
                QCOMPARE(s[QStringLiteral("wetland_type_name")].toString(), QStringLiteral("Alluvial formation (floodplain)"));
            if (type == 2)
                QCOMPARE(s[QStringLiteral("wetland_type_name")].toString(), QStringLiteral("Unforested bog"));
        }
        const Result text = xmw({QStringLiteral("sites"), demo_});
        QVERIFY(text.out.contains(QStringLiteral("Forested bog")));
        QVERIFY2(text.out.contains(QStringLiteral("5 Alluvial formation (floodplain) †")) &&
                     text.out.contains(QStringLiteral("† inferred")),
                 qPrintable(text.out));
    }

    void seriesCsv()
    {
        Result r = xmw({QStringLiteral("series"), demo_, QStringLiteral("--site"), QStringLiteral("US.Los"), QStringLiteral("--csv")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(QStringLiteral("date,FCH4 [nmol CH4 m-2 s-1],FCH4_F [nmol CH4 m-2 s-1],")));
        r = xmw({QStringLiteral("series"), demo_, QStringLiteral("--site"), QStringLiteral("US-Los"), QStringLiteral("--var"),
                 QStringLiteral("TA_F"), QStringLiteral("--years"), QStringLiteral("2016"), QStringLiteral("--csv")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(QStringLiteral("date,TA_F [degC]\n2016-01-01,")));
        QCOMPARE(r.out.trimmed().split(QLatin1Char('\n')).size(), 1 + 366);
        r = xmw({QStringLiteral("series"), demo_, QStringLiteral("--cell"), QStringLiteral("61.8,24.2"), QStringLiteral("--var"),
                 QStringLiteral("TAIR"), QStringLiteral("--years"), QStringLiteral("2016"), QStringLiteral("--csv")});
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.out.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 1 + 366);
        QCOMPARE(lines.front(), QStringLiteral("date,TAIR [degC]"));
        QVERIFY(lines.at(60).startsWith(QStringLiteral("2016-02-29,")));
    }

    void samplesFileIsReadableByH5py()
    {
        const QString file = dir_.filePath(QStringLiteral("samples.h5"));
        Result r = xmw({QStringLiteral("samples"), demo_, QStringLiteral("--out"), file, QStringLiteral("--split"),
                        QStringLiteral("spatial"), QStringLiteral("--fold"), QStringLiteral("1")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = xmw({QStringLiteral("samples"), demo_, QStringLiteral("--out"), file, QStringLiteral("--split"), QStringLiteral("spatial"),
                 QStringLiteral("--fold"), QStringLiteral("1")});
        QVERIFY(r.out.contains(QStringLiteral("up to date")));
        const QString script = QStringLiteral("import h5py, sys\n"
                                              "f = h5py.File(sys.argv[1], 'r')\n"
                                              "x, y = f['towers/x'], f['towers/y']\n"
                                              "assert x.shape[1:] == (365, 15) and y.shape == x.shape[:2], (x.shape, y.shape)\n"
                                              "assert list(x.attrs['feature_names'])[12] == 'TAIR'\n"
                                              "assert y.attrs['units'] == 'nmol CH4 m-2 s-1'\n"
                                              "assert f['tem/x'].shape[0] > 0 and f['normalisation/mean'].shape == (15,)\n"
                                              "assert set(f['towers/role'][:]) <= {0, 1, 2}\n"
                                              "print(x.shape[0], f.attrs['split'])\n");
        r = run(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), script, file});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("spatial fold 1 of 5")));
    }

    void badInputGivesAMessageAndAStatus()
    {
        Result r = xmw({QStringLiteral("info"), dir_.filePath(QStringLiteral("missing"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("missing: folder not found")), qPrintable(r.err));
        r = xmw({QStringLiteral("info"), dir_.path()});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QStringLiteral("neither TEM-MDM/ nor FLUXNET-CH4/")));
        r = xmw({QStringLiteral("series"), demo_, QStringLiteral("--site"), QStringLiteral("XX-Nope"), QStringLiteral("--csv")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("no site 'XX-Nope'")));
        // A near miss is answered with the name it probably meant, as the command names are.
        const auto suggests = [&](const QStringList &options, const QString &guess) {
            const Result miss = xmw(QStringList{QStringLiteral("series"), demo_} + options + QStringList{QStringLiteral("--csv")});
            QCOMPARE(miss.exitCode, 2);
            QVERIFY2(miss.err.contains(QStringLiteral("did you mean '%1'?").arg(guess)), qPrintable(miss.err));
        };
        suggests({QStringLiteral("--site"), QStringLiteral("US-Bess")}, QStringLiteral("US-Bes"));
        suggests({QStringLiteral("--site"), QStringLiteral("US-Bes"), QStringLiteral("--var"), QStringLiteral("TA_G")},
                 QStringLiteral("TA_F"));
        suggests({QStringLiteral("--cell"), QStringLiteral("61.8,24.2"), QStringLiteral("--var"), QStringLiteral("TAI")},
                 QStringLiteral("TAIR"));
        r = xmw({QStringLiteral("series"), demo_, QStringLiteral("--cell"), QStringLiteral("north"), QStringLiteral("--csv")});
        QCOMPARE(r.exitCode, 2);
        r = xmw({QStringLiteral("samples"), demo_, QStringLiteral("--out"), dir_.filePath(QStringLiteral("s.h5")),
                 QStringLiteral("--split"), QStringLiteral("spatial"), QStringLiteral("--fold"), QStringLiteral("7")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!QFile::exists(dir_.filePath(QStringLiteral("s.h5"))));
        r = xmw({QStringLiteral("info"), demo_, QStringLiteral("--frobnicate")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("unknown option --frobnicate")));
    }

    // The demo's wetland map beside it gives totals; an independent NumPy program agrees with them.
    void budgetTotalsAgreeWithAnIndependentSum()
    {
        const Result table = xmw({QStringLiteral("budget"), demo_});
        QVERIFY2(table.exitCode == 0, qPrintable(table.err));
        for (const char *needle : {"Tg CH4", "wetland Mkm²", "30°N–60°N", "mean ± sd", "WAD2M_wetlands_demo.nc", "29 February is left out"})
            QVERIFY2(table.out.contains(QString::fromUtf8(needle)), needle);

        const Result checked =
            run(QStringLiteral("/usr/bin/python3"),
                {QStringLiteral(XMW_TEST_SCRIPTS_DIR "/check_budget.py"), QStringLiteral(XMW_CLI_PATH), demo_,
                 demo_ + QStringLiteral("/WAD2M/WAD2M_wetlands_demo.nc"), QStringLiteral("2015"), QStringLiteral("2016")});
        QVERIFY2(checked.exitCode == 0, qPrintable(checked.out + checked.err));
        QVERIFY2(checked.out.contains(QStringLiteral("budgets agree: 10 totals")), qPrintable(checked.out));
        qInfo("%s", qPrintable(checked.out.trimmed()));

        const Result csv =
            xmw({QStringLiteral("budget"), demo_, QStringLiteral("--years"), QStringLiteral("2016"), QStringLiteral("--monthly"),
                 QStringLiteral("--region"), QStringLiteral("40,75,170,-130"), QStringLiteral("--csv")});
        QVERIFY2(csv.exitCode == 0, qPrintable(csv.err));
        const QStringList lines = csv.out.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 1 + 6 * 13); // globe, 4 bands and the box; the year and its 12 months
        QVERIFY(lines.front().startsWith(QStringLiteral("source,region,year,month,tg_ch4,")));
    }

    // Without a wetland map there is no number in Tg: mean fluxes only, and it says why.
    void budgetWithoutAMapGivesNoTotals()
    {
        const QString copy = dir_.filePath(QStringLiteral("no-map"));
        QVERIFY(QDir().mkpath(copy));
        QVERIFY(QFile::link(demo_ + QStringLiteral("/TEM-MDM"), copy + QStringLiteral("/TEM-MDM")));
        const Result r = xmw({QStringLiteral("budget"), copy, QStringLiteral("--bands"), QStringLiteral("none")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("no wetland map")) && r.out.contains(QStringLiteral("--wetland-area")), qPrintable(r.out));
        QVERIFY2(!r.out.contains(QStringLiteral("Tg CH4")), qPrintable(r.out));
        const Result json = xmw({QStringLiteral("budget"), copy, QStringLiteral("--json")});
        QVERIFY(json.exitCode == 0);
        const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QVERIFY(o[QStringLiteral("wetland_map")].isNull());
        QVERIFY(!o[QStringLiteral("rows")].toArray().first().toObject().contains(QStringLiteral("tg_ch4")));
    }

    void budgetRefusesBadInputByName()
    {
        const Result h5 = xmw({QStringLiteral("budget"), demo_, QStringLiteral("--run"), QStringLiteral("some.h5")});
        QCOMPARE(h5.exitCode, 1);
        QVERIFY2(h5.err.contains(QStringLiteral("some.h5")) && h5.err.contains(QStringLiteral("xmw upscale")), qPrintable(h5.err));
        const Result box = xmw({QStringLiteral("budget"), demo_, QStringLiteral("--region"), QStringLiteral("50,40,0,10")});
        QCOMPARE(box.exitCode, 2);
        QVERIFY2(box.err.contains(QStringLiteral("south < north")), qPrintable(box.err));
        const QString notPolygon = dir_.filePath(QStringLiteral("point.geojson"));
        QFile f(notPolygon);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"type": "Point", "coordinates": [10, 50]})");
        f.close();
        const Result point = xmw({QStringLiteral("budget"), demo_, QStringLiteral("--geojson"), notPolygon});
        QCOMPARE(point.exitCode, 1);
        QVERIFY2(point.err.contains(QStringLiteral("point.geojson")) && point.err.contains(QStringLiteral("Polygon")),
                 qPrintable(point.err));
        const Result years = xmw({QStringLiteral("budget"), demo_, QStringLiteral("--years"), QStringLiteral("1990-1991")});
        QCOMPARE(years.exitCode, 1);
        QVERIFY2(years.err.contains(QStringLiteral("1990–1991")), qPrintable(years.err));
    }

    void versionRunsWithoutADisplay()
    {
        const Result result = run(QStringLiteral(XMW_CLI_PATH), {QStringLiteral("--version")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.startsWith(QStringLiteral("xmw %1 ").arg(QLatin1String(xmw::kVersion))), qPrintable(result.out));
        QVERIFY(result.out.contains(QStringLiteral("LibTorch")));
        QVERIFY(result.out.contains(QStringLiteral("NetCDF-C")));
        QVERIFY(result.out.contains(QStringLiteral("HDF5")));
    }

    void helpListsCommands()
    {
        const Result result = run(QStringLiteral(XMW_CLI_PATH), {QStringLiteral("help")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains(QStringLiteral("version")));
    }

    // Every command explains itself: `xmw NAME --help` and `xmw help NAME` print its usage, exit 0.
    void eachCommandHasItsOwnHelp()
    {
        const Result list = xmw({QStringLiteral("help")});
        QStringList names;
        for (const QString &line : list.out.split(QLatin1Char('\n')))
            if (line.startsWith(QStringLiteral("  ")))
                names << line.trimmed().section(QLatin1Char(' '), 0, 0);
        QVERIFY(names.contains(QStringLiteral("train")) && names.size() >= 12);
        for (const QString &name : names) {
            const Result asked = xmw({name, QStringLiteral("--help")});
            QCOMPARE(asked.exitCode, 0);
            QVERIFY2(asked.out.startsWith(QStringLiteral("xmw %1: ").arg(name)) && asked.out.contains(QStringLiteral("Usage: xmw ") + name),
                     qPrintable(asked.out));
            const Result viaHelp = xmw({QStringLiteral("help"), name});
            QCOMPARE(viaHelp.exitCode, 0);
            QCOMPARE(viaHelp.out, asked.out);
        }
        const Result train = xmw({QStringLiteral("train"), QStringLiteral("-h")});
        for (const char *option : {"--model", "--method", "--pretrained", "--epochs", "--finetune-epochs", "--resume", "--sites", "--json"})
            QVERIFY2(train.out.contains(QLatin1String(option)), option);
        QCOMPARE(xmw({QStringLiteral("help"), QStringLiteral("nope")}).exitCode, 2);
    }

    // A slip of the keyboard gets the nearest name, not just a refusal.
    void misspeltNamesGetASuggestion()
    {
        Result r = xmw({QStringLiteral("trian")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("did you mean 'train'?")), qPrintable(r.err));
        r = xmw({QStringLiteral("train"), demo_, QStringLiteral("--model"), QStringLiteral("lstn"), QStringLiteral("--out"),
                 QStringLiteral("x")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("did you mean 'lstm'?")), qPrintable(r.err));
        r = xmw({QStringLiteral("train"), demo_, QStringLiteral("--method"), QStringLiteral("finetnue"), QStringLiteral("--out"),
                 QStringLiteral("x")});
        QVERIFY2(r.exitCode == 2 && r.err.contains(QStringLiteral("did you mean 'finetune'?")), qPrintable(r.err));
        r = xmw(
            {QStringLiteral("train"), demo_, QStringLiteral("--epoch"), QStringLiteral("2"), QStringLiteral("--out"), QStringLiteral("x")});
        QVERIFY2(r.exitCode == 2 && r.err.contains(QStringLiteral("did you mean --epochs?")), qPrintable(r.err));
        // Nothing near: no guess.
        r = xmw({QStringLiteral("train"), demo_, QStringLiteral("--model"), QStringLiteral("forest"), QStringLiteral("--out"),
                 QStringLiteral("x")});
        QVERIFY2(r.exitCode == 2 && !r.err.contains(QStringLiteral("did you mean")), qPrintable(r.err));
        QVERIFY(!QDir(demo_ + QStringLiteral("/runs")).exists()); // refused before anything was written
    }

    void unknownCommandFailsWithAMessage()
    {
        const Result result = run(QStringLiteral(XMW_CLI_PATH), {QStringLiteral("frobnicate")});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(QStringLiteral("unknown command 'frobnicate'")), qPrintable(result.err));
    }

    void linksNoQt6()
    {
        // Debian's libtorch brings Qt 5 through OpenCV; the CLI itself must not bring Qt 6.
        const Result result = run(QStringLiteral("ldd"), {QStringLiteral(XMW_CLI_PATH)});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains(QStringLiteral("libtorch")));
        QVERIFY2(!result.out.contains(QStringLiteral("libQt6")), qPrintable(result.out));
        QVERIFY(!result.out.contains(QStringLiteral("libvtk")));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
