#pragma once

#include "core/learn/rendezvous.h"

#include <torch/torch.h>

#include <chrono>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace xmw::learn {

// Another process of a distributed run failed, vanished or did not come: this one stops too.
struct DistributedError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The processes of one data-parallel run, over PyTorch's own c10d (TCPStore to meet, Gloo to talk).
// Every collective call must be made by every process in the same order; a peer that dies makes
// the others' next call throw DistributedError (its socket closes) and a silent one does after
// `timeout`.
class DataParallel {
public:
    // Meets the others; rank 0 serves the store and waits `timeout` for all to arrive.
    DataParallel(const Rendezvous &rendezvous, std::chrono::seconds timeout);
    ~DataParallel();
    DataParallel(const DataParallel &) = delete;
    DataParallel &operator=(const DataParallel &) = delete;

    [[nodiscard]] int rank() const { return rank_; }
    [[nodiscard]] int worldSize() const { return worldSize_; }

    // This process's part of a batch: a contiguous slice, the first ones one longer where it does
    // not divide. Every process computes the others' slices the same way.
    template <typename T>
    [[nodiscard]] std::vector<T> shareOf(const std::vector<T> &all) const
    {
        const std::size_t n = all.size(), w = std::size_t(worldSize_), r = std::size_t(rank_);
        const std::size_t begin = r * (n / w) + std::min(r, n % w), size = n / w + (r < n % w ? 1 : 0);
        return std::vector<T>(all.begin() + std::ptrdiff_t(begin), all.begin() + std::ptrdiff_t(begin + size));
    }

    // Sums over processes, in place, on every process.
    void sum(std::vector<double> &values);
    // Sums the parameters' gradients over processes in buckets of about `kBucketBytes` (one
    // message per bucket, not per tensor: small models would be all latency). A parameter
    // without a gradient counts as zeros.
    void sumGradients(const std::vector<torch::Tensor> &parameters);
    // Rank 0's values on every process.
    void broadcast(const std::vector<torch::Tensor> &tensors);
    // Throws DistributedError when the tensors are not bit for bit the same on every process
    // (they are compared by checksums); `what` names them in the message.
    void checkSame(const std::vector<torch::Tensor> &tensors, const std::string &what);

    // Seconds spent waiting in collectives so far: the share of communication in a run.
    [[nodiscard]] double communicationSeconds() const { return communicationSeconds_; }

    static constexpr std::size_t kBucketBytes = 4u << 20;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    int rank_ = 0, worldSize_ = 1;
    double communicationSeconds_ = 0;
};

} // namespace xmw::learn
