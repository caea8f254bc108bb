#include "ui/app/wheel_guard.h"

#include <QAbstractScrollArea>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>
#include <QWidget>

namespace xmw::ui {

void WheelGuard::protect(QWidget *form)
{
    auto *guard = new WheelGuard(form);
    const auto watch = [guard](QWidget *field) {
        field->setFocusPolicy(Qt::StrongFocus); // not Qt::WheelFocus: the wheel alone does not take it
        field->installEventFilter(guard);
    };
    for (QAbstractSpinBox *box : form->findChildren<QAbstractSpinBox *>())
        watch(box);
    for (QComboBox *box : form->findChildren<QComboBox *>())
        watch(box);
}

bool WheelGuard::eventFilter(QObject *watched, QEvent *event)
{
    auto *field = static_cast<QWidget *>(watched);
    if (event->type() == QEvent::Wheel && !field->hasFocus()) {
        // The scroll area around the form gets the turn. Handed over explicitly: Qt 6 passes a
        // wheel event on to the parents only when it came from the window system.
        for (QWidget *parent = field->parentWidget(); parent; parent = parent->parentWidget())
            if (auto *area = qobject_cast<QAbstractScrollArea *>(parent)) {
                QCoreApplication::sendEvent(area->viewport(), event);
                event->accept();
                return true;
            }
        event->ignore(); // no scroll area: let the parents have it
        return true;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace xmw::ui
