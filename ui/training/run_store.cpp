#include "ui/training/run_store.h"

#include "core/learn/training_job.h"
#include "ui/tasks/task_manager.h"

#include <QFileInfo>

#include <filesystem>

namespace xmw::ui {

RunStore::RunStore(TaskManager *tasks, QObject *parent)
    : QObject(parent)
    , tasks_(tasks)
{}

void RunStore::setFolder(const QString &folder)
{
    folder_ = folder;
    runs_.clear();
    Q_EMIT changed();
    refresh();
}

void RunStore::refresh()
{
    if (reading_) {
        again_ = true;
        return;
    }
    reading_ = true;
    const QString folder = folder_;
    Task *task = tasks_->run(
        TaskManager::Lane::Io, tr("Reading the runs"), this,
        [folder](Feedback &) {
            std::vector<Run> runs;
            if (folder.isEmpty() || !QFileInfo(folder).isDir())
                return runs;
            // runs/ and each sweep's folder in it (runs/NAME/, docs/sweeps.md).
            std::vector<std::filesystem::path> folders = {folder.toStdString()};
            std::error_code ec;
            for (const auto &entry : std::filesystem::directory_iterator(folders.front(), ec))
                if (entry.is_directory(ec))
                    folders.push_back(entry.path());
            for (const auto &place : folders)
                for (const auto &path : learn::findRunFiles(place)) {
                    try {
                        runs.push_back({QString::fromStdString(path.string()), learn::readRunSummary(path)});
                    } catch (const std::exception &) {
                        continue; // went away or changed while listing
                    }
                }
            return runs;
        },
        [this](std::vector<Run> &&runs) {
            runs_ = std::move(runs);
            reading_ = again_;
            Q_EMIT changed();
        });
    connect(task, &Task::finished, this, [this](bool ok, const QString &error) {
        if (!ok) {
            reading_ = again_;
            if (!error.isEmpty())
                Q_EMIT failed(error);
        }
        if (std::exchange(again_, false)) {
            reading_ = false;
            refresh();
        }
    });
}

const RunStore::Run *RunStore::find(const QString &path) const
{
    for (const Run &run : runs_)
        if (run.path == path)
            return &run;
    return nullptr;
}

void RunStore::setLabels(const QString &path, const QString &name, const QString &notes)
{
    Task *task = tasks_->run(
        TaskManager::Lane::Io, tr("Renaming %1").arg(QFileInfo(path).fileName()), this,
        [path, name, notes](Feedback &) {
            learn::updateRunLabels(path.toStdString(), name.toStdString(), notes.toStdString());
            return true;
        },
        [](bool &&) {});
    connect(task, &Task::finished, this, [this](bool ok, const QString &error) {
        if (!ok && !error.isEmpty())
            Q_EMIT failed(error);
        refresh();
    });
}

QString RunStore::remove(const QString &path)
{
    std::error_code ec;
    std::filesystem::remove(path.toStdString(), ec);
    if (ec)
        return tr("%1: %2").arg(path, QString::fromStdString(ec.message()));
    std::filesystem::remove(learn::TrainingJob::checkpointPath(path.toStdString()), ec);
    refresh();
    return {};
}

} // namespace xmw::ui
