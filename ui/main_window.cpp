#include "ui/main_window.h"

#include "core/data/benchmark_sites.h"
#include "core/data/dataset.h"
#include "core/data/grid_dataset.h"
#include "core/learn/run_file.h"
#include "ui/app/flux_unit_choice.h"
#include "ui/app/reactions/export_reactions.h"
#include "ui/app/reactions/file_reactions.h"
#include "ui/app/reactions/help_reactions.h"
#include "ui/app/reactions/map_reactions.h"
#include "ui/app/reactions/view_reactions.h"
#include "ui/app/tour.h"
#include "ui/app/unit_text.h"
#include "ui/benchmark/benchmark_panel.h"
#include "ui/benchmark/sweep_runner.h"
#include "ui/budget/budget_panel.h"
#include "ui/coordinates.h"
#include "ui/data/qt_dates.h"
#include "ui/globe/flat_map_view.h"
#include "ui/globe/globe_view.h"
#include "ui/map/colour_bar.h"
#include "ui/map/colour_scale.h"
#include "ui/map/layer_box.h"
#include "ui/map/map_figure.h"
#include "ui/map/map_style_bar.h"
#include "ui/map/map_tool_bar.h"
#include "ui/plots/site_series_requester.h"
#include "ui/plots/time_series_panel.h"
#include "ui/sites/site_selection_model.h"
#include "ui/sites/sites_panel.h"
#include "ui/sites/tower_legend.h"
#include "ui/sites/tower_markers.h"
#include "ui/sites/wetland_types.h"
#include "ui/tasks/task_manager.h"
#include "ui/tasks/task_status_widget.h"
#include "ui/training/run_browser.h"
#include "ui/training/training_panel.h"
#include "ui/training/upscale_runner.h"

#include <QAction>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QMap>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace xmw::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , globe_(new GlobeView)
    , flat_(new FlatMapView)
    , mapStack_(new QStackedWidget)
    , colourBar_(new ColourBar)
    , positionLabel_(new QLabel(this))
    , tasks_(new TaskManager(this))
    , siteSelection_(new SiteSelectionModel(this))
    , mapBar_(new MapToolBar(this))
    , styleBar_(new MapStyleBar(this))
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
        // What the plot shows: the towers, and a cell selected beside them (Ctrl+click).
        QString what = ids.isEmpty() ? QString() : tr("Selected: %1").arg(ids.join(QStringLiteral(", ")));
        if (selectedCell_)
            what = ids.isEmpty() ? tr("Selected cell %1").arg(formatLatLon(selectedCell_->first, selectedCell_->second))
                                 : tr("%1 and the cell at %2").arg(what, formatLatLon(selectedCell_->first, selectedCell_->second));
        statusBar()->showMessage(what.isEmpty() ? tr("No tower selected") : what, 5000);
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

    addToolBar(mapBar_);
    addToolBar(styleBar_);
    connect(this, &MainWindow::mapShown, this, &MainWindow::wrapToolBars); // a layer may show more controls
    mapBar_->layers()->setFluxUnit(fluxUnit_->unit());
    connect(mapBar_->layers(), &QComboBox::currentIndexChanged, this, &MainWindow::onLayerChanged);
    connect(mapBar_, &MapToolBar::dateChanged, this, &MainWindow::requestField);
    connect(mapBar_, &MapToolBar::periodChanged, this, &MainWindow::requestField);
    connect(styleBar_, &MapStyleBar::styleChanged, this, &MainWindow::requestField);

    createDocks();
    connect(fluxUnit_, &FluxUnitChoice::changed, this, &MainWindow::onFluxUnitChanged);
    createMenus();
    createTowerLegend();
    resize(1200, 800);
    // The layout the user left, if any (geometry, docks, toolbars).
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    if (!restoreState(settings.value(QStringLiteral("window/state")).toByteArray()))
        resizeDocks({findChild<QDockWidget *>(QStringLiteral("timeSeriesDock"))}, {height() / 3},
                    Qt::Vertical); // a first start: the map gets most of the height
}

