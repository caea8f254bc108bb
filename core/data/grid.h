#pragma once

#include "core/geo/geo_point.h"

#include <cmath>

namespace xmw::data {

// A regular global latitude/longitude grid, stored south to north: lat(row) = lat0 + row·dLat,
// lon(col) = lon0 + col·dLon. Files without coordinates follow X-MethaneWet's convention: row 0 at
// 90°S, column 0 at 180°W, so that a position's row is round((lat + 90) / resolution).
struct Grid {
    int rows = 0;
    int cols = 0;
    double lat0 = -90.0;
    double lon0 = -180.0;
    double dLat = 0.5;
    double dLon = 0.5;

    [[nodiscard]] static Grid global(double resolutionDeg)
    {
        return {int(std::lround(180.0 / resolutionDeg)), int(std::lround(360.0 / resolutionDeg)), -90.0, -180.0,
                resolutionDeg, resolutionDeg};
    }

    [[nodiscard]] std::size_t cellCount() const { return std::size_t(rows) * std::size_t(cols); }
    [[nodiscard]] double lat(int row) const { return lat0 + row * dLat; }
    [[nodiscard]] double lon(int col) const { return lon0 + col * dLon; }

    // The grid point nearest to a position (rows clamped, columns wrapped around the globe).
    [[nodiscard]] int row(double lat) const
    {
        const int r = int(std::lround((lat - lat0) / dLat));
        return r < 0 ? 0 : (r >= rows ? rows - 1 : r);
    }
    [[nodiscard]] int col(double lon) const
    {
        double east = std::fmod(lon - lon0, 360.0); // degrees east of column 0, in [0, 360)
        if (east < 0.0)
            east += 360.0;
        return int(std::lround(east / dLon)) % cols;
    }

    [[nodiscard]] bool sameAs(const Grid &other) const
    {
        return rows == other.rows && cols == other.cols && std::abs(lat0 - other.lat0) < 1e-6
               && std::abs(lon0 - other.lon0) < 1e-6 && std::abs(dLat - other.dLat) < 1e-9
               && std::abs(dLon - other.dLon) < 1e-9;
    }
};

} // namespace xmw::data
