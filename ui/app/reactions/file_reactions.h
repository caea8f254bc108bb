#pragma once

#include "ui/app/reactions/reaction.h"

class QMenu;

namespace xmw::ui {

class MainWindow;

// File ▸ Open Dataset…: a folder in the X-MethaneWet layout.
class OpenDatasetReaction : public Reaction {
    Q_OBJECT
public:
    OpenDatasetReaction(QAction *action, MainWindow *window);

protected:
    void onTriggered() override;
};

// File ▸ Open Demo Dataset: made in the user's data folder the first time.
class OpenDemoReaction : public Reaction {
    Q_OBJECT
public:
    OpenDemoReaction(QAction *action, MainWindow *window);

protected:
    void onTriggered() override;
};

// File ▸ Quit.
class QuitReaction : public Reaction {
    Q_OBJECT
public:
    QuitReaction(QAction *action, MainWindow *window);

protected:
    void onTriggered() override;
};

// File ▸ Open Recent: the datasets opened last (kept in the settings), newest first; each dataset
// the window opens joins it.
class RecentDatasetsMenu : public QObject {
    Q_OBJECT
public:
    static constexpr int kLimit = 8;

    RecentDatasetsMenu(QMenu *menu, MainWindow *window);

    [[nodiscard]] static QStringList datasets();
    static void remember(const QString &path);

private:
    void rebuild();

    QMenu *menu_;
    MainWindow *window_;
};

} // namespace xmw::ui
