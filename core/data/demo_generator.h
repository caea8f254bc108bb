#pragma once

#include "core/feedback.h"

#include <cstdint>
#include <filesystem>

namespace xmw::data {

struct DemoOptions {
    double resolution = 2.0; // degrees
    int firstYear = 2014;
    int lastYear = 2018;
    std::uint64_t seed = 42;
    bool towers = true; // also write FLUXNET-CH4/
};

struct DemoSummary {
    int rows = 0, cols = 0, years = 0, sites = 0;
    std::uintmax_t bytes = 0;
};

// Writes a synthetic dataset in the exact X-MethaneWet layout (file and variable names, shapes,
// attributes, units) into `folder`, which must not exist yet. The folder is assembled under a
// temporary name and renamed at the end, so a failure or cancellation leaves nothing behind.
// Fields: land from the shipped coastlines; TAIR from latitude, season and elevation; PREC with an
// ITCZ and storm tracks; SOLR from solar geometry and cloudiness; VAPR from TAIR and humidity; NPP
// from temperature and water; wetlands in boreal and tropical belts; CH4 emission from a Q10
// temperature response × substrate (NPP) × wetness. Towers (the benchmark's sites) observe their
// cell with a site-specific scale and offset, noise, measurement gaps and gap-filled values.
DemoSummary makeDemoDataset(const std::filesystem::path &folder, const DemoOptions &options, Feedback &feedback);

} // namespace xmw::data
