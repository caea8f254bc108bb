#include "ui/tasks/task.h"

#include <QMetaObject>

namespace xmw::ui {

Task::Task(QString description)
    : description_(std::move(description))
{
    QPointer<Task> self(this);
    // The engine reports progress from the worker; the GUI thread hears of it through the event
    // loop, and not at all once the task has gone.
    feedback_ = std::make_shared<Feedback>([self](double fraction, const std::string &) {
        QMetaObject::invokeMethod(
            self.data(),
            [self, fraction] {
                if (self && self->isActive()) {
                    self->progress_ = fraction;
                    Q_EMIT self->progressChanged(fraction);
                }
            },
            Qt::QueuedConnection);
    });
}

Task::~Task() = default;

void Task::cancel()
{
    if (!isActive() || feedback_->isCanceled())
        return;
    feedback_->cancel();
    Q_EMIT cancelRequested();
}

void Task::runOnWorker()
{
    try {
        if (feedback_->isCanceled())
            throw Canceled();
        run(*feedback_);
        outcome_.emplace(State::Finished, QString());
    } catch (const Canceled &) {
        outcome_.emplace(State::Canceled, QString());
    } catch (const std::exception &error) {
        outcome_.emplace(State::Failed, QString::fromStdString(error.what()));
    } catch (...) {
        outcome_.emplace(State::Failed, tr("an unknown error"));
    }
}

void Task::end(State state, const QString &error)
{
    error_ = error;
    if (state == State::Finished) {
        progress_ = 1.0;
        deliver();
    }
    setState(state);
    Q_EMIT finished(state == State::Finished, error);
}

void Task::setState(State state)
{
    if (state_ == state)
        return;
    state_ = state;
    Q_EMIT stateChanged(state);
}

} // namespace xmw::ui
