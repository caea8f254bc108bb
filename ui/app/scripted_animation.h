#pragma once

#include "ui/animation/animation_export.h"
#include "ui/app/explorer_options.h"
#include "ui/app/screenshot.h"

#include <QString>

#include <functional>

namespace xmw::ui {

class MainWindow;

// --animate: once the dataset being opened shows its first map (or the awaited prediction layer),
// writes the animation the request describes from that map, as File ▸ Export ▸ Animation would.
// `progress` hears the export's fraction done; `done` receives the outcome, or the problem.
void exportAnimationWhenMapShown(MainWindow *window, const AnimationRequest &request, AwaitedMap map,
                                 std::function<void(double fraction)> progress,
                                 std::function<void(const AnimationOutcome &outcome, const QString &error)> done);

} // namespace xmw::ui
