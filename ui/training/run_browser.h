#pragma once

#include "core/data/units.h"
#include "ui/data/dataset_loader.h"
#include "ui/map/prediction_layer.h"
#include "ui/training/run_store.h"

#include <QWidget>

class QComboBox;
class QCustomPlot;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace xmw::ui {

class UpscaleRunner;

// The Runs dock: every run of the open dataset with its model, method, split, test metrics, date,
// duration and notes; sortable, filtered by text; names and notes are edited in place; delete
// asks first. The selected runs are compared in a bar chart of a chosen metric and, tower by
// tower, in a table; their metrics export as CSV. One selected run can be upscaled over a year of
// the dataset's TEM-MDM cells, in the background, to become a map layer.
class RunBrowser : public QWidget {
    Q_OBJECT

public:
    enum Column { Name, Model, Method, Split, Rmse, RmseMeasured, RmseTem, R2, R2Corr, Kge, Created, Duration, Notes, ColumnCount };

    explicit RunBrowser(RunStore *store, QWidget *parent = nullptr);

    [[nodiscard]] QStringList selectedRuns() const;
    void selectRuns(const QStringList &paths);
    [[nodiscard]] QCustomPlot *chart() const { return chart_; }
    [[nodiscard]] QTableWidget *table() const { return table_; }
    [[nodiscard]] QTableWidget *towerTable() const { return towers_; }
    // The unit the flux metrics (RMSE, MAE, bias), the chart and the exports are in; runs store nmol m-2 s-1.
    void setFluxUnit(data::units::Flux unit);
    // The dataset the runs are upscaled over (its TEM-MDM years are offered).
    void setDataset(const DatasetPtr &dataset);
    // Upscales the selected run (exactly one) over `year`; predictionReady follows. False when it cannot start.
    bool upscaleSelected(int year);
    [[nodiscard]] UpscaleRunner *upscaler() const { return upscaler_; }
    // The selected runs' metrics (all runs when none is selected), one row per run; empty or the problem.
    [[nodiscard]] QString exportMetrics(const QString &path) const;
    // The test predictions of `runFiles`, one row per run, tower and day; empty or the problem.
    // Reads the run files, so the Runs panel calls it on a worker.
    [[nodiscard]] static QString exportPredictions(const QStringList &runFiles, const QString &path,
                                                   data::units::Flux unit = data::units::Flux::NmolPerSquareMetrePerSecond);
    // Deletes without asking (the button asks first); empty or the problem.
    QString deleteRuns(const QStringList &paths);

Q_SIGNALS:
    void selectionChanged(const QStringList &runFiles);
    void predictionReady(const xmw::ui::PredictionLayerPtr &layer);

private:
    void rebuild();
    void applyFilter();
    void drawChart();
    void fillTowerTable();
    void updateButtons();
    void updateHeaderTips();
    // A metric of a run (stored in nmol m-2 s-1) as shown: flux metrics in the chosen unit.
    [[nodiscard]] double shown(const std::string &metric, double value) const;

    RunStore *store_;
    data::units::Flux unit_ = data::units::Flux::NmolPerSquareMetrePerSecond;
    QLineEdit *filter_ = nullptr;
    QTableWidget *table_ = nullptr;
    QCustomPlot *chart_ = nullptr;
    QComboBox *metric_ = nullptr;
    QTableWidget *towers_ = nullptr; // the selected runs' chosen metric per test tower
    QPushButton *delete_ = nullptr, *export_ = nullptr, *exportPredictions_ = nullptr, *upscale_ = nullptr;
    QSpinBox *upscaleYear_ = nullptr;
    QProgressBar *upscaleProgress_ = nullptr;
    UpscaleRunner *upscaler_ = nullptr;
    DatasetPtr dataset_;
    bool rebuilding_ = false;
};

} // namespace xmw::ui
