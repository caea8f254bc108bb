#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace xmw::ui {

class Task;
class TaskManager;

// The status bar's view of a TaskManager: the oldest running task with its progress, how many
// more there are, and a Cancel button whose menu lists each task to cancel it alone. Hidden while
// nothing runs.
class TaskStatusWidget : public QWidget {
    Q_OBJECT

public:
    explicit TaskStatusWidget(TaskManager *tasks, QWidget *parent = nullptr);

private:
    void refresh();

    TaskManager *tasks_;
    QLabel *label_;
    QProgressBar *bar_;
    QToolButton *cancel_;
};

} // namespace xmw::ui
