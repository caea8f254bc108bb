#include "core/learn/training_job.h"

#include "core/counted.h"
#include "core/data/atomic_file.h"
#include "core/data/data_error.h"
#include "core/data/dataset.h"
#include "core/data/output_lock.h"
#include "core/data/sample_builder.h"
#include "core/data/sample_file.h"
#include "core/data/splits.h"
#include "core/learn/checkpoint.h"
#include "core/learn/data_parallel.h"
#include "core/learn/member_trainer.h"
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
using Clock = TrainingTally::Clock;

double since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

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
    TrainingData data;
    std::vector<MemberPlan> plans;
    std::optional<RunRecord> pretrained;
    TrainingTally tally;
    std::vector<std::string> doneModels;
    int nonFiniteAfter = -1;

    void say(const std::string &m) const
    {
        if (feedback)
            feedback->message(m);
    }

    int phasesOf(Method m) const { return m == Method::Adversarial || m == Method::Reweight ? 2 : 1; }
    int epochsPerMember() const { return phasesOf(config.method) == 2 ? config.epochs + config.fineTuneEpochCount() : config.epochs; }

    // Trains the members not done yet (from `resumed`'s position in its member), until all are
    // done or one ends the job (a non-finite loss).
    void trainMembers(std::optional<Checkpoint> &resumed);

    // The steps of run(), in order.
    struct Samples {
        data::SampleSet towers, tem;
        std::vector<data::SampleRole> temRoles; // pretraining holds some cell-years out to test
    };
    // Finetune and residual: the run they start from, checked against this configuration.
    void readPretrained();
    // The towers' samples, and the simulation's where the method uses it (into data.temPool).
    [[nodiscard]] Samples buildSamples(const data::Dataset &dataset);
    // Each fold's roles of the tower samples (train, test, unused); throws when a fold has no test.
    [[nodiscard]] std::vector<std::vector<data::SampleRole>> assignTowerRoles(const data::SampleSet &towerSamples,
                                                                              const data::Dataset &dataset) const;
    // Feature and target scaling for a run that does not inherit one: from the simulation where it
    // is used, else from the training towers.
    [[nodiscard]] Scaling makeScaling(const data::SampleSet &towerSamples, const data::SampleSet &temSamples,
                                      const std::vector<data::SampleRole> &trainRoles) const;
    // The standardised samples every member trains on (and the residual target).
    void standardise(const data::SampleSet &towerSamples, const data::SampleSet &temSamples, const Scaling &scaling);
    // One member per fold and seed; validation is a seeded share of each member's training towers.
    void planMembers(const data::SampleSet &towerSamples, const std::vector<std::vector<data::SampleRole>> &roles);
    // With resume: the checkpoint, its curves and finished members taken over; else nothing.
    [[nodiscard]] std::optional<Checkpoint> resumeCheckpoint();
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

void TrainingJob::Impl::trainMembers(std::optional<Checkpoint> &resumed)
{
    MemberTrainer::Context context{config, data, tally, *feedback, callbacks, parallel, int(plans.size()), nonFiniteAfter, {}};
    if (leader())
        context.checkpoint = [this](const TrainingPosition &position, torch::nn::Module &model, torch::nn::Module *aux,
                                    torch::optim::Optimizer &optimizer, const std::vector<torch::Tensor> &best) {
            Checkpoint::write(Checkpoint::pathFor(out), {config, position, tally.history, doneModels}, model, aux, optimizer, best);
        };
    const std::optional<TrainingPosition> at = resumed ? std::optional(resumed->state().position) : std::nullopt;
    for (int m = int(doneModels.size()); m < int(plans.size()) && tally.stopped.empty(); ++m) {
        const bool resuming = at && m == at->member;
        MemberTrainer member(context, m, plans[std::size_t(m)]);
        auto blob = member.train(resuming ? *at : TrainingPosition{m, 0}, resuming ? &*resumed : nullptr);
        if (!blob)
            break;
        doneModels.push_back(std::move(*blob));
    }
}

