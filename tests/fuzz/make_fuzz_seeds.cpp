// Writes the seed corpora that come from the project's own writers: a small run file (two test
// samples, one history row, a residual base model), a small sample file, and the JSON of two
// training configurations. Usage: make_fuzz_seeds FOLDER (makes FOLDER/{run_file,sample_file,training_config}).

#include "core/data/sample_file.h"
#include "core/learn/run_file.h"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace {

xmw::data::SampleSet tinySamples(std::size_t n, bool towers)
{
    xmw::data::SampleSet s;
    for (std::size_t i = 0; i < n; ++i) {
        const int year = 2014 + int(i);
        s.ids.push_back((towers ? "US-Los/" : "cell:3,5/") + std::to_string(year));
        s.sites.push_back(towers ? "US-Los" : "");
        s.years.push_back(year);
        s.rows.push_back(3);
        s.cols.push_back(5);
    }
    s.x.resize(n * 365 * xmw::data::kFeatureCount);
    for (std::size_t i = 0; i < s.x.size(); ++i)
        s.x[i] = float(i % 97) / 10.0f;
    s.y.resize(n * 365);
    for (std::size_t i = 0; i < s.y.size(); ++i)
        s.y[i] = i % 11 == 0 ? NAN : float(std::sin(double(i) / 30.0) + 1.5);
    if (towers)
        s.measured = s.y;
    return s;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::cerr << "usage: make_fuzz_seeds FOLDER\n";
        return 2;
    }
    try {
        using namespace xmw;
        const std::filesystem::path folder = argv[1];
        for (const char *sub : {"run_file", "sample_file", "training_config"})
            std::filesystem::create_directories(folder / sub);

        const auto towers = tinySamples(2, true);
        learn::RunRecord run;
        run.name = "seed";
        run.created = "2026-12-02T00:00:00Z";
        run.dataset = "/data/demo";
        run.inputKey = "seed";
        run.history.push_back({0, "train", 1, 0.9, 0.8, 0, 0, 0, 1.5});
        run.testIds = towers.ids;
        run.testSites = towers.sites;
        run.testYears = towers.years;
        run.observed = towers.y;
        run.measured = towers.measured;
        run.predicted = towers.y;
        run.spread.assign(towers.y.size(), 0.1f);
        run.trainIds = {"US-Los/2013"};
        run.metrics.count = 700;
        run.metrics.rmse = 1.2;
        run.perSite["US-Los"] = run.metrics;
        run.scaling.features.stddev.fill(1.0f);
        run.models.push_back({0, 42, std::string("PK\x03\x04") + " not really an archive"});
        run.config.method = learn::Method::Residual;
        run.baseModels.push_back({0, 7, "base"});
        learn::writeRunFile(folder / "run_file" / "run.h5", run);

        data::SampleFile samples;
        samples.towers = towers;
        samples.roles = {data::SampleRole::Train, data::SampleRole::Test};
        samples.tem = tinySamples(1, false);
        samples.normalisation.stddev.fill(1.0f);
        samples.split = "temporal";
        samples.inputKey = "seed";
        data::writeSampleFile(folder / "sample_file" / "samples.h5", samples);

        std::ofstream(folder / "training_config" / "default.json") << learn::TrainingConfig{}.toJson();
        learn::TrainingConfig spatial;
        spatial.split.kind = data::SplitKind::Spatial;
        spatial.split.sites = {"US-Los", "FI-Sii"};
        spatial.method = learn::Method::Finetune;
        spatial.pretrainedRun = "pretrain \"lstm\"\\1";
        std::ofstream(folder / "training_config" / "spatial.json") << spatial.toJson();
    } catch (const std::exception &e) {
        std::cerr << "make_fuzz_seeds: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
