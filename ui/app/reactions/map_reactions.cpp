#include "ui/app/reactions/map_reactions.h"

#include "ui/main_window.h"
#include "ui/map/map_tool_bar.h"

#include <QAction>
#include <QTimer>

#include <algorithm>

namespace xmw::ui {

namespace {
bool hasGrids(const MainWindow *window) { return window->dataset() && window->dataset()->grid().has_value(); }
} // namespace

PlayReaction::PlayReaction(QAction *action, MainWindow *window)
    : Reaction(action, window)
    , timer_(new QTimer(this))
{
    action->setCheckable(true);
    connect(timer_, &QTimer::timeout, window->mapBar(), &MapToolBar::advance);
    connect(window->mapBar(), &MapToolBar::speedChanged, this, [this](int daysPerSecond) { timer_->setInterval(1000 / daysPerSecond); });
    connect(window, &MainWindow::datasetLoaded, this, [this] {
        this->action()->setChecked(false);
        updateEnableState();
    });
    updateEnableState();
}

void PlayReaction::updateEnableState() { action()->setEnabled(hasGrids(window())); }

void PlayReaction::onToggled(bool playing)
{
    action()->setText(playing ? tr("&Pause") : tr("&Play"));
    if (playing)
        timer_->start(1000 / std::max(1, window()->mapBar()->daysPerSecond()));
    else
        timer_->stop();
}

StepDateReaction::StepDateReaction(QAction *action, MainWindow *window, int days, int months)
    : Reaction(action, window)
    , days_(days)
    , months_(months)
{
    connect(window, &MainWindow::datasetLoaded, this, &StepDateReaction::updateEnableState);
    updateEnableState();
}

void StepDateReaction::updateEnableState() { action()->setEnabled(hasGrids(window())); }

void StepDateReaction::onTriggered() { window()->stepDate(days_, months_); }

} // namespace xmw::ui
