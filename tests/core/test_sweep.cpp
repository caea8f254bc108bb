// A sweep file expands into the benchmark's grid, pretraining first; its mistakes are named; the
// sweep folder alone says each run's state.
#include "core/data/data_error.h"
#include "core/data/output_lock.h"
#include "core/learn/run_file.h"
#include "core/learn/sweep.h"

#include <QTemporaryDir>
#include <QTest>

#include <fstream>
#include <set>

using namespace xmw;
using learn::RunState;

class TestSweep : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;

    std::filesystem::path dataset() const { return std::filesystem::path(dir_.path().toStdString()) / "data"; }

    learn::SweepPlan plan(const std::string &json) const { return learn::parseSweep(json, "spec.json", dataset()); }

    static bool has(const std::vector<std::string> &words, const std::string &option, const std::string &value)
    {
        for (std::size_t i = 0; i + 1 < words.size(); ++i)
            if (words[i] == option && words[i + 1] == value)
                return true;
        return false;
    }

    static void touch(const std::filesystem::path &file) { std::ofstream(file) << "x"; }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        std::filesystem::create_directories(dataset());
    }

    void expandsTheGridWithPretrainingFirst()
    {
        const auto p = plan(R"({"name": "grid", "models": ["lstm", "gru"], "methods": ["scratch", "finetune", "adversarial"],
                               "protocols": ["temporal", "spatial:1"], "seeds": [0, 1], "epochs": 3, "options": {"hidden": 16}})");
        // pretraining: 2 models × 2 seeds; scratch and adversarial: 2 × 2 protocols × 2 seeds × 2;
        // finetune: 2 × 2 × 2.
        QCOMPARE(p.runs.size(), std::size_t(4 + 16 + 8));
        QCOMPARE(p.stageRuns(learn::SweepStage::Pretrain).size(), std::size_t(4));
        QCOMPARE(p.stageRuns(learn::SweepStage::Independent).size(), std::size_t(16));
        QCOMPARE(p.stageRuns(learn::SweepStage::Dependent).size(), std::size_t(8));
        QCOMPARE(p.folder(), dataset() / "runs" / "grid");

        std::set<std::string> names;
        for (std::size_t i = 0; i < p.runs.size(); ++i) {
            const auto &run = p.runs[i];
            QVERIFY2(names.insert(run.name).second, run.name.c_str());
            QVERIFY(has(run.trainArguments, "--epochs", "3"));
            QVERIFY(has(run.trainArguments, "--hidden", "16"));
            QVERIFY(has(run.trainArguments, "--model", run.model));
            QVERIFY(has(run.trainArguments, "--seed", std::to_string(run.seed)));
            if (i > 0) // stages never go back
                QVERIFY(int(p.runs[i - 1].stage) <= int(run.stage));
            if (run.method == "finetune") {
                QVERIFY(run.pretrained.has_value());
                const auto &before = p.runs[*run.pretrained];
                QVERIFY(*run.pretrained < i);
                QCOMPARE(before.method, std::string("pretrain"));
                QCOMPARE(before.model, run.model);
                QCOMPARE(before.seed, run.seed);
                QVERIFY(has(run.trainArguments, "--pretrained", p.runFile(before).string()));
            } else {
                QVERIFY(!run.pretrained);
            }
        }
        QVERIFY(names.count("gru-finetune-fold1-p100-s1"));
        QVERIFY(names.count("lstm-pretrain-s0"));
        const auto &fold = p.runs[p.stageRuns(learn::SweepStage::Independent).back()];
        QVERIFY(has(fold.trainArguments, "--split", "spatial") && has(fold.trainArguments, "--fold", "1"));
    }

    void spatialMeansEveryFold()
    {
        const auto five =
            plan(R"({"name": "s", "models": ["tcn"], "methods": ["scratch"], "protocols": ["spatial"], "percents": [50, 12.5]})");
        QCOMPARE(five.runs.size(), std::size_t(10));
        QCOMPARE(five.runs.back().name, std::string("tcn-scratch-fold4-p12.5-s0"));
        QVERIFY(has(five.runs.back().trainArguments, "--percent", "12.5"));
        const auto three = plan(R"({"name": "s", "models": ["tcn"], "methods": ["scratch"], "protocols": ["spatial"], "folds": 3,
                                   "options": {"recipe": "extended"}})");
        QCOMPARE(three.runs.size(), std::size_t(3));
        QVERIFY(has(three.runs.front().trainArguments, "--folds", "3"));
        // Pretraining options apply to pretraining runs only.
        const auto pre =
            plan(R"({"name": "s", "models": ["lstm"], "methods": ["residual"], "pretrain": {"epochs": 7, "tem-fraction": 0.05}})");
        QCOMPARE(pre.runs.size(), std::size_t(2));
        QVERIFY(has(pre.runs[0].trainArguments, "--epochs", "7") && has(pre.runs[0].trainArguments, "--tem-fraction", "0.05"));
        QVERIFY(!has(pre.runs[1].trainArguments, "--epochs", "7"));
    }

    void mistakesAreNamed_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("not json") << R"({"name": )"
                                  << "not valid JSON";
        QTest::newRow("number beyond double") << R"({"name": "a", "seeds": [1e999]})"
                                              << "not valid JSON"; // found by fuzzing
        QTest::newRow("folds that wrap as int") << R"({"name": "a", "models": ["lstm"], "methods": ["scratch"], "folds": 4294967298})"
                                                << "\"folds\" is the number of spatial folds";
        QTest::newRow("unknown key") << R"({"name": "a", "models": ["lstm"], "methods": ["scratch"], "model": 1})"
                                     << "unknown key \"model\"";
        QTest::newRow("no name") << R"({"models": ["lstm"], "methods": ["scratch"]})"
                                 << "\"name\" is required";
        QTest::newRow("bad name") << R"({"name": "../up", "models": ["lstm"], "methods": ["scratch"]})"
                                  << "\"name\" must be";
        QTest::newRow("unknown model") << R"({"name": "a", "models": ["lstn"], "methods": ["scratch"]})"
                                       << "unknown model \"lstn\"";
        QTest::newRow("unknown method") << R"({"name": "a", "models": ["lstm"], "methods": ["scratsch"]})"
                                        << "unknown method";
        QTest::newRow("twice") << R"({"name": "a", "models": ["lstm", "lstm"], "methods": ["scratch"]})"
                               << "lists \"lstm\" twice";
        QTest::newRow("owned option") << R"({"name": "a", "models": ["lstm"], "methods": ["scratch"], "options": {"seed": 3}})"
                                      << "\"seed\" is set by the sweep itself";
        QTest::newRow("not an option") << R"({"name": "a", "models": ["lstm"], "methods": ["scratch"], "options": {"hiden": 3}})"
                                       << "\"hiden\" is not an option of xmw train";
        QTest::newRow("pretrain shape") << R"({"name": "a", "models": ["lstm"], "methods": ["finetune"], "pretrain": {"hidden": 8}})"
                                        << "\"hidden\" must be the same";
        QTest::newRow("fold out of range") << R"({"name": "a", "models": ["lstm"], "methods": ["scratch"], "protocols": ["spatial:5"]})"
                                           << "names no fold of 5";
        QTest::newRow("whole seeds") << R"({"name": "a", "models": ["lstm"], "methods": ["scratch"], "seeds": [1.5]})"
                                     << "whole numbers";
        QTest::newRow("percent") << R"({"name": "a", "models": ["lstm"], "methods": ["scratch"], "percents": [0]})"
                                 << "outside";
    }

    void mistakesAreNamed()
    {
        QFETCH(QString, json);
        QFETCH(QString, message);
        try {
            (void)plan(json.toStdString());
            QFAIL("no error");
        } catch (const data::DataError &e) {
            const QString what = QString::fromUtf8(e.what());
            QVERIFY2(what.startsWith(QStringLiteral("spec.json: ")) && what.contains(message), qPrintable(what));
        }
    }

    void theFolderSaysEachRunsState()
    {
        const auto p = plan(R"({"name": "state", "models": ["lstm"], "methods": ["scratch", "finetune"]})");
        QCOMPARE(p.runs.size(), std::size_t(3)); // pretrain, scratch, finetune
        std::filesystem::create_directories(p.folder());
        for (std::size_t i = 0; i < p.runs.size(); ++i)
            QCOMPARE(learn::runState(p, i), RunState::Pending);

        touch(learn::checkpointPathFor(p.runFile(p.runs[1])));
        QCOMPARE(learn::runState(p, 1), RunState::Checkpointed);
        {
            const data::OutputLock lock(p.runFile(p.runs[1]));
            QCOMPARE(learn::runState(p, 1), RunState::Running);
        }
        QCOMPARE(learn::runState(p, 1), RunState::Checkpointed); // the lock went with its holder
        touch(p.runFile(p.runs[1]));
        QCOMPARE(learn::runState(p, 1), RunState::Done);

        touch(p.failureFile(p.runs[0]));
        QCOMPARE(learn::runState(p, 0), RunState::Failed);
        QCOMPARE(learn::runState(p, 2), RunState::Blocked); // its pretraining failed
        std::filesystem::remove(p.failureFile(p.runs[0]));
        touch(p.runFile(p.runs[0]));
        QCOMPARE(learn::runState(p, 2), RunState::Pending);
    }

    void readsTheFileAndResolvesTheDataset()
    {
        const std::filesystem::path spec = std::filesystem::path(dir_.path().toStdString()) / "sweeps" / "a.json";
        std::filesystem::create_directories(spec.parent_path());
        std::ofstream(spec) << R"({"name": "a", "dataset": "../data", "models": ["lstm"], "methods": ["scratch"]})";
        const auto p = learn::readSweep(spec);
        QCOMPARE(p.dataset, std::filesystem::absolute(dataset()).lexically_normal());
        try {
            (void)learn::readSweep(spec.parent_path() / "missing.json");
            QFAIL("no error");
        } catch (const data::DataError &e) {
            QVERIFY(QString::fromUtf8(e.what()).contains(QStringLiteral("missing.json: cannot open")));
        }
    }
};

QTEST_GUILESS_MAIN(TestSweep)
#include "test_sweep.moc"
