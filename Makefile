# lapis: set-up, the main job, the tests, the benchmarks.
#
#   make run                 set up, then run the tour example (the main job)
#   make test                set up, then fmt + clippy + docs + the whole test suite
#                            on OpenBLAS, on reference BLAS/LAPACK and on the ILP64 scipy-openblas64, the C library
#                            (tests/c, tests/fortran, tests/link), the downstream crate
#                            on every installed backend, and the build-error checks
#   make test-backend BACKEND=blis|mkl|reference|openblas|openblas-pypi|openblas64-pypi
#   make test-downstream     tests/downstream (a crate depending on lapis) per backend feature
#   make test-link           tests/link: C programs from the installed files (shared, static,
#                            relocated, CMake, and one liblapis.so on each program's own BLAS)
#   make bench               criterion benches (lapis vs direct cblas calls; view latency)
#   make bench-ufunc         ufuncs/reductions/matmul on 2000x2000, and the same in NumPy
#   make bench-linalg [SIZES="100 500"]   linalg vs direct LAPACKE, and NumPy/SciPy
#   make install PREFIX=/usr/local        header, shared+static libraries, lapis.pc
#   make header              regenerate include/lapis.h from capi/src (cbindgen, in a test)
#   make generate            capi/src/gen from capi/exports.toml, then the header and include/lapis.f90
#   make test-c              C ABI tests (tests/c) against a staged install, under valgrind
#   make bench-c             per-call overhead through the C ABI vs direct cblas calls
#   make bench-report [BACKEND=all] [QUICK=1] [OUT=dir]   the benchmark report (results/<date>-<commit>/report.md)
#   make test-fortran        Fortran module tests (tests/fortran) against the same staged install
#
# Set-up installs the missing Debian packages (scripts/setup.sh); run as root.

CARGO ?= cargo
BACKEND ?= openblas

PREFIX ?= /usr/local
# Where the C tests install lapis (a debug build) before building against it.
C_STAGE := $(CURDIR)/target/c-stage
# The same, built without a backend (the program brings BLAS/LAPACK).
C_STAGE_NONE := $(CURDIR)/target/c-stage-none

# Backend name -> Cargo feature (LAPIS_BACKEND stays an override, see build.rs).
FEATURE_openblas := openblas-system
FEATURE_reference := netlib-system
FEATURE_blis := blis-system
FEATURE_mkl := intel-mkl-pypi
FEATURE_openblas-pypi := openblas-pypi
FEATURE_openblas64-pypi := openblas64-pypi
features = --no-default-features --features $(FEATURE_$(1))
# MKL from PyPI is tested where `make setup-mkl` installed it.
HAVE_MKL = $(shell python3 -c 'import sys, glob; print(1 if glob.glob(sys.prefix + "/lib/libmkl_rt.so*") else "")' 2>/dev/null)

.PHONY: fuzz fuzz-build fuzz-long setup setup-mkl run test lint doc package test-downstream test-link test-build-errors test-backend test-all-backends bench bench-linalg bench-ufunc bench-report install header generate test-c bench-c test-fortran

setup:
	@scripts/setup.sh

setup-mkl:
	@scripts/setup.sh mkl

run: setup
	$(CARGO) run --release --example tour

# clippy reads rust-version from Cargo.toml: `incompatible_msrv` fails on
# std APIs newer than it; scripts/check_msrv.py checks dependencies and syntax.
lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --all-targets -- -D warnings
	$(CARGO) clippy -p lapis-capi -p lapis-bench-report -p lapis-downstream --all-targets -- -D warnings
	python3 scripts/check_msrv.py

# The API docs as users and docs.rs build them (docs.rs: no BLAS, DOCS_RS set).
doc:
	RUSTDOCFLAGS="-D warnings" $(CARGO) doc --no-deps -p lapis
	DOCS_RS=1 RUSTDOCFLAGS="-D warnings --cfg docsrs" CARGO_TARGET_DIR=$(CURDIR)/target/docsrs $(CARGO) doc --no-deps -p lapis --no-default-features

test: setup lint doc package
	$(CARGO) test
	$(CARGO) test -p lapis-capi
	$(MAKE) test-c
	$(MAKE) test-fortran
	$(MAKE) test-link
	$(MAKE) test-downstream
	$(MAKE) test-build-errors
	$(CARGO) test $(call features,reference)
	$(CARGO) test $(call features,openblas64-pypi)
	$(MAKE) fuzz

