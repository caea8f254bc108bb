// Transformer, Informer, iTransformer and Pyraformer, on one encoder layer whose attention is
// full, masked (Pyraformer's pyramid) or ProbSparse (Informer).
#include "core/learn/fused_attention.h"
#include "core/learn/fused_recurrence.h"
#include "core/learn/interruption.h"
#include "core/learn/sequence_model.h"

#include <cmath>

namespace xmw::learn {

namespace nn = torch::nn;
namespace F = torch::nn::functional;

namespace {

enum class Attention { Full, ProbSparse };

// Attention scores computed at once, at most (see EncoderLayerImpl::full).
constexpr int64_t kScoreBudget = int64_t(1) << 22;

// Post-norm encoder layer: self-attention and a feed-forward block, each with a residual.
class EncoderLayerImpl : public nn::Module {
public:
    EncoderLayerImpl(int hidden, int heads, double dropout, Attention attention)
        : heads_(heads)
        , attention_(attention)
    {
        query_ = register_module("query", nn::Linear(hidden, hidden));
        key_ = register_module("key", nn::Linear(hidden, hidden));
        value_ = register_module("value", nn::Linear(hidden, hidden));
        out_ = register_module("out", nn::Linear(hidden, hidden));
        feed1_ = register_module("feed1", nn::Linear(hidden, 2 * hidden));
        feed2_ = register_module("feed2", nn::Linear(2 * hidden, hidden));
        norm1_ = register_module("norm1", nn::LayerNorm(nn::LayerNormOptions({hidden})));
        norm2_ = register_module("norm2", nn::LayerNorm(nn::LayerNormOptions({hidden})));
        dropout_ = register_module("dropout", nn::Dropout(dropout));
    }

    // `blocked`: T × T, true where a query may not look at a key. `fused`: full attention on the
    // fused kernel (fused_attention.h) rather than LibTorch's operations.
    torch::Tensor forward(const torch::Tensor &x, bool fused, const torch::Tensor &blocked = {})
    {
        checkInterruption();
        const auto batch = x.size(0), length = x.size(1), hidden = x.size(2), depth = hidden / heads_;
        const auto split = [&](const torch::Tensor &t) { return t.view({batch, length, heads_, depth}).transpose(1, 2); };
        const torch::Tensor q = split(query_(x)), k = split(key_(x)), v = split(value_(x));
        torch::Tensor context = attention_ == Attention::ProbSparse && !blocked.defined() ? probSparse(q, k, v)
            : fused                                                                       ? fusedAttention(q, k, v, blocked)
                                                                                          : full(q, k, v, blocked);
        context = context.transpose(1, 2).reshape({batch, length, hidden});
        torch::Tensor y = norm1_(x + dropout_(out_(context)));
        return norm2_(y + dropout_(feed2_(dropout_(torch::gelu(feed1_(y))))));
    }

private:
    torch::Tensor full(const torch::Tensor &q, const torch::Tensor &k, const torch::Tensor &v, const torch::Tensor &blocked)
    {
        // Scaling the queries rather than the T × T scores, and no dropout on the attention weights
        // (dropout stays on the layer outputs): element-wise passes over B·h·T² values dominate on
        // the CPU, more than the matrix products. A few samples at a time, so that each pass runs
        // over scores that stay in the cache (for 365 days, 8 samples × 4 heads are 17 MB).
        const torch::Tensor scaled = q / std::sqrt(double(q.size(-1)));
        const int64_t step = std::max<int64_t>(1, kScoreBudget / std::max<int64_t>(1, q.size(1) * q.size(2) * k.size(2)));
        std::vector<torch::Tensor> parts;
        for (int64_t start = 0; start < q.size(0); start += step) {
            const int64_t end = std::min(q.size(0), start + step);
            torch::Tensor scores = scaled.slice(0, start, end).matmul(k.slice(0, start, end).transpose(-2, -1));
            if (blocked.defined())
                scores.masked_fill_(blocked, -std::numeric_limits<float>::infinity());
            parts.push_back(torch::softmax(scores, -1).matmul(v.slice(0, start, end)));
        }
        return parts.size() == 1 ? parts.front() : torch::cat(parts, 0);
    }

