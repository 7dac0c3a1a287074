# lapis: set-up, the main job, the tests, the benchmarks.
#
#   make run                 set up, then run the tour example (the main job)
#   make test                set up, then fmt + clippy + the whole test suite
#                            on OpenBLAS and on reference BLAS/LAPACK
#   make test-backend BACKEND=blis|mkl|reference|openblas
#   make bench               criterion benches (lapis vs direct cblas calls; view latency)
#   make bench-ufunc         ufuncs/reductions/matmul on 2000x2000, and the same in NumPy
#   make bench-linalg [SIZES="100 500"]   linalg vs direct LAPACKE, and NumPy/SciPy
#
# Set-up installs the missing Debian packages (scripts/setup.sh); run as root.

CARGO ?= cargo
BACKEND ?= openblas

.PHONY: setup setup-mkl run test lint test-backend test-all-backends bench bench-linalg bench-ufunc

setup:
	@scripts/setup.sh

setup-mkl:
	@scripts/setup.sh mkl

run: setup
	$(CARGO) run --release --example tour

lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --all-targets -- -D warnings

test: setup lint
	LAPIS_BACKEND=openblas $(CARGO) test
	LAPIS_BACKEND=reference $(CARGO) test

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
