#include "core/learn/training_job.h"

#include "core/data/atomic_file.h"
#include "core/data/data_error.h"
#include "core/data/dataset.h"
#include "core/data/output_lock.h"
#include "core/data/sample_builder.h"
#include "core/data/sample_file.h"
#include "core/data/splits.h"
#include "core/learn/checkpoint.h"
#include "core/learn/data_parallel.h"
#include "core/learn/interruption.h"
#include "core/learn/losses.h"
#include "core/learn/model_io.h"
#include "core/learn/predictor.h"

#include <chrono>
#include <cmath>
#include <numeric>
#include <optional>
#include <random>
#include <set>
#include <sstream>

namespace xmw::learn {

namespace {

constexpr int kDays = data::kSequenceDays;
constexpr int kFeatures = data::kFeatureCount;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
using Clock = std::chrono::steady_clock;
using Indices = std::vector<int64_t>;

double since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// Standardised samples of one domain, contiguous, built once per job: batches are gathered from
// them with one index_select, never copied sample by sample.
struct Domain {
    torch::Tensor x, y;
    [[nodiscard]] torch::Tensor batchX(const Indices &i, const torch::Device &d) const { return gather(x, i, d); }
    [[nodiscard]] torch::Tensor batchY(const Indices &i, const torch::Device &d) const { return gather(y, i, d); }
    static torch::Tensor gather(const torch::Tensor &t, const Indices &i, const torch::Device &d)
    {
        return t.index_select(0, torch::tensor(i, torch::kLong)).to(d);
    }
};

struct MemberPlan {
    int fold = 0;
    std::uint64_t seed = 0;
    Indices train, validation, test; // into the towers (pretrain: train and validation into TEM-MDM)
};

struct StepLoss {
    torch::Tensor total;
    double source = kNaN, target = kNaN, domain = kNaN;
};

struct Phase {
    std::string name;
    int epochs = 0;
    const Indices *primary = nullptr; // shuffled into batches each epoch
    std::function<StepLoss(const Indices &batch, double progress)> step;
    std::function<double()> validate; // NaN without a validation set
    std::vector<torch::Tensor> parameters;
};

// The parameters, then the buffers.
std::vector<torch::Tensor> stateTensors(torch::nn::Module &model)
{
    std::vector<torch::Tensor> out = model.parameters();
    for (const auto &b : model.buffers())
        out.push_back(b);
    return out;
}

std::vector<torch::Tensor> snapshot(torch::nn::Module &model)
{
    std::vector<torch::Tensor> out;
    for (const auto &t : stateTensors(model))
        out.push_back(t.detach().clone());
    return out;
}

void restore(torch::nn::Module &model, const std::vector<torch::Tensor> &state)
{
    torch::NoGradGuard noGrad;
    std::size_t k = 0;
    for (auto &p : model.parameters())
        p.copy_(state.at(k++));
    for (auto &b : model.buffers())
        b.copy_(state.at(k++));
}

// A small MLP that tells simulated from observed sequences by their mean embedding.
struct DiscriminatorImpl : torch::nn::Module {
    explicit DiscriminatorImpl(int hidden)
    {
        first = register_module("first", torch::nn::Linear(hidden, std::max(1, hidden / 2)));
        second = register_module("second", torch::nn::Linear(std::max(1, hidden / 2), 1));
    }
    torch::Tensor forward(const torch::Tensor &embedding) { return second(torch::relu(first(embedding.mean(1)))).squeeze(-1); }
    torch::nn::Linear first{nullptr}, second{nullptr};
};
TORCH_MODULE(Discriminator);

} // namespace

struct TrainingJob::Impl {
    std::filesystem::path datasetPath, out;
    TrainingConfig config;
    Callbacks callbacks;
    bool resume = false;
    std::string name, notes;
    Feedback *feedback = nullptr; // run()'s: messages, progress and the request to stop
    DataParallel *parallel = nullptr; // a distributed run's processes; null in a run of one

    // Rank 0 of a distributed run, or the only process: the one that writes and reports.
    [[nodiscard]] bool leader() const { return !parallel || parallel->rank() == 0; }

    // Set up by run().
    torch::Device device = torch::kCPU;
    Domain towers, tem;
    Indices temPool; // the TEM-MDM samples training may use (pretrain holds some out to test)
    torch::Tensor residualTarget; // residual: y − f_pre(x), standardised
    std::vector<MemberPlan> plans;
    std::optional<RunRecord> pretrained;
    std::vector<EpochRecord> history;
    std::vector<std::string> doneModels;
    std::string stopped;
    int totalEpochs = 0, epochsDone = 0;
    int nonFiniteAfter = -1;
    double epochSeconds = 0;
    std::size_t samplesSeen = 0;
    double trainingSeconds = 0;
    Clock::time_point lastBatchReport{};

    void say(const std::string &m) const
    {
        if (feedback)
            feedback->message(m);
    }

