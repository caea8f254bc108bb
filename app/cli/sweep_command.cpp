// xmw sweep: the benchmark's grid of runs, on this machine (--jobs) or as Slurm arrays (--slurm).
// The sweep folder is the only state: each look at it says which runs are done, running, failed or
// still to do, so a sweep can be stopped, started again, or run by many Slurm tasks at once.
#include "app/cli/args.h"
#include "app/cli/commands.h"
#include "app/cli/progress.h"
#include "app/cli/train_options.h"
#include "core/data/atomic_file.h"
#include "core/data/data_error.h"
#include "core/learn/run_file.h"
#include "core/learn/sweep.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <map>
#include <set>
#include <spawn.h>
#include <sstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char **environ;

namespace xmw::cli {

namespace {

using learn::RunState;
using learn::SweepPlan;
using learn::SweepRun;
using Clock = std::chrono::steady_clock;

volatile std::sig_atomic_t stopRequested = 0;

void onStop(int) { stopRequested = 1; }

// Without SA_RESTART, so that a wait for a run returns at Ctrl+C.
void catchStopSignals()
{
    struct sigaction action {};
    action.sa_handler = onStop;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
}

std::string selfPath() { return std::filesystem::read_symlink("/proc/self/exe").string(); }

std::string shellQuoted(const std::string &word)
{
    if (!word.empty() &&
        std::all_of(word.begin(), word.end(), [](char c) { return std::isalnum((unsigned char)c) || std::strchr("-_./=:,+@%", c); }))
        return word;
    std::string quoted = "'";
    for (const char c : word)
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

std::string commandLine(const std::vector<std::string> &words)
{
    std::string line;
    for (const auto &w : words)
        line.append(line.empty() ? "" : " ").append(shellQuoted(w));
    return line;
}

// `xmw train …` for a run: what the sweep's own arguments add to the plan's.
std::vector<std::string> trainCommand(const SweepPlan &plan, const SweepRun &run, int threads)
{
    std::vector<std::string> words = {"train", plan.dataset.string()};
    words.insert(words.end(), run.trainArguments.begin(), run.trainArguments.end());
    words.insert(words.end(), {"--out", plan.runFile(run).string(), "--name", run.name, "--threads", std::to_string(threads)});
    std::error_code ec;
    if (std::filesystem::exists(learn::checkpointPathFor(plan.runFile(run)), ec))
        words.push_back("--resume");
    return words;
}

// How a run's processes start: one `xmw train`, or several of one distributed run, started by
// `xmw launch` on this machine or by `srun` inside a Slurm allocation.
struct Processes {
    int count = 1;
    bool srun = false;
};

// The program and its arguments for a run (argv[0] first); `self` is xmw's path, or "xmw" to print.
std::vector<std::string> runCommand(const SweepPlan &plan, const SweepRun &run, int threads, Processes processes, const std::string &self)
{
    std::vector<std::string> words = trainCommand(plan, run, threads);
    if (processes.count == 1) {
        words.insert(words.begin(), self);
    } else if (processes.srun) {
        words.insert(words.begin(), {"srun", "--ntasks=" + std::to_string(processes.count), "--kill-on-bad-exit=1", self});
        words.push_back("--distributed");
    } else {
        words.insert(words.begin(), {self, "launch", "-n", std::to_string(processes.count), "--"});
    }
    return words;
}

// Every run's options go through `xmw train`'s own checks before anything starts: a mistake in the
// sweep file is one message now, not a hundred failed runs later.
void checkRuns(const SweepPlan &plan)
{
    for (const SweepRun &run : plan.runs) {
        const std::vector<std::string> words = trainCommand(plan, run, 1);
        const std::vector<std::string_view> views(words.begin() + 1, words.end());
        try {
            (void)parseTrainingConfig(Args(views, trainOptionNames(), trainFlagNames()));
        } catch (const UsageError &e) {
            throw data::DataError(plan.spec, "run " + run.name + ": " + e.what());
        }
    }
}

std::string lastLines(const std::filesystem::path &file, std::size_t count)
{
    std::ifstream in(file);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);)
        if (!line.empty())
            lines.push_back(line);
    std::string text;
    for (std::size_t i = lines.size() > count ? lines.size() - count : 0; i < lines.size(); ++i)
        text += lines[i] + "\n";
    return text;
}

std::string firstLine(const std::filesystem::path &file)
{
    std::ifstream in(file);
    std::string line;
    std::getline(in, line);
    return line;
}

// What a finished run scored, for the progress lines and --status.
std::string scoreText(const std::filesystem::path &runFile)
{
    try {
        const learn::RunRecord run = learn::readRunSummary(runFile);
        const learn::Metrics &m = run.config.method == learn::Method::Pretrain && !run.temTestSet.empty() ? run.temMetrics : run.metrics;
        char text[96];
        std::snprintf(text, sizeof text, "RMSE %.3f  R² %.3f%s", m.rmse, m.r2,
                      run.config.method == learn::Method::Pretrain && !run.temTestSet.empty() ? " (TEM-MDM)" : "");
        return text;
    } catch (const data::DataError &e) {
        return std::string("unreadable: ") + e.what();
    }
}

// Starts `xmw train` for a run, its output appended to the run's log; returns its pid.
pid_t startRun(const SweepPlan &plan, const SweepRun &run, int threads, Processes processes)
{
    std::error_code ec;
    std::filesystem::create_directories(plan.folder(), ec);
    if (ec)
        throw data::DataError(plan.folder(), "cannot create the sweep folder: " + ec.message());
    std::filesystem::remove(plan.failureFile(run), ec);
    std::vector<std::string> words = runCommand(plan, run, threads, processes, selfPath());
    const std::filesystem::path log = plan.logFile(run);
    const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0)
        throw data::DataError(log, std::string("cannot open the run's log: ") + std::strerror(errno));
    const std::string header = "== " + learn::utcNow() + ": " + commandLine(words) + "\n";
    (void)!::write(fd, header.data(), header.size());

