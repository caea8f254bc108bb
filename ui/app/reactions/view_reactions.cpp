#include "ui/app/reactions/view_reactions.h"

#include "ui/globe/flat_map_view.h"
#include "ui/globe/globe_view.h"
#include "ui/main_window.h"
#include "ui/sites/sites_panel.h"

#include <QAction>
#include <QApplication>
#include <QSettings>
#include <QShortcut>
#include <QTimer>

namespace xmw::ui {

ResetViewReaction::ResetViewReaction(QAction *action, MainWindow *window)
    : Reaction(action, window)
{}

void ResetViewReaction::onTriggered()
{
    window()->globe()->resetView();
    window()->flatMap()->resetView();
}

FlatMapReaction::FlatMapReaction(QAction *action, MainWindow *window)
    : Reaction(action, window)
{
    action->setCheckable(true);
    action->setChecked(window->isFlatMap());
    connect(window, &MainWindow::flatMapChanged, action, &QAction::setChecked);
}

void FlatMapReaction::onToggled(bool on) { window()->setFlatMap(on); }

TowerLabelsReaction::TowerLabelsReaction(QAction *action, MainWindow *window)
    : Reaction(action, window)
{
    action->setCheckable(true);
    action->setChecked(QSettings().value(QStringLiteral("view/towerLabels"), false).toBool());
}

void TowerLabelsReaction::onToggled(bool on)
{
    window()->globe()->setLabelsVisible(on);
    window()->flatMap()->setLabelsVisible(on);
    QSettings().setValue(QStringLiteral("view/towerLabels"), on);
}

FindSiteReaction::FindSiteReaction(QAction *action, MainWindow *window)
    : Reaction(action, window)
{}

void FindSiteReaction::onTriggered()
{
    window()->showPanel(QStringLiteral("sites"));
    window()->sitesPanel()->focusFilter();
}

PresentationModeReaction::PresentationModeReaction(QAction *action, MainWindow *window, QAction *play)
    : Reaction(action, window)
    , play_(play)
    , rotation_(new QTimer(this))
{
    action->setCheckable(true);
    rotation_->setInterval(40);
    // 4° a second, as the Earth turns: the surface moves east, so the view's centre moves west
    // (as the animation export's turning globe does).
    connect(rotation_, &QTimer::timeout, this, [this] { this->window()->globe()->rotateBy(-0.16, 0.0); });
    auto *leave = new QShortcut(QKeySequence(Qt::Key_Escape), window);
    connect(leave, &QShortcut::activated, action, [action] { action->setChecked(false); });
}

void PresentationModeReaction::onToggled(bool on)
{
    if (on) {
        normalFont_ = QApplication::font();
        QFont larger = normalFont_;
        larger.setPointSizeF(normalFont_.pointSizeF() * 1.4);
        QApplication::setFont(larger);
        wasMaximized_ = window()->isMaximized();
        window()->showFullScreen();
        rotation_->start();
        if (play_->isEnabled())
            play_->setChecked(true);
    } else {
        rotation_->stop();
        play_->setChecked(false);
        QApplication::setFont(normalFont_);
        if (wasMaximized_)
            window()->showMaximized();
        else
            window()->showNormal();
    }
}

} // namespace xmw::ui
