#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace xmw::data {

// A day of the proleptic Gregorian calendar.
struct Date {
    int year = 1970;
    int month = 1; // 1…12
    int day = 1; // 1…31

    // Spelled out rather than `<=>`: Qt 6.4's moc cannot parse <compare>, and tests moc this header.
    bool operator==(const Date &) const = default;
    [[nodiscard]] int key() const { return (year * 16 + month) * 32 + day; }
    bool operator<(const Date &o) const { return key() < o.key(); }
    bool operator>(const Date &o) const { return o < *this; }
    bool operator<=(const Date &o) const { return !(o < *this); }
    bool operator>=(const Date &o) const { return !(*this < o); }
};

[[nodiscard]] bool isLeapYear(int year);
[[nodiscard]] int daysInMonth(int year, int month);
[[nodiscard]] int daysInYear(int year);
[[nodiscard]] bool isValid(Date date);

// Days since 1970-01-01 (negative before), and back.
[[nodiscard]] std::int64_t toDayNumber(Date date);
[[nodiscard]] Date fromDayNumber(std::int64_t dayNumber);

// "YYYY-MM-DD", "YYYYMMDD" or FLUXNET's "YYYYMMDDHHMM"; empty on anything else or an impossible date.
[[nodiscard]] std::optional<Date> parseDate(std::string_view text);
[[nodiscard]] std::string toIsoString(Date date);

// The benchmark's 365-day year drops 29 February: day index 0…364 of a date, or empty for 29 Feb.
constexpr int kSequenceDays = 365;
[[nodiscard]] std::optional<int> sequenceDayIndex(Date date);
[[nodiscard]] constexpr bool isLeapDay(Date date) { return date.month == 2 && date.day == 29; }
// The day index that shows `date`: 29 February shows the 28th.
[[nodiscard]] int sequenceDayShowing(Date date);
// The 365 dates of a benchmark year, in order: element i is day index i.
[[nodiscard]] std::array<Date, kSequenceDays> sequenceDates(int year);

} // namespace xmw::data
