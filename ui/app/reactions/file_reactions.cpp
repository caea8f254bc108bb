#include "ui/app/reactions/file_reactions.h"

#include "ui/main_window.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace xmw::ui {

namespace {
const QString kRecentKey = QStringLiteral("recentDatasets");
}

OpenDatasetReaction::OpenDatasetReaction(QAction *action, MainWindow *window)
    : Reaction(action, window)
{}

void OpenDatasetReaction::onTriggered()
{
    const QString folder = QFileDialog::getExistingDirectory(window(), tr("Open X-MethaneWet Dataset"));
    if (!folder.isEmpty())
        window()->openDataset(folder);
}

OpenDemoReaction::OpenDemoReaction(QAction *action, MainWindow *window)
    : Reaction(action, window)
{}

void OpenDemoReaction::onTriggered() { window()->openDemoDataset(); }

QuitReaction::QuitReaction(QAction *action, MainWindow *window)
    : Reaction(action, window)
{}

void QuitReaction::onTriggered() { window()->close(); }

RecentDatasetsMenu::RecentDatasetsMenu(QMenu *menu, MainWindow *window)
    : QObject(menu)
    , menu_(menu)
    , window_(window)
{
    connect(window, &MainWindow::datasetLoaded, this, [this] {
        remember(window_->datasetPath());
        rebuild();
    });
    rebuild();
}

QStringList RecentDatasetsMenu::datasets() { return QSettings().value(kRecentKey).toStringList(); }

void RecentDatasetsMenu::remember(const QString &path)
{
    if (path.isEmpty())
        return;
    QStringList recent = datasets();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    QSettings().setValue(kRecentKey, recent.mid(0, kLimit));
}

void RecentDatasetsMenu::rebuild()
{
    menu_->clear();
    const QStringList recent = datasets();
    for (const QString &path : recent)
        menu_->addAction(QDir::toNativeSeparators(path), window_, [this, path] { window_->openDataset(path); });
    if (!recent.isEmpty()) {
        menu_->addSeparator();
        menu_->addAction(tr("&Clear Menu"), this, [this] {
            QSettings().remove(kRecentKey);
            rebuild();
        });
    }
    menu_->setEnabled(!recent.isEmpty());
}

} // namespace xmw::ui