    std::vector<char *> argv;
    for (auto &w : words)
        argv.push_back(w.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, fd, STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, fd, STDERR_FILENO);
    std::fflush(nullptr);
    pid_t child = 0;
    // The running program itself, not the file at its path: a sweep lasts hours, and a rebuild or
    // an upgrade that replaces the file meanwhile must neither stop it nor mix two versions in it.
    const int failed = processes.srun ? ::posix_spawnp(&child, "srun", &actions, nullptr, argv.data(), environ)
                                      : ::posix_spawn(&child, "/proc/self/exe", &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(fd);
    if (failed)
        throw data::DataError(words.front(), std::string("cannot start a run: ") + std::strerror(failed));
    return child;
}

enum class Outcome { Done, Failed, Stopped };

// After a run's process ended: done, or failed with NAME.failed saying why, or stopped by Ctrl+C
// (its checkpoint, if any, lets the next start go on).
Outcome finishRun(const SweepPlan &plan, const SweepRun &run, int status)
{
    std::error_code ec;
    const bool exited = WIFEXITED(status);
    const int code = exited ? WEXITSTATUS(status) : -1;
    if (exited && code == 0 && std::filesystem::exists(plan.runFile(run), ec))
        return Outcome::Done;
    if (stopRequested && ((exited && code == 130) || (WIFSIGNALED(status) && (WTERMSIG(status) == SIGINT || WTERMSIG(status) == SIGTERM))))
        return Outcome::Stopped;
    std::string reason = exited
        ? (code == 0 ? "xmw train ended without writing the run file" : "xmw train failed (exit status " + std::to_string(code) + ")")
        : "xmw train was killed by signal " + std::to_string(WTERMSIG(status)) + " (" + strsignal(WTERMSIG(status)) + ")";
    const std::string text = reason + "; the end of " + plan.logFile(run).filename().string() + ":\n" + lastLines(plan.logFile(run), 15);
    data::writeFileAtomically(plan.failureFile(run),
                              [&](const std::filesystem::path &partial) { data::writeBytes(partial, text, plan.failureFile(run)); });
    return Outcome::Failed;
}

struct Tally {
    std::map<RunState, int> count;
    [[nodiscard]] std::string text() const
    {
        std::string out;
        for (const RunState s :
             {RunState::Done, RunState::Running, RunState::Checkpointed, RunState::Pending, RunState::Failed, RunState::Blocked})
            if (count.count(s))
                out.append(out.empty() ? "" : ", ").append(std::to_string(count.at(s)) + " " + learn::runStateName(s));
        return out;
    }
};

Tally tally(const SweepPlan &plan)
{
    Tally t;
    for (std::size_t i = 0; i < plan.runs.size(); ++i)
        ++t.count[learn::runState(plan, i)];
    return t;
}

int printStatus(const SweepPlan &plan)
{
    std::printf("sweep %s: %zu runs in %s\n", plan.name.c_str(), plan.runs.size(), plan.folder().c_str());
    for (std::size_t i = 0; i < plan.runs.size(); ++i) {
        const SweepRun &run = plan.runs[i];
        const RunState state = learn::runState(plan, i);
        std::string detail;
        if (state == RunState::Done)
            detail = scoreText(plan.runFile(run));
        else if (state == RunState::Failed)
            detail = firstLine(plan.failureFile(run)) + " (" + plan.failureFile(run).filename().string() + ")";
        else if (state == RunState::Blocked)
            detail = "its pretraining run " + plan.runs[*run.pretrained].name + " did not succeed";
        std::printf("  %-12s %-40s %s\n", learn::runStateName(state).c_str(), run.name.c_str(), detail.c_str());
    }
    std::printf("%s\n", tally(plan).text().c_str());
    return 0;
}

int printPlan(const SweepPlan &plan, int threads, Processes processes)
{
    std::printf("sweep %s: %zu runs into %s\n", plan.name.c_str(), plan.runs.size(), plan.folder().c_str());
    for (const learn::SweepStage stage : learn::allStages()) {
        const auto indices = plan.stageRuns(stage);
        if (indices.empty())
            continue;
        std::printf("stage %s (%zu runs%s):\n", learn::stageName(stage).c_str(), indices.size(),
                    stage == learn::SweepStage::Dependent ? ", each after its pretraining run" : "");
        for (const std::size_t i : indices)
            std::printf("  [%s] %s\n", learn::runStateName(learn::runState(plan, i)).c_str(),
                        commandLine(runCommand(plan, plan.runs[i], threads, processes, "xmw")).c_str());
    }
    std::printf("%s\n", tally(plan).text().c_str());
    return 0;
}

// Runs one run in this process's place: a Slurm array task (--stage S --task I).
int runTask(const SweepPlan &plan, learn::SweepStage stage, int task, int threads, Processes processes, bool retryFailed)
{
    const auto indices = plan.stageRuns(stage);
    if (task < 0 || std::size_t(task) >= indices.size())
        throw UsageError("stage " + learn::stageName(stage) + " has " + std::to_string(indices.size()) + " runs (tasks 0…" +
                         std::to_string(int(indices.size()) - 1) + "); there is no task " + std::to_string(task));
    const std::size_t index = indices[std::size_t(task)];
    const SweepRun &run = plan.runs[index];
    const RunState state = learn::runState(plan, index);
    switch (state) {
    case RunState::Done: std::fprintf(stderr, "%s: done already\n", run.name.c_str()); return 0;
    case RunState::Running: std::fprintf(stderr, "%s: another process is running it\n", run.name.c_str()); return 1;
    case RunState::Blocked:
        std::fprintf(stderr, "%s: blocked: its pretraining run %s did not succeed\n", run.name.c_str(),
                     plan.runs[*run.pretrained].name.c_str());
        return 1;
    case RunState::Failed:
        if (!retryFailed) {
            std::fprintf(stderr, "%s: failed before (%s); --retry-failed runs it again\n", run.name.c_str(), plan.failureFile(run).c_str());
            return 1;
        }
        break;
    case RunState::Pending:
    case RunState::Checkpointed: break;
    }
    if (run.pretrained && learn::runState(plan, *run.pretrained) != RunState::Done) {
        std::fprintf(stderr, "%s: its pretraining run %s is not done\n", run.name.c_str(), plan.runs[*run.pretrained].name.c_str());
        return 1;
    }
    catchStopSignals();
    const auto start = Clock::now();
    std::fprintf(stderr, "%s: started (log: %s)\n", run.name.c_str(), plan.logFile(run).c_str());
    const pid_t child = startRun(plan, run, threads, processes);
    int status = 0;
    bool forwarded = false;
    while (::waitpid(child, &status, 0) < 0) {
        if (errno != EINTR)
            throw data::DataError(plan.logFile(run), std::string("lost the run's process: ") + std::strerror(errno));
        if (stopRequested && !forwarded) {
            ::kill(child, SIGINT); // Slurm's scancel sends SIGTERM: the run keeps its checkpoint
            forwarded = true;
        }
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    switch (finishRun(plan, run, status)) {
    case Outcome::Done:
        std::fprintf(stderr, "%s: done in %s: %s\n", run.name.c_str(), duration(seconds).c_str(), scoreText(plan.runFile(run)).c_str());
        return 0;
    case Outcome::Stopped:
        std::fprintf(stderr, "%s: stopped; starting it again resumes from its checkpoint\n", run.name.c_str());
        return 130;
    case Outcome::Failed: std::fprintf(stderr, "%s: FAILED: %s", run.name.c_str(), lastLines(plan.failureFile(run), 16).c_str()); return 1;
    }
    return 1;
}

// The runs on this machine, `jobs` at a time, in plan order as their pretraining runs finish.
int runLocally(const SweepPlan &plan, int jobs, int threads, Processes processes, bool retryFailed)
{
    std::error_code ec;
    if (retryFailed)
        for (const SweepRun &run : plan.runs)
            std::filesystem::remove(plan.failureFile(run), ec);
    const std::size_t total = plan.runs.size();
    std::size_t doneBefore = 0;
    for (std::size_t i = 0; i < total; ++i)
        doneBefore += learn::runState(plan, i) == RunState::Done;
    std::fprintf(stderr, "sweep %s: %zu runs (%s); %d at a time, %s%d thread%s each\n", plan.name.c_str(), total,
                 tally(plan).text().c_str(), jobs, processes.count > 1 ? (std::to_string(processes.count) + " processes of ").c_str() : "",
                 threads, threads == 1 ? "" : "s");
    catchStopSignals();

    std::map<pid_t, std::pair<std::size_t, Clock::time_point>> running;
    const auto runningHere = [&](std::size_t run) {
        return std::any_of(running.begin(), running.end(), [&](const auto &child) { return child.second.first == run; });
    };
    std::set<std::size_t> attempted;
    std::size_t finished = doneBefore, failed = 0;
    double busySeconds = 0;
    int finishedHere = 0;
    const auto progress = [&] {
        char text[64];
        std::snprintf(text, sizeof text, "[%zu/%zu]", finished, total);
        return std::string(text);
    };
    const auto etaSeconds = [&] {
        const std::size_t left = total - finished - failed;
        return finishedHere == 0 ? ProgressBar::kUnknown : busySeconds / finishedHere * double(left) / double(jobs);
    };
    const auto eta = [&]() -> std::string { return finishedHere == 0 ? "" : ", about " + duration(etaSeconds()) + " left"; };
    // A bar on a terminal (the lines below scroll above it); in a log, the lines alone.
    ProgressBar bar(false);
    const auto note = [&](const std::string &line) {
        bar.note(line);
        bar.update(double(finished + failed) / double(std::max<std::size_t>(1, total)), "sweep " + plan.name,
                   std::to_string(finished) + "/" + std::to_string(total) + " done, " + std::to_string(running.size()) + " running",
                   etaSeconds());
    };
    for (;;) {
        while (!stopRequested && running.size() < std::size_t(jobs)) {
            std::optional<std::size_t> next;
            for (std::size_t i = 0; i < total && !next; ++i) {
                if (attempted.count(i))
                    continue;
                const RunState state = learn::runState(plan, i);
                if (state != RunState::Pending && state != RunState::Checkpointed)
                    continue;
                // A pretraining run of ours counts once its process is reaped, not when its file appears:
                // the file is written just before the process ends, and its "done" line comes first.
                const auto &before = plan.runs[i].pretrained;
                if (!before || (learn::runState(plan, *before) == RunState::Done && !runningHere(*before)))
                    next = i;
            }
            if (!next)
                break;
            attempted.insert(*next);
            const bool resuming = learn::runState(plan, *next) == RunState::Checkpointed;
            const pid_t pid = startRun(plan, plan.runs[*next], threads, processes);
            running[pid] = {*next, Clock::now()};
            note(progress() + " started " + plan.runs[*next].name + (resuming ? " (resuming)" : ""));
        }
        if (running.empty())
            break;
        int status = 0;
        const pid_t pid = ::waitpid(-1, &status, 0);
        if (pid < 0) {
            if (errno != EINTR)
                break;
            if (stopRequested) {
                note("stopping: each running run keeps its last finished epoch");
                for (const auto &[child, what] : running)
                    ::kill(child, SIGINT);
            }
            continue;
        }
        const auto it = running.find(pid);
        if (it == running.end())
            continue;
        const auto [index, start] = it->second;
        running.erase(it);
        const SweepRun &run = plan.runs[index];
        const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
        switch (finishRun(plan, run, status)) {
        case Outcome::Done:
            ++finished;
            ++finishedHere;
            busySeconds += seconds;
            note(progress() + " done " + run.name + " in " + duration(seconds) + ": " + scoreText(plan.runFile(run)) + eta());
            break;
        case Outcome::Failed:
            ++failed;
            note(progress() + " FAILED " + run.name + ": " + firstLine(plan.failureFile(run)) + "; see " + plan.logFile(run).string());
            break;
        case Outcome::Stopped: break;
        }
    }
    bar.finish();
    const Tally end = tally(plan);
    std::fprintf(stderr, "sweep %s: %s\n", plan.name.c_str(), end.text().c_str());
    if (stopRequested) {
        std::fprintf(stderr, "stopped: the same command goes on where it stopped\n");
        return 130;
    }
    if (end.count.count(RunState::Failed) || end.count.count(RunState::Blocked)) {
        std::fprintf(stderr, "some runs failed: 'xmw sweep %s --status' lists them; --retry-failed runs them again\n", plan.spec.c_str());
        return 1;
    }
    if (!end.count.count(RunState::Done) || std::size_t(end.count.at(RunState::Done)) != total) {
        std::fprintf(stderr, "runs held by other processes are not done yet: 'xmw sweep %s --status' shows them\n", plan.spec.c_str());
        return 1;
    }
    return 0;
}

struct SlurmOptions {
    std::string partition, time, memory;
    int cpusPerTask = 1;
    int ntasks = 1; // processes per run: one distributed run over that many Slurm tasks
    bool retryFailed = false;
    bool submit = false;
};

// One sbatch array script per stage: a task runs the stage's run with that number.
int writeSlurmScripts(const SweepPlan &plan, const SlurmOptions &options)
{
    const std::filesystem::path folder = plan.folder() / "slurm";
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec)
        throw data::DataError(folder, "cannot create the folder for the Slurm scripts: " + ec.message());
    const std::string self = selfPath();
    const std::filesystem::path spec = std::filesystem::absolute(plan.spec);
    std::vector<std::pair<learn::SweepStage, std::filesystem::path>> scripts;
    for (const learn::SweepStage stage : learn::allStages()) {
        const auto indices = plan.stageRuns(stage);
        if (indices.empty())
            continue;
        const std::string name = learn::stageName(stage);
        std::string text = "#!/bin/bash\n"
                           "# Written by xmw sweep for " +
            spec.string() + ", stage " + name + " (" + std::to_string(indices.size()) +
            " runs).\n# Each array task runs one run; a task whose run is done already ends at once.\n";
        text += "#SBATCH --job-name=xmw-" + plan.name + "-" + name + "\n";
        text += "#SBATCH --array=0-" + std::to_string(indices.size() - 1) + "\n";
        text += "#SBATCH --ntasks=" + std::to_string(options.ntasks) + "\n#SBATCH --cpus-per-task=" + std::to_string(options.cpusPerTask) +
            "\n";
        text += "#SBATCH --output=" + (folder / (name + "-%A_%a.out")).string() + "\n";
        if (!options.partition.empty())
            text += "#SBATCH --partition=" + options.partition + "\n";
        if (!options.time.empty())
            text += "#SBATCH --time=" + options.time + "\n";
        if (!options.memory.empty())
            text += "#SBATCH --mem=" + options.memory + "\n";
        std::vector<std::string> command = {self,
                                            "sweep",
                                            spec.string(),
                                            "--dataset",
                                            plan.dataset.string(),
                                            "--stage",
                                            name,
                                            "--threads",
                                            std::to_string(options.cpusPerTask)};
        if (options.ntasks > 1)
            command.insert(command.end(), {"--ntasks", std::to_string(options.ntasks)});
        if (options.retryFailed)
            command.push_back("--retry-failed");
        text += "exec " + commandLine(command) + " --task \"$SLURM_ARRAY_TASK_ID\"\n";
        const std::filesystem::path file = folder / (name + ".sbatch");
        data::writeFileAtomically(file, [&](const std::filesystem::path &partial) { data::writeBytes(partial, text, file); });
        std::filesystem::permissions(file, std::filesystem::perms::owner_exec | std::filesystem::perms::group_exec,
                                     std::filesystem::perm_options::add, ec);
        scripts.emplace_back(stage, file);
    }
    if (!options.submit) {
        std::printf("Slurm scripts for sweep %s in %s; submit them with:\n", plan.name.c_str(), folder.c_str());
        bool pretrain = false;
        for (const auto &[stage, file] : scripts) {
            if (stage == learn::SweepStage::Pretrain) {
                std::printf("  pretrain=$(sbatch --parsable %s)\n", shellQuoted(file.string()).c_str());
                pretrain = true;
            } else if (stage == learn::SweepStage::Dependent && pretrain) {
                std::printf("  sbatch --dependency=afterok:$pretrain %s\n", shellQuoted(file.string()).c_str());
            } else {
                std::printf("  sbatch %s\n", shellQuoted(file.string()).c_str());
            }
        }
        std::printf("(or add --submit); 'xmw sweep %s --status' follows them\n", shellQuoted(spec.string()).c_str());
        return 0;
    }
    std::string pretrainJob;
    for (const auto &[stage, file] : scripts) {
        std::string command = "sbatch --parsable";
        if (stage == learn::SweepStage::Dependent && !pretrainJob.empty())
            command += " --dependency=afterok:" + pretrainJob;
        command += " " + shellQuoted(file.string()) + " 2>&1";
        FILE *pipe = ::popen(command.c_str(), "r");
        if (!pipe)
            throw data::DataError(file, "cannot run sbatch");
        std::string output;
        char buffer[256];
        while (std::fgets(buffer, sizeof buffer, pipe))
            output += buffer;
        const int status = ::pclose(pipe);
        while (!output.empty() && (output.back() == '\n' || output.back() == '\r'))
            output.pop_back();
        if (status != 0) {
            const bool missing = WIFEXITED(status) && WEXITSTATUS(status) == 127;
            throw data::DataError(file,
                                  missing ? "sbatch was not found: submit from a Slurm login node, or without --submit print the commands"
                                          : "sbatch refused the script: " + output);
        }
        const std::string job = output.substr(0, output.find(';'));
        if (stage == learn::SweepStage::Pretrain)
            pretrainJob = job;
        std::printf("submitted %s: job %s (%zu tasks)\n", file.filename().c_str(), job.c_str(), plan.stageRuns(stage).size());
    }
    return 0;
}

} // namespace

