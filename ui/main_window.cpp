#include "ui/main_window.h"

#include "core/data/benchmark_sites.h"
#include "core/data/dataset.h"
#include "core/data/grid_dataset.h"
#include "core/learn/run_file.h"
#include "ui/about_data_dialog.h"
#include "ui/about_dialog.h"
#include "ui/app/atomic_write.h"
#include "ui/app/flux_unit_choice.h"
#include "ui/app/unit_text.h"
#include "ui/benchmark/benchmark_panel.h"
#include "ui/benchmark/sweep_runner.h"
#include "ui/coordinates.h"
#include "ui/globe/flat_map_view.h"
#include "ui/globe/globe_view.h"
#include "ui/map/colour_bar.h"
#include "ui/map/colour_scale.h"
#include "ui/map/layer_box.h"
#include "ui/map/map_figure.h"
#include "ui/plots/site_series_requester.h"
#include "ui/plots/time_series_panel.h"
#include "ui/sites/site_selection_model.h"
#include "ui/sites/sites_panel.h"
#include "ui/tasks/task_manager.h"
#include "ui/tasks/task_status_widget.h"
#include "ui/training/run_browser.h"
#include "ui/training/training_panel.h"
#include "ui/training/upscale_runner.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QInputDialog>
#include <QLabel>
#include <QMap>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QSettings>
#include <QShortcut>
#include <QSlider>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include <cmath>

