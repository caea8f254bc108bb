#pragma once

#include "core/data/grid_dataset.h"
#include "core/feedback.h"

#include <string>
#include <string_view>
#include <vector>

namespace xmw::data {

// What a map shows of a time-varying variable: one day, or the mean of the month or year around it.
enum class Period { Day, Month, Year };

[[nodiscard]] std::string periodName(Period period);

// The per-cell mean of a variable over the day, month or calendar year containing `date` (every
// day of it, 29 February included), ignoring missing days; NaN where a cell has none. Static
// fields are returned as they are; a monthly variable's month is its value. A daily variable's
// month is one hyperslab read; a year is twelve. Checks `feedback` between reads.
[[nodiscard]] std::vector<float> periodMean(const GridDataset &grid, std::string_view name, Date date, Period period, Feedback &feedback);

} // namespace xmw::data
