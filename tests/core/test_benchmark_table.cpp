// The results tables' arithmetic on hand-made run summaries: means, sample standard deviations,
// folds averaged before seeds, the best of each row, the change against scratch.
#include "core/learn/benchmark_table.h"
#include "core/learn/run_file.h"

#include <QTest>

#include <cmath>
#include <stdexcept>

using namespace xmw::learn;

class TestBenchmarkTable : public QObject {
    Q_OBJECT

private:
    static RunSummary run(const std::string &model, const std::string &method, std::uint64_t seed, double rmse, double r2 = 0.5,
                          int fold = -1)
    {
        RunSummary s;
        s.model = model;
        s.method = method;
        s.seed = seed;
        s.recipe = "x-methanewet";
        s.spatial = fold >= 0;
        s.fold = fold;
        s.folds = fold >= 0 ? 5 : 0;
        s.metrics.rmse = rmse;
        s.metrics.r2 = r2;
        return s;
    }

    static std::vector<RunSummary> temporalRuns()
    {
        return {run("lstm", "scratch", 0, 10, 0.2), run("lstm", "scratch", 1, 12, 0.3), run("lstm", "scratch", 2, 14, 0.4),
                run("lstm", "finetune", 0, 9, 0.6), run("lstm", "finetune", 1, 9, 0.6), run("lstm", "finetune", 2, 9, 0.6),
                run("gru", "scratch", 0, 20, 0.1),  run("gru", "scratch", 1, 20, 0.1),  run("gru", "scratch", 2, 20, 0.1),
                run("gru", "finetune", 0, 16, 0.3), run("gru", "finetune", 1, 16, 0.3), run("gru", "finetune", 2, 16, 0.3)};
    }

private Q_SLOTS:
    void meansSpreadsBestAndChange()
    {
        const auto tables = buildTables(temporalRuns(), {"rmse", "r2"});
        QCOMPARE(tables.size(), std::size_t(2));
        const BenchmarkTable &rmse = tables[0];
        QCOMPARE(rmse.protocol, std::string("temporal"));
        QCOMPARE(rmse.metric, std::string("rmse"));
        QCOMPARE(rmse.models, (std::vector<std::string>{"lstm", "gru"})); // the models' own order
        QCOMPARE(rmse.methods, (std::vector<std::string>{"scratch", "finetune"}));
        const TableCell *scratch = rmse.cell("lstm", "scratch");
        QVERIFY(scratch);
        QCOMPARE(scratch->mean, 12.0);
        QCOMPARE(scratch->sd, 2.0); // sample standard deviation of 10, 12, 14
        QVERIFY(!scratch->best);
        const TableCell *finetune = rmse.cell("lstm", "finetune");
        QCOMPARE(finetune->mean, 9.0);
        QCOMPARE(finetune->sd, 0.0);
        QVERIFY(finetune->best);
        QCOMPARE(finetune->changeVsScratch, -25.0);
        QCOMPARE(rmse.cell("gru", "finetune")->changeVsScratch, -20.0);
        QCOMPARE(rmse.meanChange.at("finetune"), -22.5);

        const BenchmarkTable &r2 = tables[1]; // higher is better
        QVERIFY(r2.cell("lstm", "finetune")->best);
        QVERIFY(qFuzzyCompare(r2.cell("lstm", "scratch")->mean, 0.3));
        // R² changes by difference, not ratio: 0.3 → 0.6 is +0.3, not "+100 %".
        QVERIFY(!r2.changeInPercent);
        QVERIFY(qFuzzyCompare(r2.cell("lstm", "finetune")->changeVsScratch, 0.3));
        QVERIFY(rmse.changeInPercent);
    }

