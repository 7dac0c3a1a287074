#!/usr/bin/env python3
"""NumPy side of examples/pi.rs: Monte Carlo pi with NumPy's vectorized
idiom, timed the same way (median of RUNS wall-clock runs after one
warm-up, the draws included).

    x, y = rng.random((2, n))          # float64, one 64-bit draw each
    pi = 4 * (x*x + y*y <= 1).sum() / n

NumPy runs this on one thread. Needs python3 with numpy; installs nothing.

    python3 benches/numpy/pi.py [SAMPLES [SEED [RUNS]]]
"""
import math
import platform
import statistics
import sys
import time

try:
    import numpy as np
except ImportError as e:  # pragma: no cover
    print(f"numpy not available ({e}); skipping", file=sys.stderr)
    sys.exit(0)


def estimate(n, seed):
    rng = np.random.default_rng(seed)
    x, y = rng.random((2, n))
    return int((x * x + y * y <= 1).sum())


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def main():
    args = [int(a.replace("_", "")) for a in sys.argv[1:]]
    n = args[0] if len(args) > 0 else 12_000_000
    seed = args[1] if len(args) > 1 else 2024
    runs = args[2] if len(args) > 2 else 9

    hits = estimate(n, seed)  # warm-up
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        hits = estimate(n, seed)
        times.append(time.perf_counter() - t0)
    p = hits / n
    pi = 4 * p
    sigma = 4 * math.sqrt(p * (1 - p) / n)
    err = abs(pi - math.pi)
    print(f"NumPy {np.__version__} (PCG64, float64), Python {platform.python_version()}")
    print(f"Monte Carlo pi, {n} samples, seed {seed}")
    print(f"  pi ~ {pi:.8f}  (hits {hits})")
    print(f"  |pi_hat - pi| = {err:.2e}; expected statistical error "
          f"4*sqrt(p(1-p)/n) = {sigma:.2e} ({err / sigma:.2f} sigma)")
    print(f"  CPU: {cpu_model()}")
    print(f"  1 thread: {statistics.median(times) * 1e3:.2f} ms "
          f"(median of {runs} runs after a warm-up)")


if __name__ == "__main__":
    main()
