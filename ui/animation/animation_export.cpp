#include "ui/animation/animation_export.h"

#include "ui/animation/animation_frames.h"
#include "ui/animation/video_writer.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <future>

namespace xmw::ui {

AnimationOutcome exportAnimation(const AnimationSpec &spec, Feedback &feedback)
{
    QElapsedTimer clock;
    clock.start();
    const AnimationFrames frames(spec, feedback);
    VideoWriter writer(spec.path.toStdString(), spec.video);
    const auto draw = [&frames](int index) { return frames.frame(index); };
    // A std::async future waits for its thread when destroyed: no frame outlives `frames`.
    std::future<QImage> next = std::async(std::launch::async, draw, 0);
    for (int i = 0; i < frames.count(); ++i) {
        const QImage current = next.get();
        if (i + 1 < frames.count())
            next = std::async(std::launch::async, draw, i + 1);
        if (feedback.isCanceled())
            throw Canceled();
        writer.addFrame(current.constBits(), int(current.bytesPerLine()));
        feedback.setProgress(0.05 + 0.95 * (i + 1) / frames.count(),
                             QCoreApplication::translate("AnimationFrames", "Frame %1 of %2").arg(i + 1).arg(frames.count()).toStdString());
    }
    writer.finish();
    return {spec.path, writer.framesWritten(), clock.elapsed() / 1000.0, QString::fromStdString(writer.encoderName())};
}

} // namespace xmw::ui
