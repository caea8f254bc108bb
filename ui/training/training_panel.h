#pragma once

#include "core/learn/training_config.h"
#include "ui/data/dataset_loader.h"
#include "ui/training/run_store.h"
#include "ui/training/training_queue.h"

#include <QPointer>
#include <QWidget>

#include <vector>

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QToolButton;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace xmw::ui {

// The Training dock: a form for one training configuration (model, method, the pretrained run where
// the method needs one, split, the towers (all, or the ones selected on the map), epochs, learning
// rate, batch, seed, ensemble, threads, device) that refuses what cannot run before it starts; the queue of jobs with their progress and ETA; and the
// selected job's loss curves as they arrive. Runs go into the dataset's runs/ folder.
class TrainingPanel : public QWidget {
    Q_OBJECT

public:
    // `store` lists the runs a method can start from; the panel points it at the dataset's runs/.
    explicit TrainingPanel(RunStore *store, QWidget *parent = nullptr);

    // Empty: none open. `dataset` (the same folder, opened) lets the form check the chosen towers.
    void setDataset(const QString &datasetFolder, const DatasetPtr &dataset = {});
    // The towers selected on the map, offered as the ones to train and test on.
    void setSelectedSites(const QStringList &ids);
    [[nodiscard]] TrainingQueue *queue() const { return queue_; }
    [[nodiscard]] learn::TrainingConfig config() const;
    // What stops the form's configuration from running; empty when Start may be pressed.
    [[nodiscard]] QString problem() const;
    [[nodiscard]] QString runsFolder() const;
    [[nodiscard]] QCustomPlot *curves() const { return curves_; }

    // Starts the form's configuration; the job's id, or 0 when it cannot start.
    int start();
    // Queues a canceled or failed job again from its last checkpoint; the new job's id, or 0.
    int resume(int id);

Q_SIGNALS:
    void runFinished(const QString &runFile);

private:
    void refreshPretrainedRuns();
    void findInterruptedJobs();
    [[nodiscard]] QString towerProblem(const learn::TrainingConfig &config) const;
    // What the recipe can use of the towers, from their metadata (shown under the form).
    [[nodiscard]] QString reachText() const;
    void updateForm();
    void fillFromPreset(); // epochs, learning rate and batch from the chosen settings
    void showJob(int id);
    void updateJobRow(int id);
    void plotJob(int id);

    RunStore *store_ = nullptr;
    TrainingQueue *queue_ = nullptr;
    QString dataset_;
    DatasetPtr opened_;
    QStringList selectedSites_;
    QComboBox *model_ = nullptr, *method_ = nullptr, *pretrained_ = nullptr, *recipe_ = nullptr, *preset_ = nullptr, *split_ = nullptr,
              *device_ = nullptr, *towers_ = nullptr;
    QSpinBox *fold_ = nullptr, *epochs_ = nullptr, *batch_ = nullptr, *seed_ = nullptr, *ensemble_ = nullptr, *threads_ = nullptr,
             *concurrency_ = nullptr;
    QDoubleSpinBox *percent_ = nullptr, *learningRate_ = nullptr;
    QLineEdit *name_ = nullptr;
    QLabel *reach_ = nullptr; // what the recipe can use of the towers
    QLabel *problem_ = nullptr;
    QLabel *jobError_ = nullptr;
    QGroupBox *advanced_ = nullptr; // collapsed unless the user opened it
    QToolButton *advancedToggle_ = nullptr;
    QPushButton *start_ = nullptr, *cancel_ = nullptr, *resume_ = nullptr;
    QTableWidget *jobs_ = nullptr;
    QCustomPlot *curves_ = nullptr;
    int shownJob_ = 0;
    struct Interrupted {
        QString out;
        learn::CheckpointInfo checkpoint;
    };
    QPointer<Task> interruptedSearch_;
};

} // namespace xmw::ui
