#include "core/learn/sweep.h"

#include "core/data/data_error.h"
#include "core/data/output_lock.h"
#include "core/learn/model_options.h"
#include "core/learn/run_file.h"
#include "core/learn/training_config.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace xmw::learn {

namespace {

using nlohmann::json;

// The sweep sets these itself, run by run; a spec that sets them would contradict its own grid.
const std::set<std::string> kSweepOwned = {"model",   "method", "pretrained", "split", "fold",   "folds", "all-folds",
                                           "percent", "seed",   "out",        "name",  "resume", "json",  "threads"};
// Options of `xmw train` a spec may give to all runs ("options") or to the pretraining runs ("pretrain").
const std::set<std::string> kTrainOptions = {"recipe",      "preset",       "sites",    "epochs",     "finetune-epochs", "lr",
                                             "batch",       "source-batch", "ensemble", "device",     "hidden",          "layers",
                                             "dropout",     "heads",        "patience", "validation", "tem-fraction",    "tem-years",
                                             "tem-holdout", "tem-fold",     "notes"};
// A finetune or residual run loads its pretraining run's weights: the shape must be the same.
const std::set<std::string> kModelShape = {"hidden", "layers", "heads"};
const std::set<std::string> kSpecKeys = {"name",     "dataset", "models", "methods", "protocols", "folds",
                                         "percents", "seeds",   "epochs", "options", "pretrain"};

constexpr double kMostRuns = 100000;

struct SpecReader {
    const std::filesystem::path &file;

    [[noreturn]] void fail(const std::string &problem) const { throw data::DataError(file, problem); }

    std::vector<std::string> words(const json &spec, const char *key, std::vector<std::string> fallback) const
    {
        if (!spec.contains(key))
            return fallback;
        const json &list = spec[key];
        if (!list.is_array() || list.empty())
            fail(std::string("\"") + key + "\" must be a non-empty list of names");
        std::vector<std::string> out;
        for (const json &item : list) {
            if (!item.is_string())
                fail(std::string("\"") + key + "\" must list names in quotes, found " + item.dump());
            if (std::find(out.begin(), out.end(), item.get<std::string>()) != out.end())
                fail(std::string("\"") + key + "\" lists \"" + item.get<std::string>() + "\" twice");
            out.push_back(item.get<std::string>());
        }
        return out;
    }

    std::vector<double> numbers(const json &spec, const char *key, std::vector<double> fallback, double min, double max, bool whole) const
    {
        if (!spec.contains(key))
            return fallback;
        const json &list = spec[key];
        if (!list.is_array() || list.empty())
            fail(std::string("\"") + key + "\" must be a non-empty list of numbers");
        std::vector<double> out;
        for (const json &item : list) {
            if (!item.is_number() || (whole && !item.is_number_integer()))
                fail(std::string("\"") + key + "\" must list " + (whole ? "whole numbers" : "numbers") + ", found " + item.dump());
            const double v = item.get<double>();
            if (!(v >= min && v <= max))
                fail(std::string("\"") + key + "\": " + item.dump() + " is outside " + json(min).dump() + "…" + json(max).dump());
            if (std::find(out.begin(), out.end(), v) != out.end())
                fail(std::string("\"") + key + "\" lists " + item.dump() + " twice");
            out.push_back(v);
        }
        return out;
    }

    // An "options" object as `xmw train` arguments, in a fixed (sorted) order.
    std::map<std::string, std::string> options(const json &spec, const char *key) const
    {
        std::map<std::string, std::string> out;
        if (!spec.contains(key))
            return out;
        const json &object = spec[key];
        if (!object.is_object())
            fail(std::string("\"") + key + "\" must be an object of xmw train options, like {\"hidden\": 32}");
        for (const auto &[name, value] : object.items()) {
            const std::string where = std::string("\"") + key + "\": ";
            if (kSweepOwned.count(name))
                fail(where + "\"" + name + "\" is set by the sweep itself (from its lists); leave it out");
            if (!kTrainOptions.count(name))
                fail(where + "\"" + name + "\" is not an option of xmw train");
            if (value.is_string())
                out[name] = value.get<std::string>();
            else if (value.is_number())
                out[name] = value.dump();
            else if (value.is_array() && name == "sites") {
                std::string joined;
                for (const json &site : value) {
                    if (!site.is_string())
                        fail(where + "\"sites\" lists tower ids in quotes");
                    joined.append(joined.empty() ? "" : ",").append(site.get<std::string>());
                }
                out[name] = joined;
            } else {
                fail(where + "\"" + name + "\" must be a number or a text, found " + value.dump());
            }
        }
        return out;
    }
};

std::string percentText(double percent)
{
    char text[32];
    std::snprintf(text, sizeof text, "%g", percent);
    return text;
}

struct Protocol {
    std::string name; // temporal, fold2
    std::vector<std::string> arguments;
};

} // namespace

