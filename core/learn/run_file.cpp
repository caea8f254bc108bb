#include "core/learn/run_file.h"

#include "core/data/atomic_file.h"
#include "core/data/hdf5_file.h"
#include "core/data/hdf5_lock.h"
#include "core/version.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <unistd.h>

namespace xmw::learn {

namespace {

using data::DataError;
using data::H5Reader;
using data::H5Writer;
constexpr int kFormatVersion = 1;
constexpr int kDays = data::kSequenceDays;
constexpr const char *kUnit = "nmol CH4 m-2 s-1";

void writeModelOptions(H5Writer &w, hid_t g, const ModelOptions &m)
{
    w.textAttribute(g, "model", modelName(m.kind));
    w.numberAttribute(g, "hidden", m.hidden);
    w.numberAttribute(g, "layers", m.layerCount());
    w.numberAttribute(g, "dropout", m.dropout);
    w.numberAttribute(g, "heads", m.heads);
}

void writeConfig(H5Writer &w, hid_t g, const TrainingConfig &c)
{
    writeModelOptions(w, g, c.model);
    w.textAttribute(g, "method", methodName(c.method));
    w.textAttribute(g, "pretrained", c.pretrainedRun);
    w.textAttribute(g, "recipe", data::recipeName(c.split.recipe));
    w.textAttribute(g, "split", c.split.kind == data::SplitKind::Spatial ? "spatial" : "temporal");
    w.numberAttribute(g, "fold", c.split.fold);
    w.numberAttribute(g, "folds", c.split.folds);
    w.numberAttribute(g, "all_folds", c.allFolds ? 1 : 0);
    w.numberAttribute(g, "percent", c.split.percent);
    std::string sites; // comma-separated; empty: every tower
    for (const auto &site : c.split.sites)
        sites += (sites.empty() ? "" : ",") + site;
    w.textAttribute(g, "sites", sites);
    w.numberAttribute(g, "epochs", c.epochs);
    w.numberAttribute(g, "finetune_epochs", c.fineTuneEpochCount());
    w.numberAttribute(g, "learning_rate", c.learningRate);
    w.numberAttribute(g, "batch", c.batchSize);
    w.numberAttribute(g, "source_batch", c.sourceBatch());
    w.numberAttribute(g, "seed", double(c.seed));
    w.numberAttribute(g, "ensemble", c.ensemble);
    w.numberAttribute(g, "threads", c.threads);
    w.textAttribute(g, "device", c.device);
    w.textAttribute(g, "kernels", kernelsName(c.kernels));
    w.textAttribute(g, "kernels_used", c.kernelsUsed());
    w.numberAttribute(g, "patience", c.patience);
    w.numberAttribute(g, "validation_fraction", c.validationFraction);
    w.numberAttribute(g, "clip", c.clip);
    w.numberAttribute(g, "tem_fraction", c.temFraction);
    w.numberAttribute(g, "tem_first_year", c.temFirstYear);
    w.numberAttribute(g, "tem_last_year", c.temLastYear);
    w.textAttribute(g, "tem_holdout", data::temHoldoutName(c.temHoldout));
    w.numberAttribute(g, "tem_fold", c.temFold);
}

TrainingConfig readConfig(const H5Reader &r)
{
    ConfigSource source;
    source.text = [&](const char *name) { return r.textAttribute(name, "config"); };
    source.number = [&](const char *name) { return r.numberAttribute(name, "config"); };
    source.list = [&](const char *name) {
        std::vector<std::string> items; // written comma-separated
        const std::string text = r.textAttribute(name, "config").value_or("");
        for (std::size_t from = 0; from < text.size();) {
            const std::size_t comma = std::min(text.find(',', from), text.size());
            if (comma > from)
                items.push_back(text.substr(from, comma - from));
            from = comma + 1;
        }
        return items;
    };
    try {
        return readConfigFields(source);
    } catch (const std::runtime_error &error) {
        r.fail(std::string("/config: ") + error.what());
    }
}

// Run files written before r2_corr existed stored the squared correlation under "r2"; the
// coefficient of determination is their NSE.
void reinterpretOldR2(Metrics &m)
{
    m.r2Corr = m.r2;
    m.r2 = m.nse;
}

void writeMetricAttributes(H5Writer &w, hid_t g, const Metrics &m)
{
    w.numberAttribute(g, "count", double(m.count));
    for (const auto &name : metricNames())
        w.numberAttribute(g, name, metricValue(m, name));
}

Metrics readMetricAttributes(const H5Reader &r, const std::string &object)
{
    Metrics m;
    m.count = std::size_t(r.numberAttribute("count", object).value_or(0));
    for (const auto &name : metricNames())
        setMetricValue(m, name, r.numberAttribute(name, object).value_or(NAN));
    if (!r.numberAttribute("r2_corr", object))
        reinterpretOldR2(m);
    return m;
}

// Overall metrics as the group's attributes, per tower as its per_site arrays.
void writeMetrics(H5Writer &w, const std::string &group, const Metrics &overall, const std::map<std::string, Metrics> &bySite,
                  const std::string &meaning)
{
    const hid_t g = w.group(group);
    writeMetricAttributes(w, g, overall);
    w.textAttribute(g, "days", meaning);
    const hid_t perSite = w.group(group + "/per_site");
    std::vector<std::string> sites;
    std::vector<double> count;
    std::vector<std::vector<double>> values(metricNames().size());
    for (const auto &[site, m] : bySite) {
        sites.push_back(site);
        count.push_back(double(m.count));
        for (std::size_t k = 0; k < metricNames().size(); ++k)
            values[k].push_back(metricValue(m, metricNames()[k]));
    }
    w.strings(perSite, "site", sites);
    w.array(perSite, "count", H5T_NATIVE_DOUBLE, {hsize_t(sites.size())}, count.data());
    for (std::size_t k = 0; k < metricNames().size(); ++k)
        w.array(perSite, metricNames()[k], H5T_NATIVE_DOUBLE, {hsize_t(sites.size())}, values[k].data());
}

std::map<std::string, Metrics> readPerSiteMetrics(const H5Reader &r, const std::string &group)
{
    const auto sites = r.strings(group + "/per_site/site");
    const auto count = r.array<double>(group + "/per_site/count", H5T_NATIVE_DOUBLE);
    const bool old = !r.exists(group + "/per_site/r2_corr");
    std::vector<std::vector<double>> values;
    for (const auto &name : metricNames())
        values.push_back(old && name == "r2_corr" ? std::vector<double>(sites.size(), NAN)
                                                  : r.array<double>(group + "/per_site/" + name, H5T_NATIVE_DOUBLE));
    if (count.size() != sites.size() || std::any_of(values.begin(), values.end(), [&](const auto &v) { return v.size() != sites.size(); }))
        r.fail("/" + group + "/per_site arrays do not have one value per site");
    std::map<std::string, Metrics> out;
    for (std::size_t i = 0; i < sites.size(); ++i) {
        Metrics m;
        m.count = std::size_t(count[i]);
        for (std::size_t k = 0; k < metricNames().size(); ++k)
            setMetricValue(m, metricNames()[k], values[k][i]);
        if (old)
            reinterpretOldR2(m);
        out[sites[i]] = m;
    }
    return out;
}

void writeModels(H5Writer &w, const std::string &group, const std::vector<ModelBlob> &models)
{
    for (std::size_t i = 0; i < models.size(); ++i) {
        const std::string name = "member_" + std::to_string(i);
        w.bytes(w.file(), group + "/" + name, models[i].archive);
    }
    // Attributes on the datasets themselves, written after: H5Writer closes each dataset it writes.
}

std::vector<ModelBlob> readModels(const H5Reader &r, const std::string &group)
{
    std::vector<ModelBlob> out;
    if (!r.exists(group))
        return out;
    for (std::size_t i = 0;; ++i) {
        const std::string path = group + "/member_" + std::to_string(i);
        if (!r.exists(path))
            break;
        ModelBlob blob;
        blob.archive = r.bytes(path);
        blob.fold = int(r.numberAttribute("fold", path).value_or(0));
        blob.seed = std::uint64_t(r.numberAttribute("seed", path).value_or(0));
        out.push_back(std::move(blob));
    }
    return out;
}

void writeAll(H5Writer &w, const RunRecord &run)
{
    const hid_t root = w.file();
    w.textAttribute(root, "format", "xmw-run");
    w.numberAttribute(root, "format_version", kFormatVersion);
    w.textAttribute(root, "created_by", std::string("xmw ") + kVersion);
    w.textAttribute(root, "name", run.name);
    w.textAttribute(root, "notes", run.notes);
    w.textAttribute(root, "created", run.created);
    w.textAttribute(root, "dataset", run.dataset);
    w.textAttribute(root, "input_key", run.inputKey);
    w.textAttribute(root, "stopped", run.stopped);
    w.numberAttribute(root, "seconds", run.seconds);
    w.numberAttribute(root, "samples_per_second", run.samplesPerSecond);
    w.numberAttribute(root, "grid_resolution", run.gridResolution);
    w.textAttribute(root, "measured_column", run.measuredColumn);
    w.textAttribute(root, "config", run.config.toJson());
    w.textAttribute(root, "calendar", "365-day sequences: 29 February is dropped");
    writeConfig(w, w.group("config"), run.config);

    const hid_t history = w.group("history");
    const hsize_t rows = run.history.size();
    std::vector<int> member, epoch;
    std::vector<std::string> phase;
    std::vector<double> columns[6];
    for (const auto &h : run.history) {
        member.push_back(h.member);
        epoch.push_back(h.epoch);
        phase.push_back(h.phase);
        const double values[6] = {h.trainLoss, h.validationLoss, h.sourceLoss, h.targetLoss, h.domainLoss, h.seconds};
        for (int c = 0; c < 6; ++c)
            columns[c].push_back(values[c]);
    }
    w.array(history, "member", H5T_NATIVE_INT, {rows}, member.data());
    w.strings(history, "phase", phase);
    w.array(history, "epoch", H5T_NATIVE_INT, {rows}, epoch.data());
    const char *names[6] = {"train_loss", "validation_loss", "source_loss", "target_loss", "domain_loss", "seconds"};
    for (int c = 0; c < 6; ++c)
        w.array(history, names[c], H5T_NATIVE_DOUBLE, {rows}, columns[c].data());
    w.textAttribute(history, "loss", "masked mean squared error of the standardised target; NaN where it does not apply");

    const hid_t test = w.group("test");
    const hsize_t n = run.testIds.size();
    w.strings(test, "id", run.testIds);
    w.strings(test, "site", run.testSites);
    w.array(test, "year", H5T_NATIVE_INT, {n}, run.testYears.data());
    const auto units = [&](hid_t d) { w.textAttribute(d, "units", kUnit); };
    w.array(test, "observed", H5T_NATIVE_FLOAT, {n, hsize_t(kDays)}, run.observed.data(), [&](hid_t d) {
        units(d);
        w.textAttribute(d, "meaning", "the target: FCH4_F, its gaps filled from FCH4_F_ANNOPTLM");
    });
    if (run.measured.size() == run.observed.size())
        w.array(test, "measured", H5T_NATIVE_FLOAT, {n, hsize_t(kDays)}, run.measured.data(), [&](hid_t d) {
            units(d);
            w.textAttribute(d, "meaning", "the tower's daily flux from its own half-hours, not gap-filled; NaN on other days");
            w.textAttribute(d, "column", run.measuredColumn);
        });
    w.array(test, "predicted", H5T_NATIVE_FLOAT, {n, hsize_t(kDays)}, run.predicted.data(), units);
    w.array(test, "spread", H5T_NATIVE_FLOAT, {n, hsize_t(kDays)}, run.spread.data(), units);
    w.strings(w.group("train"), "id", run.trainIds);

    writeMetrics(w, "metrics", run.metrics, run.perSite,
                 "on the gap-filled target (FCH4_F, its gaps filled from FCH4_F_ANNOPTLM): the benchmark's test metrics");
    writeMetrics(w, "metrics_measured", run.metricsMeasured, run.perSiteMeasured,
                 "on the days the tower measured itself (column " + run.measuredColumn + ", not gap-filled)");
    if (!run.temTestSet.empty()) {
        const hid_t tem = w.group("metrics_tem");
        writeMetricAttributes(w, tem, run.temMetrics);
        w.textAttribute(tem, "test_set", run.temTestSet);
        w.textAttribute(tem, "days", "TEM-MDM's simulated CH4_emission on cell-years held out from pretraining");
    }

    const hid_t norm = w.group("normalisation");
    std::vector<std::string> featureNames;
    for (const auto &f : data::features())
        featureNames.emplace_back(f.name);
    w.array(norm, "mean", H5T_NATIVE_FLOAT, {hsize_t(data::kFeatureCount)}, run.scaling.features.mean.data(),
            [&](hid_t d) { w.textListAttribute(d, "feature_names", featureNames); });
    w.array(norm, "std", H5T_NATIVE_FLOAT, {hsize_t(data::kFeatureCount)}, run.scaling.features.stddev.data());
    w.numberAttribute(norm, "target_mean", run.scaling.targetMean);
    w.numberAttribute(norm, "target_std", run.scaling.targetStd);
    w.textAttribute(norm, "target_units", kUnit);

    const hid_t models = w.group("models");
    w.textAttribute(models, "format", "LibTorch serialize archive (torch::serialize::OutputArchive), one per member");
    writeModels(w, "models", run.models);
    if (!run.baseModels.empty()) {
        writeModelOptions(w, w.group("base_models"), run.baseModel);
        writeModels(w, "base_models", run.baseModels);
    }
}

// Model attributes go on datasets H5Writer has already closed; reopen each to decorate it.
void decorateModels(hid_t file, const std::string &group, const std::vector<ModelBlob> &models)
{
    for (std::size_t i = 0; i < models.size(); ++i) {
        const std::string path = group + "/member_" + std::to_string(i);
        data::H5Handle d(H5Dopen2(file, path.c_str(), H5P_DEFAULT), H5Dclose);
        const double values[2] = {double(models[i].fold), double(models[i].seed)};
        const char *names[2] = {"fold", "seed"};
        for (int k = 0; k < 2; ++k) {
            data::H5Handle space(H5Screate(H5S_SCALAR), H5Sclose);
            data::H5Handle a(H5Acreate2(d, names[k], H5T_NATIVE_DOUBLE, space, H5P_DEFAULT, H5P_DEFAULT), H5Aclose);
            H5Awrite(a, H5T_NATIVE_DOUBLE, &values[k]);
        }
    }
}

RunRecord readHeader(const H5Reader &r)
{
    if (r.textAttribute("format") != std::optional<std::string>("xmw-run"))
        r.fail("not an X-MethaneWet run file (no format=\"xmw-run\" attribute)");
    if (const double version = r.numberAttribute("format_version").value_or(0); version > kFormatVersion) {
        char text[32]; // %g: a damaged file's version need not fit an int
        std::snprintf(text, sizeof text, "%g", version);
        r.fail(std::string("written by a newer xmw (run format ") + text + ")");
    }
    RunRecord run;
    run.name = r.textAttribute("name").value_or("");
    run.notes = r.textAttribute("notes").value_or("");
    run.created = r.textAttribute("created").value_or("");
    run.dataset = r.textAttribute("dataset").value_or("");
    run.inputKey = r.textAttribute("input_key").value_or("");
    run.stopped = r.textAttribute("stopped").value_or("");
    run.seconds = r.numberAttribute("seconds").value_or(0);
    run.samplesPerSecond = r.numberAttribute("samples_per_second").value_or(0);
    run.gridResolution = r.numberAttribute("grid_resolution").value_or(0);
    run.config = readConfig(r);
    run.metrics = readMetricAttributes(r, "metrics");
    run.perSite = readPerSiteMetrics(r, "metrics");
    run.testIds = r.strings("test/id"); // cheap, and what tells whether two runs can be compared
    // Runs written before measured days were told apart have no such group: their count stays 0.
    // Runs written before the measured days came from the FCH4 column took them from FCH4_F.
    run.measuredColumn = r.textAttribute("measured_column").value_or("FCH4_F");
    if (r.exists("metrics_measured")) {
        run.metricsMeasured = readMetricAttributes(r, "metrics_measured");
        run.perSiteMeasured = readPerSiteMetrics(r, "metrics_measured");
    } else {
        run.metricsMeasured = computeMetrics({}, {});
    }
    if (r.exists("metrics_tem")) {
        run.temMetrics = readMetricAttributes(r, "metrics_tem");
        run.temTestSet = r.textAttribute("test_set", "metrics_tem").value_or("TEM-MDM");
    }
    return run;
}

} // namespace

void writeRunFile(const std::filesystem::path &path, const RunRecord &run)
{
    const auto lock = data::hdf5Lock();
    data::writeFileAtomically(path, [&](const std::filesystem::path &partial) {
        H5Writer w(partial, path);
        writeAll(w, run);
        decorateModels(w.file(), "models", run.models);
        decorateModels(w.file(), "base_models", run.baseModels);
        w.save();
    });
}

RunRecord readRunSummary(const std::filesystem::path &path)
{
    const auto lock = data::hdf5Lock();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        throw DataError(path, "file not found");
    return readHeader(H5Reader(path));
}

namespace {

// The learning curves, the test predictions and the training ids: what plots and exports need.
void readResults(const H5Reader &r, RunRecord &run)
{
    const auto member = r.array<int>("history/member", H5T_NATIVE_INT);
    const auto epoch = r.array<int>("history/epoch", H5T_NATIVE_INT);
    const auto phase = r.strings("history/phase");
    const char *names[6] = {"train_loss", "validation_loss", "source_loss", "target_loss", "domain_loss", "seconds"};
    std::vector<double> columns[6];
    for (int c = 0; c < 6; ++c)
        columns[c] = r.array<double>(std::string("history/") + names[c], H5T_NATIVE_DOUBLE);
    if (epoch.size() != member.size() || phase.size() != member.size() ||
        std::any_of(std::begin(columns), std::end(columns), [&](const auto &column) { return column.size() != member.size(); }))
        r.fail("/history columns differ in length");
    for (std::size_t i = 0; i < member.size(); ++i)
        run.history.push_back(
            {member[i], phase[i], epoch[i], columns[0][i], columns[1][i], columns[2][i], columns[3][i], columns[4][i], columns[5][i]});

    run.testIds = r.strings("test/id");
    run.testSites = r.strings("test/site");
    run.testYears = r.array<int>("test/year", H5T_NATIVE_INT);
    run.observed = r.array<float>("test/observed", H5T_NATIVE_FLOAT);
    run.predicted = r.array<float>("test/predicted", H5T_NATIVE_FLOAT);
    run.spread = r.array<float>("test/spread", H5T_NATIVE_FLOAT);
    if (r.exists("test/measured"))
        run.measured = r.array<float>("test/measured", H5T_NATIVE_FLOAT);
    const std::size_t n = run.testIds.size();
    if (!run.measured.empty() && run.measured.size() != n * kDays)
        r.fail("/test/measured does not have one 365-day row per test sample");
    if (run.testSites.size() != n || run.testYears.size() != n || run.observed.size() != n * kDays || run.predicted.size() != n * kDays ||
        run.spread.size() != n * kDays)
        r.fail("/test arrays do not have one 365-day row per test sample");
    run.trainIds = r.strings("train/id");
}

H5Reader openRun(const std::filesystem::path &path)
{
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        throw DataError(path, "file not found");
    return H5Reader(path);
}

} // namespace

RunRecord readRunResults(const std::filesystem::path &path)
{
    const auto lock = data::hdf5Lock();
    const H5Reader r = openRun(path);
    RunRecord run = readHeader(r);
    readResults(r, run);
    return run;
}

RunRecord readRunFile(const std::filesystem::path &path)
{
    const auto lock = data::hdf5Lock();
    const H5Reader r = openRun(path);
    RunRecord run = readHeader(r);
    readResults(r, run);

    const auto mean = r.array<float>("normalisation/mean", H5T_NATIVE_FLOAT);
    const auto stddev = r.array<float>("normalisation/std", H5T_NATIVE_FLOAT);
    if (mean.size() != data::kFeatureCount || stddev.size() != data::kFeatureCount)
        r.fail("the run was trained on " + std::to_string(mean.size()) + " features, not the benchmark's 15");
    std::copy(mean.begin(), mean.end(), run.scaling.features.mean.begin());
    std::copy(stddev.begin(), stddev.end(), run.scaling.features.stddev.begin());
    run.scaling.targetMean = float(r.numberAttribute("target_mean", "normalisation").value_or(0));
    run.scaling.targetStd = float(r.numberAttribute("target_std", "normalisation").value_or(1));

    run.models = readModels(r, "models");
    if (run.models.empty())
        r.fail("the run holds no trained model");
    run.baseModels = readModels(r, "base_models");
    if (!run.baseModels.empty()) {
        const auto kind = parseModel(r.textAttribute("model", "base_models").value_or(""));
        if (!kind)
            r.fail("/base_models names no known model");
        run.baseModel.kind = *kind;
        run.baseModel.hidden = int(r.numberAttribute("hidden", "base_models").value_or(64));
        run.baseModel.layers = int(r.numberAttribute("layers", "base_models").value_or(0));
        run.baseModel.dropout = r.numberAttribute("dropout", "base_models").value_or(0.1);
        run.baseModel.heads = int(r.numberAttribute("heads", "base_models").value_or(4));
    }
    return run;
}

void updateRunLabels(const std::filesystem::path &path, const std::string &name, const std::string &notes)
{
    RunRecord run = readRunFile(path);
    run.name = name;
    run.notes = notes;
    writeRunFile(path, run);
}

std::filesystem::path runsFolder(const std::filesystem::path &dataset) { return dataset / "runs"; }

std::filesystem::path checkpointPathFor(const std::filesystem::path &runFile) { return runFile.string() + ".checkpoint"; }

std::filesystem::path resolveRunPath(const std::filesystem::path &dataset, const std::string &given)
{
    std::filesystem::path path(given);
    if (path.has_parent_path())
        return path;
    if (!path.has_extension())
        path += ".h5";
    return runsFolder(dataset) / path;
}

std::vector<std::filesystem::path> findRunFiles(const std::filesystem::path &folder)
{
    std::vector<std::pair<std::filesystem::file_time_type, std::filesystem::path>> found;
    std::error_code ec;
    for (const auto &entry : std::filesystem::directory_iterator(folder, ec)) {
        if (!entry.is_regular_file() || entry.path().extension() != ".h5")
            continue;
        try {
            (void)readRunSummary(entry.path());
            found.emplace_back(entry.last_write_time(), entry.path());
        } catch (const DataError &) {}
    }
    std::sort(found.begin(), found.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    std::vector<std::filesystem::path> out;
    for (auto &f : found)
        out.push_back(f.second);
    return out;
}

std::string utcNow()
{
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

} // namespace xmw::learn