int sweep(const Arguments &raw)
{
    const Args args(raw, {"dataset", "jobs", "threads", "ntasks", "stage", "task", "partition", "time", "cpus-per-task", "mem"},
                    {"dry-run", "status", "retry-failed", "slurm", "submit"});
    if (args.positional().size() != 1)
        throw UsageError("expects one sweep file (see docs/sweeps.md)");
    const int modes = int(args.flag("dry-run")) + int(args.flag("status")) + int(args.flag("slurm")) + int(args.option("task").has_value());
    if (modes > 1)
        throw UsageError("--dry-run, --status, --slurm and --task exclude each other");
    if (args.option("task").has_value() != args.option("stage").has_value())
        throw UsageError("--task I and --stage NAME go together (a Slurm array task)");
    if (args.flag("submit") && !args.flag("slurm"))
        throw UsageError("--submit applies to --slurm");
    for (const char *slurmOnly : {"partition", "time", "cpus-per-task", "mem"})
        if (args.option(slurmOnly) && !args.flag("slurm"))
            throw UsageError(std::string("--") + slurmOnly + " applies to --slurm");
    if (args.option("jobs") && (args.flag("slurm") || args.option("task")))
        throw UsageError("--jobs is for running on this machine; Slurm decides how many tasks run at once");

    const std::optional<std::filesystem::path> dataset =
        args.option("dataset") ? std::optional<std::filesystem::path>(*args.option("dataset")) : std::nullopt;
    const SweepPlan plan = learn::readSweep(args.positional().front(), dataset);
    std::error_code ec;
    if (!std::filesystem::is_directory(plan.dataset, ec))
        throw data::DataError(plan.dataset, "the sweep's dataset folder is not there");
    checkRuns(plan);

    if (args.flag("status"))
        return printStatus(plan);
    const int cores = int(std::max(1u, std::thread::hardware_concurrency()));
    // Processes per run: each run is one distributed run over this many (docs/distributed.md).
    const int ntasks = args.integer("ntasks", 1, 1, 4096);
    if (args.flag("slurm")) {
        SlurmOptions options;
        options.partition = args.option("partition").value_or("");
        options.time = args.option("time").value_or("");
        options.memory = args.option("mem").value_or("");
        options.cpusPerTask = args.integer("cpus-per-task", args.integer("threads", 1, 1, 1024), 1, 1024);
        options.ntasks = ntasks;
        options.retryFailed = args.flag("retry-failed");
        options.submit = args.flag("submit");
        return writeSlurmScripts(plan, options);
    }
    if (args.option("task")) {
        const auto stage = learn::parseStage(*args.option("stage"));
        if (!stage)
            throw UsageError("--stage is pretrain, independent or dependent, not '" + *args.option("stage") + "'");
        // Inside the array task's allocation of --ntasks tasks: srun starts the run's processes.
        return runTask(plan, *stage, args.integer("task", 0, 0, 1000000), args.integer("threads", 1, 1, 1024), {ntasks, ntasks > 1},
                       args.flag("retry-failed"));
    }
    const int jobs = args.integer("jobs", 1, 1, 1024);
    const int threads = args.integer("threads", std::max(1, cores / (jobs * ntasks)), 1, 1024);
    if (jobs * ntasks * threads > cores)
        throw UsageError("--jobs " + std::to_string(jobs) + (ntasks > 1 ? " × --ntasks " + std::to_string(ntasks) : std::string()) +
                         " × --threads " + std::to_string(threads) + " = " + std::to_string(jobs * ntasks * threads) +
                         " threads, more than this machine's " + std::to_string(cores) + " cores: they would slow each other down");
    if (args.flag("dry-run"))
        return printPlan(plan, threads, {ntasks, false});
    return runLocally(plan, jobs, threads, {ntasks, false}, args.flag("retry-failed"));
}

} // namespace xmw::cli