namespace xmw::ui {

namespace {

QDate toQDate(data::Date d) { return QDate(d.year, d.month, d.day); }

data::Date fromQDate(QDate d) { return {d.year(), d.month(), d.day()}; }

// A tower's colour by the benchmark's wetland code (1–5): the colour of that class on the
// wetlandtype map; light grey where the benchmark gives none.
QColor wetlandColour(std::optional<int> type)
{
    return type && *type >= 1 && *type <= 5 ? QColor(ColourScale::classColour(*type)) : QColor(0xBB, 0xBB, 0xBB);
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , globe_(new GlobeView)
    , flat_(new FlatMapView)
    , mapStack_(new QStackedWidget)
    , colourBar_(new ColourBar)
    , positionLabel_(new QLabel(this))
    , tasks_(new TaskManager(this))
    , siteSelection_(new SiteSelectionModel(this))
    , loader_(new DatasetLoader(tasks_, this))
    , fields_(new FieldRequester(this))
    , fluxUnit_(new FluxUnitChoice(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("X-MethaneWet Explorer"));
    globe_->setObjectName(QStringLiteral("globe"));
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    mapStack_->addWidget(globe_);
    mapStack_->addWidget(flat_);
    layout->addWidget(mapStack_, 1);
    layout->addWidget(colourBar_);
    setCentralWidget(central);

    positionLabel_->setObjectName(QStringLiteral("positionLabel"));
    positionLabel_->setMinimumWidth(
        positionLabel_->fontMetrics().horizontalAdvance(QStringLiteral("00.00° N, 000.00° W — CH4_emission 000.00 mg CH4 m-2 d-1")) + 16);
    statusBar()->addPermanentWidget(new TaskStatusWidget(tasks_, this));
    statusBar()->addPermanentWidget(positionLabel_);
    clearCursorPosition();
    // One tower selection, observed by whatever shows it.
    connect(siteSelection_, &SiteSelectionModel::changed, globe_, &GlobeView::setSelectedMarkers);
    connect(siteSelection_, &SiteSelectionModel::changed, flat_, &FlatMapView::setSelectedMarkers);
    connect(siteSelection_, &SiteSelectionModel::changed, this, [this](const QStringList &ids) {
        statusBar()->showMessage(ids.isEmpty() ? tr("No tower selected") : tr("Selected: %1").arg(ids.join(QStringLiteral(", "))), 5000);
        requestSeries();
        Q_EMIT siteSelectionChanged(ids);
    });
    connect(globe_, &GlobeView::cursorMoved, this, &MainWindow::showCursorPosition);
    connect(globe_, &GlobeView::cursorLeftGlobe, this, &MainWindow::clearCursorPosition);
    connect(globe_, &GlobeView::markerClicked, this, &MainWindow::onMarkerClicked);
    // The flat map shows what the globe shows and reports the pointer the same way.
    connect(globe_, &GlobeView::displayedImageChanged, flat_, [this] { flat_->setImage(globe_->displayedImage()); });
    connect(flat_, &FlatMapView::cursorMoved, this, &MainWindow::showCursorPosition);
    connect(flat_, &FlatMapView::cursorLeftMap, this, &MainWindow::clearCursorPosition);
    connect(flat_, &FlatMapView::markerClicked, this, &MainWindow::onMarkerClicked);
    connect(flat_, &FlatMapView::surfaceClicked, this,
            [this](double lat, double lon, Qt::KeyboardModifiers modifiers) { selectCell(lat, lon, modifiers & Qt::ControlModifier); });
    flat_->setImage(globe_->displayedImage());
    connect(globe_, &GlobeView::surfaceClicked, this,
            [this](double lat, double lon, Qt::KeyboardModifiers modifiers) { selectCell(lat, lon, modifiers & Qt::ControlModifier); });

    connect(loader_, &DatasetLoader::loaded, this, &MainWindow::onDatasetLoaded);
    connect(loader_, &DatasetLoader::failed, this, &MainWindow::onDatasetFailed);
    connect(fields_, &FieldRequester::ready, this, &MainWindow::onFieldReady);
    connect(fields_, &FieldRequester::failed, this,
            [this](const QString &message) { statusBar()->showMessage(tr("Could not read the map: %1").arg(message), 10000); });

    timeSeries_ = new TimeSeriesPanel;
    siteSeries_ = new SiteSeriesRequester(this);
    auto *dock = new QDockWidget(tr("Time series"), this);
    dock->setObjectName(QStringLiteral("timeSeriesDock"));
    dock->setWidget(timeSeries_);
    addDockWidget(Qt::BottomDockWidgetArea, dock);
    connect(timeSeries_, &TimeSeriesPanel::driverChanged, this, &MainWindow::requestSeries);
    timeSeries_->setUnit(fluxUnit_->unit());
    connect(timeSeries_, &TimeSeriesPanel::unitChosen, fluxUnit_, &FluxUnitChoice::setUnit);
    connect(siteSeries_, &SiteSeriesRequester::ready, this, [this](const std::vector<SitePlotData> &sites) {
        timeSeries_->showSites(sites);
        updateExportActions();
        Q_EMIT timeSeriesShown();
    });
    connect(siteSeries_, &SiteSeriesRequester::failed, this,
            [this](const QString &message) { statusBar()->showMessage(tr("Could not read the towers' series: %1").arg(message), 10000); });

    runStore_ = new RunStore(tasks_, this);
    training_ = new TrainingPanel(runStore_);
    auto *trainingDock = new QDockWidget(tr("Training"), this);
    trainingDock->setObjectName(QStringLiteral("trainingDock"));
    trainingDock->setWidget(training_);
    addDockWidget(Qt::BottomDockWidgetArea, trainingDock);
    tabifyDockWidget(dock, trainingDock);
    dock->raise();
    connect(siteSelection_, &SiteSelectionModel::changed, training_, &TrainingPanel::setSelectedSites);
    connect(training_, &TrainingPanel::runFinished, this, [this](const QString &runFile) {
        statusBar()->showMessage(tr("Training finished: %1").arg(QDir::toNativeSeparators(runFile)), 10000);
    });

    runs_ = new RunBrowser(runStore_);
    auto *runsDock = new QDockWidget(tr("Runs"), this);
    runsDock->setObjectName(QStringLiteral("runsDock"));
    runsDock->setWidget(runs_);
    addDockWidget(Qt::BottomDockWidgetArea, runsDock);
    tabifyDockWidget(trainingDock, runsDock);
    dock->raise();
    connect(runs_, &RunBrowser::selectionChanged, this, &MainWindow::requestSeries); // their predictions join the plot
    connect(runs_, &RunBrowser::predictionReady, this, [this](const PredictionLayerPtr &layer) {
        addPrediction(layer);
        pendingRuns_.upscaleYear = 0;
        if (std::exchange(pendingRuns_.difference, false))
            variableBox_->setCurrentIndex(variableBox_->currentIndex() + 1);
    });
    connect(runStore_, &RunStore::changed, this, &MainWindow::applyInitialRuns);
    connect(runs_->upscaler(), &UpscaleRunner::failed, this, [this](const QString &message) {
        if (std::exchange(pendingRuns_.upscaleYear, 0) != 0)
            Q_EMIT datasetFailed(message); // a scripted view that cannot be shown as asked
    });
    connect(runStore_, &RunStore::failed, this, [this](const QString &message) { statusBar()->showMessage(message, 10000); });

    benchmark_ = new BenchmarkPanel(runStore_);
    auto *benchmarkDock = new QDockWidget(tr("Benchmark"), this);
    benchmarkDock->setObjectName(QStringLiteral("benchmarkDock"));
    benchmarkDock->setWidget(benchmark_);
    addDockWidget(Qt::BottomDockWidgetArea, benchmarkDock);
    tabifyDockWidget(runsDock, benchmarkDock);
    dock->raise();
    // A cell's runs become the Runs panel's selection, and so join the plots.
    connect(benchmark_, &BenchmarkPanel::runsChosen, this, [this, runsDock](const QStringList &files) {
        runsDock->raise();
        runs_->selectRuns(files);
    });

    sites_ = new SitesPanel;
    auto *sitesDock = new QDockWidget(tr("Sites"), this);
    sitesDock->setObjectName(QStringLiteral("sitesDock"));
    sitesDock->setWidget(sites_);
    addDockWidget(Qt::RightDockWidgetArea, sitesDock);
    sites_->setSiteSelection(siteSelection_);
    connect(sites_, &SitesPanel::siteActivated, this, [this](const QString &id) {
        for (const GlobeMarker &m : globe_->markers())
            if (m.id == id) {
                globe_->flyTo(m.position, std::min(globe_->camera().distance(), 2.2));
                flat_->setView(m.position, std::max(flat_->zoom(), 4.0));
            }
    });

    runs_->setFluxUnit(fluxUnit_->unit());
    sites_->setFluxUnit(fluxUnit_->unit());
    connect(fluxUnit_, &FluxUnitChoice::changed, this, &MainWindow::onFluxUnitChanged);

    createMenus();
    createMapBar();
    createColourBar();
    resize(1200, 800);
    // The layout the user left, if any (geometry, docks, toolbars).
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    if (!restoreState(settings.value(QStringLiteral("window/state")).toByteArray()))
        resizeDocks({dock}, {height() / 3}, Qt::Vertical); // a first start: the map gets most of the height
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Training is what a user would lose: ask. Other work (reading, upscaling a year, an export)
    // is canceled or, for a file being written, finished by the task manager as the window goes.
    if (tasks_->isBusy(TaskManager::Lane::Training)) {
        const auto answer =
            QMessageBox::question(this, tr("Training is running"),
                                  tr("Training jobs are still running or waiting. Cancel them and close? A canceled job keeps "
                                     "its last finished epoch; the Training panel offers to resume it when this dataset is "
                                     "opened again (or use xmw train … --resume)."),
                                  QMessageBox::Cancel | QMessageBox::Close, QMessageBox::Cancel);
        if (answer != QMessageBox::Close) {
            event->ignore();
            return;
        }
    }
    if (benchmark_->sweeps()->isRunning()) {
        const auto answer =
            QMessageBox::question(this, tr("A sweep is running"),
                                  tr("A sweep is training in the background. Stop it and close? Each running run keeps its last "
                                     "finished epoch; starting the same sweep again goes on from there."),
                                  QMessageBox::Cancel | QMessageBox::Close, QMessageBox::Cancel);
        if (answer != QMessageBox::Close) {
            event->ignore();
            return;
        }
        benchmark_->sweeps()->stop();
    }
    tasks_->cancelAll();
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    QMainWindow::closeEvent(event);
}

void MainWindow::createMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *open = fileMenu->addAction(tr("&Open Dataset…"), this, &MainWindow::chooseDataset);
    open->setObjectName(QStringLiteral("actionOpenDataset"));
    open->setShortcut(QKeySequence::Open);
    open->setStatusTip(tr("Open a folder in the X-MethaneWet layout (TEM-MDM/, FLUXNET-CH4/)"));
    QAction *demo = fileMenu->addAction(tr("Open &Demo Dataset"), this, [this] { openDemoDataset(); });
    demo->setObjectName(QStringLiteral("actionOpenDemo"));
    demo->setStatusTip(tr("The synthetic demo dataset (made in your data folder the first time)"));
    recentMenu_ = fileMenu->addMenu(tr("Open &Recent"));
    recentMenu_->setObjectName(QStringLiteral("recentMenu"));
    updateRecentMenu();
    QMenu *exportMenu = fileMenu->addMenu(tr("&Export"));
    QAction *mapImage = exportMenu->addAction(tr("&Map Image…"), this, [this] {
        exportWith(tr("Export Map Image"), tr("PNG images (*.png)"), QStringLiteral("png"), [this](const QString &path) {
            // The globe with its colour bar and legend, as on screen.
            return writeAtomically(path, [this](QIODevice &out) { return grabMap().save(&out, "PNG"); });
        });
    });
    mapImage->setObjectName(QStringLiteral("actionExportMap"));
    mapImage->setStatusTip(tr("The globe with its colour bar and legend, as on screen"));
    QAction *flatMap = exportMenu->addAction(tr("&Flat Map Figure…"), this, [this] {
        bool ok = false;
        const int width =
            QInputDialog::getInt(this, tr("Flat Map Figure"), tr("Width in pixels (the height follows, 2:1 plus the colour bar):"),
                                 QSettings().value(QStringLiteral("export/mapWidth"), 3000).toInt(), 400, 16000, 100, &ok);
        if (!ok)
            return;
        QSettings().setValue(QStringLiteral("export/mapWidth"), width);
        exportWith(tr("Export Flat Map Figure"), tr("PNG images (*.png)"), QStringLiteral("png"), [this, width](const QString &path) {
            return writeAtomically(path, [this, width](QIODevice &out) { return mapFigure(width).save(&out, "PNG"); });
        });
    });
    flatMap->setObjectName(QStringLiteral("actionExportFlatMap"));
    flatMap->setStatusTip(tr("The whole world as a flat (equirectangular) map at a width you choose, with towers and colour bar"));
    QAction *copyMap = exportMenu->addAction(tr("&Copy Map Image"), this, [this] {
        QGuiApplication::clipboard()->setImage(grabMap().toImage());
        statusBar()->showMessage(tr("Map image copied"), 3000);
    });
    copyMap->setObjectName(QStringLiteral("actionCopyMap"));
    mapExportActions_ = {mapImage, flatMap, copyMap};
    predictionExport_ = exportMenu->addAction(tr("&Prediction (CF NetCDF)…"), this, &MainWindow::exportPrediction);
    predictionExport_->setObjectName(QStringLiteral("actionExportPrediction"));
    predictionExport_->setStatusTip(tr("The upscaled prediction layer on the map, with TEM-MDM's values for the same cells, as CF NetCDF"));
    exportMenu->addSeparator();
    QAction *figure = exportMenu->addAction(tr("Time Series &Figure…"), this, [this] {
        exportWith(tr("Export Time Series Figure"), tr("PDF documents (*.pdf);;SVG drawings (*.svg);;PNG images (*.png)"),
                   QStringLiteral("pdf"), [this](const QString &path) { return timeSeries_->exportFigure(path); });
    });
    figure->setObjectName(QStringLiteral("actionExportFigure"));
    QAction *csv = exportMenu->addAction(tr("Time Series &Data (CSV)…"), this, [this] {
        exportWith(tr("Export Time Series Data"), tr("CSV files (*.csv)"), QStringLiteral("csv"),
                   [this](const QString &path) { return timeSeries_->exportCsv(path); });
    });
    csv->setObjectName(QStringLiteral("actionExportCsv"));
    seriesExportActions_ = {figure, csv};
    updateExportActions();
    fileMenu->addSeparator();
    QAction *quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("actionQuit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    QAction *reset = viewMenu->addAction(tr("&Reset View"), this, [this] {
        globe_->resetView();
        flat_->resetView();
    });
    reset->setObjectName(QStringLiteral("actionResetView"));
    reset->setShortcut(Qt::Key_Home);
    reset->setStatusTip(tr("Look at the globe from the default position and distance"));
    flatAction_ = viewMenu->addAction(tr("&Flat Map"));
    flatAction_->setObjectName(QStringLiteral("actionFlatMap"));
    flatAction_->setCheckable(true);
    flatAction_->setShortcut(Qt::CTRL | Qt::Key_M);
    flatAction_->setStatusTip(tr("Show the layer on a flat (equirectangular) map instead of the globe"));
    connect(flatAction_, &QAction::toggled, this,
            [this](bool on) { mapStack_->setCurrentWidget(on ? static_cast<QWidget *>(flat_) : globe_); });
    QAction *presentation = viewMenu->addAction(tr("&Presentation Mode"));
    presentation->setObjectName(QStringLiteral("actionPresentation"));
    presentation->setCheckable(true);
    presentation->setShortcuts({QKeySequence(Qt::Key_F11), QKeySequence(QKeySequence::FullScreen)});
    presentation->setStatusTip(tr("Full screen, larger text, the globe turning slowly and the days playing (F11 or Esc ends it)"));
    connect(presentation, &QAction::toggled, this, &MainWindow::setPresentationMode);
    auto *leave = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    connect(leave, &QShortcut::activated, presentation, [presentation] { presentation->setChecked(false); });
    rotationTimer_ = new QTimer(this);
    rotationTimer_->setInterval(40);
    connect(rotationTimer_, &QTimer::timeout, this, [this] { globe_->rotateBy(0.16, 0.0); }); // 4° a second, eastward
    QAction *labels = viewMenu->addAction(tr("Tower &Labels"));
    labels->setObjectName(QStringLiteral("actionTowerLabels"));
    labels->setCheckable(true);
    labels->setShortcut(Qt::CTRL | Qt::Key_L);
    labels->setStatusTip(tr("Write each tower's id beside it"));
    connect(labels, &QAction::toggled, this, [this](bool on) {
        globe_->setLabelsVisible(on);
        flat_->setLabelsVisible(on);
        QSettings().setValue(QStringLiteral("view/towerLabels"), on);
    });
    labels->setChecked(QSettings().value(QStringLiteral("view/towerLabels"), false).toBool());
    QMenu *unitMenu = viewMenu->addMenu(tr("Flux &Unit"));
    unitMenu->setObjectName(QStringLiteral("fluxUnitMenu"));
    fluxUnit_->addTo(unitMenu);
    viewMenu->addSeparator();
    viewMenu->addAction(findChild<QDockWidget *>(QStringLiteral("timeSeriesDock"))->toggleViewAction());
    viewMenu->addAction(findChild<QDockWidget *>(QStringLiteral("sitesDock"))->toggleViewAction());
    viewMenu->addAction(findChild<QDockWidget *>(QStringLiteral("trainingDock"))->toggleViewAction());
    viewMenu->addAction(findChild<QDockWidget *>(QStringLiteral("runsDock"))->toggleViewAction());
    viewMenu->addAction(findChild<QDockWidget *>(QStringLiteral("benchmarkDock"))->toggleViewAction());
    QAction *find = viewMenu->addAction(tr("&Find Site…"), this, [this] {
        findChild<QDockWidget *>(QStringLiteral("sitesDock"))->show();
        sites_->focusFilter();
    });
    find->setObjectName(QStringLiteral("actionFindSite"));
    find->setShortcut(QKeySequence::Find);

