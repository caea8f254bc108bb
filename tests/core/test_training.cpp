// Training jobs on a small demo dataset: methods, run files, resume, upscaling, the CLI.
#include "core/build_info.h"
#include "core/data/data_error.h"
#include "core/data/dataset.h"
#include "core/learn/predictor.h"
#include "core/learn/preset.h"
#include "core/learn/run_file.h"
#include "core/learn/training_job.h"
#include "core/learn/upscaler.h"
#include "demo_fixture.h"
#include "grid_edit.h"

#include <hdf5.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <cmath>
#include <map>

using namespace xmw::learn;

namespace {

TrainingConfig quick(ModelKind kind, Method method)
{
    TrainingConfig c;
    c.model.kind = kind;
    c.model.hidden = 8;
    c.model.heads = 2;
    c.method = method;
    c.epochs = 2;
    c.batchSize = 16;
    c.threads = 1;
    c.temFraction = 0.2;
    c.seed = 5;
    c.split.seed = 5;
    return c;
}

} // namespace

class TestTraining : public QObject {
    Q_OBJECT

    DemoFixture demo_;

    RunRecord train(const TrainingConfig &config, const std::string &name)
    {
        TrainingJob job(demo_.root(), config, demo_.scratch(name));
        xmw::Feedback quiet;
        return job.run(quiet);
    }

private Q_SLOTS:
    void scratchRunWritesAFileThatRoundTrips()
    {
        const RunRecord run = train(quick(ModelKind::Lstm, Method::Scratch), "scratch.h5");
        QCOMPARE(int(run.history.size()), 2);
        QVERIFY(!run.testIds.empty());
        QCOMPARE(run.predicted.size(), run.testIds.size() * 365);
        QVERIFY(std::isfinite(run.metrics.rmse) && run.metrics.count > 0);
        QVERIFY(!run.perSite.empty());
        QVERIFY(!std::filesystem::exists(TrainingJob::checkpointPath(demo_.scratch("scratch.h5"))));

        const RunRecord back = readRunFile(demo_.scratch("scratch.h5"));
        QCOMPARE(back.config.toJson(), run.config.toJson());
        QCOMPARE(back.testIds, run.testIds);
        QCOMPARE(back.predicted, run.predicted);
        QCOMPARE(back.metrics.rmse, run.metrics.rmse);
        QCOMPARE(back.history.size(), run.history.size());
        QCOMPARE(back.history[1].trainLoss, run.history[1].trainLoss);
        QVERIFY(std::isnan(back.history[1].domainLoss));
        QCOMPARE(back.models.size(), std::size_t(1));
        QCOMPARE(back.perSite.size(), run.perSite.size());
        // Measured days are the towers' FCH4, and a file written before that reads as FCH4_F.
        QCOMPARE(run.measuredColumn, std::string("FCH4"));
        QCOMPARE(back.measuredColumn, std::string("FCH4"));
        QCOMPARE(back.metricsMeasured.count, run.metricsMeasured.count);
        {
            const auto older = demo_.scratch("scratch-older.h5");
            std::filesystem::copy_file(demo_.scratch("scratch.h5"), older, std::filesystem::copy_options::overwrite_existing);
            const hid_t file = H5Fopen(older.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
            QVERIFY(file >= 0);
            QVERIFY(H5Adelete(file, "measured_column") >= 0);
            H5Fclose(file);
            QCOMPARE(readRunSummary(older).measuredColumn, std::string("FCH4_F"));
            std::filesystem::remove(older);
        }
        // Without the weights, for plots: the same curves and predictions.
        const RunRecord results = readRunResults(demo_.scratch("scratch.h5"));
        QCOMPARE(results.history.size(), run.history.size());
        QCOMPARE(results.predicted, run.predicted);
        QCOMPARE(results.trainIds, run.trainIds);
        QVERIFY(results.models.empty());
        // The stored model reproduces the stored predictions.
        const Predictor predictor(back);
        QCOMPARE(predictor.memberCount(), std::size_t(1));
        QVERIFY(findRunFiles(demo_.scratch("")).size() >= 1);
    }

    void aFixedSeedReproducesTheLossCurve()
    {
        const RunRecord a = train(quick(ModelKind::Gru, Method::Scratch), "seed-a.h5");
        const RunRecord b = train(quick(ModelKind::Gru, Method::Scratch), "seed-b.h5");
        for (std::size_t i = 0; i < a.history.size(); ++i)
            QCOMPARE(a.history[i].trainLoss, b.history[i].trainLoss);
        QCOMPARE(a.predicted, b.predicted);
    }

    // The fused kernels and LibTorch's layers train the same model: the same curve over 5 epochs,
    // within float rounding, and the run file says which ran.
    void fusedAndLibTorchKernelsTrainTheSameCurve_data()
    {
        QTest::addColumn<int>("kind");
        for (const ModelKind kind : {ModelKind::Lstm, ModelKind::Gru, ModelKind::EaLstm, ModelKind::Transformer, ModelKind::Pyraformer})
            QTest::newRow(modelName(kind).c_str()) << int(kind);
    }
    void fusedAndLibTorchKernelsTrainTheSameCurve()
    {
        QFETCH(int, kind);
        TrainingConfig c = quick(ModelKind(kind), Method::Scratch);
        c.epochs = 5;
        c.kernels = Kernels::Fused;
        const RunRecord fused = train(c, "kernels-fused.h5");
        c.kernels = Kernels::LibTorch;
        const RunRecord unfused = train(c, "kernels-libtorch.h5");
        QCOMPARE(fused.history.size(), unfused.history.size());
        for (std::size_t i = 0; i < fused.history.size(); ++i) {
            const double a = fused.history[i].trainLoss, b = unfused.history[i].trainLoss;
            QVERIFY2(std::abs(a - b) <= 1e-4 * std::max(1.0, std::abs(b)),
                     ("epoch " + std::to_string(i + 1) + ": " + std::to_string(a) + " against " + std::to_string(b)).c_str());
        }
        QVERIFY(std::abs(fused.metrics.rmse - unfused.metrics.rmse) <= 1e-3 * unfused.metrics.rmse);
        QCOMPARE(readRunFile(demo_.scratch("kernels-fused.h5")).config.kernelsUsed(), std::string("fused"));
        QCOMPARE(unfused.config.kernelsUsed(), std::string("libtorch"));
        c.kernels = Kernels::Fused;
        c.device = "cuda";
        QCOMPARE(c.kernelsUsed(), std::string("libtorch (the fused kernels are CPU-only)"));
        c.device = "cpu";
        c.model.kind = ModelKind::Tcn;
        QCOMPARE(c.kernelsUsed(), std::string("libtorch (tcn has no fused kernels)"));
    }

    void transferMethodsRunAndRecordTheirLosses()
    {
        const RunRecord pretrained = train(quick(ModelKind::Lstm, Method::Pretrain), "pretrain.h5");
        QCOMPARE(pretrained.history.front().phase, std::string("pretrain"));
        QVERIFY(std::isfinite(pretrained.history.front().sourceLoss));
        // Tested on TEM-MDM too: the demo's 2016 held out, 2015 trained on.
        QCOMPARE(pretrained.temTestSet, std::string("TEM-MDM 2016 (trained on 2015)"));
        QVERIFY(pretrained.temMetrics.count > 1000 && std::isfinite(pretrained.temMetrics.rmse));
        const RunRecord stored = readRunSummary(demo_.scratch("pretrain.h5"));
        QCOMPARE(stored.temTestSet, pretrained.temTestSet);
        QCOMPARE(stored.temMetrics.rmse, pretrained.temMetrics.rmse);
        QCOMPARE(stored.config.temHoldout, xmw::data::TemHoldout::Years);

        TrainingConfig finetune = quick(ModelKind::Lstm, Method::Finetune);
        finetune.pretrainedRun = demo_.scratch("pretrain.h5").string();
        QVERIFY(std::isfinite(train(finetune, "finetune.h5").metrics.rmse));

        const RunRecord adversarial = train(quick(ModelKind::Lstm, Method::Adversarial), "adversarial.h5");
        QCOMPARE(int(adversarial.history.size()), 4); // 2 joint + 2 fine-tuning
        QCOMPARE(adversarial.history[0].phase, std::string("joint"));
        QVERIFY(std::isfinite(adversarial.history[0].domainLoss) && std::isfinite(adversarial.history[0].sourceLoss));
        QCOMPARE(adversarial.history[2].phase, std::string("finetune"));

        const RunRecord reweight = train(quick(ModelKind::Lstm, Method::Reweight), "reweight.h5");
        QVERIFY(std::isfinite(reweight.history[0].sourceLoss) && std::isnan(reweight.history[0].domainLoss));
    }

    // A joint epoch is the reference's zip of its two loaders: the towers' batches (--batch), each
    // beside the next --source-batch simulated samples, until either runs out.
    void aJointEpochZipsTowerAndSimulatedBatches()
    {
        const auto batchesPerPhase = [&](int sourceBatch, const std::string &name) {
            TrainingConfig c = quick(ModelKind::Lstm, Method::Reweight);
            c.epochs = 1;
            c.sourceBatchSize = sourceBatch;
            TrainingJob job(demo_.root(), c, demo_.scratch(name));
            std::map<std::string, int> batches;
            job.setCallbacks({[&](const EpochRecord &, const JobProgress &p) { batches[p.phase] = p.batches; }, {}});
            xmw::Feedback quiet;
            job.run(quiet);
            batches["source batch in the run file"] = readRunSummary(demo_.scratch(name)).config.sourceBatch();
            return batches;
        };
        // Plenty of simulated batches: as many steps as the towers make, as in fine-tuning.
        const auto many = batchesPerPhase(1, "zip-many.h5");
        QCOMPARE(many.at("source batch in the run file"), 1);
        QVERIFY(many.at("joint") > 1);
        QCOMPARE(many.at("joint"), many.at("finetune"));
        // One simulated batch holds them all: the epoch ends after it.
        QCOMPARE(batchesPerPhase(65536, "zip-one.h5").at("joint"), 1);
        // The paper's preset pairs towers in fours with 128 simulated samples; 0 means --batch.
        TrainingConfig paper = quick(ModelKind::Lstm, Method::Adversarial);
        applyPreset(paper, Preset::Paper);
        QCOMPARE(paper.batchSize, 4);
        QCOMPARE(paper.sourceBatch(), 128);
        TrainingConfig ours = quick(ModelKind::Lstm, Method::Adversarial);
        QCOMPARE(ours.sourceBatch(), ours.batchSize);
        QCOMPARE(TrainingConfig::fromJson(paper.toJson())->sourceBatch(), 128);
    }

    void pretrainingHoldsOutTemMdmAsAsked()
    {
        // A fold of cells: every year of those cells is tested, none trained on.
        TrainingConfig cells = quick(ModelKind::Lstm, Method::Pretrain);
        cells.epochs = 1;
        cells.temHoldout = xmw::data::TemHoldout::Cells;
        cells.temFold = 3;
        const RunRecord byCells = train(cells, "pretrain-cells.h5");
        QCOMPARE(byCells.temTestSet, std::string("TEM-MDM cells of fold 3 of 5, 2015–2016"));
        QVERIFY(byCells.temMetrics.count > 0);

        // One year sampled: nothing can be held out in time, and nothing is claimed.
        TrainingConfig oneYear = quick(ModelKind::Lstm, Method::Pretrain);
        oneYear.epochs = 1;
        oneYear.temFirstYear = oneYear.temLastYear = 2015;
        const RunRecord single = train(oneYear, "pretrain-2015.h5");
        QVERIFY(single.temTestSet.empty());
        QVERIFY(!readRunSummary(demo_.scratch("pretrain-2015.h5")).temTestSet.size());

        // Nothing held out on request; a scratch run never is.
        TrainingConfig none = oneYear;
        none.temFirstYear = none.temLastYear = 0;
        none.temHoldout = xmw::data::TemHoldout::None;
        QVERIFY(train(none, "pretrain-all.h5").temTestSet.empty());

        // The roles themselves: years split in halves, cells into 5 folds that cover every cell once.
        xmw::data::SampleSet s;
        for (const int year : {2001, 2002, 2003, 2004, 2005})
            for (const int row : {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}) {
                s.years.push_back(year);
                s.rows.push_back(row);
                s.cols.push_back(0);
                s.ids.push_back(std::to_string(row) + "/" + std::to_string(year));
            }
        const auto years = xmw::data::assignTemRoles(s, xmw::data::TemHoldout::Years, 0, 1);
        for (std::size_t i = 0; i < s.size(); ++i)
            QCOMPARE(years[i], s.years[i] <= 2003 ? xmw::data::SampleRole::Train : xmw::data::SampleRole::Test);
        std::vector<int> tested(s.size(), 0);
        for (int fold = 0; fold < xmw::data::kTemFolds; ++fold) {
            const auto roles = xmw::data::assignTemRoles(s, xmw::data::TemHoldout::Cells, fold, 1);
            for (std::size_t i = 0; i < s.size(); ++i) {
                tested[i] += roles[i] == xmw::data::SampleRole::Test ? 1 : 0;
                const std::size_t sameCell = i % 10; // the same row in the first year
                QCOMPARE(roles[i], roles[sameCell]);
            }
        }
        QVERIFY(std::all_of(tested.begin(), tested.end(), [](int n) { return n == 1; }));
    }

    void thePaperPresetIsTheReferencesConfiguration()
    {
        TrainingConfig c = quick(ModelKind::Lstm, Method::Finetune);
        c.pretrainedRun = "base.h5";
        applyPreset(c, Preset::Paper);
        QCOMPARE(c.model.hidden, 8);
        QCOMPARE(c.model.layerCount(), 3);
        QCOMPARE(c.model.dropout, 0.0); // nn.LSTM without a dropout argument
        QCOMPARE(c.batchSize, 4);
        QCOMPARE(c.epochs, 200);
        QCOMPARE(c.learningRate, 0.05);
        QCOMPARE(c.validationFraction, 0.0); // the last epoch kept
        QCOMPARE(c.problem(), std::string());
        c.method = Method::Pretrain;
        applyPreset(c, Preset::Paper);
        QCOMPARE(c.batchSize, 128);
        QCOMPARE(c.epochs, 10);
        QCOMPARE(c.learningRate, 0.01);
        c.model.kind = ModelKind::ITransformer;
        c.method = Method::Adversarial;
        c.pretrainedRun.clear();
        applyPreset(c, Preset::Paper);
        QCOMPARE(c.model.hidden, 8);
        QCOMPARE(c.model.dropout, 0.2);
        QCOMPARE(c.problem(), std::string());
        c.model.kind = ModelKind::Tcn;
        applyPreset(c, Preset::Paper);
        QCOMPARE(c.model.hidden, 15); // adversarial.py's n_hidden
        applyPreset(c, Preset::Ours);
        QCOMPARE(c.model.hidden, TrainingConfig().model.hidden);
        QCOMPARE(c.validationFraction, TrainingConfig().validationFraction);
        QCOMPARE(c.method, Method::Adversarial); // presets leave the method alone
    }

    void residualPredictionIsTheSum()
    {
        if (!std::filesystem::exists(demo_.scratch("pretrain.h5")))
            (void)train(quick(ModelKind::Lstm, Method::Pretrain), "pretrain.h5");
        TrainingConfig config = quick(ModelKind::Gru, Method::Residual); // the residual model may differ
        config.pretrainedRun = demo_.scratch("pretrain.h5").string();
        (void)train(config, "residual.h5");
        const RunRecord residual = readRunFile(demo_.scratch("residual.h5"));
        const RunRecord base = readRunFile(demo_.scratch("pretrain.h5"));
        QCOMPARE(residual.baseModels.size(), std::size_t(1));
        RunRecord correctionOnly = residual;
        correctionOnly.baseModels.clear();
        const std::size_t n = 2;
        std::vector<float> x(n * 365 * 15);
        for (std::size_t i = 0; i < x.size(); ++i)
            x[i] = residual.scaling.features.mean[i % 15] + float((i * 7919) % 13) * 0.1f * residual.scaling.features.stddev[i % 15];
        const auto whole = Predictor(residual).predict(x, n);
        const auto fromBase = Predictor(base).predict(x, n);
        const auto correction = Predictor(correctionOnly).predict(x, n);
        // Both parts are de-standardised alone, so each carries the target mean once.
        for (std::size_t i = 0; i < whole.size(); i += 97)
            QVERIFY(std::abs(whole[i] - (fromBase[i] + correction[i] - residual.scaling.targetMean)) < 1e-3f * (1 + std::abs(whole[i])));
    }

    void anIncompatiblePretrainedRunIsRefused()
    {
        if (!std::filesystem::exists(demo_.scratch("pretrain.h5")))
            (void)train(quick(ModelKind::Lstm, Method::Pretrain), "pretrain.h5");
        TrainingConfig config = quick(ModelKind::Gru, Method::Finetune);
        config.pretrainedRun = demo_.scratch("pretrain.h5").string();
        try {
            (void)train(config, "refused.h5");
            QFAIL("a GRU fine-tuned from an LSTM run was accepted");
        } catch (const TrainingError &e) {
            QVERIFY2(std::string(e.what()).find("lstm") != std::string::npos, e.what());
        }
        QVERIFY(!std::filesystem::exists(demo_.scratch("refused.h5")));
        // Not a run file at all.
        config.model.kind = ModelKind::Lstm;
        config.pretrainedRun = (demo_.root() / "FLUXNET-CH4" / "FLUXNET_T1_DD.csv").string();
        QVERIFY_THROWS_EXCEPTION(xmw::data::DataError, train(config, "refused.h5"));
        // And configurations that make no sense never start.
        TrainingConfig noBase = quick(ModelKind::Lstm, Method::Residual);
        QVERIFY_THROWS_EXCEPTION(TrainingError, train(noBase, "refused.h5"));
        TrainingConfig cuda = quick(ModelKind::Lstm, Method::Scratch);
        cuda.device = "cuda";
        if (xmw::computeDevices() == "CPU")
            QVERIFY_THROWS_EXCEPTION(TrainingError, train(cuda, "refused.h5"));
    }

    void aConfigurationReadsBackFromItsJson()
    {
        TrainingConfig c = quick(ModelKind::Transformer, Method::Finetune);
        c.pretrainedRun = "/tmp/a \"quoted\" path\\with\tcontrol/ü.h5";
        c.split.kind = xmw::data::SplitKind::Spatial;
        c.split.fold = 3;
        c.allFolds = false;
        c.split.percent = 37.5;
        c.split.sites = {"US-Los", "FI-Si2"};
        c.learningRate = 3.3e-4;
        c.finetuneEpochs = 7;
        c.split.recipe = xmw::data::Recipe::Extended;
        c.temFirstYear = 1979;
        c.temLastYear = 1988;
        c.temHoldout = xmw::data::TemHoldout::Cells;
        c.temFold = 4;
        const auto back = TrainingConfig::fromJson(c.toJson());
        QVERIFY(back);
        QCOMPARE(back->toJson(), c.toJson());
        QCOMPARE(back->pretrainedRun, c.pretrainedRun);
        QCOMPARE(back->split.sites, c.split.sites);
        QCOMPARE(back->split.recipe, xmw::data::Recipe::Extended);
        QCOMPARE(back->temHoldout, xmw::data::TemHoldout::Cells);
        QCOMPARE(back->temLastYear, 1988);
        // A configuration from before recipes had names followed what is now the extended one.
        std::string old = c.toJson();
        old.erase(old.find("\"recipe\""), std::string("\"recipe\":\"extended\",").size());
        QCOMPARE(TrainingConfig::fromJson(old)->split.recipe, xmw::data::Recipe::Extended);
        // One from before the fused kernels trained on LibTorch's layers.
        QCOMPARE(back->kernels, Kernels::Fused);
        old.erase(old.find("\"kernels\""), std::string("\"kernels\":\"fused\",").size());
        QCOMPARE(TrainingConfig::fromJson(old)->kernels, Kernels::LibTorch);
        QVERIFY(!TrainingConfig::fromJson("{\"model\":\"lstm\"}"));
        QVERIFY(!TrainingConfig::fromJson(c.toJson() + "x"));
        QVERIFY(!TrainingConfig::fromJson("not json"));
    }

    void aCanceledJobResumesFromItsCheckpoint()
    {
        TrainingConfig config = quick(ModelKind::Lstm, Method::Scratch);
        config.epochs = 3;
        const auto out = demo_.scratch("resume.h5");
        {
            TrainingJob job(demo_.root(), config, out);
            xmw::Feedback feedback;
            TrainingJob::Callbacks callbacks;
            callbacks.epoch = [&](const EpochRecord &record, const JobProgress &) {
                if (record.epoch == 2)
                    feedback.cancel();
            };
            job.setCallbacks(callbacks);
            QVERIFY_THROWS_EXCEPTION(xmw::Canceled, job.run(feedback));
        }
        QVERIFY(std::filesystem::exists(TrainingJob::checkpointPath(out)));
        QVERIFY(!std::filesystem::exists(out));
        // What a later session finds in it: the configuration, exactly, and the curves so far.
        const CheckpointInfo found = TrainingJob::readCheckpoint(TrainingJob::checkpointPath(out));
        QCOMPARE(found.config.toJson(), config.toJson());
        QCOMPARE(int(found.history.size()), 2);
        QVERIFY_THROWS_EXCEPTION(xmw::data::DataError, (void)TrainingJob::readCheckpoint(demo_.scratch("scratch.h5")));
        TrainingJob again(demo_.root(), config, out);
        again.setResume(true);
        int epochsRun = 0;
        TrainingJob::Callbacks callbacks;
        callbacks.epoch = [&](const EpochRecord &, const JobProgress &) { ++epochsRun; };
        again.setCallbacks(callbacks);
        // Progress reaches the caller's Feedback: sample building, then the epochs, to the end.
        double lastProgress = 0;
        xmw::Feedback progress([&](double fraction, const std::string &) { lastProgress = fraction; });
        const RunRecord run = again.run(progress);
        QCOMPARE(lastProgress, 1.0);
        QCOMPARE(epochsRun, 1); // only the third epoch was left
        QCOMPARE(int(run.history.size()), 3); // the first two came from the checkpoint
        QCOMPARE(run.history[2].epoch, 3);
        QVERIFY(!std::filesystem::exists(TrainingJob::checkpointPath(out)));
    }

    // A resume names the options that differ; more epochs and another thread count are fine.
    void aResumeComparesOptionsOneByOne()
    {
        const TrainingConfig stored = quick(ModelKind::Lstm, Method::Scratch);
        TrainingConfig now = stored;
        now.threads = stored.threads + 3;
        now.epochs = stored.epochs + 5;
        QCOMPARE(now.resumeProblem(stored), std::string());
        now.model.hidden = stored.model.hidden * 2;
        now.learningRate = stored.learningRate / 2;
        const std::string problem = now.resumeProblem(stored);
        QVERIFY2(problem.find("--hidden " + std::to_string(stored.model.hidden)) != std::string::npos, problem.c_str());
        QVERIFY2(problem.find("--lr") != std::string::npos, problem.c_str());
        QVERIFY2(problem.find("--epochs") == std::string::npos && problem.find('{') == std::string::npos, problem.c_str());
        now = stored;
        now.epochs = stored.epochs - 1;
        QVERIFY(now.resumeProblem(stored).find("may add epochs, not remove them") != std::string::npos);
        now = stored;
        now.split.recipe = xmw::data::Recipe::Extended;
        QVERIFY2(now.resumeProblem(stored).find("--recipe x-methanewet (now extended)") != std::string::npos,
                 now.resumeProblem(stored).c_str());
        now = stored;
        now.temFirstYear = 2015;
        now.temLastYear = 2016;
        QVERIFY(now.resumeProblem(stored).find("--tem-years") != std::string::npos);
    }

    void aResumeMayAddEpochsAndChangeThreads()
    {
        TrainingConfig config = quick(ModelKind::Lstm, Method::Scratch);
        config.epochs = 2;
        config.threads = 1;
        const auto out = demo_.scratch("longer.h5");
        {
            TrainingJob job(demo_.root(), config, out);
            xmw::Feedback feedback;
            TrainingJob::Callbacks callbacks;
            callbacks.epoch = [&](const EpochRecord &record, const JobProgress &) {
                if (record.epoch == 1)
                    feedback.cancel();
            };
            job.setCallbacks(callbacks);
            QVERIFY_THROWS_EXCEPTION(xmw::Canceled, job.run(feedback));
        }
        config.epochs = 3;
        config.threads = 2;
        TrainingJob again(demo_.root(), config, out);
        again.setResume(true);
        xmw::Feedback quiet;
        const RunRecord run = again.run(quiet);
        QCOMPARE(int(run.history.size()), 3);
        QCOMPARE(run.config.epochs, 3);

        config.model.hidden *= 2;
        TrainingJob missing(demo_.root(), config, demo_.scratch("no-checkpoint.h5"));
        missing.setResume(true);
        try {
            (void)missing.run(quiet);
            QFAIL("a resume without a checkpoint ran");
        } catch (const TrainingError &error) {
            QVERIFY2(std::string(error.what()).find("no checkpoint") != std::string::npos, error.what());
        }
    }

    void aNonFiniteLossStopsTheRunAndKeepsWhatWasDone()
    {
        TrainingConfig config = quick(ModelKind::Lstm, Method::Scratch);
        config.epochs = 4;
        config.ensemble = 2;
        const auto out = demo_.scratch("diverged.h5");
        TrainingJob job(demo_.root(), config, out);
        job.injectNonFiniteLossAfter(2);
        std::string said;
        xmw::Feedback listening(xmw::Feedback::ProgressHandler{}, [&](const std::string &m) { said += m + '\n'; });
        const RunRecord run = job.run(listening);
        QVERIFY2(said.find("the loss became nan in member 0, train epoch 3") != std::string::npos, said.c_str());
        QVERIFY(run.stopped.find("nan") != std::string::npos);
        QCOMPARE(int(run.history.size()), 2); // the two finished epochs
        QCOMPARE(run.models.size(), std::size_t(1)); // the second member never started
        QVERIFY(std::isfinite(run.metrics.rmse)); // the weights before the blow-up predict
        QCOMPARE(readRunFile(out).stopped, run.stopped);
        QVERIFY(!std::filesystem::exists(TrainingJob::checkpointPath(out)));

        // Non-finite from the first batch: nothing worth keeping, so no run file at all.
        const auto never = demo_.scratch("never.h5");
        TrainingJob doomed(demo_.root(), config, never);
        doomed.injectNonFiniteLossAfter(0);
        xmw::Feedback quiet;
        QVERIFY_THROWS_EXCEPTION(TrainingError, doomed.run(quiet));
        QVERIFY(!std::filesystem::exists(never));
        QVERIFY(!std::filesystem::exists(TrainingJob::checkpointPath(never)));
    }

    void upscalingCoversTheLandAndWritesCfNetcdf()
    {
        if (!std::filesystem::exists(demo_.scratch("scratch.h5")))
            (void)train(quick(ModelKind::Lstm, Method::Scratch), "scratch.h5");
        const RunRecord run = readRunFile(demo_.scratch("scratch.h5"));
        const auto dataset = xmw::data::Dataset::open(demo_.root());
        xmw::Feedback quiet;
        const UpscaledYear year = Upscaler(dataset, run).run(2016, quiet, 50);
        QVERIFY(year.cells.size() > 100);
        QCOMPARE(year.values.size(), year.cells.size() * 365);
        QVERIFY(std::all_of(year.values.begin(), year.values.end(), [](float v) { return std::isfinite(v); }));
        const auto path = demo_.scratch("upscaled.nc");
        writeUpscaledNetcdf(path, year, run, "test");
        // Our own CF reader opens it as a one-variable dataset and finds the same numbers.
        const auto back = xmw::data::Dataset::open(path);
        QVERIFY(back.grid());
        const auto field = back.grid()->dayField("CH4_prediction", {2016, 3, 1});
        const std::size_t cell = year.cells[year.cells.size() / 2];
        QVERIFY(std::abs(field[cell] - year.field(59)[cell]) < 1e-4f * (1 + std::abs(field[cell])));
        QVERIFY(std::isnan(field[0]) || field[0] == year.field(59)[0]);
        QVERIFY_THROWS_EXCEPTION(xmw::data::DataError, (void)Upscaler(dataset, run).run(1900, quiet));
        QCOMPARE(year.unsimulatedCells, std::size_t(0)); // the demo simulates every land cell

        // A cell without a TEM-MDM emission on one day is left out, unless all land is asked for.
        {
            const auto copy = demo_.copy("unsimulated");
            const std::size_t gap = year.cells[year.cells.size() / 3];
            const int cols = year.grid.cols;
            setGridValue(copy / "TEM-MDM" / xmw::data::layout::fileName(xmw::data::layout::kEmission, xmw::data::Cadence::Daily, 2016),
                         xmw::data::layout::kEmission, {gap / std::size_t(cols), gap % std::size_t(cols), 6, 0}, NAN);
            const auto changed = xmw::data::Dataset::open(copy);
            const UpscaledYear simulated = Upscaler(changed, run).run(2016, quiet, 50);
            QCOMPARE(simulated.unsimulatedCells, std::size_t(1));
            QCOMPARE(simulated.cells.size(), year.cells.size() - 1);
            QVERIFY(std::find(simulated.cells.begin(), simulated.cells.end(), gap) == simulated.cells.end());
            Upscaler everywhere(changed, run);
            everywhere.setCoverage(Coverage::AllLand);
            const UpscaledYear land = everywhere.run(2016, quiet, 50);
            QCOMPARE(land.cells.size(), year.cells.size());
            QVERIFY(std::find(land.cells.begin(), land.cells.end(), gap) != land.cells.end());
        }

        // Monthly and annual maps are the mean of each cell's days; the difference subtracts TEM-MDM.
        const std::size_t c = year.cells.size() / 2;
        double sum = 0, difference = 0;
        for (int d = 0; d < 365; ++d) {
            sum += year.values[c * 365 + std::size_t(d)];
            difference += year.values[c * 365 + std::size_t(d)] - year.simulated[c * 365 + std::size_t(d)];
        }
        QVERIFY(std::abs(year.meanField(0, 364)[year.cells[c]] - sum / 365) < 1e-3 * (1 + std::abs(sum / 365)));
        QVERIFY(std::abs(year.meanField(0, 364, true)[year.cells[c]] - difference / 365) < 1e-3 * (1 + std::abs(difference / 365)));
        QCOMPARE(year.meanField(31, 31, true)[year.cells[c]], year.field(31, true)[year.cells[c]]);
    }

    void chosenTowersAloneTrainAndTest()
    {
        if (!std::filesystem::exists(demo_.scratch("scratch.h5")))
            (void)train(quick(ModelKind::Lstm, Method::Scratch), "scratch.h5");
        const RunRecord all = readRunSummary(demo_.scratch("scratch.h5"));
        QVERIFY(all.perSite.size() >= 3);
        std::vector<std::string> chosen;
        for (const auto &entry : all.perSite)
            if (chosen.size() < 2)
                chosen.push_back(entry.first); // towers with a test year
        TrainingConfig c = quick(ModelKind::Lstm, Method::Scratch);
        c.split.sites = chosen;
        const RunRecord run = train(c, "two-towers.h5");
        QCOMPARE(run.perSite.size(), std::size_t(2));
        for (const auto &site : run.testSites)
            QVERIFY(std::find(chosen.begin(), chosen.end(), site) != chosen.end());
        for (const auto &id : run.trainIds)
            QVERIFY2(id.starts_with(chosen[0] + "/") || id.starts_with(chosen[1] + "/"), id.c_str());
        QCOMPARE(readRunSummary(demo_.scratch("two-towers.h5")).config.split.sites, chosen);
        QVERIFY(run.config.toJson().find("\"sites\":[\"" + chosen[0] + "\",\"" + chosen[1] + "\"]") != std::string::npos);

        c.split.sites = {"XX-Nowhere"};
        QVERIFY_THROWS_EXCEPTION(TrainingError, (void)train(c, "nowhere.h5"));
        QVERIFY(!std::filesystem::exists(demo_.scratch("nowhere.h5")));
    }

    void commandLineTrainsAndReportsJson()
    {
        QProcess xmw;
        xmw.start(QStringLiteral(XMW_CLI_PATH),
                  {QStringLiteral("train"), QString::fromStdString(demo_.root().string()), QStringLiteral("--model"), QStringLiteral("tcn"),
                   QStringLiteral("--layers"), QStringLiteral("2"), QStringLiteral("--hidden"), QStringLiteral("8"),
                   QStringLiteral("--epochs"), QStringLiteral("1"), QStringLiteral("--threads"), QStringLiteral("1"),
                   QStringLiteral("--out"), QString::fromStdString(demo_.scratch("cli.h5").string()), QStringLiteral("--json")});
        QVERIFY(xmw.waitForFinished(120000));
        QCOMPARE(xmw.exitCode(), 0);
        const QJsonObject summary = QJsonDocument::fromJson(xmw.readAllStandardOutput()).object();
        const QJsonObject test = summary[QStringLiteral("metrics")].toObject()[QStringLiteral("test")].toObject();
        for (const char *key : {"rmse", "nrmse", "r2", "r2_corr", "mae", "bias", "nse", "kge"})
            QVERIFY2(test.contains(QLatin1String(key)), key);
        QVERIFY(!summary[QStringLiteral("metrics")].toObject()[QStringLiteral("per_site")].toObject().isEmpty());
        QCOMPARE(summary[QStringLiteral("config")].toObject()[QStringLiteral("model")].toString(), QStringLiteral("tcn"));
        QVERIFY(summary[QStringLiteral("seconds_per_epoch")].toDouble() > 0);
        QVERIFY(QString::fromUtf8(xmw.readAllStandardError()).contains(QStringLiteral("epoch   1/1")));

        // Usage mistakes say what is wrong and exit 2.
        xmw.start(QStringLiteral(XMW_CLI_PATH),
                  {QStringLiteral("train"), QString::fromStdString(demo_.root().string()), QStringLiteral("--method"),
                   QStringLiteral("finetune"), QStringLiteral("--out"), QStringLiteral("x.h5")});
        QVERIFY(xmw.waitForFinished(60000));
        QCOMPARE(xmw.exitCode(), 2);
        QVERIFY(QString::fromUtf8(xmw.readAllStandardError()).contains(QStringLiteral("needs a pretrained run")));
    }
};

QTEST_GUILESS_MAIN(TestTraining)
#include "test_training.moc"
