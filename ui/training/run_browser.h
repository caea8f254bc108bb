#pragma once

#include "ui/training/run_store.h"

#include <QWidget>

class QCustomPlot;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace xmw::ui {

// The Runs dock: every run of the open dataset with its model, method, split, test metrics, date,
// duration and notes; sortable, filtered by text; names and notes are edited in place; delete
// asks first. The selected runs are compared in a bar chart of a chosen metric, and their metrics
// export as CSV.
class RunBrowser : public QWidget {
    Q_OBJECT

public:
    enum Column { Name, Model, Method, Split, Rmse, R2, Nse, Kge, Created, Duration, Notes, ColumnCount };

    explicit RunBrowser(RunStore *store, QWidget *parent = nullptr);

    [[nodiscard]] QStringList selectedRuns() const;
    void selectRuns(const QStringList &paths);
    [[nodiscard]] QCustomPlot *chart() const { return chart_; }
    [[nodiscard]] QTableWidget *table() const { return table_; }
    // The selected runs' metrics (all runs when none is selected), one row per run; empty or the problem.
    [[nodiscard]] QString exportMetrics(const QString &path) const;
    // Deletes without asking (the button asks first); empty or the problem.
    QString deleteRuns(const QStringList &paths);

Q_SIGNALS:
    void selectionChanged(const QStringList &runFiles);

private:
    void rebuild();
    void applyFilter();
    void drawChart();

    RunStore *store_;
    QLineEdit *filter_ = nullptr;
    QTableWidget *table_ = nullptr;
    QCustomPlot *chart_ = nullptr;
    QPushButton *delete_ = nullptr, *export_ = nullptr;
    bool rebuilding_ = false;
};

} // namespace xmw::ui