    QMenu *mapMenu = menuBar()->addMenu(tr("&Map"));
    mapMenu->setObjectName(QStringLiteral("mapMenu"));
    const struct {
        QString text;
        QKeySequence key;
        int days, months;
        const char *name;
    } steps[] = {
        {tr("&Previous Day"), QKeySequence(Qt::CTRL | Qt::Key_Left), -1, 0, "actionPreviousDay"},
        {tr("&Next Day"), QKeySequence(Qt::CTRL | Qt::Key_Right), 1, 0, "actionNextDay"},
        {tr("Previous &Month"), QKeySequence(Qt::CTRL | Qt::Key_PageUp), 0, -1, "actionPreviousMonth"},
        {tr("Next M&onth"), QKeySequence(Qt::CTRL | Qt::Key_PageDown), 0, 1, "actionNextMonth"},
    };
    playTimer_ = new QTimer(this);
    playAction_ = mapMenu->addAction(tr("&Play"));
    playAction_->setObjectName(QStringLiteral("actionPlay"));
    playAction_->setCheckable(true);
    playAction_->setShortcut(Qt::Key_Space);
    playAction_->setEnabled(false);
    playAction_->setStatusTip(tr("Step through the days; the map follows as fast as it can be read"));
    connect(playAction_, &QAction::toggled, this, [this](bool playing) {
        playAction_->setText(playing ? tr("&Pause") : tr("&Play"));
        if (playing)
            playTimer_->start(1000 / std::max(1, speedBox_->value()));
        else
            playTimer_->stop();
    });
    connect(playTimer_, &QTimer::timeout, this, [this] {
        // Wrap around at the end of the record, so a class can leave it running.
        const auto period = data::Period(periodBox_->currentData().toInt());
        const QDate next = period == data::Period::Year ? dateEdit_->date().addYears(1)
            : period == data::Period::Month             ? dateEdit_->date().addMonths(1)
                                                        : dateEdit_->date().addDays(1);
        if (dateEdit_->date() >= dateEdit_->maximumDate() || next > dateEdit_->maximumDate())
            dateEdit_->setDate(dateEdit_->minimumDate());
        else
            dateEdit_->setDate(next);
    });
    mapActions_.append(playAction_);
    mapMenu->addSeparator();
    for (const auto &step : steps) {
        QAction *action = mapMenu->addAction(step.text, this, [this, step] { stepDate(step.days, step.months); });
        action->setShortcut(step.key);
        action->setObjectName(QLatin1String(step.name));
        action->setEnabled(false); // with a map
        mapActions_.append(action);
    }

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *aboutData = helpMenu->addAction(tr("About the &Data"), this, [this] {
        auto *dialog = new AboutDataDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show(); // non-modal: a class reads it beside the globe
    });
    aboutData->setObjectName(QStringLiteral("actionAboutData"));
    aboutData->setStatusTip(tr("What TEM-MDM and FLUXNET-CH4 are, how they differ, and what the benchmark asks"));
    QAction *about = helpMenu->addAction(tr("&About X-MethaneWet Explorer"), this, [this] {
        AboutDialog dialog(this);
        dialog.exec();
    });
    about->setObjectName(QStringLiteral("actionAbout"));
    about->setMenuRole(QAction::AboutRole);
}

void MainWindow::createMapBar()
{
    mapBar_ = addToolBar(tr("Map"));
    mapBar_->setObjectName(QStringLiteral("mapBar"));
    variableBox_ = new LayerBox(mapBar_);
    variableBox_->setObjectName(QStringLiteral("variableBox"));
    variableBox_->setFluxUnit(fluxUnit_->unit());
    dateEdit_ = new QDateEdit(mapBar_);
    dateEdit_->setObjectName(QStringLiteral("dateEdit"));
    dateEdit_->setCalendarPopup(true);
    dateEdit_->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    dateEdit_->setToolTip(tr("The day shown (static fields do not change with it; NPP is monthly)"));
    mapBar_->addWidget(new QLabel(tr("Variable "), mapBar_));
    mapBar_->addWidget(variableBox_);
    mapBar_->addSeparator();
    dateSlider_ = new QSlider(Qt::Horizontal, mapBar_);
    dateSlider_->setObjectName(QStringLiteral("dateSlider"));
    dateSlider_->setMinimumWidth(180);
    dateSlider_->setToolTip(tr("Drag through the whole record; the calendar beside it picks a day"));
    mapBar_->addWidget(new QLabel(tr("Date "), mapBar_));
    mapBar_->addWidget(dateSlider_);
    mapBar_->addWidget(dateEdit_);
    periodBox_ = new QComboBox(mapBar_);
    periodBox_->setObjectName(QStringLiteral("periodBox"));
    periodBox_->addItem(tr("day"), int(data::Period::Day));
    periodBox_->addItem(tr("monthly mean"), int(data::Period::Month));
    periodBox_->addItem(tr("annual mean"), int(data::Period::Year));
    periodBox_->setToolTip(tr("Show the day, or the mean of its month or calendar year (Play then steps by month or year)"));
    periodBox_->setCurrentIndex(std::max(0, periodBox_->findData(QSettings().value(QStringLiteral("map/period"), 0).toInt())));
    mapBar_->addWidget(periodBox_);
    mapBar_->addAction(playAction_);
    speedBox_ = new QSpinBox(mapBar_);
    speedBox_->setObjectName(QStringLiteral("speedBox"));
    speedBox_->setRange(1, 30);
    speedBox_->setValue(5);
    speedBox_->setSuffix(tr(" days/s"));
    speedBox_->setToolTip(tr("Playback speed"));
    mapBar_->addWidget(speedBox_);
    connect(speedBox_, &QSpinBox::valueChanged, this, [this](int daysPerSecond) { playTimer_->setInterval(1000 / daysPerSecond); });
    mapBar_->setEnabled(false); // until a dataset with grids is open

    QString legend = tr("Towers by wetland type:");
    for (int type = 1; type <= 5; ++type)
        legend += QStringLiteral(" <span style='color:%1'>●</span> %2").arg(wetlandColour(type).name()).arg(type);
    legend += QStringLiteral(" <span style='color:%1'>●</span> %2").arg(wetlandColour(std::nullopt).name(), tr("none"));
    towerLegend_ = new QLabel(legend);
    towerLegend_->setObjectName(QStringLiteral("towerLegend"));
    towerLegend_->setToolTip(
        tr("The X-MethaneWet benchmark's wetland code of each tower; click a tower to select it, Ctrl+click to add it"));
    towerLegend_->hide();
    towerLegend_->setContentsMargins(12, 2, 12, 4);
    centralWidget()->layout()->addWidget(towerLegend_);
    connect(variableBox_, &QComboBox::currentIndexChanged, this, &MainWindow::onLayerChanged);
    connect(dateEdit_, &QDateEdit::dateChanged, this, &MainWindow::requestField);
    // Slider and calendar show the same day; the slider counts days from the record's first.
    connect(dateEdit_, &QDateEdit::dateChanged, this, [this](QDate date) {
        const QSignalBlocker block(dateSlider_);
        dateSlider_->setValue(int(dateEdit_->minimumDate().daysTo(date)));
    });
    connect(dateSlider_, &QSlider::valueChanged, this, [this](int day) { dateEdit_->setDate(dateEdit_->minimumDate().addDays(day)); });
    connect(periodBox_, &QComboBox::currentIndexChanged, this, [this] {
        QSettings().setValue(QStringLiteral("map/period"), periodBox_->currentData());
        requestField();
    });
}

void MainWindow::createColourBar()
{
    QToolBar *bar = addToolBar(tr("Colours"));
    bar->setObjectName(QStringLiteral("colourToolBar"));
    paletteBox_ = new QComboBox(bar);
    paletteBox_->setObjectName(QStringLiteral("paletteBox"));
    for (const Palette p : {Palette::Viridis, Palette::Magma, Palette::Cividis, Palette::Diverging, Palette::Categorical})
        paletteBox_->addItem(paletteName(p), int(p));
    // "classes" is shown for class fields only; it is not a choice for quantities.
    if (auto *model = qobject_cast<QStandardItemModel *>(paletteBox_->model()))
        model->item(paletteBox_->findData(int(Palette::Categorical)))->setEnabled(false);
    paletteBox_->setToolTip(tr("Colour map: viridis, magma and cividis are perceptually uniform (cividis also for "
                               "red-green colour blindness); the diverging map is centred on zero, for anomalies"));
    rangeBox_ = new QComboBox(bar);
    rangeBox_->setObjectName(QStringLiteral("rangeBox"));
    rangeBox_->addItem(tr("2–98 percentile"), int(RangeMode::Percentile));
    rangeBox_->addItem(tr("minimum–maximum"), int(RangeMode::MinMax));
    rangeBox_->addItem(tr("fixed"), int(RangeMode::Fixed));
    rangeBox_->setToolTip(tr("Colour range: from each day's field (percentiles ignore a few extreme cells), "
                             "or fixed, so that colours mean the same on every day"));
    const auto makeBound = [bar](const char *name, const QString &tip) {
        auto *box = new QDoubleSpinBox(bar);
        box->setObjectName(QLatin1String(name));
        box->setRange(-1e9, 1e9);
        box->setDecimals(3);
        box->setKeyboardTracking(false);
        box->setToolTip(tip);
        return box;
    };
    rangeLow_ = makeBound("rangeLow", tr("The value at the bottom of the colour ramp"));
    rangeHigh_ = makeBound("rangeHigh", tr("The value at the top of the colour ramp"));
    logAction_ = new QAction(tr("&Log Scale"), this);
    logAction_->setObjectName(QStringLiteral("actionLogScale"));
    logAction_->setCheckable(true);
    logAction_->setStatusTip(tr("Colours on a logarithmic scale (sequential colour maps): emission spans orders of magnitude"));

    bar->addWidget(new QLabel(tr("Colours "), bar));
    bar->addWidget(paletteBox_);
    bar->addWidget(rangeBox_);
    rangeLowAction_ = bar->addWidget(rangeLow_);
    rangeHighAction_ = bar->addWidget(rangeHigh_);
    bar->addAction(logAction_);
    if (auto *mapMenu = menuBar()->findChild<QMenu *>(QStringLiteral("mapMenu"))) {
        mapMenu->addSeparator();
        mapMenu->addAction(logAction_);
    }

    const auto styleChanged = [this] {
        updateStyleControls();
        saveMapStyle();
        requestField();
    };
    connect(paletteBox_, &QComboBox::currentIndexChanged, this, styleChanged);
    connect(rangeBox_, &QComboBox::currentIndexChanged, this, [this, styleChanged] {
        // A fixed range starts from the one on screen, which the user then adjusts.
        if (RangeMode(rangeBox_->currentData().toInt()) == RangeMode::Fixed && field_) {
            const QSignalBlocker blockLow(rangeLow_), blockHigh(rangeHigh_);
            rangeLow_->setValue(field_->scale.low());
            rangeHigh_->setValue(field_->scale.high());
        }
        styleChanged();
    });
    connect(rangeLow_, &QDoubleSpinBox::valueChanged, this, styleChanged);
    connect(rangeHigh_, &QDoubleSpinBox::valueChanged, this, styleChanged);
    connect(logAction_, &QAction::toggled, this, styleChanged);
    updateStyleControls();
}

QString MainWindow::styleKey() const
{
    bool difference = false;
    if (variableBox_->currentPrediction(&difference))
        return difference ? QStringLiteral("prediction-difference") : QStringLiteral("prediction");
    return variableBox_->currentVariable();
}

void MainWindow::loadMapStyle()
{
    // Each layer keeps its own colours: a log scale chosen for CH4 is no style for TAIR.
    const QString key = styleKey();
    QSettings settings;
    settings.beginGroup(QStringLiteral("mapStyle/") + key);
    Palette palette = Palette(settings.value(QStringLiteral("palette"), int(Palette::Viridis)).toInt());
    if (data::layout::isCategorical(key.toStdString()))
        palette = Palette::Categorical;
    else if (key == QStringLiteral("prediction-difference"))
        palette = Palette::Diverging;
    else if (palette == Palette::Categorical)
        palette = Palette::Viridis;
    const QSignalBlocker blockPalette(paletteBox_), blockRange(rangeBox_), blockLow(rangeLow_), blockHigh(rangeHigh_), blockLog(logAction_);
    paletteBox_->setCurrentIndex(std::max(0, paletteBox_->findData(int(palette))));
    rangeBox_->setCurrentIndex(
        std::max(0, rangeBox_->findData(settings.value(QStringLiteral("range"), int(RangeMode::Percentile)).toInt())));
    double low = settings.value(QStringLiteral("fixedLow"), 0.0).toDouble();
    double high = settings.value(QStringLiteral("fixedHigh"), 100.0).toDouble();
    if (const auto native = layerFluxUnit()) {
        // A fixed range of a flux is kept with its unit, and shown in the window's.
        const auto stored = FluxUnitChoice::fromKey(settings.value(QStringLiteral("fixedUnit")).toString()).value_or(*native);
        low = data::units::convert(low, stored, fluxUnit_->unit());
        high = data::units::convert(high, stored, fluxUnit_->unit());
    }
    rangeLow_->setValue(low);
    rangeHigh_->setValue(high);
    logAction_->setChecked(settings.value(QStringLiteral("log"), false).toBool());
    updateStyleControls();
}

void MainWindow::saveMapStyle() const
{
    const QString key = styleKey();
    if (key.isEmpty() || data::layout::isCategorical(key.toStdString()))
        return; // classes have one style
    QSettings settings;
    settings.beginGroup(QStringLiteral("mapStyle/") + key);
    if (key != QStringLiteral("prediction-difference")) // always diverging
        settings.setValue(QStringLiteral("palette"), paletteBox_->currentData());
    settings.setValue(QStringLiteral("range"), rangeBox_->currentData());
    settings.setValue(QStringLiteral("fixedLow"), rangeLow_->value());
    settings.setValue(QStringLiteral("fixedHigh"), rangeHigh_->value());
    if (layerFluxUnit())
        settings.setValue(QStringLiteral("fixedUnit"), FluxUnitChoice::key(fluxUnit_->unit()));
    settings.setValue(QStringLiteral("log"), logAction_->isChecked());
}

void MainWindow::updateStyleControls()
{
    // The controls show what the layer really uses, and offer only what applies to it.
    const QString key = styleKey();
    const bool categorical = data::layout::isCategorical(key.toStdString());
    const bool difference = key == QStringLiteral("prediction-difference");
    const auto palette = Palette(paletteBox_->currentData().toInt());
    paletteBox_->setEnabled(!categorical && !difference);
    rangeBox_->setEnabled(!categorical);
    const bool fixed = !categorical && RangeMode(rangeBox_->currentData().toInt()) == RangeMode::Fixed;
    rangeLowAction_->setVisible(fixed);
    rangeHighAction_->setVisible(fixed);
    logAction_->setEnabled(!categorical && palette != Palette::Diverging);
}

MapStyle MainWindow::mapStyle() const
{
    MapStyle style;
    style.palette =
        data::layout::isCategorical(styleKey().toStdString()) ? Palette::Categorical : Palette(paletteBox_->currentData().toInt());
    style.range = RangeMode(rangeBox_->currentData().toInt());
    style.fixedLow = rangeLow_->value();
    style.fixedHigh = rangeHigh_->value();
    style.logarithmic = logAction_->isChecked() && style.palette != Palette::Diverging && style.palette != Palette::Categorical;
    style.fluxUnit = fluxUnit_->unit();
    return style;
}

std::optional<data::units::Flux> MainWindow::layerFluxUnit() const
{
    if (variableBox_->currentPrediction())
        return data::units::Flux::NmolPerSquareMetrePerSecond; // what the engine predicts in
    if (!dataset_ || !dataset_->grid())
        return std::nullopt;
    const auto *variable = dataset_->grid()->findVariable(variableBox_->currentVariable().toStdString());
    return variable ? data::units::parseFlux(variable->units) : std::nullopt;
}

void MainWindow::onFluxUnitChanged(data::units::Flux unit)
{
    variableBox_->setFluxUnit(unit);
    timeSeries_->setUnit(unit);
    runs_->setFluxUnit(unit);
    sites_->setFluxUnit(unit);
    if (!dataset_)
        return;
    loadMapStyle(); // a fixed range of a flux, in the new unit
    requestField();
    const std::vector<GlobeMarker> markers = towerMarkers(); // their tooltips give the mean flux
    globe_->setMarkers(markers);
    globe_->setSelectedMarkers(selectedSites());
    flat_->setMarkers(markers);
}

void MainWindow::setPresentationMode(bool on)
{
    if (on == presenting_)
        return;
    presenting_ = on;
    if (on) {
        normalFont_ = QApplication::font();
        QFont larger = normalFont_;
        larger.setPointSizeF(normalFont_.pointSizeF() * 1.4); // readable from the back of a room
        QApplication::setFont(larger);
        wasMaximized_ = isMaximized();
        showFullScreen();
        rotationTimer_->start();
        if (playAction_->isEnabled())
            playAction_->setChecked(true);
    } else {
        rotationTimer_->stop();
        playAction_->setChecked(false);
        QApplication::setFont(normalFont_);
        if (wasMaximized_)
            showMaximized();
        else
            showNormal();
    }
}

QPixmap MainWindow::grabMap()
{
    globe_->settle();
    return centralWidget()->grab();
}

QImage MainWindow::mapFigure(int width) const
{
    if (!field_)
        return {};
    return renderMapFigure(globe_->displayedImage(), globe_->markers(), field_->scale, colourBar_->caption(), width);
}

QString MainWindow::demoDatasetPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/demo-data");
}