std::string stageName(SweepStage stage)
{
    switch (stage) {
    case SweepStage::Pretrain: return "pretrain";
    case SweepStage::Independent: return "independent";
    case SweepStage::Dependent: return "dependent";
    }
    return "?";
}

std::optional<SweepStage> parseStage(const std::string &name)
{
    for (const SweepStage s : allStages())
        if (stageName(s) == name)
            return s;
    return std::nullopt;
}

const std::vector<SweepStage> &allStages()
{
    static const std::vector<SweepStage> stages = {SweepStage::Pretrain, SweepStage::Independent, SweepStage::Dependent};
    return stages;
}

std::filesystem::path SweepPlan::folder() const { return runsFolder(dataset) / name; }
std::filesystem::path SweepPlan::runFile(const SweepRun &run) const { return folder() / (run.name + ".h5"); }
std::filesystem::path SweepPlan::logFile(const SweepRun &run) const { return folder() / (run.name + ".log"); }
std::filesystem::path SweepPlan::failureFile(const SweepRun &run) const { return folder() / (run.name + ".failed"); }

std::vector<std::size_t> SweepPlan::stageRuns(SweepStage stage) const
{
    std::vector<std::size_t> indices;
    for (std::size_t i = 0; i < runs.size(); ++i)
        if (runs[i].stage == stage)
            indices.push_back(i);
    return indices;
}

SweepPlan readSweep(const std::filesystem::path &spec, const std::optional<std::filesystem::path> &dataset)
{
    std::ifstream in(spec, std::ios::binary);
    if (!in)
        throw data::DataError(spec, "cannot open the sweep file");
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad())
        throw data::DataError(spec, "cannot read the sweep file");
    return parseSweep(text.str(), spec, dataset);
}

