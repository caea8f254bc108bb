#include "core/learn/fused_recurrence.h"

#include "core/learn/kernel_support.h"

#include <cmath>
#include <cstdint>
#include <vector>

namespace xmw::learn {

namespace {

using kernels::recording;
using kernels::runKernel;
using kernels::vectorExp;
using torch::Tensor;
using torch::autograd::AutogradContext;
using torch::autograd::tensor_list;

// Above this many multiply-adds per day, a layer's recurrent product goes to LibTorch's BLAS: its
// call then costs little beside the arithmetic, which BLAS does faster than the plain loop.
constexpr std::int64_t kBlasWork = std::int64_t(1) << 15;

// The gates' sigmoid; every tanh is computed as 2·σ(2x) − 1, so that each loop has one function.
[[gnu::always_inline]] inline double sigmoid(double x) { return 1.0 / (1.0 + std::exp(-x)); }
[[gnu::always_inline]] inline float sigmoid(float x) { return 1.0f / (1.0f + vectorExp(-x)); }

// out (rows × n, row stride ldOut) += in (rows × k, row stride ldIn) · w (k × n, contiguous).
template <typename T>
[[gnu::always_inline]] inline void addProduct(T *out, std::int64_t ldOut, const T *in, std::int64_t ldIn, const T *w, std::int64_t rows,
                                              std::int64_t k, std::int64_t n)
{
    if (rows * k * n >= kBlasWork) {
        const auto options = torch::TensorOptions().dtype(c10::CppTypeToScalarType<T>::value);
        Tensor o = torch::from_blob(out, {rows, n}, {ldOut, 1}, options);
        o.addmm_(torch::from_blob(const_cast<T *>(in), {rows, k}, {ldIn, 1}, options),
                 torch::from_blob(const_cast<T *>(w), {k, n}, options));
        return;
    }
    for (std::int64_t r = 0; r < rows; ++r) {
        T *__restrict o = out + r * ldOut;
        const T *x = in + r * ldIn;
        for (std::int64_t kk = 0; kk < k; ++kk) {
            const T v = x[kk];
            const T *__restrict wk = w + kk * n;
            for (std::int64_t j = 0; j < n; ++j)
                o[j] += v * wk[j];
        }
    }
}

struct Shape {
    std::int64_t batch, days, hidden, gates;
};

// LSTM and EA-LSTM share their cell; EA-LSTM's input gate is given (one per sample, for every
// day) and its rows hold only the forget, cell and output gates.
template <bool EntityAware>
struct LstmLayout {
    static constexpr std::int64_t kGates = EntityAware ? 3 : 4;
    static std::int64_t f(std::int64_t h) { return EntityAware ? 0 : h; }
    static std::int64_t g(std::int64_t h) { return EntityAware ? h : 2 * h; }
    static std::int64_t o(std::int64_t h) { return EntityAware ? 2 * h : 3 * h; }
};

// The tape of an LSTM forward pass, day-major: the gates after their activations, the cells and
// their tanh. Without a tape (inference) the pass keeps one day of each.
template <typename T>
struct LstmTape {
    T *gates = nullptr; // T × B × G
    T *cells = nullptr; // T × B × H
    T *cellTanh = nullptr; // T × B × H
};

template <typename T, bool EntityAware>
[[gnu::always_inline]] inline void lstmForwardLoop(const Shape &s, const T *inputGates, const T *weightT, const T *bias, const T *inputGate,
                                                   T *out, LstmTape<T> tape)
{
    using L = LstmLayout<EntityAware>;
    const std::int64_t B = s.batch, D = s.days, H = s.hidden, G = s.gates, dayStride = B * G, cellStride = B * H;
    // Without a tape, two cell buffers in turn: reading one while writing the other lets the
    // compiler vectorise the cell update.
    std::vector<T> scratchGates(tape.gates ? 0 : std::size_t(dayStride)), scratchCells(tape.cells ? 0 : std::size_t(2 * cellStride)),
        scratchTanh(tape.cellTanh ? 0 : std::size_t(cellStride)), zeros(std::size_t(cellStride), T(0));
    // Every gate goes through one sigmoid loop; the cell gate's tanh is 2·σ(2x) − 1.
    std::vector<T> scale(std::size_t(G), T(1));
    std::fill(scale.begin() + L::g(H), scale.begin() + L::g(H) + H, T(2));
    for (std::int64_t t = 0; t < D; ++t) {
        T *pre = tape.gates ? tape.gates + t * dayStride : scratchGates.data();
        T *cell = tape.cells ? tape.cells + t * cellStride : scratchCells.data() + (t % 2) * cellStride;
        T *cellTanh = tape.cellTanh ? tape.cellTanh + t * cellStride : scratchTanh.data();
        const T *previousCell = t == 0 ? zeros.data()
            : tape.cells               ? tape.cells + (t - 1) * cellStride
                                       : scratchCells.data() + ((t + 1) % 2) * cellStride;
        for (std::int64_t b = 0; b < B; ++b) {
            const T *__restrict x = inputGates + (b * D + t) * G;
            T *__restrict p = pre + b * G;
            if (bias)
                for (std::int64_t j = 0; j < G; ++j)
                    p[j] = x[j] + bias[j];
            else
                std::copy(x, x + G, p);
        }
        if (t > 0)
            addProduct(pre, G, out + (t - 1) * H, D * H, weightT, B, H, G);
        const T *__restrict k = scale.data();
        for (std::int64_t b = 0; b < B; ++b) {
            T *__restrict p = pre + b * G;
            for (std::int64_t j = 0; j < G; ++j)
                p[j] = sigmoid(k[j] * p[j]);
            T *__restrict pg = p + L::g(H);
            for (std::int64_t j = 0; j < H; ++j)
                pg[j] = T(2) * pg[j] - T(1);
        }
        for (std::int64_t b = 0; b < B; ++b) {
            const T *__restrict p = pre + b * G;
            const T *__restrict pi = EntityAware ? inputGate + b * H : p;
            const T *__restrict c0 = previousCell + b * H;
            T *__restrict c1 = cell + b * H, *__restrict tc = cellTanh + b * H, *__restrict h = out + (b * D + t) * H;
            const std::int64_t f = L::f(H), g = L::g(H), o = L::o(H);
            for (std::int64_t j = 0; j < H; ++j)
                c1[j] = p[f + j] * c0[j] + pi[j] * p[g + j];
            for (std::int64_t j = 0; j < H; ++j)
                tc[j] = T(2) * sigmoid(T(2) * c1[j]) - T(1);
            for (std::int64_t j = 0; j < H; ++j)
                h[j] = p[o + j] * tc[j];
        }
    }
}

// Backward through time: gradOut is ∂loss/∂h (B × T × H); writes the gates' gradients before
// their activations (B × T × G: ∂loss/∂inputGates, and what the recurrent weights' gradient is
// made of) and, for EA-LSTM, adds the given input gate's gradient into gradInputGate.
template <typename T, bool EntityAware>
[[gnu::always_inline]] inline void lstmBackwardLoop(const Shape &s, const T *gradOut, const T *weight, const T *inputGate,
                                                    const LstmTape<T> &tape, T *gradGates, T *gradInputGate)
{
    using L = LstmLayout<EntityAware>;
    const std::int64_t B = s.batch, D = s.days, H = s.hidden, G = s.gates, dayStride = B * G, cellStride = B * H;
    std::vector<T> recurrent(std::size_t(cellStride), T(0)), cellGrad(std::size_t(cellStride), T(0)), zeros(std::size_t(cellStride), T(0));
    for (std::int64_t t = D - 1; t >= 0; --t) {
        const T *previousCell = t == 0 ? zeros.data() : tape.cells + (t - 1) * cellStride;
        for (std::int64_t b = 0; b < B; ++b) {
            const T *__restrict p = tape.gates + t * dayStride + b * G;
            const T *__restrict pi = EntityAware ? inputGate + b * H : p;
            const T *__restrict c0 = previousCell + b * H, *__restrict tc = tape.cellTanh + t * cellStride + b * H,
                                *__restrict dOut = gradOut + (b * D + t) * H;
            const T *__restrict dRec = recurrent.data() + b * H;
            T *__restrict dCell = cellGrad.data() + b * H;
            T *__restrict dp = gradGates + (b * D + t) * G;
            T *__restrict dInput = EntityAware ? gradInputGate + b * H : dp;
            const std::int64_t f = L::f(H), g = L::g(H), o = L::o(H);
            // The gates' rows of dp do not overlap (offsets of H or more), which GCC cannot see.
#pragma GCC ivdep
            for (std::int64_t j = 0; j < H; ++j) {
                const T dh = dOut[j] + dRec[j];
                const T dc = dCell[j] + dh * p[o + j] * (T(1) - tc[j] * tc[j]);
                if constexpr (EntityAware)
                    dInput[j] += dc * p[g + j];
                else
                    dp[j] = dc * p[g + j] * pi[j] * (T(1) - pi[j]);
                dp[f + j] = dc * c0[j] * p[f + j] * (T(1) - p[f + j]);
                dp[g + j] = dc * pi[j] * (T(1) - p[g + j] * p[g + j]);
                dp[o + j] = dh * tc[j] * p[o + j] * (T(1) - p[o + j]);
                dCell[j] = dc * p[f + j];
            }
        }
        if (t > 0) {
            std::fill(recurrent.begin(), recurrent.end(), T(0));
            addProduct(recurrent.data(), H, gradGates + t * G, D * G, weight, B, G, H);
        }
    }
}

// The GRU as LibTorch has it (gates r, z, n; the reset gate scales the recurrent share of n,
// bias included): n = tanh(x_n + r ⊙ (W_hn h + b_hn)), h' = (1 − z) ⊙ n + z ⊙ h.
template <typename T>
struct GruTape {
    T *gates = nullptr; // T × B × 3H: r, z, n after their activations
    T *recurrentN = nullptr; // T × B × H: W_hn h + b_hn
};

template <typename T>
[[gnu::always_inline]] inline void gruForwardLoop(const Shape &s, const T *inputGates, const T *weightT, const T *bias, T *out,
                                                  GruTape<T> tape)
{
    const std::int64_t B = s.batch, D = s.days, H = s.hidden, G = s.gates;
    std::vector<T> recurrent(std::size_t(B * G)), scratchGates(tape.gates ? 0 : std::size_t(B * G)),
        scratchN(tape.recurrentN ? 0 : std::size_t(B * H)), zeros(std::size_t(B * H), T(0));
    for (std::int64_t t = 0; t < D; ++t) {
        for (std::int64_t b = 0; b < B; ++b)
            std::copy(bias, bias + G, recurrent.begin() + b * G);
        if (t > 0)
            addProduct(recurrent.data(), G, out + (t - 1) * H, D * H, weightT, B, H, G);
        T *gates = tape.gates ? tape.gates + t * B * G : scratchGates.data();
        T *recurrentN = tape.recurrentN ? tape.recurrentN + t * B * H : scratchN.data();
        for (std::int64_t b = 0; b < B; ++b) {
            const T *__restrict x = inputGates + (b * D + t) * G, *__restrict hh = recurrent.data() + b * G;
            const T *__restrict h0 = t == 0 ? zeros.data() + b * H : out + (b * D + t - 1) * H;
            T *__restrict rz = gates + b * G, *__restrict n = rz + 2 * H, *__restrict hn = recurrentN + b * H,
                          *__restrict h = out + (b * D + t) * H;
            for (std::int64_t j = 0; j < 2 * H; ++j)
                rz[j] = sigmoid(x[j] + hh[j]);
                // n lies past r and z in the same row, and h0 is the day before h: no overlaps.
#pragma GCC ivdep
            for (std::int64_t j = 0; j < H; ++j) {
                hn[j] = hh[2 * H + j];
                n[j] = T(2) * sigmoid(T(2) * (x[2 * H + j] + rz[j] * hn[j])) - T(1); // tanh
                h[j] = (T(1) - rz[H + j]) * n[j] + rz[H + j] * h0[j];
            }
        }
    }
}

// gradGates: ∂loss/∂inputGates; gradRecurrent: ∂loss/∂(W_hh h + b_hh), both B × T × 3H.
template <typename T>
[[gnu::always_inline]] inline void gruBackwardLoop(const Shape &s, const T *gradOut, const T *weight, const T *out, const GruTape<T> &tape,
                                                   T *gradGates, T *gradRecurrent)
{
    const std::int64_t B = s.batch, D = s.days, H = s.hidden, G = s.gates;
    std::vector<T> dhNext(std::size_t(B * H), T(0)), zeros(std::size_t(B * H), T(0));
    for (std::int64_t t = D - 1; t >= 0; --t) {
        for (std::int64_t b = 0; b < B; ++b) {
            const T *__restrict r = tape.gates + (t * B + b) * G, *__restrict z = r + H, *__restrict n = r + 2 * H,
                                *__restrict hn = tape.recurrentN + (t * B + b) * H;
            const T *__restrict h0 = t == 0 ? zeros.data() + b * H : out + (b * D + t - 1) * H,
                                *__restrict dOut = gradOut + (b * D + t) * H;
            T *__restrict dx = gradGates + (b * D + t) * G, *__restrict dhh = gradRecurrent + (b * D + t) * G,
                          *__restrict dh0 = dhNext.data() + b * H;
            // Each gate's third of dx and dhh is its own range (as in the LSTM above).
#pragma GCC ivdep
            for (std::int64_t j = 0; j < H; ++j) {
                const T dh = dOut[j] + dh0[j];
                const T dn = dh * (T(1) - z[j]) * (T(1) - n[j] * n[j]);
                const T dr = dn * hn[j] * r[j] * (T(1) - r[j]);
                const T dz = dh * (h0[j] - n[j]) * z[j] * (T(1) - z[j]);
                dx[j] = dhh[j] = dr;
                dx[H + j] = dhh[H + j] = dz;
                dx[2 * H + j] = dn;
                dhh[2 * H + j] = dn * r[j];
                dh0[j] = dh * z[j];
            }
        }
        if (t > 0)
            addProduct(dhNext.data(), H, gradRecurrent + t * G, D * G, weight, B, G, H);
    }
}

// Where the processor has AVX2, the kernels run compiled for it: the same loops at twice the
// vector width, and the same results (the target enables no FMA, so no multiply-add is
// contracted, and each element is computed on its own). Only the wide copy of each kernel
// carries the target attribute, with everything it calls inlined into it: nothing compiled for
// AVX2 can end up called on an older processor, as an inline function of a whole file built
// with -mavx2 could.
Shape shapeOf(const Tensor &inputGates, const Tensor &weightHh)
{
    TORCH_CHECK(inputGates.dim() == 3 && weightHh.dim() == 2 && inputGates.size(2) == weightHh.size(0),
                "fused recurrence: gates B × T × G and weights G × H expected");
    return {inputGates.size(0), inputGates.size(1), weightHh.size(1), weightHh.size(0)};
}

// Prediction without a tape: the samples are independent, so LibTorch's threads each take a
// share of the batch (training keeps one thread per layer: its batches are small, and the tape
// is day-major).
template <typename Body>
void inParallel(const Shape &s, Body body)
{
    constexpr std::int64_t kGrain = 16; // samples per task: enough work to be worth a thread
    at::parallel_for(0, s.batch, kGrain, [&](std::int64_t first, std::int64_t end) {
        Shape part = s;
        part.batch = end - first;
        body(part, first);
    });
}

// The recurrent weights' gradient: Σ over samples and days t ≥ 1 of ∂gates(t)ᵀ · h(t − 1). One
// product per sample: its days 1… of the gradient and 0… of the output are contiguous rows, where
// one product over the whole batch would first copy the shifted gradient (B × T × G floats).
Tensor recurrentWeightGradient(const Tensor &gradRecurrent, const Tensor &out)
{
    const std::int64_t days = out.size(1);
    Tensor gradient = torch::zeros({gradRecurrent.size(2), out.size(2)}, out.options());
    if (days < 2)
        return gradient;
    for (std::int64_t b = 0; b < out.size(0); ++b)
        gradient.addmm_(gradRecurrent[b].narrow(0, 1, days - 1).t(), out[b].narrow(0, 0, days - 1));
    return gradient;
}

Tensor gradientOrZeros(const Tensor &gradient, const Tensor &like)
{
    return gradient.defined() ? gradient.contiguous() : torch::zeros_like(like);
}

struct LstmTensors {
    Tensor gates, cells, cellTanh;
    template <typename T>
    LstmTape<T> tape()
    {
        return {gates.data_ptr<T>(), cells.data_ptr<T>(), cellTanh.data_ptr<T>()};
    }
};

// One function for LSTM (bias given, inputGate undefined) and EA-LSTM (inputGate given, no bias).
template <bool EntityAware>
Tensor runLstm(const Shape &s, const Tensor &gates, const Tensor &weightHh, const Tensor &biasHh, const Tensor &inputGate,
               LstmTensors *tape)
{
    Tensor out = torch::empty({s.batch, s.days, s.hidden}, gates.options());
    const Tensor weightT = weightHh.t().contiguous();
    if (tape) {
        tape->gates = torch::empty({s.days, s.batch, s.gates}, gates.options());
        tape->cells = torch::empty({s.days, s.batch, s.hidden}, gates.options());
        tape->cellTanh = torch::empty_like(tape->cells);
    }
    AT_DISPATCH_FLOATING_TYPES(gates.scalar_type(), "fused lstm", [&] {
        const scalar_t *bias = biasHh.defined() ? biasHh.data_ptr<scalar_t>() : nullptr;
        const scalar_t *input = inputGate.defined() ? inputGate.data_ptr<scalar_t>() : nullptr;
        if (tape) {
            runKernel<lstmForwardLoop<scalar_t, EntityAware>>(s, gates.data_ptr<scalar_t>(), weightT.data_ptr<scalar_t>(), bias, input,
                                                              out.data_ptr<scalar_t>(), tape->tape<scalar_t>());
            return;
        }
        inParallel(s, [&](const Shape &part, std::int64_t first) {
            runKernel<lstmForwardLoop<scalar_t, EntityAware>>(
                part, gates.data_ptr<scalar_t>() + first * s.days * s.gates, weightT.data_ptr<scalar_t>(), bias,
                input ? input + first * s.hidden : nullptr, out.data_ptr<scalar_t>() + first * s.days * s.hidden, LstmTape<scalar_t>{});
        });
    });
    return out;
}

struct LstmFunction : torch::autograd::Function<LstmFunction> {
    static Tensor forward(AutogradContext *context, const Tensor &inputGates, const Tensor &weightHh, const Tensor &biasHh)
    {
        const Tensor gates = inputGates.contiguous(), weight = weightHh.contiguous(), bias = biasHh.contiguous();
        LstmTensors tape;
        Tensor out = runLstm<false>(shapeOf(gates, weight), gates, weight, bias, {}, &tape);
        context->save_for_backward({weight, out, tape.gates, tape.cells, tape.cellTanh});
        return out;
    }

