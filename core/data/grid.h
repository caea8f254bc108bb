#pragma once

#include "core/geo/geo_point.h"

#include <cmath>

namespace xmw::data {

// A regular latitude/longitude grid, stored south to north: lat(row) = lat0 + row·dLat and
// lon(col) = lon0 + col·dLon are cell centres; cell (row, col) spans half a step either side. Files
// without coordinates are global grids whose first cell's south-west corner is at 90°S, 180°W, so
// its centre is half a cell north-east of it (0.5°: row 0 centred at 89.75°S). A position belongs to
// the cell that contains it.
struct Grid {
    int rows = 0;
    int cols = 0;
    double lat0 = -89.75;
    double lon0 = -179.75;
    double dLat = 0.5;
    double dLon = 0.5;

    [[nodiscard]] static Grid global(double resolutionDeg)
    {
        return {int(std::lround(180.0 / resolutionDeg)),
                int(std::lround(360.0 / resolutionDeg)),
                -90.0 + resolutionDeg / 2,
                -180.0 + resolutionDeg / 2,
                resolutionDeg,
                resolutionDeg};
    }

    [[nodiscard]] std::size_t cellCount() const { return std::size_t(rows) * std::size_t(cols); }
    [[nodiscard]] double lat(int row) const { return lat0 + row * dLat; }
    [[nodiscard]] double lon(int col) const { return lon0 + col * dLon; }

    // The cell containing a position, i.e. the nearest centre (rows clamped, columns wrapped around the globe).
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
        return rows == other.rows && cols == other.cols && std::abs(lat0 - other.lat0) < 1e-6 && std::abs(lon0 - other.lon0) < 1e-6 &&
            std::abs(dLat - other.dLat) < 1e-9 && std::abs(dLon - other.dLon) < 1e-9;
    }
};

} // namespace xmw::data
