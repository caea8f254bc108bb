#pragma once

#include <QString>

#include <functional>

namespace xmw::ui {

class MainWindow;

// Once the globe has drawn its first frame, grabs the whole (shown) window and writes it as a PNG.
// `done` receives an empty string on success, else what went wrong.
void saveScreenshotWhenReady(MainWindow *window, const QString &path, std::function<void(const QString &error)> done);

// Which map a scripted screenshot waits for.
enum class AwaitedMap { Any, Prediction, PredictionDifference };

// The same once the dataset being opened shows its first map (or the awaited prediction layer),
// and, with `waitForSeries`, the selected towers' time series (or its error, which `done` receives).
void saveScreenshotWhenMapShown(MainWindow *window, const QString &path, bool waitForSeries, std::function<void(const QString &error)> done,
                                AwaitedMap map = AwaitedMap::Any);

} // namespace xmw::ui