    // Zhou et al.: only the u = c·ln T most "active" queries (by max − mean of their scores against
    // a sample of u keys) attend; the others take the mean of the values. The key sample is shared
    // by all queries (Informer draws one per query, which needs a T × u × d copy of the keys), and
    // is evenly spaced in evaluation so that predictions are deterministic.
    torch::Tensor probSparse(const torch::Tensor &q, const torch::Tensor &k, const torch::Tensor &v)
    {
        const auto length = q.size(2), depth = q.size(3);
        const int64_t u = std::min<int64_t>(length, int64_t(5 * std::ceil(std::log(double(length)))));
        const torch::Tensor sample = is_training() ? torch::randint(length, {u}, q.options().dtype(torch::kLong))
                                                   : torch::linspace(0, double(length - 1), u, q.options()).to(torch::kLong);
        const torch::Tensor sampled = q.matmul(k.index_select(2, sample).transpose(-2, -1));
        const torch::Tensor activity = std::get<0>(sampled.max(-1)) - sampled.mean(-1);
        const torch::Tensor top = std::get<1>(activity.topk(u, -1)); // B × h × u
        const torch::Tensor index = top.unsqueeze(-1).expand({-1, -1, -1, depth});
        const torch::Tensor scores = q.gather(2, index).matmul(k.transpose(-2, -1)) / std::sqrt(double(depth));
        const torch::Tensor attended = dropout_(torch::softmax(scores, -1)).matmul(v);
        return v.mean(2, true).expand_as(v).scatter(2, index, attended);
    }

    int64_t heads_;
    Attention attention_;
    nn::Linear query_{nullptr}, key_{nullptr}, value_{nullptr}, out_{nullptr}, feed1_{nullptr}, feed2_{nullptr};
    nn::LayerNorm norm1_{nullptr}, norm2_{nullptr};
    nn::Dropout dropout_{nullptr};
};
TORCH_MODULE(EncoderLayer);

torch::Tensor sinusoidalPositions(int64_t length, int64_t hidden)
{
    const torch::Tensor position = torch::arange(length, torch::kFloat).unsqueeze(1);
    const torch::Tensor rate = torch::exp(torch::arange(0, hidden, 2, torch::kFloat) * (-std::log(10000.0) / double(hidden)));
    torch::Tensor table = torch::zeros({length, hidden});
    table.index_put_({torch::indexing::Slice(), torch::indexing::Slice(0, torch::indexing::None, 2)}, torch::sin(position * rate));
    table.index_put_({torch::indexing::Slice(), torch::indexing::Slice(1, torch::indexing::None, 2)},
                     torch::cos(position * rate).slice(1, 0, hidden / 2));
    return table;
}

// Shared by the models that embed days as tokens: a linear embedding plus sinusoidal positions.
class DayTokenModel : public SequenceModel {
protected:
    DayTokenModel(const ModelOptions &o, int features, int days)
    {
        embed_ = register_module("embed", nn::Linear(features, o.hidden));
        positions_ = register_buffer("positions", sinusoidalPositions(days, o.hidden));
        dropout_ = register_module("dropout", nn::Dropout(o.dropout));
        head_ = register_module("head", nn::Linear(o.hidden, 1));
    }

    torch::Tensor embed(const torch::Tensor &x) { return dropout_(embed_(x) + positions_.slice(0, 0, x.size(1))); }
    SequenceOutput finish(const torch::Tensor &h) { return {h, head_(h).squeeze(-1)}; }

    nn::Linear embed_{nullptr}, head_{nullptr};
    nn::Dropout dropout_{nullptr};
    torch::Tensor positions_;
};

class TransformerModel : public DayTokenModel {
public:
    TransformerModel(const ModelOptions &o, int features, int days)
        : DayTokenModel(o, features, days)
    {
        for (int i = 0; i < o.layerCount(); ++i)
            layers_->push_back(EncoderLayer(o.hidden, o.heads, o.dropout, Attention::Full));
        register_module("layers", layers_);
    }

    Kernels kernelsFor(const torch::Tensor &x) const override { return fusedKernelsTake(x) ? kernels() : Kernels::LibTorch; }