    void spatialAveragesFoldsThenSeeds()
    {
        std::vector<RunSummary> runs;
        for (int fold = 0; fold < 5; ++fold) {
            runs.push_back(run("lstm", "scratch", 0, 1 + fold, 0.5, fold)); // mean 3
            runs.push_back(run("lstm", "scratch", 1, 2 + fold, 0.5, fold)); // mean 4
            if (fold < 4)
                runs.push_back(run("lstm", "residual", 0, 1, 0.5, fold)); // one fold missing
        }
        const auto tables = buildTables(runs, {"rmse"});
        QCOMPARE(tables.size(), std::size_t(1));
        const BenchmarkTable &t = tables[0];
        QCOMPARE(t.protocol, std::string("spatial (5 folds)"));
        const TableCell *scratch = t.cell("lstm", "scratch");
        QCOMPARE(scratch->mean, 3.5);
        QVERIFY(std::abs(scratch->sd - std::sqrt(0.5)) < 1e-12);
        QCOMPARE(scratch->folds, 5);
        const TableCell *residual = t.cell("lstm", "residual");
        QCOMPARE(residual->folds, 4);
        QCOMPARE(residual->files.size(), std::size_t(4)); // the runs a cell stands for, for the explorer to select
        QVERIFY(std::isnan(residual->sd)); // one seed
        QVERIFY(toMarkdown(tables).find("[4/5 folds]") != std::string::npos);
    }

    void protocolsAreSeparateTables()
    {
        auto runs = temporalRuns();
        RunSummary sparse = run("lstm", "scratch", 0, 30);
        sparse.percent = 50;
        runs.push_back(sparse);
        runs.push_back(run("lstm", "scratch", 0, 5, 0.5, 2));
        const auto tables = buildTables(runs, {"rmse"});
        QCOMPARE(tables.size(), std::size_t(3));
        QCOMPARE(tables[0].protocol, std::string("temporal"));
        QCOMPARE(tables[1].protocol, std::string("temporal, 50 % of training site-years"));
        QCOMPARE(tables[2].protocol, std::string("spatial (5 folds)"));
        QCOMPARE(tables[1].cell("lstm", "scratch")->mean, 30.0);
    }

    void formats()
    {
        const auto tables = buildTables(temporalRuns(), {"rmse", "r2"});
        const std::string markdown = toMarkdown(tables);
        QVERIFY2(markdown.find("| lstm | 12.000 ± 2.000 | **9.000 ± 0.000 (−25.0 %)** |") != std::string::npos, markdown.c_str());
        QVERIFY2(markdown.find("| *mean change vs scratch* |  | −22.5 % |") != std::string::npos, markdown.c_str());
        QVERIFY(markdown.find("mean ± sd over 3 seeds") != std::string::npos);
        const std::string csv = toCsv(tables);
        QVERIFY2(csv.find("temporal,rmse,0,lstm,finetune,9.000000,0.000000,3,,1,-25.000,percent\n") != std::string::npos, csv.c_str());
        QVERIFY2(csv.find(",0.300000,difference\n") != std::string::npos, csv.c_str());
        QVERIFY2(markdown.find("(+0.300)") != std::string::npos, markdown.c_str());
        QVERIFY2(csv.find("temporal,rmse,0,lstm,scratch,12.000000,2.000000,3,,0,,\n") != std::string::npos, csv.c_str());
        const std::string latex = toLatex(tables);
        QVERIFY2(latex.find("\\textbf{9.000 $\\pm$ 0.000 ($-$25.0 \\%)}") != std::string::npos, latex.c_str());
        QVERIFY(latex.find("\\toprule") != std::string::npos);
    }

    void pretrainingRunsAreLeftOut()
    {
        RunRecord record;
        record.config.method = Method::Pretrain;
        RunSummary s;
        QVERIFY(!summarise(record, "p.h5", s));
        record.config.method = Method::Residual;
        record.config.seed = 4;
        record.metrics.rmse = 3;
        QVERIFY(summarise(record, "r.h5", s));
        QCOMPARE(s.method, std::string("residual"));
        QCOMPARE(s.seed, std::uint64_t(4));
        QCOMPARE(s.metrics.rmse, 3.0);
    }

