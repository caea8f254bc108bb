#include "core/data/recipe_reach.h"

#include "core/data/site_catalog.h"

#include <algorithm>
#include <cmath>

namespace xmw::data {

RecipeReach recipeReach(const SiteCatalog &sites, Recipe recipe, const std::vector<std::string> &onlySites)
{
    RecipeReach reach;
    for (const Site &site : sites.sites()) {
        if (!onlySites.empty() && std::find(onlySites.begin(), onlySites.end(), site.info.id) == onlySites.end())
            continue;
        if (recipe == Recipe::XMethaneWet) {
            if (site.info.igbp != "WET") {
                ++reach.notWetland;
                continue;
            }
            if (!std::isfinite(site.info.elevation)) { // the recipe's clelev is the tower's own
                ++reach.withoutElevation;
                continue;
            }
        }
        ++reach.towers;
        reach.siteYears += int(site.series.years().size());
    }
    return reach;
}

} // namespace xmw::data
