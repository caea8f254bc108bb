// An upscaled map over several years made by independent workers: how the work is cut, the parts
// each worker makes (only the missing ones on a rerun), and the merge, which must give the values
// of a one-year upscale and refuse missing or overlapping parts.
#include "cli_process.h"
#include "core/data/netcdf_file.h"
#include "core/learn/upscale_parts.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace xmw::learn;

class TestUpscaleParts : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QString demo_, run_;

    static ProcessResult xmw(const QStringList &args) { return runProcess(QStringLiteral(XMW_CLI_PATH), args); }
    QString path(const QString &name) const { return dir_.filePath(name); }
    QStringList workerArgs(const QString &out, int task, int tasks) const
    {
        return {QStringLiteral("upscale"), run_,
                QStringLiteral("--years"), QStringLiteral("2015-2016"),
                QStringLiteral("--task"),  QString::number(task),
                QStringLiteral("--tasks"), QString::number(tasks),
                QStringLiteral("--out"),   out};
    }

    // One day's field of a flux variable: `index` on the file's time axis.
    static std::vector<float> day(const QString &file, const char *variable, std::size_t index)
    {
        const auto nc = xmw::data::NetcdfFile::open(file.toStdString());
        const int v = nc.variable(variable);
        const auto dims = nc.dimensions(v);
        std::vector<float> out(dims[1].length * dims[2].length);
        const std::size_t start[3] = {index, 0, 0}, count[3] = {1, dims[1].length, dims[2].length};
        nc.read(v, start, count, out.data());
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        demo_ = path(QStringLiteral("demo"));
        const ProcessResult made = makeSmallDemo(demo_);
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        run_ = path(QStringLiteral("lstm.h5"));
        const ProcessResult trained =
            xmw({QStringLiteral("train"), demo_, QStringLiteral("--out"), run_, QStringLiteral("--epochs"), QStringLiteral("1"),
                 QStringLiteral("--hidden"), QStringLiteral("8"), QStringLiteral("--threads"), QStringLiteral("1")});
        QVERIFY2(trained.exitCode == 0, qPrintable(trained.err));
    }

    void cutsTheWork()
    {
        // More workers than years: each year is cut in blocks of cells, so that all have work.
        const auto plan = planUpscaleParts({2015, 2016}, 4);
        QCOMPARE(plan.size(), std::size_t(4));
        QCOMPARE(plan[1], (UpscalePart{2015, 1, 2}));
        QCOMPARE(partsOfTask(plan, 1, 4), (std::vector<UpscalePart>{{2015, 1, 2}}));
        const auto years = planUpscaleParts({1979, 1980, 1981, 1982, 1983}, 2);
        QCOMPARE(years.size(), std::size_t(5));
        QCOMPARE(partsOfTask(years, 0, 2), (std::vector<UpscalePart>{{1979, 0, 1}, {1981, 0, 1}, {1983, 0, 1}}));
        // Names and back.
        QCOMPARE(UpscalePart({2016, 0, 1}).fileName(), std::string("2016.nc"));
        QCOMPARE(UpscalePart({2016, 2, 4}).fileName(), std::string("2016-cells-3-of-4.nc"));
        QCOMPARE(UpscalePart::parse("2016-cells-3-of-4.nc"), std::optional<UpscalePart>(UpscalePart{2016, 2, 4}));
        QCOMPARE(UpscalePart::parse("2016.nc"), std::optional<UpscalePart>(UpscalePart{2016, 0, 1}));
        for (const char *bad : {"2016.nc.tmp", "x2016.nc", "2016-cells-5-of-4.nc", "2016-cells-0-of-4.nc", "2016-cells-1-of-1.nc"})
            QVERIFY2(!UpscalePart::parse(bad), bad);
    }

    void workersThenMerge()
    {
        const QString single = path(QStringLiteral("2016.nc")), merged = path(QStringLiteral("both.nc"));
        const ProcessResult one =
            xmw({QStringLiteral("upscale"), run_, QStringLiteral("--year"), QStringLiteral("2016"), QStringLiteral("--out"), single});
        QVERIFY2(one.exitCode == 0, qPrintable(one.err));

        for (const int task : {0, 2}) {
            const ProcessResult worker = xmw(workerArgs(merged, task, 4));
            QVERIFY2(worker.exitCode == 0 && worker.out.contains(QStringLiteral("1 part(s) made, 0 there already")),
                     qPrintable(worker.out + worker.err));
        }
        const ProcessResult again = xmw(workerArgs(merged, 0, 4));
        QVERIFY2(again.out.contains(QStringLiteral("0 part(s) made, 1 there already")),
                 qPrintable(again.out)); // a rerun makes nothing twice
        const QStringList merge{QStringLiteral("upscale"),   QStringLiteral("--merge"), QStringLiteral("--years"),
                                QStringLiteral("2015-2016"), QStringLiteral("--out"),   merged};
        const ProcessResult early = xmw(merge);
        QCOMPARE(early.exitCode, 1);
        QVERIFY2(
            early.err.contains(QStringLiteral("parts missing: 2015-cells-2-of-2.nc, 2016-cells-2-of-2.nc; run --task 1, 3 of --tasks 4")),
            qPrintable(early.err));
        QVERIFY(!QFile::exists(merged));

        for (const int task : {1, 3})
            QCOMPARE(xmw(workerArgs(merged, task, 4)).exitCode, 0);
        const ProcessResult joined = xmw(merge);
        QVERIFY2(joined.exitCode == 0, qPrintable(joined.err));
        QVERIFY(!QDir(merged + QStringLiteral(".parts")).exists()); // the parts go once merged

        // 2016 of the merged file is the one-year file (the blocks are predicted in other batches:
        // the same within float rounding), and 2015 comes first on one time axis.
        const auto nc = xmw::data::NetcdfFile::open(merged.toStdString());
        QCOMPARE(nc.dimensions(nc.variable("CH4_prediction"))[0].length, std::size_t(730));
        QCOMPARE(nc.textAttribute(nc.variable("time"), "units").value_or(""), std::string("days since 2015-01-01 00:00:00"));
        std::size_t values = 0;
        for (const std::size_t d : {std::size_t(0), std::size_t(190), std::size_t(364)})
            for (const char *variable : {"CH4_prediction", "CH4_emission_TEM_MDM"}) {
                const auto a = day(single, variable, d), b = day(merged, variable, 365 + d);
                for (std::size_t c = 0; c < a.size(); ++c) {
                    QVERIFY((a[c] == kUpscaleFill) == (b[c] == kUpscaleFill));
                    if (a[c] != kUpscaleFill) {
                        QVERIFY2(std::abs(a[c] - b[c]) <= 1e-5f * std::max(1.0f, std::abs(a[c])), variable);
                        ++values;
                    }
                }
            }
        QVERIFY(values > 1000);
        const auto first = day(merged, "CH4_prediction", 0), last = day(merged, "CH4_prediction", 365);
        QVERIFY(first != last);
    }

    void overlappingPartsAreRefused()
    {
        const QString out = path(QStringLiteral("overlap.nc"));
        QCOMPARE(xmw(workerArgs(out, 0, 4)).exitCode, 0); // 2015, first half of its cells
        QCOMPARE(xmw(workerArgs(out, 0, 2)).exitCode, 0); // 2015 whole
        const ProcessResult merge = xmw({QStringLiteral("upscale"), QStringLiteral("--merge"), QStringLiteral("--years"),
                                         QStringLiteral("2015-2016"), QStringLiteral("--out"), out});
        QCOMPARE(merge.exitCode, 1);
        QVERIFY2(merge.err.contains(QStringLiteral("parts overlap: 2015 (2015.nc, 2015-cells-1-of-2.nc)")), qPrintable(merge.err));
        QVERIFY(!QFile::exists(out));
    }

    void oneProcessMergesByItself()
    {
        const QString out = path(QStringLiteral("alone.nc"));
        const ProcessResult ran =
            xmw({QStringLiteral("upscale"), run_, QStringLiteral("--years"), QStringLiteral("2015-2016"), QStringLiteral("--out"), out});
        QVERIFY2(ran.exitCode == 0 && ran.out.contains(QStringLiteral("2 years, 2015–2016")), qPrintable(ran.out + ran.err));
        QVERIFY(QFile::exists(out));
        QVERIFY(!QDir(out + QStringLiteral(".parts")).exists());
    }

    void mistakes()
    {
        const auto refused = [](const QStringList &args, const QString &message) {
            const ProcessResult r = runProcess(QStringLiteral(XMW_CLI_PATH), args);
            QVERIFY2(r.exitCode == 2 && r.err.contains(message), qPrintable(r.err));
        };
        refused({QStringLiteral("upscale"), run_, QStringLiteral("--year"), QStringLiteral("2016"), QStringLiteral("--task"),
                 QStringLiteral("0"), QStringLiteral("--tasks"), QStringLiteral("2"), QStringLiteral("--out"),
                 path(QStringLiteral("x.nc"))},
                QStringLiteral("--task and --tasks split --years"));
        refused({QStringLiteral("upscale"), run_, QStringLiteral("--years"), QStringLiteral("2015-2016"), QStringLiteral("--task"),
                 QStringLiteral("2"), QStringLiteral("--tasks"), QStringLiteral("2"), QStringLiteral("--out"),
                 path(QStringLiteral("x.nc"))},
                QStringLiteral("--task"));
        refused({QStringLiteral("upscale"), QStringLiteral("--merge"), QStringLiteral("--out"), path(QStringLiteral("x.nc"))},
                QStringLiteral("--merge needs --years"));
        const ProcessResult nothing = xmw({QStringLiteral("upscale"), QStringLiteral("--merge"), QStringLiteral("--years"),
                                           QStringLiteral("2015-2016"), QStringLiteral("--out"), path(QStringLiteral("none.nc"))});
        QVERIFY2(nothing.exitCode == 1 && nothing.err.contains(QStringLiteral("no parts to merge")), qPrintable(nothing.err));
    }
};

QTEST_GUILESS_MAIN(TestUpscaleParts)
#include "test_upscale_parts.moc"
