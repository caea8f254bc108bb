#include "ui/benchmark/benchmark_panel.h"

#include "core/data/recipe.h"
#include "ui/app/atomic_write.h"
#include "ui/app/export_folder.h"
#include "ui/benchmark/sweep_dialog.h"
#include "ui/benchmark/sweep_runner.h"
#include "ui/map/colour_scale.h"
#include "ui/training/run_store.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace xmw::ui {

namespace {

QString metricLabel(const std::string &metric)
{
    static const std::map<std::string, QString> labels = {{"rmse", QStringLiteral("RMSE")}, {"nrmse", QStringLiteral("nRMSE")},
                                                          {"r2", QStringLiteral("R²")},     {"r2_corr", QStringLiteral("r² corr.")},
                                                          {"mae", QStringLiteral("MAE")},   {"bias", QStringLiteral("bias")},
                                                          {"nse", QStringLiteral("NSE")},   {"kge", QStringLiteral("KGE")}};
    const auto it = labels.find(metric);
    return it == labels.end() ? QString::fromStdString(metric) : it->second;
}

// The table's protocol in the window's language (core names it in English, for xmw report).
QString protocolLabel(const learn::BenchmarkTable &t)
{
    QString text = t.spatial ? BenchmarkPanel::tr("spatial (%n folds)", nullptr, t.folds) : BenchmarkPanel::tr("temporal");
    if (t.towers > 0)
        text += BenchmarkPanel::tr(", %n tower(s)", nullptr, t.towers);
    if (t.recipe != data::recipeName(data::Recipe::XMethaneWet))
        text += BenchmarkPanel::tr(" (%1 recipe)").arg(QString::fromStdString(t.recipe));
    if (t.percent < 100)
        text += BenchmarkPanel::tr(", %1 % of training site-years").arg(QLocale().toString(t.percent, 'g', 4));
    return text;
}

// 0 for the worst cell of the table, 1 for the best.
double goodness(learn::Better rule, double value, double worst, double best)
{
    if (!std::isfinite(value) || worst == best)
        return 1;
    const auto score = [rule](double v) {
        return rule == learn::Better::NearerZero ? -std::abs(v) : rule == learn::Better::Lower ? -v : v;
    };
    return std::clamp((score(value) - score(worst)) / (score(best) - score(worst)), 0.0, 1.0);
}

} // namespace

