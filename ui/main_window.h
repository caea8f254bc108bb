#pragma once

#include "core/data/calendar.h"
#include "core/data/demo_generator.h"
#include "core/data/units.h"
#include "ui/animation/animation_export.h"
#include "ui/animation/animation_spec.h"
#include "ui/data/dataset_loader.h"
#include "ui/map/map_figure.h"
#include "ui/map/prediction_layer.h"

#include <QMainWindow>
#include <QPixmap>
#include <QPointer>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

class QCloseEvent;
class QLabel;
class QMenu;
class QStackedWidget;

namespace xmw::ui {

class ColourBar;
class FluxUnitChoice;
struct GlobeMarker;
class LayerBox;
class MapStyleBar;
class MapToolBar;
class GlobeView;
class FlatMapView;
class SiteSeriesRequester;
class SitesPanel;
class TimeSeriesPanel;
class TrainingPanel;
class RunBrowser;
class BenchmarkPanel;
class BudgetPanel;
class RunStore;
class SiteSelectionModel;
class TaskManager;
class Tour;
class TowerLegend;

// What to show once a dataset has opened (scripted use); empty parts fall back to defaults.
struct InitialView {
    QString variable;
    std::optional<data::Date> date;
    QStringList sites;
    QStringList runs; // run files of the dataset's runs/ folder to select
    int upscaleYear = 0; // with one run: upscale it and show the prediction layer
    bool difference = false;
};

// The explorer's window: the globe in the centre with the chosen TEM-MDM variable of the chosen
// day on it, the cursor's position and the value under it in the status bar. It assembles: the
// panels are widgets of their own, the menus' and toolbars' actions do what their reactions
// (ui/app/reactions/) say, and the window keeps what ties them together (the open dataset, the
// map layer shown, the towers and cell selected).
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

    [[nodiscard]] GlobeView *globe() const { return globe_; }
    [[nodiscard]] FlatMapView *flatMap() const { return flat_; }
    [[nodiscard]] TrainingPanel *training() const { return training_; }
    [[nodiscard]] RunBrowser *runs() const { return runs_; }
    [[nodiscard]] BenchmarkPanel *benchmark() const { return benchmark_; }
    [[nodiscard]] BudgetPanel *budget() const { return budget_; }
    // Brings a dock to the front: "time-series", "training", "runs", "benchmark", "budget" or "sites"; false for another name.
    bool showPanel(const QString &name);
    [[nodiscard]] TimeSeriesPanel *timeSeries() const { return timeSeries_; }
    [[nodiscard]] SitesPanel *sitesPanel() const { return sites_; }
    [[nodiscard]] MapToolBar *mapBar() const { return mapBar_; }
    [[nodiscard]] TaskManager *tasks() const { return tasks_; }
    // The flat (equirectangular) map in place of the globe, or back; the same layer and towers.
    void setFlatMap(bool flat);
    [[nodiscard]] bool isFlatMap() const;
    [[nodiscard]] const DatasetPtr &dataset() const { return dataset_; }
    // The folder (or file) the open dataset was opened from; empty without one.
    [[nodiscard]] const QString &datasetPath() const { return datasetPath_; }
    // The layer on the map as last shown (values, colours, what they mean).
    [[nodiscard]] const std::optional<FieldRequester::Field> &field() const { return field_; }

