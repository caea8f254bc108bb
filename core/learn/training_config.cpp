#include "core/learn/training_config.h"

#include "core/json.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <thread>
#include <vector>

namespace xmw::learn {

namespace {

struct MethodInfo {
    Method method;
    const char *name;
    const char *description;
};

const MethodInfo kMethods[] = {
    {Method::Scratch, "scratch", "train on the towers only"},
    {Method::Pretrain, "pretrain", "train on TEM-MDM simulation samples only"},
    {Method::Finetune, "finetune", "start from a pretrained run and train on the towers"},
    {Method::Adversarial, "adversarial", "domain-adversarial: shared encoder, gradient reversal, then fine-tuning"},
    {Method::Residual, "residual", "keep a pretrained model frozen; learn the towers' residual from it"},
    {Method::Reweight, "reweight", "joint training with TEM-MDM samples weighted by likeness to the towers, then fine-tuning"},
};

const MethodInfo &info(Method m)
{
    return *std::find_if(std::begin(kMethods), std::end(kMethods), [&](const MethodInfo &i) { return i.method == m; });
}

} // namespace

std::string methodName(Method method) { return info(method).name; }
std::string methodDescription(Method method) { return info(method).description; }
bool needsPretrained(Method method) { return method == Method::Finetune || method == Method::Residual; }
bool usesSimulation(Method method) { return method == Method::Pretrain || method == Method::Adversarial || method == Method::Reweight; }

std::optional<Method> parseMethod(const std::string &name)
{
    for (const auto &m : kMethods)
        if (name == m.name)
            return m.method;
    if (name == "fine-tune")
        return Method::Finetune;
    return std::nullopt;
}

std::string TrainingConfig::testSetName() const { return data::describeTestSet(split, allFolds); }

std::string TrainingConfig::resumeProblem(const TrainingConfig &was) const
{
    std::vector<std::string> changed;
    const auto text = [](double v) {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%g", v);
        return std::string(buffer);
    };
    const auto check = [&](bool same, const char *option, const std::string &before, const std::string &now) {
        if (!same)
            changed.push_back(std::string(option) + " " + before + " (now " + now + ")");
    };
    const auto number = [&](double before, double now, const char *option) { check(before == now, option, text(before), text(now)); };
    const auto list = [](const std::vector<std::string> &ids) {
        std::string joined;
        for (const auto &id : ids)
            joined.append(joined.empty() ? "" : ",").append(id);
        return joined.empty() ? std::string("(all)") : joined;
    };
    check(model.kind == was.model.kind, "--model", modelName(was.model.kind), modelName(model.kind));
    number(was.model.hidden, model.hidden, "--hidden");
    number(was.model.layerCount(), model.layerCount(), "--layers");
    number(was.model.dropout, model.dropout, "--dropout");
    number(was.model.heads, model.heads, "--heads");
    check(method == was.method, "--method", methodName(was.method), methodName(method));
    check(pretrainedRun == was.pretrainedRun, "--pretrained", was.pretrainedRun, pretrainedRun);
    check(split.recipe == was.split.recipe, "--recipe", data::recipeName(was.split.recipe), data::recipeName(split.recipe));
    check(split.kind == was.split.kind, "--split", was.split.kind == data::SplitKind::Spatial ? "spatial" : "temporal",
          split.kind == data::SplitKind::Spatial ? "spatial" : "temporal");
    number(was.split.fold, split.fold, "--fold");
    number(was.split.folds, split.folds, "--folds");
    check(allFolds == was.allFolds, "--all-folds", was.allFolds ? "on" : "off", allFolds ? "on" : "off");
    number(was.split.percent, split.percent, "--percent");
    check(split.sites == was.split.sites, "--sites", list(was.split.sites), list(split.sites));
    if (epochs < was.epochs)
        changed.push_back("--epochs " + text(was.epochs) + " (now " + text(epochs) + "; a resume may add epochs, not remove them)");
    if (fineTuneEpochCount() < was.fineTuneEpochCount())
        changed.push_back("--finetune-epochs " + text(was.fineTuneEpochCount()) + " (now " + text(fineTuneEpochCount()) +
                          "; a resume may add epochs, not remove them)");
    number(was.learningRate, learningRate, "--lr");
    number(was.batchSize, batchSize, "--batch");
    number(was.sourceBatch(), sourceBatch(), "--source-batch");
    number(double(was.seed), double(seed), "--seed");
    number(was.ensemble, ensemble, "--ensemble");
    check(device == was.device, "--device", was.device, device);
    number(was.patience, patience, "--patience");
    number(was.validationFraction, validationFraction, "--validation");
    number(was.clip, clip, "gradient clipping");
    number(was.temFraction, temFraction, "--tem-fraction");
    const auto years = [](const TrainingConfig &c) {
        return c.temFirstYear || c.temLastYear ? std::to_string(c.temFirstYear) + "-" + std::to_string(c.temLastYear)
                                               : std::string("(all)");
    };
    check(temFirstYear == was.temFirstYear && temLastYear == was.temLastYear, "--tem-years", years(was), years(*this));
    check(temHoldout == was.temHoldout, "--tem-holdout", data::temHoldoutName(was.temHoldout), data::temHoldoutName(temHoldout));
    number(was.temFold, temFold, "--tem-fold");
    if (changed.empty())
        return {};
    std::string message = "it was written with other options: ";
    for (std::size_t i = 0; i < changed.size(); ++i)
        message.append(i ? ", " : "").append(changed[i]);
    return message + ". Resume with the checkpoint's options, or start afresh without --resume";
}

std::string TrainingConfig::kernelsUsed() const
{
    if (kernels == Kernels::LibTorch)
        return "libtorch";
    if (!hasFusedKernels(model.kind))
        return "libtorch (" + modelName(model.kind) + " has no fused kernels)";
    if (device != "cpu")
        return "libtorch (the fused kernels are CPU-only)";
    return "fused";
}

std::string TrainingConfig::problem() const
{
    if (auto p = model.problem(); !p.empty())
        return p;
    if (needsPretrained(method) && pretrainedRun.empty())
        return methodName(method) + " needs a pretrained run";
    if (!needsPretrained(method) && !pretrainedRun.empty())
        return methodName(method) + " does not start from a pretrained run";
    if (epochs < 1 || epochs > 100000)
        return "epochs must be at least 1";
    if (finetuneEpochs < 0)
        return "fine-tuning epochs must not be negative";
    if (!(learningRate > 0 && learningRate < 10))
        return "the learning rate must be in (0, 10)";
    if (batchSize < 1 || batchSize > 65536)
        return "the batch size must be in 1…65536";
    if (sourceBatchSize < 0 || sourceBatchSize > 65536)
        return "the source batch size must be in 0…65536 (0: the batch size)";
    if (ensemble < 1 || ensemble > 100)
        return "the ensemble size must be in 1…100";
    if (threads < 0 || threads > 1024)
        return "threads must be in 0…1024 (0: all cores but one)";
    if (device != "cpu" && device != "cuda")
        return "the device is cpu or cuda, not '" + device + "'";
    if (patience < 1)
        return "patience must be at least 1 epoch";
    if (!(validationFraction >= 0 && validationFraction < 1))
        return "the validation fraction must be in [0, 1)";
    if (!(clip > 0))
        return "the gradient clipping norm must be positive";
    if (!(temFraction > 0 && temFraction <= 1))
        return "the TEM-MDM fraction must be in (0, 1]";
    if (temFirstYear < 0 || temLastYear < 0 || (temFirstYear && temLastYear && temFirstYear > temLastYear))
        return "the TEM-MDM years must be FIRST-LAST with FIRST ≤ LAST";
    if (temFold < 0 || temFold >= data::kTemFolds)
        return "the TEM-MDM fold must be in 0…" + std::to_string(data::kTemFolds - 1);
    if (!(split.percent > 0 && split.percent <= 100))
        return "the percent of training data must be in (0, 100]";
    if (split.kind == data::SplitKind::Spatial && split.recipe == data::Recipe::XMethaneWet && split.folds != 5)
        return "the x-methanewet recipe has the benchmark's 5 published folds; use the extended recipe for " + std::to_string(split.folds);
    if (split.kind == data::SplitKind::Spatial && (split.folds < 2 || split.fold < 0 || split.fold >= split.folds))
        return "the spatial fold must be in 0…" + std::to_string(split.folds - 1);
    if (allFolds && split.kind != data::SplitKind::Spatial)
        return "all folds apply to the spatial split only";
    return {};
}

std::string TrainingConfig::toJson() const
{
    Json j;
    j["model"] = modelName(model.kind);
    j["hidden"] = model.hidden;
    j["layers"] = model.layerCount();
    j["dropout"] = model.dropout;
    j["heads"] = model.heads;
    j["method"] = methodName(method);
    j["pretrained"] = pretrainedRun;
    j["recipe"] = data::recipeName(split.recipe);
    j["split"] = split.kind == data::SplitKind::Spatial ? "spatial" : "temporal";
    j["fold"] = split.fold;
    j["folds"] = split.folds;
    j["all_folds"] = allFolds;
    j["percent"] = split.percent;
    j["sites"] = split.sites;
    j["epochs"] = epochs;
    j["finetune_epochs"] = fineTuneEpochCount();
    j["learning_rate"] = learningRate;
    j["batch"] = batchSize;
    j["source_batch"] = sourceBatch();
    j["seed"] = seed;
    j["ensemble"] = ensemble;
    j["threads"] = threads > 0 ? threads : defaultThreadCount();
    j["device"] = device;
    j["kernels"] = kernelsName(kernels);
    j["kernels_used"] = kernelsUsed();
    j["patience"] = patience;
    j["validation_fraction"] = validationFraction;
    j["clip"] = clip;
    j["tem_fraction"] = temFraction;
    j["tem_first_year"] = temFirstYear;
    j["tem_last_year"] = temLastYear;
    j["tem_holdout"] = data::temHoldoutName(temHoldout);
    j["tem_fold"] = temFold;
    return toJsonText(j);
}

TrainingConfig readConfigFields(const ConfigSource &source)
{
    const auto text = [&](const char *name) {
        auto v = source.text(name);
        if (!v)
            throw std::runtime_error(std::string("no text field '") + name + "'");
        return *v;
    };
    const auto number = [&](const char *name) {
        auto v = source.number(name);
        if (!v)
            throw std::runtime_error(std::string("no number field '") + name + "'");
        return *v;
    };
    // Counts and sizes: a whole number that fits, or the file is refused (converting any other
    // double to int is undefined behaviour; fuzzing found 5e31 epochs).
    const auto whole = [&](const char *name, double low, double high) {
        const double v = number(name);
        if (!(v >= low && v <= high) || v != std::floor(v))
            throw std::runtime_error(std::string("field '") + name + "' is not a whole number in " + std::to_string(std::int64_t(low)) +
                                     "…" + std::to_string(std::int64_t(high)));
        return v;
    };
    constexpr double kIntMax = std::numeric_limits<int>::max(), kIntMin = std::numeric_limits<int>::min();
    TrainingConfig c;
    const auto kind = parseModel(text("model"));
    const auto method = parseMethod(text("method"));
    if (!kind || !method)
        throw std::runtime_error("unknown model '" + text("model") + "' or method '" + text("method") + "'");
    c.model.kind = *kind;
    c.model.hidden = int(whole("hidden", kIntMin, kIntMax));
    c.model.layers = int(whole("layers", kIntMin, kIntMax));
    c.model.dropout = number("dropout");
    c.model.heads = int(whole("heads", kIntMin, kIntMax));
    c.method = *method;
    c.pretrainedRun = text("pretrained");
    // Runs from before recipes were named followed what is now the extended one.
    const std::string recipe = source.text("recipe").value_or("extended");
    const auto parsedRecipe = data::parseRecipe(recipe);
    if (!parsedRecipe)
        throw std::runtime_error("unknown recipe '" + recipe + "'");
    c.split.recipe = *parsedRecipe;
    c.split.kind = text("split") == "spatial" ? data::SplitKind::Spatial : data::SplitKind::Temporal;
    c.split.fold = int(whole("fold", kIntMin, kIntMax));
    c.split.folds = int(whole("folds", kIntMin, kIntMax));
    c.allFolds = number("all_folds") != 0;
    c.split.percent = number("percent");
    c.split.sites = source.list("sites"); // stores from before tower choice: every tower took part
    c.epochs = int(whole("epochs", kIntMin, kIntMax));
    c.finetuneEpochs = int(whole("finetune_epochs", kIntMin, kIntMax));
    c.learningRate = number("learning_rate");
    c.batchSize = int(whole("batch", kIntMin, kIntMax));
    // Runs from before --source-batch paired each simulated batch with as many towers.
    c.sourceBatchSize = source.number("source_batch") ? int(whole("source_batch", kIntMin, kIntMax)) : 0;
    c.seed = std::uint64_t(whole("seed", 0, 9007199254740992.0)); // 2^53: every whole double below it
    c.split.seed = c.seed;
    c.ensemble = int(whole("ensemble", kIntMin, kIntMax));
    c.threads = int(whole("threads", kIntMin, kIntMax));
    c.device = text("device");
    // Runs from before the fused kernels trained with LibTorch's layers.
    const std::string kernels = source.text("kernels").value_or("libtorch");
    const auto parsedKernels = parseKernels(kernels);
    if (!parsedKernels)
        throw std::runtime_error("unknown kernels '" + kernels + "' (libtorch or fused)");
    c.kernels = *parsedKernels;
    c.patience = int(whole("patience", kIntMin, kIntMax));
    c.validationFraction = number("validation_fraction");
    c.clip = number("clip");
    c.temFraction = number("tem_fraction");
    // Runs from before the TEM-MDM choices were kept sampled every year and held nothing out.
    const auto optionalWhole = [&](const char *name) { return source.number(name) ? int(whole(name, kIntMin, kIntMax)) : 0; };
    c.temFirstYear = optionalWhole("tem_first_year");
    c.temLastYear = optionalWhole("tem_last_year");
    const std::string holdout = source.text("tem_holdout").value_or("none");
    const auto parsedHoldout = data::parseTemHoldout(holdout);
    if (!parsedHoldout)
        throw std::runtime_error("unknown TEM-MDM hold-out '" + holdout + "'");
    c.temHoldout = *parsedHoldout;
    c.temFold = optionalWhole("tem_fold");
    return c;
}

std::optional<TrainingConfig> TrainingConfig::fromJson(const std::string &text)
{
    // The objects toJson writes: keys to strings, numbers, booleans, null or arrays of strings.
    const Json object = Json::parse(text, nullptr, false);
    if (!object.is_object())
        return std::nullopt; // not JSON (parse gives a discarded value), or not an object
    const auto field = [&](const char *name) -> const Json * {
        const auto it = object.find(name);
        return it == object.end() ? nullptr : &*it;
    };
    ConfigSource source;
    source.text = [&](const char *name) -> std::optional<std::string> {
        const Json *v = field(name);
        return v && v->is_string() ? std::optional(v->get<std::string>()) : std::nullopt;
    };
    source.number = [&](const char *name) -> std::optional<double> {
        const Json *v = field(name);
        if (v && v->is_number())
            return v->get<double>();
        if (v && v->is_boolean())
            return v->get<bool>() ? 1.0 : 0.0;
        return std::nullopt;
    };
    source.list = [&](const char *name) {
        std::vector<std::string> items;
        if (const Json *v = field(name); v && v->is_array())
            for (const Json &item : *v) {
                if (!item.is_string())
                    throw std::runtime_error(std::string(name) + " holds something other than text");
                items.push_back(item.get<std::string>());
            }
        return items;
    };
    try {
        return readConfigFields(source);
    } catch (const std::runtime_error &) {
        return std::nullopt;
    }
}

int defaultThreadCount()
{
    // One core stays free for the GUI, or for the shell that started a batch job.
    return std::max(1, int(std::thread::hardware_concurrency()) - 1);
}

} // namespace xmw::learn
