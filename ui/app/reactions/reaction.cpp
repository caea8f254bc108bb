#include "ui/app/reactions/reaction.h"

#include <QAction>

namespace xmw::ui {

Reaction::Reaction(QAction *action, MainWindow *window)
    : QObject(action)
    , window_(window)
{
    connect(action, &QAction::triggered, this, [this] {
        if (!this->action()->isCheckable())
            onTriggered();
    });
    connect(action, &QAction::toggled, this, [this](bool on) { onToggled(on); });
}

QAction *Reaction::action() const { return static_cast<QAction *>(parent()); }

} // namespace xmw::ui
