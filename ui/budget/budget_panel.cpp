#include "ui/budget/budget_panel.h"

#include "core/data/data_error.h"
#include "core/data/grid_variable_file.h"
#include "core/data/wetland_area.h"
#include "ui/app/atomic_write.h"
#include "ui/app/csv_line.h"
#include "ui/app/export_folder.h"
#include "ui/app/flux_unit_choice.h"
#include "ui/budget/budget_charts.h"
#include "ui/tasks/task_manager.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace xmw::ui {

namespace {

enum RegionKind { BandsOnly, Box, GeoJson, Drawn };

QString number(double value, int decimals) { return std::isfinite(value) ? QLocale().toString(value, 'f', decimals) : QStringLiteral("–"); }

// A region's name in the window's language; core names them in English (for the CSV and xmw budget).
QString displayRegion(const QString &name)
{
    if (name == QLatin1String("Globe"))
        return BudgetPanel::tr("Globe");
    if (name.startsWith(QLatin1String("Box ")))
        return BudgetPanel::tr("Box %1").arg(name.mid(4));
    return name;
}

} // namespace

BudgetPanel::BudgetPanel(TaskManager *tasks, QWidget *parent)
    : QWidget(parent)
    , tasks_(tasks)
{
    setObjectName(QStringLiteral("budgetPanel"));
    table_ = new QTableWidget;
    table_->setObjectName(QStringLiteral("budgetTable"));
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->verticalHeader()->hide();
    table_->setMinimumHeight(50);
    charts_ = new BudgetCharts;
    figureRegion_ = new QComboBox;
    figureRegion_->setObjectName(QStringLiteral("budgetFigureRegion"));
    figureRegion_->setToolTip(tr("The region of the Years and Months figures"));
    figureSource_ = new QComboBox;
    figureSource_->setObjectName(QStringLiteral("budgetFigureSource"));
    figureSource_->setToolTip(tr("The source of the Seasonal cycle figure"));
    figureQuantity_ = new QComboBox;
    figureQuantity_->setObjectName(QStringLiteral("budgetFigureQuantity"));
    figureQuantity_->addItem(tr("Totals"));
    figureQuantity_->addItem(tr("Mean flux"));
    figureQuantity_->setToolTip(tr("The Years, Months and Seasonal cycle figures as totals in Tg CH₄ or as the mean flux per m² of "
                                   "wetland (totals need a wetland map)"));
    for (QComboBox *box : {figureRegion_, figureSource_, figureQuantity_})
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *corner = new QWidget;
    auto *cornerLayout = new QHBoxLayout(corner);
    cornerLayout->setContentsMargins(0, 0, 0, 0);
    cornerLayout->addWidget(figureQuantity_);
    cornerLayout->addWidget(figureRegion_);
    cornerLayout->addWidget(figureSource_);
    charts_->setCornerWidget(corner, Qt::TopRightCorner);
    auto *splitter = new QSplitter;
    splitter->addWidget(table_);
    splitter->addWidget(charts_);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    caption_ = new QLabel;
    caption_->setObjectName(QStringLiteral("budgetCaption"));
    // One line that gives way in a narrow window (its tooltip has the whole story): wrapped, it
    // would make the low dock, and so the window, taller.
    caption_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Minimum);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2); // the dock is low beside the others: room for the figures
    layout->setSpacing(3);
    layout->addWidget(makeSourceRow());
    layout->addWidget(makeRegionRow());
    layout->addWidget(splitter, 1);
    layout->addWidget(caption_);
    connectControls();
    setDataset({});
}

