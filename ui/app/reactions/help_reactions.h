#pragma once

#include "ui/app/reactions/reaction.h"

namespace xmw::ui {

class MainWindow;

// Help ▸ About the Data: what TEM-MDM and FLUXNET-CH4 are; non-modal, so that a class reads it
// beside the globe.
class AboutDataReaction : public Reaction {
    Q_OBJECT
public:
    AboutDataReaction(QAction *action, MainWindow *window);

protected:
    void onTriggered() override;
};

// Help ▸ Take the Tour: the guided tour, from its first step.
class TourReaction : public Reaction {
    Q_OBJECT
public:
    TourReaction(QAction *action, MainWindow *window);

protected:
    void onTriggered() override;
};

// Help ▸ About X-MethaneWet Explorer.
class AboutReaction : public Reaction {
    Q_OBJECT
public:
    AboutReaction(QAction *action, MainWindow *window);

protected:
    void onTriggered() override;
};

} // namespace xmw::ui
