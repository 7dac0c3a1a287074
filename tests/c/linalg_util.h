/* Helpers shared by the linalg C tests (test_linalg.c, test_linalg_more.c):
 * complex scalars, random matrices in the four dtypes and five layouts
 * (C, F, transposed, strided, negative strides) wrapped without a copy,
 * element access and naive reference products. Every function here is
 * used by both tests (-Werror flags an unused static function). */
#ifndef LAPIS_TEST_LINALG_UTIL_H
#define LAPIS_TEST_LINALG_UTIL_H

#include <stdint.h>
#include <stdlib.h>

#include "check.h"

typedef struct {
  double re, im;
} cplx;

static cplx cx(double re, double im) {
  cplx z;
  z.re = re;
  z.im = im;
  return z;
}
static cplx cadd(cplx a, cplx b) { return cx(a.re + b.re, a.im + b.im); }
static cplx csub(cplx a, cplx b) { return cx(a.re - b.re, a.im - b.im); }
static cplx cmul(cplx a, cplx b) {
  return cx(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re);
}
static cplx cconj(cplx a) { return cx(a.re, -a.im); }
static double cabs_(cplx a) { return sqrt(a.re * a.re + a.im * a.im); }

static const int32_t DTYPES[4] = {LAPIS_FLOAT32, LAPIS_FLOAT64,
                                  LAPIS_COMPLEX64, LAPIS_COMPLEX128};

static int is_complex(int32_t dt) {
  return dt == LAPIS_COMPLEX64 || dt == LAPIS_COMPLEX128;
}
static size_t itemsize(int32_t dt) {
  return dt == LAPIS_FLOAT32 ? 4 : dt == LAPIS_COMPLEX128 ? 16 : 8;
}
static int32_t real_of(int32_t dt) {
  return (dt == LAPIS_FLOAT32 || dt == LAPIS_COMPLEX64) ? LAPIS_FLOAT32
                                                        : LAPIS_FLOAT64;
}
static double eps_of(int32_t dt) {
  return real_of(dt) == LAPIS_FLOAT32 ? 1.1920929e-7 : 2.220446049250313e-16;
}
/* Residual tolerance for an n-sized problem with O(1) data. */
static double tol_of(int32_t dt, int n) { return 200.0 * n * eps_of(dt); }

/* ------------------------------------------------------------------ */
/* Deterministic data                                                  */
/* ------------------------------------------------------------------ */

static uint64_t rng_state = 12345;
static double uniform(void) { /* in [-1, 1) */
  rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
  return (double)(rng_state >> 11) / 9007199254740992.0 * 2.0 - 1.0;
}
/* A random value of the dtype's kind (imaginary part 0 for real dtypes),
 * exactly representable in float32. */
static cplx rnd(int32_t dt) {
  double re = (double)(float)uniform();
  double im = is_complex(dt) ? (double)(float)uniform() : 0.0;
  return cx(re, im);
}

static cplx *new_mat(int r, int c) {
  return (cplx *)calloc((size_t)(r * c > 0 ? r * c : 1), sizeof(cplx));
}
static void random_mat(int32_t dt, int r, int c, cplx *m) {
  int i;
  for (i = 0; i < r * c; ++i) m[i] = rnd(dt);
}
/* random + n on the diagonal: well conditioned */
static void general_mat(int32_t dt, int n, cplx *m) {
  int i;
  random_mat(dt, n, n, m);
  for (i = 0; i < n; ++i) m[i * n + i].re += n;
}
static void hermitian_mat(int32_t dt, int n, cplx *m) {
  int i, j;
  random_mat(dt, n, n, m);
  for (i = 0; i < n; ++i) {
    m[i * n + i].im = 0.0;
    for (j = 0; j < i; ++j) m[j * n + i] = cconj(m[i * n + j]);
  }
}
/* Hermitian positive definite: diagonally dominant with a positive diagonal
 * (values exact in float32). */
static void hpd_mat(int32_t dt, int n, cplx *m) {
  int i;
  hermitian_mat(dt, n, m);
  for (i = 0; i < n; ++i) m[i * n + i].re = fabs(m[i * n + i].re) + n;
}

/* c = a (r x k) * b (k x c) */
static void mm(int r, int k, int c, const cplx *a, const cplx *b, cplx *out) {
  int i, j, l;
  for (i = 0; i < r; ++i)
    for (j = 0; j < c; ++j) {
      cplx acc = cx(0, 0);
      for (l = 0; l < k; ++l) acc = cadd(acc, cmul(a[i * k + l], b[l * c + j]));
      out[i * c + j] = acc;
    }
}
/* out (c x r) = a^H */
static void ctrans(int r, int c, const cplx *a, cplx *out) {
  int i, j;
  for (i = 0; i < r; ++i)
    for (j = 0; j < c; ++j) out[j * r + i] = cconj(a[i * c + j]);
}
static double maxdiff(int n, const cplx *a, const cplx *b) {
  double m = 0;
  int i;
  for (i = 0; i < n; ++i) {
    double d = cabs_(csub(a[i], b[i]));
    if (!(d <= m)) m = d; /* NaN propagates as a failure */
  }
  return m;
}
static double maxdiff_eye(int n, const cplx *a) {
  double m = 0;
  int i, j;
  for (i = 0; i < n; ++i)
    for (j = 0; j < n; ++j) {
      double d = cabs_(csub(a[i * n + j], cx(i == j ? 1.0 : 0.0, 0.0)));
      if (!(d <= m)) m = d;
    }
  return m;
}