    static tensor_list backward(AutogradContext *context, tensor_list gradients)
    {
        const auto saved = context->get_saved_variables();
        const Tensor &weight = saved[0], &out = saved[1];
        LstmTensors tape{saved[2], saved[3], saved[4]};
        const Shape s{out.size(0), out.size(1), out.size(2), weight.size(0)};
        const Tensor gradOut = gradientOrZeros(gradients[0], out);
        Tensor gradGates = torch::empty({s.batch, s.days, s.gates}, out.options());
        AT_DISPATCH_FLOATING_TYPES(out.scalar_type(), "fused lstm backward", [&] {
            runKernel<lstmBackwardLoop<scalar_t, false>>(s, gradOut.data_ptr<scalar_t>(), weight.data_ptr<scalar_t>(), nullptr,
                                                         tape.tape<scalar_t>(), gradGates.data_ptr<scalar_t>(), nullptr);
        });
        return {gradGates, recurrentWeightGradient(gradGates, out), gradGates.sum(std::vector<std::int64_t>{0, 1})};
    }
};

struct EaLstmFunction : torch::autograd::Function<EaLstmFunction> {
    static Tensor forward(AutogradContext *context, const Tensor &inputGate, const Tensor &dynamicGates, const Tensor &weightHh)
    {
        const Tensor gates = dynamicGates.contiguous(), weight = weightHh.contiguous(), input = inputGate.contiguous();
        LstmTensors tape;
        Tensor out = runLstm<true>(shapeOf(gates, weight), gates, weight, {}, input, &tape);
        context->save_for_backward({weight, input, out, tape.gates, tape.cells, tape.cellTanh});
        return out;
    }