QWidget *BudgetPanel::makeSourceRow()
{
    firstYear_ = new QSpinBox;
    firstYear_->setObjectName(QStringLiteral("budgetFirstYear"));
    lastYear_ = new QSpinBox;
    lastYear_->setObjectName(QStringLiteral("budgetLastYear"));
    wetlandLabel_ = new QLabel;
    wetlandLabel_->setObjectName(QStringLiteral("budgetWetlandMap"));
    chooseMap_ = new QPushButton(tr("Wetland Map…"));
    chooseMap_->setToolTip(tr("A CF NetCDF map of the wetland fraction or area of each cell (WAD2M's Fw, GIEMS-2, …): totals in "
                              "Tg need one"));
    addRun_ = new QPushButton(tr("Add Upscaled Run"));
    addRun_->setObjectName(QStringLiteral("budgetAddRun"));
    addRun_->setToolTip(tr("A run upscaled in this session, or a NetCDF file of xmw upscale or of Save Prediction as NetCDF: its "
                           "budget and its difference from TEM-MDM"));
    addRun_->setMenu(new QMenu(addRun_));
    clearRuns_ = new QPushButton(tr("Remove Runs"));
    sourcesLabel_ = new QLabel;
    sourcesLabel_->setObjectName(QStringLiteral("budgetSources"));
    // Both labels give way in a narrow window (their tooltips say it all): the dock shares the
    // window's bottom with the others and must not make the window wider.
    for (QLabel *label : {wetlandLabel_, sourcesLabel_}) {
        label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        label->setMinimumWidth(60);
    }
    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Years:")));
    layout->addWidget(firstYear_);
    layout->addWidget(new QLabel(QStringLiteral("–")));
    layout->addWidget(lastYear_);
    layout->addSpacing(12);
    layout->addWidget(wetlandLabel_, 1);
    layout->addWidget(chooseMap_);
    layout->addSpacing(12);
    layout->addWidget(sourcesLabel_, 1);
    layout->addWidget(addRun_);
    layout->addWidget(clearRuns_);
    return row;
}

QWidget *BudgetPanel::makeRegionRow()
{
    regionKind_ = new QComboBox;
    regionKind_->setObjectName(QStringLiteral("budgetRegionKind"));
    regionKind_->addItem(tr("Globe and GCP bands"), BandsOnly);
    regionKind_->addItem(tr("… and a box"), Box);
    regionKind_->addItem(tr("… and GeoJSON polygons"), GeoJson);
    regionKind_->addItem(tr("… and a drawn region"), Drawn);
    regionKind_->setToolTip(tr("The globe and the Global Carbon Project's bands 90–30°S, 30°S–30°N, 30–60°N and 60–90°N are always "
                               "summed; a region of your own may join them"));
    boxEdit_ = new QLineEdit;
    boxEdit_->setMinimumWidth(60);
    boxEdit_->setObjectName(QStringLiteral("budgetBox"));
    boxEdit_->setPlaceholderText(tr("S, N, W, E"));
    boxEdit_->setToolTip(tr("South, north, west and east edges in degrees, e.g. 45, 70, -100, -60 (west > east crosses 180°)"));
    geoJsonButton_ = new QPushButton(tr("GeoJSON…"));
    draw_ = new QPushButton(tr("Draw on Map"));
    draw_->setObjectName(QStringLiteral("budgetDraw"));
    draw_->setToolTip(tr("On the flat map: click the corners, double-click or press Enter to close the region, Esc to give up"));
    compute_ = new QPushButton(tr("Compute"));
    compute_->setObjectName(QStringLiteral("budgetCompute"));
    progress_ = new QProgressBar;
    progress_->setObjectName(QStringLiteral("budgetProgress"));
    progress_->setRange(0, 100);
    progress_->setMaximumWidth(160);
    progress_->hide();
    exportButton_ = new QToolButton;
    exportButton_->setObjectName(QStringLiteral("budgetExport"));
    exportButton_->setText(tr("Export"));
    exportButton_->setPopupMode(QToolButton::InstantPopup);
    exportButton_->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *exportMenu = new QMenu(exportButton_);
    exportCsv_ = exportMenu->addAction(tr("Table as CSV…"));
    exportFigure_ = exportMenu->addAction(tr("Figure as PNG…"));
    exportButton_->setMenu(exportMenu);
    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Regions:")));
    layout->addWidget(regionKind_);
    layout->addWidget(boxEdit_, 1);
    layout->addWidget(geoJsonButton_);
    layout->addWidget(draw_);
    layout->addStretch();
    layout->addWidget(progress_);
    layout->addWidget(compute_);
    layout->addWidget(exportButton_);
    return row;
}

