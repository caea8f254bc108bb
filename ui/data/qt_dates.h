#pragma once

#include "core/data/calendar.h"

#include <QDate>

namespace xmw::ui {

// The engine's calendar date and Qt's, for the widgets that show and edit dates.
[[nodiscard]] inline QDate toQDate(data::Date d) { return {d.year, d.month, d.day}; }
[[nodiscard]] inline data::Date fromQDate(QDate d) { return {d.year(), d.month(), d.day()}; }

} // namespace xmw::ui
