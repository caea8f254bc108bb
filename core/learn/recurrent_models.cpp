// LSTM, GRU, EA-LSTM and TCN.
#include "core/learn/fused_recurrence.h"
#include "core/learn/sequence_model.h"

namespace xmw::learn {

namespace nn = torch::nn;
namespace F = torch::nn::functional;

namespace {

class RecurrentModel : public SequenceModel {
public:
    RecurrentModel(const ModelOptions &o, int features)
    {
        const int layers = o.layerCount();
        const double between = layers > 1 ? o.dropout : 0.0;
        if (o.kind == ModelKind::Gru)
            gru_ =
                register_module("rnn", nn::GRU(nn::GRUOptions(features, o.hidden).num_layers(layers).batch_first(true).dropout(between)));
        else
            lstm_ =
                register_module("rnn", nn::LSTM(nn::LSTMOptions(features, o.hidden).num_layers(layers).batch_first(true).dropout(between)));
        dropout_ = register_module("dropout", nn::Dropout(o.dropout));
        head_ = register_module("head", nn::Linear(o.hidden, 1));
    }

    Kernels kernelsFor(const torch::Tensor &x) const override { return fusedKernelsTake(x) ? kernels() : Kernels::LibTorch; }

    SequenceOutput forward(const torch::Tensor &x) override
    {
        torch::Tensor h;
        if (fusedFor(x))
            h = lstm_ ? fusedForward(*lstm_, x) : fusedForward(*gru_, x);
        else
            h = lstm_ ? std::get<0>(lstm_->forward(x)) : std::get<0>(gru_->forward(x));
        h = dropout_(h);
        return {h, head_(h).squeeze(-1)};
    }

private:
    nn::LSTM lstm_{nullptr};
    nn::GRU gru_{nullptr};
    nn::Dropout dropout_{nullptr};
    nn::Linear head_{nullptr};
};

// Kratzert et al.'s entity-aware LSTM: the input gate depends on the static features only, so it
// is computed once per sample; the dynamic features drive the forget, cell and output gates.
// Layers beyond the first are ordinary LSTM layers on top.
class EaLstmModel : public SequenceModel {
public:
    EaLstmModel(const ModelOptions &o, int features)
        : hidden_(o.hidden)
    {
        inputGate_ = register_module("input_gate", nn::Linear(kStaticFeatures, o.hidden));
        dynamicGates_ = register_module("dynamic_gates", nn::Linear(features - kStaticFeatures, 3 * o.hidden));
        recurrentGates_ = register_module("recurrent_gates", nn::Linear(nn::LinearOptions(o.hidden, 3 * o.hidden).bias(false)));
        {
            // A forget-gate bias of 1 keeps the cell state alive early in training.
            torch::NoGradGuard noGrad;
            dynamicGates_->bias.slice(0, 0, o.hidden).fill_(1.0);
        }
        if (o.layerCount() > 1)
            upper_ = register_module("upper",
                                     nn::LSTM(nn::LSTMOptions(o.hidden, o.hidden)
                                                  .num_layers(o.layerCount() - 1)
                                                  .batch_first(true)
                                                  .dropout(o.layerCount() > 2 ? o.dropout : 0.0)));
        dropout_ = register_module("dropout", nn::Dropout(o.dropout));
        head_ = register_module("head", nn::Linear(o.hidden, 1));
    }

    Kernels kernelsFor(const torch::Tensor &x) const override { return fusedKernelsTake(x) ? kernels() : Kernels::LibTorch; }

    SequenceOutput forward(const torch::Tensor &x) override
    {
        const bool fused = fusedFor(x);
        const torch::Tensor i = torch::sigmoid(inputGate_(x.select(1, 0).slice(-1, 0, kStaticFeatures)));
        const torch::Tensor dynamic = dynamicGates_(x.slice(-1, kStaticFeatures));
        torch::Tensor out = fused ? eaLstmRecurrence(i, dynamic, recurrentGates_->weight) : unfusedRecurrence(i, dynamic);
        if (upper_)
            out = fused ? fusedForward(*upper_, dropout_(out)) : std::get<0>(upper_->forward(dropout_(out)));
        out = dropout_(out);
        return {out, head_(out).squeeze(-1)};
    }

private:
    // The recurrence in LibTorch's operations, a day at a time.
    torch::Tensor unfusedRecurrence(const torch::Tensor &i, const torch::Tensor &dynamicGates)
    {
        const auto batch = dynamicGates.size(0), days = dynamicGates.size(1);
        // unbind, not select per step: select's backward writes a full-size gradient every day.
        const std::vector<torch::Tensor> dynamic = dynamicGates.unbind(1);
        torch::Tensor h = torch::zeros({batch, hidden_}, dynamicGates.options());
        torch::Tensor c = torch::zeros({batch, hidden_}, dynamicGates.options());
        std::vector<torch::Tensor> states;
        states.reserve(std::size_t(days));
        for (int64_t t = 0; t < days; ++t) {
            const auto gates = (dynamic[std::size_t(t)] + recurrentGates_(h)).chunk(3, -1);
            c = torch::sigmoid(gates[0]) * c + i * torch::tanh(gates[1]);
            h = torch::sigmoid(gates[2]) * torch::tanh(c);
            states.push_back(h);
        }
        return torch::stack(states, 1);
    }

