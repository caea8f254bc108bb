// The Benchmark dock: the matrix of a dataset's runs (sweep folders included), coloured and marked,
// its cells selecting their runs; the sweep form expands as `xmw sweep` does, and a sweep started
// from it fills the matrix.
#include "core/data/demo_generator.h"
#include "core/learn/run_file.h"
#include "core/learn/sweep.h"
#include "gui_test_main.h"
#include "ui/benchmark/benchmark_panel.h"
#include "ui/benchmark/sweep_dialog.h"
#include "ui/benchmark/sweep_runner.h"
#include "ui/main_window.h"
#include "ui/tasks/task_manager.h"
#include "ui/training/run_browser.h"
#include "ui/training/run_store.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>

#include <filesystem>

using namespace xmw::ui;
using xmw::learn::Method;

class TestBenchmarkPanel : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString runs_;

    // A run file with only what tables read: configuration and metrics.
    void writeRun(const QString &file, xmw::learn::ModelKind model, Method method, std::uint64_t seed, double rmse, int fold = -1)
    {
        xmw::learn::RunRecord run;
        run.config.model.kind = model;
        run.config.method = method;
        run.config.seed = seed;
        run.config.split.seed = seed;
        if (fold >= 0) {
            run.config.split.kind = xmw::data::SplitKind::Spatial;
            run.config.split.fold = fold;
        }
        run.name = QFileInfo(file).baseName().toStdString();
        run.created = xmw::learn::utcNow();
        run.metrics.rmse = rmse;
        run.metrics.r2 = 1.0 / rmse;
        run.metrics.count = 100;
        run.metricsMeasured = run.metrics;
        QDir().mkpath(QFileInfo(file).absolutePath());
        xmw::learn::writeRunFile(file.toStdString(), run);
    }

    static bool waitForRuns(RunStore &store, std::size_t count)
    {
        return QTest::qWaitFor([&] { return !store.isReading() && store.runs().size() == count; }, 20000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        runs_ = dir_.filePath(QStringLiteral("data/runs"));
        using xmw::learn::ModelKind;
        // A sweep folder (runs/grid/) and one run beside it: both belong to the dataset.
        writeRun(runs_ + QStringLiteral("/grid/lstm-scratch-s0.h5"), ModelKind::Lstm, Method::Scratch, 0, 10);
        writeRun(runs_ + QStringLiteral("/grid/lstm-scratch-s1.h5"), ModelKind::Lstm, Method::Scratch, 1, 12);
        writeRun(runs_ + QStringLiteral("/grid/lstm-finetune-s0.h5"), ModelKind::Lstm, Method::Finetune, 0, 8);
        writeRun(runs_ + QStringLiteral("/grid/lstm-finetune-s1.h5"), ModelKind::Lstm, Method::Finetune, 1, 8);
        writeRun(runs_ + QStringLiteral("/gru-scratch.h5"), ModelKind::Gru, Method::Scratch, 0, 20);
        writeRun(runs_ + QStringLiteral("/grid/lstm-pretrain-s0.h5"), ModelKind::Lstm, Method::Pretrain, 0, 5);
        writeRun(runs_ + QStringLiteral("/grid/lstm-scratch-fold3.h5"), ModelKind::Lstm, Method::Scratch, 0, 30, 3);
    }

    // The protocol box speaks the window's language, as the Runs panel does (#34, item 17).
    void protocolsInTheWindowsLanguage()
    {
        const TranslationScope german(QStringLiteral("de"));
        {
            TaskManager tasks;
            RunStore store(&tasks);
            BenchmarkPanel panel(&store);
            store.setFolder(runs_);
            QVERIFY(waitForRuns(store, 7));
            QTRY_COMPARE(panel.protocolBox()->count(), 2);
            QCOMPARE(panel.protocolBox()->itemText(0), QStringLiteral("zeitlich"));
            QCOMPARE(panel.protocolBox()->itemText(1), QStringLiteral("räumlich (5 Teilmengen)"));
        }
    }

    void showsTheMatrix()
    {
        TaskManager tasks;
        RunStore store(&tasks);
        BenchmarkPanel panel(&store);
        panel.resize(900, 400);
        panel.show();
        store.setFolder(runs_);
        QVERIFY(waitForRuns(store, 7));
        QTRY_COMPARE(panel.protocolBox()->count(), 2);
        QCOMPARE(panel.protocolBox()->itemText(0), QStringLiteral("temporal"));
        QCOMPARE(panel.protocolBox()->itemText(1), QStringLiteral("spatial (5 folds)"));

        QTableWidget *table = panel.table();
        QCOMPARE(table->rowCount(), 2); // lstm, gru; the pretraining run is in no table
        QCOMPARE(table->columnCount(), 2);
        QCOMPARE(table->horizontalHeaderItem(1)->text(), QStringLiteral("finetune"));
        QCOMPARE(table->verticalHeaderItem(1)->text(), QStringLiteral("gru"));
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("11.000 ± 1.414"));
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("8.000 ± 0.000\n−27.3 %"));
        QVERIFY(table->item(0, 1)->font().bold());
        QVERIFY(!table->item(0, 0)->font().bold());
        QCOMPARE(table->item(1, 1)->text(), QStringLiteral("–")); // gru was not fine-tuned
        // The best cell of the table and the worst differ in colour.
        QVERIFY(table->item(0, 1)->background().color() != table->item(1, 0)->background().color());

        // A cell's runs, for the Runs panel.
        QSignalSpy chosen(&panel, &BenchmarkPanel::runsChosen);
        Q_EMIT table->cellClicked(0, 0);
        QCOMPARE(chosen.count(), 1);
        QStringList files = chosen.at(0).at(0).toStringList();
        files.sort();
        QCOMPARE(files,
                 (QStringList{runs_ + QStringLiteral("/grid/lstm-scratch-s0.h5"), runs_ + QStringLiteral("/grid/lstm-scratch-s1.h5")}));

        // Higher is better for R² (here 1/RMSE): the same cell stays best, the caption says so.
        panel.metricBox()->setCurrentIndex(panel.metricBox()->findData(QStringLiteral("r2")));
        QVERIFY(table->item(0, 1)->font().bold());
        QVERIFY(panel.findChild<QLabel *>(QStringLiteral("benchmarkCaption"))->text().contains(QStringLiteral("higher is better")));
        panel.metricBox()->setCurrentIndex(panel.metricBox()->findData(QStringLiteral("rmse")));

        panel.protocolBox()->setCurrentIndex(1);
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("30.000\n1 of 5 folds"));

        // Exports: the table as CSV, the picture as PNG.
        const QString csv = dir_.filePath(QStringLiteral("bench.csv"));
        QCOMPARE(panel.exportCsv(csv), QString());
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines.at(0).startsWith("protocol,metric,"));
        QVERIFY2(lines.at(1).startsWith("spatial (5 folds),rmse,0,lstm,scratch,30.000000,,1,1,1,"), lines.at(1).constData());
        const QString png = dir_.filePath(QStringLiteral("bench.png"));
        QCOMPARE(panel.exportImage(png), QString());
        const QImage image(png);
        QVERIFY2(!image.isNull() && image.width() > 100 && image.height() > 60,
                 qPrintable(QStringLiteral("%1x%2").arg(image.width()).arg(image.height())));
    }

    void theFormExpandsAsTheEngineDoes()
    {
        SweepDialog dialog(dir_.filePath(QStringLiteral("data")));
        // The defaults: lstm × (scratch, finetune) × temporal × 3 seeds, and a pretraining run per seed.
        QCOMPARE(dialog.runCount(), 9);
        auto *models = dialog.findChild<QListWidget *>(QStringLiteral("sweepModels"));
        models->item(1)->setCheckState(Qt::Checked); // gru
        const QJsonObject spec = dialog.spec();
        const auto plan = xmw::learn::parseSweep(QJsonDocument(spec).toJson().toStdString(), "form.json");
        QCOMPARE(int(plan.runs.size()), dialog.runCount());
        QCOMPARE(dialog.runCount(), 18);
        QCOMPARE(plan.dataset, std::filesystem::path(dir_.filePath(QStringLiteral("data")).toStdString()));
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("sweepSummary"))->text().contains(QStringLiteral("18")));
    }

    void aSweepFromThePanelFillsTheMatrix()
    {
        // The explorer runs sweeps with the xmw beside it; here that is the build's.
        const QString app = QFileInfo(QStringLiteral(XMW_CLI_PATH)).absolutePath();
        qputenv("PATH", (app + QStringLiteral(":") + qEnvironmentVariable("PATH")).toUtf8());
        QVERIFY(!SweepRunner::engine().isEmpty());

        const QString demo = dir_.filePath(QStringLiteral("demo"));
        xmw::Feedback quiet;
        xmw::data::DemoOptions options;
        options.resolution = 6.0;
        options.firstYear = 2015;
        options.lastYear = 2016;
        xmw::data::makeDemoDataset(demo.toStdString(), options, quiet);

        TaskManager tasks;
        RunStore store(&tasks);
        BenchmarkPanel panel(&store);
        panel.setDatasetFolder(demo);
        store.setFolder(demo + QStringLiteral("/runs"));
        const QJsonObject spec{{QStringLiteral("name"), QStringLiteral("from-panel")},
                               {QStringLiteral("dataset"), demo},
                               {QStringLiteral("models"), QJsonArray{QStringLiteral("gru")}},
                               {QStringLiteral("methods"), QJsonArray{QStringLiteral("scratch")}},
                               {QStringLiteral("seeds"), QJsonArray{0, 1}},
                               {QStringLiteral("epochs"), 1},
                               {QStringLiteral("options"), QJsonObject{{QStringLiteral("hidden"), 8}}}};
        QSignalSpy progress(panel.sweeps(), &SweepRunner::progress);
        QSignalSpy finished(panel.sweeps(), &SweepRunner::finished);
        QCOMPARE(panel.startSweep(spec, 1), QString());
        QVERIFY(QFile::exists(demo + QStringLiteral("/runs/from-panel/sweep.json")));
        QVERIFY(finished.wait(240000));
        QCOMPARE(finished.at(0).at(0).toInt(), 0);
        QCOMPARE(progress.count(), 2);
        QCOMPARE(progress.at(1).at(0).toInt(), 2); // 2 of 2 done
        QVERIFY(waitForRuns(store, 2));
        QTRY_COMPARE(panel.table()->rowCount(), 1);
        QVERIFY(panel.table()->item(0, 0)->text().contains(QStringLiteral(" ± "))); // two seeds
    }

    // In the window, a cell's runs become the Runs panel's selection (and so join the plots).
    void aCellSelectsItsRunsInTheWindow()
    {
        const QString demo = dir_.filePath(QStringLiteral("demo")); // with the sweep of the test before
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QSignalSpy loaded(&window, &MainWindow::datasetLoaded);
        window.openDataset(demo);
        QVERIFY(loaded.wait(30000));
        QVERIFY(window.showPanel(QStringLiteral("benchmark")));
        QVERIFY(!window.showPanel(QStringLiteral("nonsense")));
        QTRY_COMPARE_WITH_TIMEOUT(window.benchmark()->table()->rowCount(), 1, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(window.runs()->table()->rowCount(), 2, 20000);
        Q_EMIT window.benchmark()->table()->cellClicked(0, 0);
        QStringList selected = window.runs()->selectedRuns();
        selected.sort();
        QCOMPARE(selected,
                 (QStringList{demo + QStringLiteral("/runs/from-panel/gru-scratch-temporal-p100-s0.h5"),
                              demo + QStringLiteral("/runs/from-panel/gru-scratch-temporal-p100-s1.h5")}));
    }

    // The sweep is a task of the task manager: it shows in the sweep lane, and canceling it there
    // stops `xmw sweep` as Ctrl+C would (exit 130), each run keeping its checkpoint.
    void aSweepIsATaskThatCancelStops()
    {
        const QString demo = dir_.filePath(QStringLiteral("demo")); // made by a test before
        TaskManager tasks;
        RunStore store(&tasks);
        BenchmarkPanel panel(&store);
        panel.setDatasetFolder(demo);
        const QJsonObject spec{{QStringLiteral("name"), QStringLiteral("canceled")},
                               {QStringLiteral("dataset"), demo},
                               {QStringLiteral("models"), QJsonArray{QStringLiteral("lstm")}},
                               {QStringLiteral("methods"), QJsonArray{QStringLiteral("scratch")}},
                               {QStringLiteral("seeds"), QJsonArray{0, 1, 2}},
                               {QStringLiteral("epochs"), 500}};
        QSignalSpy finished(panel.sweeps(), &SweepRunner::finished);
        QSignalSpy taskAdded(&tasks, &TaskManager::taskAdded);
        QCOMPARE(panel.startSweep(spec, 1), QString());
        QCOMPARE(taskAdded.count(), 1);
        QVERIFY(tasks.isBusy(TaskManager::Lane::Sweep));
        QVERIFY(panel.sweeps()->isRunning());
        QVERIFY(panel.startSweep(spec, 1).contains(QStringLiteral("running already"))); // one at a time
        QTest::qWait(1500); // under way
        taskAdded.at(0).at(0).value<Task *>()->cancel();
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.at(0).at(0).toInt(), 130);
        QTRY_VERIFY(!tasks.isBusy(TaskManager::Lane::Sweep));
        QVERIFY(!panel.sweeps()->isRunning());
    }
};

XMW_GUI_TEST_MAIN(TestBenchmarkPanel)
#include "test_benchmark_panel.moc"
