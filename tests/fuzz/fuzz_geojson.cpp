// Fuzz target: the GeoJSON region reader (data::readGeoJsonRegions) of budgets. Any bytes give
// regions or a DataError naming the file; a region read answers whether points lie in it.

#include "core/data/budget.h"
#include "fuzz_support.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const auto file = xmw::fuzz::scratchFolder() / "regions.geojson";
    xmw::fuzz::writeFile(file, {data, size});
    xmw::fuzz::acceptDataErrors([&] {
        for (const auto &region : xmw::data::readGeoJsonRegions(file)) {
            if (region.polygons.empty() || region.name.empty())
                __builtin_trap(); // a region without polygons or name must have been refused
            for (double lat = -90; lat <= 90; lat += 30)
                for (double lon = -180; lon <= 180; lon += 45)
                    (void)region.contains(lat, lon);
        }
    });
    return 0;
}
