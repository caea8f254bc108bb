#pragma once

#include <optional>
#include <string>

namespace xmw::data {

// Which rules make the tower samples and the splits (docs/benchmark-recipe.md sets them out row by
// row). The X-MethaneWet recipe is the benchmark's own, so that numbers can be set beside the
// paper's; the extended one is ours, which keeps more of the towers' data.
enum class Recipe {
    XMethaneWet, // wetland (IGBP WET) towers only, the published folds, the reference's drop rules
    Extended, // every tower, folds for all of them, the grid's values where the tower has gaps
};

[[nodiscard]] std::string recipeName(Recipe recipe); // "x-methanewet", "extended"
[[nodiscard]] std::optional<Recipe> parseRecipe(const std::string &name);
[[nodiscard]] std::string recipeDescription(Recipe recipe);

} // namespace xmw::data