    // Opens a dataset folder (or CF file) in the background; datasetLoaded or datasetFailed follows.
    void openDataset(const QString &path, const InitialView &initial = {});
    // What opens without a dataset argument: the most recent dataset that still exists, else the
    // demo dataset (made on first use; see openDemoDataset).
    void openStartupDataset();
    // The synthetic demo dataset in the user's data folder, made there in the background first if
    // it is not there yet (about 10 s and 170 MB with the default options).
    void openDemoDataset(const data::DemoOptions &options = {});
    [[nodiscard]] static QString demoDatasetPath();
    // The guided tour (Help ▸ Take the Tour), made on first use.
    [[nodiscard]] Tour *tour();
    // Full screen, larger fonts, the globe turning slowly and the days playing: for a class.
    void setPresentationMode(bool on);
    [[nodiscard]] bool isPresenting() const;
    // What a figure of the map layer shows (see map_figure.h); nothing without a map.
    [[nodiscard]] std::optional<MapFigureContent> mapFigureContent() const;
    // The map layer as a flat PNG figure of that size; null without a map.
    [[nodiscard]] QImage mapFigure(const FigureSize &size) const;
    // What an animation of the map starts from: the layer shown in its colours, the globe as it is
    // turned (or the flat map), the towers, the map's year day by day; nothing without a map.
    [[nodiscard]] std::optional<AnimationSpec> animationSpec() const;
    // Writes an animation in the background (a task: progress and Cancel in the status bar);
    // animationExported or animationFailed follows (nothing after a cancel).
    Task *exportAnimation(const AnimationSpec &spec);
    // The map area as on screen (globe or flat map, colour bar, legend), with the globe's still
    // picture even in the middle of a motion.
    [[nodiscard]] QPixmap grabMap();
    // Moves the map's date by days or months within the dataset's years.
    void stepDate(int days, int months);
    // Shows a variable on a date (both must exist in the open dataset); mapShown follows.
    void showMap(const QString &variable, data::Date date);
    // The selected towers (ids), highlighted on the globe.
    [[nodiscard]] const QStringList &selectedSites() const;
    void selectSites(const QStringList &ids);
    // A land cell (lat, lon) whose TEM-MDM series joins the towers'; nothing when off the data.
    void selectCell(double lat, double lon, bool addToTowers);
    [[nodiscard]] const std::optional<std::pair<double, double>> &selectedCell() const { return selectedCell_; }
    // An upscaled run joins the map layers ("prediction" and "prediction − TEM-MDM") and is shown;
    // the same run and year again replaces it.
    void addPrediction(const PredictionLayerPtr &layer);
    // The map's layers: TEM-MDM variables, then upscaled predictions.
    [[nodiscard]] LayerBox *layers() const;
    // The window's one methane-flux unit (View ▸ Flux Unit).
    [[nodiscard]] FluxUnitChoice *fluxUnit() const { return fluxUnit_; }

Q_SIGNALS:
    void datasetLoaded();
    void datasetFailed(const QString &message);
    void mapShown();
    void siteSelectionChanged(const QStringList &ids);
    void timeSeriesShown();
    void flatMapChanged(bool flat);
    void animationExported(const xmw::ui::AnimationOutcome &outcome);
    void animationFailed(const QString &message);

private:
    void closeEvent(QCloseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override; // larger text (presentation mode) may need two bar rows
    void createDocks();
    void createMenus();
    void createTowerLegend();
    void onDatasetLoaded(const DatasetPtr &dataset, const QString &path);
    void onDatasetFailed(const QString &message);
    // The dataset's name for a variable a start-up option asked for; problems gets why there is none.
    [[nodiscard]] QString matchVariable(const QString &asked, QStringList *problems) const;
    // The settings key of the layer shown, under which its colours are kept.
    [[nodiscard]] QString styleKey() const;
    void showLayerStyle();
    void requestField();
    void onLayerChanged();
    void fitDatesToLayer();
    void applyInitialRuns();
    void showTowers();
    void showTowersInView(const QStringList &ids);
    [[nodiscard]] std::vector<GlobeMarker> towerMarkers() const;
    void onFluxUnitChanged(data::units::Flux unit);
    // The unit of the layer shown when it is a methane flux (as its file has it), else none.
    [[nodiscard]] std::optional<data::units::Flux> layerFluxUnit() const;
    void onMarkerClicked(const QString &id, Qt::KeyboardModifiers modifiers);
    void requestSeries();
    void onFieldReady(const FieldRequester::Field &field);
    // "CH4_emission", "Prediction, lstm finetune (run), 2016": what the map layer is.
    [[nodiscard]] QString layerTitle(const FieldRequester::Field &field) const;
    void showCursorPosition(double lat, double lon);
    void clearCursorPosition();

    GlobeView *globe_ = nullptr;
    FlatMapView *flat_ = nullptr;
    QStackedWidget *mapStack_ = nullptr;
    ColourBar *colourBar_ = nullptr;
    QLabel *positionLabel_ = nullptr;
    TaskManager *tasks_ = nullptr;
    SiteSelectionModel *siteSelection_ = nullptr;
    MapToolBar *mapBar_ = nullptr;
    MapStyleBar *styleBar_ = nullptr;
    // The style bar starts a second row where the two bars do not fit in one (1280 px in German):
    // nothing of either hides behind the overflow arrow.
    void wrapToolBars();
    bool toolBarsWrapped_ = false;
    TowerLegend *towerLegend_ = nullptr;
    QAction *presentationAction_ = nullptr;
    InitialView initial_;
    DatasetLoader *loader_ = nullptr;
    FieldRequester *fields_ = nullptr;
    FluxUnitChoice *fluxUnit_ = nullptr;
    TimeSeriesPanel *timeSeries_ = nullptr;
    TrainingPanel *training_ = nullptr;
    RunStore *runStore_ = nullptr;
    RunBrowser *runs_ = nullptr;
    BenchmarkPanel *benchmark_ = nullptr;
    BudgetPanel *budget_ = nullptr;
    SitesPanel *sites_ = nullptr;
    SiteSeriesRequester *siteSeries_ = nullptr;
    DatasetPtr dataset_;
    QString datasetPath_;
    std::optional<FieldRequester::Field> field_;
    std::optional<std::pair<double, double>> selectedCell_;
    QPointer<Task> demoMaker_;
    int seriesYear_ = 0; // the year the cell's series was requested for
    InitialView pendingRuns_; // runs to select once the run store has read the dataset's runs/
    Tour *tour_ = nullptr;
    std::vector<QPointer<Task>> animations_; // exports started; a finished one's pointer turns null
};

} // namespace xmw::ui
