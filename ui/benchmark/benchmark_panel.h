#pragma once

#include "core/learn/benchmark_table.h"

#include <QString>
#include <QStringList>
#include <QWidget>

#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace xmw::ui {

class RunStore;
class SweepRunner;

// The benchmark's results matrix for the open dataset's runs (sweeps' folders included): rows
// models, columns methods, a cell the mean ± sd over seeds, coloured from worst to best, the best of
// each row in bold. Clicking a cell selects its runs in the Runs panel. A sweep is started from here
// and its runs fill the matrix as they finish.
class BenchmarkPanel : public QWidget {
    Q_OBJECT

public:
    explicit BenchmarkPanel(RunStore *store, QWidget *parent = nullptr);

    void setDatasetFolder(const QString &folder);
    [[nodiscard]] QTableWidget *table() const { return table_; }
    [[nodiscard]] QComboBox *protocolBox() const { return protocol_; }
    [[nodiscard]] QComboBox *metricBox() const { return metric_; }
    [[nodiscard]] SweepRunner *sweeps() const { return runner_; }
    // The table shown, or null when there is none.
    [[nodiscard]] const learn::BenchmarkTable *currentTable() const;
    // The shown table as CSV or as a PNG image; empty or the problem.
    [[nodiscard]] QString exportCsv(const QString &path) const;
    [[nodiscard]] QString exportImage(const QString &path) const;
    // Writes the sweep file into runs/NAME/sweep.json and starts it; empty or the problem.
    QString startSweep(const QJsonObject &spec, int jobs);

Q_SIGNALS:
    void runsChosen(const QStringList &runFiles);

private:
    void rebuild();
    void fill();
    void chooseSweep();

    RunStore *store_;
    QString dataset_;
    std::vector<learn::BenchmarkTable> tables_; // every protocol, the chosen metric
    QComboBox *protocol_ = nullptr, *metric_ = nullptr;
    QCheckBox *measured_ = nullptr;
    QTableWidget *table_ = nullptr;
    QLabel *caption_ = nullptr, *sweepStatus_ = nullptr;
    QPushButton *exportCsv_ = nullptr, *exportImage_ = nullptr, *sweep_ = nullptr, *stop_ = nullptr;
    QProgressBar *sweepProgress_ = nullptr;
    SweepRunner *runner_ = nullptr;
};

} // namespace xmw::ui
