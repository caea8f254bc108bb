#pragma once

#include "core/learn/run_file.h"

#include <QObject>
#include <QString>

#include <vector>

namespace xmw::ui {

class TaskManager;

// The run files of a dataset's runs/ folder, as summaries (configuration, labels, metrics), read
// by a task of the I/O lane; changed() follows every refresh. Renaming rewrites a file in the
// background too; deleting removes it.
class RunStore : public QObject {
    Q_OBJECT

public:
    struct Run {
        QString path;
        learn::RunRecord summary; // no predictions or weights
    };

    explicit RunStore(TaskManager *tasks, QObject *parent = nullptr);
    [[nodiscard]] TaskManager *tasks() const { return tasks_; }

    void setFolder(const QString &folder); // empty: none; refreshes
    [[nodiscard]] const QString &folder() const { return folder_; }
    void refresh();
    // True from a refresh until changed() has delivered it.
    [[nodiscard]] bool isReading() const { return reading_; }
    [[nodiscard]] const std::vector<Run> &runs() const { return runs_; }
    [[nodiscard]] const Run *find(const QString &path) const;

    void setLabels(const QString &path, const QString &name, const QString &notes);
    // Removes the run file (and a checkpoint beside it); empty or the problem.
    QString remove(const QString &path);

Q_SIGNALS:
    void changed();
    void failed(const QString &message);

private:
    QString folder_;
    std::vector<Run> runs_;
    TaskManager *tasks_;
    bool again_ = false; // a refresh was asked for while one ran
    bool reading_ = false; // from a refresh until its result has arrived here
};

} // namespace xmw::ui
