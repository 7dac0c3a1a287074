#!/usr/bin/env bash
# Installs the Debian packages lapis builds and tests against, only those
# that are missing (nothing is done when all are present). Run as root on
# Debian 12; the Rust toolchain is assumed.
#
#   scripts/setup.sh            the default set (OpenBLAS, reference BLAS/LAPACK, BLIS, LAPACKE,
#                               and the C/Fortran toolchain, pkg-config and valgrind for the C ABI tests,
#                               cmake for the CMake package test, FFTW 3 for the FFT bench's comparison, fonts-dejavu-core for the
#                               benchmark report's plots)
#   scripts/setup.sh mkl        also Intel MKL from PyPI (pip install mkl)
set -euo pipefail

packages=(libopenblas-dev liblapacke-dev libblas-dev liblapack-dev libblis-dev pkg-config make cmake gcc g++ gfortran valgrind python3 libfftw3-dev fonts-dejavu-core)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ "${1:-}" = mkl ]; then
  if ! python3 -c 'import sys, glob; sys.exit(0 if glob.glob(sys.prefix + "/lib/libmkl_rt.so*") else 1)'; then
    echo "setup: installing MKL (pip install mkl)"
    python3 -m pip install --quiet mkl
  fi
fi
