#pragma once

namespace xmw::geo {

// A position on the globe in degrees: latitude −90…90 (north positive), longitude −180…180 (east positive).
struct GeoPoint {
    double lat = 0.0;
    double lon = 0.0;
};

// Longitude folded into [−180, 180).
[[nodiscard]] inline double wrapLongitude(double lon)
{
    while (lon >= 180.0)
        lon -= 360.0;
    while (lon < -180.0)
        lon += 360.0;
    return lon;
}

} // namespace xmw::geo
