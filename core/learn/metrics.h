#pragma once

#include <cstddef>
#include <map>
#include <span>
#include <string>
#include <vector>

namespace xmw::learn {

// Agreement of predictions with observations, over the days where the observation exists.
//   rmse, mae, bias (mean of predicted − observed) in the target's unit;
//   nrmse = rmse / mean observed;
//   r2    = 1 − Σ(p−o)² / Σ(o−ō)², the coefficient of determination the benchmark's paper reports
//           (negative when the predictions are worse than the observed mean);
//   r2_corr = squared Pearson correlation (how well the predictions follow the observations up
//           to a linear rescaling; never negative, and not what the paper calls R²);
//   nse   = 1 − Σ(p−o)² / Σ(o−ō)² (Nash–Sutcliffe: the same number as r2, under the name hydrology uses);
//   kge   = 1 − √((r−1)² + (σp/σo−1)² + (μp/μo−1)²) (Kling–Gupta).
// Undefined values (no observations, constant series) are NaN.
struct Metrics {
    std::size_t count = 0;
    double rmse = 0, nrmse = 0, r2 = 0, r2Corr = 0, mae = 0, bias = 0, nse = 0, kge = 0;
};

[[nodiscard]] Metrics computeMetrics(std::span<const float> observed, std::span<const float> predicted);

// The metric names in a fixed order, and a metric by name (for tables, JSON and the CLI).
[[nodiscard]] const std::vector<std::string> &metricNames();
[[nodiscard]] double metricValue(const Metrics &metrics, const std::string &name);
void setMetricValue(Metrics &metrics, const std::string &name, double value);

// What makes a value of a metric better, and whether it is a flux (in the flux's unit, so that
// it converts with it) or a ratio without unit. Unknown names throw std::invalid_argument.
enum class Better { Lower, Higher, NearerZero };
[[nodiscard]] Better betterFor(const std::string &metric);
[[nodiscard]] bool isFluxMetric(const std::string &metric);
[[nodiscard]] bool isBetter(const std::string &metric, double a, double b); // a better than b
// Whether a change of the metric reads as a ratio (the error magnitudes: lower is better, never
// negative) or only as a difference (R², NSE, KGE, bias: their zero is not "no skill", and a
// change from 0.05 to 0.6 is not "+1,100 %").
[[nodiscard]] bool changesAsRatio(const std::string &metric);

// Metrics of each site's samples: `sites[i]` owns the 365 days starting at i × 365.
[[nodiscard]] std::map<std::string, Metrics> metricsPerSite(const std::vector<std::string> &sites, std::span<const float> observed,
                                                            std::span<const float> predicted);

} // namespace xmw::learn
