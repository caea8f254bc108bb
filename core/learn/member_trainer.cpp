#include "core/learn/member_trainer.h"

#include "core/data/sample_builder.h"
#include "core/learn/data_parallel.h"
#include "core/learn/interruption.h"
#include "core/learn/losses.h"
#include "core/learn/model_io.h"
#include "core/learn/sequence_model.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace xmw::learn {

namespace {

constexpr int kDays = data::kSequenceDays;
constexpr int kFeatures = data::kFeatureCount;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::size_t kValidationChunk = 256;

double since(TrainingTally::Clock::time_point start) { return std::chrono::duration<double>(TrainingTally::Clock::now() - start).count(); }

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

struct MemberTrainer::StepLoss {
    torch::Tensor total;
    double source = kNaN, target = kNaN, domain = kNaN;
    std::size_t samples = 0; // sequences the step saw, where more than its batch (the joint phase)
};

struct MemberTrainer::Phase {
    std::string name;
    int epochs = 0;
    const Indices *primary = nullptr; // shuffled into batches each epoch
    std::size_t maxBatches = 0; // an epoch's most batches (0: as many as the primary samples make)
    std::function<void()> startEpoch; // after the primary samples' shuffle, before the first batch
    std::function<StepLoss(const Indices &batch, double progress)> step;
    std::function<double()> validate; // NaN without a validation set
    std::vector<torch::Tensor> parameters;
};

struct MemberTrainer::Models {
    std::shared_ptr<SequenceModel> model;
    Discriminator discriminator{nullptr};
    std::vector<torch::Tensor> everything; // both models' tensors: a distributed run's start and checks
    std::optional<InterruptionScope> interruption;
};

MemberTrainer::MemberTrainer(const Context &context, int member, const MemberPlan &plan)
    : job_(context)
    , member_(member)
    , plan_(plan)
    , adversarial_(context.config.method == Method::Adversarial)
    , random_(plan.seed * 7919 + 17)
    , models_(std::make_unique<Models>())
{}

MemberTrainer::~MemberTrainer() = default;

std::optional<std::string> MemberTrainer::train(TrainingPosition state, Checkpoint *resumed)
{
    setUpModels();
    splitSimulation();
    std::vector<Phase> all = phases();
    for (int phaseIndex = state.phase; phaseIndex < int(all.size()); ++phaseIndex) {
        if (phaseIndex != state.phase)
            state = TrainingPosition{member_, phaseIndex};
        if (!trainPhase(all[std::size_t(phaseIndex)], phaseIndex, state, resumed))
            return job_.tally.stopped.empty() ? std::nullopt : std::optional(saveModel(*models_->model));
        state = TrainingPosition{member_, phaseIndex + 1};
    }
    return saveModel(*models_->model);
}

void MemberTrainer::setUpModels()
{
    const TrainingConfig &config = job_.config;
    torch::manual_seed(plan_.seed);
    Models &m = *models_;
    m.model = makeModel(config.model, kFeatures, kDays);
    m.model->setKernels(config.kernels);
    if (config.method == Method::Finetune) {
        const auto &blobs = job_.data.pretrained->models;
        loadModel(*m.model, blobs[std::size_t(member_) % blobs.size()].archive, config.pretrainedRun);
    }
    m.model->to(job_.data.device);
    m.model->train();
    m.discriminator = Discriminator(config.model.hidden);
    m.discriminator->to(job_.data.device);
    m.everything = stateTensors(*m.model);
    for (const auto &t : stateTensors(*m.discriminator))
        m.everything.push_back(t);
    // Cancel is also checked between the models' layers and as each weight's gradient arrives: a
    // single batch of the attention models can take seconds. Not in a distributed run, whose
    // processes must all stop at the same batch: there the request travels with each batch's totals.
    if (!job_.parallel) {
        Feedback &feedback = job_.feedback;
        m.interruption.emplace([&feedback] {
            if (feedback.isCanceled())
                throw Canceled();
        });
        for (auto &parameter : m.model->parameters())
            parameter.register_hook([&feedback](const torch::Tensor &) {
                if (feedback.isCanceled())
                    throw Canceled();
            });
    } else {
        job_.parallel->broadcast(m.everything); // rank 0's start, whatever the others' random state
        if (job_.parallel->rank() > 0) // but their own dropout
            torch::manual_seed(plan_.seed + 0x9E3779B97F4A7C15ull * std::uint64_t(job_.parallel->rank()));
    }
}

void MemberTrainer::splitSimulation()
{
    if (!usesSimulation(job_.config.method))
        return;
    Indices all = job_.data.temPool;
    std::shuffle(all.begin(), all.end(), random_);
    const std::size_t held =
        job_.config.method == Method::Pretrain ? std::size_t(std::round(job_.config.validationFraction * double(all.size()))) : 0;
    temValidation_.assign(all.begin(), all.begin() + std::ptrdiff_t(held));
    temTrain_.assign(all.begin() + std::ptrdiff_t(held), all.end());
}

Indices MemberTrainer::share(const Indices &batch) const { return job_.parallel ? job_.parallel->shareOf(batch) : batch; }

std::vector<double> MemberTrainer::batchTotals(std::vector<double> local) const
{
    local.push_back(job_.feedback.isCanceled() ? 1.0 : 0.0);
    if (job_.parallel)
        job_.parallel->sum(local);
    if (local.back() > 0)
        throw Canceled();
    local.pop_back();
    return local;
}

torch::Tensor MemberTrainer::noLoss() const { return torch::zeros({}, torch::TensorOptions().device(job_.data.device)); }

// In a distributed run each process takes its share of every batch, and each loss term is divided
// by the whole batch's count (of observed days, samples, weights), summed over processes, so that
// the gradients summed over processes are those of the one-process loss.
torch::Tensor MemberTrainer::domainLoss(const Domain &domain, const torch::Tensor &y, const Indices &batch)
{
    const Indices part = share(batch);
    const torch::Tensor partY = Domain::gather(y, part, job_.data.device);
    const double observed = batchTotals({observedCount(partY)})[0];
    return part.empty()
        ? noLoss()
        : squaredErrorSum(models_->model->forward(domain.batchX(part, job_.data.device)).prediction, partY) / std::max(1.0, observed);
}

double MemberTrainer::validationLoss(const Domain &domain, const torch::Tensor &y, const Indices &indices)
{
    if (indices.empty())
        return kNaN;
    torch::NoGradGuard noGrad;
    SequenceModel &model = *models_->model;
    model.eval();
    std::vector<double> sum{0.0};
    for (std::size_t start = 0, chunk = 0; start < indices.size(); start += kValidationChunk, ++chunk) {
        if (job_.parallel && int(chunk % std::size_t(job_.parallel->worldSize())) != job_.parallel->rank())
            continue;
        const Indices part(indices.begin() + std::ptrdiff_t(start),
                           indices.begin() + std::ptrdiff_t(std::min(indices.size(), start + kValidationChunk)));
        sum[0] += maskedMse(model.forward(domain.batchX(part, job_.data.device)).prediction, Domain::gather(y, part, job_.data.device))
                      .item<double>() *
            double(part.size());
    }
    if (job_.parallel)
        job_.parallel->sum(sum);
    model.train();
    return sum[0] / double(indices.size());
}

Indices MemberTrainer::nextSourceBatch()
{
    const std::size_t size = std::size_t(job_.config.sourceBatch());
    const std::size_t begin = std::min(sourceCursor_, sourceOrder_.size()), end = std::min(sourceOrder_.size(), begin + size);
    sourceCursor_ = end;
    return Indices(sourceOrder_.begin() + std::ptrdiff_t(begin), sourceOrder_.begin() + std::ptrdiff_t(end));
}

MemberTrainer::Phase MemberTrainer::onTowers(const std::string &name, int epochs)
{
    const Domain *towers = &job_.data.towers;
    const torch::Tensor *targetY = job_.config.method == Method::Residual ? &job_.data.residualTarget : &towers->y;
    Phase p;
    p.name = name;
    p.epochs = epochs;
    p.primary = &plan_.train;
    p.step = [this, towers, targetY](const Indices &batch, double) {
        StepLoss s;
        s.total = domainLoss(*towers, *targetY, batch);
        s.target = s.total.item<double>();
        return s;
    };
    p.validate = [this, towers, targetY] { return validationLoss(*towers, *targetY, plan_.validation); };
    p.parameters = models_->model->parameters();
    return p;
}

std::vector<MemberTrainer::Phase> MemberTrainer::phases()
{
    const TrainingConfig &config = job_.config;
    std::vector<Phase> phases;
    switch (config.method) {
    case Method::Scratch:
    case Method::Residual: phases.push_back(onTowers("train", config.epochs)); break;
    case Method::Finetune: phases.push_back(onTowers("finetune", config.epochs)); break;
    case Method::Pretrain: {
        const Domain *tem = &job_.data.tem;
        Phase p;
        p.name = "pretrain";
        p.epochs = config.epochs;
        p.primary = &temTrain_;
        p.step = [this, tem](const Indices &batch, double) {
            StepLoss s;
            s.total = domainLoss(*tem, tem->y, batch);
            s.source = s.total.item<double>();
            return s;
        };
        p.validate = [this, tem] { return validationLoss(*tem, tem->y, temValidation_); };
        p.parameters = models_->model->parameters();
        phases.push_back(p);
        break;
    }
    case Method::Adversarial:
    case Method::Reweight: {
        // As the reference's zip of its two loaders: each epoch the towers' batches in a new order,
        // each beside the next batch of the simulated samples in theirs, until either runs out.
        Phase p = onTowers("joint", config.epochs); // validated on the towers
        const std::size_t sourceBatch = std::size_t(config.sourceBatch());
        p.maxBatches = (temTrain_.size() + sourceBatch - 1) / sourceBatch;
        p.startEpoch = [this] {
            sourceOrder_ = temTrain_;
            std::shuffle(sourceOrder_.begin(), sourceOrder_.end(), random_); // the same order in every process
            sourceCursor_ = 0;
        };
        p.step = [this](const Indices &batch, double progress) { return jointStep(batch, progress); };
        if (adversarial_)
            for (const auto &q : models_->discriminator->parameters())
                p.parameters.push_back(q);
        phases.push_back(p);
        phases.push_back(onTowers("finetune", config.fineTuneEpochCount()));
        break;
    }
    }
    return phases;
}

// A batch of towers beside the next batch of simulated samples (--source-batch of them); the loss
// weight moves from the simulation to the towers over the epochs. Adversarial: plus a
// discriminator that tells the two apart, through a reversed gradient. Reweighting: each simulated
// year weighted by its likeness to the whole tower batch.
MemberTrainer::StepLoss MemberTrainer::jointStep(const Indices &towers, double progress)
{
    const TrainingData &data = job_.data;
    const torch::Device &device = data.device;
    SequenceModel &model = *models_->model;
    const double towardsTarget = progress;
    const Indices batch = nextSourceBatch();
    const Indices sourcePart = share(batch), towerPart = share(towers);
    const torch::Tensor sourceY = data.tem.batchY(sourcePart, device), towerY = data.towers.batchY(towerPart, device);
    const torch::Tensor sourceWeights = adversarial_ ? torch::Tensor() : similarityWeights(sourceY, data.towers.batchY(towers, device));
    const std::vector<double> totals =
        batchTotals({adversarial_ ? observedCount(sourceY) : sourceWeights.sum().item<double>(), observedCount(towerY)});
    std::optional<SequenceOutput> source, tower;
    if (!sourcePart.empty())
        source = model.forward(data.tem.batchX(sourcePart, device));
    if (!towerPart.empty())
        tower = model.forward(data.towers.batchX(towerPart, device));
    StepLoss s;
    s.samples = batch.size() + towers.size();
    torch::Tensor sourceLoss = noLoss(), towerLoss = noLoss();
    if (source)
        sourceLoss = adversarial_ ? squaredErrorSum(source->prediction, sourceY) / std::max(1.0, totals[0])
                                  : (maskedMsePerSample(source->prediction, sourceY) * sourceWeights).sum() / totals[0];
    if (tower)
        towerLoss = squaredErrorSum(tower->prediction, towerY) / std::max(1.0, totals[1]);
    s.total = (1.0 - towardsTarget) * sourceLoss + towardsTarget * towerLoss;
    s.source = sourceLoss.item<double>();
    s.target = towerLoss.item<double>();
    if (!adversarial_)
        return s;
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
    torch::Tensor domain = noLoss();
    if (!embeddings.empty())
        domain = torch::binary_cross_entropy_with_logits(models_->discriminator->forward(reverseGradient(torch::cat(embeddings), lambda)),
                                                         torch::cat(labels).to(device), {}, {}, at::Reduction::Sum) /
            double(batch.size() + towers.size());
    s.total = s.total + domain;
    s.domain = domain.item<double>();
    return s;
}

// A phase under way: its optimizer, the best weights so far and the epoch's summed losses (total,
// simulation, towers, discriminator).
struct MemberTrainer::PhaseRun {
    Phase &phase;
    int index;
    TrainingPosition &state;
    torch::optim::Adam optimizer;
    std::vector<torch::Tensor> best;
    int batches = 0;
    double sums[4] = {0, 0, 0, 0};
    int counted[4] = {0, 0, 0, 0};

