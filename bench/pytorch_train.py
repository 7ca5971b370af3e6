"""One Adam training step in PyTorch on the CPU, for the README's comparison with
Gatescope's batched engine (bench/training.ts): the same shapes (remember-first, one
input feature, H = 8, T = 50, batch 32, two classes), float64, one thread, a linear head
read at the last step, cross-entropy, clip_grad_norm_(1), Adam(lr = 0.01). The batch is
made once (Gatescope's figure includes drawing it: about 0.02 ms). Not part of CI; needs
PyTorch (Debian: apt install python3-torch).

    python3 bench/pytorch_train.py
"""

import statistics
import time

import torch

H, T, BATCH, RUNS, WARMUP = 8, 50, 32, 301, 30


def step_ms(cell: str) -> float:
    torch.manual_seed(1)
    rnn = {"lstm": torch.nn.LSTM, "gru": torch.nn.GRU, "rnn": torch.nn.RNN}[cell](
        1, H, batch_first=True
    ).double()
    head = torch.nn.Linear(H, 2).double()
    params = list(rnn.parameters()) + list(head.parameters())
    optimizer = torch.optim.Adam(params, lr=0.01)
    loss_fn = torch.nn.CrossEntropyLoss()
    signs = torch.randint(0, 2, (BATCH,))
    x = torch.rand(BATCH, T, 1, dtype=torch.float64) * 2 - 1
    x[:, 0, 0] = signs.double() * 2 - 1

    def step() -> None:
        optimizer.zero_grad()
        out, _ = rnn(x)
        loss = loss_fn(head(out[:, -1]), signs)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        optimizer.step()

    for _ in range(WARMUP):
        step()
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        step()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    torch.set_num_threads(1)
    print(f"PyTorch {torch.__version__}, float64, 1 thread, H={H}, T={T}, batch {BATCH}")
    print("| cell | ms per Adam step | steps/s |")
    print("| --- | ---: | ---: |")
    for cell in ("lstm", "gru", "rnn"):
        ms = step_ms(cell)
        print(f"| {cell} | {ms:.2f} | {1000 / ms:.0f} |")


if __name__ == "__main__":
    main()