void BudgetPanel::connectControls()
{
    connect(chooseMap_, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Wetland Map"), {}, tr("NetCDF files (*.nc *.nc4)"));
        if (const QString problem = file.isEmpty() ? QString() : setWetlandMap(file); !problem.isEmpty())
            Q_EMIT failed(problem);
    });
    rebuildRunMenu();
    connect(clearRuns_, &QPushButton::clicked, this, [this] {
        runFiles_.clear();
        updateSources();
    });
    connect(geoJsonButton_, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("GeoJSON Regions"), {}, tr("GeoJSON files (*.geojson *.json)"));
        if (const QString problem = file.isEmpty() ? QString() : setGeoJson(file); !problem.isEmpty())
            Q_EMIT failed(problem);
    });
    connect(draw_, &QPushButton::clicked, this, &BudgetPanel::drawRegionRequested);
    connect(regionKind_, &QComboBox::currentIndexChanged, this, [this] {
        const int kind = regionKind_->currentData().toInt();
        boxEdit_->setEnabled(kind == Box);
        geoJsonButton_->setEnabled(kind == GeoJson);
    });
    connect(compute_, &QPushButton::clicked, this, [this] {
        if (task_)
            task_->cancel();
        else
            compute();
    });
    connect(exportCsv_, &QAction::triggered, this, [this] {
        exportThroughDialog(this, tr("Export Budget Table"), QStringLiteral("budget.csv"), tr("CSV files (*.csv)"),
                            [this](const QString &path) { return exportCsv(path); });
    });
    connect(exportFigure_, &QAction::triggered, this, [this] {
        exportThroughDialog(this, tr("Export Budget Figure"), QStringLiteral("budget.png"), tr("PNG images (*.png)"),
                            [this](const QString &path) { return exportFigure(path); });
    });
    connect(figureRegion_, &QComboBox::currentIndexChanged, this, &BudgetPanel::fillCharts);
    connect(figureSource_, &QComboBox::currentIndexChanged, this, &BudgetPanel::fillCharts);
    connect(figureQuantity_, &QComboBox::currentIndexChanged, this, &BudgetPanel::fillCharts);
    Q_EMIT regionKind_->currentIndexChanged(0);
}

void BudgetPanel::rebuildRunMenu()
{
    QMenu *menu = addRun_->menu();
    menu->clear();
    connect(menu->addAction(tr("From a NetCDF File…")), &QAction::triggered, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Add Upscaled Run"), {}, tr("NetCDF files (*.nc)"));
        if (const QString problem = file.isEmpty() ? QString() : addRunFile(file); !problem.isEmpty())
            Q_EMIT failed(problem);
    });
    if (!layers_.empty())
        menu->addSection(tr("Upscaled in this session"));
    for (const PredictionLayerPtr &layer : layers_)
        connect(menu->addAction(layer->title()), &QAction::triggered, this, [this, layer] { addPredictionLayer(layer); });
}

void BudgetPanel::offerPredictionLayer(const PredictionLayerPtr &layer)
{
    if (!layer || !layer->year)
        return;
    std::erase_if(layers_, [&](const PredictionLayerPtr &l) { return l->title() == layer->title(); }); // the same run and year again
    layers_.push_back(layer);
    rebuildRunMenu();
}

