#pragma once
// Recurrent layers as one autograd node per layer for the whole sequence. LibTorch's nn::LSTM and
// nn::GRU record a dozen operations per day per layer; at the benchmark's sizes (hidden 8, batch 4)
// dispatching and recording them costs far more than their arithmetic. Here each layer's input
// product is one matrix product for all days (left to LibTorch), and the recurrence over days,
// forward and backward through time, is one tight loop that keeps what backward needs.
#include <torch/torch.h>

namespace xmw::learn {

// Whether the fused kernels take tensors like x: on the CPU, in float or double. Elsewhere
// (CUDA, half precision) the models use LibTorch's own layers.
[[nodiscard]] bool fusedKernelsTake(const torch::Tensor &x);

// The recurrences alone, over all days from a zero state. inputGates is the input's share of the
// gates, B × T × G (x·W_ihᵀ + b_ih, in LibTorch's gate order); weightHh G × H and biasHh G are the
// recurrent weights as nn::LSTM and nn::GRU keep them. Each returns the hidden states, B × T × H.
[[nodiscard]] torch::Tensor lstmRecurrence(const torch::Tensor &inputGates, const torch::Tensor &weightHh, const torch::Tensor &biasHh);
[[nodiscard]] torch::Tensor gruRecurrence(const torch::Tensor &inputGates, const torch::Tensor &weightHh, const torch::Tensor &biasHh);
// EA-LSTM: inputGate B × H (already through its sigmoid) holds for every day; dynamicGates
// B × T × 3H are the forget, cell and output gates' input share; weightHh 3H × H has no bias.
[[nodiscard]] torch::Tensor eaLstmRecurrence(const torch::Tensor &inputGate, const torch::Tensor &dynamicGates,
                                             const torch::Tensor &weightHh);

// nn::LSTM's and nn::GRU's forward (batch first, zero initial state, outputs only) on the modules'
// own parameters, with the same dropout between layers drawn in the same order.
[[nodiscard]] torch::Tensor fusedForward(torch::nn::LSTMImpl &lstm, const torch::Tensor &x);
[[nodiscard]] torch::Tensor fusedForward(torch::nn::GRUImpl &gru, const torch::Tensor &x);

} // namespace xmw::learn
