// xmw: the X-MethaneWet engine from the command line, for batch work and machines without a display.
#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "core/build_info.h"
#include "core/data/data_error.h"
#include "core/feedback.h"
#include "core/version.h"

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace {

// XMW_REPORT_MEMORY=1: print this run's peak resident memory to stderr at exit, for batch users
// sizing machines (and `xmw bench`, which cannot learn it from rusage).
void reportPeakMemory()
{
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.starts_with("VmHWM:"))
            std::fprintf(stderr, "peak memory: %.1f MB\n", std::stod(line.substr(6)) / 1024.0);
}

struct Command {
    std::string_view name;
    std::string_view summary;
    std::function<int(const std::vector<std::string_view> &args)> run;
    std::string_view usage; // what `xmw help NAME` and `xmw NAME --help` print after the summary
};

int printVersion(const std::vector<std::string_view> &)
{
    std::printf("xmw %s (%s)\n", xmw::kVersion, xmw::kApplicationName);
    for (const auto &library : xmw::coreLibraries())
        std::printf("  %-9s %-10s %s\n", library.name.c_str(), library.version.c_str(), library.licence.c_str());
    std::printf("  compute   %s\n", xmw::computeDevices().c_str());
    return 0;
}

const std::vector<Command> &commands();

std::vector<std::string> commandNames()
{
    std::vector<std::string> names;
    for (const auto &command : commands())
        names.emplace_back(command.name);
    return names;
}

void printUsage(const Command &command)
{
    std::printf("xmw %s: %s\n\n%s", std::string(command.name).c_str(), std::string(command.summary).c_str(),
                std::string(command.usage).c_str());
}

int printHelp(const std::vector<std::string_view> &args)
{
    if (args.size() == 1) {
        for (const auto &command : commands())
            if (command.name == args.front()) {
                printUsage(command);
                return 0;
            }
        std::fprintf(stderr, "xmw help: no command '%s'%s\n", std::string(args.front()).c_str(),
                     xmw::cli::didYouMean(args.front(), commandNames()).c_str());
        return 2;
    }
    std::printf("Usage: xmw <command> [options]\n\nCommands:\n");
    for (const auto &command : commands())
        std::printf("  %-10s %s\n", std::string(command.name).c_str(), std::string(command.summary).c_str());
    std::printf("\n'xmw help COMMAND' or 'xmw COMMAND --help' shows a command's options; xmw --version and xmw --help work as well.\n");
    return 0;
}