void BudgetPanel::addPredictionLayer(const PredictionLayerPtr &layer)
{
    if (!layerFiles_.isValid()) {
        Q_EMIT failed(tr("No folder for the upscaled runs' files: %1").arg(layerFiles_.errorString()));
        return;
    }
    QString name = layer->title();
    name.replace(QLatin1Char('/'), QLatin1Char('_'));
    const QString file = layerFiles_.filePath(name + QStringLiteral(".nc"));
    Task *task = tasks_->run(
        TaskManager::Lane::Io, tr("Writing %1 for the budget").arg(layer->title()), this,
        [layer, file](Feedback &) { return writePredictionNetcdf(*layer, file); },
        [this, file](QString &&problem) {
            if (problem.isEmpty())
                problem = addRunFile(file);
            if (!problem.isEmpty())
                Q_EMIT failed(problem);
        });
    connect(task, &Task::finished, this, [this](bool ok, const QString &error) {
        if (!ok && !error.isEmpty())
            Q_EMIT failed(error);
    });
}

void BudgetPanel::setDataset(const DatasetPtr &dataset)
{
    dataset_ = dataset;
    runFiles_.clear();
    layers_.clear(); // upscaled over the dataset that was open
    rebuildRunMenu();
    result_.reset();
    table_->clear();
    table_->setRowCount(0);
    table_->setColumnCount(0);
    charts_->clear();
    const bool grids = dataset_ && dataset_->grid() && !dataset_->grid()->years().empty();
    for (QSpinBox *box : {firstYear_, lastYear_}) {
        box->setRange(grids ? dataset_->grid()->years().front() : 0, grids ? dataset_->grid()->years().back() : 0);
        box->setEnabled(grids);
    }
    if (grids)
        setYears(dataset_->grid()->years().front(), dataset_->grid()->years().back());
    wetlandMap_.clear();
    if (grids) {
        try {
            if (const auto beside = data::wetlandMapBeside(dataset_->root()))
                wetlandMap_ = QString::fromStdString(beside->string());
        } catch (const data::DataError &) {
            // Several maps beside the dataset: the user chooses one.
        }
    }
    for (QWidget *w : std::initializer_list<QWidget *>{chooseMap_, addRun_, clearRuns_, regionKind_, draw_, compute_})
        w->setEnabled(grids);
    updateSources();
    updateCaption();
}

void BudgetPanel::setFluxUnit(data::units::Flux unit)
{
    unit_ = unit;
    fillTable();
    fillCharts();
}

void BudgetPanel::setYears(int first, int last)
{
    firstYear_->setValue(first);
    lastYear_->setValue(last);
}

QString BudgetPanel::setWetlandMap(const QString &path)
{
    if (!path.isEmpty() && dataset_ && dataset_->grid()) {
        try { // the header now, so that a wrong file is said at once, not after a long wait
            const data::WetlandAreaMap check(path.toStdString(), data::WetlandAreaMap::kDefaultVariable, dataset_->grid()->grid());
        } catch (const std::exception &e) {
            return QString::fromStdString(e.what());
        }
    }
    wetlandMap_ = path;
    updateCaption();
    return {};
}

QString BudgetPanel::addRunFile(const QString &path)
{
    try { // a file that is no upscaled run is said now, not after the TEM-MDM part has been summed
        const data::GridVariableFile run(path.toStdString(), "CH4_prediction");
        if (dataset_ && dataset_->grid() && !run.grid().sameAs(dataset_->grid()->grid()))
            return tr("%1: its grid is not the open dataset's").arg(path);
    } catch (const std::exception &e) {
        return QString::fromStdString(e.what());
    }
    if (!runFiles_.contains(path))
        runFiles_ << path;
    updateSources();
    return {};
}

QString BudgetPanel::setBox(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char(','));
    double v[4];
    bool ok = parts.size() == 4;
    for (int i = 0; ok && i < 4; ++i)
        v[i] = QLocale::c().toDouble(parts[i].trimmed(), &ok);
    if (!ok)
        return tr("A box is four numbers: south, north, west, east (degrees), e.g. 45, 70, -100, -60");
    try {
        box_ = data::BudgetRegion::box(v[0], v[1], v[2], v[3]);
    } catch (const std::invalid_argument &e) {
        return QString::fromStdString(e.what());
    }
    boxEdit_->setText(text);
    regionKind_->setCurrentIndex(regionKind_->findData(Box));
    return {};
}

