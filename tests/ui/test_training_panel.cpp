// The Training dock: a job from the form runs in the background with live progress and curves;
// cancel is quick and the window stays responsive; what cannot run is refused in the form.
#include "core/data/dataset.h"
#include "core/data/demo_generator.h"
#include "core/data/netcdf_file.h"
#include "core/data/splits.h"
#include "core/learn/preset.h"
#include "core/learn/run_file.h"
#include "gui_test_main.h"
#include "ui/animation/animation_frames.h"
#include "ui/main_window.h"
#include "ui/map/layer_box.h"
#include "ui/map/map_tool_bar.h"
#include "ui/plots/time_series_panel.h"
#include "ui/tasks/task_manager.h"
#include "ui/training/run_browser.h"
#include "ui/training/training_panel.h"
#include "ui/training/upscale_runner.h"

#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QLineEdit>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QWheelEvent>

#include <qcustomplot.h>

using namespace xmw::ui;

namespace {
xmw::data::Date fromDate(QDate d) { return {d.year(), d.month(), d.day()}; }

// Python's csv module reads the file with every row as wide as its header.
bool readsAsCsv(const QString &path)
{
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral(XMW_TEST_SCRIPTS_DIR "/check_csv.py"), path});
    if (!python.waitForFinished(30000) || python.exitCode() != 0) {
        qWarning("%s", python.readAllStandardError().constData());
        return false;
    }
    return true;
}
} // namespace

