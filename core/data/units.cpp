#include "core/data/units.h"

#include <algorithm>
#include <cctype>

namespace xmw::data::units {

std::string symbol(Flux unit) { return unit == Flux::NmolPerSquareMetrePerSecond ? "nmol CH4 m-2 s-1" : "mg CH4 m-2 d-1"; }

std::optional<Flux> parseFlux(std::string_view text)
{
    // Compare on letters and digits only, lower case: "mg CH4 m-2 d-1" → "mgch4m2d1".
    std::string key;
    for (const char c : text)
        if (std::isalnum(static_cast<unsigned char>(c)))
            key += char(std::tolower(static_cast<unsigned char>(c)));
    for (const char *gas : {"ch4", ""}) {
        for (const char *mg : {"mg", "milligram"}) {
            for (const char *area : {"m2", "m-2"}) {
                for (const char *day : {"d1", "d", "day", "day1", "perday"}) {
                    std::string candidate = std::string(mg) + gas + area + day;
                    candidate.erase(std::remove(candidate.begin(), candidate.end(), '-'), candidate.end());
                    if (key == candidate)
                        return Flux::MgPerSquareMetrePerDay;
                }
            }
        }
        for (const char *form : {"nmolm2s1", "nmolm2s", "nmolm2persecond"}) {
            std::string candidate = std::string("nmol") + gas + std::string(form).substr(4);
            if (key == candidate)
                return Flux::NmolPerSquareMetrePerSecond;
        }
    }
    return std::nullopt;
}

double convert(double value, Flux from, Flux to)
{
    if (from == to)
        return value;
    return from == Flux::NmolPerSquareMetrePerSecond ? nmolPerSecondToMgPerDay(value) : mgPerDayToNmolPerSecond(value);
}

} // namespace xmw::data::units
