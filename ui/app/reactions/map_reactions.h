#pragma once

#include "ui/app/reactions/reaction.h"

class QTimer;

namespace xmw::ui {

class MainWindow;

// Map ▸ Play/Pause (checkable; Space): steps through the days, months or years at the map bar's
// speed, wrapping at the end of the record; the map follows as fast as it can be read. Enabled
// with a dataset that has grids; opening another dataset stops it.
class PlayReaction : public Reaction {
    Q_OBJECT
public:
    PlayReaction(QAction *action, MainWindow *window);

protected:
    void onToggled(bool playing) override;
    void updateEnableState() override;

private:
    QTimer *timer_;
};

// Map ▸ Previous/Next Day or Month: moves the map's date within the dataset's years.
class StepDateReaction : public Reaction {
    Q_OBJECT
public:
    StepDateReaction(QAction *action, MainWindow *window, int days, int months);

protected:
    void onTriggered() override;
    void updateEnableState() override;

private:
    int days_, months_;
};

} // namespace xmw::ui
