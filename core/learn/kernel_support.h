#pragma once
// What the fused kernels (fused_recurrence.cpp, fused_attention.cpp) share: an exp the compiler can
// vectorise, the choice of an AVX2 copy at run time, and whether autograd needs a backward pass.
#include <torch/torch.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <initializer_list>

namespace xmw::learn::kernels {

[[gnu::always_inline]] inline double vectorExp(double x) { return std::exp(x); }

// In float, an exp the compiler can vectorise (Cody–Waite reduction and Cephes' polynomial, about
// one ulp): std::exp is a call per element, which costs more than the rest of a small layer.
[[gnu::always_inline]] inline float vectorExp(float x)
{
    x = x < -87.0f ? -87.0f : x; // 2^n stays a normal number
    x = x > 88.0f ? 88.0f : x;
    const float n = (x * 1.44269504f + 12582912.0f) - 12582912.0f; // round to nearest
    const float r = x - n * 0.693359375f + n * 2.12194440e-4f;
    float p = 1.9875691500e-4f;
    p = p * r + 1.3981999507e-3f;
    p = p * r + 8.3334519073e-3f;
    p = p * r + 4.1665795894e-2f;
    p = p * r + 1.6666665459e-1f;
    p = p * r + 5.0000001201e-1f;
    p = p * r * r + r + 1.0f;
    return p * std::bit_cast<float>((std::int32_t(n) + 127) << 23);
}

inline bool hasWideVectors()
{
    static const bool yes = __builtin_cpu_supports("avx2");
    return yes;
}

// Each kernel is a loop body inlined (always_inline) into two copies: this one, compiled for AVX2,
// and the plain one. Only this function carries the target, so nothing compiled for AVX2 can be
// reached on a processor without it, as shared inline functions of a file built with -mavx2 could.
template <auto Kernel, typename... Args>
[[gnu::target("avx2")]] void runWide(Args... args)
{
    Kernel(args...);
}

template <auto Kernel, typename... Args>
void runKernel(Args... args)
{
    if (hasWideVectors())
        runWide<Kernel>(args...);
    else
        Kernel(args...);
}

// Backward is needed only where gradients are being recorded and something wants one; otherwise
// (prediction, upscaling) the pass keeps no tape.
inline bool recording(std::initializer_list<const torch::Tensor *> inputs)
{
    if (!torch::GradMode::is_enabled())
        return false;
    for (const torch::Tensor *t : inputs)
        if (t->requires_grad())
            return true;
    return false;
}

} // namespace xmw::learn::kernels