void MainWindow::openStartupDataset()
{
    for (const QString &path : QSettings().value(QStringLiteral("recentDatasets")).toStringList())
        if (QFileInfo::exists(path)) {
            openDataset(path);
            return;
        }
    openDemoDataset();
}

void MainWindow::openDemoDataset(const data::DemoOptions &options)
{
    const QString path = demoDatasetPath();
    if (QFileInfo::exists(path)) {
        openDataset(path);
        return;
    }
    if (demoMaker_ && demoMaker_->isActive())
        return;
    statusBar()->showMessage(tr("Making the synthetic demo dataset in %1…").arg(QDir::toNativeSeparators(path)));
    demoMaker_ = tasks_->run(
        TaskManager::Lane::Compute, tr("Making the demo dataset"), this,
        [path, options](Feedback &feedback) {
            QDir().mkpath(QFileInfo(path).absolutePath());
            (void)data::makeDemoDataset(path.toStdString(), options, feedback); // leaves nothing half-made when canceled
            return true;
        },
        [this, path](bool &&) { openDataset(path); });
    connect(demoMaker_, &Task::finished, this, [this](bool ok, const QString &error) {
        if (ok)
            return;
        const QString message = tr("Could not make the demo dataset: %1").arg(error.isEmpty() ? tr("canceled") : error);
        if (error.isEmpty())
            statusBar()->showMessage(message, 5000); // asked for: no dialog about it
        else
            onDatasetFailed(message);
    });
}

