#!/usr/bin/env python3
"""NumPy/SciPy side of the linalg benchmark: the same operations and sizes
as benches/linalg.rs, timed the same way (best of k wall-clock runs, inputs
built once, the copy LAPACK needs included in the call).

Needs python3 with numpy and scipy (`python3 -m pip install numpy scipy`);
installs nothing itself. Prints a Markdown table in milliseconds.

    python3 benches/numpy/linalg_bench.py [n ...]
"""
import sys
import time

try:
    import numpy as np
    import scipy
    import scipy.linalg as sla
except ImportError as e:  # pragma: no cover
    print(f"numpy/scipy not available ({e}); skipping", file=sys.stderr)
    sys.exit(0)


def best(f, reps):
    f()
    t = float("inf")
    for _ in range(reps):
        t0 = time.perf_counter()
        f()
        t = min(t, time.perf_counter() - t0)
    return t * 1e3


def data(n, dtype, seed):
    rng = np.random.default_rng(seed)
    a = rng.uniform(-1, 1, (n, n))
    if np.issubdtype(dtype, np.complexfloating):
        a = a + 1j * rng.uniform(-1, 1, (n, n))
    a = a.astype(dtype)
    h = (a + a.conj().T) / 2
    s = a.conj().T @ a + n * np.eye(n, dtype=dtype)
    b = a[:, :1].copy()
    return a, h, s, b


def main():
    sizes = [int(x) for x in sys.argv[1:]] or [100, 500, 1000, 2000]
    print(f"numpy {np.__version__}, scipy {scipy.__version__}")
    cfg = np.show_config(mode="dicts") if hasattr(np, "show_config") else {}
    try:
        blas = cfg["Build Dependencies"]["blas"]
        print(f"numpy BLAS: {blas.get('name')} {blas.get('version')}")
    except Exception:
        pass
    print()
    print("| op | dtype | n | numpy/scipy ms |")
    print("|---|---|---:|---:|")
    for dtype, name in [(np.float64, "f64"), (np.complex128, "c128")]:
        for n in sizes:
            reps = 5 if n <= 500 else (3 if n <= 1000 else 1)
            a, h, s, b = data(n, dtype, n)
            ops = [
                ("eigh", lambda: np.linalg.eigh(h)),
                ("eigh_generalized", lambda: sla.eigh(h, s)),
                ("solve", lambda: np.linalg.solve(a, b)),
                ("cholesky", lambda: np.linalg.cholesky(s)),
                ("svd", lambda: np.linalg.svd(a, full_matrices=False)),
                ("lstsq", lambda: np.linalg.lstsq(a, b, rcond=None)),
            ]
            for op, f in ops:
                print(f"| {op} | {name} | {n} | {best(f, reps):.2f} |", flush=True)


if __name__ == "__main__":
    main()