    int64_t hidden_;
    nn::Linear inputGate_{nullptr}, dynamicGates_{nullptr}, recurrentGates_{nullptr}, head_{nullptr};
    nn::LSTM upper_{nullptr};
    nn::Dropout dropout_{nullptr};
};

// Two dilated causal convolutions with a residual connection (Bai et al.).
class TemporalBlockImpl : public nn::Module {
public:
    TemporalBlockImpl(int in, int out, int kernel, int dilation, double dropout)
        : padding_((kernel - 1) * dilation)
    {
        conv1_ = register_module("conv1", nn::Conv1d(nn::Conv1dOptions(in, out, kernel).dilation(dilation)));
        conv2_ = register_module("conv2", nn::Conv1d(nn::Conv1dOptions(out, out, kernel).dilation(dilation)));
        if (in != out)
            downsample_ = register_module("downsample", nn::Conv1d(nn::Conv1dOptions(in, out, 1)));
        dropout_ = register_module("dropout", nn::Dropout(dropout));
    }

    torch::Tensor forward(const torch::Tensor &x) // B × C × T
    {
        // Padding on the left only: day t never sees a later day.
        torch::Tensor y = dropout_(torch::relu(conv1_(F::pad(x, F::PadFuncOptions({padding_, 0})))));
        y = dropout_(torch::relu(conv2_(F::pad(y, F::PadFuncOptions({padding_, 0})))));
        return torch::relu(y + (downsample_ ? downsample_(x) : x));
    }

private:
    int64_t padding_;
    nn::Conv1d conv1_{nullptr}, conv2_{nullptr}, downsample_{nullptr};
    nn::Dropout dropout_{nullptr};
};
TORCH_MODULE(TemporalBlock);

class TcnModel : public SequenceModel {
public:
    TcnModel(const ModelOptions &o, int features)
    {
        // Kernel 3 with dilations 1, 2, 4, …: six levels see 253 days back.
        for (int level = 0; level < o.layerCount(); ++level)
            blocks_->push_back(TemporalBlock(level == 0 ? features : o.hidden, o.hidden, 3, 1 << level, o.dropout));
        register_module("blocks", blocks_);
        head_ = register_module("head", nn::Linear(o.hidden, 1));
    }

    SequenceOutput forward(const torch::Tensor &x) override
    {
        torch::Tensor h = x.transpose(1, 2);
        for (const auto &block : *blocks_)
            h = block->as<TemporalBlock>()->forward(h);
        h = h.transpose(1, 2);
        return {h, head_(h).squeeze(-1)};
    }

private:
    nn::ModuleList blocks_;
    nn::Linear head_{nullptr};
};

} // namespace

Kernels SequenceModel::kernelsFor(const torch::Tensor &) const { return Kernels::LibTorch; }

std::shared_ptr<SequenceModel> makeRecurrentModel(const ModelOptions &options, int features, int /*days*/)
{
    switch (options.kind) {
    case ModelKind::Lstm:
    case ModelKind::Gru: return std::make_shared<RecurrentModel>(options, features);
    case ModelKind::EaLstm: return std::make_shared<EaLstmModel>(options, features);
    case ModelKind::Tcn: return std::make_shared<TcnModel>(options, features);
    default: return nullptr;
    }
}

std::shared_ptr<SequenceModel> makeModel(const ModelOptions &options, int features, int days)
{
    if (const std::string problem = options.problem(); !problem.empty())
        throw std::invalid_argument(modelName(options.kind) + ": " + problem);
    if (auto model = makeRecurrentModel(options, features, days))
        return model;
    return makeAttentionModel(options, features, days);
}

} // namespace xmw::learn