    int phasesOf(Method m) const { return m == Method::Adversarial || m == Method::Reweight ? 2 : 1; }
    int epochsPerMember() const { return phasesOf(config.method) == 2 ? config.epochs + config.fineTuneEpochCount() : config.epochs; }

    std::optional<std::string> trainMember(int member, TrainingPosition state, Checkpoint *checkpoint);
    void writeCheckpoint(const TrainingPosition &state, torch::nn::Module &model, torch::nn::Module *aux,
                         torch::optim::Optimizer &optimizer, const std::vector<torch::Tensor> &best) const;
    RunRecord evaluate(const data::SampleSet &towerSamples, const std::vector<std::vector<data::SampleRole>> &roles,
                       const Scaling &scaling);
    // Pretraining: the metrics on the held-out TEM-MDM samples, in the run.
    void evaluateOnSimulation(RunRecord &run, const data::SampleSet &temSamples, const std::vector<data::SampleRole> &roles) const;
};

TrainingJob::TrainingJob(std::filesystem::path dataset, TrainingConfig config, std::filesystem::path out)
    : impl_(std::make_unique<Impl>())
{
    impl_->datasetPath = std::move(dataset);
    impl_->config = std::move(config);
    impl_->out = std::move(out);
    impl_->name = impl_->out.stem().string();
}

TrainingJob::~TrainingJob() = default;

void TrainingJob::setCallbacks(Callbacks callbacks) { impl_->callbacks = std::move(callbacks); }
void TrainingJob::setResume(bool resume) { impl_->resume = resume; }
void TrainingJob::setLabels(std::string name, std::string notes)
{
    impl_->name = std::move(name);
    impl_->notes = std::move(notes);
}
void TrainingJob::injectNonFiniteLossAfter(int epochs) { impl_->nonFiniteAfter = epochs; }
void TrainingJob::setDataParallel(DataParallel *parallel) { impl_->parallel = parallel; }

CheckpointInfo TrainingJob::readCheckpoint(const std::filesystem::path &checkpoint)
{
    CheckpointState state = Checkpoint::open(checkpoint).state();
    return {std::move(state.config), std::move(state.history)};
}

std::filesystem::path TrainingJob::checkpointPath(const std::filesystem::path &out) { return Checkpoint::pathFor(out); }

void TrainingJob::Impl::writeCheckpoint(const TrainingPosition &position, torch::nn::Module &model, torch::nn::Module *aux,
                                        torch::optim::Optimizer &optimizer, const std::vector<torch::Tensor> &best) const
{
    Checkpoint::write(Checkpoint::pathFor(out), {config, position, history, doneModels}, model, aux, optimizer, best);
}

std::optional<std::string> TrainingJob::Impl::trainMember(int member, TrainingPosition state, Checkpoint *checkpoint)
{
    const MemberPlan &plan = plans[std::size_t(member)];
    torch::manual_seed(plan.seed);
    std::mt19937_64 random(plan.seed * 7919 + 17);
    auto model = makeModel(config.model, kFeatures, kDays);
    if (config.method == Method::Finetune) {
        const auto &blobs = pretrained->models;
        loadModel(*model, blobs[std::size_t(member) % blobs.size()].archive, config.pretrainedRun);
    }
    model->to(device);
    model->train();
    Discriminator discriminator(config.model.hidden);
    discriminator->to(device);
    const bool adversarial = config.method == Method::Adversarial;
    std::vector<torch::Tensor> everything = stateTensors(*model); // for a distributed run's start and checks
    for (const auto &t : stateTensors(*discriminator))
        everything.push_back(t);
    // Cancel is also checked between the models' layers and as each weight's gradient arrives: a
    // single batch of the attention models can take seconds. Not in a distributed run, whose
    // processes must all stop at the same batch: there the request travels with each batch's totals.
    std::optional<InterruptionScope> interruption;
    if (!parallel) {
        interruption.emplace([this] {
            if (feedback->isCanceled())
                throw Canceled();
        });
        for (auto &parameter : model->parameters())
            parameter.register_hook([this](const torch::Tensor &) {
                if (feedback->isCanceled())
                    throw Canceled();
            });
    }
    if (parallel) {
        parallel->broadcast(everything); // rank 0's start, whatever the others' random state
        if (parallel->rank() > 0) // but their own dropout
            torch::manual_seed(plan.seed + 0x9E3779B97F4A7C15ull * std::uint64_t(parallel->rank()));
    }

    // A distributed run: each process takes its share of every batch, and each loss term is divided
    // by the whole batch's count (of observed days, samples, weights), summed over processes, so that
    // the gradients summed over processes are those of the one-process loss.
    const auto share = [&](const Indices &batch) { return parallel ? parallel->shareOf(batch) : batch; };
    // The batch-wide counts; the request to stop travels with them, so that all stop at one batch.
    const auto batchTotals = [&](std::vector<double> local) {
        local.push_back(feedback->isCanceled() ? 1.0 : 0.0);
        if (parallel)
            parallel->sum(local);
        if (local.back() > 0)
            throw Canceled();
        local.pop_back();
        return local;
    };
    const auto noLoss = [&] { return torch::zeros({}, torch::TensorOptions().device(device)); };

    const Domain &target = towers;
    const torch::Tensor &targetY = config.method == Method::Residual ? residualTarget : towers.y;
    // Masked MSE over a batch of one domain (in a distributed run, this process's share of it).
    const auto domainStep = [&](const Domain &domain, const torch::Tensor &y, const Indices &batch) {
        const Indices part = share(batch);
        const torch::Tensor partY = Domain::gather(y, part, device);
        const double observed = batchTotals({observedCount(partY)})[0];
        return part.empty() ? noLoss()
                            : squaredErrorSum(model->forward(domain.batchX(part, device)).prediction, partY) / std::max(1.0, observed);
    };
    // In chunks of 256, each process its own chunks, so that any number of processes adds up the same.
    const auto validation = [&](const Domain &domain, const torch::Tensor &y, const Indices &indices) {
        if (indices.empty())
            return kNaN;
        torch::NoGradGuard noGrad;
        model->eval();
        std::vector<double> sum{0.0};
        for (std::size_t start = 0, chunk = 0; start < indices.size(); start += 256, ++chunk) {
            if (parallel && int(chunk % std::size_t(parallel->worldSize())) != parallel->rank())
                continue;
            const Indices part(indices.begin() + std::ptrdiff_t(start),
                               indices.begin() + std::ptrdiff_t(std::min(indices.size(), start + 256)));
            sum[0] += maskedMse(model->forward(domain.batchX(part, device)).prediction, Domain::gather(y, part, device)).item<double>() *
                double(part.size());
        }
        if (parallel)
            parallel->sum(sum);
        model->train();
        return sum[0] / double(indices.size());
    };
    // A random batch of target training samples, drawn with replacement: the towers are far fewer
    // than the simulated samples they are paired with.
    const auto targetBatch = [&](std::size_t size) {
        std::uniform_int_distribution<std::size_t> pick(0, plan.train.size() - 1);
        Indices batch(std::min(size, plan.train.size()));
        for (auto &b : batch)
            b = plan.train[pick(random)];
        return batch;
    };
    Indices temTrain, temValidation;
    if (usesSimulation(config.method)) {
        Indices all = temPool;
        std::shuffle(all.begin(), all.end(), random);
        const std::size_t held =
            config.method == Method::Pretrain ? std::size_t(std::round(config.validationFraction * double(all.size()))) : 0;
        temValidation.assign(all.begin(), all.begin() + std::ptrdiff_t(held));
        temTrain.assign(all.begin() + std::ptrdiff_t(held), all.end());
    }

    std::vector<Phase> phases;
    const auto towerValidation = [&] { return validation(target, targetY, plan.validation); };
    const auto onTowers = [&](const std::string &name, int epochs) {
        Phase p;
        p.name = name;
        p.epochs = epochs;
        p.primary = &plan.train;
        p.step = [&](const Indices &batch, double) {
            StepLoss s;
            s.total = domainStep(target, targetY, batch);
            s.target = s.total.item<double>();
            return s;
        };
        p.validate = towerValidation;
        p.parameters = model->parameters();
        return p;
    };
    switch (config.method) {
    case Method::Scratch:
    case Method::Residual: phases.push_back(onTowers("train", config.epochs)); break;
    case Method::Finetune: phases.push_back(onTowers("finetune", config.epochs)); break;
    case Method::Pretrain: {
        Phase p;
        p.name = "pretrain";
        p.epochs = config.epochs;
        p.primary = &temTrain;
        p.step = [&](const Indices &batch, double) {
            StepLoss s;
            s.total = domainStep(tem, tem.y, batch);
            s.source = s.total.item<double>();
            return s;
        };
        p.validate = [&] { return validation(tem, tem.y, temValidation); };
        p.parameters = model->parameters();
        phases.push_back(p);
        break;
    }
    case Method::Adversarial:
    case Method::Reweight: {
        Phase p;
        p.name = "joint";
        p.epochs = config.epochs;
        p.primary = &temTrain;
        p.step = [&, adversarial](const Indices &batch, double progress) {
            // The loss weight moves from the simulation to the towers over the epochs.
            const double towardsTarget = progress;
            const Indices towerBatch = targetBatch(batch.size()); // the same draws in every process
            const Indices sourcePart = share(batch), towerPart = share(towerBatch);
            const torch::Tensor sourceY = tem.batchY(sourcePart, device), towerY = towers.batchY(towerPart, device);
            // Reweighting compares each simulated year with the whole tower batch.
            const torch::Tensor sourceWeights =
                adversarial ? torch::Tensor() : similarityWeights(sourceY, towers.batchY(towerBatch, device));
            const std::vector<double> totals =
                batchTotals({adversarial ? observedCount(sourceY) : sourceWeights.sum().item<double>(), observedCount(towerY)});
            std::optional<SequenceOutput> source, tower;
            if (!sourcePart.empty())
                source = model->forward(tem.batchX(sourcePart, device));
            if (!towerPart.empty())
                tower = model->forward(towers.batchX(towerPart, device));
            StepLoss s;
            torch::Tensor sourceLoss = noLoss(), towerLoss = noLoss();
            if (source)
                sourceLoss = adversarial ? squaredErrorSum(source->prediction, sourceY) / std::max(1.0, totals[0])
                                         : (maskedMsePerSample(source->prediction, sourceY) * sourceWeights).sum() / totals[0];
            if (tower)
                towerLoss = squaredErrorSum(tower->prediction, towerY) / std::max(1.0, totals[1]);
            s.total = (1.0 - towardsTarget) * sourceLoss + towardsTarget * towerLoss;
            s.source = sourceLoss.item<double>();
            s.target = towerLoss.item<double>();
            if (adversarial) {
                const double lambda = reversalStrength(progress);
                std::vector<torch::Tensor> embeddings, labels;
                if (source) {
                    embeddings.push_back(source->embedding);
                    labels.push_back(torch::zeros({source->embedding.size(0)}));
                }
                if (tower) {
                    embeddings.push_back(tower->embedding);
                    labels.push_back(torch::ones({tower->embedding.size(0)}));
                }
                // A mean over the whole batch's sequences, simulated and observed.
                torch::Tensor domainLoss = noLoss();
                if (!embeddings.empty())
                    domainLoss =
                        torch::binary_cross_entropy_with_logits(discriminator->forward(reverseGradient(torch::cat(embeddings), lambda)),
                                                                torch::cat(labels).to(device), {}, {}, at::Reduction::Sum) /
                        double(batch.size() + towerBatch.size());
                s.total = s.total + domainLoss;
                s.domain = domainLoss.item<double>();
            }
            return s;
        };
        p.validate = towerValidation;
        p.parameters = model->parameters();
        if (adversarial)
            for (const auto &q : discriminator->parameters())
                p.parameters.push_back(q);
        phases.push_back(p);
        phases.push_back(onTowers("finetune", config.fineTuneEpochCount()));
        break;
    }
    }

    for (int phaseIndex = state.phase; phaseIndex < int(phases.size()); ++phaseIndex) {
        Phase &phase = phases[std::size_t(phaseIndex)];
        if (phase.primary->empty())
            throw TrainingError("the " + phase.name + " phase has no training samples (member " + std::to_string(member) + ")");
        torch::optim::Adam optimizer(phase.parameters, torch::optim::AdamOptions(config.learningRate));
        std::vector<torch::Tensor> best;
        if (phaseIndex != state.phase)
            state = TrainingPosition{member, phaseIndex};
        if (checkpoint) {
            // Resuming: the model, discriminator, optimizer and best weights as they were.
            if (state.haveBest)
                best = snapshot(*model);
            checkpoint->restore(*model, adversarial ? discriminator.ptr().get() : nullptr, optimizer, best);
            checkpoint = nullptr;
        }

        Indices order = *phase.primary;
        const std::size_t batchSize = std::size_t(config.batchSize);
        const int batches = int((order.size() + batchSize - 1) / batchSize);
        for (int epoch = state.epoch + 1; epoch <= phase.epochs; ++epoch) {
            const auto start = Clock::now();
            std::shuffle(order.begin(), order.end(), random);
            double sums[4] = {0, 0, 0, 0};
            int counted[4] = {0, 0, 0, 0};
            for (int b = 0; b < batches; ++b) {
                if (!parallel && feedback->isCanceled()) // distributed: agreed on in the step's totals
                    throw Canceled();
                const Indices batch(order.begin() + std::ptrdiff_t(std::size_t(b) * batchSize),
                                    order.begin() + std::ptrdiff_t(std::min(order.size(), std::size_t(b + 1) * batchSize)));
                const double progress = phase.epochs > 1 ? (double(epoch - 1) + double(b) / batches) / double(phase.epochs - 1) : 1.0;
                StepLoss loss = phase.step(batch, std::min(1.0, progress));
                if (nonFiniteAfter >= 0 && epochsDone >= nonFiniteAfter)
                    loss.total = loss.total * std::numeric_limits<float>::quiet_NaN();
                double parts[4] = {loss.total.item<double>(), loss.source, loss.target, loss.domain};
                if (parallel) { // each process holds its share of the batch's loss; all decide on the sum
                    std::vector<double> summed(std::begin(parts), std::end(parts));
                    parallel->sum(summed);
                    std::copy(summed.begin(), summed.end(), std::begin(parts));
                }
                const double total = parts[0];
                if (!std::isfinite(total)) {
                    std::ostringstream why;
                    why << "the loss became " << total << " in member " << member << ", " << phase.name << " epoch " << epoch
                        << "; training stopped and kept the best weights before it (try a smaller learning rate)";
                    if (!best.empty())
                        restore(*model, best);
                    say(why.str());
                    if (best.empty() && !state.haveBest)
                        return std::nullopt;
                    stopped = why.str();
                    return saveModel(*model);
                }
                optimizer.zero_grad();
                if (loss.total.requires_grad()) // not where this process's share of the batch is empty
                    loss.total.backward();
                if (parallel)
                    parallel->sumGradients(phase.parameters);
                torch::nn::utils::clip_grad_norm_(phase.parameters, config.clip);
                optimizer.step();
                samplesSeen += batch.size();
                for (int k = 0; k < 4; ++k)
                    if (std::isfinite(parts[k])) {
                        sums[k] += parts[k];
                        ++counted[k];
                    }
                feedback->setProgress((epochsDone + double(b + 1) / batches) / totalEpochs, phase.name);
                if (callbacks.batch && since(lastBatchReport) > 0.1) {
                    lastBatchReport = Clock::now();
                    JobProgress progressReport{member,
                                               int(plans.size()),
                                               phase.name,
                                               epoch,
                                               phase.epochs,
                                               b + 1,
                                               batches,
                                               (epochsDone + double(b + 1) / batches) / totalEpochs,
                                               epochSeconds > 0 ? epochSeconds * (totalEpochs - epochsDone) : kNaN};
                    callbacks.batch(progressReport);
                }
            }
            const double validationLoss = phase.validate();
            if (parallel)
                parallel->checkSame(everything, "weights after " + phase.name + " epoch " + std::to_string(epoch));
            const double seconds = since(start);
            trainingSeconds += seconds;
            ++epochsDone;
            epochSeconds = trainingSeconds / std::max(1, epochsDone);
            const auto mean = [&](int k) { return counted[k] ? sums[k] / counted[k] : kNaN; };
            EpochRecord record{member, phase.name, epoch, mean(0), validationLoss, mean(1), mean(2), mean(3), seconds};
            history.push_back(record);

            // Early stopping on the validation loss (on the training loss where there is no
            // validation set, which only keeps the latest weights).
            const double criterion = std::isfinite(validationLoss) ? validationLoss : record.trainLoss;
            const bool better = std::isnan(validationLoss) || criterion < state.bestLoss;
            if (better) {
                state.bestLoss = criterion;
                state.badEpochs = 0;
                state.haveBest = true;
                best = snapshot(*model);
            } else {
                ++state.badEpochs;
            }
            state.member = member;
            state.phase = phaseIndex;
            state.epoch = epoch;
            const bool stopEarly = state.badEpochs >= config.patience;
            if (stopEarly) {
                epochsDone += phase.epochs - epoch; // the ETA counts what is left, not what was skipped
                state.epoch = phase.epochs;
            }
            if (leader())
                writeCheckpoint(state, *model, adversarial ? discriminator.ptr().get() : nullptr, optimizer, best);
            if (callbacks.epoch) {
                JobProgress progressReport{member,
                                           int(plans.size()),
                                           phase.name,
                                           epoch,
                                           phase.epochs,
                                           batches,
                                           batches,
                                           double(epochsDone) / totalEpochs,
                                           epochSeconds * (totalEpochs - epochsDone)};
                callbacks.epoch(record, progressReport);
            }
            if (stopEarly) {
                say(phase.name + ": no better validation loss for " + std::to_string(config.patience) + " epochs; stopped at epoch " +
                    std::to_string(epoch));
                break;
            }
        }
        if (!best.empty())
            restore(*model, best);
        state = TrainingPosition{member, phaseIndex + 1};
    }
    return saveModel(*model);
}

RunRecord TrainingJob::run(Feedback &feedback)
{
    Impl &d = *impl_;
    d.feedback = &feedback;
    struct Release { // the job must not keep the caller's Feedback past run()
        Impl &impl;
        ~Release() { impl.feedback = nullptr; }
    } release{d};
    const TrainingConfig &c = d.config;
    if (const std::string problem = c.problem(); !problem.empty())
        throw TrainingError(problem);
    // Held until the run file is in place: a second job with the same output is refused, never
    // interleaved with this one's checkpoints. In a distributed run, rank 0 is the one that writes.
    std::optional<data::OutputLock> lock;
    if (d.leader())
        lock.emplace(d.out);
    try {
        d.device = parseDevice(c.device);
    } catch (const std::runtime_error &e) {
        throw TrainingError(e.what());
    }
    torch::set_num_threads(c.threads > 0 ? c.threads : defaultThreadCount());
    prepareRuntime();
    const auto start = Clock::now();

    if (needsPretrained(c.method)) {
        d.pretrained = readRunFile(c.pretrainedRun);
        const RunRecord &p = *d.pretrained;
        if (!p.baseModels.empty())
            throw TrainingError(c.pretrainedRun + ": a residual run cannot be the starting point of another run");
        const ModelOptions &m = p.config.model;
        if (c.method == Method::Finetune &&
            (m.kind != c.model.kind || m.hidden != c.model.hidden || m.layerCount() != c.model.layerCount() ||
             (m.heads != c.model.heads && c.model.kind >= ModelKind::Transformer)))
            throw TrainingError(c.pretrainedRun + ": it holds a " + modelName(m.kind) + " model (hidden " + std::to_string(m.hidden) +
                                ", " + std::to_string(m.layerCount()) + " layers), which cannot be fine-tuned as a " +
                                modelName(c.model.kind) + " (hidden " + std::to_string(c.model.hidden) + ", " +
                                std::to_string(c.model.layerCount()) + " layers)");
    }

    d.say("reading " + d.datasetPath.string());
    const data::Dataset dataset = data::Dataset::open(d.datasetPath);
    if (!dataset.grid() || !dataset.sites())
        throw data::DataError(dataset.root(), "training needs both TEM-MDM/ and FLUXNET-CH4/");
    for (const auto &site : c.split.sites)
        if (!dataset.sites()->find(site))
            throw TrainingError("there is no tower '" + site + "' in " + d.datasetPath.string());
    const data::SampleBuilder builder(dataset);
    d.say("building tower samples");
    const data::SampleSet towerSamples = builder.towerSamples(*d.feedback, c.split.recipe);
    if (towerSamples.size() == 0)
        throw TrainingError("no tower site-year of " + d.datasetPath.string() + " makes a full 365-day sample under the " +
                            data::recipeName(c.split.recipe) + " recipe (`xmw samples` lists why each was skipped)");
    data::SampleSet temSamples;
    if (usesSimulation(c.method)) {
        d.say("building TEM-MDM samples");
        temSamples = builder.gridSamples(c.temFraction, c.seed, *d.feedback, c.temFirstYear, c.temLastYear);
        if (temSamples.size() == 0)
            throw TrainingError("no TEM-MDM cell-year makes a sample" +
                                (c.temFirstYear || c.temLastYear
                                     ? " in " + std::to_string(c.temFirstYear) + "–" + std::to_string(c.temLastYear)
                                     : std::string()));
    }
    // Pretraining keeps TEM-MDM samples apart to test the model on the simulation itself.
    std::vector<data::SampleRole> temRoles(temSamples.size(), data::SampleRole::Train);
    if (c.method == Method::Pretrain)
        temRoles = data::assignTemRoles(temSamples, c.temHoldout, c.temFold, c.seed);
    for (std::size_t i = 0; i < temSamples.size(); ++i)
        if (temRoles[i] == data::SampleRole::Train)
            d.temPool.push_back(int64_t(i));
    if (c.method == Method::Pretrain && c.temHoldout != data::TemHoldout::None) {
        const std::string held = data::describeTemTestSet(temSamples, temRoles, c.temHoldout, c.temFold);
        d.say(held.empty() ? "nothing of TEM-MDM held out: one year cannot be split in time" : "held out to test: " + held);
    }
    if (usesSimulation(c.method) && d.temPool.empty())
        throw TrainingError("no TEM-MDM sample is left to train on");

    std::vector<std::vector<data::SampleRole>> roles;
    for (int f = 0; f < c.folds(); ++f) {
        data::SplitOptions split = c.split;
        split.seed = c.seed;
        if (c.allFolds)
            split.fold = f;
        roles.push_back(data::assignRoles(towerSamples, *dataset.sites(), split));
        const auto has = [&](data::SampleRole role) {
            return std::find(roles.back().begin(), roles.back().end(), role) != roles.back().end();
        };
        const std::string towers = c.split.sites.empty() ? "towers" : "chosen towers";
        if (!has(data::SampleRole::Test))
            throw TrainingError(c.split.kind == data::SplitKind::Spatial
                                    ? "none of the " + towers + " with samples is in test fold " + std::to_string(split.fold) +
                                        "; choose others or another fold"
                                    : "the " + towers + " have no test year (a tower needs a sample in a year after its training years)");
        if (!has(data::SampleRole::Train) && c.method != Method::Pretrain)
            throw TrainingError("the split leaves no tower site-year to train on");
    }

    Scaling scaling;
    if (d.pretrained) {
        scaling = d.pretrained->scaling;
    } else {
        scaling.features = data::Normalisation::of(temSamples.size() ? temSamples : towerSamples);
        // The target's scale: from the simulation where it is used, else from the training towers.
        std::vector<float> y;
        if (temSamples.size())
            y = temSamples.y;
        else
            for (std::size_t i = 0; i < towerSamples.size(); ++i)
                if (roles[0][i] == data::SampleRole::Train)
                    y.insert(y.end(), towerSamples.y.begin() + std::ptrdiff_t(i * kDays),
                             towerSamples.y.begin() + std::ptrdiff_t((i + 1) * kDays));
        double sum = 0, sum2 = 0, n = 0;
        for (const float v : y)
            if (!std::isnan(v)) {
                sum += v;
                sum2 += double(v) * v;
                ++n;
            }
        if (n < 2)
            throw TrainingError("the training towers have no observed flux");
        scaling.targetMean = float(sum / n);
        scaling.targetStd = float(std::max(1e-6, std::sqrt(std::max(0.0, sum2 / n - (sum / n) * (sum / n)))));
    }
    d.towers = {scaleInputs(towerSamples.x, towerSamples.size(), scaling), scaleTargets(towerSamples.y, towerSamples.size(), scaling)};
    if (temSamples.size())
        d.tem = {scaleInputs(temSamples.x, temSamples.size(), scaling), scaleTargets(temSamples.y, temSamples.size(), scaling)};
    if (c.method == Method::Residual) {
        d.say("predicting the towers with the frozen pretrained model");
        const auto base = loadModels(d.pretrained->config.model, d.pretrained->models, d.device, c.pretrainedRun);
        torch::Tensor prediction = torch::zeros_like(d.towers.y);
        for (const auto &model : base)
            prediction += predictScaled(*model, d.towers.x, d.device) / double(base.size());
        d.residualTarget = d.towers.y - prediction;
    }

    // One member per fold and seed; validation is a seeded share of each member's training towers.
    for (int f = 0; f < c.folds(); ++f)
        for (int e = 0; e < c.ensemble; ++e) {
            MemberPlan plan;
            plan.fold = c.allFolds ? f : c.split.fold;
            plan.seed = c.seed + std::uint64_t(e);
            for (std::size_t i = 0; i < towerSamples.size(); ++i) {
                const data::SampleRole role = roles[std::size_t(f)][i];
                if (role == data::SampleRole::Train)
                    plan.train.push_back(int64_t(i));
                else if (role == data::SampleRole::Test)
                    plan.test.push_back(int64_t(i));
            }
            std::mt19937_64 random(plan.seed);
            std::shuffle(plan.train.begin(), plan.train.end(), random);
            const std::size_t held = plan.train.size() >= 2 ? std::size_t(std::round(c.validationFraction * double(plan.train.size()))) : 0;
            plan.validation.assign(plan.train.begin(), plan.train.begin() + std::ptrdiff_t(held));
            plan.train.erase(plan.train.begin(), plan.train.begin() + std::ptrdiff_t(held));
            if (plan.train.empty() && c.method != Method::Pretrain)
                throw TrainingError("fold " + std::to_string(plan.fold) + " leaves no tower site-year to train on");
            d.plans.push_back(std::move(plan));
        }
    d.totalEpochs = int(d.plans.size()) * d.epochsPerMember();

    // Resume from the checkpoint when asked and it belongs to this configuration.
    const std::filesystem::path checkpoint = checkpointPath(d.out);
    std::optional<Checkpoint> resumed;
    TrainingPosition state;
    if (d.resume && !std::filesystem::exists(checkpoint))
        throw TrainingError("there is no checkpoint " + checkpoint.string() +
                            " to resume from (one is written after each finished epoch and removed with the finished run)");
    if (d.resume) {
        resumed = Checkpoint::open(checkpoint);
        if (const std::string problem = c.resumeProblem(resumed->state().config); !problem.empty())
            throw TrainingError(checkpoint.string() + ": " + problem);
        state = resumed->state().position;
        d.history = resumed->state().history;
        d.doneModels = resumed->state().doneModels;
        d.epochsDone = int(d.doneModels.size()) * d.epochsPerMember();
        for (const auto &h : d.history)
            if (h.member == state.member)
                ++d.epochsDone;
        d.say("resuming member " + std::to_string(state.member) + " after " + std::to_string(state.epoch) + " epochs of phase " +
              std::to_string(state.phase + 1));
    }

    for (int m = int(d.doneModels.size()); m < int(d.plans.size()) && d.stopped.empty(); ++m) {
        TrainingPosition memberState = resumed && m == state.member ? state : TrainingPosition{m, 0};
        auto blob = d.trainMember(m, memberState, resumed && m == state.member ? &*resumed : nullptr);
        if (!blob)
            break;
        d.doneModels.push_back(std::move(*blob));
    }
    if (d.doneModels.empty())
        throw TrainingError(d.history.empty()
                                ? "training produced no model"
                                : "the loss was not finite from the first epoch on; nothing to keep (try a smaller learning rate)");
    if (!d.leader()) { // rank 0 tests and writes the run
        RunRecord curves;
        curves.config = c;
        curves.history = d.history;
        curves.stopped = d.stopped;
        curves.seconds = since(start);
        return curves;
    }

    RunRecord run = d.evaluate(towerSamples, roles, scaling);
    if (c.method == Method::Pretrain)
        d.evaluateOnSimulation(run, temSamples, temRoles);
    run.gridResolution = dataset.grid()->grid().dLat;
    run.seconds = since(start);
    run.samplesPerSecond = d.trainingSeconds > 0 ? double(d.samplesSeen) / d.trainingSeconds : 0;
    std::vector<std::filesystem::path> inputs = dataset.grid()->files();
    inputs.insert(inputs.end(), dataset.sites()->files().begin(), dataset.sites()->files().end());
    run.inputKey = data::makeInputKey(inputs, c.toJson());
    writeRunFile(d.out, run);
    std::error_code ec;
    std::filesystem::remove(checkpoint, ec);
    return run;
}

RunRecord TrainingJob::Impl::evaluate(const data::SampleSet &towerSamples, const std::vector<std::vector<data::SampleRole>> &roles,
                                      const Scaling &scaling)
{
    RunRecord run;
    run.config = config;
    run.name = name;
    run.notes = notes;
    run.created = utcNow();
    run.dataset = std::filesystem::absolute(datasetPath).string();
    run.stopped = stopped;
    run.history = history;
    run.scaling = scaling;
    for (std::size_t m = 0; m < doneModels.size(); ++m)
        run.models.push_back({plans[m].fold, plans[m].seed, doneModels[m]});
    if (pretrained && config.method == Method::Residual) {
        run.baseModel = pretrained->config.model;
        run.baseModels = pretrained->models;
    }

    // Each test sample is predicted by the members of the fold that held it out.
    const Predictor predictor(run, config.device);
    std::set<std::string> trainIds;
    for (std::size_t fold = 0; fold < roles.size(); ++fold) {
        std::vector<std::size_t> members;
        for (std::size_t m = 0; m < run.models.size(); ++m)
            if (m / std::size_t(config.ensemble) == fold)
                members.push_back(m);
        for (std::size_t i = 0; i < towerSamples.size(); ++i)
            if (roles[fold][i] == data::SampleRole::Train)
                trainIds.insert(towerSamples.ids[i]);
        if (members.empty())
            continue; // a fold never trained (training stopped early)
        data::SampleSet test;
        for (std::size_t i = 0; i < towerSamples.size(); ++i)
            if (roles[fold][i] == data::SampleRole::Test)
                test.append(towerSamples, i);
        if (test.size() == 0)
            continue;
        std::vector<float> spread;
        const std::vector<float> predicted = predictor.predict(test.x, test.size(), &spread, members);
        run.testIds.insert(run.testIds.end(), test.ids.begin(), test.ids.end());
        run.testSites.insert(run.testSites.end(), test.sites.begin(), test.sites.end());
        run.testYears.insert(run.testYears.end(), test.years.begin(), test.years.end());
        run.observed.insert(run.observed.end(), test.y.begin(), test.y.end());
        run.measured.insert(run.measured.end(), test.measured.begin(), test.measured.end());
        run.predicted.insert(run.predicted.end(), predicted.begin(), predicted.end());
        run.spread.insert(run.spread.end(), spread.begin(), spread.end());
    }
    run.trainIds.assign(trainIds.begin(), trainIds.end());
    run.metrics = computeMetrics(run.observed, run.predicted);
    run.perSite = metricsPerSite(run.testSites, run.observed, run.predicted);
    run.metricsMeasured = computeMetrics(run.measured, run.predicted);
    run.perSiteMeasured = metricsPerSite(run.testSites, run.measured, run.predicted);
    return run;
}

void TrainingJob::Impl::evaluateOnSimulation(RunRecord &run, const data::SampleSet &temSamples,
                                             const std::vector<data::SampleRole> &roles) const
{
    run.temTestSet = data::describeTemTestSet(temSamples, roles, config.temHoldout, config.temFold);
    if (run.temTestSet.empty())
        return;
    std::vector<std::size_t> test;
    for (std::size_t i = 0; i < temSamples.size(); ++i)
        if (roles[i] == data::SampleRole::Test)
            test.push_back(i);
    say("testing on " + run.temTestSet + " (" + std::to_string(test.size()) + " cell-years)");
    const Predictor predictor(run, config.device);
    // In slices: the held-out half of a 0.5° record must not be copied whole.
    std::vector<float> observed, predicted, x;
    constexpr std::size_t kSlice = 4096;
    const std::size_t xs = std::size_t(kDays) * kFeatures;
    for (std::size_t first = 0; first < test.size(); first += kSlice) {
        const std::size_t n = std::min(kSlice, test.size() - first);
        x.clear();
        for (std::size_t k = first; k < first + n; ++k) {
            const std::size_t i = test[k];
            x.insert(x.end(), temSamples.x.begin() + std::ptrdiff_t(i * xs), temSamples.x.begin() + std::ptrdiff_t((i + 1) * xs));
            observed.insert(observed.end(), temSamples.y.begin() + std::ptrdiff_t(i * kDays),
                            temSamples.y.begin() + std::ptrdiff_t((i + 1) * kDays));
        }
        const std::vector<float> part = predictor.predict(x, n);
        predicted.insert(predicted.end(), part.begin(), part.end());
    }
    run.temMetrics = computeMetrics(observed, predicted);
}

} // namespace xmw::learn