    [[nodiscard]] double mean(int k) const { return counted[k] ? sums[k] / counted[k] : kNaN; }
};

bool MemberTrainer::trainPhase(Phase &phase, int phaseIndex, TrainingPosition &state, Checkpoint *&resumed)
{
    if (phase.primary->empty())
        throw TrainingError("the " + phase.name + " phase has no training samples (member " + std::to_string(member_) + ")");
    PhaseRun run{phase, phaseIndex, state, torch::optim::Adam(phase.parameters, torch::optim::AdamOptions(job_.config.learningRate))};
    if (resumed) {
        // Resuming: the model, discriminator, optimizer and best weights as they were.
        if (state.haveBest)
            run.best = snapshot(*models_->model);
        resumed->restore(*models_->model, discriminator(), run.optimizer, run.best);
        resumed = nullptr;
    }
    Indices order = *phase.primary;
    const std::size_t batchSize = std::size_t(job_.config.batchSize);
    run.batches = int((order.size() + batchSize - 1) / batchSize);
    if (phase.maxBatches > 0)
        run.batches = int(std::min(std::size_t(run.batches), phase.maxBatches));
    for (int epoch = state.epoch + 1; epoch <= phase.epochs; ++epoch) {
        const auto start = TrainingTally::Clock::now();
        std::shuffle(order.begin(), order.end(), random_);
        if (phase.startEpoch)
            phase.startEpoch();
        std::fill(std::begin(run.sums), std::end(run.sums), 0.0);
        std::fill(std::begin(run.counted), std::end(run.counted), 0);
        for (int b = 0; b < run.batches; ++b) {
            if (!job_.parallel && job_.feedback.isCanceled()) // distributed: agreed on in the step's totals
                throw Canceled();
            const Indices batch(order.begin() + std::ptrdiff_t(std::size_t(b) * batchSize),
                                order.begin() + std::ptrdiff_t(std::min(order.size(), std::size_t(b + 1) * batchSize)));
            if (!trainBatch(run, batch, epoch, b))
                return false;
        }
        if (endEpoch(run, epoch, since(start)))
            break;
    }
    if (!run.best.empty())
        restore(*models_->model, run.best);
    return true;
}

bool MemberTrainer::trainBatch(PhaseRun &run, const Indices &batch, int epoch, int b)
{
    const Phase &phase = run.phase;
    TrainingTally &tally = job_.tally;
    const double progress = phase.epochs > 1 ? (double(epoch - 1) + double(b) / run.batches) / double(phase.epochs - 1) : 1.0;
    StepLoss loss = phase.step(batch, std::min(1.0, progress));
    if (job_.nonFiniteAfter >= 0 && tally.epochsDone >= job_.nonFiniteAfter)
        loss.total = loss.total * std::numeric_limits<float>::quiet_NaN();
    double parts[4] = {loss.total.item<double>(), loss.source, loss.target, loss.domain};
    if (job_.parallel) { // each process holds its share of the batch's loss; all decide on the sum
        std::vector<double> summed(std::begin(parts), std::end(parts));
        job_.parallel->sum(summed);
        std::copy(summed.begin(), summed.end(), std::begin(parts));
    }
    if (!std::isfinite(parts[0])) {
        std::ostringstream why;
        why << "the loss became " << parts[0] << " in member " << member_ << ", " << phase.name << " epoch " << epoch
            << "; training stopped and kept the best weights before it (try a smaller learning rate)";
        if (!run.best.empty())
            restore(*models_->model, run.best);
        job_.feedback.message(why.str());
        if (!run.best.empty() || run.state.haveBest)
            tally.stopped = why.str(); // the job ends with the best weights; without any, with nothing
        return false;
    }
    run.optimizer.zero_grad();
    if (loss.total.requires_grad()) // not where this process's share of the batch is empty
        loss.total.backward();
    if (job_.parallel)
        job_.parallel->sumGradients(phase.parameters);
    torch::nn::utils::clip_grad_norm_(phase.parameters, job_.config.clip);
    run.optimizer.step();
    tally.samplesSeen += std::max(loss.samples, batch.size());
    for (int k = 0; k < 4; ++k)
        if (std::isfinite(parts[k])) {
            run.sums[k] += parts[k];
            ++run.counted[k];
        }
    job_.feedback.setProgress((tally.epochsDone + double(b + 1) / run.batches) / tally.totalEpochs, phase.name);
    reportBatch(phase, epoch, b + 1, run.batches);
    return true;
}

bool MemberTrainer::endEpoch(PhaseRun &run, int epoch, double seconds)
{
    const Phase &phase = run.phase;
    TrainingPosition &state = run.state;
    TrainingTally &tally = job_.tally;
    const double validationLoss = phase.validate();
    if (job_.parallel)
        job_.parallel->checkSame(models_->everything, "weights after " + phase.name + " epoch " + std::to_string(epoch));
    tally.trainingSeconds += seconds;
    ++tally.epochsDone;
    tally.epochSeconds = tally.trainingSeconds / std::max(1, tally.epochsDone);
    const EpochRecord record{member_, phase.name, epoch, run.mean(0), validationLoss, run.mean(1), run.mean(2), run.mean(3), seconds};
    tally.history.push_back(record);

    // Early stopping on the validation loss (on the training loss where there is no validation
    // set, which only keeps the latest weights).
    const double criterion = std::isfinite(validationLoss) ? validationLoss : record.trainLoss;
    if (std::isnan(validationLoss) || criterion < state.bestLoss) {
        state.bestLoss = criterion;
        state.badEpochs = 0;
        state.haveBest = true;
        run.best = snapshot(*models_->model);
    } else {
        ++state.badEpochs;
    }
    state.member = member_;
    state.phase = run.index;
    state.epoch = epoch;
    const bool stopEarly = state.badEpochs >= job_.config.patience;
    if (stopEarly) {
        tally.epochsDone += phase.epochs - epoch; // the ETA counts what is left, not what was skipped
        state.epoch = phase.epochs;
    }
    if (job_.checkpoint)
        job_.checkpoint(state, *models_->model, discriminator(), run.optimizer, run.best);
    if (job_.callbacks.epoch)
        job_.callbacks.epoch(record,
                             {member_, job_.members, phase.name, epoch, phase.epochs, run.batches, run.batches,
                              double(tally.epochsDone) / tally.totalEpochs, tally.epochSeconds * (tally.totalEpochs - tally.epochsDone)});
    if (stopEarly)
        job_.feedback.message(phase.name + ": no better validation loss for " + std::to_string(job_.config.patience) +
                              " epochs; stopped at epoch " + std::to_string(epoch));
    return stopEarly;
}

torch::nn::Module *MemberTrainer::discriminator() const { return adversarial_ ? models_->discriminator.ptr().get() : nullptr; }

void MemberTrainer::reportBatch(const Phase &phase, int epoch, int batch, int batches)
{
    TrainingTally &tally = job_.tally;
    if (!job_.callbacks.batch || since(tally.lastBatchReport) <= 0.1)
        return;
    tally.lastBatchReport = TrainingTally::Clock::now();
    const double fraction = (tally.epochsDone + double(batch) / batches) / tally.totalEpochs;
    job_.callbacks.batch({member_, job_.members, phase.name, epoch, phase.epochs, batch, batches, fraction,
                          tally.epochSeconds > 0 ? tally.epochSeconds * (tally.totalEpochs - tally.epochsDone) : kNaN});
}

} // namespace xmw::learn
