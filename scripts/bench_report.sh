#!/usr/bin/env bash
# The benchmark report (issue 8): lapis against the BLAS/LAPACK it is built
# on, the machine's limits and NumPy/SciPy.
#
#   scripts/bench_report.sh [--backend openblas|openblas-pypi|openblas64-pypi|blis|mkl|reference|all|a,b,...] [--quick]
#                           [--out DIR] [--threads 1,2] [--sections blas,lapack,...]
#
# For each backend (all = those whose libraries are installed; mkl only when
# `scripts/setup.sh mkl` has put libmkl_rt next to python3, or LAPIS_MKL_DIR
# names it) the report binary is built with that backend's feature and kept
# as target/bench-report/<backend>/lapis-bench-report, and
# run; then, when python3 has numpy and scipy, benches/report/numpy_report.py
# once per thread count; then `render`, which writes DIR/report.md,
# DIR/report.csv and DIR/*.png. DIR defaults to results/<date>-<commit>/.
# Nothing is installed here (make bench-report runs the set-up first).
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
  sed -n '5,6p' "$0" | sed 's/^# *//'
  exit "${1:-0}"
}

backend=openblas
quick=()
out=
threads=
sections=()
while [ $# -gt 0 ]; do
  case "$1" in
    --backend) backend=${2:?--backend needs a value}; shift 2 ;;
    --quick) quick=(--quick); shift ;;
    --out) out=${2:?--out needs a value}; shift 2 ;;
    --threads) threads=${2:?--threads needs a value}; shift 2 ;;
    --sections) sections=(--sections "${2:?--sections needs a value}"); shift 2 ;;
    -h|--help) usage 0 ;;
    *) echo "bench_report: unknown argument '$1'" >&2; usage 2 >&2 ;;
  esac
done

arch=$(uname -m)
libdir=/usr/lib/$arch-linux-gnu
installed() {
  case "$1" in
    openblas) [ -e "$libdir/openblas-pthread/libopenblas.so" ] && [ -e "$libdir/liblapacke.so" ] ;;
    reference) [ -e "$libdir/blas/libblas.a" ] && [ -e "$libdir/lapack/liblapack.a" ] && [ -e "$libdir/liblapacke.a" ] ;;
    blis) compgen -G "$libdir/blis-*/libblis.so.4" >/dev/null && [ -e "$libdir/lapack/liblapack.a" ] && [ -e "$libdir/liblapacke.a" ] ;;
    openblas-pypi) [ -e target/pypi/scipy_openblas32/lib/libscipy_openblas.so ] ;;
    openblas64-pypi) [ -e target/pypi/scipy_openblas64/lib/libscipy_openblas64_.so ] ;;
    mkl)
      if [ -n "${LAPIS_MKL_DIR:-}" ]; then
        compgen -G "$LAPIS_MKL_DIR/libmkl_rt.so*" >/dev/null
      else
        python3 -c 'import sys, glob; sys.exit(0 if glob.glob(sys.prefix + "/lib/libmkl_rt.so*") else 1)' 2>/dev/null
      fi ;;
    *) return 1 ;;
  esac
}

case "$backend" in
  all)
    backends=()
    for b in openblas openblas-pypi openblas64-pypi blis mkl reference; do
      if installed "$b"; then backends+=("$b"); else echo "bench_report: $b is not installed; skipped"; fi
    done ;;
  openblas|openblas-pypi|openblas64-pypi|blis|mkl|reference) backends=("$backend") ;;
  *,*)
    # A comma-separated list, e.g. openblas,openblas-pypi,openblas64-pypi.
    IFS=, read -r -a backends <<< "$backend"
    for b in "${backends[@]}"; do
      case "$b" in
        openblas|openblas-pypi|openblas64-pypi|blis|mkl|reference) ;;
        *) echo "bench_report: --backend $b is not one of openblas, openblas-pypi, openblas64-pypi, blis, mkl, reference" >&2; exit 2 ;;
      esac
    done ;;
  *) echo "bench_report: --backend $backend is not one of openblas, openblas-pypi, openblas64-pypi, blis, mkl, reference, all" >&2; exit 2 ;;
esac
if [ ${#backends[@]} -eq 0 ]; then
  echo "bench_report: no backend installed (run scripts/setup.sh)" >&2
  exit 1
fi

commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ "$commit" != unknown ] && ! git diff --quiet HEAD -- 2>/dev/null; then
  commit="$commit-dirty"
fi
out=${out:-results/$(date -u +%Y%m%d-%H%M%S)-$commit}
mkdir -p "$out"
if [ -z "$threads" ]; then
  cores=$(nproc)
  if [ "$cores" -gt 1 ]; then threads="1,$cores"; else threads=1; fi
fi
command_line="scripts/bench_report.sh --backend $backend${quick:+ --quick} --threads $threads${sections:+ ${sections[*]}}"
echo "bench_report: backends ${backends[*]}; threads $threads; results in $out"

bin=
refused=()
for b in "${backends[@]}"; do
  case "$b" in
    openblas) feature=openblas-system ;;
    reference) feature=netlib-system ;;
    blis) feature=blis-system ;;
    mkl) feature=intel-mkl-pypi ;;
    openblas-pypi|openblas64-pypi) feature=$b ;;
  esac
  # One target directory for all backends (features, unlike LAPIS_BACKEND,
  # give each its own artefacts); the binary is kept per backend.
  echo "bench_report: building for $b (feature $feature)"
  env -u LAPIS_BACKEND cargo build -p lapis-bench-report --release --quiet --no-default-features --features "$feature"
  mkdir -p "target/bench-report/$b"
  cp target/release/lapis-bench-report "target/bench-report/$b/lapis-bench-report"
  bin=$PWD/target/bench-report/$b/lapis-bench-report
  echo "bench_report: running $b"
  # The binary refuses to write a column when the BLAS/LAPACK that runs is
  # not $b (lapis::check_backend); its build.rs takes lapis's run-time path.
  if ! LAPIS_COMMIT=$commit "$bin" run --out "$out" --threads "$threads" "${quick[@]}" "${sections[@]}"; then
    echo "bench_report: no $b column (the run above failed or refused)" >&2
    refused+=("$b")
    rm -f "$out/$b.csv" "$out/$b-machine.txt"
  fi
done

if [ ! -f benches/report/numpy_report.py ]; then
  echo "bench_report: no NumPy column (benches/report/numpy_report.py is missing)"
elif python3 -c 'import numpy, scipy' 2>/dev/null; then
  # This invocation owns the NumPy column: start it afresh.
  rm -f "$out/numpy.csv"
  for t in ${threads//,/ }; do
    echo "bench_report: NumPy/SciPy, $t thread(s)"
    python3 benches/report/numpy_report.py --out "$out" --threads "$t" "${quick[@]}"
  done
else
  echo "bench_report: no NumPy column (python3 with numpy and scipy not found; add them with"
  echo "              'python3 -m pip install numpy scipy')"
fi

LAPIS_REPORT_COMMAND=$command_line "$bin" render "$out"
echo "bench_report: report in $out/report.md (plots $out/*.png, all rows $out/report.csv); took ${SECONDS} s"
if [ ${#refused[@]} -gt 0 ]; then
  echo "bench_report: no column for ${refused[*]}: the library that ran was not the one asked for" >&2
  exit 1
fi
