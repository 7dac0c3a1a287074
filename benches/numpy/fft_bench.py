"""NumPy's side of benches/fft.rs: numpy.fft on the same shapes and data,
median of repeated runs (numpy.fft / pocketfft is single-threaded).
Installs nothing: needs python3 with numpy.

    python3 benches/numpy/fft_bench.py
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
    if t < 1e-3:
        return f"{t * 1e6:.1f} µs"
    return f"{t * 1e3:.2f} ms"


def complex_data(shape):
    i = np.arange(int(np.prod(shape)), dtype=np.float64)
    return (np.sin(i * 0.37) + 1j * np.cos(i * 0.11)).reshape(shape)


def main():
    print(f"numpy {np.__version__} on {platform.processor() or platform.machine()}")
    cases = []
    for n in [1 << k for k in range(10, 21, 2)] + [65537]:
        a = complex_data((n,))
        cases.append((f"fft c128 n={n}", lambda a=a: np.fft.fft(a)))
    a2 = complex_data((1024, 1024))
    cases.append(("fft2 c128 1024x1024", lambda: np.fft.fft2(a2)))
    r = np.linspace(0.0, 1.0, 1 << 20)
    cases.append(("rfft f64 n=2^20", lambda: np.fft.rfft(r)))
    b = complex_data((4096, 256))
    cases.append(("fft c128 batch 4096x256 axis=-1", lambda: np.fft.fft(b, axis=-1)))
    for name, f in cases:
        print(f"{name:40s} {fmt(median_time(f))}")


if __name__ == "__main__":
    main()
