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

namespace {

// Every property of a metric, in one row per metric.
struct MetricProperties {
    std::string_view name;
    double Metrics::*field;
    Better better;
    bool flux;
};
constexpr MetricProperties kMetrics[] = {
    {"rmse", &Metrics::rmse, Better::Lower, true}, {"nrmse", &Metrics::nrmse, Better::Lower, false},
    {"r2", &Metrics::r2, Better::Higher, false},   {"r2_corr", &Metrics::r2Corr, Better::Higher, false},
    {"mae", &Metrics::mae, Better::Lower, true},   {"bias", &Metrics::bias, Better::NearerZero, true},
    {"nse", &Metrics::nse, Better::Higher, false}, {"kge", &Metrics::kge, Better::Higher, false},
};

const MetricProperties &propertiesOf(const std::string &name)
{
    for (const MetricProperties &m : kMetrics)
        if (m.name == name)
            return m;
    throw std::invalid_argument("unknown metric '" + name + "'");
}

} // namespace

const std::vector<std::string> &metricNames()
{
    static const std::vector<std::string> names = [] {
        std::vector<std::string> all;
        for (const MetricProperties &m : kMetrics)
            all.emplace_back(m.name);
        return all;
    }();
    return names;
}

double metricValue(const Metrics &m, const std::string &name) { return m.*propertiesOf(name).field; }

void setMetricValue(Metrics &m, const std::string &name, double value) { m.*propertiesOf(name).field = value; }

Better betterFor(const std::string &metric) { return propertiesOf(metric).better; }

bool isFluxMetric(const std::string &metric) { return propertiesOf(metric).flux; }

bool changesAsRatio(const std::string &metric) { return betterFor(metric) == Better::Lower; }

bool isBetter(const std::string &metric, double a, double b)
{
    switch (betterFor(metric)) {
    case Better::Lower: return a < b;
    case Better::Higher: return a > b;
    case Better::NearerZero: return std::abs(a) < std::abs(b);
    }
    return false;
}

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
