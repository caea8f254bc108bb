#include "core/data/period_mean.h"

#include <cmath>

namespace xmw::data {

namespace {

// Per-cell running sums of the values that exist.
struct Accumulator {
    std::vector<double> sum;
    std::vector<int> count;
    explicit Accumulator(std::size_t cells)
        : sum(cells, 0.0)
        , count(cells, 0)
    {}

    void add(std::size_t cell, float value)
    {
        if (!std::isnan(value)) {
            sum[cell] += value;
            ++count[cell];
        }
    }
    void addField(const std::vector<float> &field)
    {
        for (std::size_t c = 0; c < field.size(); ++c)
            add(c, field[c]);
    }
    [[nodiscard]] std::vector<float> mean() const
    {
        std::vector<float> out(sum.size(), std::numeric_limits<float>::quiet_NaN());
        for (std::size_t c = 0; c < sum.size(); ++c)
            if (count[c] > 0)
                out[c] = float(sum[c] / count[c]);
        return out;
    }
};

void addMonth(const GridDataset &grid, const GridVariable &v, int year, int month, Accumulator &into, Feedback &feedback)
{
    if (feedback.isCanceled())
        throw Canceled();
    if (v.cadence == Cadence::Monthly) {
        // A monthly value stands for each of its days, so months weigh by their length in a year.
        const std::vector<float> field = grid.dayField(v.name, {year, month, 1});
        for (int d = 0; d < daysInMonth(year, month); ++d)
            into.addField(field);
        return;
    }
    if (grid.hasMonthBlocks()) {
        const std::vector<float> block = grid.monthBlock(v.name, year, month); // cells × 31, day fastest
        const auto days = std::size_t(daysInMonth(year, month)); // what lies past the month's end is not data
        for (std::size_t c = 0; c < into.sum.size(); ++c)
            for (std::size_t d = 0; d < days; ++d)
                into.add(c, block[c * 31 + d]);
        return;
    }
    for (int d = 1; d <= daysInMonth(year, month); ++d) {
        if (feedback.isCanceled())
            throw Canceled();
        into.addField(grid.dayField(v.name, {year, month, d}));
    }
}

} // namespace

std::string periodName(Period period)
{
    switch (period) {
    case Period::Month: return "monthly mean";
    case Period::Year: return "annual mean";
    case Period::Day: break;
    }
    return "day";
}

std::vector<float> periodMean(const GridDataset &grid, std::string_view name, Date date, Period period, Feedback &feedback)
{
    const GridVariable &v = grid.variable(name);
    if (period == Period::Day || v.cadence == Cadence::Static || (period == Period::Month && v.cadence == Cadence::Monthly))
        return grid.dayField(name, date);
    Accumulator sums(std::size_t(grid.grid().rows) * std::size_t(grid.grid().cols));
    if (period == Period::Month) {
        addMonth(grid, v, date.year, date.month, sums, feedback);
    } else {
        for (int month = 1; month <= 12; ++month) {
            addMonth(grid, v, date.year, month, sums, feedback);
            feedback.setProgress(month / 12.0, "annual mean");
        }
    }
    return sums.mean();
}

} // namespace xmw::data
