#pragma once

#include "core/feedback.h"
#include "core/learn/run_file.h"

#include <memory>
#include <vector>

namespace xmw::learn {

// Applies a run's models to raw (unscaled) samples: N × 365 × 15 inputs → N × 365 predictions in
// nmol CH4 m-2 s-1, the mean over the run's members (folds × ensemble), with their spread. Residual
// runs add their frozen base model. Torch-free interface; one Predictor per thread.
class Predictor {
public:
    explicit Predictor(const RunRecord &run, const std::string &device = "cpu");
    ~Predictor();
    Predictor(const Predictor &) = delete;
    Predictor &operator=(const Predictor &) = delete;

    // `members` selects which of the run's models to use (empty: all).
    [[nodiscard]] std::vector<float> predict(const std::vector<float> &x, std::size_t n, std::vector<float> *spread = nullptr,
                                             const std::vector<std::size_t> &members = {}) const;
    [[nodiscard]] std::size_t memberCount() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace xmw::learn