void TrainingJob::Impl::readPretrained()
{
    if (!needsPretrained(config.method))
        return;
    pretrained = readRunFile(config.pretrainedRun);
    if (!pretrained->baseModels.empty())
        throw TrainingError(config.pretrainedRun + ": a residual run cannot be the starting point of another run");
    const ModelOptions &m = pretrained->config.model;
    if (config.method == Method::Finetune &&
        (m.kind != config.model.kind || m.hidden != config.model.hidden || m.layerCount() != config.model.layerCount() ||
         (m.heads != config.model.heads && config.model.kind >= ModelKind::Transformer)))
        throw TrainingError(config.pretrainedRun + ": it holds a " + modelName(m.kind) + " model (hidden " + std::to_string(m.hidden) +
                            ", " + std::to_string(m.layerCount()) + " layers), which cannot be fine-tuned as a " +
                            modelName(config.model.kind) + " (hidden " + std::to_string(config.model.hidden) + ", " +
                            std::to_string(config.model.layerCount()) + " layers)");
}

TrainingJob::Impl::Samples TrainingJob::Impl::buildSamples(const data::Dataset &dataset)
{
    Samples samples;
    data::SampleSet &towerSamples = samples.towers;
    data::SampleSet &temSamples = samples.tem;
    std::vector<data::SampleRole> &temRoles = samples.temRoles;
    const data::SampleBuilder builder(dataset);
    say("building tower samples");
    towerSamples = builder.towerSamples(*feedback, config.split.recipe);
    if (towerSamples.size() == 0)
        throw TrainingError("no tower site-year of " + datasetPath.string() + " makes a full 365-day sample under the " +
                            data::recipeName(config.split.recipe) + " recipe (`xmw samples` lists why each was skipped)");
    if (usesSimulation(config.method)) {
        say("building TEM-MDM samples");
        temSamples = builder.gridSamples(config.temFraction, config.seed, *feedback, config.temFirstYear, config.temLastYear);
        if (temSamples.size() == 0)
            throw TrainingError("no TEM-MDM cell-year makes a sample" +
                                (config.temFirstYear || config.temLastYear
                                     ? " in " + std::to_string(config.temFirstYear) + "–" + std::to_string(config.temLastYear)
                                     : std::string()));
    }
    // Pretraining keeps TEM-MDM samples apart to test the model on the simulation itself.
    temRoles.assign(temSamples.size(), data::SampleRole::Train);
    if (config.method == Method::Pretrain)
        temRoles = data::assignTemRoles(temSamples, config.temHoldout, config.temFold, config.seed);
    for (std::size_t i = 0; i < temSamples.size(); ++i)
        if (temRoles[i] == data::SampleRole::Train)
            data.temPool.push_back(int64_t(i));
    if (config.method == Method::Pretrain && config.temHoldout != data::TemHoldout::None) {
        const std::string held = data::describeTemTestSet(temSamples, temRoles, config.temHoldout, config.temFold);
        say(held.empty() ? "nothing of TEM-MDM held out: one year cannot be split in time" : "held out to test: " + held);
    }
    if (usesSimulation(config.method) && data.temPool.empty())
        throw TrainingError("no TEM-MDM sample is left to train on");
    return samples;
}

std::vector<std::vector<data::SampleRole>> TrainingJob::Impl::assignTowerRoles(const data::SampleSet &towerSamples,
                                                                               const data::Dataset &dataset) const
{
    std::vector<std::vector<data::SampleRole>> roles;
    for (int f = 0; f < config.folds(); ++f) {
        data::SplitOptions split = config.split;
        split.seed = config.seed;
        if (config.allFolds)
            split.fold = f;
        roles.push_back(data::assignRoles(towerSamples, *dataset.sites(), split));
        const auto has = [&](data::SampleRole role) {
            return std::find(roles.back().begin(), roles.back().end(), role) != roles.back().end();
        };
        const std::string towers = config.split.sites.empty() ? "towers" : "chosen towers";
        if (!has(data::SampleRole::Test))
            throw TrainingError(config.split.kind == data::SplitKind::Spatial
                                    ? "none of the " + towers + " with samples is in test fold " + std::to_string(split.fold) +
                                        "; choose others or another fold"
                                    : "the " + towers + " have no test year (a tower needs a sample in a year after its training years)");
        if (!has(data::SampleRole::Train) && config.method != Method::Pretrain)
            throw TrainingError("the split leaves no tower site-year to train on");
    }
    return roles;
}

