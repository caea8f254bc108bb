#include "core/learn/benchmark_table.h"

#include "core/data/recipe.h"
#include "core/learn/model_options.h"
#include "core/learn/run_file.h"
#include "core/learn/training_config.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <tuple>

namespace xmw::learn {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// A protocol: the runs of one table. Ordered: temporal before spatial, each with all data first.
struct ProtocolKey {
    bool spatial = false;
    int folds = 0;
    double withheld = 0; // 100 − percent
    std::string recipe;
    int towers = 0;
    auto operator<=>(const ProtocolKey &) const = default;
};

std::string protocolName(const ProtocolKey &key)
{
    std::string text = key.spatial ? "spatial (" + std::to_string(key.folds) + " folds)" : "temporal";
    if (key.towers > 0)
        text += ", " + std::to_string(key.towers) + (key.towers == 1 ? " tower" : " towers");
    if (key.recipe != data::recipeName(data::Recipe::XMethaneWet))
        text += " (" + key.recipe + " recipe)";
    if (key.withheld > 0) {
        char part[64];
        std::snprintf(part, sizeof part, ", %g %% of training site-years", 100 - key.withheld);
        text += part;
    }
    return text;
}

int orderOf(const std::vector<std::string> &order, const std::string &name)
{
    const auto it = std::find(order.begin(), order.end(), name);
    return it == order.end() ? int(order.size()) : int(it - order.begin());
}

const std::vector<std::string> &methodOrder()
{
    static const std::vector<std::string> order = {"scratch", "finetune", "adversarial", "residual", "reweight"};
    return order;
}

std::vector<std::string> modelOrder()
{
    std::vector<std::string> order;
    for (const ModelKind k : allModels())
        order.push_back(modelName(k));
    return order;
}

std::string number(double v, int decimals = 3)
{
    if (!std::isfinite(v))
        return "";
    char text[48];
    std::snprintf(text, sizeof text, "%.*f", decimals, v);
    return text;
}

// Seeds per cell when every cell has the same number, else 0 (then each cell says its own).
int uniformSeeds(const BenchmarkTable &t)
{
    int seeds = -1;
    for (const auto &[key, cell] : t.cells) {
        if (seeds >= 0 && int(cell.perSeed.size()) != seeds)
            return 0;
        seeds = int(cell.perSeed.size());
    }
    return std::max(seeds, 0);
}

std::string caption(const BenchmarkTable &t)
{
    std::string text = t.protocol + ": " + t.metric;
    if (t.measured) {
        text += " on measured days (";
        for (std::size_t i = 0; i < t.measuredColumns.size(); ++i)
            text += (i ? " and " : "") + t.measuredColumns[i];
        text += t.measuredColumns.size() > 1 ? ": runs differ)" : ")";
    }
    const Better rule = betterFor(t.metric);
    text += rule == Better::Lower ? " (lower is better" : rule == Better::Higher ? " (higher is better" : " (nearer 0 is better";
    const int seeds = uniformSeeds(t);
    text += seeds > 0 ? "; mean ± sd over " + std::to_string(seeds) + (seeds == 1 ? " seed" : " seeds") : "; mean ± sd over seeds";
    if (t.spatial)
        text += ", each seed the mean of its folds";
    return text + ")";
}

std::string cellText(const BenchmarkTable &t, const TableCell &c, const std::string &method)
{
    std::string text = number(c.mean);
    if (std::isfinite(c.sd))
        text += " ± " + number(c.sd);
    if (uniformSeeds(t) == 0)
        text += " [n=" + std::to_string(c.perSeed.size()) + "]";
    if (t.spatial && c.folds < t.folds)
        text += " [" + std::to_string(c.folds) + "/" + std::to_string(t.folds) + " folds]";
    if (method != "scratch" && std::isfinite(c.changeVsScratch))
        text += " (" + changeText(c.changeVsScratch, t.changeInPercent) + ")";
    return text;
}

std::string latexEscaped(std::string text)
{
    std::string out;
    for (const char c : text) {
        if (c == '_' || c == '%' || c == '&' || c == '#')
            out += '\\';
        out += c;
    }
    // UTF-8 signs LaTeX without packages may not know.
    for (const auto &[from, to] : {std::pair<std::string, std::string>{"±", "$\\pm$"}, {"−", "$-$"}, {"²", "$^2$"}}) {
        for (std::size_t at = 0; (at = out.find(from, at)) != std::string::npos; at += to.size())
            out.replace(at, from.size(), to);
    }
    return out;
}

std::string csvField(const std::string &text)
{
    if (text.find_first_of(",\"\n") == std::string::npos)
        return text;
    std::string quoted = "\"";
    for (const char c : text)
        quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

} // namespace

bool summarise(const RunRecord &run, const std::filesystem::path &file, RunSummary &s)
{
    const TrainingConfig &c = run.config;
    if (c.method == Method::Pretrain)
        return false;
    s.model = modelName(c.model.kind);
    s.method = methodName(c.method);
    s.spatial = c.split.kind == data::SplitKind::Spatial;
    s.folds = s.spatial ? c.split.folds : 0;
    s.fold = s.spatial && !c.allFolds ? c.split.fold : -1;
    s.percent = c.split.percent;
    s.recipe = data::recipeName(c.split.recipe);
    s.towers = int(c.split.sites.size());
    s.seed = c.seed;
    s.metrics = run.metrics;
    s.metricsMeasured = run.metricsMeasured;
    s.measuredColumn = run.measuredColumn;
    s.file = file;
    s.created = run.created;
    return true;
}

const TableCell *BenchmarkTable::cell(const std::string &model, const std::string &method) const
{
    const auto it = cells.find({model, method});
    return it == cells.end() ? nullptr : &it->second;
}

std::vector<BenchmarkTable> buildTables(const std::vector<RunSummary> &runs, const std::vector<std::string> &metrics, bool measured)
{
    for (const auto &m : metrics)
        if (std::find(metricNames().begin(), metricNames().end(), m) == metricNames().end())
            throw std::invalid_argument("unknown metric '" + m + "'");
    // protocol → (model, method) → seed → fold → run
    std::map<ProtocolKey, std::map<std::pair<std::string, std::string>, std::map<std::uint64_t, std::map<int, const RunSummary *>>>>
        grouped;
    std::map<ProtocolKey, std::vector<std::pair<std::filesystem::path, std::filesystem::path>>> superseded;
    // The later run counts; equal times fall to the path, so the order the runs come in never matters.
    const auto later = [](const RunSummary &a, const RunSummary &b) {
        return a.created != b.created ? a.created > b.created : a.file > b.file;
    };
    for (const RunSummary &r : runs) {
        const ProtocolKey key{r.spatial, r.folds, 100 - r.percent, r.recipe, r.towers};
        const RunSummary *&slot = grouped[key][{r.model, r.method}][r.seed][r.fold];
        if (slot) {
            const RunSummary *kept = later(r, *slot) ? &r : slot;
            superseded[key].emplace_back((kept == &r ? slot : &r)->file, kept->file);
            slot = kept;
        } else {
            slot = &r;
        }
    }
    // A run superseded in turn names the run that finally counts.
    for (auto &[key, pairs] : superseded) {
        for (auto &[out, counted] : pairs)
            for (const auto &other : pairs)
                if (other.first == counted)
                    counted = other.second;
        std::sort(pairs.begin(), pairs.end());
    }

    std::vector<BenchmarkTable> tables;
    const std::vector<std::string> models = modelOrder();
    for (const auto &[key, byCell] : grouped)
        for (const std::string &metric : metrics) {
            BenchmarkTable t;
            t.protocol = protocolName(key);
            t.spatial = key.spatial;
            t.folds = key.folds;
            t.towers = key.towers;
            t.recipe = key.recipe;
            t.percent = 100 - key.withheld;
            if (const auto it = superseded.find(key); it != superseded.end())
                t.superseded = it->second;
            t.metric = metric;
            t.changeInPercent = changesAsRatio(metric);
            t.measured = measured;
            for (const auto &[cellKey, bySeed] : byCell) {
                TableCell cell;
                cell.folds = std::numeric_limits<int>::max();
                for (const auto &[seed, byFold] : bySeed) {
                    // A run over all folds scores every tower at once; otherwise average the folds.
                    std::vector<double> values;
                    int folds = 0;
                    for (const auto &[fold, run] : byFold)
                        if (measured &&
                            std::find(t.measuredColumns.begin(), t.measuredColumns.end(), run->measuredColumn) == t.measuredColumns.end())
                            t.measuredColumns.push_back(run->measuredColumn);
                    if (const auto all = byFold.find(-1); all != byFold.end()) {
                        values.push_back(metricValue(measured ? all->second->metricsMeasured : all->second->metrics, metric));
                        cell.files.push_back(all->second->file);
                        folds = key.folds;
                    } else {
                        for (const auto &[fold, run] : byFold) {
                            values.push_back(metricValue(measured ? run->metricsMeasured : run->metrics, metric));
                            cell.files.push_back(run->file);
                        }
                        folds = int(byFold.size());
                    }
                    cell.perSeed.push_back(std::accumulate(values.begin(), values.end(), 0.0) / double(values.size()));
                    cell.folds = std::min(cell.folds, folds);
                }
                const double n = double(cell.perSeed.size());
                cell.mean = std::accumulate(cell.perSeed.begin(), cell.perSeed.end(), 0.0) / n;
                double squares = 0;
                for (const double v : cell.perSeed)
                    squares += (v - cell.mean) * (v - cell.mean);
                cell.sd = n > 1 ? std::sqrt(squares / (n - 1)) : kNaN;
                t.cells[cellKey] = cell;
                if (std::find(t.models.begin(), t.models.end(), cellKey.first) == t.models.end())
                    t.models.push_back(cellKey.first);
                if (std::find(t.methods.begin(), t.methods.end(), cellKey.second) == t.methods.end())
                    t.methods.push_back(cellKey.second);
            }
            std::sort(t.measuredColumns.begin(), t.measuredColumns.end());
            std::sort(t.models.begin(), t.models.end(),
                      [&](const auto &a, const auto &b) { return orderOf(models, a) < orderOf(models, b); });
            std::sort(t.methods.begin(), t.methods.end(),
                      [&](const auto &a, const auto &b) { return orderOf(methodOrder(), a) < orderOf(methodOrder(), b); });

            std::map<std::string, std::vector<double>> changes;
            for (const auto &model : t.models) {
                TableCell *best = nullptr;
                const TableCell *scratch = t.cell(model, "scratch");
                for (const auto &method : t.methods) {
                    const auto it = t.cells.find({model, method});
                    if (it == t.cells.end())
                        continue;
                    TableCell &c = it->second;
                    if (!scratch || !std::isfinite(c.mean) || (t.changeInPercent && scratch->mean == 0))
                        c.changeVsScratch = kNaN;
                    else
                        c.changeVsScratch =
                            t.changeInPercent ? (c.mean - scratch->mean) / std::abs(scratch->mean) * 100 : c.mean - scratch->mean;
                    if (method != "scratch" && std::isfinite(c.changeVsScratch))
                        changes[method].push_back(c.changeVsScratch);
                    if (std::isfinite(c.mean) && (!best || isBetter(metric, c.mean, best->mean)))
                        best = &c;
                }
                if (best)
                    best->best = true;
            }
            for (const auto &[method, values] : changes)
                t.meanChange[method] = std::accumulate(values.begin(), values.end(), 0.0) / double(values.size());
            tables.push_back(std::move(t));
        }
    return tables;
}

std::string toMarkdown(const std::vector<BenchmarkTable> &tables)
{
    std::string out;
    for (const BenchmarkTable &t : tables) {
        out += "### " + caption(t) + "\n\n| model |";
        for (const auto &method : t.methods)
            out += " " + method + " |";
        out += "\n|---|";
        for (std::size_t i = 0; i < t.methods.size(); ++i)
            out += "---|";
        out += "\n";
        for (const auto &model : t.models) {
            out += "| " + model + " |";
            for (const auto &method : t.methods) {
                const TableCell *c = t.cell(model, method);
                const char *mark = c && c->best ? "**" : "";
                out.append(" ").append(mark).append(c ? cellText(t, *c, method) : std::string("–")).append(mark).append(" |");
            }
            out += "\n";
        }
        if (!t.meanChange.empty()) {
            out += "| *mean change vs scratch* |";
            for (const auto &method : t.methods)
                out.append(" ")
                    .append(t.meanChange.count(method) ? changeText(t.meanChange.at(method), t.changeInPercent) : std::string())
                    .append(" |");
            out += "\n";
        }
        out += "\n";
    }
    return out;
}

std::string toLatex(const std::vector<BenchmarkTable> &tables)
{
    std::string out = "% Needs \\usepackage{booktabs}. Written by xmw report.\n";
    for (const BenchmarkTable &t : tables) {
        out += "\\begin{table}\n\\centering\n\\caption{" + latexEscaped(caption(t)) + "}\n\\begin{tabular}{l" +
            std::string(t.methods.size(), 'c') + "}\n\\toprule\nmodel";
        for (const auto &method : t.methods)
            out += " & " + latexEscaped(method);
        out += " \\\\\n\\midrule\n";
        for (const auto &model : t.models) {
            out += latexEscaped(model);
            for (const auto &method : t.methods) {
                const TableCell *c = t.cell(model, method);
                const std::string text = c ? latexEscaped(cellText(t, *c, method)) : "--";
                out += " & " + (c && c->best ? "\\textbf{" + text + "}" : text);
            }
            out += " \\\\\n";
        }
        if (!t.meanChange.empty()) {
            out += "\\midrule\nmean change vs scratch";
            for (const auto &method : t.methods)
                out += " & " +
                    (t.meanChange.count(method) ? latexEscaped(changeText(t.meanChange.at(method), t.changeInPercent)) : std::string());
            out += " \\\\\n";
        }
        out += "\\bottomrule\n\\end{tabular}\n\\end{table}\n\n";
    }
    return out;
}

std::string changeText(double change, bool inPercent)
{
    if (!std::isfinite(change))
        return "";
    char text[48];
    if (inPercent)
        std::snprintf(text, sizeof text, "%s%.1f %%", change < 0 ? "−" : "+", std::abs(change));
    else
        std::snprintf(text, sizeof text, "%s%.3f", change < 0 ? "−" : "+", std::abs(change));
    return text;
}

std::string toCsv(const std::vector<BenchmarkTable> &tables)
{
    std::string out = "protocol,metric,measured_days_only,model,method,mean,sd,seeds,folds,best,change_vs_scratch,change_unit\n";
    for (const BenchmarkTable &t : tables)
        for (const auto &model : t.models)
            for (const auto &method : t.methods) {
                const TableCell *c = t.cell(model, method);
                if (!c)
                    continue;
                out += csvField(t.protocol) + "," + t.metric + "," + (t.measured ? "1" : "0") + "," + model + "," + method + "," +
                    number(c->mean, 6) + "," + number(c->sd, 6) + "," + std::to_string(c->perSeed.size()) + "," +
                    (t.spatial ? std::to_string(c->folds) : std::string()) + "," + (c->best ? "1" : "0") + "," +
                    (method == "scratch" ? std::string() : number(c->changeVsScratch, t.changeInPercent ? 3 : 6)) + "," +
                    (method == "scratch"     ? std::string()
                         : t.changeInPercent ? "percent"
                                             : "difference") +
                    "\n";
            }
    return out;
}

} // namespace xmw::learn
