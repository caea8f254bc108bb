#include "core/learn/checkpoint.h"

#include "core/data/atomic_file.h"
#include "core/data/data_error.h"
#include "core/learn/run_file.h"

#include <sstream>

namespace xmw::learn {

namespace {

torch::Tensor bytesTensor(const std::string &bytes)
{
    return torch::from_blob(const_cast<char *>(bytes.data()), {int64_t(bytes.size())}, torch::kUInt8).clone();
}

std::string tensorBytes(const torch::Tensor &t)
{
    const torch::Tensor c = t.contiguous();
    return {reinterpret_cast<const char *>(c.data_ptr<uint8_t>()), std::size_t(c.numel())};
}

} // namespace

std::string encodeHistory(const std::vector<EpochRecord> &history)
{
    std::ostringstream out;
    out.precision(17);
    for (const auto &h : history)
        out << h.member << '\t' << h.phase << '\t' << h.epoch << '\t' << h.trainLoss << '\t' << h.validationLoss << '\t' << h.sourceLoss
            << '\t' << h.targetLoss << '\t' << h.domainLoss << '\t' << h.seconds << '\n';
    return out.str();
}

std::vector<EpochRecord> decodeHistory(const std::string &text)
{
    std::vector<EpochRecord> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        std::istringstream fields(line);
        EpochRecord h;
        fields >> h.member >> h.phase >> h.epoch;
        // Read as text: operator>> does not parse "nan", strtod does.
        for (double *value : {&h.trainLoss, &h.validationLoss, &h.sourceLoss, &h.targetLoss, &h.domainLoss, &h.seconds}) {
            std::string text;
            fields >> text;
            *value = std::strtod(text.c_str(), nullptr);
        }
        out.push_back(h);
    }
    return out;
}

std::filesystem::path Checkpoint::pathFor(const std::filesystem::path &runFile) { return checkpointPathFor(runFile); }

void Checkpoint::write(const std::filesystem::path &path, const CheckpointState &state, torch::nn::Module &model, torch::nn::Module *aux,
                       torch::optim::Optimizer &optimizer, const std::vector<torch::Tensor> &best)
{
    torch::serialize::OutputArchive archive;
    archive.write("config", c10::IValue(state.config.toJson()));
    archive.write("member", c10::IValue(int64_t(state.position.member)));
    archive.write("phase", c10::IValue(int64_t(state.position.phase)));
    archive.write("epoch", c10::IValue(int64_t(state.position.epoch)));
    archive.write("bad_epochs", c10::IValue(int64_t(state.position.badEpochs)));
    archive.write("best_loss", c10::IValue(state.position.bestLoss));
    archive.write("have_best", c10::IValue(state.position.haveBest));
    archive.write("history", c10::IValue(encodeHistory(state.history)));
    archive.write("done", c10::IValue(int64_t(state.doneModels.size())));
    for (std::size_t i = 0; i < state.doneModels.size(); ++i)
        archive.write("done_" + std::to_string(i), bytesTensor(state.doneModels[i]));
    torch::serialize::OutputArchive modelArchive, auxArchive, optimizerArchive;
    model.save(modelArchive);
    archive.write("model", modelArchive);
    if (aux) {
        aux->save(auxArchive);
        archive.write("aux", auxArchive);
    }
    optimizer.save(optimizerArchive);
    archive.write("optimizer", optimizerArchive);
    for (std::size_t i = 0; i < best.size(); ++i)
        archive.write("best_" + std::to_string(i), best[i]);
    // Serialised in memory, then written with checked writes: LibTorch's file writer reports a
    // failed write (a full disk) from a destructor, which ends the process.
    std::ostringstream bytes;
    archive.save_to(bytes);
    data::writeFileAtomically(path, [&](const std::filesystem::path &partial) { data::writeBytes(partial, bytes.view(), path); });
}

Checkpoint Checkpoint::open(const std::filesystem::path &path)
{
    Checkpoint c;
    c.path_ = path;
    try {
        c.archive_.load_from(path.string());
        c10::IValue v;
        c.archive_.read("config", v);
        auto config = TrainingConfig::fromJson(v.toStringRef());
        if (!config)
            throw data::DataError(path, "its configuration is not readable: " + v.toStringRef());
        c.state_.config = std::move(*config);
        c.archive_.read("member", v), c.state_.position.member = int(v.toInt());
        c.archive_.read("phase", v), c.state_.position.phase = int(v.toInt());
        c.archive_.read("epoch", v), c.state_.position.epoch = int(v.toInt());
        c.archive_.read("bad_epochs", v), c.state_.position.badEpochs = int(v.toInt());
        c.archive_.read("best_loss", v), c.state_.position.bestLoss = v.toDouble();
        c.archive_.read("have_best", v), c.state_.position.haveBest = v.toBool();
        c.archive_.read("history", v), c.state_.history = decodeHistory(v.toStringRef());
        c.archive_.read("done", v);
        for (int64_t i = 0; i < v.toInt(); ++i) {
            torch::Tensor bytes;
            c.archive_.read("done_" + std::to_string(i), bytes);
            c.state_.doneModels.push_back(tensorBytes(bytes));
        }
    } catch (const c10::Error &e) {
        throw data::DataError(path, std::string("not a readable checkpoint: ") + e.what_without_backtrace());
    }
    return c;
}

void Checkpoint::restore(torch::nn::Module &model, torch::nn::Module *aux, torch::optim::Optimizer &optimizer,
                         std::vector<torch::Tensor> &best)
{
    try {
        torch::serialize::InputArchive part;
        archive_.read("model", part);
        model.load(part);
        if (aux && archive_.try_read("aux", part))
            aux->load(part);
        archive_.read("optimizer", part);
        optimizer.load(part);
        if (state_.position.haveBest)
            for (std::size_t i = 0; i < best.size(); ++i)
                archive_.read("best_" + std::to_string(i), best[i]);
    } catch (const c10::Error &e) {
        throw data::DataError(path_, std::string("cannot resume from it: ") + e.what_without_backtrace());
    }
}

} // namespace xmw::learn
