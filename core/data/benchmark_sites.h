#pragma once

#include <optional>
#include <string>
#include <vector>

namespace xmw::data {

// A FLUXNET-CH4 wetland tower as the X-MethaneWet benchmark uses it (resources/sites/).
struct BenchmarkSite {
    std::string id; // dash form, e.g. "US-Los"
    std::string name;
    double lat = 0.0;
    double lon = 0.0;
    std::string igbp;
    std::optional<int> wetlandType; // overrides TEM-MDM's wetlandtype at the tower
    std::optional<int> spatialFold; // the published 5-fold leave-sites-out split
};

[[nodiscard]] const std::vector<BenchmarkSite> &benchmarkSites();
[[nodiscard]] const BenchmarkSite *findBenchmarkSite(const std::string &id);

// "US.Los", "us-los" and "US-Los" name the same site: the dash form, as FLUXNET writes it.
[[nodiscard]] std::string canonicalSiteId(std::string id);

} // namespace xmw::data