    static tensor_list backward(AutogradContext *context, tensor_list gradients)
    {
        const auto saved = context->get_saved_variables();
        const Tensor &weight = saved[0], &input = saved[1], &out = saved[2];
        LstmTensors tape{saved[3], saved[4], saved[5]};
        const Shape s{out.size(0), out.size(1), out.size(2), weight.size(0)};
        const Tensor gradOut = gradientOrZeros(gradients[0], out);
        Tensor gradGates = torch::empty({s.batch, s.days, s.gates}, out.options());
        Tensor gradInput = torch::zeros_like(input);
        AT_DISPATCH_FLOATING_TYPES(out.scalar_type(), "fused ea-lstm backward", [&] {
            runKernel<lstmBackwardLoop<scalar_t, true>>(s, gradOut.data_ptr<scalar_t>(), weight.data_ptr<scalar_t>(),
                                                        input.data_ptr<scalar_t>(), tape.tape<scalar_t>(), gradGates.data_ptr<scalar_t>(),
                                                        gradInput.data_ptr<scalar_t>());
        });
        return {gradInput, gradGates, recurrentWeightGradient(gradGates, out)};
    }
};

Tensor runGru(const Shape &s, const Tensor &gates, const Tensor &weightHh, const Tensor &biasHh, Tensor *tapeGates, Tensor *tapeN)
{
    Tensor out = torch::empty({s.batch, s.days, s.hidden}, gates.options());
    const Tensor weightT = weightHh.t().contiguous();
    if (tapeGates) {
        *tapeGates = torch::empty({s.days, s.batch, s.gates}, gates.options());
        *tapeN = torch::empty({s.days, s.batch, s.hidden}, gates.options());
    }
    AT_DISPATCH_FLOATING_TYPES(gates.scalar_type(), "fused gru", [&] {
        if (tapeGates) {
            runKernel<gruForwardLoop<scalar_t>>(s, gates.data_ptr<scalar_t>(), weightT.data_ptr<scalar_t>(), biasHh.data_ptr<scalar_t>(),
                                                out.data_ptr<scalar_t>(),
                                                GruTape<scalar_t>{tapeGates->data_ptr<scalar_t>(), tapeN->data_ptr<scalar_t>()});
            return;
        }
        inParallel(s, [&](const Shape &part, std::int64_t first) {
            runKernel<gruForwardLoop<scalar_t>>(part, gates.data_ptr<scalar_t>() + first * s.days * s.gates, weightT.data_ptr<scalar_t>(),
                                                biasHh.data_ptr<scalar_t>(), out.data_ptr<scalar_t>() + first * s.days * s.hidden,
                                                GruTape<scalar_t>{});
        });
    });
    return out;
}

struct GruFunction : torch::autograd::Function<GruFunction> {
    static Tensor forward(AutogradContext *context, const Tensor &inputGates, const Tensor &weightHh, const Tensor &biasHh)
    {
        const Tensor gates = inputGates.contiguous(), weight = weightHh.contiguous(), bias = biasHh.contiguous();
        Tensor tapeGates, tapeN;
        Tensor out = runGru(shapeOf(gates, weight), gates, weight, bias, &tapeGates, &tapeN);
        context->save_for_backward({weight, out, tapeGates, tapeN});
        return out;
    }

