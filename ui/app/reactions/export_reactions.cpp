#include "ui/app/reactions/export_reactions.h"

#include "ui/animation/animation_dialog.h"
#include "ui/app/atomic_write.h"
#include "ui/app/export_folder.h"
#include "ui/app/figure_size.h"
#include "ui/main_window.h"
#include "ui/map/layer_box.h"
#include "ui/map/map_figure.h"
#include "ui/map/map_tool_bar.h"
#include "ui/map/prediction_layer.h"
#include "ui/plots/time_series_panel.h"
#include "ui/tasks/task_manager.h"

#include <QAction>
#include <QClipboard>
#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

namespace xmw::ui {

namespace {

void saved(MainWindow *window, const QString &path)
{
    window->statusBar()->showMessage(
        QCoreApplication::translate("xmw::ui::ExportReactions", "Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
}

} // namespace

void saveThroughDialog(MainWindow *window, const QString &title, const QString &filter, const QString &suffix,
                       const std::function<QString(const QString &)> &write)
{
    QFileDialog dialog(window, title, exportFolder(), filter);
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setDefaultSuffix(suffix);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    const QString path = dialog.selectedFiles().constFirst();
    if (const QString error = write(path); error.isEmpty()) {
        rememberExportFolder(path);
        saved(window, path);
    } else
        QMessageBox::warning(window, title, error);
}

ExportMapReaction::ExportMapReaction(QAction *action, MainWindow *window, Kind kind)
    : Reaction(action, window)
    , kind_(kind)
{
    connect(window, &MainWindow::mapShown, this, &ExportMapReaction::updateEnableState);
    connect(window, &MainWindow::datasetLoaded, this, &ExportMapReaction::updateEnableState);
    updateEnableState();
}

void ExportMapReaction::updateEnableState() { action()->setEnabled(window()->field().has_value()); }

void ExportMapReaction::onTriggered()
{
    switch (kind_) {
    case Kind::Picture:
        saveThroughDialog(window(), tr("Export Map Image"), tr("PNG images (*.png)"), QStringLiteral("png"), [this](const QString &path) {
            // The globe with its colour bar and legend, as on screen.
            return writeAtomically(path, [this](QIODevice &out) { return window()->grabMap().save(&out, "PNG"); });
        });
        break;
    case Kind::FlatFigure: {
        FigureSizeDialog ask(FigureSize::load(QStringLiteral("mapFigure"), {180, 90, false, 300, 8}), FigureSizeDialog::Shape::Map,
                             window());
        if (ask.exec() != QDialog::Accepted)
            return;
        const FigureSize size = ask.size();
        size.save(QStringLiteral("mapFigure"));
        saveThroughDialog(window(), tr("Export Flat Map Figure"), tr("PNG images (*.png);;PDF documents (*.pdf)"), QStringLiteral("png"),
                          [this, size](const QString &path) -> QString {
                              const auto content = window()->mapFigureContent();
                              if (!content)
                                  return tr("There is no map to export.");
                              if (path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
                                  return writeMapFigurePdf(*content, size, path);
                              return writeAtomically(path,
                                                     [&](QIODevice &out) { return renderMapFigure(*content, size).save(&out, "PNG"); });
                          });
        break;
    }
    case Kind::Clipboard:
        QGuiApplication::clipboard()->setImage(window()->grabMap().toImage());
        window()->statusBar()->showMessage(tr("Map image copied"), 3000);
        break;
    }
}

ExportSeriesReaction::ExportSeriesReaction(QAction *action, MainWindow *window, Kind kind)
    : Reaction(action, window)
    , kind_(kind)
{
    connect(window, &MainWindow::timeSeriesShown, this, &ExportSeriesReaction::updateEnableState);
    updateEnableState();
}

void ExportSeriesReaction::updateEnableState() { action()->setEnabled(!window()->timeSeries()->isEmpty()); }

void ExportSeriesReaction::onTriggered()
{
    TimeSeriesPanel *panel = window()->timeSeries();
    if (kind_ == Kind::Figure) {
        FigureSizeDialog ask(FigureSize::load(QStringLiteral("seriesFigure"), {180, 80, false, 300, 8}), FigureSizeDialog::Shape::Free,
                             window());
        if (ask.exec() != QDialog::Accepted)
            return;
        const FigureSize size = ask.size();
        size.save(QStringLiteral("seriesFigure"));
        saveThroughDialog(window(), tr("Export Time Series Figure"), tr("PDF documents (*.pdf);;SVG drawings (*.svg);;PNG images (*.png)"),
                          QStringLiteral("pdf"), [panel, size](const QString &path) { return panel->exportFigure(path, size); });
    } else {
        saveThroughDialog(window(), tr("Export Time Series Data"), tr("CSV files (*.csv)"), QStringLiteral("csv"),
                          [panel](const QString &path) { return panel->exportCsv(path); });
    }
}

ExportPredictionReaction::ExportPredictionReaction(QAction *action, MainWindow *window)
    : Reaction(action, window)
{
    connect(window->layers(), &QComboBox::currentIndexChanged, this, &ExportPredictionReaction::updateEnableState);
    connect(window, &MainWindow::mapShown, this, &ExportPredictionReaction::updateEnableState);
    updateEnableState();
}

void ExportPredictionReaction::updateEnableState() { action()->setEnabled(window()->layers()->currentPrediction() != nullptr); }

void ExportPredictionReaction::onTriggered()
{
    const PredictionLayerPtr layer = window()->layers()->currentPrediction();
    if (!layer || (writer_ && writer_->isActive()))
        return;
    QFileDialog dialog(window(), tr("Export Prediction"), exportPath(QStringLiteral("prediction_%1.nc").arg(layer->year->year)),
                       tr("NetCDF files (*.nc)"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setDefaultSuffix(QStringLiteral("nc"));
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    const QString path = dialog.selectedFiles().constFirst();
    rememberExportFolder(path);
    writer_ = window()->tasks()->run(
        TaskManager::Lane::Io, tr("Exporting %1").arg(QFileInfo(path).fileName()), this,
        [layer, path](Feedback &) { return writePredictionNetcdf(*layer, path); },
        [this, path](QString &&error) {
            if (error.isEmpty())
                saved(window(), path);
            else
                QMessageBox::warning(window(), tr("Export Prediction"), error);
        });
}

ExportAnimationReaction::ExportAnimationReaction(QAction *action, MainWindow *window)
    : Reaction(action, window)
{
    connect(window, &MainWindow::mapShown, this, &ExportAnimationReaction::updateEnableState);
    connect(window, &MainWindow::datasetLoaded, this, &ExportAnimationReaction::updateEnableState);
    connect(window, &MainWindow::animationFailed, this, [this](const QString &error) {
        // Not modal: the export ran in the background while the user went on with something else.
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Export Animation"), error, QMessageBox::Close, this->window());
        box->setObjectName(QStringLiteral("animationError"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    updateEnableState();
}

void ExportAnimationReaction::updateEnableState() { action()->setEnabled(window()->field().has_value()); }

void ExportAnimationReaction::onTriggered()
{
    const auto start = window()->animationSpec();
    if (!start)
        return;
    AnimationDialog ask(*start, window()->mapBar()->firstDate(), window()->mapBar()->lastDate(), window());
    if (ask.exec() == QDialog::Accepted)
        window()->exportAnimation(ask.spec());
}

} // namespace xmw::ui
