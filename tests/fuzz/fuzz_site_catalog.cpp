// Fuzz target: SiteCatalog::open on a tower folder whose files come from the input. The first byte
// chooses the file (the metadata, the merged daily file or a per-site daily file) and the rest is
// its text; the other files keep valid seeds so that the catalogue reaches the fuzzed one.

#include "core/data/site_catalog.h"
#include "fuzz_support.h"

#include <array>

namespace {

constexpr const char *kMetadata = "SITE_ID,SITE_NAME,LOCATION_LAT,LOCATION_LONG,LOCATION_ELEV,IGBP\r\n"
                                  "US-Los,Lost Creek,46.0827,-89.9792,480,WET\r\n"
                                  "FI-Sii,Siikaneva,61.8327,24.1928,160,WET\r\n";
constexpr const char *kMerged = "Site,TIMESTAMP,FCH4_F,FCH4_F_ANNOPTLM,TA_F,VPD_F,P_F,SW_IN_F\n"
                                "US-Los,20140101,1.5,1.4,-10.2,0.1,0.0,40\n"
                                "US-Los,20140102,-9999,1.3,-11.0,0.1,2.5,35\n";
constexpr const char *kPerSite = "\xEF\xBB\xBFTIMESTAMP,FCH4_F,FCH4_F_ANNOPTLM,TA_F,VPD_F,P_F,SW_IN_F\r\n"
                                 "20150101,2.0,2.0,-5,0.2,0,30\r\n"
                                 "2015-01-02,NA,1.9,-6,0.2,1,28\r\n";

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    namespace fs = std::filesystem;
    if (size == 0)
        return 0;
    const fs::path folder = xmw::fuzz::scratchFolder() / "FLUXNET-CH4";
    fs::remove_all(folder);
    fs::create_directories(folder);
    const std::array<fs::path, 3> files = {folder / "FLUXNET_CH4_2024.csv", folder / "FLUXNET_T1_DD.csv",
                                           folder / "FLX_FI-Sii_FLUXNET-CH4_DD_2015-2015_1-1.csv"};
    const std::array<const char *, 3> seeds = {kMetadata, kMerged, kPerSite};
    const std::size_t chosen = data[0] % 3;
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (i == chosen)
            xmw::fuzz::writeFile(files[i], {data + 1, size - 1});
        else
            xmw::fuzz::writeFile(files[i], {reinterpret_cast<const std::uint8_t *>(seeds[i]), std::char_traits<char>::length(seeds[i])});
    }
    xmw::fuzz::acceptDataErrors([&] {
        const auto catalog = xmw::data::SiteCatalog::open(folder);
        (void)catalog.rowCount();
    });
    return 0;
}
