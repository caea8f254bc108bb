#pragma once

#include <QObject>

class QWidget;

namespace xmw::ui {

// Keeps the mouse wheel from changing spin boxes and combo boxes that the user is only scrolling
// past: inside a scrolling form, a wheel turn over a field that does not have the focus scrolls
// the form instead (it silently changed "Training data" from 100 % to 91 % before). A click or
// Tab gives the field the focus, and then the wheel changes its value as usual.
class WheelGuard : public QObject {
    Q_OBJECT

public:
    // Guards every spin box and combo box inside `form` (they take the focus by click or Tab).
    static void protect(QWidget *form);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    using QObject::QObject;
};

} // namespace xmw::ui
