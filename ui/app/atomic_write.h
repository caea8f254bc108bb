#pragma once

#include <QString>

#include <functional>

namespace xmw::ui {

// Runs `write` on a temporary file beside `path` and renames it into place only when `write`
// succeeds, so a failed export never leaves half a file. Returns an empty string or the problem.
[[nodiscard]] QString writeAtomically(const QString &path, const std::function<bool(const QString &temporaryPath)> &write);

} // namespace xmw::ui
