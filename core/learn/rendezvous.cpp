#include "core/learn/rendezvous.h"

#include <cerrno>
#include <cstdlib>
#include <limits>

namespace xmw::learn {

namespace {

constexpr const char *kExpected = "a distributed run reads MASTER_ADDR, MASTER_PORT, WORLD_SIZE and RANK (as `xmw launch` and "
                                  "torchrun set them) or runs as a Slurm step (srun sets SLURM_PROCID and SLURM_NTASKS)";

int integerVariable(const EnvironmentLookup &lookup, const std::string &name, int low, int high, std::optional<int> fallback = {})
{
    const auto text = lookup(name);
    if (!text || text->empty()) {
        if (fallback)
            return *fallback;
        throw RendezvousError(name + " is not set; " + kExpected);
    }
    char *end = nullptr;
    errno = 0;
    const long value = std::strtol(text->c_str(), &end, 10);
    if (errno != 0 || end == text->c_str() || *end != '\0' || value < low || value > high)
        throw RendezvousError(name + "='" + *text + "' is not a whole number from " + std::to_string(low) + " to " + std::to_string(high));
    return int(value);
}

} // namespace

std::optional<std::string> processEnvironment(const std::string &name)
{
    if (const char *value = std::getenv(name.c_str()))
        return std::string(value);
    return std::nullopt;
}

std::string firstSlurmHost(const std::string &hostList)
{
    // Up to the first comma outside brackets; a bracket holds numbers and ranges of numbers.
    const std::size_t open = hostList.find('[');
    const std::size_t comma = hostList.find(',');
    if (open == std::string::npos || (comma != std::string::npos && comma < open)) {
        const std::string first = hostList.substr(0, comma);
        if (first.empty())
            throw RendezvousError("the Slurm host list '" + hostList + "' names no host");
        return first;
    }
    const std::size_t close = hostList.find(']', open);
    if (close == std::string::npos || open == 0)
        throw RendezvousError("the Slurm host list '" + hostList + "' is not of the form name[1-4,7],...");
    const std::string inside = hostList.substr(open + 1, close - open - 1);
    const std::size_t end = inside.find_first_of(",-");
    const std::string number = inside.substr(0, end);
    if (number.empty() || number.find_first_not_of("0123456789") != std::string::npos)
        throw RendezvousError("the Slurm host list '" + hostList + "' is not of the form name[1-4,7],...");
    std::string suffix = hostList.substr(close + 1);
    suffix = suffix.substr(0, suffix.find(','));
    return hostList.substr(0, open) + number + suffix;
}

Rendezvous rendezvousFromEnvironment(const EnvironmentLookup &lookup)
{
    constexpr int kMaxWorld = 1 << 20;
    Rendezvous r;
    const auto masterPort = [&](std::optional<int> fallback) { return integerVariable(lookup, "MASTER_PORT", 1, 65535, fallback); };
    if (lookup("WORLD_SIZE") || lookup("RANK")) {
        r.source = "torchrun environment";
        r.worldSize = integerVariable(lookup, "WORLD_SIZE", 1, kMaxWorld);
        r.rank = integerVariable(lookup, "RANK", 0, r.worldSize - 1);
        r.localRank = integerVariable(lookup, "LOCAL_RANK", 0, r.worldSize - 1, r.rank);
        r.localWorldSize = integerVariable(lookup, "LOCAL_WORLD_SIZE", 1, r.worldSize, r.worldSize);
        r.masterAddress = lookup("MASTER_ADDR").value_or("");
        if (r.masterAddress.empty())
            throw RendezvousError(std::string("MASTER_ADDR is not set; ") + kExpected);
        r.masterPort = masterPort(std::nullopt);
    } else if (lookup("SLURM_PROCID") && lookup("SLURM_NTASKS")) {
        r.source = "Slurm";
        r.worldSize = integerVariable(lookup, "SLURM_NTASKS", 1, kMaxWorld);
        r.rank = integerVariable(lookup, "SLURM_PROCID", 0, r.worldSize - 1);
        r.localRank = integerVariable(lookup, "SLURM_LOCALID", 0, r.worldSize - 1, 0);
        // Tasks on this node: "SLURM_TASKS_PER_NODE=2(x3),1" is per node; SLURM_NTASKS_PER_NODE only
        // when asked for, so the node's CPUs are shared by what each task was given instead.
        r.localWorldSize = integerVariable(lookup, "SLURM_NTASKS_PER_NODE", 1, r.worldSize, 1);
        r.cpusPerProcess = integerVariable(lookup, "SLURM_CPUS_PER_TASK", 1, 1 << 16, 0);
        if (const auto address = lookup("MASTER_ADDR"); address && !address->empty()) {
            r.masterAddress = *address;
        } else {
            auto hosts = lookup("SLURM_STEP_NODELIST");
            if (!hosts || hosts->empty())
                hosts = lookup("SLURM_JOB_NODELIST");
            if (!hosts || hosts->empty())
                throw RendezvousError("neither MASTER_ADDR nor SLURM_STEP_NODELIST / SLURM_JOB_NODELIST is set: no host to meet at");
            r.masterAddress = firstSlurmHost(*hosts);
        }
        // One port per job, so that two jobs sharing a first node do not meet each other.
        const int job = integerVariable(lookup, "SLURM_JOB_ID", 0, std::numeric_limits<int>::max(), 0);
        r.masterPort = masterPort(20000 + job % 20000);
    } else {
        throw RendezvousError(std::string("no rendezvous in the environment: ") + kExpected);
    }
    return r;
}

} // namespace xmw::learn