    SequenceOutput forward(const torch::Tensor &x) override
    {
        torch::Tensor h = embed(x);
        for (const auto &layer : *layers_)
            h = layer->as<EncoderLayer>()->forward(h, fusedFor(x));
        return finish(h);
    }

private:
    nn::ModuleList layers_;
};

// ProbSparse layers with a distilling step (convolution, batch norm, ELU, max-pool halving the
// length) between them. The per-day output is the coarse encoding interpolated back to every day,
// plus the day's own embedding, since the benchmark asks for a value on each day.
class InformerModel : public DayTokenModel {
public:
    InformerModel(const ModelOptions &o, int features, int days)
        : DayTokenModel(o, features, days)
    {
        for (int i = 0; i < o.layerCount(); ++i) {
            layers_->push_back(EncoderLayer(o.hidden, o.heads, o.dropout, Attention::ProbSparse));
            if (i + 1 < o.layerCount()) {
                distil_->push_back(nn::Conv1d(nn::Conv1dOptions(o.hidden, o.hidden, 3).padding(1)));
                norms_->push_back(nn::BatchNorm1d(o.hidden));
            }
        }
        register_module("layers", layers_);
        register_module("distil", distil_);
        register_module("norms", norms_);
    }

    SequenceOutput forward(const torch::Tensor &x) override
    {
        const torch::Tensor tokens = embed(x);
        torch::Tensor h = tokens;
        for (std::size_t i = 0; i < layers_->size(); ++i) {
            h = layers_[i]->as<EncoderLayer>()->forward(h, false); // ProbSparse has no fused kernel
            if (i < distil_->size()) {
                torch::Tensor c = distil_[i]->as<nn::Conv1d>()->forward(h.transpose(1, 2));
                c = torch::elu(norms_[i]->as<nn::BatchNorm1d>()->forward(c));
                h = F::max_pool1d(c, F::MaxPool1dFuncOptions(3).stride(2).padding(1)).transpose(1, 2);
            }
        }
        if (h.size(1) != tokens.size(1))
            h = F::interpolate(
                    h.transpose(1, 2),
                    F::InterpolateFuncOptions().size(std::vector<int64_t>{tokens.size(1)}).mode(torch::kLinear).align_corners(false))
                    .transpose(1, 2);
        return finish(h + tokens);
    }

private:
    nn::ModuleList layers_, distil_, norms_;
};

// Liu et al.: the tokens are the features, each embedded from its whole series; attention runs
// across features. The per-feature encodings are projected back to days, then mixed per day.
class ITransformerModel : public SequenceModel {
public:
    ITransformerModel(const ModelOptions &o, int features, int days)
    {
        embed_ = register_module("embed", nn::Linear(days, o.hidden));
        for (int i = 0; i < o.layerCount(); ++i)
            layers_->push_back(EncoderLayer(o.hidden, o.heads, o.dropout, Attention::Full));
        register_module("layers", layers_);
        project_ = register_module("project", nn::Linear(o.hidden, days));
        mix_ = register_module("mix", nn::Linear(features, o.hidden));
        dropout_ = register_module("dropout", nn::Dropout(o.dropout));
        head_ = register_module("head", nn::Linear(o.hidden, 1));
    }

    Kernels kernelsFor(const torch::Tensor &x) const override { return fusedKernelsTake(x) ? kernels() : Kernels::LibTorch; }

    SequenceOutput forward(const torch::Tensor &x) override
    {
        torch::Tensor h = dropout_(embed_(x.transpose(1, 2))); // B × F × H
        for (const auto &layer : *layers_)
            h = layer->as<EncoderLayer>()->forward(h, fusedFor(x));
        h = project_(h).transpose(1, 2); // B × T × F
        h = dropout_(torch::gelu(mix_(h))); // B × T × H
        return {h, head_(h).squeeze(-1)};
    }

private:
    nn::Linear embed_{nullptr}, project_{nullptr}, mix_{nullptr}, head_{nullptr};
    nn::ModuleList layers_;
    nn::Dropout dropout_{nullptr};
};

// Liu et al.'s Pyraformer: strided convolutions build coarser scales (days, ~4 days, ~16 days,
// ~2 months); attention runs over all nodes at once, but a node sees only its neighbours on its
// own scale, its parent and its children. Each day's output joins its ancestors' encodings.
class PyraformerModel : public DayTokenModel {
public:
    static constexpr int kStride = 4;
    static constexpr int kScales = 4;
    static constexpr int kNeighbours = 2; // each side, on the same scale