# A crate that depends on lapis as users do, once per installed backend:
# the backend its feature asks for must be the one that runs. Then a
# deliberate mismatch (lapis told "reference" but handed OpenBLAS through
# LAPIS_BLAS_LIBS) must be reported, not run silently.
test-downstream: setup
	for f in openblas-system openblas-pypi openblas64-pypi netlib-system blis-system $(if $(HAVE_MKL),intel-mkl-pypi); do \
	  echo "== downstream crate, feature $$f"; \
	  $(CARGO) test -p lapis-downstream --no-default-features --features $$f || exit 1; \
	  $(CARGO) run -q -p lapis-downstream --no-default-features --features $$f || exit 1; \
	done
	$(if $(HAVE_MKL),,@echo "downstream: intel-mkl-pypi not tested (make setup-mkl installs MKL)")
	@echo "== downstream crate, deliberate mismatch (must fail)"
	@if LAPIS_BACKEND=reference LAPIS_BLAS_LIBS=openblas,lapacke \
	    LAPIS_BLAS_LIB_DIR=$$(pkg-config --variable=libdir openblas):$$(pkg-config --variable=libdir lapacke) \
	    $(CARGO) run -q -p lapis-downstream $(call features,reference) \
	    > target/mismatch.log 2>&1; then echo "a mismatched backend ran without an error"; cat target/mismatch.log; exit 1; fi
	@grep -q "status: mismatch" target/mismatch.log && grep -q "lapis: backend mismatch: built for reference" target/mismatch.log \
	  || { echo "no mismatch report:"; cat target/mismatch.log; exit 1; }
	@grep "mismatch" target/mismatch.log | head -3

# C programs built only from installed files (tests/link/Makefile says which).
test-link: setup
	rm -rf $(C_STAGE_NONE) $(CURDIR)/target/link-tests
	PREFIX=$(C_STAGE) PROFILE=debug scripts/install.sh
	LAPIS_BACKEND=none PREFIX=$(C_STAGE_NONE) PROFILE=debug scripts/install.sh
	$(MAKE) -C tests/link check STAGE=$(C_STAGE) NONE=$(C_STAGE_NONE) BUILD=$(CURDIR)/target/link-tests

# Coverage-guided fuzzing of the C ABI (fuzz/, libFuzzer through
# libfuzzer-sys) on stable Rust: the SanitizerCoverage flags cargo-fuzz's
# `-s none` mode passes, set here (no sanitizer runtime, so no nightly);
# --target keeps them off build scripts. `make fuzz` is the smoke run in
# `make test`: every target for a fixed number of runs from the checked-in corpus
# (fuzz/corpus/<target>; new inputs go to target/fuzz-corpus). `make
# fuzz-long` runs FUZZ_RUNS executions per target and merges what adds
# coverage into fuzz/corpus.
FUZZ_TARGETS := ops wrap einsum linalg
FUZZ_TRIPLE := $(shell rustc -vV | sed -n 's/^host: //p')
FUZZ_RUSTFLAGS := -Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
  -Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
  -Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing -Cdebug-assertions -Coverflow-checks
FUZZ_BIN := $(CURDIR)/target/fuzz/$(FUZZ_TRIPLE)/release
FUZZ_RUNS ?= 2500000

fuzz-build:
	cd fuzz && RUSTFLAGS="$(FUZZ_RUSTFLAGS)" CARGO_TARGET_DIR=$(CURDIR)/target/fuzz \
	  $(CARGO) build --release --target $(FUZZ_TRIPLE)

# The smoke's runs per target: a fixed count with seed 1 (not a time
# limit), so a faster CI machine replays the same inputs as a slower one.
FUZZ_SMOKE_RUNS := ops=20000 wrap=1000000 einsum=1000000 linalg=40000

