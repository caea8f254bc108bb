#pragma once

#include "core/learn/training_config.h"

#include <optional>
#include <string>

namespace xmw::learn {

// Hyper-parameter sets. The recipe (data::Recipe) decides the samples and splits; a preset decides
// the model's size and the optimisation. The X-MethaneWet recipe with the paper preset is the
// reference workflow (docs/benchmark-recipe.md, "Training").
enum class Preset {
    Ours, // quick on a workstation: a wider single-layer model, batches of 64, early stopping
    Paper, // the reference's configuration and scripts: hidden 8, 3 layers, small batches, 200 epochs, last epoch kept
};

[[nodiscard]] std::string presetName(Preset preset); // "ours", "paper"
[[nodiscard]] std::optional<Preset> parsePreset(const std::string &name);

// Sets every field the preset fixes, for the configuration's model and method; options given
// afterwards override it. Leaves the model kind, method, runs, split, seed and machine alone.
void applyPreset(TrainingConfig &config, Preset preset);

} // namespace xmw::learn
