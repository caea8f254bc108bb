#include "core/learn/fused_attention.h"

#include "core/learn/kernel_support.h"

#include <cmath>
#include <cstdint>
#include <limits>
#include <tuple>
#include <vector>

namespace xmw::learn {

namespace {

using kernels::runKernel;
using kernels::vectorExp;
using torch::Tensor;
using torch::autograd::AutogradContext;
using torch::autograd::tensor_list;

// The work of one call: `heads` = B·h independent (query, key) pairs of matrices.
struct Shape {
    std::int64_t heads, queries, keys, depth;
};

// The operands as the loops read them: each head's queries row by row (T × d), its keys and values
// transposed (d × S), so that a row of scores is a sum of d scaled rows of keys and every inner
// loop runs along the keys with unit stride. With a mask, each query's keys are listed instead
// (Pyraformer's pyramid lets a node see 3 to 9 of its 483): the loops then visit only those.
template <typename T>
struct Operands {
    const T *q, *keysT, *valuesT;
    const std::int64_t *listStart, *listed; // T + 1 offsets into the listed keys, or null: all keys
    T scale;
};

// The keys one query looks at: all of them in order, or its list.
template <bool Listed>
struct Keys {
    const std::int64_t *listed;
    std::int64_t count;
    [[gnu::always_inline]] std::int64_t operator[](std::int64_t n) const
    {
        if constexpr (Listed)
            return listed[n];
        else
            return n;
    }
};

template <bool Listed, typename T>
[[gnu::always_inline]] inline Keys<Listed> keysOf(const Shape &s, const Operands<T> &in, std::int64_t i)
{
    if constexpr (Listed)
        return {in.listed + in.listStart[i], in.listStart[i + 1] - in.listStart[i]};
    else
        return {nullptr, s.keys};
}

// Sums in eight running lanes, so that the loops vectorise (a single sum would need the compiler
// to reorder float additions, which it may not), in one fixed order on every instruction set.
constexpr int kLanes = 8;

template <typename T>
[[gnu::always_inline]] inline T addLanes(const T *lane, T tail)
{
    return ((lane[0] + lane[4]) + (lane[1] + lane[5])) + ((lane[2] + lane[6]) + (lane[3] + lane[7])) + tail;
}

// Σ x[n]·y[keys[n]]
template <typename T, bool Listed>
[[gnu::always_inline]] inline T dot(const T *x, const T *y, Keys<Listed> keys)
{
    T lane[kLanes] = {};
    std::int64_t n = 0;
    for (; n + kLanes <= keys.count; n += kLanes)
        for (int l = 0; l < kLanes; ++l)
            lane[l] += x[n + l] * y[keys[n + l]];
    T tail = 0;
    for (; n < keys.count; ++n)
        tail += x[n] * y[keys[n]];
    return addLanes(lane, tail);
}

template <typename T>
[[gnu::always_inline]] inline T sum(const T *x, std::int64_t count)
{
    T lane[kLanes] = {};
    std::int64_t n = 0;
    for (; n + kLanes <= count; n += kLanes)
        for (int l = 0; l < kLanes; ++l)
            lane[l] += x[n + l];
    T tail = 0;
    for (; n < count; ++n)
        tail += x[n];
    return addLanes(lane, tail);
}

template <typename T>
[[gnu::always_inline]] inline T maximum(const T *x, std::int64_t count)
{
    constexpr T lowest = -std::numeric_limits<T>::infinity();
    T lane[kLanes] = {lowest, lowest, lowest, lowest, lowest, lowest, lowest, lowest};
    std::int64_t n = 0;
    for (; n + kLanes <= count; n += kLanes)
        for (int l = 0; l < kLanes; ++l)
            lane[l] = x[n + l] > lane[l] ? x[n + l] : lane[l];
    T m = lowest;
    for (int l = 0; l < kLanes; ++l)
        m = lane[l] > m ? lane[l] : m;
    for (; n < count; ++n)
        m = x[n] > m ? x[n] : m;
    return m;
}

// Query i's scaled scores against its keys.
template <typename T, bool Listed>
[[gnu::always_inline]] inline void scores(const Shape &s, const Operands<T> &in, const T *query, const T *keysT, Keys<Listed> keys, T *row)
{
    for (std::int64_t n = 0; n < keys.count; ++n)
        row[n] = 0;
    for (std::int64_t c = 0; c < s.depth; ++c) {
        const T a = query[c] * in.scale;
        const T *__restrict key = keysT + c * s.keys;
        for (std::int64_t n = 0; n < keys.count; ++n)
            row[n] += a * key[keys[n]];
    }
}

template <typename T>
[[gnu::always_inline]] inline void exponentiate(T *row, std::int64_t count, T shift)
{
    for (std::int64_t n = 0; n < count; ++n)
        row[n] = vectorExp(row[n] - shift);
}

// Heads [first, end): the output rows and each row's log-sum-exp, which backward needs.
template <typename T, bool Listed>
[[gnu::always_inline]] inline void forwardLoop(Shape s, Operands<T> in, T *out, T *logSumExp, std::int64_t first, std::int64_t end)
{
    std::vector<T> buffer(std::size_t(s.keys));
    T *row = buffer.data();
    for (std::int64_t h = first; h < end; ++h) {
        const T *query = in.q + h * s.queries * s.depth, *keysT = in.keysT + h * s.depth * s.keys,
                *valuesT = in.valuesT + h * s.depth * s.keys;
        for (std::int64_t i = 0; i < s.queries; ++i) {
            const Keys<Listed> keys = keysOf<Listed>(s, in, i);
            T *oi = out + (h * s.queries + i) * s.depth;
            if (keys.count == 0) {
                for (std::int64_t c = 0; c < s.depth; ++c)
                    oi[c] = 0;
                logSumExp[h * s.queries + i] = -std::numeric_limits<T>::infinity();
                continue;
            }
            scores(s, in, query + i * s.depth, keysT, keys, row);
            const T m = maximum(row, keys.count);
            exponentiate(row, keys.count, m);
            const T total = sum(row, keys.count);
            for (std::int64_t c = 0; c < s.depth; ++c)
                oi[c] = dot(row, valuesT + c * s.keys, keys) / total;
            logSumExp[h * s.queries + i] = m + std::log(total);
        }
    }
}

// With P = softmax(S) remade from the log-sum-exp: ∂v = Pᵀ·∂o, ∂P = ∂o·vᵀ, ∂S = P ∘ (∂P − rowsum(∂o ∘ o)),
// ∂q = scale·∂S·k, ∂k = scale·∂Sᵀ·q. gradKeysT and gradValuesT (d × S per head) arrive zeroed.
template <typename T, bool Listed>
[[gnu::always_inline]] inline void backwardLoop(Shape s, Operands<T> in, const T *out, const T *logSumExp, const T *gradOut, T *gradQ,
                                                T *gradKeysT, T *gradValuesT, std::int64_t first, std::int64_t end)
{
    std::vector<T> buffer(2 * std::size_t(s.keys));
    T *__restrict p = buffer.data();
    T *__restrict gradScores = p + s.keys;
    for (std::int64_t h = first; h < end; ++h) {
        const std::int64_t rows = h * s.queries, columns = h * s.depth * s.keys;
        const T *keysT = in.keysT + columns, *valuesT = in.valuesT + columns;
        for (std::int64_t i = 0; i < s.queries; ++i) {
            const Keys<Listed> keys = keysOf<Listed>(s, in, i);
            const T *qi = in.q + (rows + i) * s.depth, *oi = out + (rows + i) * s.depth, *gi = gradOut + (rows + i) * s.depth;
            T *gqi = gradQ + (rows + i) * s.depth;
            if (keys.count == 0) {
                for (std::int64_t c = 0; c < s.depth; ++c)
                    gqi[c] = 0;
                continue;
            }
            scores(s, in, qi, keysT, keys, p);
            exponentiate(p, keys.count, logSumExp[rows + i]);
            T carried = 0;
            for (std::int64_t c = 0; c < s.depth; ++c)
                carried += gi[c] * oi[c];
            for (std::int64_t n = 0; n < keys.count; ++n)
                gradScores[n] = 0;
            for (std::int64_t c = 0; c < s.depth; ++c) {
                const T g = gi[c];
                const T *__restrict value = valuesT + c * s.keys;
                T *__restrict gradValue = gradValuesT + columns + c * s.keys;
                for (std::int64_t n = 0; n < keys.count; ++n) {
                    gradScores[n] += g * value[keys[n]];
                    gradValue[keys[n]] += p[n] * g;
                }
            }
            for (std::int64_t n = 0; n < keys.count; ++n)
                gradScores[n] = p[n] * (gradScores[n] - carried);
            for (std::int64_t c = 0; c < s.depth; ++c) {
                gqi[c] = in.scale * dot(gradScores, keysT + c * s.keys, keys);
                const T a = in.scale * qi[c];
                T *__restrict gradKey = gradKeysT + columns + c * s.keys;
                for (std::int64_t n = 0; n < keys.count; ++n)
                    gradKey[keys[n]] += a * gradScores[n];
            }
        }
    }
}

// The heads are independent: LibTorch's threads each take a share.
template <typename Body>
void overHeads(const Shape &s, Body body)
{
    at::parallel_for(0, s.heads, 1, [&](std::int64_t first, std::int64_t end) { body(first, end); });
}

struct Prepared {
    Shape shape;
    Tensor q, keysT, valuesT;
    Tensor listStart, listed; // undefined without a mask
    [[nodiscard]] bool isListed() const { return listStart.defined(); }
};

// For each query, the keys it may look at: offsets (T + 1) into one list of key indices.
std::pair<Tensor, Tensor> listAllowed(const Tensor &blocked)
{
    const Tensor allowed = blocked.logical_not();
    const Tensor start = torch::zeros({blocked.size(0) + 1}, torch::kLong);
    start.slice(0, 1).copy_(allowed.sum(1).cumsum(0));
    return {start, allowed.nonzero().select(1, 1).contiguous()};
}

Prepared prepare(const Tensor &q, const Tensor &k, const Tensor &v, const Tensor &blocked)
{
    TORCH_CHECK(q.dim() == 4 && k.dim() == 4 && v.sizes() == k.sizes() && q.size(0) == k.size(0) && q.size(1) == k.size(1) &&
                    q.size(3) == k.size(3),
                "fused attention: q B × h × T × d, k and v B × h × S × d expected");
    const Shape s{q.size(0) * q.size(1), q.size(2), k.size(2), q.size(3)};
    Prepared p{s,
               q.contiguous().view({s.heads, s.queries, s.depth}),
               k.transpose(-2, -1).contiguous().view({s.heads, s.depth, s.keys}),
               v.transpose(-2, -1).contiguous().view({s.heads, s.depth, s.keys}),
               Tensor(),
               Tensor()};
    if (blocked.defined()) {
        TORCH_CHECK(blocked.dim() == 2 && blocked.size(0) == s.queries && blocked.size(1) == s.keys &&
                        blocked.scalar_type() == torch::kBool,
                    "fused attention: blocked must be a T × S boolean mask");
        std::tie(p.listStart, p.listed) = listAllowed(blocked.cpu());
    }
    return p;
}

template <typename T>
Operands<T> operands(const Prepared &p)
{
    return {p.q.data_ptr<T>(),
            p.keysT.data_ptr<T>(),
            p.valuesT.data_ptr<T>(),
            p.isListed() ? p.listStart.data_ptr<std::int64_t>() : nullptr,
            p.isListed() ? p.listed.data_ptr<std::int64_t>() : nullptr,
            T(1 / std::sqrt(double(p.shape.depth)))};
}

// B·h × T × d outputs and B·h × T log-sum-exps.
std::pair<Tensor, Tensor> runForward(const Prepared &p)
{
    const Shape &s = p.shape;
    Tensor out = torch::empty({s.heads, s.queries, s.depth}, p.q.options());
    Tensor logSumExp = torch::empty({s.heads, s.queries}, p.q.options());
    AT_DISPATCH_FLOATING_TYPES(p.q.scalar_type(), "fused attention", [&] {
        const Operands<scalar_t> in = operands<scalar_t>(p);
        overHeads(s, [&](std::int64_t first, std::int64_t end) {
            if (p.isListed())
                runKernel<forwardLoop<scalar_t, true>>(s, in, out.data_ptr<scalar_t>(), logSumExp.data_ptr<scalar_t>(), first, end);
            else
                runKernel<forwardLoop<scalar_t, false>>(s, in, out.data_ptr<scalar_t>(), logSumExp.data_ptr<scalar_t>(), first, end);
        });
    });
    return {out, logSumExp};
}

struct AttentionFunction : torch::autograd::Function<AttentionFunction> {
    // The mask comes by pointer: autograd takes every Tensor argument for an input, and the mask
    // may be undefined.
    static Tensor forward(AutogradContext *context, const Tensor &q, const Tensor &k, const Tensor &v, const Tensor *blocked)
    {
        const Prepared p = prepare(q, k, v, *blocked);
        auto [out, logSumExp] = runForward(p);
        context->save_for_backward({p.q, p.keysT, p.valuesT, out, logSumExp});
        context->saved_data["listStart"] = p.listStart;
        context->saved_data["listed"] = p.listed;
        context->saved_data["k"] = k.sizes().vec();
        return out.view(q.sizes());
    }

