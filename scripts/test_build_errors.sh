#!/usr/bin/env bash
# Bad backend configurations must fail the build with a message that names
# the feature, what was looked for, and the package to install.
# Runs `cargo check` of lapis in its own target directory (only the build
# script runs; nothing else of the main build is disturbed).
set -uo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR=$PWD/target/build-errors
fails=0
expect_error() { # name, required text..., -- command...
  local name=$1; shift
  local needles=()
  while [ "$1" != "--" ]; do needles+=("$1"); shift; done
  shift
  local log=$CARGO_TARGET_DIR/$name.log
  mkdir -p "$CARGO_TARGET_DIR"
  if "$@" > "$log" 2>&1; then
    echo "build errors: $name: the build succeeded"; fails=$((fails + 1)); return
  fi
  for n in "${needles[@]}"; do
    if ! grep -qF -- "$n" "$log"; then
      echo "build errors: $name: no \"$n\" in the message:"; grep 'lapis:' "$log" | head -5
      fails=$((fails + 1)); return
    fi
  done
  echo "build errors: $name: fails as it should ($(grep -m1 -o 'lapis: [^.]*' "$log" | head -1))"
}

expect_error two-backends "openblas-system and netlib-system" "default-features = false" -- \
  env -u LAPIS_BACKEND cargo check -p lapis --features netlib-system
expect_error no-pkg-config-entry "feature \`openblas-system\`" "pkg-config openblas" "libopenblas-dev" -- \
  env -u LAPIS_BACKEND PKG_CONFIG_LIBDIR=/nonexistent PKG_CONFIG_PATH= cargo check -p lapis
expect_error unknown-backend "LAPIS_BACKEND=\"atlas\"" "openblas, reference" -- \
  env LAPIS_BACKEND=atlas cargo check -p lapis
expect_error missing-override-lib "LAPIS_BLAS_LIBS names nosuchblas" -- \
  env LAPIS_BLAS_LIBS=nosuchblas LAPIS_BLAS_LIB_DIR=/tmp cargo check -p lapis
expect_error missing-mkl "intel-mkl-pypi" "libmkl_rt.so" "setup-mkl" -- \
  env LAPIS_BACKEND=mkl LAPIS_MKL_DIR=/nonexistent cargo check -p lapis
if [ "$fails" -ne 0 ]; then echo "build errors: $fails case(s) wrong"; exit 1; fi
echo "build errors: all 5 cases fail with a clear message"
