/* Per-call overhead of the C ABI: the same small operation called directly
 * (cblas, linked from the backend lapis uses) and through lapis's C
 * functions, timed in one process, one after the other.
 *
 *   make bench-c        (builds against a staged release install)
 *
 * Reports the best of 15 batches of ns/call for each form and the
 * difference to the direct call. */
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lapis.h"

/* cblas prototypes (enums passed as int: the same ABI). */
void cblas_dgemm(int order, int ta, int tb, int m, int n, int k, double alpha,
                 const double *a, int lda, const double *b, int ldb,
                 double beta, double *c, int ldc);
void cblas_zgemm(int order, int ta, int tb, int m, int n, int k,
                 const void *alpha, const void *a, int lda, const void *b,
                 int ldb, const void *beta, void *c, int ldc);
void cblas_daxpy(int n, double alpha, const double *x, int incx, double *y,
                 int incy);

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

#define BATCHES 15
#define TIME(label, reps, stmt)                                          \
  do {                                                                   \
    double best_ = 1e300;                                                \
    for (int b_ = 0; b_ < BATCHES; ++b_) {                               \
      double t0_ = now();                                                \
      for (long r_ = 0; r_ < (reps); ++r_) {                             \
        stmt;                                                            \
      }                                                                  \
      double dt_ = (now() - t0_) / (double)(reps);                       \
      if (dt_ < best_) best_ = dt_;                                      \
    }                                                                    \
    last_ns = best_;                                                     \
    printf("%-44s %9.1f ns/call\n", label, best_);                       \
  } while (0)

static double last_ns;

static void expect_ok(lapis_status s, const char *what) {
  if (s != LAPIS_OK) {
    fprintf(stderr, "%s failed: %s\n", what, lapis_last_error());
    exit(1);
  }
}

int main(void) {
  const long reps = 200000;
  double a[16], b[16], c[16], x[100], y[100];
  for (int i = 0; i < 16; ++i) { a[i] = 1.0 + i; b[i] = 0.5 * i; c[i] = 0; }
  for (int i = 0; i < 100; ++i) { x[i] = i; y[i] = 0; }
  double za[32], zb[32], zc[32];
  for (int i = 0; i < 32; ++i) { za[i] = 1.0 + i; zb[i] = 0.25 * i; zc[i] = 0; }
  double one[2] = {1, 0}, zero[2] = {0, 0};
  lapis_complex128 z1, z0;
  z1.re = 1; z1.im = 0; z0.re = 0; z0.im = 0;

  printf("lapis %s, backend:\n%s\n", lapis_version(), lapis_backend_info());
  expect_ok(lapis_set_num_threads(1), "set_num_threads");

  double direct, via;
  puts("-- 4x4 dgemm");
  TIME("cblas_dgemm (direct)", reps,
       cblas_dgemm(101, 111, 111, 4, 4, 4, 1.0, a, 4, b, 4, 0.0, c, 4));
  direct = last_ns;
  TIME("lapis_dgemm (pointer level)", reps,
       lapis_dgemm(LAPIS_ORDER_C, LAPIS_NO_TRANS, LAPIS_NO_TRANS, 4, 4, 4, 1.0,
                   a, 4, b, 4, 0.0, c, 4));
  via = last_ns;
  printf("%-44s %9.1f ns\n", "  overhead", via - direct);

  lapis_array *ha, *hb, *hc;
  int64_t shape[2] = {4, 4};
  expect_ok(lapis_array_wrap_contiguous(a, LAPIS_FLOAT64, 2, shape, LAPIS_ORDER_C, true, &ha), "wrap a");
  expect_ok(lapis_array_wrap_contiguous(b, LAPIS_FLOAT64, 2, shape, LAPIS_ORDER_C, true, &hb), "wrap b");
  expect_ok(lapis_array_wrap_contiguous(c, LAPIS_FLOAT64, 2, shape, LAPIS_ORDER_C, false, &hc), "wrap c");
  TIME("lapis_gemm (handles, dtype-dispatching)", reps,
       lapis_gemm(LAPIS_NO_TRANS, LAPIS_NO_TRANS, z1, ha, hb, z0, hc));
  printf("%-44s %9.1f ns\n", "  overhead", last_ns - direct);

  puts("-- 4x4 zgemm");
  TIME("cblas_zgemm (direct)", reps,
       cblas_zgemm(101, 111, 111, 4, 4, 4, one, za, 4, zb, 4, zero, zc, 4));
  direct = last_ns;
  TIME("lapis_zgemm (pointer level)", reps,
       lapis_zgemm(LAPIS_ORDER_C, LAPIS_NO_TRANS, LAPIS_NO_TRANS, 4, 4, 4, z1,
                   (const lapis_complex128 *)za, 4, (const lapis_complex128 *)zb, 4, z0,
                   (lapis_complex128 *)zc, 4));
  printf("%-44s %9.1f ns\n", "  overhead", last_ns - direct);

  puts("-- 100-element daxpy");
  TIME("cblas_daxpy (direct)", reps * 5, cblas_daxpy(100, 1e-9, x, 1, y, 1));
  direct = last_ns;
  TIME("lapis_daxpy (pointer level)", reps * 5,
       lapis_daxpy(100, 1e-9, x, 1, y, 1));
  printf("%-44s %9.1f ns\n", "  overhead", last_ns - direct);
  lapis_array *hx, *hy;
  int64_t n100 = 100;
  expect_ok(lapis_array_wrap_contiguous(x, LAPIS_FLOAT64, 1, &n100, LAPIS_ORDER_C, true, &hx), "wrap x");
  expect_ok(lapis_array_wrap_contiguous(y, LAPIS_FLOAT64, 1, &n100, LAPIS_ORDER_C, false, &hy), "wrap y");
  lapis_complex128 tiny;
  tiny.re = 1e-9; tiny.im = 0;
  TIME("lapis_axpy (handles, dtype-dispatching)", reps * 5,
       lapis_axpy(tiny, hx, hy));
  printf("%-44s %9.1f ns\n", "  overhead", last_ns - direct);

  puts("-- 4x4 add (ufunc, into an existing array)");
  TIME("plain C loop (no library)", reps * 5,
       for (int i = 0; i < 16; ++i) c[i] = a[i] + b[i]);
  TIME("lapis_add_out (handles)", reps,
       lapis_add_out(ha, hb, hc));
  printf("(the Rust call lapis::array::add_out on 4x4 is in `cargo bench --bench ufunc`:\n"
         " compare ufunc/latency_4x4/add_out in the same session)\n");

  lapis_array_free(ha); lapis_array_free(hb); lapis_array_free(hc);
  lapis_array_free(hx); lapis_array_free(hy);
  return 0;
}
