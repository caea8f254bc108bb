#include "core/data/calendar.h"

#include <algorithm>
#include <charconv>

namespace xmw::data {

bool isLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int daysInMonth(int year, int month)
{
    static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeapYear(year) ? 29 : kDays[month - 1];
}

int daysInYear(int year) { return isLeapYear(year) ? 366 : 365; }

bool isValid(Date date) { return date.month >= 1 && date.month <= 12 && date.day >= 1 && date.day <= daysInMonth(date.year, date.month); }

// Howard Hinnant's days_from_civil / civil_from_days.
std::int64_t toDayNumber(Date date)
{
    const std::int64_t y = date.year - (date.month <= 2 ? 1 : 0);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t mp = (date.month + 9) % 12;
    const std::int64_t doy = (153 * mp + 2) / 5 + date.day - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

Date fromDayNumber(std::int64_t z)
{
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const int day = int(doy - (153 * mp + 2) / 5 + 1);
    const int month = int(mp < 10 ? mp + 3 : mp - 9);
    const int year = int(yoe + era * 400 + (month <= 2 ? 1 : 0));
    return {year, month, day};
}

namespace {

std::optional<int> digits(std::string_view text)
{
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || text.empty() || text.front() == '-' || text.front() == '+')
        return std::nullopt;
    return value;
}

} // namespace

std::optional<Date> parseDate(std::string_view text)
{
    std::optional<int> y, m, d;
    if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
        y = digits(text.substr(0, 4));
        m = digits(text.substr(5, 2));
        d = digits(text.substr(8, 2));
    } else if (text.size() == 8 || text.size() == 12) {
        if (!std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return std::nullopt;
        y = digits(text.substr(0, 4));
        m = digits(text.substr(4, 2));
        d = digits(text.substr(6, 2));
    }
    if (!y || !m || !d)
        return std::nullopt;
    const Date date{*y, *m, *d};
    if (!isValid(date))
        return std::nullopt;
    return date;
}

std::string toIsoString(Date date)
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
    return buffer;
}

std::optional<int> sequenceDayIndex(Date date)
{
    if (isLeapDay(date))
        return std::nullopt;
    const int jan1 = int(toDayNumber({date.year, 1, 1}));
    int index = int(toDayNumber(date)) - jan1;
    if (isLeapYear(date.year) && date.month > 2)
        --index;
    return index;
}

int sequenceDayShowing(Date date)
{
    if (isLeapDay(date))
        date.day = 28;
    return sequenceDayIndex(date).value_or(0);
}

std::array<Date, kSequenceDays> sequenceDates(int year)
{
    std::array<Date, kSequenceDays> dates{};
    std::size_t i = 0;
    for (int m = 1; m <= 12; ++m)
        for (int d = 1; d <= daysInMonth(year, m); ++d)
            if (!isLeapDay({year, m, d}))
                dates[i++] = {year, m, d};
    return dates;
}

} // namespace xmw::data