void MainWindow::chooseDataset()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open X-MethaneWet Dataset"));
    if (!folder.isEmpty())
        openDataset(folder);
}

void MainWindow::updateExportActions()
{
    for (QAction *action : mapExportActions_)
        action->setEnabled(field_.has_value());
    for (QAction *action : seriesExportActions_)
        action->setEnabled(!timeSeries_->isEmpty());
    predictionExport_->setEnabled(variableBox_ && variableBox_->currentPrediction() != nullptr);
}

void MainWindow::exportWith(const QString &title, const QString &filter, const QString &suffix,
                            const std::function<QString(const QString &)> &write)
{
    QFileDialog dialog(this, title, QString(), filter);
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setDefaultSuffix(suffix);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    const QString path = dialog.selectedFiles().constFirst();
    const QString error = write(path);
    if (error.isEmpty())
        statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
    else
        QMessageBox::warning(this, title, error);
}

void MainWindow::updateRecentMenu()
{
    recentMenu_->clear();
    const QStringList recent = QSettings().value(QStringLiteral("recentDatasets")).toStringList();
    for (const QString &path : recent)
        recentMenu_->addAction(QDir::toNativeSeparators(path), this, [this, path] { openDataset(path); });
    if (!recent.isEmpty()) {
        recentMenu_->addSeparator();
        recentMenu_->addAction(tr("&Clear Menu"), this, [this] {
            QSettings().remove(QStringLiteral("recentDatasets"));
            updateRecentMenu();
        });
    }
    recentMenu_->setEnabled(!recent.isEmpty());
}