    static tensor_list backward(AutogradContext *context, tensor_list gradients)
    {
        const auto saved = context->get_saved_variables();
        const Tensor &weight = saved[0], &out = saved[1];
        const Shape s{out.size(0), out.size(1), out.size(2), weight.size(0)};
        const Tensor gradOut = gradientOrZeros(gradients[0], out);
        Tensor gradGates = torch::empty({s.batch, s.days, s.gates}, out.options());
        Tensor gradRecurrent = torch::empty_like(gradGates);
        AT_DISPATCH_FLOATING_TYPES(out.scalar_type(), "fused gru backward", [&] {
            runKernel<gruBackwardLoop<scalar_t>>(s, gradOut.data_ptr<scalar_t>(), weight.data_ptr<scalar_t>(), out.data_ptr<scalar_t>(),
                                                 GruTape<scalar_t>{saved[2].data_ptr<scalar_t>(), saved[3].data_ptr<scalar_t>()},
                                                 gradGates.data_ptr<scalar_t>(), gradRecurrent.data_ptr<scalar_t>());
        });
        return {gradGates, recurrentWeightGradient(gradRecurrent, out), gradRecurrent.sum(std::vector<std::int64_t>{0, 1})};
    }
};

// Between layers, as at::lstm and at::gru drop: on the day-major layer output, so that the same
// random draws fall on the same elements.
Tensor dropBetweenLayers(const Tensor &h, double p, bool training)
{
    if (p <= 0 || !training)
        return h;
    return torch::dropout(h.transpose(0, 1).contiguous(), p, true).transpose(0, 1);
}

template <typename Module, typename Recurrence>
Tensor stackForward(Module &rnn, const Tensor &x, Recurrence recurrence)
{
    const auto &o = rnn.options;
    TORCH_CHECK(o.batch_first() && o.bias() && !o.bidirectional(),
                "fused recurrence: a batch-first, biased, one-directional module expected");
    const auto parameters = rnn.named_parameters(false);
    Tensor h = x;
    for (std::int64_t layer = 0; layer < o.num_layers(); ++layer) {
        const std::string k = std::to_string(layer);
        const Tensor gates = torch::linear(h, parameters["weight_ih_l" + k], parameters["bias_ih_l" + k]);
        h = recurrence(gates, parameters["weight_hh_l" + k], parameters["bias_hh_l" + k]);
        if (layer + 1 < o.num_layers())
            h = dropBetweenLayers(h, o.dropout(), rnn.is_training());
    }
    return h;
}

} // namespace

bool fusedKernelsTake(const torch::Tensor &x)
{
    return x.device().is_cpu() && (x.scalar_type() == torch::kFloat || x.scalar_type() == torch::kDouble);
}

torch::Tensor lstmRecurrence(const torch::Tensor &inputGates, const torch::Tensor &weightHh, const torch::Tensor &biasHh)
{
    if (recording({&inputGates, &weightHh, &biasHh}))
        return LstmFunction::apply(inputGates, weightHh, biasHh);
    const Tensor gates = inputGates.contiguous(), weight = weightHh.contiguous();
    return runLstm<false>(shapeOf(gates, weight), gates, weight, biasHh.contiguous(), {}, nullptr);
}

torch::Tensor gruRecurrence(const torch::Tensor &inputGates, const torch::Tensor &weightHh, const torch::Tensor &biasHh)
{
    if (recording({&inputGates, &weightHh, &biasHh}))
        return GruFunction::apply(inputGates, weightHh, biasHh);
    const Tensor gates = inputGates.contiguous(), weight = weightHh.contiguous();
    return runGru(shapeOf(gates, weight), gates, weight, biasHh.contiguous(), nullptr, nullptr);
}

torch::Tensor eaLstmRecurrence(const torch::Tensor &inputGate, const torch::Tensor &dynamicGates, const torch::Tensor &weightHh)
{
    if (recording({&inputGate, &dynamicGates, &weightHh}))
        return EaLstmFunction::apply(inputGate, dynamicGates, weightHh);
    const Tensor gates = dynamicGates.contiguous(), weight = weightHh.contiguous();
    return runLstm<true>(shapeOf(gates, weight), gates, weight, {}, inputGate.contiguous(), nullptr);
}

torch::Tensor fusedForward(torch::nn::LSTMImpl &lstm, const torch::Tensor &x)
{
    TORCH_CHECK(lstm.options.proj_size() == 0, "fused recurrence: LSTM projections are not supported");
    return stackForward(lstm, x, lstmRecurrence);
}

torch::Tensor fusedForward(torch::nn::GRUImpl &gru, const torch::Tensor &x) { return stackForward(gru, x, gruRecurrence); }

} // namespace xmw::learn