void MainWindow::createDocks()
{
    const auto addDock = [this](const QString &title, const char *name, QWidget *panel, Qt::DockWidgetArea area) {
        auto *dock = new QDockWidget(title, this);
        dock->setObjectName(QLatin1String(name));
        dock->setWidget(panel);
        addDockWidget(area, dock);
        return dock;
    };
    timeSeries_ = new TimeSeriesPanel;
    siteSeries_ = new SiteSeriesRequester(this);
    QDockWidget *seriesDock = addDock(tr("Time series"), "timeSeriesDock", timeSeries_, Qt::BottomDockWidgetArea);
    connect(timeSeries_, &TimeSeriesPanel::driverChanged, this, &MainWindow::requestSeries);
    timeSeries_->setUnit(fluxUnit_->unit());
    connect(timeSeries_, &TimeSeriesPanel::unitChosen, fluxUnit_, &FluxUnitChoice::setUnit);
    connect(siteSeries_, &SiteSeriesRequester::ready, this, [this](const std::vector<SitePlotData> &sites) {
        timeSeries_->showSites(sites);
        Q_EMIT timeSeriesShown();
    });
    connect(siteSeries_, &SiteSeriesRequester::failed, this,
            [this](const QString &message) { statusBar()->showMessage(tr("Could not read the towers' series: %1").arg(message), 10000); });

    runStore_ = new RunStore(tasks_, this);
    training_ = new TrainingPanel(runStore_);
    QDockWidget *trainingDock = addDock(tr("Training"), "trainingDock", training_, Qt::BottomDockWidgetArea);
    connect(siteSelection_, &SiteSelectionModel::changed, training_, &TrainingPanel::setSelectedSites);
    connect(training_, &TrainingPanel::runFinished, this, [this](const QString &runFile) {
        statusBar()->showMessage(tr("Training finished: %1").arg(QDir::toNativeSeparators(runFile)), 10000);
    });

    runs_ = new RunBrowser(runStore_);
    QDockWidget *runsDock = addDock(tr("Runs"), "runsDock", runs_, Qt::BottomDockWidgetArea);
    connect(runs_, &RunBrowser::selectionChanged, this, &MainWindow::requestSeries); // their predictions join the plot
    connect(runs_, &RunBrowser::predictionReady, this, [this](const PredictionLayerPtr &layer) {
        addPrediction(layer);
        pendingRuns_.upscaleYear = 0;
        if (std::exchange(pendingRuns_.difference, false))
            layers()->setCurrentIndex(layers()->currentIndex() + 1);
    });
    connect(runStore_, &RunStore::changed, this, &MainWindow::applyInitialRuns);
    connect(runs_->upscaler(), &UpscaleRunner::failed, this, [this](const QString &message) {
        if (std::exchange(pendingRuns_.upscaleYear, 0) != 0)
            Q_EMIT datasetFailed(message); // a scripted view that cannot be shown as asked
    });
    connect(runStore_, &RunStore::failed, this, [this](const QString &message) { statusBar()->showMessage(message, 10000); });

    benchmark_ = new BenchmarkPanel(runStore_);
    QDockWidget *benchmarkDock = addDock(tr("Benchmark"), "benchmarkDock", benchmark_, Qt::BottomDockWidgetArea);
    // A cell's runs become the Runs panel's selection, and so join the plots.
    connect(benchmark_, &BenchmarkPanel::runsChosen, this, [this, runsDock](const QStringList &files) {
        runsDock->raise();
        runs_->selectRuns(files);
    });
    budget_ = new BudgetPanel(tasks_);
    QDockWidget *budgetDock = addDock(tr("Budget"), "budgetDock", budget_, Qt::BottomDockWidgetArea);
    connect(budget_, &BudgetPanel::failed, this, [this](const QString &message) { statusBar()->showMessage(message, 10000); });
    // A region is drawn on the flat map (the globe turns under the pointer), then becomes the budget's.
    connect(budget_, &BudgetPanel::drawRegionRequested, this, [this] {
        setFlatMap(true);
        flat_->startRegionDrawing();
    });
    connect(flat_, &FlatMapView::regionDrawingChanged, this, [this](bool drawing) {
        if (drawing)
            statusBar()->showMessage(tr("Click the region's corners on the map; double-click or Enter closes it, Backspace takes "
                                        "a corner back, Esc gives up"));
        else
            statusBar()->clearMessage();
    });
    connect(flat_, &FlatMapView::regionDrawn, this, [this, budgetDock](const QList<QPointF> &corners) {
        budget_->setDrawnRegion(corners);
        budgetDock->show();
        budgetDock->raise();
    });
    connect(this, &MainWindow::flatMapChanged, flat_, [this](bool flat) {
        if (!flat)
            flat_->cancelRegionDrawing();
    });
    tabifyDockWidget(seriesDock, trainingDock);
    tabifyDockWidget(trainingDock, runsDock);
    tabifyDockWidget(runsDock, benchmarkDock);
    tabifyDockWidget(benchmarkDock, budgetDock);
    seriesDock->raise();

    sites_ = new SitesPanel;
    addDock(tr("Sites"), "sitesDock", sites_, Qt::RightDockWidgetArea);
    // Towers picked in the table replace what is plotted, as a plain click on the globe does: the
    // cell goes first (this runs before the selection's own reaction, connected next).
    connect(sites_, &SitesPanel::selectionChanged, this, [this] { selectedCell_.reset(); });
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
    budget_->setFluxUnit(fluxUnit_->unit());
}

void MainWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    wrapToolBars();
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        QTimer::singleShot(0, this, &MainWindow::wrapToolBars); // once the bars have taken the new font
}

void MainWindow::wrapToolBars()
{
    if (toolBarArea(mapBar_) != Qt::TopToolBarArea || toolBarArea(styleBar_) != Qt::TopToolBarArea)
        return; // moved by the user: their arrangement stands
    const bool wrap = mapBar_->sizeHint().width() + styleBar_->sizeHint().width() + 16 > width();
    if (wrap == toolBarsWrapped_)
        return;
    toolBarsWrapped_ = wrap;
    if (wrap)
        insertToolBarBreak(styleBar_);
    else
        removeToolBarBreak(styleBar_);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Training, a sweep and an animation are what a user would lose: ask. Other work (reading,
    // upscaling a year, a file export) is canceled or, for a file being written, finished by the
    // task manager as the window goes.
    const auto userKeepsIt = [this](const QString &title, const QString &text) {
        return QMessageBox::question(this, title, text, QMessageBox::Cancel | QMessageBox::Close, QMessageBox::Cancel) !=
            QMessageBox::Close;
    };
    // Asked when its turn comes: an export may end while an earlier question is open.
    const auto exporting = [this] {
        return std::any_of(animations_.begin(), animations_.end(), [](const QPointer<Task> &t) { return t && t->isActive(); });
    };
    if ((tasks_->isBusy(TaskManager::Lane::Training) &&
         userKeepsIt(tr("Training is running"),
                     tr("Training jobs are still running or waiting. Cancel them and close? A canceled job keeps "
                        "its last finished epoch; the Training panel offers to resume it when this dataset is "
                        "opened again (or use xmw train … --resume)."))) ||
        (tasks_->isBusy(TaskManager::Lane::Sweep) &&
         userKeepsIt(tr("A sweep is running"),
                     tr("A sweep is training in the background. Stop it and close? Each running run keeps its last "
                        "finished epoch; starting the same sweep again goes on from there."))) ||
        (exporting() &&
         userKeepsIt(tr("An animation is being exported"),
                     tr("An animation is still being written. Stop it and close? The unfinished video is "
                        "not kept.")))) {
        event->ignore();
        return;
    }
    tasks_->cancelAll();
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    QMainWindow::closeEvent(event);
}

void MainWindow::createMenus()
{
    // What each action does is its reaction's; here it gets its words, keys and place.
    const auto action = [this](QMenu *menu, const QString &text, const char *name, const QString &tip = {}) {
        QAction *made = menu->addAction(text);
        made->setObjectName(QLatin1String(name));
        made->setStatusTip(tip);
        return made;
    };

    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *open = action(fileMenu, tr("&Open Dataset…"), "actionOpenDataset",
                           tr("Open a folder in the X-MethaneWet layout (TEM-MDM/, FLUXNET-CH4/)"));
    open->setShortcut(QKeySequence::Open);
    new OpenDatasetReaction(open, this);
    new OpenDemoReaction(action(fileMenu, tr("Open &Demo Dataset"), "actionOpenDemo",
                                tr("The synthetic demo dataset (made in your data folder the first time)")),
                         this);
    QMenu *recentMenu = fileMenu->addMenu(tr("Open &Recent"));
    recentMenu->setObjectName(QStringLiteral("recentMenu"));
    new RecentDatasetsMenu(recentMenu, this);
    QMenu *exportMenu = fileMenu->addMenu(tr("&Export"));
    new ExportMapReaction(
        action(exportMenu, tr("&Map Image…"), "actionExportMap", tr("The globe with its colour bar and legend, as on screen")), this,
        ExportMapReaction::Kind::Picture);
    new ExportMapReaction(action(exportMenu, tr("&Flat Map Figure…"), "actionExportFlatMap",
                                 tr("The whole world as a flat (equirectangular) map at a width you choose, with towers and colour bar")),
                          this, ExportMapReaction::Kind::FlatFigure);
    new ExportMapReaction(action(exportMenu, tr("&Copy Map Image"), "actionCopyMap"), this, ExportMapReaction::Kind::Clipboard);
    new ExportAnimationReaction(action(exportMenu, tr("&Animation…"), "actionExportAnimation",
                                       tr("The map over a period as a video (MP4, WebM) or GIF, with colour bar, date and towers")),
                                this);
    new ExportPredictionReaction(
        action(exportMenu, tr("&Prediction (CF NetCDF)…"), "actionExportPrediction",
               tr("The upscaled prediction layer on the map, with TEM-MDM's values for the same cells, as CF NetCDF")),
        this);
    exportMenu->addSeparator();
    new ExportSeriesReaction(action(exportMenu, tr("Time Series &Figure…"), "actionExportFigure"), this,
                             ExportSeriesReaction::Kind::Figure);
    new ExportSeriesReaction(action(exportMenu, tr("Time Series &Data (CSV)…"), "actionExportCsv"), this, ExportSeriesReaction::Kind::Csv);
    fileMenu->addSeparator();
    QAction *quit = action(fileMenu, tr("&Quit"), "actionQuit");
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    new QuitReaction(quit, this);

    QMenu *mapMenu = menuBar()->addMenu(tr("&Map")); // placed after View below
    mapMenu->setObjectName(QStringLiteral("mapMenu"));
    QAction *play = action(mapMenu, tr("&Play"), "actionPlay", tr("Step through the days; the map follows as fast as it can be read"));
    play->setShortcut(Qt::Key_Space);
    new PlayReaction(play, this);
    mapBar_->setPlayAction(play);
    mapMenu->addSeparator();
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
    for (const auto &step : steps) {
        QAction *stepAction = action(mapMenu, step.text, step.name);
        stepAction->setShortcut(step.key);
        new StepDateReaction(stepAction, this, step.days, step.months);
    }
    mapMenu->addSeparator();
    mapMenu->addAction(styleBar_->logAction());

    QMenu *viewMenu = new QMenu(tr("&View"), this);
    menuBar()->insertMenu(mapMenu->menuAction(), viewMenu);
    QAction *reset = action(viewMenu, tr("&Reset View"), "actionResetView", tr("Look at the globe from the default position and distance"));
    reset->setShortcut(Qt::Key_Home);
    new ResetViewReaction(reset, this);
    QAction *flat =
        action(viewMenu, tr("&Flat Map"), "actionFlatMap", tr("Show the layer on a flat (equirectangular) map instead of the globe"));
    flat->setShortcut(Qt::CTRL | Qt::Key_M);
    new FlatMapReaction(flat, this);
    presentationAction_ = action(viewMenu, tr("&Presentation Mode"), "actionPresentation",
                                 tr("Full screen, larger text, the globe turning slowly and the days playing (F11 or Esc ends it)"));
    presentationAction_->setShortcuts({QKeySequence(Qt::Key_F11), QKeySequence(QKeySequence::FullScreen)});
    new PresentationModeReaction(presentationAction_, this, play);
    QAction *labels = action(viewMenu, tr("Tower &Labels"), "actionTowerLabels", tr("Write each tower's id beside it"));
    labels->setShortcut(Qt::CTRL | Qt::Key_L);
    new TowerLabelsReaction(labels, this);
    QMenu *unitMenu = viewMenu->addMenu(tr("Flux &Unit"));
    unitMenu->setObjectName(QStringLiteral("fluxUnitMenu"));
    fluxUnit_->addTo(unitMenu);
    viewMenu->addSeparator();
    for (const char *dock : {"timeSeriesDock", "sitesDock", "trainingDock", "runsDock", "benchmarkDock", "budgetDock"})
        viewMenu->addAction(findChild<QDockWidget *>(QLatin1String(dock))->toggleViewAction());
    QAction *find = action(viewMenu, tr("&Find Site…"), "actionFindSite");
    find->setShortcut(QKeySequence::Find);
    new FindSiteReaction(find, this);

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    new TourReaction(action(helpMenu, tr("Take the &Tour"), "actionTour",
                            tr("A few steps through the globe, the towers, the day, the time series and training")),
                     this);
    new AboutDataReaction(action(helpMenu, tr("About the &Data"), "actionAboutData",
                                 tr("What TEM-MDM and FLUXNET-CH4 are, how they differ, and what the benchmark asks")),
                          this);
    QAction *about = action(helpMenu, tr("&About X-MethaneWet Explorer"), "actionAbout");
    about->setMenuRole(QAction::AboutRole);
    new AboutReaction(about, this);
}

void MainWindow::createTowerLegend()
{
    towerLegend_ = new TowerLegend;
    towerLegend_->hide();
    centralWidget()->layout()->addWidget(towerLegend_);
}

LayerBox *MainWindow::layers() const { return mapBar_->layers(); }

Tour *MainWindow::tour()
{
    if (!tour_)
        tour_ = new Tour(this);
    return tour_;
}

QString MainWindow::styleKey() const
{
    bool difference = false;
    if (layers()->currentPrediction(&difference))
        return difference ? QStringLiteral("prediction-difference") : QStringLiteral("prediction");
    return layers()->currentVariable();
}

void MainWindow::showLayerStyle() { styleBar_->showLayer(styleKey(), layerFluxUnit(), fluxUnit_->unit()); }

std::optional<data::units::Flux> MainWindow::layerFluxUnit() const
{
    if (layers()->currentPrediction())
        return data::units::Flux::NmolPerSquareMetrePerSecond; // what the engine predicts in
    if (!dataset_ || !dataset_->grid())
        return std::nullopt;
    const auto *variable = dataset_->grid()->findVariable(layers()->currentVariable().toStdString());
    return variable ? data::units::parseFlux(variable->units) : std::nullopt;
}

void MainWindow::onFluxUnitChanged(data::units::Flux unit)
{
    layers()->setFluxUnit(unit);
    timeSeries_->setUnit(unit);
    runs_->setFluxUnit(unit);
    sites_->setFluxUnit(unit);
    budget_->setFluxUnit(unit);
    if (!dataset_)
        return;
    showLayerStyle(); // a fixed range of a flux, in the new unit
    requestField();
    const std::vector<GlobeMarker> markers = towerMarkers(); // their tooltips give the mean flux
    globe_->setMarkers(markers);
    globe_->setSelectedMarkers(selectedSites());
    flat_->setMarkers(markers);
}

void MainWindow::setPresentationMode(bool on) { presentationAction_->setChecked(on); }

bool MainWindow::isPresenting() const { return presentationAction_->isChecked(); }

QPixmap MainWindow::grabMap()
{
    globe_->settle();
    return centralWidget()->grab();
}

std::optional<MapFigureContent> MainWindow::mapFigureContent() const
{
    if (!field_)
        return std::nullopt;
    return MapFigureContent{globe_->displayedImage(), globe_->markers(), field_->scale, colourBar_->caption()};
}

QImage MainWindow::mapFigure(const FigureSize &size) const
{
    const auto content = mapFigureContent();
    return content ? renderMapFigure(*content, size) : QImage();
}

QString MainWindow::layerTitle(const FieldRequester::Field &field) const
{
    return !field.prediction ? field.variable
        : field.difference   ? tr("Prediction − TEM-MDM, %1").arg(field.prediction->title())
                             : tr("Prediction, %1").arg(field.prediction->title());
}

std::optional<AnimationSpec> MainWindow::animationSpec() const
{
    if (!field_ || !dataset_)
        return std::nullopt;
    AnimationSpec spec;
    spec.layer.dataset = dataset_;
    bool difference = false;
    if (const PredictionLayerPtr prediction = layers()->currentPrediction(&difference)) {
        spec.layer.prediction = prediction;
        spec.layer.difference = difference;
    } else {
        spec.layer.variable = layers()->currentVariable();
    }
    spec.layerTitle = layerTitle(*field_);
    spec.style = styleBar_->style();
    const QDate shown = mapBar_->date();
    spec.from = {shown.year(), 1, 1};
    spec.to = {shown.year(), 12, 31};
    spec.view = isFlatMap() ? AnimationView::FlatMap : AnimationView::Globe;
    spec.center = globe_->camera().center();
    spec.distance = globe_->camera().distance();
    spec.surface = globe_->surfaceImage();
    spec.towers = globe_->markers();
    return spec;
}

Task *MainWindow::exportAnimation(const AnimationSpec &spec)
{
    Task *task = tasks_->run(
        TaskManager::Lane::Compute, tr("Exporting the animation %1").arg(QFileInfo(spec.path).fileName()), this,
        [spec](Feedback &feedback) { return ui::exportAnimation(spec, feedback); },
        [this](AnimationOutcome &&outcome) {
            statusBar()->showMessage(tr("Saved %1: %n frame(s) in %2 s (%3 frames/s)", nullptr, outcome.frames)
                                         .arg(QDir::toNativeSeparators(outcome.path))
                                         .arg(outcome.seconds, 0, 'f', 1)
                                         .arg(outcome.framesPerSecond(), 0, 'f', 1),
                                     10000);
            Q_EMIT animationExported(outcome);
        });
    connect(task, &Task::finished, this, [this](bool ok, const QString &error) {
        if (!ok && !error.isEmpty())
            Q_EMIT animationFailed(error);
    });
    // Minutes of work a user would lose by closing: closeEvent asks about these.
    animations_.erase(std::remove(animations_.begin(), animations_.end(), nullptr), animations_.end());
    animations_.push_back(task);
    return task;
}

QString MainWindow::demoDatasetPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/demo-data");
}