QString BudgetPanel::setGeoJson(const QString &path)
{
    try {
        geoJsonRegions_ = data::readGeoJsonRegions(path.toStdString());
    } catch (const data::DataError &e) {
        return QString::fromStdString(e.what());
    }
    geoJsonButton_->setText(QFileInfo(path).fileName());
    regionKind_->setCurrentIndex(regionKind_->findData(GeoJson));
    return {};
}

void BudgetPanel::setDrawnRegion(const QList<QPointF> &lonLat)
{
    drawn_ = drawnRegion(lonLat, tr("Drawn region (%n corners)", nullptr, int(lonLat.size())));
    regionKind_->setCurrentIndex(regionKind_->findData(Drawn));
}

void BudgetPanel::updateSources()
{
    QStringList names = {QStringLiteral("TEM-MDM")};
    for (const QString &file : runFiles_)
        names << QFileInfo(file).completeBaseName() << tr("%1 − TEM-MDM").arg(QFileInfo(file).completeBaseName());
    sourcesLabel_->setText(tr("Sources: %1").arg(names.join(QStringLiteral(", "))));
    sourcesLabel_->setToolTip(sourcesLabel_->text());
    clearRuns_->setEnabled(!runFiles_.isEmpty());
}

void BudgetPanel::updateCaption()
{
    wetlandLabel_->setText(wetlandMap_.isEmpty() ? tr("No wetland map: mean fluxes only")
                                                 : tr("Wetland map: %1").arg(QFileInfo(wetlandMap_).fileName()));
    wetlandLabel_->setToolTip(wetlandMap_.isEmpty() ? wetlandLabel_->text() : wetlandMap_);
    if (!dataset_ || !dataset_->grid()) {
        caption_->setText(tr("Open a dataset with TEM-MDM grids to compute budgets."));
        return;
    }
    // One line in the dock; the whole story in its tooltip.
    const bool totals = result_ && result_->hasTotals;
    QString text = totals ? tr("Tg CH₄ = flux × cell area × wetland fraction (%1); 365-day years; bold: the mean ± sd over the years.")
                                .arg(QFileInfo(result_->wetlandMap).fileName())
                          : tr("No wetland map: mean fluxes per m² of wetland only, no totals (Wetland Map…).");
    QString details = totals
        ? tr("Totals in Tg CH₄: flux × cell area × wetland fraction, the wetland from %1 regridded to the grid; mean flux per m² of "
             "wetland, weighted by wetland area.")
              .arg(QFileInfo(result_->wetlandMap).fileName())
        : tr("No wetland map: mean flux per m² of wetland, weighted by cell area, and no totals — X-MethaneWet's emission is per m² of "
             "wetland, so a total needs the wetland area (Wetland Map…).");
    details += QLatin1Char(' ') +
        tr("365-day years (29 February left out); a cell counts where its centre lies. Bold: the mean ± sd over the years.");
    if (result_)
        for (const auto &row : result_->rows)
            if (row.wetlandFromClimatology) {
                text += QLatin1Char(' ') + tr("*: the map's climatology.");
                details += QLatin1Char(' ') + tr("* Some months' wetland is the map's monthly climatology (the map has no data for them).");
                break;
            }
    caption_->setToolTip(details);
    caption_->setText(text);
}

std::optional<data::BudgetRegion> BudgetPanel::chosenRegion(QString *problem) const
{
    switch (regionKind_->currentData().toInt()) {
    case Box:
        if (!box_)
            *problem = tr("Give the box as south, north, west, east");
        return box_;
    case Drawn:
        if (!drawn_)
            *problem = tr("Draw the region on the map first (Draw on Map)");
        return drawn_;
    default: return std::nullopt;
    }
}

