#pragma once

#include "core/data/units.h"
#include "ui/budget/budget_request.h"
#include "ui/map/prediction_layer.h"

#include <QPointer>
#include <QTemporaryDir>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QAction;
class QTableWidget;
class QToolButton;

namespace xmw::ui {

class BudgetCharts;
class Task;
class TaskManager;

// How much methane, and where (docs/budget.md): Tg CH4 per year for the globe, the Global Carbon
// Project's four bands and a region of the user's (a box, a GeoJSON file, or drawn on the map),
// for TEM-MDM, upscaled runs and each run − TEM-MDM; a table with each source's mean ± sd over the
// years, figures of the years, the months, the seasonal cycle and the zonal profile; CSV and figure
// export. Computed as a task (progress and cancel in the status bar). Without a wetland map there
// are mean fluxes only, and the panel says that totals need one.
class BudgetPanel : public QWidget {
    Q_OBJECT

public:
    explicit BudgetPanel(TaskManager *tasks, QWidget *parent = nullptr);

    // The open dataset (its wetland map beside it, if any, is chosen; runs added are cleared).
    void setDataset(const DatasetPtr &dataset);
    void setFluxUnit(data::units::Flux unit);
    // A region drawn on the map becomes the panel's region.
    void setDrawnRegion(const QList<QPointF> &lonLat);
    // An upscaled run file (xmw upscale, or the explorer's upscaling saved as NetCDF); empty or the problem.
    QString addRunFile(const QString &path);
    // A run upscaled in this session: offered under Add Upscaled Run, and added (written to a
    // file of the panel's own, in the background) when chosen.
    void offerPredictionLayer(const PredictionLayerPtr &layer);
    void addPredictionLayer(const PredictionLayerPtr &layer);
    // The wetland map to use (empty: none); empty or the problem.
    QString setWetlandMap(const QString &path);
    void setYears(int first, int last);
    // "S,N,W,E"; empty or the problem.
    QString setBox(const QString &text);
    QString setGeoJson(const QString &path);
    void compute();

    [[nodiscard]] QTableWidget *table() const { return table_; }
    [[nodiscard]] BudgetCharts *charts() const { return charts_; }
    [[nodiscard]] QLabel *caption() const { return caption_; }
    [[nodiscard]] const std::optional<BudgetResult> &result() const { return result_; }
    [[nodiscard]] bool isComputing() const { return task_ != nullptr; }
    [[nodiscard]] const QStringList &runFiles() const { return runFiles_; }
    // The rows computed (years and months) as CSV in the window's unit; empty or the problem.
    [[nodiscard]] QString exportCsv(const QString &path) const;
    [[nodiscard]] QString exportFigure(const QString &path) const;

Q_SIGNALS:
    void drawRegionRequested();
    void computed();
    void failed(const QString &message);

private:
    QWidget *makeSourceRow();
    QWidget *makeRegionRow();
    void connectControls();
    void rebuildRunMenu();
    void updateSources();
    void updateCaption();
    void fillTable();
    void fillCharts();
    [[nodiscard]] std::optional<data::BudgetRegion> chosenRegion(QString *problem) const;
    [[nodiscard]] QString fluxText(double mgPerDay) const;

    TaskManager *tasks_;
    DatasetPtr dataset_;
    data::units::Flux unit_ = data::units::Flux::NmolPerSquareMetrePerSecond;
    QString wetlandMap_;
    QStringList runFiles_;
    std::vector<PredictionLayerPtr> layers_; // upscaled in this session
    QTemporaryDir layerFiles_; // where they are written for the budget
    std::optional<data::BudgetRegion> box_, geoJson_, drawn_;
    std::vector<data::BudgetRegion> geoJsonRegions_;
    std::optional<BudgetResult> result_;
    QPointer<Task> task_;

    QSpinBox *firstYear_ = nullptr, *lastYear_ = nullptr;
    QLabel *wetlandLabel_ = nullptr, *sourcesLabel_ = nullptr, *caption_ = nullptr;
    QPushButton *chooseMap_ = nullptr, *addRun_ = nullptr, *clearRuns_ = nullptr;
    QComboBox *regionKind_ = nullptr, *figureRegion_ = nullptr, *figureSource_ = nullptr, *figureQuantity_ = nullptr;
    QLineEdit *boxEdit_ = nullptr;
    QPushButton *geoJsonButton_ = nullptr, *draw_ = nullptr, *compute_ = nullptr;
    QToolButton *exportButton_ = nullptr;
    QAction *exportCsv_ = nullptr, *exportFigure_ = nullptr;
    QProgressBar *progress_ = nullptr;
    QTableWidget *table_ = nullptr;
    BudgetCharts *charts_ = nullptr;
};

} // namespace xmw::ui