class TestTrainingPanel : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString demo_;

    static void smallJob(TrainingPanel &panel, int epochs)
    {
        panel.findChild<QComboBox *>(QStringLiteral("modelBox"))->setCurrentIndex(0); // lstm
        panel.findChild<QSpinBox *>(QStringLiteral("epochsBox"))->setValue(epochs);
        panel.findChild<QSpinBox *>(QStringLiteral("batchBox"))->setValue(16);
        panel.findChild<QSpinBox *>(QStringLiteral("threadsBox"))->setValue(1);
    }

    // A 6° demo of 2015-2016: small enough to train on in seconds.
    static void makeSmallDemo(const QString &folder)
    {
        xmw::Feedback quiet;
        xmw::data::DemoOptions options;
        options.resolution = 6.0;
        options.firstYear = 2015;
        options.lastYear = 2016;
        xmw::data::makeDemoDataset(folder.toStdString(), options, quiet);
    }

    // Shows the window and opens the demo in it; false if the demo did not load within 20 s.
    bool showWithDemo(MainWindow &window) const
    {
        window.resize(1400, 900);
        window.show();
        QSignalSpy loaded(&window, &MainWindow::datasetLoaded);
        window.openDataset(demo_);
        return QTest::qWaitFor([&] { return loaded.count() == 1; }, 20000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        demo_ = dir_.filePath(QStringLiteral("demo"));
        makeSmallDemo(demo_);
    }

    // Real tower metadata may leave LOCATION_ELEV empty, which the X-MethaneWet recipe needs: the
    // form says so before anything runs, with what the choice leaves; a job that fails anyway says
    // why in the panel, not only in a tooltip (#34, item 10).
    void theFormSaysWhatTheRecipeLeavesAndAFailureShowsWhy()
    {
        const QString bare = dir_.filePath(QStringLiteral("no-elevation"));
        makeSmallDemo(bare);
        const QString metadata = bare + QStringLiteral("/FLUXNET-CH4/FLUXNET_CH4_2024.csv");
        QFile file(metadata);
        QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
        QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
        file.close();
        const int elevation = int(lines.front().split(QLatin1Char(',')).indexOf(QStringLiteral("LOCATION_ELEV")));
        QVERIFY(elevation > 0);
        for (int i = 1; i < lines.size(); ++i) {
            // Names are quoted and may hold commas: count columns from the end.
            QStringList cells = lines[i].split(QLatin1Char(','));
            const int columns = int(lines.front().split(QLatin1Char(',')).size());
            if (cells.size() >= columns)
                cells[cells.size() - columns + elevation] = QString();
            lines[i] = cells.join(QLatin1Char(','));
        }
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text));
        file.write(lines.join(QLatin1Char('\n')).toUtf8());
        file.close();

        TaskManager tasks;
        RunStore store(&tasks);
        TrainingPanel panel(&store);
        panel.show();
        auto *start = panel.findChild<QPushButton *>(QStringLiteral("startTraining"));
        auto *reach = panel.findChild<QLabel *>(QStringLiteral("trainingReach"));
        const auto opened = [](const QString &path) {
            return std::make_shared<const xmw::data::Dataset>(xmw::data::Dataset::open(path.toStdString()));
        };
        panel.setDataset(demo_, opened(demo_));
        QVERIFY(start->isEnabled());
        QVERIFY2(reach->isVisible() && reach->text().startsWith(QStringLiteral("At most ")), qPrintable(reach->text()));
        panel.setDataset(bare, opened(bare));
        QVERIFY(!start->isEnabled());
        QVERIFY2(panel.problem().contains(QStringLiteral("without LOCATION_ELEV")), qPrintable(panel.problem()));
        QVERIFY(!reach->isVisible());
        auto *recipe = panel.findChild<QComboBox *>(QStringLiteral("recipeBox"));
        recipe->setCurrentIndex(recipe->findData(int(xmw::data::Recipe::Extended)));
        QVERIFY2(start->isEnabled(), qPrintable(panel.problem()));
        QVERIFY(reach->isVisible() && !reach->text().contains(QStringLiteral("LOCATION_ELEV")));

        // A job that fails: its TEM-MDM files are gone when it starts.
        QVERIFY(QDir().rename(bare + QStringLiteral("/TEM-MDM"), bare + QStringLiteral("/TEM-MDM-gone")));
        smallJob(panel, 1);
        QVERIFY(panel.start() > 0);
        auto *error = panel.findChild<QLabel *>(QStringLiteral("jobError"));
        QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 60000);
        QVERIFY2(error->text().contains(QStringLiteral("failed: ")) && error->text().contains(QStringLiteral("TEM-MDM")),
                 qPrintable(error->text()));
        auto *jobs = panel.findChild<QTableWidget *>(QStringLiteral("jobTable"));
        QVERIFY(jobs);
        QVERIFY2(jobs->item(0, 3)->text().startsWith(QStringLiteral("failed: ")), qPrintable(jobs->item(0, 3)->text())); // its state
        QVERIFY(QDir().rename(bare + QStringLiteral("/TEM-MDM-gone"), bare + QStringLiteral("/TEM-MDM")));
    }

    void theFormRefusesWhatCannotRun()
    {
        TaskManager tasks;
        RunStore store(&tasks);
        TrainingPanel panel(&store);
        auto *start = panel.findChild<QPushButton *>(QStringLiteral("startTraining"));
        QVERIFY(!start->isEnabled()); // no dataset
        panel.setDataset(demo_);
        QVERIFY(start->isEnabled());
        auto *method = panel.findChild<QComboBox *>(QStringLiteral("methodBox"));
        method->setCurrentIndex(method->findData(int(xmw::learn::Method::Finetune)));
        QVERIFY(panel.findChild<QComboBox *>(QStringLiteral("pretrainedBox"))->isEnabled());
        QVERIFY(!start->isEnabled()); // no pretrained run yet
        QVERIFY(panel.problem().contains(QStringLiteral("pretrain")));
        QCOMPARE(panel.start(), 0);
        method->setCurrentIndex(method->findData(int(xmw::learn::Method::Scratch)));
        QVERIFY(!panel.findChild<QComboBox *>(QStringLiteral("pretrainedBox"))->isEnabled());

        // The recipe and the paper's settings reach the configuration; the form shows the latter.
        QCOMPARE(panel.config().split.recipe, xmw::data::Recipe::XMethaneWet);
        auto *recipe = panel.findChild<QComboBox *>(QStringLiteral("recipeBox"));
        recipe->setCurrentIndex(recipe->findData(int(xmw::data::Recipe::Extended)));
        QCOMPARE(panel.config().split.recipe, xmw::data::Recipe::Extended);
        recipe->setCurrentIndex(recipe->findData(int(xmw::data::Recipe::XMethaneWet)));
        auto *preset = panel.findChild<QComboBox *>(QStringLiteral("presetBox"));
        preset->setCurrentIndex(preset->findData(int(xmw::learn::Preset::Paper)));
        QCOMPARE(panel.findChild<QSpinBox *>(QStringLiteral("epochsBox"))->value(), 200);
        QCOMPARE(panel.findChild<QSpinBox *>(QStringLiteral("batchBox"))->value(), 4);
        xmw::learn::TrainingConfig paper = panel.config();
        QCOMPARE(paper.model.hidden, 8);
        QCOMPARE(paper.model.layerCount(), 3);
        QCOMPARE(paper.validationFraction, 0.0);
        QCOMPARE(paper.learningRate, 0.05);
        method->setCurrentIndex(method->findData(int(xmw::learn::Method::Pretrain)));
        QCOMPARE(panel.findChild<QSpinBox *>(QStringLiteral("epochsBox"))->value(), 10); // pretrain.py's
        QCOMPARE(panel.findChild<QSpinBox *>(QStringLiteral("batchBox"))->value(), 128);
        preset->setCurrentIndex(preset->findData(int(xmw::learn::Preset::Ours)));
        QCOMPARE(panel.config().model.hidden, xmw::learn::TrainingConfig().model.hidden);
        QCOMPARE(panel.findChild<QSpinBox *>(QStringLiteral("epochsBox"))->value(), xmw::learn::TrainingConfig().epochs);
        method->setCurrentIndex(method->findData(int(xmw::learn::Method::Scratch)));
        auto *device = panel.findChild<QComboBox *>(QStringLiteral("deviceBox"));
        device->setCurrentIndex(device->findData(QStringLiteral("cuda")));
        QVERIFY(!start->isEnabled()); // Debian's LibTorch has no CUDA
        device->setCurrentIndex(0);
        QVERIFY(start->isEnabled());

        // The towers: the selection on the map, refused where it leaves nothing to test.
        const auto dataset = std::make_shared<const xmw::data::Dataset>(xmw::data::Dataset::open(demo_.toStdString()));
        panel.setDataset(demo_, dataset);
        auto *towers = panel.findChild<QComboBox *>(QStringLiteral("towersBox"));
        towers->setCurrentIndex(1);
        QVERIFY(!start->isEnabled()); // none selected
        const auto folds = xmw::data::spatialFolds(*dataset->sites(), 5, 0, xmw::data::Recipe::XMethaneWet);
        const std::string first = folds.begin()->first;
        const int fold = folds.begin()->second;
        std::string other; // a tower in another fold, to train on
        for (const auto &[id, f] : folds)
            if (f != fold && other.empty())
                other = id;
        panel.setSelectedSites({QString::fromStdString(first), QString::fromStdString(other)});
        QVERIFY(start->isEnabled() || panel.problem().contains(QStringLiteral("two years")));
        auto *split = panel.findChild<QComboBox *>(QStringLiteral("splitBox"));
        split->setCurrentIndex(1); // spatial, one fold
        panel.findChild<QSpinBox *>(QStringLiteral("foldBox"))
            ->setValue((fold + 1) % 5 == folds.at(other) ? (fold + 2) % 5 : (fold + 1) % 5);
        QVERIFY(!start->isEnabled());
        QVERIFY2(panel.problem().contains(QStringLiteral("fold")), qPrintable(panel.problem()));
        panel.findChild<QSpinBox *>(QStringLiteral("foldBox"))->setValue(fold);
        QVERIFY2(start->isEnabled(), qPrintable(panel.problem()));
        QCOMPARE(panel.config().split.sites, (std::vector<std::string>{first, other}));
        panel.setSelectedSites({QString::fromStdString(first)});
        QVERIFY(!start->isEnabled()); // nothing left to train on
        towers->setCurrentIndex(0);
        split->setCurrentIndex(0);
        QVERIFY(start->isEnabled());
        QVERIFY(panel.config().split.sites.empty());
    }

    // Scrolling the form with the wheel must not change the fields it passes over.
    void theWheelScrollsTheFormRatherThanChangingAField()
    {
        TaskManager tasks;
        RunStore store(&tasks);
        TrainingPanel panel(&store);
        panel.setDataset(demo_);
        panel.resize(900, 160); // short: the form scrolls
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        auto *percent = panel.findChild<QDoubleSpinBox *>(QStringLiteral("percentBox"));
        auto *model = panel.findChild<QComboBox *>(QStringLiteral("modelBox"));
        auto *scroll = panel.findChild<QScrollArea *>();
        QVERIFY(scroll && scroll->verticalScrollBar()->maximum() > 0);
        scroll->verticalScrollBar()->setValue(0); // the wheel turned towards the user scrolls down from here
        const auto turnWheelOver = [](QWidget *field, int steps) {
            const QPointF at = QRectF(field->rect()).center();
            QWheelEvent wheel(at, field->mapToGlobal(at), QPoint(), QPoint(0, 120 * steps), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase,
                              false);
            QApplication::sendEvent(field, &wheel);
        };
        const double percentBefore = percent->value();
        const int modelBefore = model->currentIndex();
        const int scrolledBefore = scroll->verticalScrollBar()->value();
        turnWheelOver(percent, -3);
        turnWheelOver(model, -3);
        QCOMPARE(percent->value(), percentBefore);
        QCOMPARE(model->currentIndex(), modelBefore);
        QVERIFY2(scroll->verticalScrollBar()->value() > scrolledBefore, // the form scrolled instead
                 qPrintable(QStringLiteral("%1 → %2").arg(scrolledBefore).arg(scroll->verticalScrollBar()->value())));

        // Once the user has clicked into a field, the wheel is for that field.
        panel.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&panel));
        QTest::mouseClick(percent, Qt::LeftButton, {}, QPoint(4, percent->height() / 2)); // on the text, not the arrows
        QTRY_VERIFY(percent->hasFocus());
        QCOMPARE(percent->value(), percentBefore);
        turnWheelOver(percent, -1);
        QCOMPARE(percent->value(), percentBefore - 1);
    }

    void aJobRunsWithLiveProgressAndCurvesAndItsRunIsOffered()
    {
        TaskManager tasks;
        RunStore store(&tasks);
        TrainingPanel panel(&store);
        panel.resize(1100, 600);
        panel.show();
        panel.setDataset(demo_);
        QVERIFY(!panel.curves()->legend->visible()); // no empty legend box while nothing runs (#34, item 16)
        smallJob(panel, 3);
        auto *method = panel.findChild<QComboBox *>(QStringLiteral("methodBox"));
        method->setCurrentIndex(method->findData(int(xmw::learn::Method::Pretrain)));
        QSignalSpy epochs(panel.queue(), &TrainingQueue::epochFinished);
        QSignalSpy finished(&panel, &TrainingPanel::runFinished);
        const int id = panel.start();
        QVERIFY(id > 0);
        QTRY_VERIFY_WITH_TIMEOUT(epochs.count() >= 1, 60000);
        QVERIFY(panel.curves()->graphCount() >= 2); // train and validation
        QVERIFY(panel.curves()->graph(0)->data()->size() >= 1);
        QVERIFY(panel.curves()->legend->visible());
        // Pretraining's source loss is its train loss: one curve, not one hidden under the other.
        for (int g = 0; g < panel.curves()->graphCount(); ++g)
            QVERIFY2(!panel.curves()->graph(g)->name().startsWith(QStringLiteral("source")), qPrintable(panel.curves()->graph(g)->name()));
        // The jobs' header is readable in full.
        auto *jobTable = panel.findChild<QTableWidget *>(QStringLiteral("jobTable"));
        QVERIFY(jobTable->horizontalHeader()->sectionSize(1) >=
                jobTable->horizontalHeader()->fontMetrics().horizontalAdvance(QStringLiteral("Model / method")));
        auto *bar = qobject_cast<QProgressBar *>(panel.findChild<QTableWidget *>(QStringLiteral("jobTable"))->cellWidget(0, 2));
        QTRY_VERIFY_WITH_TIMEOUT(bar->value() > 0, 30000);
        panel.grab().save(QStringLiteral(XMW_TEST_OUTPUT_DIR "/training-panel-running.png"));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
        const QString runFile = finished.first().first().toString();
        QCOMPARE(xmw::learn::readRunSummary(runFile.toStdString()).config.method, xmw::learn::Method::Pretrain);
        QCOMPARE(panel.queue()->job(id)->state, TrainingQueue::State::Finished);
        QCOMPARE(panel.curves()->graph(0)->data()->size(), 3);
        // Now fine-tuning can start from it.
        method->setCurrentIndex(method->findData(int(xmw::learn::Method::Finetune)));
        QTRY_COMPARE_WITH_TIMEOUT(panel.findChild<QComboBox *>(QStringLiteral("pretrainedBox"))->currentData().toString(), runFile, 10000);
        QVERIFY(panel.problem().isEmpty());
        panel.grab().save(QStringLiteral(XMW_TEST_OUTPUT_DIR "/training-panel-finished.png"));

        // The run browser lists it; a name edited in place is written to the file; metrics export;
        // delete removes the file.
        RunBrowser browser(&store);
        browser.resize(1000, 500);
        browser.show();
        QTRY_COMPARE_WITH_TIMEOUT(browser.table()->rowCount(), 1, 10000);
        QTableWidget *table = browser.table();
        QCOMPARE(table->item(0, RunBrowser::Method)->text(), QStringLiteral("pretrain"));
        QVERIFY(std::abs(table->item(0, RunBrowser::Rmse)->text().toDouble() - panel.queue()->job(id)->testRmse) < 1e-3);
        // Pretraining is also tested on TEM-MDM itself: 2016 held out, trained on 2015.
        QVERIFY2(table->item(0, RunBrowser::RmseTem)->text().toDouble() > 0, qPrintable(table->item(0, RunBrowser::RmseTem)->text()));
        QVERIFY2(table->item(0, RunBrowser::RmseTem)->toolTip().contains(QStringLiteral("TEM-MDM 2016")),
                 qPrintable(table->item(0, RunBrowser::RmseTem)->toolTip()));
        browser.selectRuns({runFile});
        QCOMPARE(browser.chart()->plottableCount(), 1);
        table->item(0, RunBrowser::Name)->setText(QStringLiteral("first pretraining"));
        QTRY_COMPARE_WITH_TIMEOUT(QString::fromStdString(xmw::learn::readRunSummary(runFile.toStdString()).name),
                                  QStringLiteral("first pretraining"), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(store.find(runFile) && store.find(runFile)->summary.name == "first pretraining", 10000);
        browser.findChild<QLineEdit *>(QStringLiteral("runFilter"))->setText(QStringLiteral("nothing like it"));
        QVERIFY(table->isRowHidden(0));
        browser.findChild<QLineEdit *>(QStringLiteral("runFilter"))->clear();
        const QString csv = dir_.filePath(QStringLiteral("metrics.csv"));
        QCOMPARE(browser.exportMetrics(csv), QString());
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
        const QStringList lines = QString::fromUtf8(file.readAll()).trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines[0].startsWith(QStringLiteral("run,file,model,method,recipe,test_set,split,created,rmse [nmol CH4 m-2 s-1]")),
                 qPrintable(lines[0]));
        QVERIFY(lines[0].contains(QStringLiteral(",rmse_measured [nmol CH4 m-2 s-1],")));
        QVERIFY(lines[0].contains(QStringLiteral(",rmse_tem [nmol CH4 m-2 s-1],")));
        QVERIFY2(lines[1].contains(QStringLiteral(",x-methanewet,")) && lines[1].contains(QStringLiteral("TEM-MDM 2016")),
                 qPrintable(lines[1]));
        QVERIFY(lines[1].startsWith(QStringLiteral("first pretraining,")));
        QVERIFY(readsAsCsv(csv));
        browser.grab().save(QStringLiteral(XMW_TEST_OUTPUT_DIR "/run-browser.png"));
        QCOMPARE(browser.deleteRuns({runFile}), QString());
        QVERIFY(!QFileInfo::exists(runFile));
        QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 0, 10000);
    }

    void aFinishedRunsPredictionJoinsTheTimeSeries()
    {
        QStandardPaths::setTestModeEnabled(true);
        MainWindow window;
        QVERIFY(showWithDemo(window));
        smallJob(*window.training(), 2);
        window.findChild<QSpinBox *>(QStringLiteral("ensembleBox"))->setValue(2); // a spread band
        QSignalSpy finished(window.training(), &TrainingPanel::runFinished);
        QVERIFY(window.training()->start() > 0);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
        const QString runFile = finished.first().first().toString();
        const xmw::learn::RunRecord run = xmw::learn::readRunFile(runFile.toStdString());
        const QString site = QString::fromStdString(run.testSites.front());
        const auto testYears = std::count(run.testSites.begin(), run.testSites.end(), run.testSites.front());
        QTRY_COMPARE_WITH_TIMEOUT(window.runs()->table()->rowCount(), 1, 10000);

        QSignalSpy plotted(&window, &MainWindow::timeSeriesShown);
        window.selectSites({site});
        window.runs()->selectRuns({runFile});
        auto *plot = window.findChild<QCustomPlot *>(QStringLiteral("timeSeriesPlot"));
        const auto predictedGraph = [&]() -> QCPGraph * {
            for (int g = 0; g < plot->graphCount(); ++g)
                if (plot->graph(g)->name().contains(QStringLiteral("predicted (test RMSE")))
                    return plot->graph(g);
            return nullptr;
        };
        QTRY_VERIFY_WITH_TIMEOUT(predictedGraph() != nullptr, 20000);
        QCOMPARE(predictedGraph()->data()->size(), int(testYears * 365));
        QVERIFY(predictedGraph()->name().startsWith(site));
        bool band = false;
        for (int g = 0; g < plot->graphCount(); ++g)
            band = band || plot->graph(g)->name().contains(QStringLiteral("ensemble spread"));
        QVERIFY(band);
        QVERIFY(plot->itemCount() >= 2); // the tracer and a shaded test year
        // The scatter tab adds the run's predictions against the measured days.
        auto *scatter = window.findChild<QCustomPlot *>(QStringLiteral("scatterPlot"));
        QCOMPARE(scatter->graphCount(), 3); // TEM-MDM, the run, 1:1
        QVERIFY2(
            scatter->graph(1)->name().startsWith(site + QLatin1Char(' ') + QString::fromStdString(run.name) + QStringLiteral(": RMSE ")),
            qPrintable(scatter->graph(1)->name()));
        auto *panel = window.findChild<TimeSeriesPanel *>(QStringLiteral("timeSeriesPanel"));
        const QString csv = dir_.filePath(QStringLiteral("compared.csv"));
        QCOMPARE(panel->exportCsv(csv), QString());
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
        QVERIFY(QString::fromUtf8(file.readLine()).contains(QStringLiteral(" predicted [nmol CH4 m-2 s-1]")));
        QVERIFY(readsAsCsv(csv));
        window.findChild<QDockWidget *>(QStringLiteral("timeSeriesDock"))->raise();
        window.grab().save(QStringLiteral(XMW_TEST_OUTPUT_DIR "/comparison.png"));

        // Every test prediction of the run as CSV: a row per tower and day, the stored numbers.
        const QString predictions = dir_.filePath(QStringLiteral("predictions.csv"));
        QCOMPARE(RunBrowser::exportPredictions({runFile}, predictions), QString());
        QFile rows(predictions);
        QVERIFY(rows.open(QIODevice::ReadOnly | QIODevice::Text));
        const QStringList lines = QString::fromUtf8(rows.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), int(run.testIds.size() * 365 + 1));
        QVERIFY(
            lines.front().startsWith(QStringLiteral("run,model,method,site,date,observed_measured [nmol CH4 m-2 s-1],target_gapfilled")));
        QVERIFY(readsAsCsv(predictions));
        const QStringList first = lines.at(1).split(QLatin1Char(','));
        QCOMPARE(first.at(3), QString::fromStdString(run.testSites.front()));
        QCOMPARE(first.at(4), QStringLiteral("%1-01-01").arg(run.testYears.front()));
        QVERIFY(std::abs(first.at(7).toDouble() - double(run.predicted.front())) < 1e-4 * (1 + std::abs(double(run.predicted.front()))));
        // The measured column holds the tower's own days only, each equal to its target.
        int measured = 0, targets = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QStringList f = lines[i].split(QLatin1Char(','));
            measured += f.at(5).isEmpty() ? 0 : 1;
            targets += f.at(6).isEmpty() ? 0 : 1;
            if (!f.at(5).isEmpty())
                QCOMPARE(f.at(5), f.at(6));
        }
        QVERIFY2(measured > 0 && measured < targets, qPrintable(QStringLiteral("%1 of %2").arg(measured).arg(targets)));
        // A run file that is not there: a message naming it, and no CSV.
        const QString none = dir_.filePath(QStringLiteral("none.csv"));
        QVERIFY(RunBrowser::exportPredictions({dir_.filePath(QStringLiteral("gone.h5"))}, none).contains(QStringLiteral("gone.h5")));
        QVERIFY(!QFileInfo::exists(none));
    }

    void anUpscaledRunBecomesMapLayersAndReadsBackAsNetcdf()
    {
        QStandardPaths::setTestModeEnabled(true);
        MainWindow window;
        QVERIFY(showWithDemo(window));
        QTRY_VERIFY_WITH_TIMEOUT(window.runs()->table()->rowCount() >= 1, 10000); // the previous test's run
        const QString runFile = window.runs()->table()->item(0, RunBrowser::Name)->data(Qt::UserRole).toString();
        window.runs()->selectRuns({runFile});
        auto *period = window.findChild<QComboBox *>(QStringLiteral("periodBox"));
        period->setCurrentIndex(period->findData(int(xmw::data::Period::Day)));

        // Per-tower comparison of the selected run.
        QVERIFY(window.runs()->towerTable()->rowCount() >= 1);
        QCOMPARE(window.runs()->towerTable()->columnCount(), 2);

        // Cancel stops an upscaling and leaves no layer.
        QSignalSpy canceled(window.runs()->upscaler(), &UpscaleRunner::canceled);
        QVERIFY(window.runs()->upscaleSelected(2016));
        auto *year = window.runs()->findChild<QSpinBox *>(QStringLiteral("upscaleYear"));
        QCOMPARE(year->value(), 2016); // the box says the year being upscaled (#34, item 3)
        window.runs()->findChild<QPushButton *>(QStringLiteral("upscaleRun"))->click(); // now "Cancel Upscaling"
        QTRY_COMPARE_WITH_TIMEOUT(canceled.count(), 1, 10000);
        QVERIFY(window.layers()->predictions().empty());

        QSignalSpy shown(&window, &MainWindow::mapShown);
        auto *upscale = window.runs()->findChild<QPushButton *>(QStringLiteral("upscaleRun"));
        QVERIFY(upscale->isEnabled());
        window.runs()->findChild<QSpinBox *>(QStringLiteral("upscaleYear"))->setValue(2016);
        upscale->click();
        QTRY_COMPARE_WITH_TIMEOUT(window.layers()->predictions().size(), std::size_t(1), 60000);
        // Done: the button offers the next upscaling, not a cancel of this one (#34, item 3).
        QCOMPARE(upscale->text(), QStringLiteral("Upscale to Map"));
        QVERIFY(year->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(window.field() && window.field()->prediction, 20000);
        bool difference = true;
        const PredictionLayerPtr layer = window.layers()->currentPrediction(&difference);
        QVERIFY(layer && !difference);
        QVERIFY(!layer->year->cells.empty());
        const auto finite = [](const std::vector<float> &v) {
            return std::count_if(v.begin(), v.end(), [](float x) { return std::isfinite(x); });
        };
        QCOMPARE(std::size_t(finite(window.field()->values)), layer->year->cells.size());
        // The date controls span the layer's year.
        auto *date = window.findChild<QDateEdit *>(QStringLiteral("dateEdit"));
        auto *mapBar = window.findChild<MapToolBar *>(QStringLiteral("mapBar"));
        QCOMPARE(mapBar->firstDate(), QDate(2016, 1, 1));
        QCOMPARE(mapBar->lastDate(), QDate(2016, 12, 31));
        QVERIFY(window.findChild<QAction *>(QStringLiteral("actionExportPrediction"))->isEnabled());

        // The difference layer: centred on zero, prediction minus TEM-MDM cell by cell.
        auto *variables = window.findChild<QComboBox *>(QStringLiteral("variableBox"));
        variables->setCurrentIndex(variables->currentIndex() + 1);
        QTRY_VERIFY_WITH_TIMEOUT(window.field() && window.field()->difference, 20000);
        QCOMPARE(window.field()->scale.palette(), Palette::Diverging);
        const auto day = *xmw::data::sequenceDayIndex(fromDate(date->date()));
        const std::size_t cell = layer->year->cells.front();
        QCOMPARE(window.field()->values[cell], layer->year->values[std::size_t(day)] - layer->year->simulated[std::size_t(day)]);
        window.grab().save(QStringLiteral(XMW_TEST_OUTPUT_DIR "/prediction_difference.png"));

        // CF NetCDF that reads back with the same numbers.
        const QString nc = dir_.filePath(QStringLiteral("prediction.nc"));
        QCOMPARE(writePredictionNetcdf(*layer, nc), QString());
        const auto file = xmw::data::NetcdfFile::open(nc.toStdString());
        const int varid = file.variable("CH4_prediction");
        QCOMPARE(file.textAttribute(xmw::data::NetcdfFile::kGlobal, "Conventions").value_or(""), std::string("CF-1.8"));
        const auto &grid = layer->year->grid;
        std::vector<float> read(grid.cellCount());
        const std::size_t start[3] = {std::size_t(day), 0, 0}, count[3] = {1, std::size_t(grid.rows), std::size_t(grid.cols)};
        file.read(varid, start, count, read.data());
        QCOMPARE(read[cell], layer->year->values[std::size_t(day)]);

        // The difference layer animates as it shows: its days, its diverging colours centred on zero.
        auto spec = window.animationSpec();
        QVERIFY(spec && spec->layer.prediction == layer && spec->layer.difference);
        QCOMPARE(spec->from.year, 2016);
        spec->from = {2016, 7, 1};
        spec->to = {2016, 7, 5};
        spec->path = dir_.filePath(QStringLiteral("difference.mp4"));
        spec->video = {320, 180, 5, VideoFormat::Mp4};
        xmw::Feedback quiet;
        const AnimationFrames frames(*spec, quiet);
        QCOMPARE(frames.sharedScale()->palette(), Palette::Diverging);
        QCOMPARE(frames.sharedScale()->low(), -frames.sharedScale()->high());
        QVERIFY(frames.frame(0) != frames.frame(4));
        QSignalSpy exported(&window, &MainWindow::animationExported);
        window.exportAnimation(*spec);
        QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 1, 30000);
        QCOMPARE(exported.front().front().value<AnimationOutcome>().frames, 5);
        // A prediction covers its year only.
        QSignalSpy failed(&window, &MainWindow::animationFailed);
        spec->to = {2017, 1, 5};
        window.exportAnimation(*spec);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 30000);
        QVERIFY2(failed.front().front().toString().contains(QStringLiteral("2016 only")), qPrintable(failed.front().front().toString()));

        // Back to a TEM-MDM variable: the whole record again.
        variables->setCurrentIndex(variables->findData(QStringLiteral("CH4_emission")));
        QTRY_VERIFY_WITH_TIMEOUT(window.field() && !window.field()->prediction, 20000);
        QCOMPARE(mapBar->firstDate(), QDate(2015, 1, 1));
        QVERIFY(!window.findChild<QAction *>(QStringLiteral("actionExportPrediction"))->isEnabled());
    }

    void cancelStopsWithinASecondAndTheWindowStaysResponsive()
    {
        TaskManager tasks;
        RunStore store(&tasks);
        TrainingPanel panel(&store);
        panel.show();
        panel.setDataset(demo_);
        smallJob(panel, 500);
        QSignalSpy epochs(panel.queue(), &TrainingQueue::epochFinished);
        const int id = panel.start();
        QTRY_VERIFY_WITH_TIMEOUT(epochs.count() >= 1, 60000);
        // The event loop's longest gap while a job trains.
        QElapsedTimer tick;
        tick.start();
        qint64 worst = 0;
        QTimer probe;
        probe.setInterval(10);
        connect(&probe, &QTimer::timeout, this, [&] {
            worst = std::max(worst, tick.elapsed());
            tick.restart();
        });
        probe.start();
        QTest::qWait(1500);
        QElapsedTimer clock;
        clock.start();
        panel.findChild<QPushButton *>(QStringLiteral("cancelTraining"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(panel.queue()->job(id)->state == TrainingQueue::State::Canceled, 5000);
        const qint64 stopMs = clock.elapsed();
        probe.stop();
        qInfo("cancel took %lld ms; longest event-loop gap while training %lld ms", stopMs, worst);
        QVERIFY2(stopMs < 1000, qPrintable(QString::number(stopMs)));
        QVERIFY2(worst < 100, qPrintable(QString::number(worst)));
        QVERIFY(!panel.queue()->isBusy());

        // Resume goes on from the last finished epoch, in a new job.
        QVERIFY(panel.findChild<QPushButton *>(QStringLiteral("resumeTraining"))->isEnabled());
        const int done = int(panel.queue()->job(id)->history.size());
        const int again = panel.resume(id);
        QVERIFY(again > id);
        QSignalSpy resumed(panel.queue(), &TrainingQueue::epochFinished);
        QTRY_VERIFY_WITH_TIMEOUT(resumed.count() >= 1, 60000);
        QCOMPARE(resumed.first().at(1).value<xmw::learn::EpochRecord>().epoch, done + 1);
        panel.queue()->cancel(again);
        QTRY_VERIFY_WITH_TIMEOUT(!panel.queue()->isBusy(), 5000);
        const int doneAgain = done + int(panel.queue()->job(again)->history.size()); // the checkpoint has them all

        // A later session (the explorer closed meanwhile) finds the checkpoint and resumes it.
        TaskManager laterTasks;
        RunStore laterStore(&laterTasks);
        TrainingPanel later(&laterStore);
        later.setDataset(demo_);
        QTRY_COMPARE_WITH_TIMEOUT(int(later.queue()->ids().size()), 1, 20000);
        const int found = later.queue()->ids().front();
        const TrainingQueue::Job *interrupted = later.queue()->job(found);
        QCOMPARE(interrupted->state, TrainingQueue::State::Canceled);
        QCOMPARE(interrupted->config.toJson(), panel.queue()->job(id)->config.toJson());
        QCOMPARE(int(interrupted->history.size()), doneAgain);
        QVERIFY(interrupted->message.contains(QStringLiteral("Resume")));
        QVERIFY(later.findChild<QPushButton *>(QStringLiteral("resumeTraining"))->isEnabled());
        QSignalSpy laterEpochs(later.queue(), &TrainingQueue::epochFinished);
        const int third = later.resume(found);
        QVERIFY(third > found);
        QTRY_VERIFY_WITH_TIMEOUT(laterEpochs.count() >= 1, 60000);
        QCOMPARE(laterEpochs.first().at(1).value<xmw::learn::EpochRecord>().epoch, doneAgain + 1);
        later.queue()->cancel(third);
        QTRY_VERIFY_WITH_TIMEOUT(!later.queue()->isBusy(), 5000);
    }
};

XMW_GUI_TEST_MAIN(TestTrainingPanel)
#include "test_training_panel.moc"
