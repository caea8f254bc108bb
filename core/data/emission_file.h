#pragma once

#include "core/data/wetland_area.h"
#include "core/feedback.h"

#include <filesystem>
#include <string>

namespace xmw::data {

// The file beside an upscaled run that holds its emissions: OUT.nc → OUT.emissions.nc.
[[nodiscard]] std::filesystem::path emissionsFileOf(const std::filesystem::path &upscaled);

struct EmissionsSummary {
    int months = 0;
    int climatologyMonths = 0; // months whose wetland came from the map's climatology
    double teragrams = 0; // the whole file's total
};

// An upscaled run's emissions as UpCH4 publishes them: Tg CH4 per grid cell and month
// (CH4_emission_total(time, lat, lon)), the CH4_prediction (nmol m-2 s-1, the 365-day year) times the
// cell's area and its wetland fraction over the month's days, with the wetland_fraction used, the
// cell_area, and per month whether its wetland is the map's climatology. CF-1.8 NetCDF-4, written
// under a temporary name and renamed; reads one day of the run at a time. In a file of its own
// because the months are another time axis than the run's days.
EmissionsSummary writeEmissionsNetcdf(const std::filesystem::path &upscaled, const WetlandAreaMap &wetland,
                                      const std::filesystem::path &out, const std::string &history, Feedback &feedback);

} // namespace xmw::data
