#pragma once

#include <QString>

#include <functional>

namespace xmw::ui {

class MainWindow;

// Once the globe has drawn its first frame, grabs the whole (shown) window and writes it as a PNG.
// `done` receives an empty string on success, else what went wrong.
void saveScreenshotWhenReady(MainWindow *window, const QString &path, std::function<void(const QString &error)> done);

// Which map a scripted screenshot (or animation) waits for.
enum class AwaitedMap { Any, Prediction, PredictionDifference };
// The one asked for on the command line: a prediction (or its difference) with --upscale, else any.
[[nodiscard]] AwaitedMap awaitedMap(int upscaleYear, bool difference);
// Whether the window's map is the awaited one.
[[nodiscard]] bool showsAwaitedMap(const MainWindow &window, AwaitedMap map);

// The same once the dataset being opened shows its first map (or the awaited prediction layer),
// and, with `waitForSeries`, the selected towers' time series (or its error, which `done` receives).
void saveScreenshotWhenMapShown(MainWindow *window, const QString &path, bool waitForSeries, std::function<void(const QString &error)> done,
                                AwaitedMap map = AwaitedMap::Any);

} // namespace xmw::ui