BenchmarkPanel::BenchmarkPanel(RunStore *store, QWidget *parent)
    : QWidget(parent)
    , store_(store)
{
    protocol_ = new QComboBox;
    protocol_->setObjectName(QStringLiteral("benchmarkProtocol"));
    protocol_->setToolTip(tr("Runs are comparable only within one protocol: the same test towers and years, the same share of data"));
    metric_ = new QComboBox;
    metric_->setObjectName(QStringLiteral("benchmarkMetric"));
    for (const auto &name : learn::metricNames())
        metric_->addItem(metricLabel(name), QString::fromStdString(name));
    measured_ = new QCheckBox(tr("Measured days only"));
    measured_->setToolTip(tr("Score on the days the tower measured FCH4 itself instead of the gap-filled target the benchmark scores"));
    exportCsv_ = new QPushButton(tr("Export CSV…"));
    exportImage_ = new QPushButton(tr("Export Image…"));
    sweep_ = new QPushButton(tr("New Sweep…"));
    sweep_->setObjectName(QStringLiteral("newSweep"));
    sweep_->setToolTip(tr("Train a grid of models × methods × protocols × seeds in the background (xmw sweep)"));
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Protocol:")));
    top->addWidget(protocol_, 1);
    top->addWidget(new QLabel(tr("Metric:")));
    top->addWidget(metric_);
    top->addWidget(measured_);
    top->addStretch();
    top->addWidget(exportCsv_);
    top->addWidget(exportImage_);
    top->addWidget(sweep_);

    table_ = new QTableWidget;
    table_->setObjectName(QStringLiteral("benchmarkTable"));
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setWordWrap(true);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    table_->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    caption_ = new QLabel;
    caption_->setObjectName(QStringLiteral("benchmarkCaption"));
    caption_->setWordWrap(true);
    caption_->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    table_->setMinimumHeight(60); // a low dock shrinks the table, not the caption

    sweepProgress_ = new QProgressBar;
    sweepProgress_->setObjectName(QStringLiteral("sweepProgress"));
    sweepStatus_ = new QLabel;
    sweepStatus_->setObjectName(QStringLiteral("sweepStatus"));
    stop_ = new QPushButton(tr("Stop Sweep"));
    stop_->setToolTip(tr("Each running run keeps its last finished epoch; starting the same sweep again goes on from there"));
    auto *sweepRow = new QHBoxLayout;
    sweepRow->addWidget(sweepProgress_);
    sweepRow->addWidget(sweepStatus_, 1);
    sweepRow->addWidget(stop_);
    sweepProgress_->hide();
    stop_->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(table_, 1);
    layout->addWidget(caption_);
    layout->addLayout(sweepRow);

    runner_ = new SweepRunner(store_->tasks(), this);
    connect(runner_, &SweepRunner::progress, this, [this](int done, int total, const QString &line) {
        sweepProgress_->setRange(0, total);
        sweepProgress_->setValue(done);
        sweepStatus_->setText(line);
    });
    connect(runner_, &SweepRunner::runEnded, store_, &RunStore::refresh);
    connect(runner_, &SweepRunner::finished, this, [this](int exitCode, const QString &message) {
        sweepProgress_->hide();
        stop_->hide();
        sweep_->setEnabled(!dataset_.isEmpty());
        sweepStatus_->setText(exitCode == 0         ? tr("Sweep finished: %1").arg(message)
                                  : exitCode == 130 ? tr("Sweep stopped; starting it again with the same name goes on")
                                                    : tr("Sweep ended with problems: %1").arg(message));
        store_->refresh();
    });
    connect(runner_, &SweepRunner::failed, this, [this](const QString &message) {
        sweepStatus_->setText(message);
        sweep_->setEnabled(!dataset_.isEmpty() && !runner_->isRunning());
    });
    connect(stop_, &QPushButton::clicked, runner_, &SweepRunner::stop);
    connect(sweep_, &QPushButton::clicked, this, &BenchmarkPanel::chooseSweep);

    connect(store_, &RunStore::changed, this, &BenchmarkPanel::rebuild);
    connect(metric_, &QComboBox::currentIndexChanged, this, &BenchmarkPanel::rebuild);
    connect(measured_, &QCheckBox::toggled, this, &BenchmarkPanel::rebuild);
    connect(protocol_, &QComboBox::currentIndexChanged, this, &BenchmarkPanel::fill);
    connect(table_, &QTableWidget::cellClicked, this, [this](int row, int column) {
        const learn::BenchmarkTable *t = currentTable();
        if (!t || row >= int(t->models.size()) || column >= int(t->methods.size()))
            return;
        if (const learn::TableCell *cell = t->cell(t->models[std::size_t(row)], t->methods[std::size_t(column)])) {
            QStringList files;
            for (const auto &file : cell->files)
                files << QString::fromStdString(file.string());
            Q_EMIT runsChosen(files);
        }
    });
    connect(exportCsv_, &QPushButton::clicked, this, [this] {
        exportThroughDialog(this, tr("Export Benchmark Table"), QStringLiteral("benchmark.csv"), tr("CSV files (*.csv)"),
                            [this](const QString &path) { return exportCsv(path); });
    });
    connect(exportImage_, &QPushButton::clicked, this, [this] {
        exportThroughDialog(this, tr("Export Benchmark Image"), QStringLiteral("benchmark.png"), tr("PNG images (*.png)"),
                            [this](const QString &path) { return exportImage(path); });
    });
    rebuild();
}

void BenchmarkPanel::setDatasetFolder(const QString &folder)
{
    dataset_ = folder;
    sweep_->setEnabled(!folder.isEmpty() && !runner_->isRunning());
}

const learn::BenchmarkTable *BenchmarkPanel::currentTable() const
{
    const int index = protocol_->currentIndex();
    return index >= 0 && index < int(tables_.size()) ? &tables_[std::size_t(index)] : nullptr;
}

void BenchmarkPanel::rebuild()
{
    std::vector<learn::RunSummary> summaries;
    for (const RunStore::Run &run : store_->runs()) {
        learn::RunSummary summary;
        if (learn::summarise(run.summary, run.path.toStdString(), summary))
            summaries.push_back(std::move(summary));
    }
    const std::string metric = metric_->currentData().toString().toStdString();
    tables_ = learn::buildTables(summaries, {metric}, measured_->isChecked());
    const QString chosen = protocol_->currentData().toString();
    {
        const QSignalBlocker block(protocol_);
        protocol_->clear();
        for (const auto &t : tables_)
            protocol_->addItem(protocolLabel(t), QString::fromStdString(t.protocol));
        protocol_->setCurrentIndex(std::max(0, protocol_->findData(chosen)));
    }
    fill();
}

