#include "core/learn/metrics.h"

#include <cmath>
#include <limits>
#include <stdexcept>

namespace xmw::learn {

Metrics computeMetrics(std::span<const float> observed, std::span<const float> predicted)
{
    if (observed.size() != predicted.size())
        throw std::invalid_argument("computeMetrics: observed and predicted differ in length");
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    // Two passes in double: the sums of squares of a few thousand days lose digits in float.
    double n = 0, sumO = 0, sumP = 0;
    for (std::size_t i = 0; i < observed.size(); ++i)
        if (!std::isnan(observed[i]) && !std::isnan(predicted[i])) {
            ++n;
            sumO += observed[i];
            sumP += predicted[i];
        }
    Metrics m;
    m.count = std::size_t(n);
    if (n == 0) {
        m.rmse = m.nrmse = m.r2 = m.r2Corr = m.mae = m.bias = m.nse = m.kge = nan;
        return m;
    }
    const double meanO = sumO / n, meanP = sumP / n;
    double sse = 0, sae = 0, ssO = 0, ssP = 0, sOP = 0;
    for (std::size_t i = 0; i < observed.size(); ++i)
        if (!std::isnan(observed[i]) && !std::isnan(predicted[i])) {
            const double o = observed[i], p = predicted[i];
            sse += (p - o) * (p - o);
            sae += std::abs(p - o);
            ssO += (o - meanO) * (o - meanO);
            ssP += (p - meanP) * (p - meanP);
            sOP += (o - meanO) * (p - meanP);
        }
    m.rmse = std::sqrt(sse / n);
    m.mae = sae / n;
    m.bias = meanP - meanO;
    m.nrmse = meanO != 0 ? m.rmse / meanO : nan;
    m.nse = ssO > 0 ? 1.0 - sse / ssO : nan;
    const double r = ssO > 0 && ssP > 0 ? sOP / std::sqrt(ssO * ssP) : nan;
    m.r2 = m.nse;
    m.r2Corr = r * r;
    const double alpha = ssO > 0 ? std::sqrt(ssP / ssO) : nan;
    const double beta = meanO != 0 ? meanP / meanO : nan;
    m.kge = 1.0 - std::sqrt((r - 1) * (r - 1) + (alpha - 1) * (alpha - 1) + (beta - 1) * (beta - 1));
    return m;
}

const std::vector<std::string> &metricNames()
{
    static const std::vector<std::string> names = {"rmse", "nrmse", "r2", "r2_corr", "mae", "bias", "nse", "kge"};
    return names;
}

namespace {

// The member a metric name stands for; const or not as `m` is.
template <typename M>
auto *field(M &m, const std::string &name)
{
    if (name == "rmse")
        return &m.rmse;
    if (name == "nrmse")
        return &m.nrmse;
    if (name == "r2")
        return &m.r2;
    if (name == "r2_corr")
        return &m.r2Corr;
    if (name == "mae")
        return &m.mae;
    if (name == "bias")
        return &m.bias;
    if (name == "nse")
        return &m.nse;
    if (name == "kge")
        return &m.kge;
    throw std::invalid_argument("unknown metric '" + name + "'");
}

} // namespace

double metricValue(const Metrics &m, const std::string &name) { return *field(m, name); }

void setMetricValue(Metrics &m, const std::string &name, double value) { *field(m, name) = value; }

std::map<std::string, Metrics> metricsPerSite(const std::vector<std::string> &sites, std::span<const float> observed,
                                              std::span<const float> predicted)
{
    std::map<std::string, std::pair<std::vector<float>, std::vector<float>>> bySite;
    const std::size_t days = sites.empty() ? 0 : observed.size() / sites.size();
    for (std::size_t i = 0; i < sites.size(); ++i) {
        auto &[o, p] = bySite[sites[i]];
        o.insert(o.end(), observed.begin() + std::ptrdiff_t(i * days), observed.begin() + std::ptrdiff_t((i + 1) * days));
        p.insert(p.end(), predicted.begin() + std::ptrdiff_t(i * days), predicted.begin() + std::ptrdiff_t((i + 1) * days));
    }
    std::map<std::string, Metrics> out;
    for (const auto &[site, series] : bySite)
        out[site] = computeMetrics(series.first, series.second);
    return out;
}

} // namespace xmw::learn
