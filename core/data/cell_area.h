#pragma once

#include "core/data/grid.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

namespace xmw::data {

// The radius of the sphere with the Earth's surface area (the authalic radius of GRS80/WGS84), so
// that cell areas add up to the Earth's 510.066 million km².
inline constexpr double kEarthRadiusMetres = 6371007.181;

[[nodiscard]] inline double degreesToRadians(double degrees) { return degrees * std::numbers::pi / 180.0; }

// The exact area (m²) on that sphere between two parallels and two meridians:
// R² · (sin φ_north − sin φ_south) · (λ_east − λ_west), latitudes clamped to the poles.
[[nodiscard]] inline double sphericalBoxArea(double southDeg, double northDeg, double westDeg, double eastDeg)
{
    const double s = degreesToRadians(std::clamp(southDeg, -90.0, 90.0));
    const double n = degreesToRadians(std::clamp(northDeg, -90.0, 90.0));
    return kEarthRadiusMetres * kEarthRadiusMetres * std::max(0.0, std::sin(n) - std::sin(s)) *
        std::max(0.0, degreesToRadians(eastDeg - westDeg));
}

// The area (m²) of one cell of a row: every cell of a row has the same area.
[[nodiscard]] inline double cellArea(const Grid &grid, int row)
{
    const double centre = grid.lat(row);
    return sphericalBoxArea(centre - grid.dLat / 2, centre + grid.dLat / 2, 0.0, grid.dLon);
}

// Cell areas of every row, south to north.
[[nodiscard]] inline std::vector<double> rowAreas(const Grid &grid)
{
    std::vector<double> areas(std::size_t(std::max(grid.rows, 0)));
    for (int r = 0; r < grid.rows; ++r)
        areas[std::size_t(r)] = cellArea(grid, r);
    return areas;
}

} // namespace xmw::data
