#pragma once

#include <cmath>

namespace xmw::geo {

// A position on the globe in degrees: latitude −90…90 (north positive), longitude −180…180 (east positive).
struct GeoPoint {
    double lat = 0.0;
    double lon = 0.0;
};

// Longitude folded into [−180, 180).
// Into [−180, 180). By remainder, not by repeated steps: a longitude of 1e30 (a fill value in a
// coordinate) must not take forever (found by fuzz_grid_variable_file). Non-finite stays as it is.
[[nodiscard]] inline double wrapLongitude(double lon)
{
    if (!std::isfinite(lon))
        return lon;
    double wrapped = std::fmod(lon + 180.0, 360.0);
    if (wrapped < 0.0)
        wrapped += 360.0;
    return wrapped - 180.0;
}

} // namespace xmw::geo
