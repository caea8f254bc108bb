#include "gui_test_main.h"

#include "core/data/dataset.h"
#include "core/data/demo_generator.h"
#include "core/version.h"
#include "ui/about_data_dialog.h"
#include "ui/about_dialog.h"
#include "ui/animation/animation_dialog.h"
#include "ui/app/atomic_write.h"
#include "ui/app/explorer_options.h"
#include "ui/app/export_folder.h"
#include "ui/app/figure_size.h"
#include "ui/app/flux_unit_choice.h"
#include "ui/app/tour.h"
#include "ui/app/translations.h"
#include "ui/app/unit_text.h"
#include "ui/data/dataset_loader.h"
#include "ui/data/latest_only_runner.h"
#include "ui/globe/flat_map_view.h"
#include "ui/globe/globe_view.h"
#include "ui/main_window.h"
#include "ui/map/colour_bar.h"
#include "ui/map/map_figure.h"
#include "ui/map/map_tool_bar.h"
#include "ui/plots/time_series_panel.h"
#include "ui/sites/site_selection_model.h"
#include "ui/sites/site_table_model.h"
#include "ui/sites/sites_panel.h"
#include "ui/sites/wetland_types.h"
#include "ui/tasks/task_manager.h"
#include "ui/training/training_panel.h"

#include <QAction>

#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPointer>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSemaphore>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>

#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTranslator>
#include <QWheelEvent>
#include <limits>
#include <qcustomplot.h>

#include <atomic>
#include <cmath>
#include <optional>

using namespace xmw::ui;