void MainWindow::rememberDataset(const QString &path)
{
    constexpr int kRecentLimit = 8;
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("recentDatasets")).toStringList();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    settings.setValue(QStringLiteral("recentDatasets"), recent.mid(0, kRecentLimit));
    updateRecentMenu();
}

void MainWindow::stepDate(int days, int months)
{
    if (!mapBar_->isEnabled())
        return;
    dateEdit_->setDate(dateEdit_->date().addMonths(months).addDays(days)); // clamped to the dataset's years
}

void MainWindow::openDataset(const QString &path, const InitialView &initial)
{
    initial_ = initial;
    statusBar()->showMessage(tr("Opening %1…").arg(QDir::toNativeSeparators(path)));
    loader_->open(path);
}

void MainWindow::onDatasetLoaded(const DatasetPtr &dataset, const QString &path)
{
    dataset_ = dataset;
    field_.reset();
    playAction_->setChecked(false);
    updateExportActions();
    globe_->showPicture({}); // the bare surface until the new dataset's first map
    colourBar_->clear();
    setWindowTitle(tr("%1 — X-MethaneWet Explorer").arg(QFileInfo(path).fileName()));
    statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(path)), 5000);

    const auto &grid = dataset_->grid();
    // What a scripted start asked for and this dataset cannot show is said, never silently replaced.
    QStringList problems;
    const QString variable = matchVariable(initial_.variable, &problems);
    const bool dateFits = initial_.date && grid && !grid->years().empty() && initial_.date->year >= grid->years().front() &&
        initial_.date->year <= grid->years().back();
    if (initial_.date && grid && !grid->years().empty() && !dateFits)
        problems << tr("%1 is outside the dataset's days, %2 to %3")
                        .arg(toQDate(*initial_.date).toString(Qt::ISODate), QDate(grid->years().front(), 1, 1).toString(Qt::ISODate),
                             QDate(grid->years().back(), 12, 31).toString(Qt::ISODate));
    QStringList sites;
    for (const QString &id : initial_.sites) {
        const std::string canonical = data::canonicalSiteId(id.toStdString());
        if (dataset_->sites() && dataset_->sites()->find(canonical))
            sites << QString::fromStdString(canonical);
        else
            problems << tr("No tower '%1' in this dataset").arg(id);
    }
    {
        const QSignalBlocker blockDates(dateEdit_);
        variableBox_->setVariables(grid ? &*grid : nullptr, variable);
        if (grid && !grid->years().empty()) {
            dateEdit_->setDateRange(QDate(grid->years().front(), 1, 1), QDate(grid->years().back(), 12, 31));
            // Northern summer by default: wetlands emit.
            dateEdit_->setDate(dateFits ? toQDate(*initial_.date) : QDate(grid->years().front(), 7, 15));
            fitDatesToLayer();
        }
    }
    mapBar_->setEnabled(grid.has_value());
    for (QAction *action : mapActions_)
        action->setEnabled(grid.has_value());
    rememberDataset(path);
    QStringList drivers;
    if (grid)
        for (const char *name : {"TAIR", "PREC", "SOLR", "VAPR", "NPP"})
            if (grid->findVariable(name))
                drivers << QLatin1String(name);
    timeSeries_->setDriverChoices(drivers);
    training_->setDataset(grid && dataset_->sites() && QFileInfo(path).isDir() ? path : QString(), dataset_);
    runs_->setDataset(dataset_);
    benchmark_->setDatasetFolder(grid && dataset_->sites() && QFileInfo(path).isDir() ? path : QString());
    selectedCell_.reset();
    showTowers();
    if (!sites.isEmpty()) {
        selectSites(sites);
        showTowersInView(sites);
    }
    pendingRuns_ = {};
    if (!initial_.runs.isEmpty() && problems.isEmpty()) {
        pendingRuns_ = initial_;
        applyInitialRuns(); // or when the run store has read the folder
    }
    initial_ = {};
    loadMapStyle();
    Q_EMIT datasetLoaded();
    if (!problems.isEmpty()) {
        const QString message = problems.join(QStringLiteral("; "));
        statusBar()->showMessage(message, 15000);
        Q_EMIT datasetFailed(message); // a scripted view that cannot be shown as asked
    }
    if (grid)
        requestField();
}

