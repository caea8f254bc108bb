#pragma once

#include <functional>
#include <optional>
#include <stdexcept>
#include <string>

namespace xmw::learn {

// A distributed run whose environment is missing or contradicts itself; the message names the variable.
struct RendezvousError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Where the processes of one data-parallel run meet and who this one is.
struct Rendezvous {
    std::string masterAddress; // rank 0's host: it serves the TCPStore
    int masterPort = 0;
    int worldSize = 1, rank = 0;
    int localRank = 0, localWorldSize = 1; // on this host; threads are shared among the local ones
    int cpusPerProcess = 0; // Slurm's --cpus-per-task; 0: not given
    std::string source; // "torchrun environment" or "Slurm", for messages
};

using EnvironmentLookup = std::function<std::optional<std::string>(const std::string &name)>;

// The process's own environment.
[[nodiscard]] std::optional<std::string> processEnvironment(const std::string &name);

// The rendezvous as torchrun (and `xmw launch`) describe it, MASTER_ADDR, MASTER_PORT, WORLD_SIZE,
// RANK, LOCAL_RANK, LOCAL_WORLD_SIZE; failing that, as a Slurm step does, SLURM_PROCID,
// SLURM_NTASKS, SLURM_LOCALID, with the first host of the step as master and a port derived from
// the job id unless MASTER_ADDR / MASTER_PORT say otherwise. Throws RendezvousError.
[[nodiscard]] Rendezvous rendezvousFromEnvironment(const EnvironmentLookup &lookup = processEnvironment);

// The first host of a Slurm host list: "node[03-05,9],gpu1" → "node03". Throws RendezvousError.
[[nodiscard]] std::string firstSlurmHost(const std::string &hostList);

} // namespace xmw::learn