class TestMainWindow : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString demo_;

    // Shows `window` wide enough for both tool bars on one line, opens the demo and waits for its map.
    [[nodiscard]] bool showDemo(MainWindow &window, QSignalSpy &shown) const
    {
        window.resize(1880, 800);
        window.show();
        if (!QTest::qWaitForWindowExposed(&window))
            return false;
        window.openDataset(demo_);
        return QTest::qWaitFor([&] { return shown.count() == 1; }, 20000);
    }

    // Makes a change and waits for the map it brings.
    [[nodiscard]] static bool restyled(QSignalSpy &shown, const std::function<void()> &change)
    {
        const auto before = shown.count();
        change();
        return QTest::qWaitFor([&] { return shown.count() > before; }, 20000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // settings go to a test location
        QSettings().clear();
        xmw::Feedback quiet;
        xmw::data::DemoOptions options;
        options.resolution = 4.0;
        options.firstYear = options.lastYear = 2016;
        demo_ = dir_.filePath(QStringLiteral("demo"));
        xmw::data::makeDemoDataset(demo_.toStdString(), options, quiet);
    }

    // Each test starts from the defaults: choices one saves (colours, units) must not steer another.
    void init() { QSettings().clear(); }

    void opensADatasetAndShowsItsMap()
    {
        MainWindow window;
        window.resize(900, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy loaded(&window, &MainWindow::datasetLoaded);
        QSignalSpy shown(&window, &MainWindow::mapShown);
        const QImage basemap = window.globe()->displayedImage();
        window.openDataset(demo_);
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 20000);
        QCOMPARE(loaded.count(), 1);

        auto *variables = window.findChild<QComboBox *>(QStringLiteral("variableBox"));
        QCOMPARE(variables->count(), 14);
        QCOMPARE(variables->currentData().toString(), QStringLiteral("CH4_emission"));
        QVERIFY(variables->currentText().contains(QStringLiteral("nmol CH₄ m⁻² s⁻¹"))); // the window's unit, not the file's
        QVERIFY(window.windowTitle().startsWith(QStringLiteral("demo")));
        auto *bar = window.findChild<ColourBar *>(QStringLiteral("colourBar"));
        QVERIFY(bar && bar->isVisible() && bar->scale());
        QVERIFY2(bar->caption().startsWith(QStringLiteral("CH4_emission [nmol CH₄ m⁻² s⁻¹], 2016-07-15")), qPrintable(bar->caption()));
        QVERIFY(bar->scale()->high() > bar->scale()->low());

        // Ocean keeps the base map; land shows the data layer.
        const QImage map = window.globe()->displayedImage();
        QCOMPARE(map.size(), basemap.size());
        const auto pixelAt = [&](const QImage &image, double lat, double lon) {
            return image.pixel(int((lon + 180.0) / 360.0 * image.width()), int((90.0 - lat) / 180.0 * image.height()));
        };
        QCOMPARE(pixelAt(map, -30.0, -120.0), pixelAt(basemap, -30.0, -120.0)); // South Pacific
        QVERIFY(pixelAt(map, 60.0, 100.0) != pixelAt(basemap, 60.0, 100.0)); // Siberia

        // The date slider spans the record and follows the calendar both ways.
        auto *slider = window.findChild<QSlider *>(QStringLiteral("dateSlider"));
        QCOMPARE(slider->maximum(), 365); // 2016: 366 days
        QCOMPARE(slider->value(), int(QDate(2016, 1, 1).daysTo(QDate(2016, 7, 15))));
        slider->setValue(slider->value() + 1);
        QCOMPARE(window.findChild<QDateEdit *>(QStringLiteral("dateEdit"))->date(), QDate(2016, 7, 16));
        slider->setValue(slider->value() - 1);

        // Day and month steps from the Map menu, clamped to the dataset's years.
        window.findChild<QAction *>(QStringLiteral("actionNextDay"))->trigger();
        QCOMPARE(window.findChild<QDateEdit *>(QStringLiteral("dateEdit"))->date(), QDate(2016, 7, 16));
        window.findChild<QAction *>(QStringLiteral("actionPreviousMonth"))->trigger();
        QCOMPARE(window.findChild<QDateEdit *>(QStringLiteral("dateEdit"))->date(), QDate(2016, 6, 16));
        for (int i = 0; i < 10; ++i)
            window.findChild<QAction *>(QStringLiteral("actionNextMonth"))->trigger();
        QCOMPARE(window.findChild<QDateEdit *>(QStringLiteral("dateEdit"))->date(), QDate(2016, 12, 31));
        // Playing steps through the days, and wraps at the end of the record.
        auto *dates = window.findChild<QDateEdit *>(QStringLiteral("dateEdit"));
        dates->setDate(QDate(2016, 12, 30));
        window.findChild<QSpinBox *>(QStringLiteral("speedBox"))->setValue(30);
        // Every day shown is recorded: polling the date edit could miss a day at 30 days/s.
        QList<QDate> played;
        connect(dates, &QDateEdit::dateChanged, this, [&played](QDate d) { played.append(d); });
        window.findChild<QAction *>(QStringLiteral("actionPlay"))->setChecked(true);
        QTRY_VERIFY_WITH_TIMEOUT(played.size() >= 3, 5000);
        window.findChild<QAction *>(QStringLiteral("actionPlay"))->setChecked(false);
        const QDate paused = dates->date();
        QTest::qWait(200);
        QCOMPARE(dates->date(), paused);
        QCOMPARE(played.mid(0, 3), (QList<QDate>{QDate(2016, 12, 31), QDate(2016, 1, 1), QDate(2016, 1, 2)}));
        disconnect(dates, &QDateEdit::dateChanged, this, nullptr);
        dates->setDate(QDate(2016, 6, 16));

        // The opened dataset heads File ▸ Open Recent.
        auto *recent = window.findChild<QMenu *>(QStringLiteral("recentMenu"));
        QVERIFY(recent->isEnabled());
        QCOMPARE(recent->actions().first()->text(), QDir::toNativeSeparators(QFileInfo(demo_).absoluteFilePath()));

        // Another variable and day: a new field arrives and the layer changes.
        window.showMap(QStringLiteral("TAIR"), {2016, 1, 15});
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() >= 2, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(window.findChild<ColourBar *>(QStringLiteral("colourBar"))->caption().left(4), QStringLiteral("TAIR"),
                                  20000);
        QVERIFY(window.globe()->displayedImage() != map);
        QCOMPARE(window.findChild<QDateEdit *>(QStringLiteral("dateEdit"))->date(), QDate(2016, 1, 15));

        // The status bar tells the value under the cursor.
        auto *label = window.findChild<QLabel *>(QStringLiteral("positionLabel"));
        window.globe()->setCenter({60.0, 100.0});
        const QPointF middle = QRectF(window.globe()->rect()).center();
        QMouseEvent move(QEvent::MouseMove, middle, window.globe()->mapToGlobal(middle), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
        QApplication::sendEvent(window.globe(), &move);
        QVERIFY2(label->text().contains(QStringLiteral("TAIR")) && label->text().contains(QStringLiteral("°C")), qPrintable(label->text()));

        // Towers: one marker per site; a click selects, Ctrl+click adds, the halo follows.
        QCOMPARE(window.globe()->markers().size(), std::size_t(48));
        window.globe()->setCenter({46.0, -90.0});
        window.globe()->setDistance(2.0);
        const auto clickAt = [&](const QString &id, Qt::KeyboardModifiers modifiers) {
            const auto &markers = window.globe()->markers();
            const auto it = std::find_if(markers.begin(), markers.end(), [&](const GlobeMarker &m) { return m.id == id; });
            const auto at = window.globe()->project(it->position);
            QVERIFY2(at, qPrintable(id));
            QCOMPARE(window.globe()->markerAt(*at)->id.left(3), id.left(3));
            QTest::mouseClick(window.globe(), Qt::LeftButton, modifiers, *at);
        };
        QSignalSpy selection(&window, &MainWindow::siteSelectionChanged);
        QSignalSpy plotted(&window, &MainWindow::timeSeriesShown);
        clickAt(QStringLiteral("US-Los"), Qt::NoModifier);
        QCOMPARE(window.selectedSites(), QStringList{QStringLiteral("US-Los")});
        // The time series now holds that tower's measured FCH4, its gap-filled record and its cell.
        QTRY_COMPARE_WITH_TIMEOUT(plotted.count(), 1, 10000);
        auto *plot = window.findChild<QCustomPlot *>(QStringLiteral("timeSeriesPlot"));
        QCOMPARE(plot->graphCount(), 3);
        const auto *los = window.dataset()->sites()->find("US-Los");
        QCOMPARE(plot->graph(1)->data()->size(), los->series.measuredDays());
        QCOMPARE(plot->graph(0)->data()->size(), int(los->series.dates.size()));
        QCOMPARE(plot->graph(1)->name(), QStringLiteral("US-Los measured (FCH4)"));
        // FCH4 alone, not FCH4_F's partly filled days.
        const auto fch4F =
            std::count_if(los->series.fch4F.values.begin(), los->series.fch4F.values.end(), [](float v) { return !std::isnan(v); });
        QVERIFY(plot->graph(1)->data()->size() < fch4F);
        QVERIFY(plot->graph(2)->data()->size() >= 365);
        clickAt(QStringLiteral("US-DPW"), Qt::ControlModifier);
        QCOMPARE(window.selectedSites().size(), 2);
        QCOMPARE(selection.count(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(plotted.count(), 2, 10000);
        QCOMPARE(plot->graphCount(), 6);
        const auto *marker = window.globe()->markerAt(*window.globe()->project({46.083, -89.979}));
        QVERIFY(marker && marker->tooltip.contains(QStringLiteral("Lost Creek")) &&
                marker->tooltip.contains(QStringLiteral("wetland type 2 Unforested bog")));
        QVERIFY(window.findChild<QLabel *>(QStringLiteral("towerLegend"))->isVisible());

        // Exports: each writes a valid file with the expected content.
        QVERIFY(window.findChild<QAction *>(QStringLiteral("actionExportFigure"))->isEnabled());
        QVERIFY(window.findChild<QAction *>(QStringLiteral("actionExportMap"))->isEnabled());
        auto *panel = window.findChild<TimeSeriesPanel *>(QStringLiteral("timeSeriesPanel"));
        for (const char *suffix : {"png", "pdf", "svg"}) {
            const QString path = dir_.filePath(QStringLiteral("figure.") + QLatin1String(suffix));
            QCOMPARE(panel->exportFigure(path), QString());
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray head = file.read(200);
            QVERIFY2(suffix == std::string("png")       ? head.startsWith("\x89PNG")
                         : suffix == std::string("pdf") ? head.startsWith("%PDF")
                                                        : head.contains("<svg"),
                     suffix);
        }
        // The PDF's page is the figure's size: 180 × 80 mm by default, 510.2 × 226.8 points (Qt
        // writes whole points).
        QFile pdf(dir_.filePath(QStringLiteral("figure.pdf")));
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        const QByteArray pdfText = pdf.readAll();
        const QByteArray box = pdfText.mid(pdfText.indexOf("/MediaBox"), 48);
        QVERIFY2(box.contains(" 510.0") && box.contains(" 227.0"), box.constData());
        // At the default journal size the axes take the figure's width: the legend goes under them,
        // so the date axis' line runs across most of the picture (#34, item 4); the window's own
        // layout comes back after.
        const QImage exported(dir_.filePath(QStringLiteral("figure.png")));
        QVERIFY(!exported.isNull());
        int longestRun = 0;
        for (int y = 0; y < exported.height(); ++y) {
            int run = 0;
            for (int x = 0; x < exported.width(); ++x) {
                run = qGray(exported.pixel(x, y)) < 80 ? run + 1 : 0;
                longestRun = std::max(longestRun, run);
            }
        }
        QVERIFY2(longestRun > exported.width() * 3 / 4, qPrintable(QStringLiteral("%1 of %2").arg(longestRun).arg(exported.width())));
        exported.save(QStringLiteral(XMW_TEST_OUTPUT_DIR "/series-figure-180mm.png"));
        QCOMPARE(window.findChild<QCustomPlot *>(QStringLiteral("timeSeriesPlot"))->plotLayout()->rowCount(), 1);
        QVERIFY(panel->exportFigure(dir_.filePath(QStringLiteral("figure.gif"))).contains(QStringLiteral(".png, .pdf or .svg")));
        QVERIFY(!QFile::exists(dir_.filePath(QStringLiteral("figure.gif"))));
        const QString csvPath = dir_.filePath(QStringLiteral("series.csv"));
        QCOMPARE(panel->exportCsv(csvPath), QString());
        QProcess python;
        python.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral(XMW_TEST_SCRIPTS_DIR "/check_csv.py"), csvPath});
        QVERIFY(python.waitForFinished(30000));
        QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly | QIODevice::Text));
        const QStringList lines = QString::fromUtf8(csv.readAll()).trimmed().split(QLatin1Char('\n'));
        QVERIFY(lines.first().startsWith(QStringLiteral("date,US-Los FCH4 [nmol CH4 m-2 s-1],US-Los FCH4_F_ANNOPTLM")));
        QCOMPARE(lines.first().split(QLatin1Char(',')).size(), 1 + 6);
        QVERIFY(lines.at(1).startsWith(QStringLiteral("2016-01-01,")));
        QCOMPARE(lines.size(), 1 + 366);
        QVERIFY(QDir(dir_.path()).entryList({QStringLiteral(".xmw-export-*")}, QDir::Hidden | QDir::Files).isEmpty());

        // Observed against simulated: a cloud per tower with its figures, and the 1:1 line.
        auto *scatter = window.findChild<QCustomPlot *>(QStringLiteral("scatterPlot"));
        QCOMPARE(scatter->graphCount(), 3);
        QVERIFY2(scatter->graph(0)->name().startsWith(QStringLiteral("US-Los: RMSE ")) &&
                     scatter->graph(0)->name().contains(QStringLiteral("R²")),
                 qPrintable(scatter->graph(0)->name()));
        QCOMPARE(scatter->graph(0)->data()->size(), los->series.measuredDays()); // every measured day has its cell's value
        QCOMPARE(scatter->graph(2)->name(), QStringLiteral("1:1"));
        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("seriesTabs"));
        tabs->setCurrentIndex(1);
        QVERIFY(scatter->isVisible());
        // One scale on both axes: the 1:1 line runs at 45° in a wide plot too, with every point in
        // view (#34, item 7).
        scatter->replot();
        const double xScale = scatter->axisRect()->width() / scatter->xAxis->range().size();
        const double yScale = scatter->axisRect()->height() / scatter->yAxis->range().size();
        QVERIFY2(std::abs(xScale / yScale - 1) < 0.01, qPrintable(QStringLiteral("%1 %2").arg(xScale).arg(yScale)));
        const auto identity = scatter->graph(2)->data();
        QVERIFY(scatter->xAxis->range().contains(identity->constBegin()->key) &&
                scatter->yAxis->range().contains((identity->constEnd() - 1)->value));
        // A journal's one column at 600 dpi: the pixels and the resolution recorded in the PNG.
        QCOMPARE(panel->exportFigure(dir_.filePath(QStringLiteral("scatter.png")), FigureSize{85, 60, false, 600, 7}), QString());
        const QImage column(dir_.filePath(QStringLiteral("scatter.png")));
        QCOMPARE(column.size(), QSize(2008, 1417)); // 85 × 60 mm at 600 dpi
        QVERIFY(std::abs(column.dotsPerMeterX() - 23622) <= 1);
        QVERIFY(column.save(QStringLiteral(XMW_TEST_OUTPUT_DIR "/scatter-85mm-600dpi.png")));
        scatter->grab().save(QStringLiteral(XMW_TEST_OUTPUT_DIR "/scatter.png"));
        tabs->setCurrentWidget(plot);

        // The tracer reads off the measured point under the cursor.
        const auto first = plot->graph(1)->data()->constBegin();
        const QPointF onPoint(plot->xAxis->coordToPixel(first->key), plot->yAxis->coordToPixel(first->value));
        const QString reading = panel->traceAt(onPoint);
        QVERIFY2(reading.contains(QStringLiteral("US-Los measured")) && reading.contains(QStringLiteral("nmol CH₄ m⁻² s⁻¹")),
                 qPrintable(reading));
        QVERIFY(panel->traceAt(QPointF(-500, -500)).isEmpty());

        // Another unit converts every series, the figures and the CSV header.
        const double before = first->value;
        auto *units = window.findChild<QComboBox *>(QStringLiteral("unitBox"));
        units->setCurrentIndex(units->findData(int(xmw::data::units::Flux::MgPerSquareMetrePerDay)));
        QCOMPARE(plot->graph(1)->data()->constBegin()->value, before * 1.3863);
        QVERIFY(plot->yAxis->label().contains(QStringLiteral("mg CH₄ m⁻² d⁻¹")));
        QCOMPARE(panel->exportCsv(csvPath), QString());
        QFile converted(csvPath);
        QVERIFY(converted.open(QIODevice::ReadOnly | QIODevice::Text));
        QVERIFY(converted.readLine().startsWith("date,US-Los FCH4 [mg CH4 m-2 d-1],"));
        units->setCurrentIndex(units->findData(int(xmw::data::units::Flux::NmolPerSquareMetrePerSecond)));

        // A click on land selects that grid cell: its TEM-MDM series replaces the towers'.
        window.globe()->setCenter({62.0, 100.0});
        const QPoint centre = window.globe()->rect().center();
        QVERIFY(!window.globe()->markerAt(centre));
        const auto plotsBefore = plotted.count();
        QTest::mouseClick(window.globe(), Qt::LeftButton, Qt::NoModifier, centre);
        QVERIFY(window.selectedCell().has_value());
        QVERIFY(window.selectedSites().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(plotted.count() > plotsBefore, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(plot->graphCount(), 1, 10000);
        QVERIFY2(plot->graph(0)->name().startsWith(QStringLiteral("cell ")), qPrintable(plot->graph(0)->name()));
        QCOMPARE(plot->graph(0)->data()->size(), 366); // the map's year, 2016
        // A cell has no observations to put against TEM-MDM: its tab says to select a tower (#34, item 6).
        auto *seriesTabs = window.findChild<QTabWidget *>(QStringLiteral("seriesTabs"));
        seriesTabs->setCurrentIndex(1);
        QVERIFY(window.findChild<QLabel *>(QStringLiteral("scatterHint"))->isVisible());
        QVERIFY(!window.findChild<QCustomPlot *>(QStringLiteral("scatterPlot"))->isVisible());
        seriesTabs->setCurrentIndex(0);
        // With a driver on the right-hand axis, also in the CSV.
        auto *drivers = window.findChild<QComboBox *>(QStringLiteral("driverBox"));
        drivers->setCurrentIndex(drivers->findData(QStringLiteral("TAIR")));
        QTRY_COMPARE_WITH_TIMEOUT(plot->graphCount(), 2, 10000);
        QCOMPARE(plot->graph(1)->valueAxis(), plot->yAxis2);
        QVERIFY(plot->yAxis2->visible() && plot->yAxis2->label().contains(QStringLiteral("°C")));
        QCOMPARE(panel->exportCsv(csvPath), QString());
        QFile withDriver(csvPath);
        QVERIFY(withDriver.open(QIODevice::ReadOnly | QIODevice::Text));
        const QString driverHeader = QString::fromUtf8(withDriver.readLine()).trimmed();
        QVERIFY2(driverHeader.endsWith(QStringLiteral("TEM-MDM TAIR [degC]\"")), qPrintable(driverHeader)); // quoted: the label has a comma
        window.grab().save(QStringLiteral(XMW_TEST_OUTPUT_DIR "/main-window-cell.png"));
        drivers->setCurrentIndex(0);
        // The flux axis reaches zero, also for a cell that never comes near it (#34, item 8).
        const auto beforeTropics = plotted.count();
        window.selectCell(-5.0, -65.0, false);
        QTRY_VERIFY_WITH_TIMEOUT(plotted.count() > beforeTropics && plot->graphCount() == 1, 10000);
        double lowest = std::numeric_limits<double>::infinity();
        for (const auto &point : *plot->graph(0)->data())
            lowest = std::min(lowest, point.value);
        QVERIFY2(lowest > 10.0, qPrintable(QString::number(lowest))); // so that the axis had to be extended
        QCOMPARE(plot->yAxis->range().lower, 0.0);
        window.selectCell(62.0, 100.0, false);
        QTRY_VERIFY_WITH_TIMEOUT(plot->graph(0)->data()->size() == 366 && window.selectedCell()->first > 60, 10000);
        // Ocean is not a cell to select.
        const auto cell = window.selectedCell();
        window.selectCell(-30.0, -120.0, false);
        QCOMPARE(window.selectedCell(), cell);
        // A plain click on a tower shows it alone again.
        window.selectSites({QStringLiteral("US-Los"), QStringLiteral("US-DPW")});
        QTRY_COMPARE_WITH_TIMEOUT(plot->graphCount(), 7, 10000); // two towers and the cell
        window.globe()->setCenter({46.0, -90.0});
        clickAt(QStringLiteral("US-Los"), Qt::NoModifier);
        QVERIFY(!window.selectedCell());
        window.selectSites({QStringLiteral("US-Los"), QStringLiteral("US-DPW")});

        // The Sites table mirrors the globe's selection, and drives it.
        auto *table = window.findChild<QTableView *>(QStringLiteral("siteTable"));
        QCOMPARE(table->model()->rowCount(), 48);
        QCOMPARE(table->selectionModel()->selectedRows().size(), 2);
        window.findChild<QAction *>(QStringLiteral("actionFindSite"))->trigger();
        auto *filter = window.findChild<QLineEdit *>(QStringLiteral("siteFilter"));
        QVERIFY(filter->hasFocus() || !window.isActiveWindow());
        filter->setText(QStringLiteral("siikan"));
        QCOMPARE(table->model()->rowCount(), 2); // FI-Sii and FI-Si2, by name
        // Towers picked in the table replace a cell shown beside the towers: what is plotted is what
        // the status bar says is selected (#34, item 9).
        window.selectCell(62.0, 100.0, true);
        QVERIFY(window.selectedCell());
        table->selectRow(0);
        QCOMPARE(window.selectedSites().size(), 1);
        QVERIFY(window.selectedSites().first().startsWith(QStringLiteral("FI-Si")));
        QVERIFY(!window.selectedCell());
        QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Selected: ") + window.selectedSites().first());
        QTRY_VERIFY_WITH_TIMEOUT(plot->graphCount() == 3, 10000); // gap-filled, measured, its cell
        for (int g = 0; g < plot->graphCount(); ++g)
            QVERIFY2(plot->graph(g)->name().startsWith(QStringLiteral("FI-Si")), qPrintable(plot->graph(g)->name()));
        // Double-click flies there: the camera passes through views in between.
        QSignalSpy views(window.globe(), &GlobeView::viewChanged);
        Q_EMIT table->doubleClicked(table->model()->index(0, 0));
        QVERIFY(window.globe()->isFlying());
        QTRY_VERIFY_WITH_TIMEOUT(!window.globe()->isFlying(), 5000);
        QVERIFY(std::abs(window.globe()->camera().center().lat - 61.8) < 0.1);
        QVERIFY(views.count() >= 5);
        // Ids as typed: with their dash, a dot or a space for it, or a part of them (#34, item 1).
        for (const auto &[typed, rows] : {std::pair{"US-Los", 1}, std::pair{"us.los", 1}, std::pair{"US Los", 1}, std::pair{"S-L", 3}}) {
            filter->setText(QString::fromLatin1(typed));
            QVERIFY2(table->model()->rowCount() == rows, typed); // S-L: US-LA1, US-LA2, US-Los
            QVERIFY(
                !table->model()->match(table->model()->index(0, SiteTableModel::Id), Qt::DisplayRole, QStringLiteral("US-Los")).isEmpty());
        }
        filter->setText(QStringLiteral("fi-"));
        QVERIFY(table->model()->rowCount() >= 3);
        for (int r = 0; r < table->model()->rowCount(); ++r)
            QVERIFY(table->model()->index(r, SiteTableModel::Id).data().toString().startsWith(QStringLiteral("FI-")));
        // A filter never changes the selection: a tower it hides stays selected, plotted, and shown
        // selected again when the filter lets it back (#34, item 2).
        filter->clear();
        window.selectSites({QStringLiteral("FI-Lom")});
        filter->setText(QStringLiteral("Sii"));
        QCOMPARE(window.selectedSites(), QStringList{QStringLiteral("FI-Lom")});
        QCOMPARE(table->selectionModel()->selectedRows().size(), 0);
        filter->setText(QStringLiteral("FI-"));
        QCOMPARE(window.selectedSites(), QStringList{QStringLiteral("FI-Lom")});
        QCOMPARE(table->selectionModel()->selectedRows().size(), 1);
        filter->clear();
        QCOMPARE(table->selectionModel()->selectedRows().size(), 1);
        QCOMPARE(table->selectionModel()->selectedRows().first().data(SiteTableModel::IdRole).toString(), QStringLiteral("FI-Lom"));
        // Numbers sort as numbers.
        table->sortByColumn(SiteTableModel::MeanFlux, Qt::DescendingOrder);
        const double top = table->model()->index(0, SiteTableModel::MeanFlux).data().toDouble();
        const double next = table->model()->index(1, SiteTableModel::MeanFlux).data().toDouble();
        QVERIFY(top >= next && top > 10.0);
        // The climate type column shows the tower's cell's class.
        const int losRow = [&] {
            for (int r = 0; r < table->model()->rowCount(); ++r)
                if (table->model()->index(r, SiteTableModel::Id).data().toString() == QStringLiteral("US-Los"))
                    return r;
            return -1;
        }();
        QVERIFY(losRow >= 0);
        QCOMPARE(table->model()->index(losRow, SiteTableModel::ClimateType).data().toInt(),
                 *window.dataset()->sites()->find("US-Los")->info.climateType);
        // Wetland types by name, with where the name comes from; code 5's is marked as inferred
        // (#34, item 18).
        const QModelIndex wetland = table->model()->index(losRow, SiteTableModel::WetlandType);
        QCOMPARE(wetland.data().toString(), QStringLiteral("2 Unforested bog"));
        QVERIFY(wetland.data(Qt::ToolTipRole).toString().contains(QStringLiteral("wetland_methane_ML")));
        QCOMPARE(wetlandTypeLabel(5), QStringLiteral("5 Alluvial formation (floodplain)?"));
        QVERIFY(wetlandTypeSource(5).startsWith(QStringLiteral("Inferred")));
        QCOMPARE(wetlandTypeLabel(7), QStringLiteral("7"));

        window.grabMap().save(QStringLiteral(XMW_TEST_OUTPUT_DIR "/main-window-map.png"));

        // Tower labels: each id beside its marker, drawn over the globe (the still picture, after
        // the flight: frames in motion are drawn without antialiasing).
        auto *labels = window.findChild<QAction *>(QStringLiteral("actionTowerLabels"));
        window.globe()->settle();
        const QImage unlabelled = window.globe()->grabFramebuffer();
        labels->setChecked(true);
        QVERIFY(window.globe()->labelsVisible());
        QTRY_VERIFY_WITH_TIMEOUT(window.globe()->grabFramebuffer() != unlabelled, 5000);
        window.grab().save(QStringLiteral(XMW_TEST_OUTPUT_DIR "/main-window-labels.png"));
        labels->setChecked(false);
        QTRY_VERIFY_WITH_TIMEOUT(window.globe()->grabFramebuffer() == unlabelled, 5000);
    }

    // Each layer keeps its own colours; class fields are shown as classes, never on a ramp or log scale.
    void mapStylesBelongToTheirLayer()
    {
        QSettings().clear();
        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::mapShown);
        QVERIFY(showDemo(window, shown));
        auto *bar = window.findChild<ColourBar *>(QStringLiteral("colourBar"));
        auto *variables = window.findChild<QComboBox *>(QStringLiteral("variableBox"));
        auto *palettes = window.findChild<QComboBox *>(QStringLiteral("paletteBox"));
        auto *ranges = window.findChild<QComboBox *>(QStringLiteral("rangeBox"));
        auto *logScale = window.findChild<QAction *>(QStringLiteral("actionLogScale"));
        const auto restyle = [&](const std::function<void()> &change) { QVERIFY(restyled(shown, change)); };
        const auto showVariable = [&](const char *name) {
            restyle([&] { variables->setCurrentIndex(variables->findData(QLatin1String(name))); });
        };

        restyle([&] { logScale->setChecked(true); });
        restyle([&] { ranges->setCurrentIndex(ranges->findData(int(RangeMode::MinMax))); });
        QVERIFY(bar->scale()->isLogarithmic());
        showVariable("TAIR");
        QVERIFY(!logScale->isChecked() && !bar->scale()->isLogarithmic());
        QCOMPARE(RangeMode(ranges->currentData().toInt()), RangeMode::Percentile);
        // Percentiles leave a few cells beyond each end: the bar says so with arrows.
        QVERIFY(bar->scale()->clipsLow() && bar->scale()->clipsHigh());

        showVariable("wetlandtype");
        QVERIFY(bar->scale()->isCategorical());
        QVERIFY(!bar->scale()->classes().empty() && bar->scale()->classes().size() < 12);
        QCOMPARE(Palette(palettes->currentData().toInt()), Palette::Categorical);
        QVERIFY(!palettes->isEnabled() && !ranges->isEnabled() && !logScale->isEnabled());
        QVERIFY2(bar->caption().contains(QStringLiteral("one colour per class")), qPrintable(bar->caption()));
        for (const int code : bar->scale()->classes()) // distinct colours per class
            for (const int other : bar->scale()->classes())
                QVERIFY(code == other || bar->scale()->colour(code) != bar->scale()->colour(other));
        // A class has the same colour as the towers of that wetland type.
        for (const GlobeMarker &marker : window.globe()->markers())
            if (const auto *site = window.dataset()->sites()->find(marker.id.toStdString()); site->info.wetlandType)
                QCOMPARE(marker.colour.rgb(), bar->scale()->colour(*site->info.wetlandType));
        window.grab().save(QStringLiteral(XMW_TEST_OUTPUT_DIR "/main-window-classes.png"));

        showVariable("CH4_emission");
        QVERIFY(logScale->isChecked() && bar->scale()->isLogarithmic());
        QCOMPARE(RangeMode(ranges->currentData().toInt()), RangeMode::MinMax);
        // The maximum is shown; below 4 decades under it the field takes the lowest colour.
        QVERIFY(!bar->scale()->clipsHigh());
        QCOMPARE(bar->scale()->clipsLow(), bar->scale()->isLogLimited());
        QSettings().clear();
    }

    void oneFluxUnitForTheWholeWindow()
    {
        using xmw::data::units::Flux;
        QSettings().clear();
        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::mapShown);
        QSignalSpy plotted(&window, &MainWindow::timeSeriesShown);
        QVERIFY(showDemo(window, shown));
        const auto restyle = [&](const std::function<void()> &change) { QVERIFY(restyled(shown, change)); };
        auto *bar = window.findChild<ColourBar *>(QStringLiteral("colourBar"));
        auto *variables = window.findChild<QComboBox *>(QStringLiteral("variableBox"));
        auto *ranges = window.findChild<QComboBox *>(QStringLiteral("rangeBox"));
        auto *low = window.findChild<QDoubleSpinBox *>(QStringLiteral("rangeLow"));
        auto *high = window.findChild<QDoubleSpinBox *>(QStringLiteral("rangeHigh"));
        auto *label = window.findChild<QLabel *>(QStringLiteral("positionLabel"));
        auto *panel = window.findChild<TimeSeriesPanel *>(QStringLiteral("timeSeriesPanel"));
        auto *units = panel->findChild<QComboBox *>(QStringLiteral("unitBox"));

        // The default is the towers' and the benchmark's unit: TEM-MDM's mg m-2 d-1 is converted.
        QCOMPARE(window.fluxUnit()->unit(), Flux::NmolPerSquareMetrePerSecond);
        QCOMPARE(window.field()->units, QStringLiteral("nmol CH4 m-2 s-1"));
        const std::vector<float> nmol = window.field()->values;
        const auto &grid = window.dataset()->grid()->grid();
        const auto raw = window.dataset()->grid()->dayField("CH4_emission", {2016, 7, 15});
        std::size_t land = 0;
        while (land < raw.size() && !(std::isfinite(raw[land]) && raw[land] > 0.0f))
            ++land;
        QVERIFY(land < raw.size());
        QVERIFY(std::abs(nmol[land] - raw[land] / 1.3863f) <= 1e-4f * raw[land]);
        restyle([&] { ranges->setCurrentIndex(ranges->findData(int(RangeMode::Fixed))); });
        restyle([&] { high->setValue(10.0); });
        restyle([&] { low->setValue(1.0); });
        window.selectSites({QStringLiteral("US-Los")});
        QTRY_VERIFY_WITH_TIMEOUT(plotted.count() > 0, 10000);

        // One choice (View ▸ Flux Unit) moves the map, the colour bar and its fixed range, the
        // layer list, the status bar, the plots, the Sites table and the towers' tooltips.
        auto *mg = window.findChild<QAction *>(QStringLiteral("actionFluxUnit_mg"));
        QVERIFY(mg && !mg->isChecked());
        restyle([&] { mg->trigger(); });
        QCOMPARE(window.fluxUnit()->unit(), Flux::MgPerSquareMetrePerDay);
        QCOMPARE(window.field()->units, QStringLiteral("mg CH4 m-2 d-1"));
        QVERIFY(std::abs(window.field()->values[land] - raw[land]) <= 1e-4f * raw[land]);
        QVERIFY2(bar->caption().startsWith(QStringLiteral("CH4_emission [mg CH₄ m⁻² d⁻¹]")), qPrintable(bar->caption()));
        QCOMPARE(high->value(), 13.863);
        QCOMPARE(low->value(), 1.386); // three decimals
        QCOMPARE(bar->scale()->high(), 13.863);
        QVERIFY(variables->currentText().contains(QStringLiteral("mg CH₄ m⁻² d⁻¹")));
        QCOMPARE(panel->unit(), Flux::MgPerSquareMetrePerDay);
        QCOMPARE(units->currentData().toInt(), int(Flux::MgPerSquareMetrePerDay));
        QVERIFY(panel->plot()->yAxis->label().contains(QStringLiteral("mg CH₄ m⁻² d⁻¹")));
        auto *sites = window.findChild<SitesPanel *>()->view();
        QVERIFY(sites->model()->headerData(SiteTableModel::MeanFlux, Qt::Horizontal).toString().contains(QStringLiteral("mg CH₄ m⁻² d⁻¹")));
        QCOMPARE(window.selectedSites(), QStringList{QStringLiteral("US-Los")}); // the selection stays
        for (const GlobeMarker &marker : window.globe()->markers())
            QVERIFY(!marker.tooltip.contains(QStringLiteral("nmol")));
        const double lat = grid.lat(int(land / std::size_t(grid.cols))), lon = grid.lon(int(land % std::size_t(grid.cols)));
        window.globe()->setCenter({lat, lon}); // the cell faces the viewer
        const auto at = window.globe()->project({lat, lon});
        QVERIFY(at);
        QMouseEvent move(QEvent::MouseMove, *at, window.globe()->mapToGlobal(*at), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
        QApplication::sendEvent(window.globe(), &move);
        QVERIFY2(label->text().contains(QStringLiteral("mg CH₄ m⁻² d⁻¹")), qPrintable(label->text()));

        // A variable that is not a flux keeps its own unit and its own fixed range.
        restyle([&] { variables->setCurrentIndex(variables->findData(QStringLiteral("TAIR"))); });
        QVERIFY2(!bar->caption().contains(QStringLiteral("CH4")), qPrintable(bar->caption()));

        // The plot's unit box is the same choice, and the choice is remembered.
        restyle([&] { units->setCurrentIndex(units->findData(int(Flux::NmolPerSquareMetrePerSecond))); });
        QCOMPARE(window.fluxUnit()->unit(), Flux::NmolPerSquareMetrePerSecond);
        QVERIFY(window.findChild<QAction *>(QStringLiteral("actionFluxUnit_nmol"))->isChecked());
        window.fluxUnit()->setUnit(Flux::MgPerSquareMetrePerDay);
        MainWindow again;
        QCOMPARE(again.fluxUnit()->unit(), Flux::MgPerSquareMetrePerDay);
        QCOMPARE(again.findChild<TimeSeriesPanel *>()->unit(), Flux::MgPerSquareMetrePerDay);
        QSettings().clear();
    }

    void colourControlsRestyleTheMap()
    {
        MainWindow window;
        // TEM-MDM's own unit, so that the colours can be checked against the file's values as they are.
        window.fluxUnit()->setUnit(xmw::data::units::Flux::MgPerSquareMetrePerDay);
        QSignalSpy shown(&window, &MainWindow::mapShown);
        QVERIFY(showDemo(window, shown));
        auto *bar = window.findChild<ColourBar *>(QStringLiteral("colourBar"));
        auto *palettes = window.findChild<QComboBox *>(QStringLiteral("paletteBox"));
        auto *ranges = window.findChild<QComboBox *>(QStringLiteral("rangeBox"));
        auto *logScale = window.findChild<QAction *>(QStringLiteral("actionLogScale"));
        const auto field = xmw::data::Dataset::open(demo_.toStdString()).grid()->dayField("CH4_emission", {2016, 7, 15});
        const auto restyle = [&](const std::function<void()> &change) { QVERIFY(restyled(shown, change)); };
        const QImage viridis = window.globe()->displayedImage();
        QCOMPARE(bar->scale()->palette(), Palette::Viridis);

        restyle([&] { palettes->setCurrentIndex(palettes->findData(int(Palette::Magma))); });
        QCOMPARE(bar->scale()->palette(), Palette::Magma);
        QVERIFY(window.globe()->displayedImage() != viridis);

        // The flat map figure: the globe's image at the chosen width, 2:1, with the colour bar below.
        const QImage figure = window.mapFigure(FigureSize{203.2, 101.6, false, 300, 8}); // 8 inches at 300 dpi
        QCOMPARE(figure.width(), 2400);
        QVERIFY(figure.height() > 1200 && figure.height() < 1500);
        const QImage onGlobe = window.globe()->displayedImage();
        const auto at = [](const QImage &image, int height, double lat, double lon) {
            return image.pixel(std::min(image.width() - 1, int((lon + 180.0) / 360.0 * image.width())),
                               std::min(height - 1, int((90.0 - lat) / 180.0 * height)));
        };
        QCOMPARE(at(figure, 1200, 62.5, 100.5), at(onGlobe, onGlobe.height(), 62.5, 100.5)); // Siberia, as on the globe
        QVERIFY(figure.save(QStringLiteral(XMW_TEST_OUTPUT_DIR "/map-figure.png")));
        // Larger text makes a taller colour bar under a map of the same size; a PDF holds it as a page of that size.
        const QImage small = window.mapFigure(FigureSize{100, 50, false, 300, 6});
        const QImage large = window.mapFigure(FigureSize{100, 50, false, 300, 12});
        QCOMPARE(small.width(), 1181);
        QCOMPARE(large.width(), 1181);
        QVERIFY(large.height() > small.height() + 40);
        const QString mapPdf = dir_.filePath(QStringLiteral("map-figure.pdf"));
        QCOMPARE(writeMapFigurePdf(*window.mapFigureContent(), FigureSize{100, 50, false, 300, 8}, mapPdf), QString());
        QFile mapPdfFile(mapPdf);
        QVERIFY(mapPdfFile.open(QIODevice::ReadOnly));
        QVERIFY(mapPdfFile.read(8).startsWith("%PDF"));
        QVERIFY(window.findChild<QAction *>(QStringLiteral("actionExportFlatMap"))->isEnabled());

        // Minimum–maximum spans the whole field; the percentile range lies inside it.
        const double percentileHigh = bar->scale()->high();
        restyle([&] { ranges->setCurrentIndex(ranges->findData(int(RangeMode::MinMax))); });
        float lowest = std::numeric_limits<float>::infinity(), highest = -lowest;
        for (const float v : field)
            if (std::isfinite(v))
                lowest = std::min(lowest, v), highest = std::max(highest, v);
        QCOMPARE(float(bar->scale()->low()), lowest);
        QCOMPARE(float(bar->scale()->high()), highest);
        QVERIFY(highest > percentileHigh);
        QVERIFY(bar->caption().contains(QStringLiteral("minimum to the maximum")));

        // A fixed range starts from the one shown and then is the user's.
        restyle([&] { ranges->setCurrentIndex(ranges->findData(int(RangeMode::Fixed))); });
        auto *high = window.findChild<QDoubleSpinBox *>(QStringLiteral("rangeHigh"));
        QVERIFY(high->isVisible());
        QCOMPARE(float(high->value()), float(std::round(highest * 1000) / 1000));
        restyle([&] { high->setValue(50.0); });
        QCOMPARE(bar->scale()->high(), 50.0);
        QVERIFY(bar->caption().contains(QStringLiteral("fixed colour range")));

        restyle([&] { logScale->setChecked(true); });
        QVERIFY(bar->scale()->isLogarithmic() && bar->scale()->low() > 0);
        QVERIFY2(bar->caption().contains(QStringLiteral(", log scale")), qPrintable(bar->caption()));

        // The diverging map is centred on zero and has no log scale.
        restyle([&] { palettes->setCurrentIndex(palettes->findData(int(Palette::Diverging))); });
        QCOMPARE(bar->scale()->low(), -bar->scale()->high());
        QVERIFY(!bar->scale()->isLogarithmic() && !logScale->isEnabled());
        window.grab().save(QStringLiteral(XMW_TEST_OUTPUT_DIR "/main-window-diverging.png"));

        // Monthly and annual means of the daily field.
        auto *periods = window.findChild<QComboBox *>(QStringLiteral("periodBox"));
        restyle([&] { periods->setCurrentIndex(periods->findData(int(xmw::data::Period::Month))); });
        QVERIFY2(bar->caption().contains(QStringLiteral("2016-07 monthly mean")), qPrintable(bar->caption()));
        restyle([&] { periods->setCurrentIndex(periods->findData(int(xmw::data::Period::Year))); });
        QVERIFY2(bar->caption().contains(QStringLiteral("2016 annual mean")), qPrintable(bar->caption()));
        restyle([&] { periods->setCurrentIndex(periods->findData(int(xmw::data::Period::Day))); });

        // Presentation mode: full screen, larger text, the globe turning and the days playing; with a
        // tower selected, so that its time series is on screen too.
        QSignalSpy plotted(&window, &MainWindow::timeSeriesShown);
        window.selectSites({QStringLiteral("FI-Sii")});
        QTRY_VERIFY_WITH_TIMEOUT(plotted.count() >= 1, 10000);
        const double fontSize = QApplication::font().pointSizeF();
        const double lon = window.globe()->camera().center().lon;
        auto *presentation = window.findChild<QAction *>(QStringLiteral("actionPresentation"));
        presentation->setChecked(true);
        QVERIFY(window.isPresenting());
        QTRY_VERIFY_WITH_TIMEOUT(window.isFullScreen(), 5000);
        QCOMPARE(QApplication::font().pointSizeF(), fontSize * 1.4);
        window.resize(1280, 800); // as a window manager would on a 1280 × 800 screen
        // The plots measure their margins in the text they paint: the time series' y title has room.
        auto *seriesPlot = window.findChild<QCustomPlot *>(QStringLiteral("timeSeriesPlot"));
        QTRY_COMPARE(seriesPlot->yAxis->labelFont().pointSizeF(), QApplication::font().pointSizeF());
        QCOMPARE(seriesPlot->yAxis->tickLabelFont().pointSizeF(), QApplication::font().pointSizeF());
        // …and the axis is as long as its title's longest line (the unit).
        const QString unitLine = seriesPlot->yAxis->label().split(QLatin1Char('\n')).last();
        QTRY_VERIFY(seriesPlot->axisRect()->height() >= QFontMetrics(seriesPlot->yAxis->labelFont()).horizontalAdvance(unitLine));
        QVERIFY2(window.minimumSizeHint().height() <= 800, qPrintable(QString::number(window.minimumSizeHint().height())));
        QVERIFY(window.findChild<QAction *>(QStringLiteral("actionPlay"))->isChecked());
        QTRY_VERIFY_WITH_TIMEOUT(std::abs(window.globe()->camera().center().lon - lon) > 1.0, 5000);
        // The larger text cuts nothing: the Sites table's ids, and no control of the map bars in their
        // overflow (#34, item 15).
        auto *sites = window.findChild<QTableView *>(QStringLiteral("siteTable"));
        QTRY_VERIFY(sites->columnWidth(SiteTableModel::Id) >= sites->fontMetrics().horizontalAdvance(QStringLiteral("BR-Npw")));
        for (const char *name : {"mapBar", "colourToolBar"}) {
            auto *toolBar = window.findChild<QToolBar *>(QLatin1String(name));
            for (QAction *action : toolBar->actions())
                if (action->isVisible() && !action->isSeparator())
                    QTRY_VERIFY2(toolBar->widgetForAction(action) && toolBar->widgetForAction(action)->isVisible(),
                                 qPrintable(action->text()));
        }
        window.grab().save(QStringLiteral(XMW_TEST_OUTPUT_DIR "/presentation.png"));

        // Escape is a window shortcut: it reaches the window that is active. Going full screen
        // maps the window anew, and without a window manager it may not be active yet.
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_Escape);
        QVERIFY(!window.isPresenting() && !presentation->isChecked());
        QCOMPARE(QApplication::font().pointSizeF(), fontSize);
        QVERIFY(!window.findChild<QAction *>(QStringLiteral("actionPlay"))->isChecked());
        QTRY_VERIFY_WITH_TIMEOUT(!window.isFullScreen(), 5000);

        // Back to the defaults, for the tests after this one (the choices persist).
        logScale->setChecked(false);
        ranges->setCurrentIndex(ranges->findData(int(RangeMode::Percentile)));
        restyle([&] { palettes->setCurrentIndex(palettes->findData(int(Palette::Viridis))); });
    }

    // Stepping reads the next day ahead; a guess is used only when it is what was asked for.
    void aRunnerReadsAheadButDeliversOnlyWhatWasAsked()
    {
        QObject context;
        std::atomic<int> computed{0};
        std::vector<int> delivered;
        LatestOnlyRunner<int, int> runner(
            &context,
            [&](const int &day) {
                ++computed;
                return day * 10;
            },
            [&](const int &result) { delivered.push_back(result); },
            [](const int &previous, const int &current) -> std::optional<int> {
                if (std::abs(current - previous) != 1)
                    return std::nullopt;
                return current + (current - previous);
            });
        runner.run(1);
        QTRY_COMPARE(delivered.size(), std::size_t(1));
        QCOMPARE(computed.load(), 1); // one request tells no direction: nothing guessed
        runner.run(2);
        QTRY_COMPARE(delivered.size(), std::size_t(2));
        QTRY_COMPARE(computed.load(), 3); // day 3, guessed
        runner.run(3);
        QTRY_COMPARE(delivered.size(), std::size_t(3));
        QCOMPARE(delivered.back(), 30);
        QTRY_COMPARE(computed.load(), 4); // day 3 came from the guess; day 4 is the next one
        runner.run(10); // a jump: the guess for day 4 is dropped
        QTRY_COMPARE(delivered.size(), std::size_t(4));
        QCOMPARE(delivered, (std::vector<int>{10, 20, 30, 100}));
        QTest::qWait(50);
        QCOMPARE(computed.load(), 5); // and a jump leads to no guess
        runner.run(9); // backwards, one day at a time
        QTRY_COMPARE(delivered.size(), std::size_t(5));
        QTRY_COMPARE(computed.load(), 7); // 9, then 8 guessed
        runner.run(8);
        QTRY_COMPARE(delivered.size(), std::size_t(6));
        QCOMPARE(delivered.back(), 80);
    }

    // The usual case when stepping: the guess has finished on its worker, but the notice of it is
    // still queued when the request for it comes. The guess is used, not worked out again.
    void aRunnerUsesAGuessWhoseNoticeIsStillQueued()
    {
        QObject context;
        std::atomic<int> computed{0};
        QSemaphore finished;
        std::vector<int> delivered;
        LatestOnlyRunner<int, int> runner(
            &context,
            [&](const int &day) {
                ++computed;
                finished.release();
                return day * 10;
            },
            [&](const int &result) { delivered.push_back(result); },
            [](const int &previous, const int &current) -> std::optional<int> { return current + (current - previous); });
        runner.run(1);
        QTRY_COMPARE(delivered.size(), std::size_t(1));
        runner.run(2);
        QTRY_COMPARE(delivered.size(), std::size_t(2));
        QVERIFY(finished.tryAcquire(3, 5000)); // days 1, 2 and the guess, 3: done, without the event loop turning
        runner.run(3);
        QTRY_COMPARE(delivered.size(), std::size_t(3));
        QCOMPARE(delivered.back(), 30);
        QTRY_COMPARE(computed.load(), 4); // 1, 2, 3 (the guess) and the next guess, 4; not 3 again
        QTest::qWait(50);
        QCOMPARE(computed.load(), 4);
    }

    void steppingTheMapShowsEachDaysOwnField()
    {
        const auto dataset = std::make_shared<const xmw::data::Dataset>(xmw::data::Dataset::open(demo_.toStdString()));
        FieldRequester fields;
        std::vector<FieldRequester::Field> shown;
        connect(&fields, &FieldRequester::ready, this, [&](const FieldRequester::Field &field) { shown.push_back(field); });
        const xmw::data::Date days[] = {{2016, 3, 1},  {2016, 3, 2},  {2016, 3, 3}, {2016, 3, 4},
                                        {2016, 8, 20}, {2016, 8, 19}, {2016, 8, 18}};
        for (const auto &day : days) {
            const std::size_t before = shown.size();
            MapStyle asInTheFile; // mg CH4 m-2 d-1: compared with the file's values as they are
            asInTheFile.fluxUnit = xmw::data::units::Flux::MgPerSquareMetrePerDay;
            fields.request(dataset, QStringLiteral("CH4_emission"), day, asInTheFile);
            QTRY_COMPARE_WITH_TIMEOUT(shown.size(), before + 1, 10000);
            QVERIFY(shown.back().date == day);
            const std::vector<float> expected = dataset->grid()->dayField("CH4_emission", day);
            QCOMPARE(shown.back().values.size(), expected.size());
            QVERIFY(std::equal(expected.begin(), expected.end(), shown.back().values.begin(),
                               [](float a, float b) { return a == b || (std::isnan(a) && std::isnan(b)); }));
            QVERIFY(!shown.back().picture.texture().isNull());
        }
        QCOMPARE(shown.size(), std::size(days));
    }

    void aBadDatasetShowsAnErrorAndTheAppKeepsRunning()
    {
        MainWindow window;
        window.show();
        QSignalSpy failed(&window, &MainWindow::datasetFailed);
        window.openDataset(dir_.path()); // a folder with neither TEM-MDM/ nor FLUXNET-CH4/
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
        QVERIFY(failed.first().first().toString().contains(QStringLiteral("neither TEM-MDM/ nor FLUXNET-CH4/")));
        auto *box = window.findChild<QMessageBox *>(QStringLiteral("datasetError"));
        QVERIFY(box && box->isVisible());
        QVERIFY(box->text().contains(dir_.path()));
        box->close();
        QVERIFY(!window.dataset());
        QVERIFY(!window.findChild<QWidget *>(QStringLiteral("mapBar"))->isEnabled());
        // And it still works: a good dataset opens after the bad one.
        QSignalSpy shown(&window, &MainWindow::mapShown);
        window.openDataset(demo_);
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 20000);
    }

    // The explorer's open of damaged datasets (more corruptions: test_bad_input, through xmw): a
    // message box naming the file and the problem; the app keeps running.
    void aDamagedDatasetNamesTheFile_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("replacement");
        QTest::addColumn<QString>("problem");
        QTest::newRow("tower file cut off mid-line")
            << QStringLiteral("FLUXNET-CH4/FLUXNET_T1_DD.csv")
            << QByteArray("Site,TIMESTAMP,TA_F,VPD_F,P_F,SW_IN_F,FCH4_F,FCH4_F_ANNOPTLM\nUS-Los,2016-01-01,1,2")
            << QStringLiteral("line 2");
        QTest::newRow("empty static field") << QStringLiteral("TEM-MDM/wetlandtype.nc") << QByteArray() << QStringLiteral("NetCDF");
        QTest::newRow("metadata with a text latitude")
            << QStringLiteral("FLUXNET-CH4/FLUXNET_CH4_2024.csv")
            << QByteArray("SITE_ID,LOCATION_LAT,LOCATION_LONG\r\nUS-Los,north,-89.9\r\n") << QStringLiteral("LOCATION_LAT");
    }

    void aDamagedDatasetNamesTheFile()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, replacement);
        QFETCH(QString, problem);
        const QString damaged = dir_.filePath(QStringLiteral("damaged"));
        QDir(damaged).removeRecursively();
        QVERIFY(QProcess::execute(QStringLiteral("cp"), {QStringLiteral("-a"), demo_, damaged}) == 0);
        QFile out(damaged + QLatin1Char('/') + file);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(replacement);
        out.close();

        MainWindow window;
        window.show();
        QSignalSpy failed(&window, &MainWindow::datasetFailed);
        window.openDataset(damaged);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
        auto *box = window.findChild<QMessageBox *>(QStringLiteral("datasetError"));
        QVERIFY(box && box->isVisible());
        QVERIFY2(box->text().contains(QFileInfo(file).fileName()) && box->text().contains(problem), qPrintable(box->text()));
        box->close();
        QVERIFY(!window.dataset());
    }

    // A TEM-MDM file that is damaged while the explorer shows it (a copy or download still
    // running): the next day that needs it says which file cannot be read, in the status bar; the
    // map keeps the last good day; once the file is whole again, stepping shows the days again.
    void aFileThatChangesWhileShownIsReportedAndRecovered()
    {
        const QString copy = dir_.filePath(QStringLiteral("changing"));
        QDir(copy).removeRecursively();
        QVERIFY(QProcess::execute(QStringLiteral("cp"), {QStringLiteral("-a"), demo_, copy}) == 0);
        MainWindow window;
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy shown(&window, &MainWindow::mapShown);
        window.openDataset(copy, {QStringLiteral("CH4_emission"), xmw::data::Date{2016, 3, 1}, {}, {}, 0, false});
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 20000);
        const auto before = window.field()->date;

        const QString file = copy + QStringLiteral("/TEM-MDM/CH4_emission_intensity_2016.nc");
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray whole = f.readAll();
        f.close();
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate)); // truncated in place, as a copy in progress
        f.write(whole.left(whole.size() / 3));
        f.close();

        window.stepDate(40, 0);
        QTRY_VERIFY_WITH_TIMEOUT(window.statusBar()->currentMessage().contains(QStringLiteral("CH4_emission_intensity_2016.nc")), 20000);
        QCOMPARE(shown.count(), 1);
        QVERIFY(window.field()->date == before);

        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(whole);
        f.close();
        window.stepDate(1, 0);
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 2, 20000);
        QVERIFY(!(window.field()->date == before));
    }

    // One selection of towers: a click picks one, Ctrl+click adds or takes out; every view follows.
    void oneTowerSelectionForEveryView()
    {
        SiteSelectionModel selection;
        QSignalSpy changed(&selection, &SiteSelectionModel::changed);
        selection.click(QStringLiteral("US-Los"), false);
        selection.click(QStringLiteral("FI-Si2"), true);
        QCOMPARE(selection.selected(), (QStringList{QStringLiteral("US-Los"), QStringLiteral("FI-Si2")}));
        selection.click(QStringLiteral("US-Los"), true);
        QCOMPARE(selection.selected(), QStringList{QStringLiteral("FI-Si2")});
        selection.click(QStringLiteral("US-Los"), false);
        QCOMPARE(selection.selected(), QStringList{QStringLiteral("US-Los")});
        selection.select({QStringLiteral("A"), QStringLiteral("A")});
        QCOMPARE(selection.selected(), QStringList{QStringLiteral("A")});
        QCOMPARE(changed.count(), 5);

        MainWindow window;
        window.resize(1000, 700);
        window.show();
        QSignalSpy loaded(&window, &MainWindow::datasetLoaded);
        window.openDataset(demo_);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 20000);
        auto *sites = window.findChild<SitesPanel *>();
        sites->view()->selectRow(sites->filterModel()->mapFromSource(sites->filterModel()->sourceModel()->index(0, 0)).row());
        const QStringList picked = window.selectedSites();
        QCOMPARE(picked.size(), 1);
        QCOMPARE(window.globe()->selectedMarkers(), picked);
        QCOMPARE(window.flatMap()->selectedMarkers(), picked);
    }

    // Units as people read them on screen; files keep the ASCII form their readers parse.
    void unitsAreTypeset()
    {
        QCOMPARE(typesetUnit(QStringLiteral("nmol CH4 m-2 s-1")), QStringLiteral("nmol CH₄ m⁻² s⁻¹"));
        QCOMPARE(typesetUnit(QStringLiteral("mg CH4 m-2 d-1")), QStringLiteral("mg CH₄ m⁻² d⁻¹"));
        QCOMPARE(typesetUnit(QStringLiteral("degC")), QStringLiteral("°C"));
        QCOMPARE(typesetUnit(QStringLiteral("W/m2")), QStringLiteral("W/m²"));
        QCOMPARE(typesetUnit(QStringLiteral("g C m-2 month-1")), QStringLiteral("g C m⁻² month⁻¹"));
        QCOMPARE(typesetUnit(QStringLiteral("kg m-3")), QStringLiteral("kg m⁻³"));
        QCOMPARE(typesetUnit(QStringLiteral("1")), QStringLiteral("1"));
        QCOMPARE(typesetUnit(QStringLiteral("hPa")), QStringLiteral("hPa"));
    }

    // Exports replace a file in one rename (QSaveFile), or leave it as it was.
    void anExportReplacesTheFileWholeOrNotAtAll()
    {
        const QString path = dir_.filePath(QStringLiteral("atomic.csv"));
        QCOMPARE(writeAtomically(path, [](QIODevice &out) { return out.write("old\n") == 4; }), QString());
        QCOMPARE(writeAtomically(path, [](QIODevice &out) { return out.write("new\n") == 4; }), QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("new\n"));
        file.close();
        const QString error = writeAtomically(path, [](QIODevice &out) {
            out.write("half a fi");
            return false;
        });
        QVERIFY2(error.contains(path), qPrintable(error));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("new\n"));
        QCOMPARE(QDir(dir_.path()).entryList({QStringLiteral("atomic*")}, QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("atomic.csv")});
        QVERIFY(writeAtomically(QStringLiteral("/nonexistent-dir/x.csv"), [](QIODevice &) {
                    return true;
                }).contains(QStringLiteral("/nonexistent-dir/x.csv")));
    }

    // Opening B while A still opens: B is what opens, with B's view; A's result is dropped unseen.
    void theNewestOpenRequestWins()
    {
        TaskManager tasks;
        DatasetLoader loader(&tasks);
        QSignalSpy loaded(&loader, &DatasetLoader::loaded), failed(&loader, &DatasetLoader::failed),
            busy(&loader, &DatasetLoader::busyChanged);
        loader.open(dir_.path()); // not a dataset: it would fail
        loader.open(demo_);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 20000);
        QCOMPARE(loaded.first().at(1).toString(), demo_);
        QTest::qWait(100);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(busy.count(), 2); // busy once, idle once

        MainWindow window;
        window.show();
        QSignalSpy shown(&window, &MainWindow::mapShown), windowFailed(&window, &MainWindow::datasetFailed);
        window.openDataset(dir_.path(), {QStringLiteral("CH4_emission"), {}, {}, {}, 0, false});
        window.openDataset(demo_, {QStringLiteral("TAIR"), xmw::data::Date{2016, 3, 1}, {QStringLiteral("US-Los")}, {}, 0, false});
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 20000);
        QCOMPARE(windowFailed.count(), 0);
        QCOMPARE(window.field()->variable, QStringLiteral("TAIR"));
        QVERIFY(window.field()->date == (xmw::data::Date{2016, 3, 1}));
        QTRY_COMPARE_WITH_TIMEOUT(window.selectedSites(), QStringList{QStringLiteral("US-Los")}, 10000);
    }

    void shouldHaveDefaultValues()
    {
        MainWindow window;
        QVERIFY(window.globe());
        auto *label = window.findChild<QLabel *>(QStringLiteral("positionLabel"));
        QVERIFY(label);
        QCOMPARE(label->text(), QStringLiteral("Off the globe"));
        for (const char *name : {"actionQuit", "actionResetView", "actionAbout"}) {
            auto *action = window.findChild<QAction *>(QLatin1String(name));
            QVERIFY2(action, name);
            QVERIFY(action->isEnabled());
            QVERIFY(!action->text().isEmpty());
        }
    }

    void statusBarFollowsTheCursor()
    {
        MainWindow window;
        window.resize(800, 600);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *label = window.findChild<QLabel *>(QStringLiteral("positionLabel"));
        GlobeView *globe = window.globe();
        // Sent directly: the X server's own pointer would otherwise race with synthetic moves.
        const auto moveTo = [globe](QPointF pos) {
            QMouseEvent move(QEvent::MouseMove, pos, globe->mapToGlobal(pos), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
            QApplication::sendEvent(globe, &move);
        };
        moveTo(QRectF(globe->rect()).center());
        QVERIFY2(label->text().contains(QStringLiteral("° N")), qPrintable(label->text()));
        moveTo(QPointF(3, 3));
        QCOMPARE(label->text(), QStringLiteral("Off the globe"));
    }

    void resetViewActionRestoresTheCamera()
    {
        MainWindow window;
        window.globe()->rotateBy(40.0, -20.0);
        window.globe()->zoomBy(0.5);
        window.findChild<QAction *>(QStringLiteral("actionResetView"))->trigger();
        QCOMPARE(window.globe()->camera().center().lat, GlobeCamera::kDefaultCenter.lat);
        QCOMPARE(window.globe()->camera().distance(), GlobeCamera::kDefaultDistance);
    }

    // At 1280 px (and narrower) the two map bars share the width or take two rows: no control
    // hides behind an overflow arrow, in English or German (#34, item 16).
    void nothingOfTheMapBarsHidesInTheirOverflow()
    {
        for (const QString &language : {QStringLiteral("en"), QStringLiteral("de")}) {
            const TranslationScope scope(language);
            for (const int width : {1280, 1000}) {
                MainWindow window;
                window.resize(width, 800);
                window.show();
                QVERIFY(QTest::qWaitForWindowExposed(&window));
                QSignalSpy shown(&window, &MainWindow::mapShown);
                window.openDataset(demo_);
                QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 20000);
                const auto hidden = [&] {
                    QStringList names;
                    for (const char *name : {"mapBar", "colourToolBar"}) {
                        auto *bar = window.findChild<QToolBar *>(QLatin1String(name));
                        for (QAction *action : bar->actions())
                            if (action->isVisible() && !action->isSeparator() &&
                                !(bar->widgetForAction(action) && bar->widgetForAction(action)->isVisible()))
                                names << action->text();
                    }
                    return names;
                };
                QTRY_VERIFY2(
                    hidden().isEmpty(),
                    qPrintable(QStringLiteral("at %1 px in %2: %3").arg(width).arg(language, hidden().join(QStringLiteral(", ")))));
            }
        }
    }

    // Export dialogs open where the last export went, across sessions (#34, item 18).
    void exportDialogsOpenInTheLastFolder()
    {
        QSettings().remove(QStringLiteral("export/folder"));
        QCOMPARE(exportFolder(), QDir::homePath());
        QTemporaryDir there;
        rememberExportFolder(QDir(there.path()).filePath(QStringLiteral("map.png")));
        QCOMPARE(exportFolder(), there.path());
        QCOMPARE(exportPath(QStringLiteral("b.csv")), QDir(there.path()).filePath(QStringLiteral("b.csv")));

        MainWindow window;
        window.resize(900, 700);
        window.show();
        QSignalSpy shown(&window, &MainWindow::mapShown);
        window.openDataset(demo_);
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 20000);
        QString opened;
        QTimer::singleShot(0, &window, [&] {
            if (auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget())) {
                opened = dialog->directory().absolutePath();
                dialog->reject();
            }
        });
        window.findChild<QAction *>(QStringLiteral("actionExportMap"))->trigger();
        QCOMPARE(opened, QDir(there.path()).absolutePath());
        QSettings().remove(QStringLiteral("export/folder"));
    }

    void aboutNamesVersionsAndLicences()
    {
        const QString html = AboutDialog::aboutHtml();
        QVERIFY(html.contains(QLatin1String(xmw::kVersion)));
        QVERIFY(html.contains(QLatin1String(qVersion())));
        for (const char *name : {"VTK", "QCustomPlot", "LibTorch", "NetCDF-C", "HDF5", "FFmpeg", "LGPL-3.0", "BSD-3-Clause"})
            QVERIFY2(html.contains(QLatin1String(name)), name);

        MainWindow window;
        bool shown = false;
        QTimer::singleShot(0, &window, [&] {
            auto *dialog = window.findChild<AboutDialog *>();
            shown = dialog && dialog->isVisible();
            if (dialog)
                dialog->reject();
        });
        window.findChild<QAction *>(QStringLiteral("actionAbout"))->trigger();
        QVERIFY(shown);
    }

    void firstStartMakesTheDemoAndLaterStartsReopenTheLastDataset()
    {
        QSettings().remove(QStringLiteral("recentDatasets"));
        QDir(MainWindow::demoDatasetPath()).removeRecursively();
        {
            MainWindow window;
            window.show();
            QSignalSpy loaded(&window, &MainWindow::datasetLoaded);
            xmw::data::DemoOptions small;
            small.resolution = 6.0;
            small.firstYear = small.lastYear = 2016;
            window.openDemoDataset(small);
            QVERIFY(window.findChild<QWidget *>(QStringLiteral("taskStatus"))->isVisible());
            QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 30000);
            QVERIFY(QFileInfo::exists(MainWindow::demoDatasetPath() + QStringLiteral("/TEM-MDM")));
        }
        MainWindow again;
        QSignalSpy loaded(&again, &MainWindow::datasetLoaded);
        again.openStartupDataset();
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 20000);
        QVERIFY2(again.windowTitle().startsWith(QStringLiteral("demo-data")), qPrintable(again.windowTitle()));
        QDir(MainWindow::demoDatasetPath()).removeRecursively();
    }

    void flatMapSharesTheLayerAndTheTowers()
    {
        MainWindow window;
        window.resize(1000, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy shown(&window, &MainWindow::mapShown);
        window.openDataset(demo_);
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 20000);
        window.findChild<QAction *>(QStringLiteral("actionFlatMap"))->trigger();
        QVERIFY(window.isFlatMap());
        FlatMapView *flat = window.flatMap();
        QVERIFY(flat->isVisible() && !window.globe()->isVisible());
        QCOMPARE(flat->image(), window.globe()->displayedImage());
        QCOMPARE(int(flat->markerAt(flat->project({46.083, -89.979}).toPoint()) != nullptr), 1);
        // Positions round-trip through the view, also zoomed and panned.
        flat->setView({40.0, -100.0}, 3.0);
        for (const xmw::geo::GeoPoint p : {xmw::geo::GeoPoint{46.083, -89.979}, xmw::geo::GeoPoint{30.0, -110.0}}) {
            const auto back = flat->pick(flat->project(p));
            QVERIFY(back && std::abs(back->lat - p.lat) < 1e-9 && std::abs(back->lon - p.lon) < 1e-9);
        }
        QVERIFY(!flat->pick(QPointF(-1e4, -1e4)));
        // A click on a tower selects it; on land, the cell.
        QSignalSpy plotted(&window, &MainWindow::timeSeriesShown);
        const auto los = std::find_if(window.globe()->markers().begin(), window.globe()->markers().end(),
                                      [](const GlobeMarker &m) { return m.id == QStringLiteral("US-Los"); });
        QTest::mouseClick(flat, Qt::LeftButton, Qt::NoModifier, flat->project(los->position).toPoint());
        QCOMPARE(window.selectedSites(), QStringList{QStringLiteral("US-Los")});
        QTRY_VERIFY_WITH_TIMEOUT(plotted.count() >= 1, 10000);
        QTest::mouseClick(flat, Qt::LeftButton, Qt::NoModifier, flat->project({40.0, -100.0}).toPoint());
        QVERIFY(window.selectedCell().has_value());
        // The wheel zooms about the pointer: the position under it stays.
        const QPointF pointer = flat->project({35.0, -95.0});
        QWheelEvent wheel(pointer, flat->mapToGlobal(pointer), {}, {0, 120}, Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(flat, &wheel);
        QVERIFY(flat->zoom() > 3.0);
        const auto under = flat->pick(pointer);
        QVERIFY(under && std::abs(under->lat - 35.0) < 1e-6 && std::abs(under->lon + 95.0) < 1e-6);
        window.grab().save(QStringLiteral(XMW_TEST_OUTPUT_DIR "/main-window-flat.png"));
        window.setFlatMap(false);
        QVERIFY(window.globe()->isVisible());
        QVERIFY(parseExplorerOptions({QStringLiteral("xmw-explorer"), QStringLiteral("--flat")}).options->flat);
    }

    void aboutTheDataExplainsBothSources()
    {
        const QString html = AboutDataDialog::html();
        for (const char *needle :
             {"TEM-MDM", "FLUXNET-CH4", "FCH4_F_ANNOPTLM", "1.3863 mg CH4 m-2 d-1", "synthetic", "Delwiche", "arXiv:2505.18355"})
            QVERIFY2(html.contains(QLatin1String(needle)), needle);
        MainWindow window;
        window.findChild<QAction *>(QStringLiteral("actionAboutData"))->trigger();
        auto *dialog = window.findChild<AboutDataDialog *>(QStringLiteral("aboutDataDialog"));
        QVERIFY(dialog && dialog->isVisible());
        dialog->grab().save(QStringLiteral(XMW_TEST_OUTPUT_DIR "/about-the-data.png"));
    }

    void germanTranslationIsBuiltIn()
    {
        const TranslationScope german(QStringLiteral("de"));
        {
            MainWindow window;
            QStringList menus;
            for (QAction *action : window.menuBar()->actions())
                menus << action->text();
            QVERIFY2(menus.contains(QStringLiteral("&Datei")), qPrintable(menus.join(QLatin1Char(' '))));
        }
    }

    void colourBarTicksAreRound()
    {
        QCOMPARE(ColourBar::ticks(0.0, 100.0), (std::vector<double>{0, 20, 40, 60, 80, 100}));
        QCOMPARE(ColourBar::ticks(-3.2, 7.9), (std::vector<double>{-2, 0, 2, 4, 6}));
        QCOMPARE(ColourBar::ticks(0.013, 0.051), (std::vector<double>{0.02, 0.03, 0.04, 0.05}));
        QVERIFY(ColourBar::ticks(1.0, 1.0).empty());
        // The percentile range ignores a few extreme cells.
        std::vector<float> values(1000);
        for (int i = 0; i < 1000; ++i)
            values[std::size_t(i)] = float(i);
        values[999] = 1e9f;
        values[0] = std::numeric_limits<float>::quiet_NaN();
        const ColourScale scale = ColourScale::fromPercentiles(values);
        QVERIFY(scale.low() >= 10 && scale.low() <= 30);
        QVERIFY(scale.high() >= 970 && scale.high() <= 990);
        // A log scale: decades, then 1-2-5 when there are too few; positions are logarithmic.
        QCOMPARE(ColourBar::logTicks(0.05, 2000.0), (std::vector<double>{0.1, 1, 10, 100, 1000}));
        QCOMPARE(ColourBar::logTicks(3.0, 60.0), (std::vector<double>{5, 10, 20, 50}));
        MapStyle log;
        log.logarithmic = true;
        log.range = RangeMode::MinMax;
        const ColourScale logScale = ColourScale::forField({0.0f, 1.0f, 10.0f, 100.0f}, log);
        QCOMPARE(logScale.low(), 1.0); // zero has no logarithm: the range starts at the smallest positive value
        QCOMPARE(logScale.position(10.0), 0.5);
        QCOMPARE(logScale.valueAt(0.5), 10.0);
        QCOMPARE(logScale.colour(0.0), logScale.colour(1.0));
        QVERIFY(!logScale.isLogLimited());
        // A winter day's CH4 has values near 1e-16: the scale spans 4 decades below its top, not
        // 17, and says so; the smaller values take the lowest colour (#34, item 12).
        for (const RangeMode mode : {RangeMode::MinMax, RangeMode::Percentile}) {
            log.range = mode;
            std::vector<float> winter(200, 1e-16f);
            for (int i = 0; i < 200; ++i)
                winter.push_back(float(i) * 0.15f + 0.01f);
            const ColourScale limited = ColourScale::forField(winter, log);
            QVERIFY(limited.isLogLimited());
            QCOMPARE(limited.low(), limited.high() * 1e-4);
            QVERIFY(limited.clipsLow());
        }
        // A fixed range's own positive start is kept.
        log.range = RangeMode::Fixed;
        log.fixedLow = 1e-9;
        log.fixedHigh = 30;
        const ColourScale fixed = ColourScale::forField({1e-16f, 1.0f, 30.0f}, log);
        QCOMPARE(fixed.low(), 1e-9);
        QVERIFY(!fixed.isLogLimited());
    }

    void animationOptionsParse()
    {
        const auto parse = [](QStringList arguments) {
            arguments.prepend(QStringLiteral("xmw-explorer"));
            return parseExplorerOptions(arguments);
        };
        auto outcome = parse({QStringLiteral("data"), QStringLiteral("--animate"), QStringLiteral("2016-03:2016"), QStringLiteral("--out"),
                              QStringLiteral("a.webm"), QStringLiteral("--step"), QStringLiteral("month"), QStringLiteral("--view"),
                              QStringLiteral("turning"), QStringLiteral("--fps"), QStringLiteral("4"), QStringLiteral("--video-size"),
                              QStringLiteral("640x360"), QStringLiteral("--video-title"), QStringLiteral("CH4")});
        QVERIFY2(outcome.options && outcome.options->animation, qPrintable(outcome.message));
        const AnimationRequest &request = *outcome.options->animation;
        QCOMPARE(request.from, QDate(2016, 3, 1)); // a month from its first day
        QCOMPARE(request.to, QDate(2016, 12, 31)); // a year to its last
        QCOMPARE(request.step, QStringLiteral("month"));
        QCOMPARE(request.view, QStringLiteral("turning"));
        QCOMPARE(request.framesPerSecond, 4);
        QCOMPARE(request.size, QSize(640, 360));
        QCOMPARE(request.title, QStringLiteral("CH4"));
        QVERIFY(!request.eachFrameItsOwnRange);
        // --flat makes the flat map the default view.
        outcome = parse({QStringLiteral("data"), QStringLiteral("--flat"), QStringLiteral("--animate"),
                         QStringLiteral("2016-01-01:2016-01-31"), QStringLiteral("--out"), QStringLiteral("a.gif")});
        QCOMPARE(outcome.options->animation->view, QStringLiteral("flat"));
        // Each refusal names what is wrong.
        const QList<std::pair<QStringList, QString>> refused = {
            {{QStringLiteral("--animate"), QStringLiteral("2016:2016"), QStringLiteral("--out"), QStringLiteral("a.mp4")},
             QStringLiteral("dataset")},
            {{QStringLiteral("data"), QStringLiteral("--animate"), QStringLiteral("2016-05-01:2016-04-01"), QStringLiteral("--out"),
              QStringLiteral("a.mp4")},
             QStringLiteral("FROM:TO")},
            {{QStringLiteral("data"), QStringLiteral("--animate"), QStringLiteral("2016"), QStringLiteral("--out"),
              QStringLiteral("a.mp4")},
             QStringLiteral("FROM:TO")},
            {{QStringLiteral("data"), QStringLiteral("--animate"), QStringLiteral("2016:2016"), QStringLiteral("--out"),
              QStringLiteral("a.avi")},
             QStringLiteral(".webm")},
            {{QStringLiteral("data"), QStringLiteral("--animate"), QStringLiteral("2016:2016")}, QStringLiteral("--out")},
            {{QStringLiteral("data"), QStringLiteral("--animate"), QStringLiteral("2016:2016"), QStringLiteral("--out"),
              QStringLiteral("a.mp4"), QStringLiteral("--step"), QStringLiteral("week")},
             QStringLiteral("'week'")},
            {{QStringLiteral("data"), QStringLiteral("--animate"), QStringLiteral("2016:2016"), QStringLiteral("--out"),
              QStringLiteral("a.mp4"), QStringLiteral("--fps"), QStringLiteral("0")},
             QStringLiteral("--fps")},
            {{QStringLiteral("data"), QStringLiteral("--animate"), QStringLiteral("2016:2016"), QStringLiteral("--out"),
              QStringLiteral("a.mp4"), QStringLiteral("--video-size"), QStringLiteral("641x360")},
             QStringLiteral("even")},
            {{QStringLiteral("data"), QStringLiteral("--animate"), QStringLiteral("2016:2016"), QStringLiteral("--out"),
              QStringLiteral("a.mp4"), QStringLiteral("--view"), QStringLiteral("orbit")},
             QStringLiteral("'orbit'")},
            {{QStringLiteral("data"), QStringLiteral("--step"), QStringLiteral("day")}, QStringLiteral("--step applies to --animate")},
        };
        for (const auto &[arguments, expected] : refused) {
            outcome = parse(arguments);
            QCOMPARE(outcome.exitCode, 2);
            QVERIFY2(outcome.message.contains(expected),
                     qPrintable(arguments.join(QLatin1Char(' ')) + QStringLiteral(": ") + outcome.message));
        }
    }

    void exportsAnAnimationThroughItsDialogAsATask()
    {
        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::mapShown);
        QVERIFY(showDemo(window, shown));
        window.setFlatMap(true);
        QAction *action = window.findChild<QAction *>(QStringLiteral("actionExportAnimation"));
        QVERIFY(action && action->isEnabled());
        QSignalSpy exported(&window, &MainWindow::animationExported);
        QSignalSpy added(window.tasks(), &TaskManager::taskAdded);
        const QString path = dir_.filePath(QStringLiteral("dialog.gif"));
        bool checked = false;
        QTimer::singleShot(0, &window, [&] {
            auto *dialog = window.findChild<AnimationDialog *>();
            QVERIFY(dialog && dialog->isVisible());
            // It starts from the window: its layer, its year, the flat map it shows.
            QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("animationLayer"))->text().contains(QStringLiteral("CH4")));
            auto *view = dialog->findChild<QComboBox *>(QStringLiteral("animationView"));
            QCOMPARE(AnimationView(view->currentData().toInt()), AnimationView::FlatMap);
            auto *from = dialog->findChild<QDateEdit *>(QStringLiteral("animationFrom"));
            auto *to = dialog->findChild<QDateEdit *>(QStringLiteral("animationTo"));
            QCOMPARE(from->date(), QDate(2016, 1, 1));
            QCOMPARE(to->maximumDate(), QDate(2016, 12, 31)); // the demo's last day
            from->setDate(QDate(2016, 3, 1));
            to->setDate(QDate(2016, 3, 6));
            auto *summary = dialog->findChild<QLabel *>(QStringLiteral("animationSummary"));
            QVERIFY2(summary->text().startsWith(QStringLiteral("Frames: 6 ")), qPrintable(summary->text()));
            // A .gif typed into the file name is the format chosen.
            auto *file = dialog->findChild<QLineEdit *>(QStringLiteral("animationPath"));
            file->setText(path);
            Q_EMIT file->textEdited(path);
            QCOMPARE(VideoFormat(dialog->findChild<QComboBox *>(QStringLiteral("animationFormat"))->currentData().toInt()),
                     VideoFormat::Gif);
            auto *size = dialog->findChild<QComboBox *>(QStringLiteral("animationSize"));
            size->setCurrentIndex(size->findData(QSize(640, 360)));
            const AnimationSpec spec = dialog->spec();
            QCOMPARE(spec.video.format, VideoFormat::Gif);
            QCOMPARE(spec.layer.variable, QStringLiteral("CH4_emission"));
            QVERIFY(spec.sameRangeOnEveryFrame); // by default, so that colours mean the same on every frame
            QVERIFY(!spec.towers.empty());
            dialog->grab().save(QStringLiteral(XMW_TEST_OUTPUT_DIR "/animation_dialog.png"));
            checked = true;
            dialog->accept();
        });
        action->trigger();
        QVERIFY(checked);
        QCOMPARE(added.count(), 1); // the export runs as a task: progress and Cancel in the status bar
        QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 1, 30000);
        const auto outcome = exported.front().front().value<AnimationOutcome>();
        QCOMPARE(outcome.frames, 6);
        QVERIFY(QFileInfo(path).size() > 1000);
        QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("dialog.gif")));

        // Cancel stops it and leaves no file; the window says nothing went wrong.
        QSignalSpy failed(&window, &MainWindow::animationFailed);
        auto spec = *window.animationSpec();
        spec.path = dir_.filePath(QStringLiteral("canceled.mp4"));
        spec.video = {640, 360, 10, VideoFormat::Mp4};
        Task *task = window.exportAnimation(spec); // the whole year
        QSignalSpy finished(task, &Task::finished);
        QTRY_VERIFY_WITH_TIMEOUT(task->progress() > 0.1, 20000);
        window.grab().save(QStringLiteral(XMW_TEST_OUTPUT_DIR "/animation_task.png"));
        task->cancel();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(exported.count(), 1);
        QVERIFY(!QFileInfo::exists(spec.path));
        QCOMPARE(QDir(dir_.path()).entryList({QStringLiteral("*.part")}, QDir::Files | QDir::Hidden), QStringList());

        // Closing the window while an animation is written asks first; Cancel keeps both.
        spec.path = dir_.filePath(QStringLiteral("closing.mp4"));
        Task *closing = window.exportAnimation(spec);
        QPointer<Task> watched(closing);
        const auto answerWith = [&window](QMessageBox::StandardButton button) {
            QTimer::singleShot(0, &window, [button] {
                if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
                    box->button(button)->click();
            });
        };
        answerWith(QMessageBox::Cancel);
        window.close();
        QVERIFY(window.isVisible());
        QVERIFY(watched && watched->isActive());
        answerWith(QMessageBox::Close);
        window.close();
        QVERIFY(!window.isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!watched, 20000); // canceled, finished and deleted
        QVERIFY(!QFileInfo::exists(spec.path));
        QCOMPARE(exported.count(), 1);

        // A failure says why: a period outside the data.
        spec.from = {2015, 1, 1};
        spec.path = dir_.filePath(QStringLiteral("outside.mp4"));
        window.exportAnimation(spec);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
        QVERIFY2(failed.front().front().toString().contains(QStringLiteral("2016")), qPrintable(failed.front().front().toString()));
    }

    void optionsParse()
    {
        auto outcome = parseExplorerOptions({QStringLiteral("xmw-explorer"), QStringLiteral("data"), QStringLiteral("--screenshot"),
                                             QStringLiteral("a.png"), QStringLiteral("--size"), QStringLiteral("640x480")});
        QVERIFY(outcome.options);
        QCOMPARE(outcome.options->screenshotPath, QStringLiteral("a.png"));
        QCOMPARE(outcome.options->windowSize, QSize(640, 480));
        // A screenshot of no dataset would be an empty globe; a language we do not ship, English.
        outcome = parseExplorerOptions({QStringLiteral("xmw-explorer"), QStringLiteral("--screenshot"), QStringLiteral("a.png")});
        QCOMPARE(outcome.exitCode, 2);
        QVERIFY2(outcome.message.contains(QStringLiteral("needs a dataset")), qPrintable(outcome.message));
        // A mistyped option is answered with the one it probably meant, as xmw does.
        outcome = parseExplorerOptions({QStringLiteral("xmw-explorer"), QStringLiteral("--variabel"), QStringLiteral("TAIR")});
        QCOMPARE(outcome.exitCode, 2);
        QVERIFY2(outcome.message.contains(QStringLiteral("--variable?")), qPrintable(outcome.message));
        outcome = parseExplorerOptions({QStringLiteral("xmw-explorer"), QStringLiteral("--lang"), QStringLiteral("fr")});
        QCOMPARE(outcome.exitCode, 2);
        QVERIFY2(outcome.message.contains(QStringLiteral("'fr'")) && outcome.message.contains(QStringLiteral("zh_CN")),
                 qPrintable(outcome.message));
        for (const char *code : {"en", "de", "de_AT", "zh_CN"})
            QVERIFY2(parseExplorerOptions({QStringLiteral("xmw-explorer"), QStringLiteral("--lang"), QLatin1String(code)}).options, code);

        outcome = parseExplorerOptions({QStringLiteral("xmw-explorer"), QStringLiteral("data")});
        QVERIFY(outcome.options);
        QCOMPARE(outcome.options->datasetPath, QStringLiteral("data"));
        outcome =
            parseExplorerOptions({QStringLiteral("xmw-explorer"), QStringLiteral("data"), QStringLiteral("--variable"),
                                  QStringLiteral("TAIR"), QStringLiteral("--date"), QStringLiteral("2016-02-29"), QStringLiteral("--site"),
                                  QStringLiteral("US-Los,FI-Sii"), QStringLiteral("--site"), QStringLiteral("SE-Deg")});
        QVERIFY(outcome.options);
        QCOMPARE(outcome.options->variable, QStringLiteral("TAIR"));
        QCOMPARE(outcome.options->date, QDate(2016, 2, 29));
        QCOMPARE(outcome.options->sites, (QStringList{QStringLiteral("US-Los"), QStringLiteral("FI-Sii"), QStringLiteral("SE-Deg")}));
        outcome = parseExplorerOptions(
            {QStringLiteral("xmw-explorer"), QStringLiteral("data"), QStringLiteral("--date"), QStringLiteral("2015-02-29")});
        QCOMPARE(outcome.exitCode, 2);
        outcome = parseExplorerOptions({QStringLiteral("xmw-explorer"), QStringLiteral("--variable"), QStringLiteral("TAIR")});
        QCOMPARE(outcome.exitCode, 2);
        QVERIFY(outcome.message.contains(QStringLiteral("need a dataset")));
        outcome = parseExplorerOptions({QStringLiteral("xmw-explorer"), QStringLiteral("a"), QStringLiteral("b")});
        QVERIFY(!outcome.options);
        QVERIFY(outcome.message.contains(QStringLiteral("b")));

        outcome = parseExplorerOptions({QStringLiteral("xmw-explorer"), QStringLiteral("--size"), QStringLiteral("big")});
        QVERIFY(!outcome.options);
        QCOMPARE(outcome.exitCode, 2);
        QVERIFY(outcome.message.contains(QStringLiteral("'big'")));

        outcome = parseExplorerOptions({QStringLiteral("xmw-explorer"), QStringLiteral("--no-such-option")});
        QVERIFY(!outcome.options);
        QCOMPARE(outcome.exitCode, 2);
    }

    // Scripted use: the screenshot shows the requested variable, day and towers.
    void screenshotOfAScriptedView()
    {
        const QString path = QStringLiteral(XMW_TEST_OUTPUT_DIR "/explorer-scripted.png");
        QFile::remove(path);
        QProcess process;
        process.start(QStringLiteral(XMW_EXPLORER_PATH),
                      {demo_, QStringLiteral("--variable"), QStringLiteral("TAIR"), QStringLiteral("--date"), QStringLiteral("2016-01-20"),
                       QStringLiteral("--site"), QStringLiteral("US-Los"), QStringLiteral("--screenshot"), path, QStringLiteral("--size"),
                       QStringLiteral("1000x800"), QStringLiteral("--lang"), QStringLiteral("en")});
        QVERIFY(process.waitForFinished(60000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        QCOMPARE(QImage(path).size(), QSize(1000, 800));
        // A bad dataset: a message naming it, exit 1, no file.
        const QString bad = QStringLiteral(XMW_TEST_OUTPUT_DIR "/explorer-bad.png");
        QFile::remove(bad);
        process.start(QStringLiteral(XMW_EXPLORER_PATH),
                      {dir_.filePath(QStringLiteral("nothing-here")), QStringLiteral("--screenshot"), bad});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 1);
        QVERIFY(process.readAllStandardError().contains("nothing-here"));
        QVERIFY(!QFile::exists(bad));
    }

    // What a script asks for and the dataset cannot show ends the run with a message, not a hang
    // or a silent substitute; a variable named but for its case is taken.
    void scriptedViewsThatCannotBeShownFail_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown tower") << QStringList{QStringLiteral("--site"), QStringLiteral("XX-Foo")} << 1 << QStringLiteral("XX-Foo");
        QTest::newRow("unknown variable") << QStringList{QStringLiteral("--variable"), QStringLiteral("nope")} << 1
                                          << QStringLiteral("TAIR");
        QTest::newRow("date outside") << QStringList{QStringLiteral("--date"), QStringLiteral("2020-01-01")} << 1
                                      << QStringLiteral("2016-12-31");
        QTest::newRow("variable in lower case") << QStringList{QStringLiteral("--variable"), QStringLiteral("tair")} << 0 << QString();
        QTest::newRow("tower id with a dot") << QStringList{QStringLiteral("--site"), QStringLiteral("US.Los")} << 0 << QString();
    }

    void scriptedViewsThatCannotBeShownFail()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const QString path = dir_.filePath(QStringLiteral("scripted.png"));
        QFile::remove(path);
        QProcess process;
        process.start(QStringLiteral(XMW_EXPLORER_PATH),
                      QStringList{demo_, QStringLiteral("--screenshot"), path, QStringLiteral("--size"), QStringLiteral("800x600")} + args);
        QVERIFY(process.waitForFinished(60000));
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(process.exitCode() == exitCode, qPrintable(err));
        QVERIFY2(err.contains(message), qPrintable(err));
        QCOMPARE(QFile::exists(path), exitCode == 0);
    }

    // The real program, as a user runs it: a PNG of the requested size with a globe in it.
    void screenshotCommandWritesAPng()
    {
        const QString path = QStringLiteral(XMW_TEST_OUTPUT_DIR "/explorer-screenshot.png");
        QFile::remove(path);
        QProcess process;
        process.start(QStringLiteral(XMW_EXPLORER_PATH),
                      {demo_, QStringLiteral("--screenshot"), path, QStringLiteral("--size"), QStringLiteral("900x640"),
                       QStringLiteral("--lang"), QStringLiteral("en")});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());

        const QImage image(path);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), QSize(900, 640));
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 4)
            for (int x = 0; x < image.width(); x += 4)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 100, qPrintable(QString::number(colours.size())));
        // The map takes the upper left of the window, the globe its middle: across it, the globe's
        // light ocean and land, not only the dark background (a dark cell may sit at any one point).
        int light = 0;
        for (int x = image.width() / 6; x < image.width() / 2; ++x)
            light += image.pixelColor(x, image.height() * 3 / 10).lightness() > 100;
        QVERIFY2(light > image.width() / 20, qPrintable(QString::number(light)));
    }

    // The flat map has no GL frame to wait for; the towers asked for are in view and selected.
    void screenshotOfTheFlatMapWithATower()
    {
        const QString path = QStringLiteral(XMW_TEST_OUTPUT_DIR "/explorer-flat.png");
        QFile::remove(path);
        QProcess process;
        process.start(QStringLiteral(XMW_EXPLORER_PATH),
                      {demo_, QStringLiteral("--flat"), QStringLiteral("--site"), QStringLiteral("FI-Si2"), QStringLiteral("--screenshot"),
                       path, QStringLiteral("--size"), QStringLiteral("1000x800"), QStringLiteral("--lang"), QStringLiteral("en")});
        QVERIFY(process.waitForFinished(60000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        const QImage image(path);
        QCOMPARE(image.size(), QSize(1000, 800));
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 4)
            for (int x = 0; x < image.width(); x += 4)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 100, qPrintable(QString::number(colours.size())));
    }

    // --site turns the globe to the towers: a tower on the far side of the default view comes round.
    void startingWithATowerTurnsTheGlobeToIt()
    {
        MainWindow window;
        window.resize(1000, 700);
        window.show();
        QSignalSpy loaded(&window, &MainWindow::datasetLoaded);
        window.openDataset(demo_, {{}, {}, {QStringLiteral("US-Los")}, {}, 0, false});
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 20000);
        const auto centre = window.globe()->camera().center();
        QVERIFY2(std::abs(centre.lat - 46.08) < 1.0 && std::abs(centre.lon + 89.98) < 1.0,
                 qPrintable(QStringLiteral("%1, %2").arg(centre.lat).arg(centre.lon)));
        QCOMPARE(window.globe()->camera().distance(), GlobeCamera::kCloseUpDistance);
        QVERIFY(window.globe()->camera().project({46.08, -89.98}));
    }

    void screenshotToAnUnwritablePlaceFails()
    {
        QProcess process;
        process.start(QStringLiteral(XMW_EXPLORER_PATH),
                      {demo_, QStringLiteral("--screenshot"), QStringLiteral("/nonexistent-dir/x.png"), QStringLiteral("--size"),
                       QStringLiteral("300x200")});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 1);
        QVERIFY(process.readAllStandardError().contains("/nonexistent-dir/x.png"));
        QVERIFY(!QFile::exists(QStringLiteral("/nonexistent-dir/x.png")));
    }

    // At 1280×800 the training form is whole without scrolling; the advanced options wait behind
    // their toggle, which is remembered.
    void theTrainingFormFitsA1280By800Screen()
    {
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.showPanel(QStringLiteral("training")));
        auto *scroll = window.findChild<QScrollArea *>(QStringLiteral("trainingFormScroll"));
        auto *advanced = window.findChild<QGroupBox *>(QStringLiteral("advancedGroup"));
        auto *toggle = window.findChild<QToolButton *>(QStringLiteral("advancedToggle"));
        QVERIFY(scroll && advanced && toggle);
        QTRY_VERIFY(scroll->isVisible());
        QVERIFY(!advanced->isVisible());
        QTRY_COMPARE(scroll->verticalScrollBar()->maximum(), 0);
        QTRY_VERIFY(scroll->widget()->width() <= scroll->viewport()->width()); // once the layout has settled
        for (const char *name :
             {"modelBox", "methodBox", "presetBox", "epochsBox", "splitBox", "towersBox", "percentBox", "startTraining"}) {
            QWidget *field = window.findChild<QWidget *>(QLatin1String(name));
            QVERIFY2(field && field->isVisible(), name);
            const QRect inView(field->mapTo(scroll->viewport(), QPoint(0, 0)), field->size());
            QVERIFY2(scroll->viewport()->rect().contains(inView),
                     qPrintable(QStringLiteral("%1 at %2,%3 %4x%5 in %6x%7")
                                    .arg(QLatin1String(name))
                                    .arg(inView.x())
                                    .arg(inView.y())
                                    .arg(inView.width())
                                    .arg(inView.height())
                                    .arg(scroll->viewport()->width())
                                    .arg(scroll->viewport()->height())));
        }
        toggle->click();
        QVERIFY(advanced->isVisible());
        QVERIFY(QSettings().value(QStringLiteral("training/advancedOpen")).toBool());
    }

    // The tour points at the globe, a tower, the day, the time series and training, one step at a
    // time; it can be left at any step, and once seen it is not offered at start-up again.
    void theTourWalksThroughTheWindow()
    {
        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::mapShown);
        QVERIFY(showDemo(window, shown));
        QVERIFY(!Tour::wasSeen());
        window.findChild<QAction *>(QStringLiteral("actionTour"))->trigger();
        Tour *tour = window.tour();
        TourBubble *bubble = tour->bubble();
        QVERIFY(tour->isRunning());
        QCOMPARE(tour->stepCount(), 5);
        QCOMPARE(bubble->findChild<QLabel *>(QStringLiteral("tourCounter"))->text(), QStringLiteral("1 of 5"));
        QVERIFY(!bubble->backButton()->isEnabled());
        // The first step speaks of the open dataset: the demo's 2° grid and its years (#34, item 14).
        const QString first = bubble->findChild<QLabel *>(QStringLiteral("tourText"))->text();
        const auto &years = window.dataset()->grid()->years();
        QVERIFY2(first.contains(QStringLiteral("every %1° cell").arg(std::abs(window.dataset()->grid()->grid().dLat))) &&
                     first.contains(QStringLiteral("from %1 to %2").arg(years.front()).arg(years.back())),
                 qPrintable(first));
        // Each step's bubble reaches into the part it explains (its arrow's tip is on it).
        const auto pointsInto = [bubble](QWidget *part) {
            const QRect area(part->mapToGlobal(QPoint(0, 0)), part->size());
            return bubble->shape().translated(bubble->geometry().topLeft()).intersects(area);
        };
        QVERIFY(pointsInto(window.globe()));

        bubble->nextButton()->click(); // a tower
        QCOMPARE(tour->step(), 1);
        QVERIFY(pointsInto(window.globe()));
        QVERIFY(bubble->findChild<QLabel *>(QStringLiteral("tourText"))->text().contains(QStringLiteral("tower")));
        bubble->nextButton()->click(); // the day: at the date box, not the variable box beside it
        QVERIFY(pointsInto(window.mapBar()->findChild<QWidget *>(QStringLiteral("dateEdit"))));
        QVERIFY(!pointsInto(window.findChild<QWidget *>(QStringLiteral("variableBox"))));
        bubble->backButton()->click();
        QCOMPARE(tour->step(), 1);
        bubble->nextButton()->click();
        bubble->nextButton()->click(); // the time series
        QTRY_VERIFY(window.timeSeries()->isVisible());
        bubble->nextButton()->click(); // training, brought to the front
        QTRY_VERIFY(window.training()->isVisible());
        QTRY_VERIFY(pointsInto(window.training()));
        QCOMPARE(bubble->nextButton()->text(), QStringLiteral("Finish"));
        QSignalSpy ended(tour, &Tour::ended);
        bubble->nextButton()->click();
        QCOMPARE(ended.count(), 1);
        QCOMPARE(ended.at(0).at(0).toBool(), true);
        QVERIFY(!tour->isRunning() && !bubble->isVisible());
        QVERIFY(Tour::wasSeen());

        // Left at any step: Esc (or Skip) ends it there.
        tour->start();
        bubble = tour->bubble(); // a new one, in the fonts of the moment
        QVERIFY(bubble->isVisible());
        QCOMPARE(tour->step(), 0);
        QTest::keyClick(bubble, Qt::Key_Right);
        QCOMPARE(tour->step(), 1);
        QTest::keyClick(bubble, Qt::Key_Escape);
        QCOMPARE(ended.count(), 2);
        QCOMPARE(ended.at(1).at(0).toBool(), false);
        QVERIFY(!tour->isRunning());

        // A first start offers it rather than starting it: declined, it is not offered again.
        QSettings().remove(QStringLiteral("tour/seen"));
        tour->offer();
        auto *offer = window.findChild<QMessageBox *>(QStringLiteral("tourOffer"));
        QVERIFY(offer && offer->isVisible() && !tour->isRunning());
        offer->buttons().last()->click(); // Not Now
        QTRY_VERIFY(!window.findChild<QMessageBox *>(QStringLiteral("tourOffer")));
        QVERIFY(!tour->isRunning() && Tour::wasSeen());
        QSettings().remove(QStringLiteral("tour/seen"));
        tour->offer();
        offer = window.findChild<QMessageBox *>(QStringLiteral("tourOffer"));
        QVERIFY(offer);
        for (QAbstractButton *button : offer->buttons())
            if (offer->buttonRole(button) == QMessageBox::AcceptRole)
                button->click();
        QTRY_VERIFY(tour->isRunning());
        tour->skip();
    }

    // A scripted picture can show the tour: its bubble is drawn into the screenshot.
    void screenshotWithTheTour()
    {
        const QString plain = QStringLiteral(XMW_TEST_OUTPUT_DIR "/explorer-no-tour.png");
        const QString toured = QStringLiteral(XMW_TEST_OUTPUT_DIR "/explorer-tour.png");
        for (const auto &[path, extra] : {std::pair{plain, QStringList{}}, std::pair{toured, QStringList{QStringLiteral("--tour")}}}) {
            QFile::remove(path);
            QProcess process;
            process.start(QStringLiteral(XMW_EXPLORER_PATH),
                          QStringList{demo_, QStringLiteral("--screenshot"), path, QStringLiteral("--size"), QStringLiteral("1000x700"),
                                      QStringLiteral("--lang"), QStringLiteral("en")} +
                              extra);
            QVERIFY(process.waitForFinished(60000));
            QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        }
        const QImage a(plain), b(toured);
        QCOMPARE(a.size(), b.size());
        // The bubble's paper colour is in the toured picture only.
        const auto paper = [](const QImage &image) {
            int count = 0;
            for (int y = 0; y < image.height(); y += 2)
                for (int x = 0; x < image.width(); x += 2)
                    count += image.pixel(x, y) == qRgb(0xFF, 0xFB, 0xE6);
            return count;
        };
        QCOMPARE(paper(a), 0);
        QVERIFY2(paper(b) > 2000, qPrintable(QString::number(paper(b))));
    }
};

XMW_GUI_TEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