const std::vector<Command> &commands()
{
    static const std::vector<Command> table = {
        {"make-demo", "write a synthetic dataset in the X-MethaneWet layout", xmw::cli::makeDemo,
         "Usage: xmw make-demo --out DIR [options]\n"
         "  --out DIR           the new dataset folder (it must not exist)\n"
         "  --resolution DEG    grid spacing in degrees (2)\n"
         "  --years Y1-Y2       years within 1979-2018 (2014-2018)\n"
         "  --seed N            random seed (42)\n"
         "  --no-towers         TEM-MDM only, no FLUXNET-CH4 folder\n"},
        {"info", "describe a dataset: grid, years, variables, towers", xmw::cli::info, "Usage: xmw info DATASET [--json]\n"},
        {"sites", "list a dataset's flux towers", xmw::cli::sites, "Usage: xmw sites DATASET [--json]\n"},
        {"series", "one tower's or one grid cell's daily series as CSV", xmw::cli::series,
         "Usage: xmw series DATASET (--site ID | --cell LAT,LON) --csv [options]\n"
         "  --site ID           a tower (US-Los or US.Los)\n"
         "  --cell LAT,LON      a grid cell, in degrees\n"
         "  --var NAME          a tower column (FCH4_F, TA_F, ...) or, for --cell, a TEM-MDM variable (CH4_emission)\n"
         "  --years Y1[-Y2]     only these years\n"
         "  --csv               CSV on stdout (the only output)\n"},
        {"samples", "build the benchmark's model samples into an HDF5 file", xmw::cli::samples,
         "Usage: xmw samples DATASET --out FILE.h5 [options]\n"
         "  --recipe NAME              x-methanewet (the benchmark's rules) or extended (ours); see\n"
         "                             docs/benchmark-recipe.md (x-methanewet)\n"
         "  --split temporal|spatial   which split the roles follow (temporal)\n"
         "  --fold K --folds N         with spatial: the test fold (0) of N (5; x-methanewet has 5)\n"
         "  --percent P                share of training site-years kept (100)\n"
         "  --tem-fraction F           share of TEM-MDM cell-years sampled (0.1)\n"
         "  --seed N                   random seed (0)\n"
         "  --force                    rebuild even when the inputs have not changed\n"
         "  --verbose                  list every skipped site-year\n"},
        {"train", "train a sequence model (scratch or sim-to-real transfer) into a run file", xmw::cli::train,
         "Usage: xmw train DATASET --out RUN [options]\n"
         "  --out RUN                  a bare name goes to DATASET/runs/RUN.h5; a path is taken as given\n"
         "  --model NAME               lstm, gru, ea-lstm, tcn, transformer, informer, itransformer, pyraformer (lstm)\n"
         "  --method NAME              scratch, pretrain, finetune, adversarial, residual, reweight (scratch)\n"
         "  --pretrained RUN           for finetune and residual: the pretrained run\n"
         "  --recipe NAME              x-methanewet (the benchmark's rules) or extended (ours) (x-methanewet)\n"
         "  --preset NAME              ours (quick, early stopping) or paper (the reference's hyper-parameters);\n"
         "                             the options below override it (ours)\n"
         "  --split temporal|spatial   (temporal); --fold K, --folds N or --all-folds with spatial\n"
         "  --percent P                share of training site-years (100)\n"
         "  --sites ID,ID,...          train and test on these towers only\n"
         "  --epochs N --finetune-epochs N --lr X --batch N --seed N --ensemble N --patience N\n"
         "  --source-batch N           adversarial, reweight: simulated samples beside each batch of towers in\n"
         "                             the joint phase (paper preset: 128; default: --batch); an epoch ends\n"
         "                             when the towers' or the simulated batches run out\n"
         "  --hidden N --layers N --dropout X --heads N\n"
         "  --validation F             share of training towers held out for early stopping (0.1; 0: none)\n"
         "  --tem-fraction F           share of TEM-MDM cell-years (0.1)\n"
         "  --tem-years Y1-Y2          the TEM-MDM years sampled (all; the paper pretrains on 1979-1988)\n"
         "  --tem-holdout years|cells|none  pretrain: TEM-MDM kept apart to test on; years: the later half\n"
         "                             (1999-2018 of 1979-2018), cells: one of 5 seeded folds (years)\n"
         "  --tem-fold K               with --tem-holdout cells: the fold held out (0)\n"
         "  --threads N --device cpu|cuda\n"
         "  --kernels fused|libtorch   the recurrent layers (lstm, gru, ea-lstm) and full attention\n"
         "                             (transformer, itransformer, pyraformer) in one fused kernel each, or\n"
         "                             LibTorch's own operations (fused; CUDA uses LibTorch's)\n"
         "  --distributed              one process of a data-parallel run (xmw launch, torchrun's variables or\n"
         "                             srun): each takes its share of every batch (docs/distributed.md)\n"
         "    --timeout S              how long to wait for the other processes (600)\n"
         "  --name TEXT --notes TEXT   labels kept in the run file\n"
         "  --resume                   go on from RUN.h5.checkpoint\n"
         "  --json                     the result as JSON on stdout\n"},
        {"runs", "list the run files in a folder with their test metrics", xmw::cli::runs,
         "Usage: xmw runs FOLDER|DATASET [--json]\n"
         "  a dataset folder lists its runs/ folder too\n"},
        {"predict", "a run's daily prediction for a tower or a grid cell, as CSV", xmw::cli::predict,
         "Usage: xmw predict RUN.h5 (--site ID | --cell LAT,LON) [--csv] [options]\n"
         "  CSV on stdout: one row per day of every full year of the tower or cell\n"
         "  --dataset DIR       where the run's dataset is now, if it has moved\n"
         "  --year YEAR         only this year\n"
         "  --device cpu|cuda\n"},
        {"compare", "test metrics of several runs side by side", xmw::cli::compare, "Usage: xmw compare RUN.h5 RUN.h5 ... [--json]\n"},
        {"upscale", "apply a run to the cells TEM-MDM simulates in a year; write CF NetCDF", xmw::cli::upscale,
         "Usage: xmw upscale RUN.h5 [DATASET] (--year YEAR | --years Y1-Y2) --out FILE.nc [options]\n"
         "       xmw upscale --merge --years Y1-Y2 --out FILE.nc\n"
         "  DATASET, --dataset DIR     the dataset to upscale over (default: the run's own)\n"
         "  --years Y1-Y2              one file over these years (a time axis over all of them), made in parts\n"
         "                             (a year, or a block of its cells) in FILE.nc.parts/; a rerun makes only\n"
         "                             the missing parts\n"
         "  --task I --tasks N         with --years: make only worker I's parts (0-based) of N; then --merge\n"
         "  --merge                    join the parts into FILE.nc; missing or overlapping parts are refused\n"
         "  --all-land                 every land cell, not only those where TEM-MDM simulates an emission\n"
         "  --emissions                also write FILE.emissions.nc: Tg CH4 per cell and month (as UpCH4), with\n"
         "                             the wetland map (docs/budget.md); with --tasks, give it to the --merge\n"
         "  --wetland-area FILE        with --emissions: the wetland map (default: the one in DATASET/WAD2M/;\n"
         "                             required with --merge)\n"
         "  --wetland-variable NAME    its variable (default Fw)\n"
         "  --device cpu|cuda\n"},
        {"budget", "wetland methane budgets in Tg CH4 per year, by band and region (docs/budget.md)", xmw::cli::budget,
         "Usage: xmw budget DATASET [--run FILE.nc ...] [options]\n"
         "  sums TEM-MDM's CH4_emission, and each upscaled run (a file of xmw upscale) with its difference\n"
         "  from TEM-MDM on the run's cells, over the globe and the Global Carbon Project's bands\n"
         "  --run FILE.nc              an upscaled run (may be given several times)\n"
         "  --wetland-area FILE        the wetland map (CF NetCDF, e.g. WAD2M); default: the one .nc file in\n"
         "                             DATASET/WAD2M/. Without one: mean fluxes only, no Tg\n"
         "  --wetland-variable NAME    its variable (default Fw)\n"
         "  --years Y1-Y2              default: every year of the dataset\n"
         "  --bands gcp|none           the globe and the four GCP bands (default), or the globe only\n"
         "  --region S,N,W,E           also a latitude-longitude box (W > E crosses the antimeridian)\n"
         "  --geojson FILE             also the polygons of a GeoJSON file (one region per feature)\n"
         "  --monthly                  each year's months after it\n"
         "  --csv | --json             machine-readable output instead of the table\n"},
        {"sweep", "run the benchmark's grid of runs, here or on Slurm (docs/sweeps.md)", xmw::cli::sweep,
         "Usage: xmw sweep SPEC.json [options]\n"
         "  runs every run of the sweep file that is not done, into DATASET/runs/NAME/; a run that\n"
         "  stopped resumes from its checkpoint, a failed one is retried only with --retry-failed\n"
         "  --dataset DIR              the dataset (default: the file's \"dataset\", relative to the file)\n"
         "  --jobs N                   runs at once on this machine (1)\n"
         "  --threads N                threads per run (the cores divided by --jobs)\n"
         "  --ntasks N                 processes per run: each run is one distributed run (xmw launch here,\n"
         "                             srun on Slurm; docs/distributed.md) (1)\n"
         "  --retry-failed             run the failed runs again\n"
         "  --dry-run                  print the plan: each run's state and xmw train command\n"
         "  --status                   each run's state: done (with its scores), running, failed, ...\n"
         "  --slurm                    write an sbatch array script per stage into NAME/slurm/\n"
         "    --submit                 and submit them, the dependent stage after the pretraining one\n"
         "    --partition P --time T --mem M --cpus-per-task N (1)\n"
         "  --stage S --task I         run one run (what a Slurm array task does)\n"},
        {"report", "the benchmark's results tables from a folder of runs", xmw::cli::report,
         "Usage: xmw report FOLDER|DATASET [options]\n"
         "  rows models, columns methods, one table per protocol and metric: mean ± sd over seeds (spatial:\n"
         "  each seed's folds averaged first), the best of each row marked, the change against scratch\n"
         "  --metrics LIST      rmse, nrmse, r2, r2_corr, mae, bias, nse, kge (rmse,r2)\n"
         "  --measured          on the measured days alone, not the gap-filled target\n"
         "  --format F          markdown, csv or latex (markdown)\n"
         "  --out FILE          write there instead of stdout\n"},
        {"launch", "train one run in several processes on this machine (data-parallel)", xmw::cli::launch,
         "Usage: xmw launch [-n N] [--port P] [--grace S] -- train DATASET --out RUN [options]\n"
         "  starts N processes of `xmw train ... --distributed` that meet on 127.0.0.1, as torchrun does;\n"
         "  the curves are those of one process with the same --batch (docs/distributed.md)\n"
         "  -n, --processes N   how many (2); --threads of train is per process (the cores divided by N)\n"
         "  --port P            the meeting port (a free one)\n"
         "  --grace S           when one process fails, how long the others have to stop before they are\n"
         "                      stopped (30)\n"},
        {"bench", "measure speed and memory (bench data, bench train, bench grid)", xmw::cli::bench,
         "Usage: xmw bench data|train [options]\n"
         "       xmw bench grid SPEC.json [options]\n"
         "  --dir SCRATCH       where to write test files (a temporary folder)\n"
         "  --keep              keep them\n"
         "  train only: --models lstm,gru,... --epochs N (2) --threads 1,2 --processes 1,2 (data-parallel)\n"
         "              --reference SCRIPT   the PyTorch loop timed beside the fused kernels and LibTorch's\n"
         "                                   layers (bench/pytorch_reference.py; needs python3-torch)\n"
         "  grid: a sweep's time here, projected from a few epochs of each kind of run in it and the\n"
         "        sweep's order of starting runs: --jobs N (2) --threads N (cores / jobs) --epochs N (3)\n"
         "        --dataset DIR (the sweep file's)\n"},
        {"version", "print the version and the libraries xmw runs on", printVersion, "Usage: xmw version\n"},
        {"help", "list the commands, or show one command's options", printHelp, "Usage: xmw help [COMMAND]\n"},
    };
    return table;
}

} // namespace

