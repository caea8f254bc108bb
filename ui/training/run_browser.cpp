#include "ui/training/run_browser.h"

#include "ui/app/atomic_write.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTextStream>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <cmath>

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
    if (c.split.kind == data::SplitKind::Temporal)
        return RunBrowser::tr("temporal");
    return c.allFolds ? RunBrowser::tr("spatial, all folds") : RunBrowser::tr("spatial, fold %1").arg(c.split.fold);
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
        if (QMessageBox::question(this, tr("Delete Runs"), tr("Delete %n run file(s)? This cannot be undone.", nullptr, int(paths.size())))
            != QMessageBox::Yes)
            return;
        if (const QString error = deleteRuns(paths); !error.isEmpty())
            QMessageBox::warning(this, tr("Delete Runs"), error);
    });
    export_ = new QPushButton(tr("Export Metrics…"));
    export_->setObjectName(QStringLiteral("exportMetrics"));
    connect(export_, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export Run Metrics"), QStringLiteral("metrics.csv"), tr("CSV files (*.csv)"));
        if (path.isEmpty())
            return;
        if (const QString error = exportMetrics(path); !error.isEmpty())
            QMessageBox::warning(this, tr("Export Run Metrics"), error);
    });
    auto *top = new QHBoxLayout;
    top->addWidget(filter_, 1);
    top->addWidget(refresh);
    top->addWidget(delete_);
    top->addWidget(export_);

    table_ = new QTableWidget(0, ColumnCount);
    table_->setObjectName(QStringLiteral("runTable"));
    table_->setHorizontalHeaderLabels({tr("Name"), tr("Model"), tr("Method"), tr("Split"), tr("RMSE"), tr("R²"), tr("NSE"), tr("KGE"),
                                       tr("Created (UTC)"), tr("Duration"), tr("Notes")});
    table_->horizontalHeader()->setSectionResizeMode(Notes, QHeaderView::Stretch);
    table_->horizontalHeaderItem(Rmse)->setToolTip(tr("Test RMSE in nmol CH4 m-2 s-1, over the test days with an observation"));
    table_->verticalHeader()->hide();
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSortingEnabled(true);
    table_->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    connect(table_, &QTableWidget::itemSelectionChanged, this, [this] {
        drawChart();
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
    chart_ = new QCustomPlot;
    chart_->setObjectName(QStringLiteral("runChart"));
    chart_->yAxis->setLabel(tr("Test RMSE [nmol CH4 m-2 s-1]"));
    chart_->setMinimumHeight(120);
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(table_);
    split->addWidget(chart_);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(split, 1);
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
        table_->setItem(row, Rmse, sortableNumber(r.metrics.rmse, 3));
        table_->setItem(row, R2, sortableNumber(r.metrics.r2, 3));
        table_->setItem(row, Nse, sortableNumber(r.metrics.nse, 3));
        table_->setItem(row, Kge, sortableNumber(r.metrics.kge, 3));
        table_->setItem(row, Created, fixed(QString::fromStdString(r.created).replace(QLatin1Char('T'), QLatin1Char(' ')).remove(QLatin1Char('Z'))));
        table_->setItem(row, Duration, sortableNumber(r.seconds / 60.0, 1));
        table_->item(row, Duration)->setToolTip(tr("minutes"));
        table_->setItem(row, Notes, new QTableWidgetItem(QString::fromStdString(r.notes)));
    }
    table_->setSortingEnabled(true);
    applyFilter();
    selectRuns(selected);
    rebuilding_ = false;
    drawChart();
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
    chart_->clearPlottables();
    QVector<double> ticks, values;
    QVector<QString> labels;
    for (int row = 0; row < table_->rowCount(); ++row) {
        if (!table_->selectionModel()->isRowSelected(row, {}))
            continue;
        const RunStore::Run *run = store_->find(table_->item(row, Name)->data(Qt::UserRole).toString());
        if (!run || !std::isfinite(run->summary.metrics.rmse))
            continue;
        ticks << double(ticks.size() + 1);
        values << run->summary.metrics.rmse;
        labels << QStringLiteral("%1\n%2 / %3").arg(QString::fromStdString(run->summary.name),
                                                    QString::fromStdString(learn::modelName(run->summary.config.model.kind)),
                                                    QString::fromStdString(learn::methodName(run->summary.config.method)));
    }
    delete_->setEnabled(!selectedRuns().isEmpty());
    if (!ticks.isEmpty()) {
        auto *bars = new QCPBars(chart_->xAxis, chart_->yAxis);
        bars->setData(ticks, values);
        bars->setBrush(QColor(0x00, 0x72, 0xB2, 180));
        bars->setPen(QPen(QColor(0x00, 0x72, 0xB2)));
        auto ticker = QSharedPointer<QCPAxisTickerText>::create();
        ticker->addTicks(ticks, labels);
        chart_->xAxis->setTicker(ticker);
        chart_->xAxis->setRange(0.4, ticks.size() + 0.6);
        chart_->yAxis->setRange(0, *std::max_element(values.begin(), values.end()) * 1.15);
    }
    chart_->replot();
}

QString RunBrowser::exportMetrics(const QString &path) const
{
    QStringList paths = selectedRuns();
    if (paths.isEmpty())
        for (const RunStore::Run &run : store_->runs())
            paths << run.path;
    return writeAtomically(path, [&](const QString &file) {
        QFile out(file);
        if (!out.open(QIODevice::WriteOnly | QIODevice::Text))
            return false;
        QTextStream stream(&out);
        stream << "run,file,model,method,split,created";
        for (const auto &name : learn::metricNames())
            stream << ',' << QString::fromStdString(name) << (name == "r2" || name == "nse" || name == "kge" || name == "nrmse" ? "" : " [nmol CH4 m-2 s-1]");
        stream << ",test_days\n";
        for (const QString &p : paths) {
            const RunStore::Run *run = store_->find(p);
            if (!run)
                continue;
            const learn::RunRecord &r = run->summary;
            stream << '"' << QString::fromStdString(r.name).replace(QLatin1Char('"'), QStringLiteral("\"\"")) << "\",\"" << p << "\","
                   << QString::fromStdString(learn::modelName(r.config.model.kind)) << ',' << QString::fromStdString(learn::methodName(r.config.method))
                   << ',' << splitText(r.config).replace(QLatin1Char(','), QLatin1Char(';')) << ',' << QString::fromStdString(r.created);
            for (const auto &name : learn::metricNames())
                stream << ',' << QString::number(learn::metricValue(r.metrics, name), 'g', 8);
            stream << ',' << r.metrics.count << '\n';
        }
        stream.flush();
        return out.error() == QFileDevice::NoError;
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