// Towers asked for at start-up (--site) are turned to, so that a scripted view shows them.
void MainWindow::showTowersInView(const QStringList &ids)
{
    std::vector<geo::GeoPoint> points;
    for (const GlobeMarker &marker : globe_->markers())
        if (ids.contains(marker.id))
            points.push_back(marker.position);
    if (const auto view = GlobeCamera::framing(points)) {
        globe_->setCenter(view->center);
        globe_->setDistance(view->distance);
        flat_->setView(view->center, std::max(flat_->zoom(), points.size() == 1 ? 4.0 : 1.0));
    }
}

QString MainWindow::matchVariable(const QString &asked, QStringList *problems) const
{
    const auto &grid = dataset_->grid();
    if (asked.isEmpty() || !grid)
        return asked;
    if (grid->findVariable(asked.toStdString()))
        return asked;
    // "tair" means TAIR: a unique match but for case is taken; anything else is named as missing.
    QStringList names, matches;
    for (const auto &v : grid->variables()) {
        const QString name = QString::fromStdString(v.name);
        names << name;
        if (name.compare(asked, Qt::CaseInsensitive) == 0)
            matches << name;
    }
    if (matches.size() == 1)
        return matches.front();
    *problems << tr("No variable '%1' in this dataset (it has %2)").arg(asked, names.join(QStringLiteral(", ")));
    return {};
}