void BudgetPanel::compute()
{
    if (task_ || !dataset_ || !dataset_->grid())
        return;
    BudgetRequest request;
    request.dataset = dataset_;
    request.wetlandMap = wetlandMap_;
    request.runFiles = runFiles_;
    request.firstYear = std::min(firstYear_->value(), lastYear_->value());
    request.lastYear = std::max(firstYear_->value(), lastYear_->value());
    QString problem;
    const int kind = regionKind_->currentData().toInt();
    if (kind == Box && !boxEdit_->text().trimmed().isEmpty() && (!box_ || boxEdit_->isModified()))
        problem = setBox(boxEdit_->text());
    if (problem.isEmpty()) {
        if (kind == GeoJson) {
            if (geoJsonRegions_.empty())
                problem = tr("Choose a GeoJSON file first (GeoJSON…)");
            request.extraRegions = geoJsonRegions_;
        } else if (const auto region = chosenRegion(&problem)) {
            request.extraRegions.push_back(*region);
        }
    }
    if (!problem.isEmpty()) {
        Q_EMIT failed(problem);
        return;
    }
    compute_->setText(tr("Cancel"));
    progress_->setValue(0);
    progress_->show();
    task_ = tasks_->run(
        TaskManager::Lane::Compute, tr("Budget %1–%2").arg(request.firstYear).arg(request.lastYear), this,
        [request](Feedback &feedback) { return computeBudget(request, feedback); },
        [this](BudgetResult &&result) {
            result_ = std::move(result);
            for (QString &name : result_->regions)
                name = displayRegion(name);
            const QString region = figureRegion_->currentText(), source = figureSource_->currentText();
            for (QComboBox *box : {figureRegion_, figureSource_})
                box->blockSignals(true);
            figureRegion_->clear();
            figureRegion_->addItems(result_->regions);
            figureSource_->clear();
            figureSource_->addItems(result_->sources);
            // A region of the user's is what was asked about: its series first.
            figureRegion_->setCurrentIndex(result_->regions.size() > 5 ? 5 : std::max(0, figureRegion_->findText(region)));
            figureSource_->setCurrentIndex(std::max(0, figureSource_->findText(source)));
            for (QComboBox *box : {figureRegion_, figureSource_})
                box->blockSignals(false);
            fillTable();
            fillCharts();
            updateCaption();
            Q_EMIT computed();
        });
    connect(task_, &Task::progressChanged, progress_, [this](double fraction) { progress_->setValue(int(std::round(fraction * 100))); });
    connect(task_, &Task::finished, this, [this](bool ok, const QString &error) {
        progress_->hide();
        compute_->setText(tr("Compute"));
        task_ = nullptr;
        if (!ok && !error.isEmpty())
            Q_EMIT failed(error);
    });
}

QString BudgetPanel::fluxText(double mgPerDay) const
{
    return number(data::units::convert(mgPerDay, data::units::Flux::MgPerSquareMetrePerDay, unit_), 3);
}