/* ------------------------------------------------------------------ */
/* Arrays over caller memory in several layouts                        */
/* ------------------------------------------------------------------ */

enum { L_C, L_F, L_T, L_STRIDED, L_NEG, L_COUNT };

typedef struct {
  lapis_array *h;
  void *buf;
} arr;

static void put_elem(void *buf, int32_t dt, int64_t k, cplx v) {
  switch (dt) {
    case LAPIS_FLOAT32:
      ((float *)buf)[k] = (float)v.re;
      break;
    case LAPIS_FLOAT64:
      ((double *)buf)[k] = v.re;
      break;
    case LAPIS_COMPLEX64:
      ((float *)buf)[2 * k] = (float)v.re;
      ((float *)buf)[2 * k + 1] = (float)v.im;
      break;
    default:
      ((double *)buf)[2 * k] = v.re;
      ((double *)buf)[2 * k + 1] = v.im;
      break;
  }
}

/* An r x c read-only array of dtype dt holding v (row-major values) in the
 * given layout, over malloc'ed memory. */
static arr make_mat_w(int32_t dt, int layout, int r, int c, const cplx *v,
                      bool ro) {
  arr a;
  int64_t rs = c, cs = 1, off = 0, nelem = (int64_t)r * c;
  int64_t shape[2], strides[2];
  size_t is = itemsize(dt);
  int i, j;
  a.h = NULL;
  switch (layout) {
    case L_F:
      rs = 1;
      cs = r;
      break;
    case L_T: /* storage is the C-order transpose */
      rs = 1;
      cs = r;
      break;
    case L_STRIDED:
      rs = 3 * (int64_t)c;
      cs = 2;
      nelem = (int64_t)r * 3 * c;
      break;
    case L_NEG:
      rs = -(int64_t)c;
      cs = -1;
      off = nelem - 1;
      break;
    default:
      break;
  }
  a.buf = malloc((size_t)(nelem > 0 ? nelem : 1) * is);
  memset(a.buf, 0, (size_t)(nelem > 0 ? nelem : 1) * is);
  for (i = 0; i < r; ++i)
    for (j = 0; j < c; ++j) put_elem(a.buf, dt, off + i * rs + j * cs, v[i * c + j]);
  if (layout == L_T) {
    lapis_array *base = NULL;
    shape[0] = c;
    shape[1] = r;
    strides[0] = (int64_t)(r * is);
    strides[1] = (int64_t)is;
    CHECK_OK(lapis_array_wrap(a.buf, (size_t)nelem * is, 0, dt, 2, shape,
                              strides, ro, &base));
    CHECK_OK(lapis_array_transpose(base, &a.h));
    lapis_array_free(base);
    return a;
  }
  shape[0] = r;
  shape[1] = c;
  strides[0] = rs * (int64_t)is;
  strides[1] = cs * (int64_t)is;
  CHECK_OK(lapis_array_wrap(a.buf, (size_t)nelem * is, off * (int64_t)is, dt,
                            2, shape, strides, ro, &a.h));
  return a;
}

static arr make_mat(int32_t dt, int layout, int r, int c, const cplx *v) {
  return make_mat_w(dt, layout, r, c, v, true);
}

static arr make_vec(int32_t dt, int n, const cplx *v) {
  arr a;
  int64_t shape[1];
  int i;
  a.buf = malloc((size_t)(n > 0 ? n : 1) * itemsize(dt));
  for (i = 0; i < n; ++i) put_elem(a.buf, dt, i, v[i]);
  shape[0] = n;
  a.h = NULL;
  CHECK_OK(lapis_array_wrap_contiguous(a.buf, dt, 1, shape, LAPIS_ORDER_C,
                                       true, &a.h));
  return a;
}

static void free_arr(arr a) {
  lapis_array_free(a.h);
  free(a.buf);
}

/* Reads an r x c (or, with c < 0, a length-r 1-D) result as complex. */
static void get_mat(const lapis_array *h, int r, int c, cplx *out) {
  int i, j;
  int64_t idx[2];
  for (i = 0; i < r; ++i)
    for (j = 0; j < (c < 0 ? 1 : c); ++j) {
      lapis_complex128 z;
      z.re = z.im = NAN;
      idx[0] = i;
      idx[1] = j;
      CHECK_OK(lapis_array_get(h, idx, &z));
      out[i * (c < 0 ? 1 : c) + j] = cx(z.re, z.im);
    }
}

static int dtype_of(const lapis_array *h) {
  lapis_dtype d = -1;
  CHECK_OK(lapis_array_dtype(h, &d));
  return d;
}

/* shape == (s0[, s1[, s2]]) with nd entries */
static int shape_is(const lapis_array *h, int64_t nd, int64_t s0, int64_t s1,
                    int64_t s2) {
  int64_t got_nd = -1, s[3] = {-1, -1, -1};
  CHECK_OK(lapis_array_ndim(h, &got_nd));
  if (got_nd != nd) return 0;
  if (nd > 0) CHECK_OK(lapis_array_shape(h, s, 3));
  return (nd < 1 || s[0] == s0) && (nd < 2 || s[1] == s1) &&
         (nd < 3 || s[2] == s2);
}

#endif
