#pragma once

#include <QObject>

class QAction;

namespace xmw::ui {

class MainWindow;

// What one action of the menus and toolbars does, after ParaView's pqReaction: the QAction (the
// reaction's parent) carries the text, shortcut and tip and sits in whatever menu or toolbar the
// window puts it; the reaction owns what happens when it fires and when it may. The window only
// assembles: it makes the actions, hands each to its reaction and places it.
class Reaction : public QObject {
    Q_OBJECT

public:
    Reaction(QAction *action, MainWindow *window);

    [[nodiscard]] QAction *action() const;
    [[nodiscard]] MainWindow *window() const { return window_; }

protected:
    // A plain action fires; a checkable one is toggled (by the user or by setChecked).
    virtual void onTriggered() {}
    virtual void onToggled(bool /*on*/) {}
    // Enables the action when it applies; reactions call it when what it depends on changes.
    virtual void updateEnableState() {}

private:
    MainWindow *window_;
};

} // namespace xmw::ui
