#include "core/learn/training_config.h"

#include "core/json_writer.h"

#include <algorithm>
#include <thread>

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
bool usesSimulation(Method method)
{
    return method == Method::Pretrain || method == Method::Adversarial || method == Method::Reweight;
}

std::optional<Method> parseMethod(const std::string &name)
{
    for (const auto &m : kMethods)
        if (name == m.name)
            return m.method;
    if (name == "fine-tune")
        return Method::Finetune;
    return std::nullopt;
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
    if (!(split.percent > 0 && split.percent <= 100))
        return "the percent of training data must be in (0, 100]";
    if (split.kind == data::SplitKind::Spatial && (split.folds < 2 || split.fold < 0 || split.fold >= split.folds))
        return "the spatial fold must be in 0…" + std::to_string(split.folds - 1);
    if (allFolds && split.kind != data::SplitKind::Spatial)
        return "all folds apply to the spatial split only";
    return {};
}

std::string TrainingConfig::toJson() const
{
    JsonWriter j;
    j.beginObject();
    j.key("model").value(modelName(model.kind));
    j.key("hidden").value(model.hidden);
    j.key("layers").value(model.layerCount());
    j.key("dropout").value(model.dropout);
    j.key("heads").value(model.heads);
    j.key("method").value(methodName(method));
    j.key("pretrained").value(pretrainedRun);
    j.key("split").value(split.kind == data::SplitKind::Spatial ? "spatial" : "temporal");
    j.key("fold").value(split.fold);
    j.key("folds").value(split.folds);
    j.key("all_folds").value(allFolds);
    j.key("percent").value(split.percent);
    j.key("sites").beginArray();
    for (const auto &site : split.sites)
        j.value(site);
    j.endArray();
    j.key("epochs").value(epochs);
    j.key("finetune_epochs").value(fineTuneEpochCount());
    j.key("learning_rate").value(learningRate);
    j.key("batch").value(batchSize);
    j.key("seed").value(double(seed));
    j.key("ensemble").value(ensemble);
    j.key("threads").value(threads > 0 ? threads : defaultThreadCount());
    j.key("device").value(device);
    j.key("patience").value(patience);
    j.key("validation_fraction").value(validationFraction);
    j.key("clip").value(clip);
    j.key("tem_fraction").value(temFraction);
    j.endObject();
    return j.str();
}

int defaultThreadCount()
{
    // One core stays free for the GUI, or for the shell that started a batch job.
    return std::max(1, int(std::thread::hardware_concurrency()) - 1);
}

void setThreadCount(int threads) { torch::set_num_threads(threads > 0 ? threads : defaultThreadCount()); }

} // namespace xmw::learn
