#!/usr/bin/env python3
"""NumPy/SciPy side of the lapis benchmark report (issue 8).

Times, on the sizes and kinds of data the Rust sections use, the BLAS ops
(section ``blas``), the LAPACK drivers (``lapack``) and the array-core cases
(``array``), and writes them as rows of DIR/numpy.csv with backend and imp
``numpy`` and the same op/dtype/shape/n/threads keys as the Rust rows, so
``lapis-bench-report render DIR`` can put them side by side.

    python3 benches/report/numpy_report.py --out DIR --threads T [--quick]
                                          [--sections blas,lapack,array]
                                          [--self-test]

* Threads: OPENBLAS_NUM_THREADS, OMP_NUM_THREADS, MKL_NUM_THREADS (and
  BLIS_NUM_THREADS) are set to T before numpy is imported, and threadpoolctl
  limits the BLAS to T when it is importable. NumPy's ufuncs and reductions
  are single-threaded whatever T is; their rows at T > 1 say exactly that.
* Timing mirrors benches/report/src/timing.rs: one warm-up call, calls
  batched so a batch takes at least 1 ms (quick) or 2 ms (the last probe
  batch counts as the first repetition), then the median seconds per call,
  with the fastest and slowest batch, over 7 (quick) or 11 batches (LAPACK
  at n >= 1000: 7, as lapack.rs does).
* Outliers: after a section, a figure more than 5x slower than both
  neighbouring sizes of the same op and dtype (per unit of work: FLOP, else bytes, else
  n^3 for LAPACK; benches/report/src/checks.rs applies the same rule) is
  re-timed once; if it is still an outlier its row's note says
  `retimed-outlier` (the report flags it), else `retimed`.
* Each case's result is checked once against a plain computation before it
  is timed; a case that raises or gives a wrong answer is reported on stderr
  and not written (a time for a wrong answer is not a result).
* DIR/numpy.csv is created with the report's header when missing; rows
  already there for the same thread count are replaced (so a re-run does
  not mix two runs), other rows are kept. DIR/numpy-machine.txt records the
  NumPy/SciPy versions and their BLAS for the report header.

It installs nothing: when numpy or scipy is missing it says so and exits 0
(`python3 -m pip install numpy scipy` adds them).
"""

import argparse
import os
import sys
import time

HEADER = ("backend,section,op,dtype,shape,n,threads,impl,seconds,flops,bytes,"
          "min_seconds,max_seconds,reps,note")
# Results written before the spread columns; still accepted (see write_csv).
HEADER_V1 = "backend,section,op,dtype,shape,n,threads,impl,seconds,flops,bytes"
MIN_REPS = 7
OUTLIER_FACTOR = 5.0
SECTIONS = ("blas", "lapack", "array")
# The report's other sections, accepted (so the driver can pass its own
# --sections list through) and skipped: NumPy has nothing to say there.
OTHER_SECTIONS = ("machine", "c_abi")
THREAD_VARS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS",
               "BLIS_NUM_THREADS")


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--out", required=True, help="results folder (created if missing)")
    p.add_argument("--threads", required=True, type=int, help="BLAS threads (>= 1)")
    p.add_argument("--quick", action="store_true", help="fewer sizes, smaller time budget")
    p.add_argument("--self-test", action="store_true",
                   help="check the checker and the CSV writer, time nothing")
    p.add_argument("--sections", default=",".join(SECTIONS),
                   help="comma-separated subset of " + ",".join(SECTIONS)
                   + " (" + ",".join(OTHER_SECTIONS) + " are accepted and skipped)")
    args = p.parse_args(argv)
    if args.threads < 1:
        p.error("--threads must be at least 1")
    args.sections = [s.strip() for s in args.sections.split(",") if s.strip()]
    bad = [s for s in args.sections if s not in SECTIONS + OTHER_SECTIONS]
    if bad:
        p.error(f"unknown section(s) {bad}; known: {','.join(SECTIONS + OTHER_SECTIONS)}")
    args.sections = [s for s in args.sections if s in SECTIONS]
    return args