void BenchmarkPanel::fill()
{
    table_->clear();
    const learn::BenchmarkTable *t = currentTable();
    exportCsv_->setEnabled(t != nullptr);
    exportImage_->setEnabled(t != nullptr);
    if (!t) {
        table_->setRowCount(0);
        table_->setColumnCount(0);
        caption_->setText(store_->runs().empty() ? tr("No runs yet. Train runs in the Training panel, or start a sweep with New Sweep….")
                                                 : tr("No runs tested on the towers yet (pretraining runs are tested on TEM-MDM)."));
        return;
    }
    table_->setRowCount(int(t->models.size()));
    table_->setColumnCount(int(t->methods.size()));
    QStringList methods, models;
    for (const auto &m : t->methods)
        methods << QString::fromStdString(m);
    for (const auto &m : t->models)
        models << QString::fromStdString(m);
    table_->setHorizontalHeaderLabels(methods);
    table_->setVerticalHeaderLabels(models);

    const learn::Better rule = learn::betterFor(t->metric);
    // The best and worst means of the whole table span the colours.
    const auto better = [metric = t->metric](double a, double b) { return learn::isBetter(metric, a, b); };
    double worst = NAN, best = NAN;
    for (const auto &[key, cell] : t->cells) {
        if (!std::isfinite(cell.mean))
            continue;
        if (!std::isfinite(best))
            best = worst = cell.mean;
        if (better(cell.mean, best))
            best = cell.mean;
        if (better(worst, cell.mean))
            worst = cell.mean;
    }
    const ColourScale scale(0, 1, Palette::Viridis);
    for (int row = 0; row < table_->rowCount(); ++row)
        for (int column = 0; column < table_->columnCount(); ++column) {
            const std::string &model = t->models[std::size_t(row)], &method = t->methods[std::size_t(column)];
            const learn::TableCell *cell = t->cell(model, method);
            auto *item = new QTableWidgetItem;
            item->setTextAlignment(Qt::AlignCenter);
            if (!cell) {
                item->setText(QStringLiteral("–"));
                item->setToolTip(
                    tr("No runs of %1 with %2 in this protocol").arg(QString::fromStdString(model), QString::fromStdString(method)));
                table_->setItem(row, column, item);
                continue;
            }
            QString text = QString::number(cell->mean, 'f', 3);
            if (std::isfinite(cell->sd))
                text += QStringLiteral(" ± ") + QString::number(cell->sd, 'f', 3);
            if (method != "scratch" && std::isfinite(cell->changeVsScratch))
                text += QStringLiteral("\n") + QString::fromStdString(learn::changeText(cell->changeVsScratch, t->changeInPercent));
            if (t->spatial && cell->folds < t->folds)
                text += QStringLiteral("\n") + tr("%1 of %2 folds").arg(cell->folds).arg(t->folds);
            item->setText(text);
            const QColor background = QColor::fromRgb(scale.colour(goodness(rule, cell->mean, worst, best)));
            item->setBackground(background);
            item->setForeground(background.lightnessF() > 0.55 ? Qt::black : Qt::white);
            if (cell->best) {
                QFont font = item->font();
                font.setBold(true);
                item->setFont(font);
            }
            QStringList seeds;
            for (const double v : cell->perSeed)
                seeds << QString::number(v, 'f', 3);
            item->setToolTip(
                tr("%1 with %2: %3 over %n seed(s) (%4); click to select its runs in the Runs panel", nullptr, int(cell->perSeed.size()))
                    .arg(QString::fromStdString(model), QString::fromStdString(method), metricLabel(t->metric),
                         seeds.join(QStringLiteral(", "))));
            table_->setItem(row, column, item);
        }
    QString text = metricLabel(t->metric);
    if (learn::isFluxMetric(t->metric))
        text += QStringLiteral(" (nmol CH₄ m⁻² s⁻¹)");
    text = rule == learn::Better::Lower ? tr("%1, lower is better").arg(text)
        : rule == learn::Better::Higher ? tr("%1, higher is better").arg(text)
                                        : tr("%1, nearer 0 is better").arg(text);
    // How to read the table: the caption's and the table's tooltip, and the exported image.
    QString legend = tr("Mean ± standard deviation over seeds; the change against scratch below; the best of each row in bold; "
                        "colours from the worst (dark) to the best (yellow) cell.");
    if (t->spatial)
        legend += QStringLiteral(" ") + tr("Each seed's folds are averaged first.");
    caption_->setToolTip(legend);
    table_->setToolTip(legend);
    text += QStringLiteral(".");
    if (!t->meanChange.empty()) {
        QStringList changes;
        for (const auto &method : t->methods) {
            if (!t->meanChange.count(method))
                continue;
            changes << QString::fromStdString(method) + QLatin1Char(' ') +
                    QString::fromStdString(learn::changeText(t->meanChange.at(method), t->changeInPercent));
        }
        text += QStringLiteral(" ") + tr("Mean change against scratch: %1.").arg(changes.join(QStringLiteral(", ")));
    }
    if (t->measured) {
        // Older runs scored FCH4_F, which is partly gap-filled: a table mixing them says so.
        QStringList columns;
        for (const auto &c : t->measuredColumns)
            columns << QString::fromStdString(c);
        text += QStringLiteral(" ") +
            (columns.size() > 1 ? tr("Measured days from %1: the runs differ (older runs took FCH4_F, which is partly gap-filled).")
                                      .arg(columns.join(QStringLiteral(", ")))
                 : columns == QStringList{QStringLiteral("FCH4")} ? tr("Measured days: FCH4, not gap-filled.")
                                                                  : tr("Measured days from %1.").arg(columns.join(QString())));
    }
    if (!t->superseded.empty()) {
        // Said where the numbers are, with the files in the tooltip: xmw report leaves out the same runs.
        text += QStringLiteral(" ") +
            tr("%n run(s) left out: a later run has the same model, method, seed and fold.", nullptr, int(t->superseded.size()));
        QStringList pairs;
        for (const auto &[out, counted] : t->superseded)
            pairs << tr("%1 (counted instead: %2)")
                         .arg(QString::fromStdString(out.filename().string()), QString::fromStdString(counted.filename().string()));
        caption_->setToolTip(legend + QStringLiteral("\n\n") + tr("Left out:") + QStringLiteral("\n") + pairs.join(QLatin1Char('\n')));
    }
    caption_->setText(text);
}

