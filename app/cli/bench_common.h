#pragma once

#include "app/cli/args.h"
#include "core/learn/model_options.h"

#include <cstdio>
#include <filesystem>
#include <vector>

namespace xmw::cli {

// One figure of `xmw bench`, with its target and whether it is met.
inline void report(const char *what, double value, const char *unit, double target, bool lowerIsBetter = true)
{
    const bool met = lowerIsBetter ? value <= target : value >= target;
    std::printf("  %-48s %9.1f %-4s (target %s %g %s: %s)\n", what, value, unit, lowerIsBetter ? "≤" : "≥", target, unit,
                met ? "met" : "NOT met");
}

// xmw bench train: the learning engine's figures (bench_train_command.cpp).
void benchTrain(const Args &args, const std::filesystem::path &scratch);
// xmw bench grid SPEC: a sweep's time on this machine, projected from a few epochs of each kind of
// run (bench_grid.cpp).
void benchGrid(const Args &args, const std::filesystem::path &scratch);
// Its first part: the recurrent models' kernels against the PyTorch reference (bench_kernels.cpp).
void benchKernels(const Args &args, const std::filesystem::path &demo, const std::filesystem::path &scratch,
                  const std::vector<learn::ModelKind> &models, const std::vector<int> &threads, int epochs);

} // namespace xmw::cli
