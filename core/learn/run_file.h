#pragma once

#include "core/data/sample_builder.h"
#include "core/learn/metrics.h"
#include "core/learn/training_config.h"

#include <array>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace xmw::learn {

// One line of a run's learning curve. Losses that do not apply to a phase are NaN.
struct EpochRecord {
    int member = 0; // ensemble member (fold × ensemble + seed index)
    std::string phase; // "train", "pretrain", "joint", "finetune"
    int epoch = 0; // 1-based within the phase
    double trainLoss = 0, validationLoss = 0, sourceLoss = 0, targetLoss = 0, domainLoss = 0;
    double seconds = 0; // this epoch's wall time
};

// A trained model's weights (a LibTorch archive) and what it was trained as.
struct ModelBlob {
    int fold = 0;
    std::uint64_t seed = 0;
    std::string archive;
};

// The scaling every model of a run shares: features as the data layer's Normalisation, the target
// (nmol CH4 m-2 s-1) by its own mean and spread.
struct Scaling {
    data::Normalisation features;
    float targetMean = 0, targetStd = 1;
};

// Everything a run leaves behind, as one self-describing HDF5 file (see writeRunFile).
struct RunRecord {
    TrainingConfig config;
    std::string name; // for people; the file name by default
    std::string notes;
    std::string created; // ISO 8601, UTC
    std::string dataset; // the dataset folder it was trained on
    std::string inputKey; // identifies the inputs (as sample files do)
    std::string stopped; // why training ended early ("" when it ran its course)
    double seconds = 0; // wall time of the whole run
    double samplesPerSecond = 0;
    double gridResolution = 0; // degrees of the TEM-MDM grid it was trained on; 0 in older runs

    std::vector<EpochRecord> history;

    // Test samples of the towers: ids, sites, years, then N × 365 observed (the target: FCH4_F, its
    // gaps filled from FCH4_F_ANNOPTLM, as the benchmark scores), measured (the tower's FCH4, not
    // gap-filled, NaN elsewhere; empty in runs written before it was kept), predicted (ensemble
    // mean) and spread (standard deviation over the ensemble; 0 for a single model).
    std::vector<std::string> testIds, testSites;
    std::vector<int> testYears;
    std::vector<float> observed, measured, predicted, spread;
    // Sites and years each member was trained on ("US-Los/2014" …), so plots can shade them.
    std::vector<std::string> trainIds;

    // On the gap-filled target (the benchmark's numbers) and on the measured days alone.
    Metrics metrics, metricsMeasured;
    // The column `measured` and its metrics come from (SiteCatalog::measuredColumnNote). Older run
    // files have no measured_column attribute: theirs came from FCH4_F, which is partly gap-filled,
    // and read so.
    std::string measuredColumn = "FCH4";
    std::map<std::string, Metrics> perSite, perSiteMeasured;
    // Pretraining runs: metrics on TEM-MDM samples held out from training, and which ones
    // ("TEM-MDM 2016 (trained on 2015)"); "" when none were held out.
    Metrics temMetrics;
    std::string temTestSet;

    Scaling scaling;
    std::vector<ModelBlob> models;
    // Residual runs: the frozen pretrained models and their options; a prediction adds both.
    ModelOptions baseModel;
    std::vector<ModelBlob> baseModels;
};

// Written under a temporary name and renamed. Layout (h5py reads it directly):
//   /                 attributes: format "xmw-run", format_version, name, notes, created, dataset,
//                     input_key, stopped, seconds, samples_per_second, grid_resolution,
//                     measured_column (FCH4; absent in older files, whose measured days were FCH4_F),
//                     config (JSON)
//   /config           attributes: every TrainingConfig field
//   /history          member, phase, epoch, train_loss, validation_loss, source_loss, target_loss,
//                     domain_loss, seconds
//   /test             id, site, year, observed, measured, predicted, spread (N × 365; units attribute)
//   /train            id
//   /metrics          attributes rmse … kge and count (overall, on the ensemble mean, gap-filled target)
//   /metrics_tem      pretraining runs that held TEM-MDM samples out: attributes rmse … kge, count, test_set
//   /metrics/per_site site, count, rmse, nrmse, r2, r2_corr, mae, bias, nse, kge (r2: 1 − SSE/SST;
//                     r2_corr: squared correlation; files without r2_corr stored the latter as r2)
//   /metrics_measured as /metrics, on the measured days alone (the measured_column's values)
//   /normalisation    mean, std (15 features; names attribute), target_mean, target_std attributes
//   /models/member_K  LibTorch archive bytes (uint8); attributes fold, seed
//   /base_models/…    as /models, residual runs only; /base_models attributes give the model options
void writeRunFile(const std::filesystem::path &path, const RunRecord &run);
[[nodiscard]] RunRecord readRunFile(const std::filesystem::path &path);
// The summary, learning curves and test predictions (/history, /test, /train), without the
// weights: for plots and exports.
[[nodiscard]] RunRecord readRunResults(const std::filesystem::path &path);
// Only the attributes, /config, /metrics (per tower too) and the test ids: cheap enough to list many runs.
[[nodiscard]] RunRecord readRunSummary(const std::filesystem::path &path);
// Renames a run or changes its notes in place.
void updateRunLabels(const std::filesystem::path &path, const std::string &name, const std::string &notes);

// Where a dataset's runs live: DATASET/runs/, the one folder the explorer lists and the CLI writes.
[[nodiscard]] std::filesystem::path runsFolder(const std::filesystem::path &dataset);
// A run as people name it: a bare file name ("lstm-ft.h5", ".h5" added when it has no extension)
// is in the dataset's runs/ folder; a path with a folder ("out/x.h5", "./x.h5") is taken as given.
[[nodiscard]] std::filesystem::path resolveRunPath(const std::filesystem::path &dataset, const std::string &given);

// Where a run that stopped keeps its state for --resume: RUN.h5.checkpoint.
[[nodiscard]] std::filesystem::path checkpointPathFor(const std::filesystem::path &runFile);

// Run files in a folder (not recursive), newest first; files that are not runs are left out.
[[nodiscard]] std::vector<std::filesystem::path> findRunFiles(const std::filesystem::path &folder);

[[nodiscard]] std::string utcNow();

} // namespace xmw::learn
