/* Helpers shared by test_ufunc.c, test_reduce.c, test_matmul.c and
 * test_fft.c: arrays of any dtype from double values, read back as
 * doubles, and tolerances. C99 and C++11 alike. */
#ifndef LAPIS_TEST_NUM_UTIL_H
#define LAPIS_TEST_NUM_UTIL_H

#include <stdlib.h>

#include "check.h"

static const lapis_dtype ALL_DTYPES[4] = {LAPIS_FLOAT32, LAPIS_FLOAT64,
                                          LAPIS_COMPLEX64, LAPIS_COMPLEX128};

static int is_cplx(lapis_dtype dt) {
  return dt == LAPIS_COMPLEX64 || dt == LAPIS_COMPLEX128;
}

static size_t item_size(lapis_dtype dt) {
  switch (dt) {
  case LAPIS_FLOAT32: return 4;
  case LAPIS_FLOAT64: return 8;
  case LAPIS_COMPLEX64: return 8;
  default: return 16;
  }
}

static double tol_of(lapis_dtype dt) {
  return (dt == LAPIS_FLOAT32 || dt == LAPIS_COMPLEX64) ? 2e-4 : 1e-11;
}

/* Stores element i (re, im) into a raw buffer of dtype dt. */
static void store(void *buf, lapis_dtype dt, int64_t i, double re, double im) {
  switch (dt) {
  case LAPIS_FLOAT32: ((float *)buf)[i] = (float)re; break;
  case LAPIS_FLOAT64: ((double *)buf)[i] = re; break;
  case LAPIS_COMPLEX64:
    ((float *)buf)[2 * i] = (float)re;
    ((float *)buf)[2 * i + 1] = (float)im;
    break;
  default:
    ((double *)buf)[2 * i] = re;
    ((double *)buf)[2 * i + 1] = im;
    break;
  }
}

static void load(const void *buf, lapis_dtype dt, int64_t i, double *re, double *im) {
  switch (dt) {
  case LAPIS_FLOAT32: *re = ((const float *)buf)[i]; *im = 0; break;
  case LAPIS_FLOAT64: *re = ((const double *)buf)[i]; *im = 0; break;
  case LAPIS_COMPLEX64:
    *re = ((const float *)buf)[2 * i];
    *im = ((const float *)buf)[2 * i + 1];
    break;
  default:
    *re = ((const double *)buf)[2 * i];
    *im = ((const double *)buf)[2 * i + 1];
    break;
  }
}

static int64_t prod_of(int64_t ndim, const int64_t *shape) {
  int64_t n = 1, k;
  for (k = 0; k < ndim; ++k) n *= shape[k];
  return n;
}

/* A new C-order array of dtype dt from values re[i] + i*im[i] in C order
 * (im may be NULL; it is ignored for real dtypes). */
static lapis_array *mk(lapis_dtype dt, int64_t ndim, const int64_t *shape,
                       const double *re, const double *im) {
  lapis_array *a = NULL;
  int64_t n = prod_of(ndim, shape), i;
  void *buf = malloc((size_t)(n > 0 ? n : 1) * item_size(dt));
  for (i = 0; i < n; ++i) store(buf, dt, i, re[i], im ? im[i] : 0.0);
  CHECK_OK(lapis_zeros(ndim, shape, dt, LAPIS_ORDER_C, &a));
  if (a) CHECK_OK(lapis_array_write(a, buf, (size_t)n * item_size(dt), LAPIS_ORDER_C));
  free(buf);
  return a;
}

/* Reads any array's values in C order into re/im (room for its size);
 * returns the size. */
static int64_t get(const lapis_array *a, double *re, double *im) {
  lapis_dtype dt = 0;
  int64_t n = 0, i;
  void *buf;
  CHECK_OK(lapis_array_dtype(a, &dt));
  CHECK_OK(lapis_array_size(a, &n));
  buf = malloc((size_t)(n > 0 ? n : 1) * item_size(dt));
  CHECK_OK(lapis_array_read(a, buf, (size_t)n * item_size(dt), LAPIS_ORDER_C));
  for (i = 0; i < n; ++i) load(buf, dt, i, &re[i], &im[i]);
  free(buf);
  return n;
}

static lapis_dtype dtype_of(const lapis_array *a) {
  lapis_dtype dt = 0;
  CHECK_OK(lapis_array_dtype(a, &dt));
  return dt;
}

/* Checks a's n values against (re, im) within tol (relative to max(1,|x|)). */
static void check_values(const lapis_array *a, int64_t n, const double *re,
                         const double *im, double tol, const char *what) {
  double gr[256], gi[256];
  int64_t i, got;
  got = get(a, gr, gi);
  CHECK(got == n);
  for (i = 0; i < n && i < got; ++i) {
    double scale = fabs(re[i]) + fabs(im ? im[i] : 0.0);
    double err = fabs(gr[i] - re[i]) + fabs(gi[i] - (im ? im[i] : 0.0));
    ++check_count;
    if (!(err <= tol * (scale > 1 ? scale : 1))) {
      ++check_failures;
      fprintf(stderr, "%s: element %ld = (%g, %g), expected (%g, %g)\n", what,
              (long)i, gr[i], gi[i], re[i], im ? im[i] : 0.0);
    }
  }
}

#endif
