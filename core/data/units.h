#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace xmw::data::units {

// Methane flux units of the two sources: towers report nmol CH4 m-2 s-1, TEM-MDM writes a daily
// mass flux: 1 nmol m-2 s-1 × 16.04 ng nmol-1 × 86 400 s d-1 = 1.3863 mg CH4 m-2 d-1.
inline constexpr double kMgPerDayPerNmolPerSecond = 1.3863;

enum class Flux { NmolPerSquareMetrePerSecond, MgPerSquareMetrePerDay };

[[nodiscard]] inline double nmolPerSecondToMgPerDay(double v) { return v * kMgPerDayPerNmolPerSecond; }
[[nodiscard]] inline double mgPerDayToNmolPerSecond(double v) { return v / kMgPerDayPerNmolPerSecond; }

[[nodiscard]] std::string symbol(Flux unit);
// Recognises the spellings in use ("mg CH4 m-2 d-1", "mgCH4/m2/day", "nmol m-2 s-1", "nmolCH4 m-2 s-1", …).
[[nodiscard]] std::optional<Flux> parseFlux(std::string_view text);
[[nodiscard]] double convert(double value, Flux from, Flux to);

} // namespace xmw::data::units
