// The Budget dock: totals by band and region for TEM-MDM, an upscaled run and their difference,
// the mean ± sd over the years, a region drawn on the flat map, the window's unit, the exports,
// and how it looks in each language.
#include "core/data/dataset.h"
#include "core/data/demo_generator.h"
#include "core/learn/upscaler.h"
#include "gui_test_main.h"
#include "ui/budget/budget_charts.h"
#include "ui/budget/budget_panel.h"
#include "ui/globe/flat_map_view.h"
#include "ui/main_window.h"
#include "ui/sites/tower_legend.h"
#include "ui/tasks/task_manager.h"

#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QThread>

#include <qcustomplot.h>

#include <algorithm>
#include <atomic>
#include <cmath>

using namespace xmw;
using namespace xmw::ui;

class TestBudgetPanel : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString demo_, run_;
    DatasetPtr dataset_;
    std::shared_ptr<learn::UpscaledYear> year_;

    static bool computeAndWait(BudgetPanel &panel)
    {
        QSignalSpy done(&panel, &BudgetPanel::computed);
        panel.compute();
        return done.wait(60000) || done.count() == 1;
    }

    static const data::BudgetRow *find(const BudgetResult &r, const std::string &source, const std::string &region, int year)
    {
        for (const auto &row : r.rows)
            if (row.source == source && row.region == region && row.year == year && row.month == 0)
                return &row;
        return nullptr;
    }

    // The window at that size, shown, with the demo's first map on it.
    bool showDemo(MainWindow &window, QSize size) const
    {
        window.resize(size);
        window.show();
        if (!QTest::qWaitForWindowExposed(&window))
            return false;
        QSignalSpy shown(&window, &MainWindow::mapShown);
        window.openDataset(demo_);
        return QTest::qWaitFor([&] { return shown.count() == 1; }, 20000);
    }

    static int rowsWithText(const QTableWidget *table, int column, const QString &text)
    {
        int n = 0;
        for (int r = 0; r < table->rowCount(); ++r)
            n += table->item(r, column) && table->item(r, column)->text() == text;
        return n;
    }

