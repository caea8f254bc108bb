#include "ui/tasks/task_status_widget.h"

#include "ui/tasks/task_manager.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPointer>
#include <QProgressBar>
#include <QToolButton>

#include <cmath>

namespace xmw::ui {

TaskStatusWidget::TaskStatusWidget(TaskManager *tasks, QWidget *parent)
    : QWidget(parent)
    , tasks_(tasks)
    , label_(new QLabel(this))
    , bar_(new QProgressBar(this))
    , cancel_(new QToolButton(this))
{
    setObjectName(QStringLiteral("taskStatus"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label_);
    layout->addWidget(bar_);
    layout->addWidget(cancel_);
    bar_->setMaximumWidth(160);
    bar_->setTextVisible(false);
    cancel_->setText(tr("Cancel"));
    cancel_->setToolTip(tr("Cancel the background work; the menu cancels one task alone"));
    cancel_->setPopupMode(QToolButton::MenuButtonPopup);
    cancel_->setMenu(new QMenu(cancel_));
    connect(cancel_, &QToolButton::clicked, tasks_, &TaskManager::cancelAll);
    // The menu is built as it opens, so that it lists what runs then.
    connect(cancel_->menu(), &QMenu::aboutToShow, this, [this] {
        QMenu *menu = cancel_->menu();
        menu->clear();
        for (Task *task : tasks_->activeTasks()) {
            QString text = task->description();
            if (task->state() == Task::State::Queued)
                text = tr("%1 (waiting)").arg(text);
            else if (task->progress() >= 0)
                text = tr("%1 (%2 %)").arg(text).arg(std::lround(task->progress() * 100));
            QPointer<Task> target(task);
            QAction *action = menu->addAction(text, this, [target] {
                if (target)
                    target->cancel();
            });
            action->setEnabled(!task->isCancelRequested());
        }
        menu->addSeparator();
        menu->addAction(tr("Cancel All"), tasks_, &TaskManager::cancelAll);
    });
    connect(tasks_, &TaskManager::taskAdded, this, &TaskStatusWidget::refresh);
    connect(tasks_, &TaskManager::taskChanged, this, &TaskStatusWidget::refresh);
    connect(tasks_, &TaskManager::taskFinished, this, &TaskStatusWidget::refresh);
    refresh();
}

void TaskStatusWidget::refresh()
{
    const std::vector<Task *> active = tasks_->activeTasks();
    setVisible(!active.empty());
    if (active.empty())
        return;
    Task *shown = active.front();
    for (Task *task : active)
        if (task->state() == Task::State::Running) {
            shown = task;
            break;
        }
    const auto others = qsizetype(active.size()) - 1;
    label_->setText(others > 0 ? tr("%1 (and %n more)", nullptr, int(others)).arg(shown->description()) : shown->description());
    if (shown->progress() < 0 || shown->state() != Task::State::Running) {
        bar_->setRange(0, 0); // no telling: a busy indicator
    } else {
        bar_->setRange(0, 100);
        bar_->setValue(int(std::lround(shown->progress() * 100)));
    }
    QStringList lines;
    for (Task *task : active)
        lines << task->description();
    setToolTip(lines.join(QLatin1Char('\n')));
}

} // namespace xmw::ui