SweepPlan parseSweep(const std::string &text, const std::filesystem::path &spec, const std::optional<std::filesystem::path> &dataset)
{
    const SpecReader reader{spec};
    json root;
    try {
        root = json::parse(text);
    } catch (const json::exception &e) { // parse_error, and out_of_range for a number too large for a double
        reader.fail(std::string("not valid JSON: ") + e.what());
    }
    if (!root.is_object())
        reader.fail("a sweep file is one JSON object (see docs/sweeps.md)");
    for (const auto &[key, value] : root.items())
        if (!kSpecKeys.count(key))
            reader.fail("unknown key \"" + key +
                        "\" (known: name, dataset, models, methods, protocols, folds, percents, seeds, "
                        "epochs, options, pretrain)");

    SweepPlan plan;
    plan.spec = spec;
    if (!root.contains("name") || !root["name"].is_string())
        reader.fail("\"name\" is required: the folder of the sweep's runs in DATASET/runs/");
    plan.name = root["name"].get<std::string>();
    if (plan.name.empty() || plan.name.front() == '.' || !std::all_of(plan.name.begin(), plan.name.end(), [](char c) {
            return std::isalnum((unsigned char)c) || c == '-' || c == '_' || c == '.';
        }))
        reader.fail("\"name\" must be letters, digits, '-', '_' or '.', not starting with '.', got \"" + plan.name + "\"");
    if (dataset) {
        plan.dataset = *dataset;
    } else if (root.contains("dataset")) {
        if (!root["dataset"].is_string())
            reader.fail("\"dataset\" is the dataset folder's path, in quotes");
        const std::filesystem::path given = root["dataset"].get<std::string>();
        plan.dataset = given.is_absolute() ? given : spec.parent_path() / given;
    } else {
        reader.fail("no dataset: give \"dataset\" in the file or --dataset DIR");
    }
    // Absolute, so that the commands of a Slurm script work from any folder.
    plan.dataset = std::filesystem::absolute(plan.dataset).lexically_normal();
    if (!plan.dataset.has_filename())
        plan.dataset = plan.dataset.parent_path();

    const std::vector<std::string> models = reader.words(root, "models", {});
    if (models.empty())
        reader.fail("\"models\" is required, e.g. [\"lstm\", \"transformer\"]");
    for (const auto &m : models)
        if (!parseModel(m)) {
            std::string known;
            for (const ModelKind k : allModels())
                known.append(known.empty() ? "" : ", ").append(modelName(k));
            reader.fail("\"models\": unknown model \"" + m + "\" (" + known + ")");
        }
    const std::vector<std::string> methods = reader.words(root, "methods", {});
    if (methods.empty())
        reader.fail("\"methods\" is required, e.g. [\"scratch\", \"finetune\"]");
    for (const auto &m : methods)
        if (!parseMethod(m))
            reader.fail("\"methods\": unknown method \"" + m + "\" (scratch, pretrain, finetune, adversarial, residual, reweight)");

    const int folds = root.contains("folds") ? [&] {
        // Compared as a double: a huge whole number must not wrap into range as an int.
        if (!root["folds"].is_number_integer() || root["folds"].get<double>() < 2 || root["folds"].get<double>() > 100)
            reader.fail("\"folds\" is the number of spatial folds, a whole number in 2…100");
        return root["folds"].get<int>();
    }() : 5;
    std::vector<Protocol> protocols;
    for (const auto &p : reader.words(root, "protocols", {"temporal"})) {
        if (p == "temporal") {
            protocols.push_back({"temporal", {"--split", "temporal"}});
            continue;
        }
        std::vector<int> chosen;
        if (p == "spatial") {
            for (int k = 0; k < folds; ++k)
                chosen.push_back(k);
        } else if (p.starts_with("spatial:")) {
            const std::string k = p.substr(8);
            if (k.empty() || k.size() > 3 || !std::all_of(k.begin(), k.end(), [](char c) { return std::isdigit((unsigned char)c); }) ||
                std::stoi(k) >= folds)
                reader.fail("\"protocols\": \"" + p + "\" names no fold of " + std::to_string(folds));
            chosen.push_back(std::stoi(k));
        } else {
            reader.fail("\"protocols\": \"" + p + "\" is not temporal, spatial (every fold) or spatial:K (one fold)");
        }
        for (const int k : chosen) {
            Protocol protocol{"fold" + std::to_string(k), {"--split", "spatial", "--fold", std::to_string(k)}};
            if (folds != 5)
                protocol.arguments.insert(protocol.arguments.end(), {"--folds", std::to_string(folds)});
            if (std::none_of(protocols.begin(), protocols.end(), [&](const Protocol &q) { return q.name == protocol.name; }))
                protocols.push_back(protocol);
        }
    }
    const std::vector<double> percents = reader.numbers(root, "percents", {100.0}, 1e-9, 100, false);
    std::vector<int> seeds;
    for (const double s : reader.numbers(root, "seeds", {0.0}, 0, 2147483647.0, true))
        seeds.push_back(int(s));

    std::map<std::string, std::string> options = reader.options(root, "options");
    if (root.contains("epochs")) {
        if (!root["epochs"].is_number_integer() || root["epochs"].get<double>() < 1)
            reader.fail("\"epochs\" must be a whole number of at least 1");
        if (options.count("epochs"))
            reader.fail("\"epochs\" is given twice (top level and in \"options\")");
        options["epochs"] = root["epochs"].dump();
    }
    std::map<std::string, std::string> pretrainOptions = options;
    for (const auto &[name, value] : reader.options(root, "pretrain")) {
        if (kModelShape.count(name))
            reader.fail("\"pretrain\": \"" + name +
                        "\" must be the same for pretraining and the runs that start from it; set it in \"options\"");
        pretrainOptions[name] = value;
    }
    // Options that only a pretraining run takes stay out of the others.
    for (const char *pretrainOnly : {"tem-holdout", "tem-fold"})
        if (options.count(pretrainOnly))
            reader.fail(std::string("\"options\": \"") + pretrainOnly + "\" applies to pretraining only; put it in \"pretrain\"");

    // The paper's whole grid is ~1,500 runs; a file that asks for far more is a mistake (and its
    // plan alone would not fit in memory).
    const double count =
        double(models.size()) * double(methods.size()) * double(protocols.size()) * double(percents.size()) * double(seeds.size());
    if (count > kMostRuns)
        reader.fail("the grid has " + json(count).dump() + " runs; a sweep holds at most " + std::to_string(int(kMostRuns)));

    const auto withOptions = [](std::vector<std::string> arguments, const std::map<std::string, std::string> &extra) {
        for (const auto &[name, value] : extra)
            arguments.insert(arguments.end(), {"--" + name, value});
        return arguments;
    };

    // Pretraining runs: one per model and seed, shared by every protocol and percent (they train on
    // TEM-MDM alone).
    const bool needsPretraining = std::any_of(methods.begin(), methods.end(),
                                              [](const std::string &m) { return m == "pretrain" || needsPretrained(*parseMethod(m)); });
    std::map<std::pair<std::string, int>, std::size_t> pretrainRun;
    if (needsPretraining)
        for (const auto &model : models)
            for (const int seed : seeds) {
                SweepRun run;
                run.name = model + "-pretrain-s" + std::to_string(seed);
                run.stage = SweepStage::Pretrain;
                run.model = model;
                run.method = "pretrain";
                run.protocol = "tem";
                run.seed = seed;
                run.trainArguments =
                    withOptions({"--model", model, "--method", "pretrain", "--seed", std::to_string(seed)}, pretrainOptions);
                pretrainRun[{model, seed}] = plan.runs.size();
                plan.runs.push_back(std::move(run));
            }
    for (const SweepStage stage : {SweepStage::Independent, SweepStage::Dependent})
        for (const auto &model : models)
            for (const auto &protocol : protocols)
                for (const double percent : percents)
                    for (const int seed : seeds)
                        for (const auto &method : methods) {
                            const Method kind = *parseMethod(method);
                            if (kind == Method::Pretrain || (needsPretrained(kind) != (stage == SweepStage::Dependent)))
                                continue;
                            SweepRun run;
                            run.name =
                                model + "-" + method + "-" + protocol.name + "-p" + percentText(percent) + "-s" + std::to_string(seed);
                            run.stage = stage;
                            run.model = model;
                            run.method = method;
                            run.protocol = protocol.name;
                            run.percent = percent;
                            run.seed = seed;
                            std::vector<std::string> arguments = {"--model", model, "--method", method};
                            arguments.insert(arguments.end(), protocol.arguments.begin(), protocol.arguments.end());
                            arguments.insert(arguments.end(), {"--percent", percentText(percent), "--seed", std::to_string(seed)});
                            if (needsPretrained(kind)) {
                                run.pretrained = pretrainRun.at({model, seed});
                                arguments.insert(arguments.end(), {"--pretrained", plan.runFile(plan.runs[*run.pretrained]).string()});
                            }
                            run.trainArguments = withOptions(arguments, options);
                            plan.runs.push_back(std::move(run));
                        }
    return plan;
}

std::string runStateName(RunState state)
{
    switch (state) {
    case RunState::Pending: return "pending";
    case RunState::Checkpointed: return "checkpointed";
    case RunState::Running: return "running";
    case RunState::Failed: return "failed";
    case RunState::Blocked: return "blocked";
    case RunState::Done: return "done";
    }
    return "?";
}

RunState runState(const SweepPlan &plan, std::size_t index)
{
    const SweepRun &run = plan.runs.at(index);
    std::error_code ec;
    const std::filesystem::path file = plan.runFile(run);
    if (std::filesystem::exists(file, ec))
        return RunState::Done;
    if (data::OutputLock::isHeld(file))
        return RunState::Running;
    if (std::filesystem::exists(plan.failureFile(run), ec))
        return RunState::Failed;
    if (run.pretrained) {
        const RunState before = runState(plan, *run.pretrained);
        if (before == RunState::Failed || before == RunState::Blocked)
            return RunState::Blocked;
    }
    if (std::filesystem::exists(checkpointPathFor(file), ec))
        return RunState::Checkpointed;
    return RunState::Pending;
}

} // namespace xmw::learn
