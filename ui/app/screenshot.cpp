#include "ui/app/screenshot.h"

#include "core/data/dataset.h"
#include "ui/app/tour.h"
#include "ui/globe/globe_view.h"
#include "ui/main_window.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPixmap>
#include <QPointer>
#include <QSaveFile>
#include <QTimer>

#include <memory>
#include <utility>

namespace xmw::ui {

namespace {

constexpr int kFirstFrameTimeoutMs = 20000;

QString writePng(MainWindow *window, const QString &path)
{
    window->globe()->settle(); // the still picture, antialiased, even right after a motion
    QPixmap pixmap = window->grab();
    if (pixmap.isNull())
        return QCoreApplication::translate("Screenshot", "could not grab the window");
    // The tour's bubble is a window of its own: drawn in where it stands over this one.
    for (TourBubble *bubble : window->findChildren<TourBubble *>())
        if (bubble->isVisible()) {
            QPainter painter(&pixmap);
            painter.setClipRegion(bubble->shape().translated(bubble->geometry().topLeft() - window->mapToGlobal(QPoint(0, 0))));
            painter.drawPixmap(bubble->geometry().topLeft() - window->mapToGlobal(QPoint(0, 0)), bubble->grab());
        }
    // QSaveFile: a failed write leaves no half-written file behind.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QCoreApplication::translate("Screenshot", "%1: %2").arg(path, file.errorString());
    if (!pixmap.save(&file, "PNG") || !file.commit())
        return QCoreApplication::translate("Screenshot", "%1: could not write the PNG (%2)").arg(path, file.errorString());
    return {};
}

} // namespace

void saveScreenshotWhenReady(MainWindow *window, const QString &path, std::function<void(const QString &)> done)
{
    struct Pending {
        bool finished = false;
        std::function<void(const QString &)> done;
        void finish(const QString &error)
        {
            if (finished)
                return;
            finished = true;
            done(error);
        }
    };
    auto pending = std::make_shared<Pending>();
    pending->done = std::move(done);
    QPointer<MainWindow> guard(window);

    if (window->isFlatMap()) {
        // The flat map is a plain widget that grab() paints; the hidden globe renders no frame.
        QTimer::singleShot(0, window, [pending, guard, path] {
            if (guard)
                pending->finish(writePng(guard, path));
        });
        return;
    }
    QObject::connect(window->globe(), &GlobeView::frameSwapped, window, [pending, guard, path] {
        // Let the rest of the window finish its own painting before grabbing it.
        QTimer::singleShot(0, guard, [pending, guard, path] {
            if (guard)
                pending->finish(writePng(guard, path));
        });
    });
    QTimer::singleShot(kFirstFrameTimeoutMs, window, [pending] {
        pending->finish(QCoreApplication::translate("Screenshot",
                                                    "the globe did not render within %1 s "
                                                    "(is there a working OpenGL 3.2 display?)")
                            .arg(kFirstFrameTimeoutMs / 1000));
    });
    window->globe()->requestRender();
}

AwaitedMap awaitedMap(int upscaleYear, bool difference)
{
    return upscaleYear == 0 ? AwaitedMap::Any : difference ? AwaitedMap::PredictionDifference : AwaitedMap::Prediction;
}

bool showsAwaitedMap(const MainWindow &window, AwaitedMap map)
{
    const auto &field = window.field();
    return map == AwaitedMap::Any || (field && field->prediction && field->difference == (map == AwaitedMap::PredictionDifference));
}

void saveScreenshotWhenMapShown(MainWindow *window, const QString &path, bool waitForSeries, std::function<void(const QString &)> done,
                                AwaitedMap map)
{
    struct State {
        bool map = false, series = false, finished = false;
        std::function<void(const QString &)> done;
    };
    auto state = std::make_shared<State>();
    state->series = !waitForSeries;
    state->done = std::move(done);
    const auto maybeSave = [window, path, state] {
        if (state->map && state->series && !std::exchange(state->finished, true))
            saveScreenshotWhenReady(window, path, state->done);
    };
    QObject::connect(window, &MainWindow::mapShown, window, [window, state, maybeSave, map] {
        state->map = showsAwaitedMap(*window, map);
        maybeSave();
    });
    QObject::connect(window, &MainWindow::timeSeriesShown, window, [state, maybeSave] {
        state->series = true;
        maybeSave();
    });
    // A dataset without grids shows no map: the towers-only view is the final state.
    QObject::connect(window, &MainWindow::datasetLoaded, window, [window, state, maybeSave] {
        if (!window->dataset()->grid()) {
            state->map = true;
            maybeSave();
        }
    });
    QObject::connect(window, &MainWindow::datasetFailed, window, [state](const QString &message) {
        if (!std::exchange(state->finished, true))
            state->done(message);
    });
}

} // namespace xmw::ui
