#pragma once

#include "core/geo/coastlines.h"

#include <cstdint>
#include <vector>

namespace xmw::geo {

// Land/ocean flags of a regular global grid in the dataset's convention: row 0 is the southernmost
// row, column 0 starts at 180°W. A cell is land when its centre lies inside a coastline ring.
class LandMask {
public:
    [[nodiscard]] static LandMask rasterize(const Coastlines &coastlines, int rows, int cols);

    [[nodiscard]] int rows() const { return rows_; }
    [[nodiscard]] int cols() const { return cols_; }
    [[nodiscard]] bool isLand(int row, int col) const { return cells_[std::size_t(row) * cols_ + col] != 0; }
    [[nodiscard]] bool isLand(GeoPoint p) const;
    [[nodiscard]] double landFraction() const;

private:
    int rows_ = 0;
    int cols_ = 0;
    std::vector<std::uint8_t> cells_;
};

} // namespace xmw::geo