Scaling TrainingJob::Impl::makeScaling(const data::SampleSet &towerSamples, const data::SampleSet &temSamples,
                                       const std::vector<data::SampleRole> &trainRoles) const
{
    if (pretrained)
        return pretrained->scaling; // the model was trained on that scale
    Scaling scaling;
    scaling.features = data::Normalisation::of(temSamples.size() ? temSamples : towerSamples);
    std::vector<float> y;
    if (temSamples.size())
        y = temSamples.y;
    else
        for (std::size_t i = 0; i < towerSamples.size(); ++i)
            if (trainRoles[i] == data::SampleRole::Train)
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
    return scaling;
}

void TrainingJob::Impl::standardise(const data::SampleSet &towerSamples, const data::SampleSet &temSamples, const Scaling &scaling)
{
    data.towers = {scaleInputs(towerSamples.x, towerSamples.size(), scaling), scaleTargets(towerSamples.y, towerSamples.size(), scaling)};
    if (temSamples.size())
        data.tem = {scaleInputs(temSamples.x, temSamples.size(), scaling), scaleTargets(temSamples.y, temSamples.size(), scaling)};
    data.pretrained = pretrained ? &*pretrained : nullptr;
    if (config.method == Method::Residual) {
        say("predicting the towers with the frozen pretrained model");
        const auto base = loadModels(pretrained->config.model, pretrained->models, data.device, config.pretrainedRun);
        torch::Tensor prediction = torch::zeros_like(data.towers.y);
        for (const auto &model : base)
            prediction += predictScaled(*model, data.towers.x, data.device) / double(base.size());
        data.residualTarget = data.towers.y - prediction;
    }
}

void TrainingJob::Impl::planMembers(const data::SampleSet &towerSamples, const std::vector<std::vector<data::SampleRole>> &roles)
{
    // One member per fold and seed; validation is a seeded share of each member's training towers.
    for (int f = 0; f < config.folds(); ++f)
        for (int e = 0; e < config.ensemble; ++e) {
            MemberPlan plan;
            plan.fold = config.allFolds ? f : config.split.fold;
            plan.seed = config.seed + std::uint64_t(e);
            for (std::size_t i = 0; i < towerSamples.size(); ++i) {
                const data::SampleRole role = roles[std::size_t(f)][i];
                if (role == data::SampleRole::Train)
                    plan.train.push_back(int64_t(i));
                else if (role == data::SampleRole::Test)
                    plan.test.push_back(int64_t(i));
            }
            std::mt19937_64 random(plan.seed);
            std::shuffle(plan.train.begin(), plan.train.end(), random);
            const std::size_t held =
                plan.train.size() >= 2 ? std::size_t(std::round(config.validationFraction * double(plan.train.size()))) : 0;
            plan.validation.assign(plan.train.begin(), plan.train.begin() + std::ptrdiff_t(held));
            plan.train.erase(plan.train.begin(), plan.train.begin() + std::ptrdiff_t(held));
            if (plan.train.empty() && config.method != Method::Pretrain)
                throw TrainingError("fold " + std::to_string(plan.fold) + " leaves no tower site-year to train on");
            plans.push_back(std::move(plan));
        }
    tally.totalEpochs = int(plans.size()) * epochsPerMember();
}