void MainWindow::openStartupDataset()
{
    for (const QString &path : RecentDatasetsMenu::datasets())
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

void MainWindow::stepDate(int days, int months) { mapBar_->step(days, months); }

void MainWindow::openDataset(const QString &path, const InitialView &initial)
{
    initial_ = initial;
    statusBar()->showMessage(tr("Opening %1…").arg(QDir::toNativeSeparators(path)));
    loader_->open(path);
}

void MainWindow::onDatasetLoaded(const DatasetPtr &dataset, const QString &path)
{
    dataset_ = dataset;
    datasetPath_ = path;
    field_.reset();
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
        const QSignalBlocker blockLayers(layers());
        layers()->setVariables(grid ? &*grid : nullptr, variable);
    }
    if (grid && !grid->years().empty())
        // Northern summer by default: wetlands emit.
        mapBar_->setDateRange(QDate(grid->years().front(), 1, 1), QDate(grid->years().back(), 12, 31),
                              dateFits ? toQDate(*initial_.date) : QDate(grid->years().front(), 7, 15));
    mapBar_->setEnabled(grid.has_value());
    QStringList drivers;
    if (grid)
        for (const char *name : {"TAIR", "PREC", "SOLR", "VAPR", "NPP"})
            if (grid->findVariable(name))
                drivers << QLatin1String(name);
    timeSeries_->setDriverChoices(drivers);
    training_->setDataset(grid && dataset_->sites() && QFileInfo(path).isDir() ? path : QString(), dataset_);
    runs_->setDataset(dataset_);
    benchmark_->setDatasetFolder(grid && dataset_->sites() && QFileInfo(path).isDir() ? path : QString());
    budget_->setDataset(dataset_);
    flat_->cancelRegionDrawing();
    flat_->setRegionOutline({});
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
    showLayerStyle();
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
        const QSignalBlocker block(layers());
        layers()->setCurrentIndex(layers()->findData(variable));
    }
    showLayerStyle();
    fitDatesToLayer(); // the whole record again, if a prediction's year was shown
    mapBar_->setDate(toQDate(date)); // requests the field, unless the date is unchanged
    requestField();
}

