#include "ui/training/run_browser.h"

#include "core/data/dataset.h"
#include "ui/app/atomic_write.h"
#include "ui/app/csv_line.h"
#include "ui/app/export_folder.h"
#include "ui/app/unit_text.h"
#include "ui/map/palette.h"
#include "ui/plots/plot_font.h"
#include "ui/tasks/task_manager.h"
#include "ui/training/upscale_runner.h"

#include <QComboBox>
#include <QDate>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextStream>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <set>

namespace xmw::ui {

namespace {

// A cell that shows a rounded number and sorts by the number (missing ones last).
class NumberItem : public QTableWidgetItem {
public:
    NumberItem(double value, int decimals)
        : QTableWidgetItem(std::isfinite(value) ? QString::number(value, 'f', decimals) : QStringLiteral("–"))
    {
        setData(Qt::UserRole + 1, std::isfinite(value) ? value : 1e300);
        setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        setFlags(flags() & ~Qt::ItemIsEditable);
    }
    bool operator<(const QTableWidgetItem &other) const override
    {
        const QVariant a = data(Qt::UserRole + 1), b = other.data(Qt::UserRole + 1);
        return a.isValid() && b.isValid() ? a.toDouble() < b.toDouble() : QTableWidgetItem::operator<(other);
    }
};

QTableWidgetItem *sortableNumber(double value, int decimals) { return new NumberItem(value, decimals); }

QString splitText(const learn::TrainingConfig &c)
{
    QString text = c.split.kind == data::SplitKind::Temporal ? RunBrowser::tr("temporal")
        : c.allFolds                                         ? RunBrowser::tr("spatial, all folds")
                                                             : RunBrowser::tr("spatial, fold %1").arg(c.split.fold);
    if (c.split.percent < 100)
        text += RunBrowser::tr(", %1 % of training data").arg(c.split.percent);
    if (!c.split.sites.empty())
        text += RunBrowser::tr(", %n tower(s)", nullptr, int(c.split.sites.size()));
    if (c.split.recipe == data::Recipe::Extended)
        text += RunBrowser::tr(", extended recipe");
    return text;
}

QString metricLabel(const std::string &name)
{
    if (name == "rmse")
        return RunBrowser::tr("RMSE");
    if (name == "nrmse")
        return RunBrowser::tr("NRMSE");
    if (name == "r2")
        return RunBrowser::tr("R²");
    if (name == "r2_corr")
        return RunBrowser::tr("r² (correlation)");
    if (name == "mae")
        return RunBrowser::tr("MAE");
    if (name == "bias")
        return RunBrowser::tr("bias");
    if (name == "nse")
        return RunBrowser::tr("NSE");
    return RunBrowser::tr("KGE");
}

} // namespace

RunBrowser::RunBrowser(RunStore *store, QWidget *parent)
    : QWidget(parent)
    , store_(store)
{
    setObjectName(QStringLiteral("runBrowser"));
    filter_ = new QLineEdit;
    filter_->setObjectName(QStringLiteral("runFilter"));
    filter_->setPlaceholderText(tr("Filter runs by name, model, method or notes"));
    filter_->setClearButtonEnabled(true);
    connect(filter_, &QLineEdit::textChanged, this, &RunBrowser::applyFilter);
    auto *refresh = new QPushButton(tr("Refresh"));
    connect(refresh, &QPushButton::clicked, store_, &RunStore::refresh);
    delete_ = new QPushButton(tr("Delete…"));
    delete_->setObjectName(QStringLiteral("deleteRuns"));
    connect(delete_, &QPushButton::clicked, this, [this] {
        const QStringList paths = selectedRuns();
        if (paths.isEmpty())
            return;
        if (QMessageBox::question(this, tr("Delete Runs"),
                                  tr("Delete %n run file(s)? This cannot be undone.", nullptr, int(paths.size()))) != QMessageBox::Yes)
            return;
        if (const QString error = deleteRuns(paths); !error.isEmpty())
            QMessageBox::warning(this, tr("Delete Runs"), error);
    });
    export_ = new QPushButton(tr("Export Metrics…"));
    export_->setObjectName(QStringLiteral("exportMetrics"));
    connect(export_, &QPushButton::clicked, this, [this] {
        exportThroughDialog(this, tr("Export Run Metrics"), QStringLiteral("metrics.csv"), tr("CSV files (*.csv)"),
                            [this](const QString &path) { return exportMetrics(path); });
    });
    exportPredictions_ = new QPushButton(tr("Export Predictions…"));
    exportPredictions_->setObjectName(QStringLiteral("exportPredictions"));
    exportPredictions_->setToolTip(tr("The selected runs' daily test predictions at every test tower, with the observations and "
                                      "the ensemble spread, as CSV"));
    connect(exportPredictions_, &QPushButton::clicked, this, [this] {
        const QStringList runs = selectedRuns();
        const QString path = QFileDialog::getSaveFileName(this, tr("Export Test Predictions"),
                                                          exportPath(QStringLiteral("predictions.csv")), tr("CSV files (*.csv)"));
        if (runs.isEmpty() || path.isEmpty())
            return;
        rememberExportFolder(path);
        exportPredictions_->setEnabled(false);
        Task *task = store_->tasks()->run(
            TaskManager::Lane::Io, tr("Exporting predictions to %1").arg(QFileInfo(path).fileName()), this,
            [runs, path, unit = unit_](Feedback &) { return exportPredictions(runs, path, unit); },
            [this](QString &&error) {
                if (!error.isEmpty())
                    QMessageBox::warning(this, tr("Export Test Predictions"), error);
            });
        connect(task, &Task::finished, this, &RunBrowser::updateButtons);
    });
    auto *top = new QHBoxLayout;
    top->addWidget(filter_, 1);
    top->addWidget(refresh);
    top->addWidget(delete_);
    top->addWidget(export_);
    top->addWidget(exportPredictions_);

    table_ = new QTableWidget(0, ColumnCount);
    table_->setObjectName(QStringLiteral("runTable"));
    table_->setHorizontalHeaderLabels({tr("Name"), tr("Model"), tr("Method"), tr("Split"), tr("RMSE"), tr("RMSE meas."), tr("RMSE TEM"),
                                       tr("R²"), tr("r² corr."), tr("KGE"), tr("Created (UTC)"), tr("Duration"), tr("Notes")});
    table_->horizontalHeader()->setSectionResizeMode(Notes, QHeaderView::Stretch);
    updateHeaderTips();
    table_->horizontalHeaderItem(R2)->setToolTip(
        tr("Coefficient of determination, 1 − SSE/SST, as the benchmark's paper reports it (the same number as NSE); "
           "negative when the predictions are worse than the observed mean"));
    table_->horizontalHeaderItem(R2Corr)->setToolTip(tr("Squared correlation of predicted and observed: how well the prediction "
                                                        "follows the observations up to a linear rescaling; not the paper's R²"));
    table_->horizontalHeaderItem(Split)->setToolTip(tr("The test set: runs are comparable only on the same one"));
    table_->verticalHeader()->hide();
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSortingEnabled(true);
    table_->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    connect(table_, &QTableWidget::itemSelectionChanged, this, [this] {
        drawChart();
        fillTowerTable();
        if (!rebuilding_)
            Q_EMIT selectionChanged(selectedRuns());
    });
    connect(table_, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (rebuilding_ || (item->column() != Name && item->column() != Notes))
            return;
        const int row = item->row();
        const QString path = table_->item(row, Name)->data(Qt::UserRole).toString();
        store_->setLabels(path, table_->item(row, Name)->text(), table_->item(row, Notes)->text());
    });
    metric_ = new QComboBox;
    metric_->setObjectName(QStringLiteral("compareMetric"));
    for (const auto &name : learn::metricNames())
        metric_->addItem(metricLabel(name), QString::fromStdString(name));
    metric_->setToolTip(tr("The test metric the chart and the per-tower table compare"));
    connect(metric_, &QComboBox::currentIndexChanged, this, [this] {
        drawChart();
        fillTowerTable();
    });
    chart_ = new QCustomPlot;
    chart_->setObjectName(QStringLiteral("runChart"));
    chart_->setMinimumHeight(100); // the dock fits a 640-px window with two rows of map bars
    followWidgetFont(chart_);
    towers_ = new QTableWidget;
    towers_->setObjectName(QStringLiteral("towerMetrics"));
    towers_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    towers_->setSortingEnabled(true);
    towers_->setToolTip(tr("Each test tower's metric for the selected runs; the best of each row is bold"));
    auto *compare = new QTabWidget;
    compare->setObjectName(QStringLiteral("runCompareTabs"));
    compare->addTab(chart_, tr("Chart"));
    compare->addTab(towers_, tr("Per tower"));
    compare->setCornerWidget(metric_, Qt::TopRightCorner);

