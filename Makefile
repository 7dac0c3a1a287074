# lapis: set-up, the main job, the tests, the benchmarks.
#
#   make run                 set up, then run the tour example (the main job)
#   make test                set up, then fmt + clippy + the whole test suite
#                            on OpenBLAS and on reference BLAS/LAPACK
#   make test-backend BACKEND=blis|mkl|reference|openblas
#   make bench               criterion benches (lapis vs direct cblas calls; view latency)
#   make bench-ufunc         ufuncs/reductions/matmul on 2000x2000, and the same in NumPy
#   make bench-linalg [SIZES="100 500"]   linalg vs direct LAPACKE, and NumPy/SciPy
#   make install PREFIX=/usr/local        header, shared+static libraries, lapis.pc
#   make header              regenerate include/lapis.h from src/ffi (cbindgen)
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

.PHONY: setup setup-mkl run test lint test-backend test-all-backends bench bench-linalg bench-ufunc bench-report install header test-c bench-c test-fortran

setup:
	@scripts/setup.sh

setup-mkl:
	@scripts/setup.sh mkl

run: setup
	$(CARGO) run --release --example tour

lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --all-targets -- -D warnings
	$(CARGO) clippy -p lapis-bench-report --all-targets -- -D warnings

test: setup lint
	LAPIS_BACKEND=openblas $(CARGO) test
	LAPIS_BACKEND=openblas $(MAKE) test-c
	LAPIS_BACKEND=openblas $(MAKE) test-fortran
	LAPIS_BACKEND=reference $(CARGO) test

install: setup
	PREFIX=$(PREFIX) scripts/install.sh

header:
	LAPIS_UPDATE_HEADER=1 $(CARGO) test -p lapis-capi --test c_header

# The C programs in tests/c, built against a staged install (shared and
# static, as C and as C++), the shared builds run under valgrind memcheck.
test-c: setup
	rm -rf $(C_STAGE) $(CURDIR)/target/c-tests
	PREFIX=$(C_STAGE) PROFILE=debug scripts/install.sh
	$(MAKE) -C tests/c check PREFIX=$(C_STAGE) BUILD=$(CURDIR)/target/c-tests
	PKG_CONFIG_PATH=$(C_STAGE)/lib/pkgconfig $(MAKE) -C examples/c run BUILD=$(CURDIR)/target/c-examples

# Reuses test-c's stage (install.sh only copies when the build is current).
test-fortran: setup
	rm -rf $(CURDIR)/target/fortran-tests
	PREFIX=$(C_STAGE) PROFILE=debug scripts/install.sh
	$(MAKE) -C tests/fortran check PREFIX=$(C_STAGE) BUILD=$(CURDIR)/target/fortran-tests

# MKL's results depend on buffer alignment unless its conditional bitwise
# reproducibility is on; the tests compare layouts bit for bit.
test-backend: setup
	@if [ "$(BACKEND)" = mkl ]; then scripts/setup.sh mkl; fi
	MKL_CBWR=AUTO,STRICT LAPIS_BACKEND=$(BACKEND) $(CARGO) test

test-all-backends: setup setup-mkl
	for b in openblas reference blis mkl; do MKL_CBWR=AUTO,STRICT LAPIS_BACKEND=$$b $(CARGO) test || exit 1; done

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
# blis, mkl, reference or all (the installed ones); QUICK=1 for a fast look.
bench-report: setup
	@if [ "$(BACKEND)" = mkl ]; then scripts/setup.sh mkl; fi
	scripts/bench_report.sh --backend $(BACKEND) $(if $(QUICK),--quick) $(if $(OUT),--out $(OUT))