void MainWindow::requestField()
{
    if (!dataset_ || !dataset_->grid() || layers()->currentIndex() < 0)
        return;
    const data::Date date = fromQDate(mapBar_->date());
    bool difference = false;
    if (const PredictionLayerPtr layer = layers()->currentPrediction(&difference))
        fields_->request(layer, difference, date, styleBar_->style(), mapBar_->period(), globe_->surfaceImage());
    else
        fields_->request(dataset_, layers()->currentVariable(), date, styleBar_->style(), mapBar_->period(), globe_->surfaceImage());
    if (selectedCell_ && date.year != seriesYear_)
        requestSeries(); // the cell's series follows the map's year
}

void MainWindow::onLayerChanged()
{
    showLayerStyle();
    fitDatesToLayer();
    requestField();
}

void MainWindow::fitDatesToLayer()
{
    // A prediction layer covers its year only: the date controls span that year while it is shown.
    if (const PredictionLayerPtr layer = layers()->currentPrediction())
        mapBar_->setDateRange(QDate(layer->year->year, 1, 1), QDate(layer->year->year, 12, 31));
    else if (dataset_ && dataset_->grid() && !dataset_->grid()->years().empty())
        mapBar_->setDateRange(QDate(dataset_->grid()->years().front(), 1, 1), QDate(dataset_->grid()->years().back(), 12, 31));
}

