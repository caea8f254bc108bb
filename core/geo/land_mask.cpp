#include "core/geo/land_mask.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace xmw::geo {

namespace {

// A ring with longitudes made continuous (no ±360° jumps), so that scanline crossings are simple.
// Rings crossing the dateline then extend past ±180°; rings around a pole (Antarctica) are closed
// along that pole, since their unwrapped outline would otherwise not enclose anything.
std::vector<GeoPoint> unwrapRing(const Ring &ring)
{
    std::vector<GeoPoint> out;
    out.reserve(ring.size() + 3);
    out.push_back(ring.front());
    for (std::size_t i = 1; i < ring.size(); ++i)
        out.push_back({ring[i].lat, out.back().lon + wrapLongitude(ring[i].lon - ring[i - 1].lon)});

    const double closingLon = out.back().lon + wrapLongitude(ring.front().lon - ring.back().lon);
    const double winding = closingLon - out.front().lon;
    if (std::abs(winding) > 180.0) {
        const double meanLat =
            std::accumulate(ring.begin(), ring.end(), 0.0, [](double s, const GeoPoint &p) { return s + p.lat; }) / double(ring.size());
        const double pole = meanLat < 0.0 ? -90.0 : 90.0;
        out.push_back({ring.front().lat, closingLon});
        out.push_back({pole, closingLon});
        out.push_back({pole, out.front().lon});
    }
    return out;
}

} // namespace

LandMask LandMask::rasterize(const Coastlines &coastlines, int rows, int cols)
{
    LandMask mask;
    mask.rows_ = rows;
    mask.cols_ = cols;
    mask.cells_.assign(std::size_t(rows) * cols, 0);
    const double dLat = 180.0 / rows;
    const double dLon = 360.0 / cols;

    std::vector<double> crossings;
    for (const Ring &ring : coastlines.rings()) {
        const std::vector<GeoPoint> poly = unwrapRing(ring);
        for (int row = 0; row < rows; ++row) {
            const double lat = -90.0 + (row + 0.5) * dLat;
            crossings.clear();
            for (std::size_t i = 0; i < poly.size(); ++i) {
                const GeoPoint &a = poly[i];
                const GeoPoint &b = poly[(i + 1) % poly.size()];
                if ((a.lat <= lat) != (b.lat <= lat))
                    crossings.push_back(a.lon + (lat - a.lat) / (b.lat - a.lat) * (b.lon - a.lon));
            }
            std::sort(crossings.begin(), crossings.end());
            // Even–odd rule; each span is also tried one turn east and west of where it lies.
            for (std::size_t k = 0; k + 1 < crossings.size(); k += 2) {
                for (const double shift : {-360.0, 0.0, 360.0}) {
                    const double west = crossings[k] + shift;
                    const double east = crossings[k + 1] + shift;
                    const int first = std::max(0, int(std::ceil((west + 180.0) / dLon - 0.5)));
                    const int last = std::min(cols - 1, int(std::floor((east + 180.0) / dLon - 0.5)));
                    for (int col = first; col <= last; ++col)
                        mask.cells_[std::size_t(row) * cols + col] = 1;
                }
            }
        }
    }
    return mask;
}

bool LandMask::isLand(GeoPoint p) const
{
    const int row = std::clamp(int((p.lat + 90.0) / 180.0 * rows_), 0, rows_ - 1);
    const int col = std::clamp(int((wrapLongitude(p.lon) + 180.0) / 360.0 * cols_), 0, cols_ - 1);
    return isLand(row, col);
}

double LandMask::landFraction() const
{
    if (cells_.empty())
        return 0.0;
    return double(std::count(cells_.begin(), cells_.end(), 1)) / double(cells_.size());
}

} // namespace xmw::geo
