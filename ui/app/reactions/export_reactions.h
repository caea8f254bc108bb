#pragma once

#include "ui/app/reactions/reaction.h"

#include <QPointer>
#include <QString>

#include <functional>

namespace xmw::ui {

class MainWindow;
class Task;

// Asks for a file to save (title, filter, default suffix) and writes it with `write`, which
// returns the problem or nothing; the window's status bar says where it went, a dialog why not.
void saveThroughDialog(MainWindow *window, const QString &title, const QString &filter, const QString &suffix,
                       const std::function<QString(const QString &path)> &write);

// The exports of the map layer on screen; enabled while a map is shown.
class ExportMapReaction : public Reaction {
    Q_OBJECT
public:
    enum class Kind {
        Picture, // File ▸ Export ▸ Map Image: the map area as on screen, PNG
        FlatFigure, // File ▸ Export ▸ Flat Map Figure: the world at a chosen width, PNG
        Clipboard, // File ▸ Export ▸ Copy Map Image
    };
    ExportMapReaction(QAction *action, MainWindow *window, Kind kind);

protected:
    void onTriggered() override;
    void updateEnableState() override;

private:
    Kind kind_;
};

// The exports of the time-series plot; enabled while it shows something.
class ExportSeriesReaction : public Reaction {
    Q_OBJECT
public:
    enum class Kind {
        Figure, // PDF, SVG or PNG
        Csv,
    };
    ExportSeriesReaction(QAction *action, MainWindow *window, Kind kind);

protected:
    void onTriggered() override;
    void updateEnableState() override;

private:
    Kind kind_;
};

// File ▸ Export ▸ Prediction (CF NetCDF): the upscaled layer on the map, written on a worker (a
// 0.5° year is a few hundred MB before compression); enabled while a prediction layer is shown.
class ExportPredictionReaction : public Reaction {
    Q_OBJECT
public:
    ExportPredictionReaction(QAction *action, MainWindow *window);

protected:
    void onTriggered() override;
    void updateEnableState() override;

private:
    QPointer<Task> writer_;
};

// File ▸ Export ▸ Animation…: the map layer over a period as a video (see AnimationDialog), made
// by a task; enabled while a map is shown.
class ExportAnimationReaction : public Reaction {
    Q_OBJECT
public:
    ExportAnimationReaction(QAction *action, MainWindow *window);

protected:
    void onTriggered() override;
    void updateEnableState() override;
};

} // namespace xmw::ui
