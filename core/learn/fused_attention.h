#pragma once
// Scaled dot-product attention as one autograd node. At the benchmark's sizes (d_model 8, 4 heads,
// so 2 values per head) the matrix products of softmax(q·kᵀ/√d)·v have an inner dimension of 2:
// BLAS spends its time packing, and the softmax and its backward are further passes over
// B·h·T² scores in memory. Here each query's row of scores is made, normalised and used while it
// is in the cache, and backward makes it again from the per-row log-sum-exp (as FlashAttention
// does), so that nothing of size T² is kept.
#include <torch/torch.h>

namespace xmw::learn {

// q: B × h × T × d, k and v: B × h × S × d (any strides), on the CPU in float or double;
// blocked: T × S, true where a query may not look at a key, or undefined; the loops then visit
// each query's allowed keys only. Returns B × h × T × d. A query that may look at no key gets
// zeros (LibTorch's softmax would give NaN).
[[nodiscard]] torch::Tensor fusedAttention(const torch::Tensor &q, const torch::Tensor &k, const torch::Tensor &v,
                                           const torch::Tensor &blocked);

} // namespace xmw::learn
