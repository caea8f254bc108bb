#include "core/learn/data_parallel.h"

#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>

#include <cstdlib>

namespace xmw::learn {

namespace {

using Clock = std::chrono::steady_clock;

// c10's messages carry a C++ backtrace; the first line says what happened.
std::string firstLine(const std::exception &e)
{
    const auto *c10 = dynamic_cast<const c10::Error *>(&e);
    std::string text = c10 ? c10->what_without_backtrace() : e.what();
    if (const auto end = text.find('\n'); end != std::string::npos)
        text.resize(end);
    return text;
}

std::shared_ptr<::gloo::transport::Device> transportDevice(const Rendezvous &r)
{
    if (const char *interface = std::getenv("GLOO_SOCKET_IFNAME"); interface && *interface)
        return c10d::ProcessGroupGloo::createDeviceForInterface(interface);
    // All on one machine (xmw launch): loopback needs no name resolution.
    if (r.masterAddress == "127.0.0.1" || r.masterAddress == "localhost")
        return c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1");
    return c10d::ProcessGroupGloo::createDefaultDevice();
}

} // namespace

struct DataParallel::Impl {
    c10::intrusive_ptr<c10d::Store> store;
    c10::intrusive_ptr<c10d::ProcessGroupGloo> group;
};

DataParallel::DataParallel(const Rendezvous &r, std::chrono::seconds timeout)
    : impl_(std::make_unique<Impl>())
    , rank_(r.rank)
    , worldSize_(r.worldSize)
{
    const std::string where = r.masterAddress + ":" + std::to_string(r.masterPort);
    try {
        c10d::TCPStoreOptions options;
        options.port = std::uint16_t(r.masterPort);
        options.isServer = r.rank == 0;
        options.numWorkers = std::size_t(r.worldSize);
        options.waitWorkers = true;
        options.timeout = timeout;
        impl_->store = c10::make_intrusive<c10d::TCPStore>(r.masterAddress, options);
        // Everyone signs in, then waits for all the names: the store alone does not wait for them.
        impl_->store->set("xmw/arrived/" + std::to_string(r.rank), std::vector<std::uint8_t>{1});
        std::vector<std::string> everyone;
        for (int rank = 0; rank < r.worldSize; ++rank)
            everyone.push_back("xmw/arrived/" + std::to_string(rank));
        impl_->store->wait(everyone, timeout);
    } catch (const std::exception &e) {
        throw DistributedError("process " + std::to_string(r.rank) + " of " + std::to_string(r.worldSize) +
                               " could not meet the others at " + where + " within " + std::to_string(timeout.count()) + " s (" +
                               firstLine(e) +
                               "); are all processes started, with the same MASTER_ADDR and MASTER_PORT, and is the port free?");
    }
    try {
        auto options = c10d::ProcessGroupGloo::Options::create(timeout);
        options->devices.push_back(transportDevice(r));
        options->threads = 1; // collectives are issued one at a time and waited for
        impl_->group = c10::make_intrusive<c10d::ProcessGroupGloo>(impl_->store, r.rank, r.worldSize, options);
    } catch (const std::exception &e) {
        throw DistributedError("process " + std::to_string(r.rank) + " of " + std::to_string(r.worldSize) + " met the others at " + where +
                               " but could not connect to them (" + firstLine(e) +
                               "); on several hosts, GLOO_SOCKET_IFNAME=IFACE names the network to use");
    }
}

DataParallel::~DataParallel() = default;

namespace {

template <typename Call>
void collective(int rank, int worldSize, double &seconds, Call &&call)
{
    const auto start = Clock::now();
    try {
        auto work = call();
        work->wait();
    } catch (const std::exception &e) {
        throw DistributedError("process " + std::to_string(rank) + " of " + std::to_string(worldSize) +
                               ": another process of the distributed run stopped or stopped answering (" + firstLine(e) + ")");
    }
    seconds += std::chrono::duration<double>(Clock::now() - start).count();
}

} // namespace

void DataParallel::sum(std::vector<double> &values)
{
    if (values.empty())
        return;
    std::vector<at::Tensor> tensors{torch::from_blob(values.data(), {std::int64_t(values.size())}, torch::kDouble).clone()};
    collective(rank_, worldSize_, communicationSeconds_, [&] { return impl_->group->allreduce(tensors); });
    std::copy_n(tensors[0].data_ptr<double>(), values.size(), values.begin());
}

void DataParallel::sumGradients(const std::vector<torch::Tensor> &parameters)
{
    torch::NoGradGuard noGrad;
    std::vector<torch::Tensor> bucket;
    std::size_t bytes = 0;
    const auto flush = [&] {
        if (bucket.empty())
            return;
        std::vector<torch::Tensor> flat;
        for (const auto &p : bucket)
            flat.push_back(p.grad().reshape({-1}));
        std::vector<at::Tensor> message{torch::cat(flat)};
        collective(rank_, worldSize_, communicationSeconds_, [&] { return impl_->group->allreduce(message); });
        std::int64_t offset = 0;
        for (const auto &p : bucket) {
            const std::int64_t n = p.grad().numel();
            p.grad().copy_(message[0].slice(0, offset, offset + n).view_as(p.grad()));
            offset += n;
        }
        bucket.clear();
        bytes = 0;
    };
    for (const auto &p : parameters) {
        if (!p.grad().defined()) {
            torch::Tensor handle = p;
            handle.mutable_grad() = torch::zeros_like(p);
        }
        bucket.push_back(p);
        bytes += std::size_t(p.numel()) * p.element_size();
        if (bytes >= kBucketBytes)
            flush();
    }
    flush();
}

void DataParallel::broadcast(const std::vector<torch::Tensor> &tensors)
{
    torch::NoGradGuard noGrad;
    for (const auto &t : tensors) {
        std::vector<at::Tensor> message{t.detach().contiguous().clone()};
        collective(rank_, worldSize_, communicationSeconds_, [&] { return impl_->group->broadcast(message); });
        torch::Tensor handle = t;
        handle.copy_(message[0]);
    }
}

void DataParallel::checkSame(const std::vector<torch::Tensor> &tensors, const std::string &what)
{
    torch::NoGradGuard noGrad;
    std::vector<double> sums;
    for (const auto &t : tensors) {
        const torch::Tensor d = t.detach().to(torch::kDouble);
        sums.push_back(d.sum().item<double>());
        sums.push_back(d.pow(2).sum().item<double>());
    }
    std::vector<at::Tensor> high{torch::tensor(sums, torch::kDouble)}, low{high[0].clone()};
    c10d::AllreduceOptions max, min;
    max.reduceOp = c10d::ReduceOp::MAX;
    min.reduceOp = c10d::ReduceOp::MIN;
    collective(rank_, worldSize_, communicationSeconds_, [&] { return impl_->group->allreduce(high, max); });
    collective(rank_, worldSize_, communicationSeconds_, [&] { return impl_->group->allreduce(low, min); });
    // NaN weights (a run that blew up) are the same NaN everywhere, not a disagreement.
    const torch::Tensor agree = (high[0] == low[0]) | (torch::isnan(high[0]) & torch::isnan(low[0]));
    if (!agree.all().item<bool>())
        throw DistributedError("the processes' " + what + " differ (their checksums do not match): the distributed run is not consistent");
}

} // namespace xmw::learn