void BudgetPanel::fillTable()
{
    table_->clear();
    table_->setRowCount(0);
    if (!result_)
        return;
    const bool totals = result_->hasTotals;
    const QStringList headers = {
        tr("Source"),         tr("Region"), tr("Year"), tr("Tg CH₄"), tr("Mean flux (%1)").arg(FluxUnitChoice::symbolOf(unit_)),
        tr("Wetland (Mkm²)"), tr("Cells")};
    table_->setColumnCount(int(headers.size()));
    table_->setHorizontalHeaderLabels(headers);
    table_->setColumnHidden(3, !totals);
    table_->setColumnHidden(5, !totals);
    const auto addRow = [this](const QStringList &cells, bool bold) {
        const int row = table_->rowCount();
        table_->insertRow(row);
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            if (c >= 2)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (bold) {
                QFont font = item->font();
                font.setBold(true);
                item->setFont(font);
            }
            table_->setItem(row, c, item);
        }
    };
    const auto &rows = result_->rows;
    for (std::size_t i = 0; i < rows.size();) {
        std::size_t end = i;
        std::vector<double> tg, flux;
        while (end < rows.size() && rows[end].sourceIndex == rows[i].sourceIndex && rows[end].regionIndex == rows[i].regionIndex) {
            const auto &row = rows[end++];
            if (row.month != 0)
                continue;
            tg.push_back(row.teragrams);
            flux.push_back(row.meanFlux);
            addRow({QString::fromStdString(row.source), result_->regions.value(int(row.regionIndex)),
                    QString::number(row.year) + (row.wetlandFromClimatology && totals ? QStringLiteral(" *") : QString()),
                    number(row.teragrams, 2), fluxText(row.meanFlux), number(row.wetlandAreaMkm2, 3),
                    QLocale().toString(qulonglong(row.cells))},
                   false);
        }
        if (tg.size() > 1) {
            const data::YearSpread t = data::yearSpread(tg), f = data::yearSpread(flux);
            addRow({QString::fromStdString(rows[i].source), result_->regions.value(int(rows[i].regionIndex)), tr("mean ± sd"),
                    tr("%1 ± %2").arg(number(t.mean, 2), number(t.sd, 2)), tr("%1 ± %2").arg(fluxText(f.mean), fluxText(f.sd)), QString(),
                    QString()},
                   true);
        }
        i = end;
    }
    table_->resizeColumnsToContents();
}

void BudgetPanel::fillCharts()
{
    if (!result_) {
        charts_->clear();
        return;
    }
    figureQuantity_->setEnabled(result_->hasTotals);
    charts_->show(*result_, std::max(0, figureRegion_->currentIndex()), std::max(0, figureSource_->currentIndex()), unit_,
                  figureQuantity_->currentIndex() == 1);
}

QString BudgetPanel::exportCsv(const QString &path) const
{
    if (!result_)
        return tr("Compute a budget first");
    const bool totals = result_->hasTotals;
    const QString fluxColumn = unit_ == data::units::Flux::MgPerSquareMetrePerDay ? QStringLiteral("mean_flux_mg_ch4_m2_d")
                                                                                  : QStringLiteral("mean_flux_nmol_ch4_m2_s");
    return writeAtomically(path, [&](QIODevice &out) {
        QStringList header = {QStringLiteral("source"), QStringLiteral("region"), QStringLiteral("year"), QStringLiteral("month")};
        if (totals)
            header << QStringLiteral("tg_ch4");
        header << fluxColumn;
        if (totals)
            header << QStringLiteral("wetland_area_mkm2") << QStringLiteral("wetland_from_climatology");
        header << QStringLiteral("cells");
        QByteArray text = csvLine(header).toUtf8() + '\n';
        for (const auto &row : result_->rows) {
            QStringList fields = {QString::fromStdString(row.source), QString::fromStdString(row.region), QString::number(row.year),
                                  QString::number(row.month)};
            const auto plain = [](double v) { return std::isfinite(v) ? QString::number(v, 'g', 8) : QString(); };
            if (totals)
                fields << plain(row.teragrams);
            fields << plain(data::units::convert(row.meanFlux, data::units::Flux::MgPerSquareMetrePerDay, unit_));
            if (totals)
                fields << plain(row.wetlandAreaMkm2) << (row.wetlandFromClimatology ? QStringLiteral("1") : QStringLiteral("0"));
            fields << QString::number(row.cells);
            text += csvLine(fields).toUtf8() + '\n';
        }
        return out.write(text) == text.size();
    });
}

QString BudgetPanel::exportFigure(const QString &path) const
{
    if (!result_)
        return tr("Compute a budget first");
    return charts_->savePng(path);
}

} // namespace xmw::ui