int main(int argc, char **argv)
{
    if (const char *report = std::getenv("XMW_REPORT_MEMORY"); report && *report && std::string_view(report) != "0")
        std::atexit(reportPeakMemory);
    // A file-size limit (ulimit -f) then fails the write with EFBIG, which every writer reports and
    // cleans up after, instead of killing the process with a half-written file behind.
    std::signal(SIGXFSZ, SIG_IGN);
    std::vector<std::string_view> args(argv + 1, argv + argc);
    if (args.empty()) {
        printHelp(args);
        return 2;
    }
    std::string_view name = args.front();
    if (name == "--version" || name == "-V")
        name = "version";
    else if (name == "--help" || name == "-h")
        name = "help";
    args.erase(args.begin());

    for (const auto &command : commands()) {
        if (command.name != name)
            continue;
        const auto asksForHelp = [](std::string_view a) { return a == "--help" || a == "-h"; };
        if (std::find_if(args.begin(), args.end(), asksForHelp) != args.end()) {
            printUsage(command);
            return 0;
        }
        // Bad input is a message and an exit status, never a crash.
        try {
            return command.run(args);
        } catch (const xmw::cli::UsageError &error) {
            std::fprintf(stderr, "xmw %s: %s (see 'xmw %s --help')\n", std::string(name).c_str(), error.what(), std::string(name).c_str());
            return 2;
        } catch (const xmw::data::DataError &error) {
            std::fprintf(stderr, "xmw %s: %s\n", std::string(name).c_str(), error.what());
            return 1;
        } catch (const xmw::Canceled &) {
            std::fprintf(stderr, "xmw %s: canceled\n", std::string(name).c_str());
            return 130;
        } catch (const std::exception &error) {
            std::fprintf(stderr, "xmw %s: %s\n", std::string(name).c_str(), error.what());
            return 1;
        }
    }
    std::fprintf(stderr, "xmw: unknown command '%s'%s (try 'xmw help')\n", std::string(name).c_str(),
                 xmw::cli::didYouMean(name, commandNames()).c_str());
    return 2;
}