    PyraformerModel(const ModelOptions &o, int features, int days)
        : DayTokenModel(o, features, days)
    {
        lengths_.push_back(days);
        for (int s = 1; s < kScales && lengths_.back() >= kStride; ++s) {
            coarsen_->push_back(nn::Conv1d(nn::Conv1dOptions(o.hidden, o.hidden, kStride).stride(kStride)));
            lengths_.push_back(lengths_.back() / kStride);
        }
        register_module("coarsen", coarsen_);
        for (int i = 0; i < o.layerCount(); ++i)
            layers_->push_back(EncoderLayer(o.hidden, o.heads, o.dropout, Attention::Full));
        register_module("layers", layers_);
        join_ = register_module("join", nn::Linear(o.hidden * int(lengths_.size()), o.hidden));
        blocked_ = register_buffer("blocked", pyramidMask());
        ancestors_ = register_buffer("ancestors", ancestorIndex());
    }

    Kernels kernelsFor(const torch::Tensor &x) const override { return fusedKernelsTake(x) ? kernels() : Kernels::LibTorch; }

    SequenceOutput forward(const torch::Tensor &x) override
    {
        std::vector<torch::Tensor> scales{embed(x)};
        for (const auto &conv : *coarsen_)
            scales.push_back(conv->as<nn::Conv1d>()->forward(scales.back().transpose(1, 2)).transpose(1, 2));
        torch::Tensor h = torch::cat(scales, 1);
        for (const auto &layer : *layers_)
            h = layer->as<EncoderLayer>()->forward(h, fusedFor(x), blocked_);
        // For each day, its own node and its ancestors' nodes, side by side.
        const auto batch = h.size(0), days = lengths_.front();
        const torch::Tensor gathered = h.index_select(1, ancestors_.flatten()).view({batch, days, -1});
        return finish(dropout_(torch::gelu(join_(gathered))));
    }

private:
    torch::Tensor pyramidMask() const
    {
        std::vector<int64_t> offsets{0};
        for (const auto n : lengths_)
            offsets.push_back(offsets.back() + n);
        const int64_t nodes = offsets.back();
        torch::Tensor allowed = torch::zeros({nodes, nodes}, torch::kBool);
        auto a = allowed.accessor<bool, 2>();
        for (std::size_t s = 0; s < lengths_.size(); ++s)
            for (int64_t i = 0; i < lengths_[s]; ++i) {
                const int64_t node = offsets[s] + i;
                for (int64_t j = std::max<int64_t>(0, i - kNeighbours); j <= std::min(lengths_[s] - 1, i + kNeighbours); ++j)
                    a[node][offsets[s] + j] = true;
                if (s + 1 < lengths_.size()) {
                    const int64_t parent = offsets[s + 1] + std::min(i / kStride, lengths_[s + 1] - 1);
                    a[node][parent] = a[parent][node] = true;
                }
            }
        return ~allowed;
    }

    torch::Tensor ancestorIndex() const
    {
        const int64_t days = lengths_.front();
        torch::Tensor index = torch::zeros({days, int64_t(lengths_.size())}, torch::kLong);
        auto a = index.accessor<int64_t, 2>();
        for (int64_t d = 0; d < days; ++d) {
            int64_t offset = 0, position = d;
            for (std::size_t s = 0; s < lengths_.size(); ++s) {
                a[d][int64_t(s)] = offset + std::min(position, lengths_[s] - 1);
                offset += lengths_[s];
                position /= kStride;
            }
        }
        return index;
    }

    std::vector<int64_t> lengths_;
    nn::ModuleList coarsen_, layers_;
    nn::Linear join_{nullptr};
    torch::Tensor blocked_, ancestors_;
};

} // namespace

std::shared_ptr<SequenceModel> makeAttentionModel(const ModelOptions &options, int features, int days)
{
    switch (options.kind) {
    case ModelKind::Transformer: return std::make_shared<TransformerModel>(options, features, days);
    case ModelKind::Informer: return std::make_shared<InformerModel>(options, features, days);
    case ModelKind::ITransformer: return std::make_shared<ITransformerModel>(options, features, days);
    case ModelKind::Pyraformer: return std::make_shared<PyraformerModel>(options, features, days);
    default: throw std::invalid_argument("no such model");
    }
}

} // namespace xmw::learn
