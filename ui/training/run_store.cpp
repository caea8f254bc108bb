#include "ui/training/run_store.h"

#include "core/learn/training_job.h"

#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

namespace xmw::ui {

RunStore::RunStore(QObject *parent)
    : QObject(parent)
{
    connect(&loading_, &QFutureWatcher<std::vector<Run>>::finished, this, [this] {
        runs_ = loading_.result();
        reading_ = again_;
        Q_EMIT changed();
        if (std::exchange(again_, false))
            refresh();
    });
}

RunStore::~RunStore() { loading_.waitForFinished(); }

void RunStore::setFolder(const QString &folder)
{
    folder_ = folder;
    runs_.clear();
    Q_EMIT changed();
    refresh();
}

void RunStore::refresh()
{
    if (loading_.isRunning()) {
        again_ = true;
        return;
    }
    reading_ = true;
    const QString folder = folder_;
    loading_.setFuture(QtConcurrent::run([folder] {
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
    }));
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
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher] {
        const QString error = watcher->result();
        watcher->deleteLater();
        if (!error.isEmpty())
            Q_EMIT failed(error);
        refresh();
    });
    watcher->setFuture(QtConcurrent::run([path, name, notes]() -> QString {
        try {
            learn::updateRunLabels(path.toStdString(), name.toStdString(), notes.toStdString());
            return {};
        } catch (const std::exception &error) {
            return QString::fromStdString(error.what());
        }
    }));
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