    static tensor_list backward(AutogradContext *context, tensor_list gradients)
    {
        const auto saved = context->get_saved_variables();
        Prepared p{{}, saved[0], saved[1], saved[2], context->saved_data["listStart"].toTensor(), context->saved_data["listed"].toTensor()};
        const Tensor &out = saved[3], &logSumExp = saved[4];
        p.shape = {p.q.size(0), p.q.size(1), p.keysT.size(2), p.q.size(2)};
        const Shape &s = p.shape;
        const auto keySizes = context->saved_data["k"].toIntVector();
        if (!gradients[0].defined())
            return {Tensor(), Tensor(), Tensor(), Tensor()};
        const Tensor gradOut = gradients[0].contiguous().view({s.heads, s.queries, s.depth});
        Tensor gradQ = torch::empty_like(p.q), gradKeysT = torch::zeros_like(p.keysT), gradValuesT = torch::zeros_like(p.valuesT);
        AT_DISPATCH_FLOATING_TYPES(p.q.scalar_type(), "fused attention backward", [&] {
            const Operands<scalar_t> in = operands<scalar_t>(p);
            const auto args = std::tuple{s,
                                         in,
                                         out.data_ptr<scalar_t>(),
                                         logSumExp.data_ptr<scalar_t>(),
                                         gradOut.data_ptr<scalar_t>(),
                                         gradQ.data_ptr<scalar_t>(),
                                         gradKeysT.data_ptr<scalar_t>(),
                                         gradValuesT.data_ptr<scalar_t>()};
            overHeads(s, [&](std::int64_t first, std::int64_t end) {
                std::apply(
                    [&](auto... a) {
                        if (p.isListed())
                            runKernel<backwardLoop<scalar_t, true>>(a..., first, end);
                        else
                            runKernel<backwardLoop<scalar_t, false>>(a..., first, end);
                    },
                    args);
            });
        });
        const std::int64_t batch = keySizes[0], heads = keySizes[1];
        return {gradQ.view({batch, heads, s.queries, s.depth}), gradKeysT.transpose(-2, -1).reshape(keySizes),
                gradValuesT.transpose(-2, -1).reshape(keySizes), Tensor()};
    }
};

} // namespace

torch::Tensor fusedAttention(const torch::Tensor &q, const torch::Tensor &k, const torch::Tensor &v, const torch::Tensor &blocked)
{
    if (kernels::recording({&q, &k, &v}))
        return AttentionFunction::apply(q, k, v, &blocked);
    return runForward(prepare(q, k, v, blocked)).first.view(q.sizes());
}

} // namespace xmw::learn