std::optional<Checkpoint> TrainingJob::Impl::resumeCheckpoint()
{
    if (!resume)
        return std::nullopt;
    // Only from a checkpoint that belongs to this configuration.
    const std::filesystem::path checkpoint = Checkpoint::pathFor(out);
    if (!std::filesystem::exists(checkpoint))
        throw TrainingError("there is no checkpoint " + checkpoint.string() +
                            " to resume from (one is written after each finished epoch and removed with the finished run)");
    std::optional<Checkpoint> resumed = Checkpoint::open(checkpoint);
    if (const std::string problem = config.resumeProblem(resumed->state().config); !problem.empty())
        throw TrainingError(checkpoint.string() + ": " + problem);
    const TrainingPosition &state = resumed->state().position;
    tally.history = resumed->state().history;
    doneModels = resumed->state().doneModels;
    tally.epochsDone = int(doneModels.size()) * epochsPerMember();
    for (const auto &h : tally.history)
        if (h.member == state.member)
            ++tally.epochsDone;
    say("resuming member " + std::to_string(state.member) + " after " + counted(std::uint64_t(state.epoch), "epoch") + " of phase " +
        std::to_string(state.phase + 1));
    return resumed;
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
        d.data.device = parseDevice(c.device);
    } catch (const std::runtime_error &e) {
        throw TrainingError(e.what());
    }
    torch::set_num_threads(c.threads > 0 ? c.threads : defaultThreadCount());
    prepareRuntime();
    const auto start = Clock::now();

    d.readPretrained();

    d.say("reading " + d.datasetPath.string());
    const data::Dataset dataset = data::Dataset::open(d.datasetPath);
    if (!dataset.grid() || !dataset.sites())
        throw data::DataError(dataset.root(), "training needs both TEM-MDM/ and FLUXNET-CH4/");
    for (const auto &site : c.split.sites)
        if (!dataset.sites()->find(site))
            throw TrainingError("there is no tower '" + site + "' in " + d.datasetPath.string());
    const Impl::Samples samples = d.buildSamples(dataset);
    const data::SampleSet &towerSamples = samples.towers, &temSamples = samples.tem;
    const auto roles = d.assignTowerRoles(towerSamples, dataset);
    const Scaling scaling = d.makeScaling(towerSamples, temSamples, roles[0]);
    d.standardise(towerSamples, temSamples, scaling);
    d.planMembers(towerSamples, roles);
    std::optional<Checkpoint> resumed = d.resumeCheckpoint();
    d.trainMembers(resumed);
    if (d.doneModels.empty())
        throw TrainingError(d.tally.history.empty()
                                ? "training produced no model"
                                : "the loss was not finite from the first epoch on; nothing to keep (try a smaller learning rate)");
    if (!d.leader()) { // rank 0 tests and writes the run
        RunRecord curves;
        curves.config = c;
        curves.history = d.tally.history;
        curves.stopped = d.tally.stopped;
        curves.seconds = since(start);
        return curves;
    }

    RunRecord run = d.evaluate(towerSamples, roles, scaling);
    if (c.method == Method::Pretrain)
        d.evaluateOnSimulation(run, temSamples, samples.temRoles);
    run.gridResolution = dataset.grid()->grid().dLat;
    run.measuredColumn = dataset.sites()->measuredColumnNote(run.testSites);
    run.seconds = since(start);
    run.samplesPerSecond = d.tally.trainingSeconds > 0 ? double(d.tally.samplesSeen) / d.tally.trainingSeconds : 0;
    std::vector<std::filesystem::path> inputs = dataset.grid()->files();
    inputs.insert(inputs.end(), dataset.sites()->files().begin(), dataset.sites()->files().end());
    run.inputKey = data::makeInputKey(inputs, c.toJson());
    writeRunFile(d.out, run);
    std::error_code ec;
    std::filesystem::remove(Checkpoint::pathFor(d.out), ec);
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
    run.stopped = tally.stopped;
    run.history = tally.history;
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
