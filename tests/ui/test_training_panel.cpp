// The Training dock: a job from the form runs in the background with live progress and curves;
// cancel is quick and the window stays responsive; what cannot run is refused in the form.
#include "gui_test_main.h"
#include "core/data/demo_generator.h"
#include "core/learn/run_file.h"
#include "ui/main_window.h"
#include "ui/plots/time_series_panel.h"
#include "ui/training/run_browser.h"
#include "ui/training/training_panel.h"

#include <QComboBox>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QStandardPaths>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>

#include <qcustomplot.h>

using namespace xmw::ui;

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

private Q_SLOTS:
    void initTestCase()
    {
        xmw::Feedback quiet;
        xmw::data::DemoOptions options;
        options.resolution = 6.0;
        options.firstYear = 2015;
        options.lastYear = 2016;
        demo_ = dir_.filePath(QStringLiteral("demo"));
        xmw::data::makeDemoDataset(demo_.toStdString(), options, quiet);
    }

    void theFormRefusesWhatCannotRun()
    {
        RunStore store;
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
        auto *device = panel.findChild<QComboBox *>(QStringLiteral("deviceBox"));
        device->setCurrentIndex(device->findData(QStringLiteral("cuda")));
        QVERIFY(!start->isEnabled()); // Debian's LibTorch has no CUDA
        device->setCurrentIndex(0);
        QVERIFY(start->isEnabled());
    }

    void aJobRunsWithLiveProgressAndCurvesAndItsRunIsOffered()
    {
        RunStore store;
        TrainingPanel panel(&store);
        panel.resize(1100, 600);
        panel.show();
        panel.setDataset(demo_);
        smallJob(panel, 3);
        auto *method = panel.findChild<QComboBox *>(QStringLiteral("methodBox"));
        method->setCurrentIndex(method->findData(int(xmw::learn::Method::Pretrain)));
        QSignalSpy epochs(panel.queue(), &TrainingQueue::epochFinished);
        QSignalSpy finished(&panel, &TrainingPanel::runFinished);
        const int id = panel.start();
        QVERIFY(id > 0);
        QTRY_VERIFY_WITH_TIMEOUT(epochs.count() >= 1, 60000);
        QVERIFY(panel.curves()->graphCount() >= 2); // train and validation (and source)
        QVERIFY(panel.curves()->graph(0)->data()->size() >= 1);
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
        browser.selectRuns({runFile});
        QCOMPARE(browser.chart()->plottableCount(), 1);
        table->item(0, RunBrowser::Name)->setText(QStringLiteral("first pretraining"));
        QTRY_COMPARE_WITH_TIMEOUT(QString::fromStdString(xmw::learn::readRunSummary(runFile.toStdString()).name), QStringLiteral("first pretraining"), 10000);
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
        QVERIFY(lines[0].startsWith(QStringLiteral("run,file,model,method,split,created,rmse [nmol CH4 m-2 s-1]")));
        QVERIFY(lines[1].startsWith(QStringLiteral("\"first pretraining\",")));
        browser.grab().save(QStringLiteral(XMW_TEST_OUTPUT_DIR "/run-browser.png"));
        QCOMPARE(browser.deleteRuns({runFile}), QString());
        QVERIFY(!QFileInfo::exists(runFile));
        QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 0, 10000);
    }

    void aFinishedRunsPredictionJoinsTheTimeSeries()
    {
        QStandardPaths::setTestModeEnabled(true);
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        QSignalSpy loaded(&window, &MainWindow::datasetLoaded);
        window.openDataset(demo_);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 20000);
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
        QVERIFY2(scatter->graph(1)->name().startsWith(site + QLatin1Char(' ') + QString::fromStdString(run.name) + QStringLiteral(": RMSE ")),
                 qPrintable(scatter->graph(1)->name()));
        auto *panel = window.findChild<TimeSeriesPanel *>(QStringLiteral("timeSeriesPanel"));
        const QString csv = dir_.filePath(QStringLiteral("compared.csv"));
        QCOMPARE(panel->exportCsv(csv), QString());
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
        QVERIFY(QString::fromUtf8(file.readLine()).contains(QStringLiteral(" predicted [nmol CH4 m-2 s-1]")));
        window.findChild<QDockWidget *>(QStringLiteral("timeSeriesDock"))->raise();
        window.grab().save(QStringLiteral(XMW_TEST_OUTPUT_DIR "/comparison.png"));
    }

    void cancelStopsWithinASecondAndTheWindowStaysResponsive()
    {
        RunStore store;
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
    }
};

XMW_GUI_TEST_MAIN(TestTrainingPanel)
#include "test_training_panel.moc"