QString BenchmarkPanel::exportCsv(const QString &path) const
{
    const learn::BenchmarkTable *t = currentTable();
    if (!t)
        return tr("There is no table to export");
    const std::string csv = learn::toCsv({*t});
    return writeAtomically(path, [&](QIODevice &out) { return out.write(csv.data(), qint64(csv.size())) == qint64(csv.size()); });
}

QString BenchmarkPanel::exportImage(const QString &path) const
{
    if (!currentTable())
        return tr("There is no table to export");
    // The table as the dock shows it, cut below its last row, and under it what it shows and how to read it.
    const int width = table_->verticalHeader()->width() + table_->horizontalHeader()->length() + 2 * table_->frameWidth();
    const int height = table_->horizontalHeader()->height() + table_->verticalHeader()->length() + 2 * table_->frameWidth();
    const QPixmap tableImage = table_->grab(QRect(0, 0, std::min(width, table_->width()), std::min(height, table_->height())));
    const QString text = protocol_->currentText() + QStringLiteral(": ") + caption_->text() + QStringLiteral(" ") + caption_->toolTip();
    const QRect textBox = QFontMetrics(font()).boundingRect(QRect(0, 0, tableImage.width() - 16, 10000), Qt::TextWordWrap, text);
    QImage image(tableImage.width(), tableImage.height() + textBox.height() + 16, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.drawPixmap(0, 0, tableImage);
    painter.setPen(Qt::black);
    painter.setFont(font());
    painter.drawText(QRect(8, tableImage.height() + 8, tableImage.width() - 16, textBox.height()), Qt::TextWordWrap, text);
    painter.end();
    return writeAtomically(path, [&](QIODevice &out) { return image.save(&out, "PNG"); });
}

QString BenchmarkPanel::startSweep(const QJsonObject &spec, int jobs)
{
    if (dataset_.isEmpty())
        return tr("Open a dataset first");
    const QString folder = QDir(dataset_).filePath(QStringLiteral("runs/") + spec.value(QStringLiteral("name")).toString());
    if (!QDir().mkpath(folder))
        return tr("Cannot create %1").arg(QDir::toNativeSeparators(folder));
    const QString file = folder + QStringLiteral("/sweep.json");
    const QByteArray json = QJsonDocument(spec).toJson();
    if (const QString error = writeAtomically(file, [&](QIODevice &out) { return out.write(json) == json.size(); }); !error.isEmpty())
        return error;
    if (!runner_->start(file, jobs))
        return sweepStatus_->text();
    sweep_->setEnabled(false);
    sweepProgress_->setRange(0, 0); // busy until the first run ends
    sweepProgress_->show();
    stop_->show();
    sweepStatus_->setText(tr("Sweep %1 started: its runs appear here as they finish").arg(spec.value(QStringLiteral("name")).toString()));
    return {};
}

void BenchmarkPanel::chooseSweep()
{
    SweepDialog dialog(dataset_, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (const QString error = startSweep(dialog.spec(), dialog.jobs()); !error.isEmpty())
        QMessageBox::warning(this, tr("New Sweep"), error);
}

} // namespace xmw::ui
