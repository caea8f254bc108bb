#include "core/learn/model_io.h"

#include "core/data/data_error.h"
#include "core/learn/predictor.h"
#include "core/learn/training_config.h"

#include <malloc.h>

#include <mutex>
#include <sstream>

namespace xmw::learn {

constexpr int kDays = data::kSequenceDays;
constexpr int kFeatures = data::kFeatureCount;

std::string saveModel(torch::nn::Module &model)
{
    torch::serialize::OutputArchive archive;
    model.save(archive);
    std::ostringstream out;
    archive.save_to(out);
    return out.str();
}

void loadModel(torch::nn::Module &model, const std::string &archive, const std::string &where)
{
    try {
        std::istringstream in(archive);
        torch::serialize::InputArchive input;
        input.load_from(in);
        model.load(input);
    } catch (const c10::Error &e) {
        throw data::DataError(where,
                              "the stored weights do not fit the model (" + std::string(e.what_without_backtrace()).substr(0, 200) + ")");
    }
}

std::vector<std::shared_ptr<SequenceModel>> loadModels(const ModelOptions &options, const std::vector<ModelBlob> &blobs,
                                                       const torch::Device &device, const std::string &where)
{
    std::vector<std::shared_ptr<SequenceModel>> models;
    for (const auto &blob : blobs) {
        auto model = makeModel(options, kFeatures, kDays);
        loadModel(*model, blob.archive, where);
        model->to(device);
        model->eval();
        models.push_back(model);
    }
    return models;
}

torch::Tensor scaleInputs(const std::vector<float> &x, std::size_t n, const Scaling &scaling)
{
    if (x.size() != n * kDays * kFeatures)
        throw std::invalid_argument("scaleInputs: expected N × 365 × 15 values");
    torch::Tensor t = torch::from_blob(const_cast<float *>(x.data()), {int64_t(n), kDays, kFeatures}, torch::kFloat);
    const torch::Tensor mean = torch::from_blob(const_cast<float *>(scaling.features.mean.data()), {kFeatures}, torch::kFloat);
    const torch::Tensor stddev = torch::from_blob(const_cast<float *>(scaling.features.stddev.data()), {kFeatures}, torch::kFloat);
    return torch::nan_to_num((t - mean) / stddev, 0.0, 0.0, 0.0).contiguous();
}

torch::Tensor scaleTargets(const std::vector<float> &y, std::size_t n, const Scaling &scaling)
{
    if (y.size() != n * kDays)
        throw std::invalid_argument("scaleTargets: expected N × 365 values");
    const torch::Tensor t = torch::from_blob(const_cast<float *>(y.data()), {int64_t(n), kDays}, torch::kFloat);
    return ((t - scaling.targetMean) / scaling.targetStd).contiguous();
}

torch::Tensor predictScaled(SequenceModel &model, const torch::Tensor &x, const torch::Device &device, int64_t batch)
{
    torch::NoGradGuard noGrad;
    const bool training = model.is_training();
    model.eval();
    std::vector<torch::Tensor> parts;
    for (int64_t start = 0; start < x.size(0); start += batch)
        parts.push_back(model.forward(x.slice(0, start, std::min(x.size(0), start + batch)).to(device)).prediction.to(torch::kCPU));
    model.train(training);
    return parts.empty() ? torch::zeros({0, x.size(1)}) : torch::cat(parts, 0);
}

torch::Device parseDevice(const std::string &name)
{
    if (name == "cpu")
        return torch::kCPU;
    if (name == "cuda") {
        if (!torch::cuda::is_available())
            throw std::runtime_error(
                "--device cuda: this LibTorch has no usable CUDA device (Debian's libtorch is built for the CPU only)");
        return torch::kCUDA;
    }
    throw std::runtime_error("unknown device '" + name + "' (cpu or cuda)");
}

void prepareRuntime()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // A training step frees and allocates the same large activations (tens to hundreds of MB)
        // every batch. glibc serves blocks that big with fresh mmaps, so each batch would fault in
        // and zero its memory again; served from the heap and not trimmed back below 1 GB, they
        // are reused instead. Only the main arena can hold them (the others are at most 64 MB and
        // mmap past that whatever M_MMAP_MAX says), so every thread shares it: the explorer trains
        // and upscales on worker threads.
        mallopt(M_ARENA_MAX, 1);
        mallopt(M_MMAP_MAX, 0);
        mallopt(M_TRIM_THRESHOLD, 1 << 30);
    });
    // Subnormal numbers (gradients of saturated gates, long-decayed states) are many times slower.
    // The flag lives in each thread's floating-point control register, so every caller sets it.
    at::globalContext().setFlushDenormal(true);
}

void setThreadCount(int threads) { torch::set_num_threads(threads > 0 ? threads : defaultThreadCount()); }

struct Predictor::Impl {
    Scaling scaling;
    torch::Device device = torch::kCPU;
    std::vector<std::shared_ptr<SequenceModel>> models, base;
};

Predictor::Predictor(const RunRecord &run, const std::string &device)
    : impl_(std::make_unique<Impl>())
{
    impl_->scaling = run.scaling;
    impl_->device = parseDevice(device);
    impl_->models = loadModels(run.config.model, run.models, impl_->device, run.name);
    impl_->base = loadModels(run.baseModel, run.baseModels, impl_->device, run.name);
}

Predictor::~Predictor() = default;

std::size_t Predictor::memberCount() const { return impl_->models.size(); }

std::vector<float> Predictor::predict(const std::vector<float> &x, std::size_t n, std::vector<float> *spread,
                                      const std::vector<std::size_t> &members) const
{
    const torch::Tensor inputs = scaleInputs(x, n, impl_->scaling);
    torch::Tensor base = torch::zeros({int64_t(n), kDays});
    for (const auto &model : impl_->base)
        base += predictScaled(*model, inputs, impl_->device) / double(impl_->base.size());
    std::vector<torch::Tensor> outputs;
    for (std::size_t m = 0; m < impl_->models.size(); ++m)
        if (members.empty() || std::find(members.begin(), members.end(), m) != members.end())
            outputs.push_back((predictScaled(*impl_->models[m], inputs, impl_->device) + base) * impl_->scaling.targetStd +
                              impl_->scaling.targetMean);
    if (outputs.empty())
        throw std::invalid_argument("Predictor: no member selected");
    const torch::Tensor stacked = torch::stack(outputs);
    const torch::Tensor mean = stacked.mean(0).contiguous();
    if (spread) {
        const torch::Tensor s = outputs.size() > 1 ? stacked.std(0, false).contiguous() : torch::zeros_like(mean);
        spread->assign(s.data_ptr<float>(), s.data_ptr<float>() + s.numel());
    }
    return {mean.data_ptr<float>(), mean.data_ptr<float>() + mean.numel()};
}

} // namespace xmw::learn
