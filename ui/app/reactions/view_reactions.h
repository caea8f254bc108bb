#pragma once

#include "ui/app/reactions/reaction.h"

#include <QFont>

class QTimer;

namespace xmw::ui {

class MainWindow;

// View ▸ Reset View: the globe and the flat map back to their default position and distance.
class ResetViewReaction : public Reaction {
    Q_OBJECT
public:
    ResetViewReaction(QAction *action, MainWindow *window);

protected:
    void onTriggered() override;
};

// View ▸ Flat Map (checkable): the flat map in place of the globe; follows the window when the
// map is switched another way (--flat).
class FlatMapReaction : public Reaction {
    Q_OBJECT
public:
    FlatMapReaction(QAction *action, MainWindow *window);

protected:
    void onToggled(bool on) override;
};

// View ▸ Tower Labels (checkable, remembered): each tower's id beside it, on both maps.
class TowerLabelsReaction : public Reaction {
    Q_OBJECT
public:
    TowerLabelsReaction(QAction *action, MainWindow *window);

protected:
    void onToggled(bool on) override;
};

// View ▸ Find Site…: the Sites panel, with the cursor in its filter.
class FindSiteReaction : public Reaction {
    Q_OBJECT
public:
    FindSiteReaction(QAction *action, MainWindow *window);

protected:
    void onTriggered() override;
};

// View ▸ Presentation Mode (checkable; F11, Esc ends it): full screen, text 1.4 times larger
// (readable from the back of a room), the globe turning slowly and the days playing.
class PresentationModeReaction : public Reaction {
    Q_OBJECT
public:
    PresentationModeReaction(QAction *action, MainWindow *window, QAction *play);

protected:
    void onToggled(bool on) override;

private:
    QAction *play_;
    QTimer *rotation_;
    QFont normalFont_;
    bool wasMaximized_ = false;
};

} // namespace xmw::ui