void MainWindow::onDatasetFailed(const QString &message)
{
    statusBar()->clearMessage();
    Q_EMIT datasetFailed(message);
    // Non-modal, so that scripted use and tests are never blocked by it.
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Could not open the dataset"), message, QMessageBox::Close, this);
    box->setObjectName(QStringLiteral("datasetError"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::showMap(const QString &variable, data::Date date)
{
    {
        const QSignalBlocker block(variableBox_);
        variableBox_->setCurrentIndex(variableBox_->findData(variable));
    }
    fitDatesToLayer(); // the whole record again, if a prediction's year was shown
    updateExportActions();
    dateEdit_->setDate(toQDate(date)); // requests the field, unless the date is unchanged
    requestField();
}

void MainWindow::requestField()
{
    if (!dataset_ || !dataset_->grid() || variableBox_->currentIndex() < 0)
        return;
    const auto period = data::Period(periodBox_->currentData().toInt());
    bool difference = false;
    if (const PredictionLayerPtr layer = variableBox_->currentPrediction(&difference))
        fields_->request(layer, difference, fromQDate(dateEdit_->date()), mapStyle(), period, globe_->surfaceImage());
    else
        fields_->request(dataset_, variableBox_->currentVariable(), fromQDate(dateEdit_->date()), mapStyle(), period,
                         globe_->surfaceImage());
    if (selectedCell_ && dateEdit_->date().year() != seriesYear_)
        requestSeries(); // the cell's series follows the map's year
}

void MainWindow::onLayerChanged()
{
    loadMapStyle();
    fitDatesToLayer();
    updateExportActions();
    requestField();
}

void MainWindow::fitDatesToLayer()
{
    // A prediction layer covers its year only: the date controls span that year while it is shown.
    QDate first, last;
    if (const PredictionLayerPtr layer = variableBox_->currentPrediction()) {
        first = QDate(layer->year->year, 1, 1);
        last = QDate(layer->year->year, 12, 31);
    } else if (dataset_ && dataset_->grid() && !dataset_->grid()->years().empty()) {
        first = QDate(dataset_->grid()->years().front(), 1, 1);
        last = QDate(dataset_->grid()->years().back(), 12, 31);
    } else {
        return;
    }
    QDate date = dateEdit_->date();
    if (date < first || date > last) { // the same day of the year, in the range
        const int year = std::clamp(date.year(), first.year(), last.year());
        date = QDate(year, date.month(), std::min(date.day(), QDate(year, date.month(), 1).daysInMonth()));
    }
    const QSignalBlocker blockDates(dateEdit_), blockSlider(dateSlider_);
    dateEdit_->setDateRange(first, last);
    dateEdit_->setDate(date);
    dateSlider_->setRange(0, int(first.daysTo(last)));
    dateSlider_->setPageStep(30);
    dateSlider_->setValue(int(first.daysTo(date)));
}

void MainWindow::addPrediction(const PredictionLayerPtr &layer)
{
    if (!layer || !layer->year || !dataset_ || !dataset_->grid())
        return;
    variableBox_->addPrediction(layer); // and shows it
    statusBar()->showMessage(tr("Upscaled %1: %n land cell(s) in %2 s", nullptr, int(layer->year->cells.size()))
                                 .arg(layer->title())
                                 .arg(layer->year->seconds, 0, 'f', 1),
                             10000);
}

void MainWindow::applyInitialRuns()
{
    if (pendingRuns_.runs.isEmpty() || runStore_->folder().isEmpty() || !dataset_)
        return;
    if (runStore_->isReading())
        return; // changed() calls again when the folder has been read
    QStringList paths, missing;
    for (const QString &wanted : pendingRuns_.runs) {
        // A bare name ("lstm-ft.h5", or "lstm-ft") is a run of the dataset's runs/ folder; a path is a path.
        const QString file = QString::fromStdString(learn::resolveRunPath(dataset_->root(), wanted.toStdString()).string());
        const QString canonical = QFileInfo(file).canonicalFilePath();
        const auto found = std::find_if(runStore_->runs().begin(), runStore_->runs().end(), [&](const RunStore::Run &run) {
            return !canonical.isEmpty() && QFileInfo(run.path).canonicalFilePath() == canonical;
        });
        if (found == runStore_->runs().end())
            missing << wanted;
        else
            paths << found->path;
    }
    const InitialView asked = std::exchange(pendingRuns_, InitialView{});
    if (!missing.isEmpty()) {
        Q_EMIT datasetFailed(tr("Not a run of this dataset (its runs/ folder): %1").arg(missing.join(QStringLiteral(", "))));
        return;
    }
    runs_->selectRuns(paths);
    if (asked.upscaleYear != 0) {
        pendingRuns_.upscaleYear = asked.upscaleYear;
        pendingRuns_.difference = asked.difference;
        if (!runs_->upscaleSelected(asked.upscaleYear))
            Q_EMIT datasetFailed(tr("Could not upscale %1 over %2").arg(paths.join(QStringLiteral(", "))).arg(asked.upscaleYear));
    }
}

void MainWindow::exportPrediction()
{
    const PredictionLayerPtr layer = variableBox_->currentPrediction();
    if (!layer || (predictionWriter_ && predictionWriter_->isActive()))
        return;
    QFileDialog dialog(this, tr("Export Prediction"), QStringLiteral("prediction_%1.nc").arg(layer->year->year), tr("NetCDF files (*.nc)"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setDefaultSuffix(QStringLiteral("nc"));
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    const QString path = dialog.selectedFiles().constFirst();
    // A 0.5° year is a few hundred MB before compression: written on a worker thread.
    predictionWriter_ = tasks_->run(
        TaskManager::Lane::Io, tr("Exporting %1").arg(QFileInfo(path).fileName()), this,
        [layer, path](Feedback &) { return writePredictionNetcdf(*layer, path); },
        [this, path](QString &&error) {
            if (error.isEmpty())
                statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
            else
                QMessageBox::warning(this, tr("Export Prediction"), error);
        });
}

void MainWindow::onFieldReady(const FieldRequester::Field &field)
{
    field_ = field;
    const ColourScale &scale = field.scale;
    globe_->showPicture(field.picture);
    const QString units = field.units.isEmpty() ? QString() : tr(" [%1]").arg(typesetUnit(field.units));
    const QString month = QDate(field.date.year, field.date.month, 1).toString(QStringLiteral("yyyy-MM"));
    QString when = field.cadence == data::Cadence::Static ? tr("static field")
        : field.period == data::Period::Year              ? tr("%1 annual mean").arg(field.date.year)
        : field.period == data::Period::Month     ? (field.cadence == data::Cadence::Monthly ? month : tr("%1 monthly mean").arg(month))
        : field.cadence == data::Cadence::Monthly ? month
                                                  : toQDate(field.date).toString(Qt::ISODate);
    if (field.prediction && field.period == data::Period::Day && data::isLeapDay(field.date))
        when += tr(" (28 February: the benchmark's years have 365 days)");
    const QString what = !field.prediction ? field.variable
        : field.difference                 ? tr("Prediction − TEM-MDM, %1").arg(field.prediction->title())
                                           : tr("Prediction, %1").arg(field.prediction->title());
    updateExportActions();
    const RangeMode range = RangeMode(rangeBox_->currentData().toInt());
    QString how = scale.isCategorical() ? tr("one colour per class")
        : range == RangeMode::Fixed     ? tr("fixed colour range")
        : range == RangeMode::MinMax    ? tr("colours span the minimum to the maximum")
                                        : tr("colours span the 2nd to 98th percentile");
    if (scale.palette() == Palette::Diverging)
        how += tr(", centred on zero");
    if (scale.isLogarithmic())
        how += tr(", log scale");
    else if (logAction_->isChecked() && scale.palette() != Palette::Diverging && !scale.isCategorical())
        how += tr(" (no positive values for a log scale)");
    colourBar_->setScale(scale, tr("%1%2, %3 — %4").arg(what, units, when, how));
    Q_EMIT mapShown();
}

void MainWindow::showTowers()
{
    const std::vector<GlobeMarker> markers = towerMarkers();
    globe_->setMarkers(markers);
    flat_->setMarkers(markers);
    sites_->setDataset(dataset_);
    towerLegend_->setVisible(!markers.empty());
    siteSelection_->clear();
}

std::vector<GlobeMarker> MainWindow::towerMarkers() const
{
    std::vector<GlobeMarker> markers;
    if (dataset_->sites()) {
        for (const auto &site : dataset_->sites()->sites()) {
            const auto &info = site.info;
            const auto years = site.series.years();
            const double mean = site.series.measuredMean();
            QString tooltip = QStringLiteral("<b>%1</b> %2<br>%3<br>")
                                  .arg(QString::fromStdString(info.id).toHtmlEscaped(), QString::fromStdString(info.name).toHtmlEscaped(),
                                       formatLatLon(info.lat, info.lon));
            tooltip += tr("%1–%2, %3 days, FCH4 measured on %4")
                           .arg(years.front())
                           .arg(years.back())
                           .arg(site.series.dates.size())
                           .arg(site.series.measuredDays());
            tooltip += QStringLiteral("<br>") + (info.wetlandType ? tr("wetland type %1").arg(*info.wetlandType) : tr("no wetland type"));
            if (info.climateType)
                tooltip += tr(", climate type %1").arg(*info.climateType);
            if (std::isfinite(mean))
                tooltip +=
                    QStringLiteral("<br>") + tr("mean FCH4 %1 %2").arg(fluxUnit_->fromNmol(mean), 0, 'f', 1).arg(fluxUnit_->symbol());
            markers.push_back({QString::fromStdString(info.id), {info.lat, info.lon}, wetlandColour(info.wetlandType), tooltip});
        }
    }
    return markers;
}

const QStringList &MainWindow::selectedSites() const { return siteSelection_->selected(); }

void MainWindow::setFlatMap(bool flat) { flatAction_->setChecked(flat); }

bool MainWindow::isFlatMap() const { return mapStack_->currentWidget() == flat_; }

void MainWindow::selectSites(const QStringList &ids) { siteSelection_->select(ids); }

void MainWindow::selectCell(double lat, double lon, bool addToTowers)
{
    if (!field_ || !dataset_ || !dataset_->grid())
        return;
    const auto &grid = dataset_->grid()->grid();
    const float value = field_->values[std::size_t(grid.row(lat)) * std::size_t(grid.cols) + std::size_t(grid.col(lon))];
    if (!std::isfinite(value)) {
        statusBar()->showMessage(tr("No TEM-MDM data at %1 (ocean or missing)").arg(formatLatLon(lat, lon)), 5000);
        return;
    }
    selectedCell_ = std::pair(grid.lat(grid.row(lat)), grid.lon(grid.col(lon)));
    statusBar()->showMessage(tr("Selected cell %1").arg(formatLatLon(selectedCell_->first, selectedCell_->second)), 5000);
    if (!addToTowers && !siteSelection_->isEmpty()) {
        siteSelection_->clear(); // requests the series, the cell's included
    } else {
        requestSeries();
    }
}

void MainWindow::requestSeries()
{
    SeriesSelection selection;
    selection.towers = selectedSites();
    selection.cell = selectedCell_;
    selection.cellYear = seriesYear_ = dateEdit_->date().year();
    selection.driver = timeSeries_->driver();
    selection.runs = runs_->selectedRuns();
    siteSeries_->request(dataset_, selection);
}

void MainWindow::onMarkerClicked(const QString &id, Qt::KeyboardModifiers modifiers)
{
    if (!(modifiers & Qt::ControlModifier))
        selectedCell_.reset(); // a plain click on a tower shows that tower alone
    siteSelection_->click(id, modifiers & Qt::ControlModifier);
}

void MainWindow::showCursorPosition(double lat, double lon)
{
    QString text = formatLatLon(lat, lon);
    if (field_ && dataset_ && dataset_->grid()) {
        const auto &grid = dataset_->grid()->grid();
        const float value = field_->values[std::size_t(grid.row(lat)) * std::size_t(grid.cols) + std::size_t(grid.col(lon))];
        text += std::isfinite(value) ? tr(" — %1 %2 %3").arg(field_->variable).arg(double(value), 0, 'g', 4).arg(typesetUnit(field_->units))
                                     : tr(" — %1 no value").arg(field_->variable);
    }
    positionLabel_->setText(text);
}

void MainWindow::clearCursorPosition() { positionLabel_->setText(tr("Off the globe")); }

bool MainWindow::showPanel(const QString &name)
{
    static const QMap<QString, QString> docks = {{QStringLiteral("time-series"), QStringLiteral("timeSeriesDock")},
                                                 {QStringLiteral("training"), QStringLiteral("trainingDock")},
                                                 {QStringLiteral("runs"), QStringLiteral("runsDock")},
                                                 {QStringLiteral("benchmark"), QStringLiteral("benchmarkDock")},
                                                 {QStringLiteral("sites"), QStringLiteral("sitesDock")}};
    auto *dock = docks.contains(name) ? findChild<QDockWidget *>(docks.value(name)) : nullptr;
    if (!dock)
        return false;
    dock->show();
    dock->raise();
    return true;
}

} // namespace xmw::ui