    // Two runs in one place (a run trained again, a copy): the later counts, whatever order they
    // come in, and the table names the one left out (#34, item 5).
    void aLaterRunSupersedesItsTwin()
    {
        RunSummary early = run("lstm", "scratch", 0, 10), late = run("lstm", "scratch", 0, 20), other = run("lstm", "scratch", 1, 30);
        early.file = "a/lstm-scratch.h5";
        early.created = "2026-01-01T10:00:00Z";
        late.file = "b/lstm-scratch-again.h5";
        late.created = "2026-01-02T10:00:00Z";
        other.file = "c.h5";
        for (const auto &order : {std::vector<RunSummary>{early, late, other}, std::vector<RunSummary>{late, other, early}}) {
            const auto tables = buildTables(order, {"rmse"});
            QCOMPARE(tables.size(), std::size_t(1));
            const TableCell *cell = tables[0].cell("lstm", "scratch");
            QVERIFY(cell);
            QCOMPARE(cell->perSeed, (std::vector<double>{20, 30}));
            QCOMPARE(tables[0].superseded.size(), std::size_t(1));
            QCOMPARE(tables[0].superseded[0].first, std::filesystem::path("a/lstm-scratch.h5"));
            QCOMPARE(tables[0].superseded[0].second, std::filesystem::path("b/lstm-scratch-again.h5"));
        }
        // Three of a kind: each left-out run names the one that finally counts.
        RunSummary latest = late;
        latest.file = "d.h5";
        latest.created = "2026-01-03T10:00:00Z";
        const auto tables = buildTables({early, late, latest}, {"rmse"});
        QCOMPARE(tables[0].superseded.size(), std::size_t(2));
        for (const auto &[out, counted] : tables[0].superseded)
            QCOMPARE(counted, std::filesystem::path("d.h5"));
    }

    void measuredTablesNameTheColumnTheirRunsScored()
    {
        std::vector<RunSummary> runs = temporalRuns();
        for (RunSummary &r : runs)
            r.measuredColumn = "FCH4";
        QVERIFY(buildTables(runs, {"rmse"}).front().measuredColumns.empty()); // the gap-filled target's table
        const auto measured = buildTables(runs, {"rmse"}, true);
        QCOMPARE(measured.front().measuredColumns, std::vector<std::string>{"FCH4"});
        QVERIFY2(toMarkdown(measured).find("rmse on measured days (FCH4) (lower") != std::string::npos, toMarkdown(measured).c_str());
        runs[3].measuredColumn = "FCH4_F"; // an older run
        const auto mixed = buildTables(runs, {"rmse"}, true);
        QCOMPARE(mixed.front().measuredColumns, (std::vector<std::string>{"FCH4", "FCH4_F"}));
        QVERIFY2(toMarkdown(mixed).find("on measured days (FCH4 and FCH4_F: runs differ)") != std::string::npos, toMarkdown(mixed).c_str());
    }

    void unknownMetricIsRefused()
    {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)buildTables(temporalRuns(), {"rsme"}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)isFluxMetric("rsme"));
    }

    // One table says what each metric is: the tables, the Runs panel and its exports ask it.
    void whatMakesAMetricBetter()
    {
        QVERIFY(isBetter("rmse", 1.0, 2.0) && isBetter("mae", 1.0, 2.0) && isBetter("nrmse", 0.1, 0.2));
        QVERIFY(isBetter("r2", 0.8, 0.5) && isBetter("r2_corr", 0.8, 0.5) && isBetter("nse", 0.2, -1.0) && isBetter("kge", 0.5, 0.1));
        QVERIFY(isBetter("bias", -0.5, 1.0) && !isBetter("bias", 2.0, -1.0));
        for (const auto &name : metricNames())
            QCOMPARE(isFluxMetric(name), name == "rmse" || name == "mae" || name == "bias");
        Metrics m;
        for (std::size_t i = 0; i < metricNames().size(); ++i)
            setMetricValue(m, metricNames()[i], double(i));
        QCOMPARE(m.rmse, 0.0);
        QCOMPARE(m.r2Corr, 3.0);
        QCOMPARE(m.kge, 7.0);
    }
};

QTEST_GUILESS_MAIN(TestBenchmarkTable)
#include "test_benchmark_table.moc"