fuzz: SHELL := /bin/bash
fuzz: fuzz-build
	@for tr in $(FUZZ_SMOKE_RUNS); do t=$${tr%%=*}; n=$${tr#*=}; \
	  echo "== fuzz $$t ($$n runs)"; mkdir -p target/fuzz-corpus/$$t target/fuzz-artifacts; \
	  $(FUZZ_BIN)/$$t -runs=$$n -seed=1 -print_final_stats=1 \
	    -artifact_prefix=target/fuzz-artifacts/$$t- \
	    target/fuzz-corpus/$$t fuzz/corpus/$$t 2>&1 | grep -E "stat::number_of_executed_units|Done|ERROR|panicked|SUMMARY|==[0-9]+==" ; \
	  test $${PIPESTATUS[0]} -eq 0 || exit 1; \
	done

fuzz-long: SHELL := /bin/bash
fuzz-long: fuzz-build
	@for t in $(FUZZ_TARGETS); do \
	  echo "== fuzz $$t ($(FUZZ_RUNS) runs)"; mkdir -p target/fuzz-corpus/$$t target/fuzz-artifacts; \
	  $(FUZZ_BIN)/$$t -runs=$(FUZZ_RUNS) -print_final_stats=1 -artifact_prefix=target/fuzz-artifacts/$$t- \
	    target/fuzz-corpus/$$t fuzz/corpus/$$t 2>&1 | tail -15; test $${PIPESTATUS[0]} -eq 0 || exit 1; \
	  $(FUZZ_BIN)/$$t -merge=1 fuzz/corpus/$$t target/fuzz-corpus/$$t 2>&1 | tail -1; \
	done

test-build-errors:
	scripts/test_build_errors.sh

# What crates.io would get of lapis: packaged and built on its own.
package:
	$(CARGO) publish --dry-run -p lapis --allow-dirty

install: setup
	PREFIX=$(PREFIX) scripts/install.sh

header:
	LAPIS_UPDATE_HEADER=1 $(CARGO) test -p lapis-capi --test c_header

# After an edit of capi/exports.toml: the generated exports (capi/src/gen),
# then the header and the Fortran module made from them.
generate:
	LAPIS_UPDATE_GENERATED=1 $(CARGO) test -p lapis-capi --test generated_exports
	LAPIS_UPDATE_HEADER=1 $(CARGO) test -p lapis-capi --test c_header
	python3 scripts/gen_fortran.py

# The C programs in tests/c, built against a staged install (shared and
# static, as C and as C++), the shared builds run under valgrind memcheck.
test-c: setup
	rm -rf $(C_STAGE) $(CURDIR)/target/c-tests
	PREFIX=$(C_STAGE) PROFILE=debug scripts/install.sh
	$(MAKE) -C tests/c check PREFIX=$(C_STAGE) BUILD=$(CURDIR)/target/c-tests
	PKG_CONFIG_PATH=$(C_STAGE)/lib/pkgconfig $(MAKE) -C examples/c run BUILD=$(CURDIR)/target/c-examples

# Reuses test-c's stage (install.sh only copies when the build is current).
test-fortran: setup
	rm -rf $(CURDIR)/target/fortran-tests $(CURDIR)/target/fortran-examples
	PREFIX=$(C_STAGE) PROFILE=debug scripts/install.sh
	$(MAKE) -C tests/fortran check PREFIX=$(C_STAGE) BUILD=$(CURDIR)/target/fortran-tests
	$(MAKE) -C examples/fortran run PREFIX=$(C_STAGE) BUILD=$(CURDIR)/target/fortran-examples

# MKL's results depend on buffer alignment unless its conditional bitwise
# reproducibility is on; the tests compare layouts bit for bit.
test-backend: setup
	@if [ "$(BACKEND)" = mkl ]; then scripts/setup.sh mkl; fi
	MKL_CBWR=AUTO,STRICT $(CARGO) test $(call features,$(BACKEND))

test-all-backends: setup setup-mkl
	for f in openblas-system openblas-pypi openblas64-pypi netlib-system blis-system intel-mkl-pypi; do \
	  MKL_CBWR=AUTO,STRICT $(CARGO) test --no-default-features --features $$f || exit 1; done
	$(MAKE) test-downstream

bench: setup
	$(CARGO) bench --bench blas
	$(CARGO) bench --bench array

# Array core (ufuncs, reductions, matmul), then NumPy on the same operations
# when python3 has numpy (nothing is installed).
bench-ufunc: setup
	$(CARGO) bench --bench ufunc
	-python3 benches/numpy/ufunc_bench.py

# lapis::linalg vs the LAPACKE drivers called directly, then NumPy/SciPy
# on the same sizes when python3 has numpy and scipy (nothing is installed).
bench-linalg: setup
	$(CARGO) bench --bench linalg -- $(SIZES)
	python3 benches/numpy/linalg_bench.py $(SIZES)

# Per-call overhead of the C ABI (benches/c/overhead.c) against the same
# cblas calls made directly, built against a staged release install.
bench-c: setup
	PREFIX=$(CURDIR)/target/bench-stage PROFILE=release scripts/install.sh
	cc -std=c99 -O2 -Wall -Wextra -I$(CURDIR)/target/bench-stage/include benches/c/overhead.c \
	  -o target/bench-stage/overhead \
	  $$(PKG_CONFIG_PATH=$(CURDIR)/target/bench-stage/lib/pkgconfig pkg-config --libs --static lapis)
	target/bench-stage/overhead

# The benchmark report (scripts/bench_report.sh): BACKEND=openblas (default),
# openblas-pypi, openblas64-pypi, blis, mkl, reference or all (the installed
# ones); QUICK=1 for a fast look.
bench-report: setup
	@if [ "$(BACKEND)" = mkl ]; then scripts/setup.sh mkl; fi
	scripts/bench_report.sh --backend $(BACKEND) $(if $(QUICK),--quick) $(if $(OUT),--out $(OUT))