void MainWindow::addPrediction(const PredictionLayerPtr &layer)
{
    if (!layer || !layer->year || !dataset_ || !dataset_->grid())
        return;
    layers()->addPrediction(layer); // and shows it
    budget_->offerPredictionLayer(layer);
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

void MainWindow::onFieldReady(const FieldRequester::Field &field)
{
    field_ = field;
    if (field.variable == QLatin1String("wetlandtype") && field_->scale.isCategorical()) {
        auto names = wetlandTypeNames(); // the legend, the figure and the animation name them
        names[0] = tr("no wetland");
        field_->scale.setClassNames(std::move(names));
    }
    const ColourScale &scale = field_->scale;
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
    const QString what = layerTitle(field);
    styleBar_->setShownRange(scale.low(), scale.high());
    const RangeMode range = styleBar_->range();
    QString how = scale.isCategorical() ? tr("one colour per class")
        : range == RangeMode::Fixed     ? tr("fixed colour range")
        : range == RangeMode::MinMax    ? tr("colours span the minimum to the maximum")
                                        : tr("colours span the 2nd to 98th percentile");
    if (scale.palette() == Palette::Diverging)
        how += tr(", centred on zero");
    if (scale.isLogLimited())
        how += tr(", log scale over %n decade(s) from %1", nullptr, int(ColourScale::kLogDecades))
                   .arg(QLocale().toString(scale.low(), 'g', 2));
    else if (scale.isLogarithmic())
        how += tr(", log scale");
    else if (styleBar_->isLogAsked() && scale.palette() != Palette::Diverging && !scale.isCategorical())
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
    return dataset_->sites() ? TowerMarkers::of(*dataset_->sites(), *fluxUnit_) : std::vector<GlobeMarker>{};
}

const QStringList &MainWindow::selectedSites() const { return siteSelection_->selected(); }

void MainWindow::setFlatMap(bool flat)
{
    if (flat == isFlatMap())
        return;
    mapStack_->setCurrentWidget(flat ? static_cast<QWidget *>(flat_) : globe_);
    Q_EMIT flatMapChanged(flat);
}

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
    selection.cellYear = seriesYear_ = mapBar_->date().year();
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
                                                 {QStringLiteral("budget"), QStringLiteral("budgetDock")},
                                                 {QStringLiteral("sites"), QStringLiteral("sitesDock")}};
    auto *dock = docks.contains(name) ? findChild<QDockWidget *>(docks.value(name)) : nullptr;
    if (!dock)
        return false;
    dock->show();
    dock->raise();
    return true;
}

} // namespace xmw::ui
