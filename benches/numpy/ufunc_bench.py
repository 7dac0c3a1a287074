"""NumPy's side of benches/ufunc.rs: the same operations on the same
shapes, median of repeated runs, one thread (NumPy's ufuncs are
single-threaded). Installs nothing: needs python3 with numpy.

    python3 benches/numpy/ufunc_bench.py
"""
import platform
import time

import numpy as np


def median_time(f, min_runs=5, min_seconds=1.0):
    f()
    times = []
    start = time.perf_counter()
    while len(times) < min_runs or time.perf_counter() - start < min_seconds:
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    times.sort()
    return times[len(times) // 2]


def fmt(t):
    if t < 1e-6:
        return f"{t * 1e9:.0f} ns"
    if t < 1e-3:
        return f"{t * 1e6:.1f} µs"
    return f"{t * 1e3:.2f} ms"


def main():
    n = 2000
    rng = np.random.default_rng(42)
    print(f"numpy {np.__version__}, python {platform.python_version()}")
    a4 = np.ones((4, 4))
    b4 = np.ones((4, 4))
    o4 = np.empty((4, 4))
    print(f"latency 4x4 f64 add (new array): {fmt(median_time(lambda: np.add(a4, b4)))}")
    print(f"latency 4x4 f64 add out=: {fmt(median_time(lambda: np.add(a4, b4, out=o4)))}")
    for dt in [np.float64, np.complex128]:
        def mk():
            x = rng.uniform(0.5, 2.0, (n, n))
            if dt == np.complex128:
                x = x + 1j * rng.uniform(0.5, 2.0, (n, n))
            return x
        a, b, c = mk(), mk(), mk()
        row = mk()[0].copy()
        out = np.empty((n, n), dtype=dt)
        f = np.asfortranarray(a)
        name = np.dtype(dt).name
        cases = [
            ("add matrix + row", lambda: a + row),
            ("add_out matrix + row", lambda: np.add(a, row, out=out)),
            ("a*b+c", lambda: a * b + c),
            ("exp", lambda: np.exp(a)),
            ("exp out=", lambda: np.exp(a, out=out)),
            ("sqrt", lambda: np.sqrt(a)),
            ("sum axis 0", lambda: a.sum(axis=0)),
            ("sum axis 1", lambda: a.sum(axis=1)),
        ]
        if dt == np.float64:
            cases.append(("add F-order + row", lambda: f + row))
        for label, fn in cases:
            print(f"{n}x{n} {name} {label}: {fmt(median_time(fn))}")
    stack_a = rng.standard_normal((1000, 4, 4))
    stack_b = rng.standard_normal((1000, 4, 4))
    print(f"matmul stack 1000 x 4x4 float64: {fmt(median_time(lambda: stack_a @ stack_b))}")
    za = stack_a + 1j * rng.standard_normal((1000, 4, 4))
    zb = stack_b + 1j * rng.standard_normal((1000, 4, 4))
    print(f"matmul stack 1000 x 4x4 complex128: {fmt(median_time(lambda: za @ zb))}")


main()
