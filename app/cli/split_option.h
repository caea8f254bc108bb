#pragma once

#include "app/cli/args.h"
#include "core/data/splits.h"

namespace xmw::cli {

// --recipe, --split, --fold, --folds and --percent, as `xmw samples` and `xmw train` both take them.
[[nodiscard]] inline data::SplitOptions splitOption(const Args &args)
{
    data::SplitOptions split;
    const std::string recipe = args.option("recipe").value_or(data::recipeName(split.recipe));
    const auto parsedRecipe = data::parseRecipe(recipe);
    if (!parsedRecipe)
        throw UsageError("unknown recipe '" + recipe + "'" + didYouMean(recipe, {"x-methanewet", "extended"}) +
                         " (x-methanewet, extended)");
    split.recipe = *parsedRecipe;
    const std::string kind = args.option("split").value_or("temporal");
    if (kind != "temporal" && kind != "spatial")
        throw UsageError("--split is temporal or spatial, not '" + kind + "'" + didYouMean(kind, {"temporal", "spatial"}));
    split.kind = kind == "spatial" ? data::SplitKind::Spatial : data::SplitKind::Temporal;
    split.folds = args.integer("folds", 5, 2, 100);
    split.fold = args.integer("fold", 0, 0, split.folds - 1);
    if (split.kind == data::SplitKind::Temporal) {
        // A temporal split tests every tower's later years: folds do not apply.
        for (const char *spatialOnly : {"fold", "folds"})
            if (args.option(spatialOnly))
                throw UsageError(std::string("--") + spatialOnly + " applies to --split spatial only");
    } else if (split.recipe == data::Recipe::XMethaneWet && split.folds != 5) {
        throw UsageError("the x-methanewet recipe has the benchmark's 5 published folds; --folds " + std::to_string(split.folds) +
                         " needs --recipe extended");
    }
    split.percent = args.number("percent", 100, 1e-9, 100);
    return split;
}

} // namespace xmw::cli