private Q_SLOTS:
    void initTestCase()
    {
        Feedback quiet;
        data::DemoOptions options;
        options.resolution = 6.0;
        options.firstYear = 2015;
        options.lastYear = 2016;
        demo_ = dir_.filePath(QStringLiteral("demo"));
        data::makeDemoDataset(demo_.toStdString(), options, quiet);
        dataset_ = std::make_shared<const data::Dataset>(data::Dataset::open(demo_.toStdString()));

        // An upscaled run of 2016 that predicts 2 nmol m-2 s-1 wherever TEM-MDM has a value.
        learn::UpscaledYear year;
        year.year = 2016;
        year.grid = dataset_->grid()->grid();
        const auto field = dataset_->grid()->dayField(data::layout::kEmission, {2016, 1, 1});
        for (std::size_t c = 0; c < field.size(); ++c)
            if (std::isfinite(field[c]))
                year.cells.push_back(c);
        year.values.assign(year.cells.size() * 365, 2.0f);
        year.simulated.assign(year.cells.size() * 365, std::nanf(""));
        year.coverage = "simulated";
        run_ = dir_.filePath(QStringLiteral("steady.nc"));
        learn::writeUpscaledNetcdf(run_.toStdString(), year, learn::RunRecord{}, "test");
        year_ = std::make_shared<learn::UpscaledYear>(year);
    }

    // The dock shares the bottom of the window with the others: it must not need more room than
    // they do (the Runs panel: about 460 × 195), or the window could no longer be 900 × 640.
    void fitsASmallWindow()
    {
        for (const QString &language : {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("zh_CN")}) {
            const TranslationScope scope(language);
            TaskManager tasks;
            BudgetPanel panel(&tasks);
            panel.setDataset(dataset_);
            QVERIFY(computeAndWait(panel));
            const QSize minimum = panel.minimumSizeHint();
            qInfo("%s: %d × %d", qPrintable(language), minimum.width(), minimum.height());
            QVERIFY2(minimum.width() <= 860 && minimum.height() <= 195,
                     qPrintable(QStringLiteral("%1: %2 × %3").arg(language).arg(minimum.width()).arg(minimum.height())));
        }
    }

    void computesTheBandsWithTheirMeanOverTheYears()
    {
        TaskManager tasks;
        BudgetPanel panel(&tasks);
        panel.setDataset(dataset_);
        QVERIFY2(panel.findChild<QLabel *>(QStringLiteral("budgetWetlandMap"))->text().contains(QStringLiteral("WAD2M_wetlands_demo.nc")),
                 "the map beside the dataset is chosen");
        QVERIFY(computeAndWait(panel));
        const BudgetResult &r = *panel.result();
        QVERIFY(r.hasTotals);
        QCOMPARE(r.regions.size(), 5);
        // Each region: two years and a bold mean ± sd row.
        QCOMPARE(panel.table()->rowCount(), 5 * 3);
        QCOMPARE(rowsWithText(panel.table(), 2, QStringLiteral("mean ± sd")), 5);
        QVERIFY(!panel.table()->isColumnHidden(3));
        for (int row = 0; row < panel.table()->rowCount(); ++row)
            QCOMPARE(panel.table()->item(row, 0)->font().bold(), panel.table()->item(row, 2)->text() == QStringLiteral("mean ± sd"));
        const double globe = find(r, "TEM-MDM", "Globe", 2016)->teragrams;
        QVERIFY2(globe > 20 && globe < 400, qPrintable(QString::number(globe)));
        QCOMPARE(panel.table()->item(1, 3)->text(), QLocale().toString(globe, 'f', 2));
        // The figures: one yearly line per source; the seasonal cycle of each band; a zonal curve.
        QCOMPARE(panel.charts()->plot(0)->graphCount(), 1);
        QCOMPARE(panel.charts()->plot(0)->graph(0)->dataCount(), 2);
        QCOMPARE(panel.charts()->plot(2)->graphCount(), 4);
        QCOMPARE(panel.charts()->plot(2)->graph(0)->dataCount(), 12);
        QCOMPARE(panel.charts()->plot(3)->plottableCount(), 1);
        QVERIFY(panel.caption()->text().contains(QStringLiteral("Tg CH₄")));
        QVERIFY(panel.caption()->toolTip().contains(QStringLiteral("29 February left out")));
    }

    void aRunAndItsDifferenceFromTemMdm()
    {
        TaskManager tasks;
        BudgetPanel panel(&tasks);
        panel.setDataset(dataset_);
        QVERIFY(panel.addRunFile(dir_.filePath(QStringLiteral("missing.nc"))).contains(QStringLiteral("missing.nc")));
        QCOMPARE(panel.addRunFile(run_), QString());
        QVERIFY(panel.findChild<QLabel *>(QStringLiteral("budgetSources"))->text().contains(QStringLiteral("steady − TEM-MDM")));
        QVERIFY(computeAndWait(panel));
        const BudgetResult &r = *panel.result();
        QCOMPARE(r.sources, (QStringList{QStringLiteral("TEM-MDM"), QStringLiteral("steady"), QStringLiteral("steady − TEM-MDM")}));
        QVERIFY(!find(r, "steady", "Globe", 2015)); // the run has 2016 only
        const double run = find(r, "steady", "Globe", 2016)->teragrams, tem = find(r, "TEM-MDM", "Globe", 2016)->teragrams,
                     difference = find(r, "steady − TEM-MDM", "Globe", 2016)->teragrams;
        QVERIFY2(std::abs(run - tem - difference) < 1e-6 * std::abs(run),
                 qPrintable(QStringLiteral("%1 %2 %3").arg(run).arg(tem).arg(difference)));
        QVERIFY(std::abs(find(r, "steady", "Globe", 2016)->meanFlux - 2.0 * 1.3863) < 1e-4);
        QCOMPARE(panel.charts()->plot(0)->graphCount(), 3);
    }

    // The figures as mean fluxes on request; Compute cancels while a budget is being computed.
    void meanFluxFiguresAndCancel()
    {
        TaskManager tasks;
        BudgetPanel panel(&tasks);
        panel.setDataset(dataset_);
        panel.setFluxUnit(data::units::Flux::MgPerSquareMetrePerDay);
        QVERIFY(computeAndWait(panel));
        const double tg = find(*panel.result(), "TEM-MDM", "Globe", 2015)->teragrams;
        const double flux = find(*panel.result(), "TEM-MDM", "Globe", 2015)->meanFlux;
        QCOMPARE(panel.charts()->plot(0)->graph(0)->data()->at(0)->value, tg);
        panel.findChild<QComboBox *>(QStringLiteral("budgetFigureQuantity"))->setCurrentIndex(1);
        QCOMPARE(panel.charts()->plot(0)->graph(0)->data()->at(0)->value, flux);
        QVERIFY(panel.charts()->plot(0)->xAxis->label().contains(QStringLiteral("mg")));

        // With the compute lane busy the budget waits; Cancel ends it, and the last result stays.
        std::atomic<bool> release{false};
        tasks.run(
            TaskManager::Lane::Compute, QStringLiteral("busy"), &panel,
            [&](Feedback &) {
                while (!release)
                    QThread::msleep(5);
                return 0;
            },
            [](int &&) {});
        auto *button = panel.findChild<QPushButton *>(QStringLiteral("budgetCompute"));
        QSignalSpy done(&panel, &BudgetPanel::computed);
        button->click();
        QVERIFY(panel.isComputing());
        QCOMPARE(button->text(), QStringLiteral("Cancel"));
        button->click();
        QTRY_VERIFY(!panel.isComputing());
        QCOMPARE(button->text(), QStringLiteral("Compute"));
        release = true;
        QVERIFY(tasks.waitForDone(10000));
        QCOMPARE(done.count(), 0);
        QCOMPARE(find(*panel.result(), "TEM-MDM", "Globe", 2015)->teragrams, tg);
    }

    // A run upscaled in the explorer (in memory) is offered, and written out when chosen.
    void aRunUpscaledInThisSession()
    {
        TaskManager tasks;
        BudgetPanel panel(&tasks);
        panel.setDataset(dataset_);
        auto layer = std::make_shared<PredictionLayer>();
        layer->run.name = "session run";
        layer->year = year_;
        panel.offerPredictionLayer(layer);
        const auto actions = panel.findChild<QPushButton *>(QStringLiteral("budgetAddRun"))->menu()->actions();
        QVERIFY(std::any_of(actions.begin(), actions.end(), [&](QAction *a) { return a->text() == layer->title(); }));
        panel.addPredictionLayer(layer);
        QTRY_COMPARE_WITH_TIMEOUT(panel.runFiles().size(), 1, 20000);
        QVERIFY(computeAndWait(panel));
        QCOMPARE(panel.result()->sources.size(), 3);
        const auto *row = find(*panel.result(), panel.result()->sources[1].toStdString(), "Globe", 2016);
        QVERIFY(row && std::abs(row->meanFlux - 2.0 * 1.3863) < 1e-4);
        // Another dataset: the session's runs were over the last one.
        panel.setDataset(dataset_);
        QCOMPARE(panel.findChild<QPushButton *>(QStringLiteral("budgetAddRun"))->menu()->actions().size(), 1);
    }

    void aBoxADrawnRegionAndNoMap()
    {
        TaskManager tasks;
        BudgetPanel panel(&tasks);
        panel.setDataset(dataset_);
        QVERIFY(panel.setBox(QStringLiteral("60, 40, 0, 10")).contains(QStringLiteral("south < north")));
        QVERIFY(!panel.setBox(QStringLiteral("1, 2, 3")).isEmpty());
        QCOMPARE(panel.setBox(QStringLiteral("45, 75, -170, -50")), QString());
        QVERIFY(computeAndWait(panel));
        QCOMPARE(panel.result()->regions.size(), 6);
        QVERIFY(panel.result()->regions.back().startsWith(QStringLiteral("Box 45°N–75°N")));
        // The region asked about is what the yearly figure shows.
        QCOMPARE(panel.findChild<QComboBox *>(QStringLiteral("budgetFigureRegion"))->currentIndex(), 5);

        panel.setDrawnRegion({QPointF(-10, 35), QPointF(40, 35), QPointF(40, 70), QPointF(-10, 70)});
        QVERIFY(computeAndWait(panel));
        QCOMPARE(panel.result()->regions.back(), QStringLiteral("Drawn region (4 corners)"));
        const auto *europe = find(*panel.result(), "TEM-MDM", "Drawn region (4 corners)", 2016);
        QVERIFY(europe && europe->cells > 0 && europe->teragrams > 0);

        // Without a map: no totals, and the caption says what they would need.
        QCOMPARE(panel.setWetlandMap(QString()), QString());
        QVERIFY(computeAndWait(panel));
        QVERIFY(!panel.result()->hasTotals);
        QVERIFY(panel.table()->isColumnHidden(3));
        QVERIFY2(panel.caption()->text().contains(QStringLiteral("No wetland map")), qPrintable(panel.caption()->text()));
        QVERIFY(std::isnan(find(*panel.result(), "TEM-MDM", "Globe", 2016)->teragrams));
        // A file that is no wetland map is refused at once, naming it.
        QVERIFY(panel.setWetlandMap(run_).contains(QStringLiteral("steady.nc")));
    }

    void numbersFollowTheWindowsUnitAndExport()
    {
        TaskManager tasks;
        BudgetPanel panel(&tasks);
        panel.setDataset(dataset_);
        panel.setFluxUnit(data::units::Flux::MgPerSquareMetrePerDay);
        QVERIFY(computeAndWait(panel));
        const double mg = find(*panel.result(), "TEM-MDM", "Globe", 2015)->meanFlux;
        QVERIFY(panel.table()->horizontalHeaderItem(4)->text().contains(QStringLiteral("mg")));
        QCOMPARE(panel.table()->item(0, 4)->text(), QLocale().toString(mg, 'f', 3));
        panel.setFluxUnit(data::units::Flux::NmolPerSquareMetrePerSecond);
        QVERIFY(panel.table()->horizontalHeaderItem(4)->text().contains(QStringLiteral("nmol")));
        QCOMPARE(panel.table()->item(0, 4)->text(), QLocale().toString(mg / 1.3863, 'f', 3));

        const QString csv = dir_.filePath(QStringLiteral("budget.csv"));
        QCOMPARE(panel.exportCsv(csv), QString());
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(file.readAll()).trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), int(panel.result()->rows.size()) + 1);
        QVERIFY(lines.front().contains(QStringLiteral("tg_ch4")) && lines.front().contains(QStringLiteral("mean_flux_nmol_ch4_m2_s")));
        const QString png = dir_.filePath(QStringLiteral("budget.png"));
        QCOMPARE(panel.exportFigure(png), QString());
        QVERIFY(!QImage(png).isNull());
        QVERIFY(!panel.exportCsv(dir_.filePath(QStringLiteral("no/such/folder/b.csv"))).isEmpty());
        QVERIFY(!QFile::exists(dir_.filePath(QStringLiteral("no/such/folder/b.csv"))));
    }

    // Draw on Map: the flat map takes the clicks as corners and Enter closes the region.
    void aRegionIsDrawnOnTheFlatMap()
    {
        MainWindow window;
        QVERIFY(showDemo(window, {1280, 800}));
        QVERIFY(window.showPanel(QStringLiteral("budget")));
        window.budget()->findChild<QPushButton *>(QStringLiteral("budgetDraw"))->click();
        QVERIFY(window.isFlatMap());
        FlatMapView *flat = window.flatMap();
        QVERIFY(flat->isDrawingRegion());
        for (const auto &[lat, lon] : {std::pair(40.0, -100.0), std::pair(40.0, -60.0), std::pair(65.0, -80.0)})
            QTest::mouseClick(flat, Qt::LeftButton, {}, flat->project({lat, lon}).toPoint());
        QCOMPARE(flat->regionCorners().size(), 3);
        QTest::keyClick(flat, Qt::Key_Return);
        QVERIFY(!flat->isDrawingRegion());
        QCOMPARE(flat->regionCorners().size(), 3); // still outlined
        QVERIFY(std::abs(flat->regionCorners().front().x() + 100) < 2 && std::abs(flat->regionCorners().front().y() - 40) < 2);
        QCOMPARE(window.budget()->findChild<QComboBox *>(QStringLiteral("budgetRegionKind"))->currentIndex(), 3);
        QVERIFY(computeAndWait(*window.budget()));
        QCOMPARE(window.budget()->result()->regions.back(), QStringLiteral("Drawn region (3 corners)"));
        // Esc gives a drawing up without a region.
        flat->startRegionDrawing();
        QTest::mouseClick(flat, Qt::LeftButton, {}, flat->project({0, 0}).toPoint());
        QTest::keyClick(flat, Qt::Key_Escape);
        QVERIFY(!flat->isDrawingRegion());
    }

    // The tower legend names the wetland types where the window is wide enough, codes alone where
    // not (then in its tooltip), and never makes the window wider.
    void theTowerLegendNamesTheTypes()
    {
        MainWindow window;
        QVERIFY(showDemo(window, {1400, 800}));
        auto *legend = window.findChild<TowerLegend *>(QStringLiteral("towerLegend"));
        QTRY_VERIFY(legend->isVisible());
        QTRY_VERIFY(legend->showsNames());
        QVERIFY(legend->text().contains(QStringLiteral("2 Unforested bog")) && legend->text().contains(QStringLiteral("(floodplain)?")));
        QVERIFY(window.minimumSizeHint().width() < legend->sizeHint().width());
        window.resize(900, 640);
        QTRY_VERIFY(!legend->showsNames());
        QVERIFY(!legend->text().contains(QStringLiteral("bog")));
        QVERIFY(legend->toolTip().contains(QStringLiteral("1 Forested bog")));
    }

    // What a user sees at 1280 × 800 in each language, saved for a person to look at.
    void screenshotsInEachLanguage()
    {
        for (const QString &language : {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("zh_CN")}) {
            const TranslationScope scope(language);
            MainWindow window;
            QVERIFY(showDemo(window, {1280, 800}));
            QVERIFY(window.showPanel(QStringLiteral("budget")));
            QCOMPARE(window.budget()->addRunFile(run_), QString());
            QVERIFY(computeAndWait(*window.budget()));
            // As a user would, give the dock room to read the table and the figures.
            window.resizeDocks({window.findChild<QDockWidget *>(QStringLiteral("budgetDock"))}, {340}, Qt::Vertical);
            QTest::qWait(200);
            const QString file = QStringLiteral(XMW_TEST_OUTPUT_DIR "/budget-%1.png").arg(language);
            QVERIFY(window.grab().save(file));
            window.budget()->charts()->setCurrentIndex(2);
            QVERIFY(window.budget()->grab().save(QStringLiteral(XMW_TEST_OUTPUT_DIR "/budget-panel-%1.png").arg(language)));
        }
    }
};

XMW_GUI_TEST_MAIN(TestBudgetPanel)
#include "test_budget_panel.moc"
