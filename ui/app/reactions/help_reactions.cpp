#include "ui/app/reactions/help_reactions.h"

#include "ui/about_data_dialog.h"
#include "ui/about_dialog.h"
#include "ui/app/tour.h"
#include "ui/main_window.h"

namespace xmw::ui {

AboutDataReaction::AboutDataReaction(QAction *action, MainWindow *window)
    : Reaction(action, window)
{}

void AboutDataReaction::onTriggered()
{
    auto *dialog = new AboutDataDialog(window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

TourReaction::TourReaction(QAction *action, MainWindow *window)
    : Reaction(action, window)
{}

void TourReaction::onTriggered() { window()->tour()->start(); }

AboutReaction::AboutReaction(QAction *action, MainWindow *window)
    : Reaction(action, window)
{}

void AboutReaction::onTriggered()
{
    AboutDialog dialog(window());
    dialog.exec();
}

} // namespace xmw::ui
