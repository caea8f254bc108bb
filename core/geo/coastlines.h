#pragma once

#include "core/geo/geo_point.h"

#include <string_view>
#include <vector>

namespace xmw::geo {

// A closed outline: the last vertex connects back to the first.
using Ring = std::vector<GeoPoint>;

// Continental outlines, used to draw coastlines and to rasterise land/ocean masks.
class Coastlines {
public:
    // The outlines shipped with the program (VTK's vtkEarthSource continents, 17 rings).
    [[nodiscard]] static const Coastlines &builtIn();

    // Parses "P <n>" headers each followed by n "lat lon" lines; '#' starts a comment.
    // Throws std::runtime_error naming the line and the problem.
    [[nodiscard]] static Coastlines parse(std::string_view text);

    [[nodiscard]] const std::vector<Ring> &rings() const { return rings_; }

private:
    std::vector<Ring> rings_;
};

} // namespace xmw::geo