    upscaleYear_ = new QSpinBox;
    upscaleYear_->setObjectName(QStringLiteral("upscaleYear"));
    upscaleYear_->setSpecialValueText(QStringLiteral("–")); // no dataset yet
    upscaleYear_->setToolTip(tr("The TEM-MDM year whose land cells the run predicts"));
    upscale_ = new QPushButton(tr("Upscale to Map"));
    upscale_->setObjectName(QStringLiteral("upscaleRun"));
    upscale_->setToolTip(tr("Apply the selected run to every land cell of the year, in the background; the map then offers "
                            "its prediction and the prediction minus TEM-MDM as layers"));
    upscaleProgress_ = new QProgressBar;
    upscaleProgress_->setObjectName(QStringLiteral("upscaleProgress"));
    upscaleProgress_->setRange(0, 100);
    upscaleProgress_->setMaximumWidth(160);
    upscaleProgress_->hide();
    upscaler_ = new UpscaleRunner(store_->tasks(), this);
    connect(upscale_, &QPushButton::clicked, this, [this] {
        if (upscaler_->isRunning())
            upscaler_->cancel();
        else
            upscaleSelected(upscaleYear_->value());
    });
    connect(upscaler_, &UpscaleRunner::progress, this, [this](double fraction) { upscaleProgress_->setValue(int(fraction * 100)); });
    const auto ended = [this] {
        upscaleProgress_->hide();
        updateButtons();
    };
    connect(upscaler_, &UpscaleRunner::finished, this, [this, ended](const PredictionLayerPtr &layer) {
        ended();
        Q_EMIT predictionReady(layer);
    });
    connect(upscaler_, &UpscaleRunner::canceled, this, ended);
    connect(upscaler_, &UpscaleRunner::failed, this, [this, ended](const QString &message) {
        ended();
        // Non-modal, so that scripted use and tests are never blocked by it.
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Upscaling failed"), message, QMessageBox::Close, this);
        box->setObjectName(QStringLiteral("upscaleError"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(new QLabel(tr("Upscale the selected run over")));
    bottom->addWidget(upscaleYear_);
    bottom->addWidget(upscale_);
    bottom->addWidget(upscaleProgress_);
    bottom->addStretch(1);

    auto *split = new QSplitter(Qt::Horizontal); // side by side: the runs dock is wide and short
    split->addWidget(table_);
    split->addWidget(compare);
    split->setStretchFactor(0, 3); // the table has the more columns
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(split, 1);
    layout->addLayout(bottom);
    connect(store_, &RunStore::changed, this, &RunBrowser::rebuild);
    rebuild();
}

void RunBrowser::rebuild()
{
    const QStringList selected = selectedRuns();
    rebuilding_ = true;
    table_->setSortingEnabled(false);
    table_->setRowCount(0);
    for (const RunStore::Run &run : store_->runs()) {
        const learn::RunRecord &r = run.summary;
        const int row = table_->rowCount();
        table_->insertRow(row);
        auto *name = new QTableWidgetItem(QString::fromStdString(r.name));
        name->setData(Qt::UserRole, run.path);
        name->setToolTip(run.path + (r.stopped.empty() ? QString() : QStringLiteral("\n") + QString::fromStdString(r.stopped)));
        table_->setItem(row, Name, name);
        const auto fixed = [](const QString &text) {
            auto *item = new QTableWidgetItem(text);
            item->setFlags(item->flags() & ~Qt::ItemIsEditable);
            return item;
        };
        table_->setItem(row, Model, fixed(QString::fromStdString(learn::modelName(r.config.model.kind))));
        table_->setItem(row, Method, fixed(QString::fromStdString(learn::methodName(r.config.method))));
        table_->setItem(row, Split, fixed(splitText(r.config)));
        QStringList towers;
        for (const auto &site : r.config.split.sites)
            towers << QString::fromStdString(site);
        table_->item(row, Split)->setToolTip(towers.isEmpty() ? tr("every tower") : towers.join(QStringLiteral(", ")));
        table_->setItem(row, Rmse, sortableNumber(shown("rmse", r.metrics.rmse), 3));
        table_->setItem(row, RmseMeasured, sortableNumber(shown("rmse", r.metricsMeasured.rmse), 3));
        // Older runs scored FCH4_F, which is partly gap-filled: the cell says so.
        if (r.measuredColumn != data::SiteSeries::kMeasuredColumn)
            table_->item(row, RmseMeasured)
                ->setToolTip(tr("Measured days from %1 (a run written before they came from FCH4 alone, or tower files without FCH4)")
                                 .arg(QString::fromStdString(r.measuredColumn)));
        if (r.temTestSet.empty()) {
            table_->setItem(row, RmseTem, fixed(QStringLiteral("–")));
            table_->item(row, RmseTem)->setToolTip(tr("Nothing of TEM-MDM was held out (only pretraining runs hold some out)"));
        } else {
            table_->setItem(row, RmseTem, sortableNumber(shown("rmse", r.temMetrics.rmse), 3));
            table_->item(row, RmseTem)
                ->setToolTip(tr("On %1: R² %2, KGE %3")
                                 .arg(QString::fromStdString(r.temTestSet))
                                 .arg(r.temMetrics.r2, 0, 'f', 3)
                                 .arg(r.temMetrics.kge, 0, 'f', 3));
        }
        table_->setItem(row, R2, sortableNumber(r.metrics.r2, 3));
        table_->setItem(row, R2Corr, sortableNumber(r.metrics.r2Corr, 3));
        table_->setItem(row, Kge, sortableNumber(r.metrics.kge, 3));
        table_->setItem(row, Created,
                        fixed(QString::fromStdString(r.created).replace(QLatin1Char('T'), QLatin1Char(' ')).remove(QLatin1Char('Z'))));
        table_->setItem(row, Duration, sortableNumber(r.seconds / 60.0, 1));
        table_->item(row, Duration)->setToolTip(tr("minutes"));
        table_->setItem(row, Notes, new QTableWidgetItem(QString::fromStdString(r.notes)));
    }
    table_->setSortingEnabled(true);
    applyFilter();
    selectRuns(selected);
    rebuilding_ = false;
    drawChart();
    fillTowerTable();
}

void RunBrowser::setFluxUnit(data::units::Flux unit)
{
    if (unit == unit_)
        return;
    unit_ = unit;
    updateHeaderTips();
    rebuild();
}

void RunBrowser::updateHeaderTips()
{
    const QString symbol = typesetUnit(QString::fromStdString(data::units::symbol(unit_)));
    table_->horizontalHeaderItem(Rmse)->setToolTip(
        tr("Test RMSE in %1 on the gap-filled target (FCH4_F, its gaps filled from FCH4_F_ANNOPTLM), as the "
           "benchmark scores; R², r² corr. and KGE likewise")
            .arg(symbol));
    table_->horizontalHeaderItem(RmseMeasured)->setToolTip(tr("Test RMSE in %1 on the days the tower measured FCH4 itself").arg(symbol));
    table_->horizontalHeaderItem(RmseTem)->setToolTip(
        tr("Pretraining runs: RMSE in %1 against TEM-MDM's own emission on cell-years held out from pretraining").arg(symbol));
}

double RunBrowser::shown(const std::string &metric, double value) const
{
    return learn::isFluxMetric(metric) ? data::units::convert(value, data::units::Flux::NmolPerSquareMetrePerSecond, unit_) : value;
}

void RunBrowser::applyFilter()
{
    const QString text = filter_->text();
    for (int row = 0; row < table_->rowCount(); ++row) {
        bool match = text.isEmpty();
        for (const int c : {int(Name), int(Model), int(Method), int(Notes)})
            match = match || table_->item(row, c)->text().contains(text, Qt::CaseInsensitive);
        table_->setRowHidden(row, !match);
    }
}

QStringList RunBrowser::selectedRuns() const
{
    QStringList out;
    for (const QModelIndex &index : table_->selectionModel()->selectedRows())
        out << table_->item(index.row(), Name)->data(Qt::UserRole).toString();
    return out;
}

void RunBrowser::selectRuns(const QStringList &paths)
{
    table_->clearSelection();
    for (int row = 0; row < table_->rowCount(); ++row)
        if (paths.contains(table_->item(row, Name)->data(Qt::UserRole).toString()))
            table_->selectionModel()->select(table_->model()->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
}

void RunBrowser::drawChart()
{
    const std::string metric = metric_->currentData().toString().toStdString();
    chart_->clearPlottables();
    chart_->yAxis->setLabel(learn::isFluxMetric(metric)
                                ? tr("Test %1\n[%2]")
                                      .arg(metricLabel(metric),
                                           typesetUnit(QString::fromStdString(data::units::symbol(unit_)))) // two lines: the chart is short
                                : tr("Test %1").arg(metricLabel(metric)));
    QVector<double> ticks, values;
    QVector<QString> labels;
    for (int row = 0; row < table_->rowCount(); ++row) {
        if (!table_->selectionModel()->isRowSelected(row, {}))
            continue;
        const RunStore::Run *run = store_->find(table_->item(row, Name)->data(Qt::UserRole).toString());
        const double value = run ? shown(metric, learn::metricValue(run->summary.metrics, metric)) : NAN;
        if (!std::isfinite(value))
            continue;
        ticks << double(ticks.size() + 1);
        values << value;
        labels << QStringLiteral("%1\n%2 / %3")
                      .arg(QString::fromStdString(run->summary.name),
                           QString::fromStdString(learn::modelName(run->summary.config.model.kind)),
                           QString::fromStdString(learn::methodName(run->summary.config.method)));
    }
    updateButtons();
    if (!ticks.isEmpty()) {
        auto *bars = new QCPBars(chart_->xAxis, chart_->yAxis);
        bars->setData(ticks, values);
        bars->setBrush(QColor::fromRgba(qRgba(qRed(palette::kBlue), qGreen(palette::kBlue), qBlue(palette::kBlue), 180)));
        bars->setPen(QPen(QColor::fromRgb(palette::kBlue)));
        auto ticker = QSharedPointer<QCPAxisTickerText>::create();
        ticker->addTicks(ticks, labels);
        chart_->xAxis->setTicker(ticker);
        chart_->xAxis->setRange(0.4, ticks.size() + 0.6);
        // Bias and the skill scores can be negative: the axis always shows zero.
        const double low = std::min(0.0, *std::min_element(values.begin(), values.end()));
        const double high = std::max(0.0, *std::max_element(values.begin(), values.end()));
        const double pad = (high - low) * 0.15 + 1e-9;
        chart_->yAxis->setRange(low < 0 ? low - pad : 0.0, high > 0 ? high + pad : 0.0);
    }
    chart_->replot();
}

void RunBrowser::fillTowerTable()
{
    const std::string metric = metric_->currentData().toString().toStdString();
    std::vector<const RunStore::Run *> runs;
    for (const QString &path : selectedRuns())
        if (const RunStore::Run *run = store_->find(path))
            runs.push_back(run);
    std::set<std::string> sites;
    for (const RunStore::Run *run : runs)
        for (const auto &entry : run->summary.perSite)
            sites.insert(entry.first);
    towers_->setSortingEnabled(false);
    towers_->clear();
    towers_->setColumnCount(int(runs.size()) + 1);
    towers_->setRowCount(int(sites.size()));
    QStringList headers{tr("Tower")};
    for (const RunStore::Run *run : runs)
        headers << QString::fromStdString(run->summary.name);
    towers_->setHorizontalHeaderLabels(headers);
    int row = 0;
    for (const std::string &site : sites) {
        towers_->setItem(row, 0, new QTableWidgetItem(QString::fromStdString(site)));
        int best = -1;
        double bestValue = NAN;
        for (std::size_t r = 0; r < runs.size(); ++r) {
            const auto found = runs[r]->summary.perSite.find(site);
            const double value = found == runs[r]->summary.perSite.end() ? NAN : shown(metric, learn::metricValue(found->second, metric));
            QTableWidgetItem *item = sortableNumber(value, 3);
            if (found != runs[r]->summary.perSite.end())
                item->setToolTip(tr("%n test day(s) with an observation", nullptr, int(found->second.count)));
            towers_->setItem(row, int(r) + 1, item);
            if (std::isfinite(value) && (best < 0 || learn::isBetter(metric, value, bestValue))) {
                best = int(r);
                bestValue = value;
            }
        }
        if (best >= 0 && runs.size() > 1) {
            QFont bold = towers_->font();
            bold.setBold(true);
            towers_->item(row, best + 1)->setFont(bold);
        }
        ++row;
    }
    towers_->setSortingEnabled(true);
    towers_->resizeColumnsToContents();
}

void RunBrowser::updateButtons()
{
    const QStringList selected = selectedRuns();
    delete_->setEnabled(!selected.isEmpty());
    exportPredictions_->setEnabled(!selected.isEmpty());
    const bool running = upscaler_->isRunning();
    upscale_->setText(running ? tr("Cancel Upscaling") : tr("Upscale to Map"));
    upscale_->setEnabled(running || (selected.size() == 1 && dataset_ && dataset_->grid()));
    upscaleYear_->setEnabled(!running && dataset_ && dataset_->grid());
}

void RunBrowser::setDataset(const DatasetPtr &dataset)
{
    dataset_ = dataset;
    if (dataset_ && dataset_->grid() && !dataset_->grid()->years().empty()) {
        const auto &years = dataset_->grid()->years();
        upscaleYear_->setRange(years.front(), years.back());
        upscaleYear_->setValue(years.back());
    }
    updateButtons();
}

bool RunBrowser::upscaleSelected(int year)
{
    const QStringList selected = selectedRuns();
    if (selected.size() != 1 || !upscaler_->start(dataset_, selected.front(), year))
        return false;
    upscaleYear_->setValue(year); // the box says which year the map will show
    upscaleProgress_->setValue(0);
    upscaleProgress_->show();
    updateButtons();
    return true;
}

QString RunBrowser::exportMetrics(const QString &path) const
{
    QStringList paths = selectedRuns();
    if (paths.isEmpty())
        for (const RunStore::Run &run : store_->runs())
            paths << run.path;
    return writeAtomically(path, [&](QIODevice &out) {
        QTextStream stream(&out);
        // Metrics on the gap-filled target (the benchmark's) and on measured days, named apart.
        // Pretraining runs add those on TEM-MDM held out (empty for the others).
        QStringList header = {QStringLiteral("run"),    QStringLiteral("file"),     QStringLiteral("model"), QStringLiteral("method"),
                              QStringLiteral("recipe"), QStringLiteral("test_set"), QStringLiteral("split"), QStringLiteral("created")};
        for (const char *suffix : {"", "_measured", "_tem"})
            for (const auto &name : learn::metricNames())
                header << QString::fromStdString(name) + QLatin1String(suffix) +
                        (learn::isFluxMetric(name) ? QStringLiteral(" [%1]").arg(QString::fromStdString(data::units::symbol(unit_)))
                                                   : QString());
        header << QStringLiteral("test_days") << QStringLiteral("test_days_measured") << QStringLiteral("test_days_tem")
               << QStringLiteral("tem_test_set") << QStringLiteral("measured_column");
        stream << csvLine(header) << '\n';
        for (const QString &p : paths) {
            const RunStore::Run *run = store_->find(p);
            if (!run)
                continue;
            const learn::RunRecord &r = run->summary;
            QStringList row = {QString::fromStdString(r.name),
                               p,
                               QString::fromStdString(learn::modelName(r.config.model.kind)),
                               QString::fromStdString(learn::methodName(r.config.method)),
                               QString::fromStdString(data::recipeName(r.config.split.recipe)),
                               QString::fromStdString(r.config.testSetName()),
                               splitText(r.config),
                               QString::fromStdString(r.created)};
            const bool tem = !r.temTestSet.empty();
            for (const learn::Metrics *m : {&r.metrics, &r.metricsMeasured, &r.temMetrics})
                for (const auto &name : learn::metricNames())
                    row << (m != &r.temMetrics || tem ? QString::number(shown(name, learn::metricValue(*m, name)), 'g', 8) : QString());
            row << QString::number(r.metrics.count) << QString::number(r.metricsMeasured.count)
                << (tem ? QString::number(r.temMetrics.count) : QString()) << QString::fromStdString(r.temTestSet)
                << QString::fromStdString(r.measuredColumn);
            stream << csvLine(row) << '\n';
        }
        stream.flush();
        return stream.status() == QTextStream::Ok;
    });
}

QString RunBrowser::exportPredictions(const QStringList &runFiles, const QString &path, data::units::Flux unit)
{
    std::vector<learn::RunRecord> runs;
    try {
        for (const QString &file : runFiles)
            runs.push_back(learn::readRunResults(file.toStdString()));
    } catch (const std::exception &error) {
        return QString::fromStdString(error.what());
    }
    const auto number = [unit](const std::vector<float> &values, std::size_t k) {
        return k < values.size() && std::isfinite(values[k])
            ? QString::number(data::units::convert(double(values[k]), data::units::Flux::NmolPerSquareMetrePerSecond, unit), 'g', 7)
            : QString();
    };
    const QString symbol = QString::fromStdString(data::units::symbol(unit));
    return writeAtomically(path, [&](QIODevice &out) {
        QTextStream stream(&out);
        // The tower's own measurement and the gap-filled target apart (runs older than that have no
        // measured column: it stays empty).
        stream << csvLine({QStringLiteral("run"), QStringLiteral("model"), QStringLiteral("method"), QStringLiteral("site"),
                           QStringLiteral("date"), QStringLiteral("observed_measured [%1]").arg(symbol),
                           QStringLiteral("target_gapfilled [%1]").arg(symbol), QStringLiteral("predicted [%1]").arg(symbol),
                           QStringLiteral("spread [%1]").arg(symbol)})
               << '\n';
        for (const learn::RunRecord &run : runs) {
            const QStringList prefix = {QString::fromStdString(run.name), QString::fromStdString(learn::modelName(run.config.model.kind)),
                                        QString::fromStdString(learn::methodName(run.config.method))};
            for (std::size_t i = 0; i < run.testIds.size(); ++i) {
                // The benchmark's 365-day year: 29 February has no row.
                const auto dates = data::sequenceDates(run.testYears[i]);
                for (std::size_t index = 0; index < dates.size(); ++index) {
                    const std::size_t k = i * dates.size() + index;
                    stream << csvLine(QStringList(prefix)
                                      << QString::fromStdString(run.testSites[i]) << QString::fromStdString(data::toIsoString(dates[index]))
                                      << number(run.measured, k) << number(run.observed, k) << number(run.predicted, k)
                                      << number(run.spread, k))
                           << '\n';
                }
            }
        }
        stream.flush();
        return stream.status() == QTextStream::Ok;
    });
}

QString RunBrowser::deleteRuns(const QStringList &paths)
{
    QStringList problems;
    for (const QString &p : paths)
        if (const QString error = store_->remove(p); !error.isEmpty())
            problems << error;
    return problems.join(QLatin1Char('\n'));
}

} // namespace xmw::ui
