#!/usr/bin/python3
"""The benchmark's kind of PyTorch (Python) training loop, for timing `xmw train` against it.

Trains the same model as `xmw train --model lstm|gru|ea-lstm --method scratch --validation 0` on
the tower samples of an `xmw samples` file: the same architecture (layers, dropout between them
and before the head), features, scaling, masked loss, optimiser, gradient clipping, batch size and
thread count, with the usual Python data path (a TensorDataset behind a shuffling DataLoader).
Prints seconds per epoch and the test RMSE in the target's unit.

Needs Debian's python3-torch and python3-h5py (run with /usr/bin/python3: LibTorch 1.13, the same
library `xmw` links).
"""
import argparse
import json
import time

import h5py
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset


STATIC_FEATURES = 8  # the first features are constant over a sample; EA-LSTM's input gate sees them


class Recurrent(nn.Module):
    """nn.LSTM or nn.GRU, dropout between its layers and before the head."""

    def __init__(self, kind, features, hidden, layers, dropout):
        super().__init__()
        rnn = nn.LSTM if kind == "lstm" else nn.GRU
        self.rnn = rnn(features, hidden, num_layers=layers, batch_first=True, dropout=dropout if layers > 1 else 0.0)
        self.dropout = nn.Dropout(dropout)
        self.head = nn.Linear(hidden, 1)

    def forward(self, x):
        h, _ = self.rnn(x)
        return self.head(self.dropout(h)).squeeze(-1)


class EaLstm(nn.Module):
    """Kratzert et al.'s entity-aware LSTM, a day at a time as Python implementations write it;
    layers beyond the first are an nn.LSTM on top."""

    def __init__(self, features, hidden, layers, dropout):
        super().__init__()
        self.input_gate = nn.Linear(STATIC_FEATURES, hidden)
        self.dynamic_gates = nn.Linear(features - STATIC_FEATURES, 3 * hidden)
        self.recurrent_gates = nn.Linear(hidden, 3 * hidden, bias=False)
        with torch.no_grad():
            self.dynamic_gates.bias[:hidden].fill_(1.0)
        self.upper = (nn.LSTM(hidden, hidden, num_layers=layers - 1, batch_first=True,
                              dropout=dropout if layers > 2 else 0.0) if layers > 1 else None)
        self.dropout = nn.Dropout(dropout)
        self.head = nn.Linear(hidden, 1)
        self.hidden = hidden

    def forward(self, x):
        i = torch.sigmoid(self.input_gate(x[:, 0, :STATIC_FEATURES]))
        dynamic = self.dynamic_gates(x[:, :, STATIC_FEATURES:]).unbind(1)
        h = x.new_zeros(x.shape[0], self.hidden)
        c = x.new_zeros(x.shape[0], self.hidden)
        states = []
        for gates in dynamic:
            f, g, o = (gates + self.recurrent_gates(h)).chunk(3, -1)
            c = torch.sigmoid(f) * c + i * torch.tanh(g)
            h = torch.sigmoid(o) * torch.tanh(c)
            states.append(h)
        out = torch.stack(states, 1)
        if self.upper is not None:
            out, _ = self.upper(self.dropout(out))
        return self.head(self.dropout(out)).squeeze(-1)


def masked_mse(prediction, target):
    observed = ~torch.isnan(target)
    return ((prediction[observed] - target[observed]) ** 2).mean()


def nan_stats(values, dims):
    """Mean and standard deviation over dims, ignoring NaN (as xmw's Normalisation does)."""
    count = (~torch.isnan(values)).sum(dims).double()
    filled = torch.nan_to_num(values.double(), nan=0.0)
    mean = filled.sum(dims) / count
    var = (filled ** 2).sum(dims) / count - mean ** 2
    std = torch.where(var > 1e-12, var.clamp(min=0).sqrt(), torch.ones_like(var))
    return mean.float(), std.float()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("samples", help="an HDF5 file written by `xmw samples`")
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--model", choices=["lstm", "gru", "ea-lstm"], default="lstm")
    parser.add_argument("--hidden", type=int, default=64)
    parser.add_argument("--layers", type=int, default=1)
    parser.add_argument("--dropout", type=float, default=0.1)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    with h5py.File(args.samples, "r") as f:
        x = torch.from_numpy(f["towers/x"][()])
        y = torch.from_numpy(f["towers/y"][()])
        role = torch.from_numpy(f["towers/role"][()]).long()
    train, test = role == 0, role == 1

    feature_mean, feature_std = nan_stats(x, (0, 1))
    x = torch.nan_to_num((x - feature_mean) / feature_std, nan=0.0, posinf=0.0, neginf=0.0)
    target_mean, target_std = nan_stats(y[train].reshape(-1), 0)
    y_scaled = (y - target_mean) / target_std

    loader = DataLoader(TensorDataset(x[train], y_scaled[train]), batch_size=args.batch, shuffle=True)
    model = (EaLstm(x.shape[-1], args.hidden, args.layers, args.dropout) if args.model == "ea-lstm"
             else Recurrent(args.model, x.shape[-1], args.hidden, args.layers, args.dropout))
    optimiser = torch.optim.Adam(model.parameters(), lr=args.lr)
    epoch_seconds = []
    for epoch in range(args.epochs):
        model.train()
        start = time.perf_counter()
        total = 0.0
        for xb, yb in loader:
            loss = masked_mse(model(xb), yb)
            optimiser.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            total += loss.item()
        epoch_seconds.append(time.perf_counter() - start)
        if not args.json:
            print(f"epoch {epoch + 1}: train {total / len(loader):.4f}  {epoch_seconds[-1]:.2f} s")

    model.eval()
    with torch.no_grad():
        predicted = model(x[test]) * target_std + target_mean
    observed = y[test]
    mask = ~torch.isnan(observed)
    rmse = ((predicted[mask] - observed[mask]) ** 2).mean().sqrt().item()
    # The mean over all epochs, as `xmw train --json` reports it.
    # And the median of the epochs after the first, as its "steady_seconds_per_epoch" (the first
    # epoch carries one-off costs in both).
    later = sorted(epoch_seconds[1:]) or epoch_seconds
    result = {"seconds_per_epoch": sum(epoch_seconds) / len(epoch_seconds),
              "steady_seconds_per_epoch": later[len(later) // 2], "test_rmse": rmse,
              "train_samples": int(train.sum()), "test_samples": int(test.sum()), "epochs": args.epochs}
    print(json.dumps(result) if args.json else
          f"{result['seconds_per_epoch']:.3f} s/epoch, test RMSE {rmse:.3f}")


if __name__ == "__main__":
    main()
