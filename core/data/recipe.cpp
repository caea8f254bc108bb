#include "core/data/recipe.h"

namespace xmw::data {

std::string recipeName(Recipe recipe) { return recipe == Recipe::XMethaneWet ? "x-methanewet" : "extended"; }

std::optional<Recipe> parseRecipe(const std::string &name)
{
    if (name == "x-methanewet")
        return Recipe::XMethaneWet;
    if (name == "extended")
        return Recipe::Extended;
    return std::nullopt;
}

std::string recipeDescription(Recipe recipe)
{
    if (recipe == Recipe::XMethaneWet)
        return "the benchmark's: wetland (IGBP WET) towers, their own elevation and meteorology, a site-year dropped "
               "on any gap, the published spatial folds alone";
    return "ours: every tower, the grid cell's values on days the tower lacks, spatial folds for every tower";
}

} // namespace xmw::data
