#pragma once

#include <QString>

#include <functional>

class QIODevice;

namespace xmw::ui {

// Writes `path` through QSaveFile: `write` fills the device, and only when it succeeds does the
// file appear, whole, replacing any earlier one in a single rename; a failed export leaves the old
// file as it was and nothing half-written. Returns an empty string or the problem, naming the file.
[[nodiscard]] QString writeAtomically(const QString &path, const std::function<bool(QIODevice &out)> &write);

} // namespace xmw::ui