ARGS = parse_args(sys.argv[1:])
# Before numpy is imported: the BLAS reads these when it loads.
for _v in THREAD_VARS:
    os.environ[_v] = str(ARGS.threads)

try:
    import numpy as np
    import scipy
    import scipy.linalg as sla
    import scipy.linalg.blas as sblas
except ImportError as e:
    print(f"numpy_report.py: numpy/scipy not available ({e}); no NumPy rows written. "
          "Add them with: python3 -m pip install numpy scipy", file=sys.stderr)
    sys.exit(0)

try:
    from threadpoolctl import threadpool_limits
except ImportError:
    threadpool_limits = None


def progress(msg):
    print(f"[numpy {ARGS.threads}t] {msg}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------- timing

class Budget:
    def __init__(self, quick):
        self.reps, self.batch_seconds = (MIN_REPS, 1e-3) if quick else (11, 2e-3)

    def long_calls(self, n):
        """For calls that take seconds (LAPACK at n >= 1000), as lapack.rs:
        MIN_REPS repetitions."""
        b = Budget(False)
        b.reps, b.batch_seconds = MIN_REPS, self.batch_seconds
        return b


def stats(samples):
    """(median, min, max, reps) of seconds-per-call samples."""
    v = sorted(samples)
    n = len(v)
    med = v[n // 2] if n % 2 else 0.5 * (v[n // 2 - 1] + v[n // 2])
    return med, v[0], v[-1], n


def measure(budget, f):
    """(median, min, max, reps) of f's seconds per call (see the module doc)."""
    clock = time.perf_counter
    f()
    k = 1
    while True:
        t = clock()
        for _ in range(k):
            f()
        s = clock() - t
        if s >= budget.batch_seconds or k >= 1 << 24:
            break
        k *= 2
    # The probe batch counts as the first timed repetition (as in timing.rs).
    samples = [s / k]
    while len(samples) < max(budget.reps, MIN_REPS):
        t = clock()
        for _ in range(k):
            f()
        samples.append((clock() - t) / k)
    return stats(samples)


def work(section, n, flops, nbytes):
    """What a time is divided by before neighbours are compared (as
    checks.rs's `work`): FLOP, else bytes, else n^3 for LAPACK, else None."""
    if flops > 0:
        return flops
    if nbytes > 0:
        return nbytes
    if section == "lapack" and n > 0:
        return float(n) ** 3
    return None


def outliers(costs):
    """Which costs (in size order) are more than OUTLIER_FACTOR times above
    the larger neighbour (slow spikes); the ends are not judged (as
    checks.rs's `outliers`)."""
    out = [False] * len(costs)
    for i in range(1, len(costs) - 1):
        lo, c, hi = costs[i - 1], costs[i], costs[i + 1]
        if lo > 0 and c > 0 and hi > 0:
            out[i] = c > OUTLIER_FACTOR * max(lo, hi)
    return out


# ---------------------------------------------------------------- rows

class Rows:
    def __init__(self, threads):
        self.threads = threads
        self.rows = []
        # One dict per row: its fields, its timing and how to time it again.
        self.cases = []

    def add(self, section, op, dtype, shape, n, stat, flops=0.0, nbytes=0.0, note=""):
        self.rows.append(",".join([
            "numpy", section, op, dtype, shape, str(n), str(self.threads), "numpy",
            repr(float(stat[0])), repr(float(flops)), repr(float(nbytes)),
            repr(float(stat[1])), repr(float(stat[2])), str(int(stat[3])),
            note.replace(",", ";")]))

    def retime_outliers(self):
        """Re-times, once, each figure that is an outlier among its
        neighbours (see the module doc) and rewrites its row."""
        groups = {}
        for i, c in enumerate(self.cases):
            w = work(c["section"], c["n"], c["flops"], c["nbytes"])
            if w is not None:
                groups.setdefault((c["section"], c["op"], c["dtype"]), []).append((c["n"], i, w))
        for members in groups.values():
            members.sort()

            def costs():
                return [self.cases[i]["stat"][0] / w for _, i, w in members]

            flagged = [m for m, out in zip(members, outliers(costs())) if out]
            for _, i, _ in flagged:
                c = self.cases[i]
                progress(f"{c['section']} {c['op']} {c['dtype']} n={c['n']}: "
                         f"outlier ({c['stat'][0]:.3e} s); re-timed once")
                c["stat"] = measure(c["budget"], c["f"])
                c["note"] = "retimed"
            still = outliers(costs())
            for (_, i, _), out in zip(members, still):
                if out and self.cases[i]["note"] == "retimed":
                    self.cases[i]["note"] = "retimed-outlier"
        self.rows = []
        for c in self.cases:
            self.add(c["section"], c["op"], c["dtype"], c["shape"], c["n"], c["stat"],
                     c["flops"], c["nbytes"], c["note"])

    def case(self, budget, section, op, dtype, shape, n, f, check, flops=0.0, nbytes=0.0):
        """Checks one call of f with check(result), then times f."""
        label = f"{section} {op} {dtype} {shape}"
        try:
            problem = check(f())
            if problem:
                progress(f"{label}: wrong result ({problem}); not recorded")
                return
            s = measure(budget, f)
        except Exception as e:  # a failing case must not stop the run
            progress(f"{label}: {type(e).__name__}: {e}; not recorded")
            return
        self.cases.append(dict(section=section, op=op, dtype=dtype, shape=shape, n=n,
                               stat=s, flops=flops, nbytes=nbytes, note="", budget=budget,
                               f=f))
        self.add(section, op, dtype, shape, n, s, flops, nbytes)


def close(got, want, tol):
    """None if |got - want| <= tol elementwise (NaN fails), else a message."""
    got = np.asarray(got)
    want = np.asarray(want)
    if got.shape != want.shape:
        return f"shape {got.shape}, expected {want.shape}"
    err = np.abs(got - want)
    bad = ~(err <= tol)
    if bad.any():
        i = np.unravel_index(np.argmax(np.where(bad, np.nan_to_num(err, nan=np.inf), -1)),
                             err.shape)
        return f"element {tuple(int(x) for x in i)}: {got[i]} vs {want[i]}"
    return None


EPS = np.finfo(np.float64).eps


# ---------------------------------------------------------------- blas

def blas_sizes(quick):
    return [4, 64, 256, 1024] if quick else [4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048]


def blas_mat(n, seed, complex_):
    i, j = np.indices((n, n), dtype=np.float64)
    re = np.sin((i * 31 + j * 17) * seed)
    if complex_:
        return re + 1j * np.cos((i * 7 + j * 13) * seed)
    return re


def check_rows(n):
    """Up to 8 rows spread over 0..n-1: what the O(n³) results are checked on."""
    return sorted({int(i) for i in np.linspace(0, n - 1, min(n, 8))})


def blas_section(rows, budget, quick):
    for n in blas_sizes(quick):
        progress(f"blas n={n}")
        sq, vec = f"{n}x{n}", str(n)
        rows_ = check_rows(n)
        # gemm: C = A·B into an existing C (as lapis's gemm writes its output).
        for dtype, cplx, mult in (("f64", False, 1), ("c128", True, 4)):
            a, b = blas_mat(n, 0.37, cplx), blas_mat(n, 0.11, cplx)
            c = np.empty_like(a)
            # Some rows, by einsum (not BLAS): an independent check.
            want = np.einsum("ik,kj->ij", a[rows_], b)
            tol = 4 * n * EPS * np.einsum("ik,kj->ij", np.abs(a[rows_]), np.abs(b))
            rows.case(budget, "blas", "gemm", dtype, sq, n,
                      lambda a=a, b=b, c=c: np.matmul(a, b, out=c),
                      lambda r, w=want, t=tol: close(r[rows_], w, t),
                      flops=mult * 2.0 * n ** 3)
        # syrk (f64) / herk (c128): lower triangle of A·Aᵀ (A·Aᴴ). SciPy's
        # wrappers are Fortran-order; A is given in that order (no copy in
        # the call) and C is overwritten in place.
        for op, dtype, cplx, fn, mult in (("syrk", "f64", False, sblas.dsyrk, 1),
                                          ("herk", "c128", True, sblas.zherk, 4)):
            a = np.asfortranarray(blas_mat(n, 0.37, cplx))
            c = np.zeros((n, n), dtype=a.dtype, order="F")
            lower = np.arange(n)[None, :] <= np.array(rows_)[:, None]
            want = np.where(lower, np.einsum("ik,jk->ij", a[rows_], a.conj()), 0)
            tol = 4 * n * EPS * np.einsum("ik,jk->ij", np.abs(a[rows_]), np.abs(a))
            rows.case(budget, "blas", op, dtype, sq, n,
                      lambda fn=fn, a=a, c=c: fn(1.0, a, beta=0.0, c=c, lower=1,
                                                 overwrite_c=1),
                      lambda r, w=want, t=tol, m=lower: close(np.where(m, r[rows_], 0), w, t),
                      flops=mult * float(n) ** 3)
        a = blas_mat(n, 0.37, False)
        x = np.cos(np.arange(n) * 0.29)
        yv = np.cos(np.arange(n) * 0.53)
        out = np.empty(n)
        rows.case(budget, "blas", "gemv", "f64", sq, n,
                  lambda: np.matmul(a, x, out=out),
                  lambda r: close(r, np.einsum("ij,j->i", a, x),
                                  4 * n * EPS * (np.abs(a) @ np.abs(x))),
                  flops=2.0 * n * n)
        # y += alpha·x in place (SciPy's daxpy overwrites a contiguous f64 y);
        # a tiny alpha keeps y bounded however many calls are timed.
        alpha = 1e-12
        y = yv.copy()
        y0 = y.copy()
        rows.case(budget, "blas", "axpy", "f64", vec, n,
                  lambda: sblas.daxpy(x, y, a=alpha),
                  lambda r: (None if r is y or np.shares_memory(r, y)
                             else "daxpy did not update y in place")
                  or close(y, y0 + alpha * x, 4 * EPS * (np.abs(y0) + 1)),
                  flops=2.0 * n)
        rows.case(budget, "blas", "dot", "f64", vec, n,
                  lambda: np.dot(x, yv),
                  lambda r: close(r, float(np.sum(x * yv)),
                                  4 * n * EPS * float(np.sum(np.abs(x * yv)))),
                  flops=2.0 * n)


# ---------------------------------------------------------------- lapack

def lapack_sizes(quick):
    return [100, 500] if quick else [100, 200, 500, 1000, 2000]


def lapack_data(n, cplx):
    """The matrices lapack.rs uses: A, H = A + Aᴴ, S = AᴴA/n + I, b (n×1)."""
    i, j = np.indices((n, n), dtype=np.float64)

    def val(i, j, s):
        re = np.sin((i * 131 + j * 71) * s)
        return re + 1j * np.cos((i * 37 + j * 113) * s) if cplx else re

    a = val(i, j, 0.37)
    h = a + a.conj().T
    s = a.conj().T @ a / n + np.eye(n)
    b = val(np.arange(n, dtype=np.float64)[:, None], 7.0, 0.11)
    return a, h, s, b


def lapack_section(rows, budget, quick):
    for dtype, cplx in (("f64", False), ("c128", True)):
        for n in lapack_sizes(quick):
            progress(f"lapack {dtype} n={n}")
            a, h, s, b = lapack_data(n, cplx)
            bud = budget.long_calls(n) if n >= 1000 else budget
            sq = f"{n}x{n}"
            # Residual checks, scaled with n, epsilon and the matrix norms.
            hn, sn, an = (np.linalg.norm(m, 1) for m in (h, s, a))

            def eigh_check(r, h=h, hn=hn, n=n):
                w, v = r
                return close(h @ v - v * w, np.zeros_like(v), 64 * n * EPS * hn)

            def gen_check(r, h=h, s=s, n=n):
                w, v = r
                scale = np.linalg.norm(h, 1) + np.abs(w).max() * np.linalg.norm(s, 1)
                return close(h @ v - (s @ v) * w, np.zeros_like(v), 64 * n * EPS * scale)

            def solve_check(x, a=a, b=b, an=an, n=n):
                scale = an * np.abs(x).max() + np.abs(b).max()
                return close(a @ x, b, 64 * n * EPS * scale)

            def chol_check(l, s=s, sn=sn, n=n):
                return close(l @ l.conj().T, s, 64 * n * EPS * sn)

            def svd_check(r, a=a, an=an, n=n):
                u, sv, vh = r
                return close((u * sv) @ vh, a, 64 * n * EPS * an)

            for op, f, check in (
                    ("eigh", lambda h=h: np.linalg.eigh(h), eigh_check),
                    ("eigh_generalized", lambda h=h, s=s: sla.eigh(h, s), gen_check),
                    ("solve", lambda a=a, b=b: np.linalg.solve(a, b), solve_check),
                    ("cholesky", lambda s=s: np.linalg.cholesky(s), chol_check),
                    ("svd", lambda a=a: np.linalg.svd(a, full_matrices=False), svd_check)):
                rows.case(bud, "lapack", op, dtype, sq, n, f, check)


# ---------------------------------------------------------------- array

N = 2000
PI_SAMPLES = 10_000_000
PI_SEED = 2024


def pi_hits(n, seed):
    """benches/numpy/pi.py's vectorised idiom: x, y = rng.random((2, n))."""
    rng = np.random.default_rng(seed)
    x, y = rng.random((2, n))
    return int((x * x + y * y <= 1).sum())


def array_section(rows, budget):
    rng = np.random.default_rng(42)
    sq, nn = f"{N}x{N}", N * N
    for dtype, dt in (("f64", np.float64), ("c128", np.complex128)):
        progress(f"array {N}x{N} {dtype}")

        def mk(*shape):
            x = rng.uniform(0.5, 2.0, shape)
            if dt == np.complex128:
                x = x + 1j * rng.uniform(0.5, 2.0, shape)
            return x

        a, b, c, row = mk(N, N), mk(N, N), mk(N, N), mk(N)
        es = np.dtype(dt).itemsize
        rows.case(budget, "array", "add_broadcast", dtype, f"{N}x{N}+{N}", N,
                  lambda: a + row,
                  lambda r: close(r, a + row[None, :].repeat(N, 0), 0.0),
                  nbytes=(2 * nn + N) * es)
        rows.case(budget, "array", "fma", dtype, sq, N,
                  lambda: a * b + c,
                  lambda r: close(r, np.add(np.multiply(a, b), c), 32 * EPS),
                  nbytes=4 * nn * es)
        if dt != np.float64:
            continue
        import math
        rows.case(budget, "array", "exp", dtype, sq, N,
                  lambda: np.exp(a),
                  lambda r: close(r[::97, ::89],
                                  np.vectorize(math.exp)(a[::97, ::89]),
                                  4 * EPS * np.exp(a[::97, ::89])),
                  nbytes=2 * nn * es)
        for axis in (0, 1):
            want = np.array([math.fsum(v) for v in (a.T if axis == 0 else a)])
            rows.case(budget, "array", f"sum_axis{axis}", dtype, sq, N,
                      lambda axis=axis: a.sum(axis=axis),
                      lambda r, w=want: close(r, w, N * EPS * w),
                      nbytes=(nn + N) * es)
    progress("array 4x4 add, Monte Carlo pi")
    a4 = np.arange(16, dtype=np.float64).reshape(4, 4) + 0.5
    b4 = 2.0 * np.arange(16, dtype=np.float64).reshape(4, 4)
    o4 = np.empty((4, 4))
    rows.case(budget, "array", "add_4x4", "f64", "4x4", 4,
              lambda: np.add(a4, b4, out=o4),
              lambda r: close(o4, 0.5 + 3.0 * np.arange(16.0).reshape(4, 4), 0.0))

    def pi_check(hits, n=PI_SAMPLES):
        p = hits / n
        sigma = 4 * (p * (1 - p) / n) ** 0.5
        err = abs(4 * p - np.pi)
        return None if err <= 6 * sigma else f"pi estimate {4 * p} is {err / sigma:.1f} sigma off"

    rows.case(budget, "array", "pi", "f64", str(PI_SAMPLES), PI_SAMPLES,
              lambda: pi_hits(PI_SAMPLES, PI_SEED), pi_check)


# ---------------------------------------------------------------- output

def blas_info():
    try:
        cfg = np.show_config(mode="dicts")
        b = cfg["Build Dependencies"]["blas"]
        return f"{b.get('name')} {b.get('version')}"
    except Exception:
        return "unknown"


def blas_threads_reported():
    """The thread count NumPy's bundled OpenBLAS reports, or "unknown"."""
    import ctypes
    import glob
    libdir = os.path.join(os.path.dirname(np.__file__), os.pardir, "numpy.libs")
    for lib in glob.glob(os.path.join(libdir, "*openblas*")):
        try:
            handle = ctypes.CDLL(lib)
        except OSError:
            continue
        for name in ("scipy_openblas_get_num_threads64_", "scipy_openblas_get_num_threads",
                     "openblas_get_num_threads64_", "openblas_get_num_threads"):
            f = getattr(handle, name, None)
            if f is not None:
                return str(f())
    return "unknown"


def write_csv(path, rows, threads, sections):
    """Creates path with HEADER if missing; replaces the rows of `threads`
    in `sections` (those this run measured), keeps the rest."""
    kept = []
    if os.path.exists(path):
        with open(path) as f:
            lines = f.read().splitlines()
        old = bool(lines) and lines[0].strip() == HEADER_V1
        if not lines or (lines[0].strip() != HEADER and not old):
            raise SystemExit(f"numpy_report.py: {path} has header {lines[:1]}, "
                             f"expected {HEADER!r}; not touched")
        for line in lines[1:]:
            fields = line.split(",")
            if old and len(fields) == 11:
                # Spread unknown (reps 0): min = max = the old best time.
                line = ",".join(fields + [fields[8], fields[8], "0", ""])
                fields = line.split(",")
            replaced = (len(fields) == 15 and fields[6].strip() == str(threads)
                        and fields[1].strip() in sections)
            if line.strip() and not replaced:
                kept.append(line)
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write("\n".join([HEADER] + kept + rows.rows) + "\n")
    os.replace(tmp, path)
    return sorted({int(line.split(",")[6]) for line in kept + rows.rows})


def self_test():
    """The checks must be able to fail, and the CSV must keep what it should."""
    assert close([1.0, 2.0], [1.0, 2.0], 0.0) is None
    assert close([1.0, 2.0 + 1e-9], [1.0, 2.0], 1e-12) is not None
    assert close([1.0, np.nan], [1.0, 2.0], 1.0) is not None
    assert close(np.ones((2, 2)), np.ones((2, 3)), 1.0) is not None
    rows = Rows(3)
    quick = Budget(True)
    rows.case(quick, "array", "wrong", "f64", "2", 2, lambda: np.zeros(2),
              lambda r: close(r, np.ones(2), 0.0))
    rows.case(quick, "array", "raises", "f64", "2", 2, lambda: 1 / 0, lambda r: None)
    assert rows.rows == [], rows.rows
    rows.case(quick, "array", "right", "f64", "2", 2, lambda: np.ones(2),
              lambda r: close(r, np.ones(2), 0.0), nbytes=16)
    assert len(rows.rows) == 1 and rows.rows[0].startswith("numpy,array,right,f64,2,2,3,numpy,")
    assert len(rows.rows[0].split(",")) == 15 and int(rows.rows[0].split(",")[13]) >= MIN_REPS
    assert stats([3.0, 1.0, 2.0, 4.0]) == (2.5, 1.0, 4.0, 4)
    assert outliers([1.0, 0.5, 194.0, 0.4, 0.3]) == [False, False, True, False, False]
    assert outliers([40.0, 8.0, 1.5, 1.0]) == [False] * 4
    assert outliers([1.0, 5.0, 1.0]) == [False] * 3
    assert outliers([1.4e-8, 5.4e-11, 5.2e-10, 5.8e-11]) == [False, False, True, False]
    # A spike that stays a spike when re-timed is noted as such.
    spike = Rows(1)
    for n, secs in ((8, 1e-6), (16, 1e-3), (32, 8e-6)):
        spike.cases.append(dict(section="blas", op="x", dtype="f64", shape=str(n), n=n,
                                stat=(secs, secs, secs, 7), flops=float(n), nbytes=0.0,
                                note="", budget=quick,
                                f=lambda secs=secs: time.sleep(secs)))
    spike.retime_outliers()
    notes = [r.split(",")[14] for r in spike.rows]
    assert notes[0] == "" and notes[2] == "" and notes[1] in ("retimed", "retimed-outlier"), notes
    path = os.path.join(ARGS.out, "numpy-selftest.csv")
    with open(path, "w") as f:
        f.write(HEADER + "\n"
                "numpy,array,old,f64,2,2,3,numpy,1.0,0.0,0.0,1.0,1.0,7,\n"   # replaced
                "numpy,blas,old,f64,2,2,3,numpy,1.0,0.0,0.0,1.0,1.0,7,\n"    # other section: kept
                "numpy,array,old,f64,2,2,1,numpy,1.0,0.0,0.0,1.0,1.0,7,\n")  # other threads: kept
    assert write_csv(path, rows, 3, ["array"]) == [1, 3]
    with open(path) as f:
        lines = f.read().splitlines()
    os.remove(path)
    assert lines[0] == HEADER and len(lines) == 4, lines
    assert not any(",array,old,f64,2,2,3," in line for line in lines), lines
    print("numpy_report.py self-test: ok", file=sys.stderr)


def main():
    os.makedirs(ARGS.out, exist_ok=True)
    if ARGS.self_test:
        return self_test()
    if not ARGS.sections:
        progress("no NumPy section asked for (blas, lapack, array); nothing to do")
        return None
    budget = Budget(ARGS.quick)
    rows = Rows(ARGS.threads)
    limiter = threadpool_limits(ARGS.threads) if threadpool_limits else None
    t0 = time.perf_counter()
    try:
        if "blas" in ARGS.sections:
            blas_section(rows, budget, ARGS.quick)
        if "lapack" in ARGS.sections:
            lapack_section(rows, budget, ARGS.quick)
        if "array" in ARGS.sections:
            array_section(rows, budget)
        rows.retime_outliers()
    finally:
        if limiter is not None:
            limiter.unregister()
    path = os.path.join(ARGS.out, "numpy.csv")
    threads_seen = write_csv(path, rows, ARGS.threads, ARGS.sections)
    with open(os.path.join(ARGS.out, "numpy-machine.txt"), "w") as f:
        f.write(f"numpy {np.__version__}, scipy {scipy.__version__}, "
                f"python {sys.version.split()[0]}\n"
                f"numpy BLAS/LAPACK: {blas_info()}\n"
                f"BLAS threads reported by numpy's OpenBLAS (last run, --threads "
                f"{ARGS.threads}): {blas_threads_reported()}\n"
                f"threads measured: {', '.join(map(str, threads_seen))} "
                f"(set by {', '.join(THREAD_VARS)}"
                f"{' and threadpoolctl' if threadpool_limits else ''}; "
                "NumPy's ufuncs and reductions run on one thread)\n")
    progress(f"{len(rows.rows)} rows in {path} ({time.perf_counter() - t0:.0f} s)")


if __name__ == "__main__":
    main()
