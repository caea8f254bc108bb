#include "ui/app/scripted_animation.h"

#include "ui/data/qt_dates.h"
#include "ui/main_window.h"
#include "ui/tasks/task.h"

#include <QCoreApplication>

#include <memory>

namespace xmw::ui {

namespace {

AnimationSpec applyRequest(AnimationSpec spec, const AnimationRequest &request)
{
    spec.from = fromQDate(request.from);
    spec.to = fromQDate(request.to);
    spec.step = request.step == QLatin1String("month") ? AnimationStep::Month
        : request.step == QLatin1String("year")        ? AnimationStep::Year
                                                       : AnimationStep::Day;
    spec.view = request.view == QLatin1String("flat") ? AnimationView::FlatMap
        : request.view == QLatin1String("turning")    ? AnimationView::TurningGlobe
                                                      : AnimationView::Globe;
    spec.path = request.path;
    spec.video = {request.size.width(), request.size.height(), request.framesPerSecond,
                  videoFormatForPath(request.path.toStdString()).value_or(VideoFormat::Mp4)};
    spec.title = request.title;
    spec.sameRangeOnEveryFrame = !request.eachFrameItsOwnRange;
    return spec;
}

} // namespace

void exportAnimationWhenMapShown(MainWindow *window, const AnimationRequest &request, AwaitedMap map, std::function<void(double)> progress,
                                 std::function<void(const AnimationOutcome &, const QString &)> done)
{
    auto started = std::make_shared<bool>(false);
    auto finish = std::make_shared<std::function<void(const AnimationOutcome &, const QString &)>>(std::move(done));
    QObject::connect(window, &MainWindow::mapShown, window, [=] {
        if (!showsAwaitedMap(*window, map) || std::exchange(*started, true))
            return;
        const auto spec = window->animationSpec();
        if (!spec) {
            (*finish)({}, QCoreApplication::translate("ScriptedAnimation", "there is no map to animate"));
            return;
        }
        QObject::connect(window, &MainWindow::animationExported, window,
                         [finish](const AnimationOutcome &outcome) { (*finish)(outcome, {}); });
        QObject::connect(window, &MainWindow::animationFailed, window, [finish](const QString &error) { (*finish)({}, error); });
        Task *task = window->exportAnimation(applyRequest(*spec, request));
        QObject::connect(task, &Task::progressChanged, window, progress);
    });
    QObject::connect(window, &MainWindow::datasetLoaded, window, [=] {
        if (!window->dataset()->grid() && !std::exchange(*started, true))
            (*finish)({}, QCoreApplication::translate("ScriptedAnimation", "this dataset has no TEM-MDM grids to animate"));
    });
    QObject::connect(window, &MainWindow::datasetFailed, window, [=](const QString &message) {
        if (!std::exchange(*started, true))
            (*finish)({}, message);
    });
}

} // namespace xmw::ui
