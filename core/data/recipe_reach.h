#pragma once

#include "core/data/recipe.h"

#include <string>
#include <vector>

namespace xmw::data {

class SiteCatalog;

// What a recipe can use of the towers, from the site metadata alone, before any sample is built:
// the x-methanewet recipe keeps wetland (IGBP WET) towers and needs each one's LOCATION_ELEV. An
// upper bound: a site-year may still be skipped for a gap in its meteorology (xmw samples lists
// each).
struct RecipeReach {
    int towers = 0, siteYears = 0; // at most
    int notWetland = 0, withoutElevation = 0; // towers left out, by reason
};

// onlySites: those towers alone (empty: all).
[[nodiscard]] RecipeReach recipeReach(const SiteCatalog &sites, Recipe recipe, const std::vector<std::string> &onlySites = {});

} // namespace xmw::data
