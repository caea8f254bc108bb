#pragma once

#include "app/cli/args.h"
#include "core/learn/training_config.h"

#include <set>
#include <string>

namespace xmw::cli {

// The options of `xmw train`, shared with `xmw sweep`, which checks every run of a sweep with them
// before it starts any.
[[nodiscard]] const std::set<std::string> &trainOptionNames();
[[nodiscard]] const std::set<std::string> &trainFlagNames();
// The training configuration the options ask for; throws UsageError on a bad or contradictory one.
[[nodiscard]] learn::TrainingConfig parseTrainingConfig(const Args &args);

} // namespace xmw::cli
