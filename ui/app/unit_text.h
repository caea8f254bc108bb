#pragma once

#include <QString>

namespace xmw::ui {

// A unit as people read it: "degC" → "°C", "m-2" → "m⁻²", "W/m2" → "W/m²", "CH4" → "CH₄". For
// what the explorer shows; files, CSV columns and the CLI keep the ASCII form their readers parse.
[[nodiscard]] QString typesetUnit(const QString &unit);

} // namespace xmw::ui
