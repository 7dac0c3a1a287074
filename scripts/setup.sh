#!/usr/bin/env bash
# Installs the Debian packages lapis builds and tests against, only those
# that are missing (nothing is done when all are present). Run as root on
# Debian 12; the Rust toolchain is assumed.
#
#   scripts/setup.sh            the default set (OpenBLAS, reference BLAS/LAPACK, BLIS, LAPACKE,
#                               and the C/Fortran toolchain, pkg-config and valgrind for the C ABI tests,
#                               cmake for the CMake package test, FFTW 3 for the FFT bench's comparison, fonts-dejavu-core for the
#                               benchmark report's plots)
#                               and the OpenBLAS that NumPy ships: PyPI's scipy-openblas32 and scipy-openblas64
#                               wheels, unpacked into target/pypi (the system Python is not touched)
#   scripts/setup.sh mkl        also Intel MKL from PyPI (pip install mkl)
set -euo pipefail
cd "$(dirname "$0")/.."

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

# scipy-openblas32/64 (features openblas-pypi, openblas64-pypi): the wheels
# are downloaded and unpacked, not installed; build.rs finds them in
# target/pypi/<package>/lib. Pinned, so that every machine tests the same build.
SCIPY_OPENBLAS_VERSION=0.3.34.481.3
for pkg in scipy_openblas32 scipy_openblas64; do
  stamp=target/pypi/$pkg/.version
  if [ "$(cat "$stamp" 2>/dev/null)" != "$SCIPY_OPENBLAS_VERSION" ]; then
    echo "setup: fetching ${pkg//_/-} $SCIPY_OPENBLAS_VERSION into target/pypi"
    rm -rf "target/pypi/$pkg" target/pypi/wheels
    mkdir -p target/pypi/wheels
    python3 -m pip download --quiet --no-deps --only-binary=:all: --platform manylinux_2_28_x86_64 \
      --dest target/pypi/wheels "${pkg//_/-}==$SCIPY_OPENBLAS_VERSION"
    python3 -m zipfile -e target/pypi/wheels/"$pkg"-*.whl target/pypi/unpack
    mv "target/pypi/unpack/$pkg" "target/pypi/$pkg"
    rm -rf target/pypi/unpack target/pypi/wheels
    echo "$SCIPY_OPENBLAS_VERSION" > "$stamp"
  fi
done

if [ "${1:-}" = mkl ]; then
  if ! python3 -c 'import sys, glob; sys.exit(0 if glob.glob(sys.prefix + "/lib/libmkl_rt.so*") else 1)'; then
    echo "setup: installing MKL (pip install mkl)"
    python3 -m pip install --quiet mkl
  fi
fi
