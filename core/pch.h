#pragma once
// Precompiled for every core translation unit: LibTorch's umbrella header dominates build time.
#include <torch/torch.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>
