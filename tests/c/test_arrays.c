/* Array handles: creation, wrapping caller memory (extents, negative
 * strides, read-only), queries, views (and their lifetimes), copies,
 * conversions, element access and bulk transfer, on all four dtypes,
 * with values checked against index arithmetic done here, and bad input
 * (NULL, bad codes, bad sizes) with "nothing modified on error". */
#include <stdint.h>
#include <stdlib.h>

#include "check.h"

static const lapis_dtype DTYPES[4] = {LAPIS_FLOAT32, LAPIS_FLOAT64,
                                      LAPIS_COMPLEX64, LAPIS_COMPLEX128};
static const int64_t ITEMSIZE[4] = {4, 8, 8, 16};

static int is_complex(lapis_dtype dt) {
  return dt == LAPIS_COMPLEX64 || dt == LAPIS_COMPLEX128;
}

static int64_t itemsize_of(lapis_dtype dt) { return ITEMSIZE[dt - 1]; }

/* Tolerance for values stored in dt. */
static double tol_of(lapis_dtype dt) {
  return (dt == LAPIS_FLOAT32 || dt == LAPIS_COMPLEX64) ? 1e-6 : 1e-14;
}

static lapis_complex128 cz(double re, double im) {
  lapis_complex128 z;
  z.re = re;
  z.im = im;
  return z;
}

/* Element k of a dense buffer of dtype dt. */
static void put_elem(void *buf, lapis_dtype dt, int64_t k, double re,
                     double im) {
  if (dt == LAPIS_FLOAT32) {
    ((float *)buf)[k] = (float)re;
  } else if (dt == LAPIS_FLOAT64) {
    ((double *)buf)[k] = re;
  } else if (dt == LAPIS_COMPLEX64) {
    ((float *)buf)[2 * k] = (float)re;
    ((float *)buf)[2 * k + 1] = (float)im;
  } else {
    ((double *)buf)[2 * k] = re;
    ((double *)buf)[2 * k + 1] = im;
  }
}

static void get_elem(const void *buf, lapis_dtype dt, int64_t k, double *re,
                     double *im) {
  *im = 0.0;
  if (dt == LAPIS_FLOAT32) {
    *re = ((const float *)buf)[k];
  } else if (dt == LAPIS_FLOAT64) {
    *re = ((const double *)buf)[k];
  } else if (dt == LAPIS_COMPLEX64) {
    *re = ((const float *)buf)[2 * k];
    *im = ((const float *)buf)[2 * k + 1];
  } else {
    *re = ((const double *)buf)[2 * k];
    *im = ((const double *)buf)[2 * k + 1];
  }
}

/* The element of `a` at a 2-d / 1-d index (NaN on failure, recorded). */
static lapis_complex128 at(const lapis_array *a, int64_t n, int64_t i,
                           int64_t j, int64_t k) {
  int64_t idx[3];
  lapis_complex128 z = cz(NAN, NAN);
  idx[0] = i;
  idx[1] = j;
  idx[2] = k;
  CHECK_OK(lapis_array_get(a, n == 0 ? NULL : idx, &z));
  return z;
}
#define AT1(a, i) at((a), 1, (i), 0, 0)
#define AT2(a, i, j) at((a), 2, (i), (j), 0)
#define AT3(a, i, j, k) at((a), 3, (i), (j), (k))

static int64_t ndim_of(const lapis_array *a) {
  int64_t n = -1;
  CHECK_OK(lapis_array_ndim(a, &n));
  return n;
}

static int32_t flags_of(const lapis_array *a) {
  int32_t f = -1;
  CHECK_OK(lapis_array_flags(a, &f));
  return f;
}

static const char *data_of(const lapis_array *a) {
  const void *p = NULL;
  CHECK_OK(lapis_array_data(a, &p));
  return (const char *)p;
}

static int shares(const lapis_array *a, const lapis_array *b) {
  bool s = false;
  CHECK_OK(lapis_array_shares_buffer(a, b, &s));
  return s ? 1 : 0;
}

/* A C-order arange 0..n-1 (imaginary part -k for complex) reshaped. */
static lapis_array *counting(lapis_dtype dt, int64_t ndim,
                             const int64_t *shape) {
  lapis_array *a = NULL;
  int64_t size = 1, d, k;
  int64_t idx[8];
  for (d = 0; d < ndim; ++d) size *= shape[d];
  CHECK_OK(lapis_zeros(ndim, shape, dt, LAPIS_ORDER_C, &a));
  for (k = 0; k < size; ++k) {
    int64_t rest = k;
    for (d = ndim - 1; d >= 0; --d) {
      idx[d] = rest % shape[d];
      rest /= shape[d];
    }
    CHECK_OK(lapis_array_set(a, idx, cz((double)k, is_complex(dt) ? -(double)k : 0.0)));
  }
  return a;
}

/* ---------------------------------------------------------------------- */

static void test_creation(void) {
  int t;
  int64_t shape[2];
  shape[0] = 3;
  shape[1] = 4;
  for (t = 0; t < 4; ++t) {
    lapis_dtype dt = DTYPES[t];
    double tol = tol_of(dt);
    lapis_array *z = NULL, *o = NULL, *e = NULL, *f = NULL, *zf = NULL;
    int64_t got[2], st[2], v = 0;
    lapis_dtype gdt = 0;
    int64_t i, j;

    CHECK_OK(lapis_zeros(2, shape, dt, LAPIS_ORDER_C, &z));
    CHECK_OK(lapis_array_dtype(z, &gdt));
    CHECK(gdt == dt);
    CHECK(ndim_of(z) == 2);
    CHECK_OK(lapis_array_size(z, &v));
    CHECK(v == 12);
    CHECK_OK(lapis_array_itemsize(z, &v));
    CHECK(v == ITEMSIZE[t]);
    CHECK_OK(lapis_array_nbytes(z, &v));
    CHECK(v == 12 * ITEMSIZE[t]);
    CHECK_OK(lapis_array_shape(z, got, 2));
    CHECK(got[0] == 3 && got[1] == 4);
    CHECK_OK(lapis_array_strides(z, st, 2));
    CHECK(st[0] == 4 * ITEMSIZE[t] && st[1] == ITEMSIZE[t]);
    CHECK(flags_of(z) == (LAPIS_FLAG_C_CONTIGUOUS | LAPIS_FLAG_WRITABLE |
                          LAPIS_FLAG_OWNS_DATA));

    CHECK_OK(lapis_zeros(2, shape, dt, LAPIS_ORDER_F, &zf));
    CHECK_OK(lapis_array_strides(zf, st, 2));
    CHECK(st[0] == ITEMSIZE[t] && st[1] == 3 * ITEMSIZE[t]);
    CHECK(flags_of(zf) == (LAPIS_FLAG_F_CONTIGUOUS | LAPIS_FLAG_WRITABLE |
                           LAPIS_FLAG_OWNS_DATA));

    CHECK_OK(lapis_ones(2, shape, dt, LAPIS_ORDER_F, &o));
    CHECK_OK(lapis_empty(2, shape, dt, LAPIS_ORDER_C, &e));
    CHECK_OK(lapis_full(2, shape, dt,
                        cz(2.5, is_complex(dt) ? -1.5 : 0.0), LAPIS_ORDER_F,
                        &f));
    CHECK(flags_of(f) & LAPIS_FLAG_F_CONTIGUOUS);
    for (i = 0; i < 3; ++i) {
      for (j = 0; j < 4; ++j) {
        lapis_complex128 a = AT2(z, i, j), b = AT2(o, i, j), c = AT2(f, i, j);
        CHECK(a.re == 0.0 && a.im == 0.0);
        CHECK(b.re == 1.0 && b.im == 0.0);
        CHECK_CLOSE(c.re, 2.5, tol);
        CHECK_CLOSE(c.im, is_complex(dt) ? -1.5 : 0.0, tol);
      }
    }
    CHECK(AT2(e, 2, 3).re == 0.0); /* lapis zeroes `empty` */

    /* A real dtype cannot hold an imaginary part: out untouched. */
    if (!is_complex(dt)) {
      lapis_array *bad = (lapis_array *)&shape; /* sentinel, never a handle */
      CHECK_STATUS(lapis_full(2, shape, dt, cz(1, 1), LAPIS_ORDER_C, &bad),
                   LAPIS_ERR_INVALID_VALUE);
      CHECK_MESSAGE("imaginary");
      CHECK(bad == (lapis_array *)&shape);
    }
    lapis_array_free(z);
    lapis_array_free(zf);
    lapis_array_free(o);
    lapis_array_free(e);
    lapis_array_free(f);
  }

  /* 0-d arrays: shape may be NULL. */
  {
    lapis_array *s = NULL;
    lapis_complex128 v;
    int64_t n = -1;
    CHECK_OK(lapis_full(0, NULL, LAPIS_COMPLEX128, cz(3, 4), LAPIS_ORDER_C, &s));
    CHECK(ndim_of(s) == 0);
    CHECK_OK(lapis_array_size(s, &n));
    CHECK(n == 1);
    CHECK_OK(lapis_array_shape(s, NULL, 0));
    v = at(s, 0, 0, 0, 0);
    CHECK(v.re == 3 && v.im == 4);
    lapis_array_free(s);
  }
}

static void test_ranges(void) {
  int t;
  for (t = 0; t < 4; ++t) {
    lapis_dtype dt = DTYPES[t];
    double tol = tol_of(dt);
    lapis_array *a = NULL, *l = NULL, *l2 = NULL, *lg = NULL, *g = NULL,
                *ey = NULL, *id = NULL;
    int64_t n = 0, i, j;

    CHECK_OK(lapis_arange(1.0, 6.0, 0.5, dt, &a));
    CHECK_OK(lapis_array_size(a, &n));
    CHECK(n == 10);
    for (i = 0; i < 10; ++i) CHECK_CLOSE(AT1(a, i).re, 1.0 + 0.5 * (double)i, tol);
    lapis_array_free(a);
    CHECK_OK(lapis_arange(5.0, 0.0, -2.0, dt, &a)); /* 5, 3, 1 */
    CHECK_OK(lapis_array_size(a, &n));
    CHECK(n == 3);
    CHECK_CLOSE(AT1(a, 2).re, 1.0, tol);
    lapis_array_free(a);

    CHECK_OK(lapis_linspace(0.0, 1.0, 5, true, dt, &l));
    CHECK_OK(lapis_linspace(0.0, 1.0, 4, false, dt, &l2));
    for (i = 0; i < 5; ++i) CHECK_CLOSE(AT1(l, i).re, 0.25 * (double)i, tol);
    for (i = 0; i < 4; ++i) CHECK_CLOSE(AT1(l2, i).re, 0.25 * (double)i, tol);
    CHECK(AT1(l, 4).re == 1.0);
    CHECK_OK(lapis_logspace(0.0, 2.0, 3, true, 10.0, dt, &lg));
    CHECK_CLOSE(AT1(lg, 0).re, 1.0, tol);
    CHECK_CLOSE(AT1(lg, 1).re, 10.0, 10 * tol);
    CHECK_CLOSE(AT1(lg, 2).re, 100.0, 100 * tol);
    CHECK_OK(lapis_geomspace(-1.0, -1000.0, 4, true, dt, &g));
    CHECK_CLOSE(AT1(g, 0).re, -1.0, tol);
    CHECK_CLOSE(AT1(g, 1).re, -10.0, 10 * tol);
    CHECK_CLOSE(AT1(g, 3).re, -1000.0, 1000 * tol);

    CHECK_OK(lapis_eye(3, 4, 1, dt, &ey));
    CHECK_OK(lapis_identity(3, dt, &id));
    for (i = 0; i < 3; ++i) {
      for (j = 0; j < 4; ++j) {
        CHECK(AT2(ey, i, j).re == (j == i + 1 ? 1.0 : 0.0));
        if (j < 3) CHECK(AT2(id, i, j).re == (i == j ? 1.0 : 0.0));
      }
    }
    lapis_array_free(l);
    lapis_array_free(l2);
    lapis_array_free(lg);
    lapis_array_free(g);
    lapis_array_free(ey);
    lapis_array_free(id);
  }
  {
    lapis_array *a = NULL;
    CHECK_STATUS(lapis_arange(0, 1, 0, LAPIS_FLOAT64, &a), LAPIS_ERR_INVALID_ARGUMENT);
    CHECK_MESSAGE("step");
    CHECK_STATUS(lapis_linspace(0, 1, -1, true, LAPIS_FLOAT64, &a), LAPIS_ERR_INVALID_ARGUMENT);
    CHECK_MESSAGE("num");
    CHECK_STATUS(lapis_geomspace(0, 1, 3, true, LAPIS_FLOAT64, &a), LAPIS_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(lapis_eye(-1, 2, 0, LAPIS_FLOAT64, &a), LAPIS_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(lapis_identity(2, 7, &a), LAPIS_ERR_BAD_DTYPE);
    CHECK(a == NULL);
  }
}

static void test_like(void) {
  int64_t shape[3];
  lapis_array *proto = NULL, *t = NULL, *z = NULL, *o = NULL, *e = NULL,
              *f = NULL;
  lapis_dtype dt = 0;
  int64_t st[3];
  shape[0] = 2;
  shape[1] = 3;
  shape[2] = 4;
  CHECK_OK(lapis_zeros(3, shape, LAPIS_FLOAT32, LAPIS_ORDER_F, &proto));
  CHECK_OK(lapis_array_transpose(proto, &t)); /* C-contiguous (4,3,2) */
  CHECK_OK(lapis_zeros_like(proto, LAPIS_LIKE_DTYPE, &z));
  CHECK_OK(lapis_array_dtype(z, &dt));
  CHECK(dt == LAPIS_FLOAT32);
  CHECK(flags_of(z) & LAPIS_FLAG_F_CONTIGUOUS);
  CHECK_OK(lapis_ones_like(t, LAPIS_COMPLEX128, &o));
  CHECK_OK(lapis_array_dtype(o, &dt));
  CHECK(dt == LAPIS_COMPLEX128);
  CHECK(flags_of(o) & LAPIS_FLAG_C_CONTIGUOUS);
  CHECK_OK(lapis_array_strides(o, st, 3));
  CHECK(st[0] == 6 * 16 && st[1] == 2 * 16 && st[2] == 16);
  CHECK(AT3(o, 3, 2, 1).re == 1.0);
  CHECK_OK(lapis_empty_like(proto, LAPIS_FLOAT64, &e));
  CHECK_OK(lapis_array_dtype(e, &dt));
  CHECK(dt == LAPIS_FLOAT64);
  CHECK_OK(lapis_full_like(proto, cz(-2, 0), LAPIS_LIKE_DTYPE, &f));
  CHECK(AT3(f, 1, 2, 3).re == -2.0);
  CHECK(!shares(f, proto));
  lapis_array_free(f);
  f = NULL;
  CHECK_STATUS(lapis_full_like(proto, cz(1, 2), LAPIS_LIKE_DTYPE, &f),
               LAPIS_ERR_INVALID_VALUE);
  CHECK(f == NULL);
  CHECK_STATUS(lapis_zeros_like(NULL, LAPIS_LIKE_DTYPE, &f), LAPIS_ERR_NULL_ARGUMENT);
  CHECK_MESSAGE("proto");
  CHECK_STATUS(lapis_zeros_like(proto, 9, &f), LAPIS_ERR_BAD_DTYPE);
  CHECK(f == NULL);
  lapis_array_free(proto);
  lapis_array_free(t);
  lapis_array_free(z);
  lapis_array_free(o);
  lapis_array_free(e);
}

static void test_random(void) {
  int64_t shape[2];
  int t;
  shape[0] = 50;
  shape[1] = 40;
  for (t = 0; t < 4; ++t) {
    lapis_dtype dt = DTYPES[t];
    int64_t nb = 2000 * ITEMSIZE[t];
    char *b1 = (char *)malloc((size_t)nb);
    char *b2 = (char *)malloc((size_t)nb);
    char *b3 = (char *)malloc((size_t)nb);
    lapis_array *u1 = NULL, *u2 = NULL, *u3 = NULL, *fa = NULL, *n = NULL,
                *sn = NULL;
    int64_t i, j;
    double sum = 0, sumsq = 0, re, im;

    CHECK_OK(lapis_random_uniform(42, 0, -1.0, 3.0, 2, shape, dt, &u1));
    CHECK_OK(lapis_random_uniform(42, 0, -1.0, 3.0, 2, shape, dt, &u2));
    CHECK_OK(lapis_random_uniform(42, 1, -1.0, 3.0, 2, shape, dt, &u3));
    CHECK_OK(lapis_array_read(u1, b1, (size_t)nb, LAPIS_ORDER_C));
    CHECK_OK(lapis_array_read(u2, b2, (size_t)nb, LAPIS_ORDER_C));
    CHECK_OK(lapis_array_read(u3, b3, (size_t)nb, LAPIS_ORDER_C));
    CHECK(memcmp(b1, b2, (size_t)nb) == 0); /* same seed, same numbers */
    CHECK(memcmp(b1, b3, (size_t)nb) != 0); /* another stream */
    for (i = 0; i < 2000; ++i) {
      get_elem(b1, dt, i, &re, &im);
      CHECK(re >= -1.0 && re < 3.0);
      CHECK(im >= (is_complex(dt) ? -1.0 : 0.0) && im < 3.0);
      sum += re;
    }
    CHECK_CLOSE(sum / 2000, 1.0, 0.1);

    /* A fill of an F-order array gives the same values at the same indices. */
    CHECK_OK(lapis_zeros(2, shape, dt, LAPIS_ORDER_F, &fa));
    CHECK_OK(lapis_random_fill_uniform(42, 0, -1.0, 3.0, fa));
    for (i = 0; i < 50; i += 7) {
      for (j = 0; j < 40; j += 3) {
        lapis_complex128 x = AT2(fa, i, j), y = AT2(u1, i, j);
        CHECK(x.re == y.re && x.im == y.im);
      }
    }

    CHECK_OK(lapis_random_normal(7, 3, 10.0, 2.0, 2, shape, dt, &n));
    CHECK_OK(lapis_array_read(n, b1, (size_t)nb, LAPIS_ORDER_F));
    sum = sumsq = 0;
    for (i = 0; i < 2000; ++i) {
      get_elem(b1, dt, i, &re, &im);
      sum += re;
      sumsq += (re - 10.0) * (re - 10.0) + im * im;
    }
    CHECK_CLOSE(sum / 2000, 10.0, 0.3);
    CHECK_CLOSE(sumsq / 2000, 4.0, 0.6);
    CHECK_OK(lapis_random_fill_normal(7, 3, 10.0, 2.0, fa));
    CHECK(AT2(fa, 5, 9).re == AT2(n, 5, 9).re);

    CHECK_OK(lapis_random_standard_normal(1, 0, 2, shape, dt, &sn));
    CHECK_OK(lapis_random_fill_standard_normal(1, 0, fa));
    CHECK(AT2(fa, 49, 39).re == AT2(sn, 49, 39).re);
    CHECK(AT2(fa, 49, 39).im == AT2(sn, 49, 39).im);

    lapis_array_free(u1);
    lapis_array_free(u2);
    lapis_array_free(u3);
    lapis_array_free(fa);
    lapis_array_free(n);
    lapis_array_free(sn);
    free(b1);
    free(b2);
    free(b3);
  }
  {
    lapis_array *a = NULL, *b = NULL;
    int64_t shape1 = 4;
    CHECK_STATUS(lapis_random_fill_uniform(1, 0, 0, 1, NULL), LAPIS_ERR_NULL_ARGUMENT);
    CHECK_STATUS(lapis_random_uniform(1, 0, 0, 1, 1, &shape1, 0, &a), LAPIS_ERR_BAD_DTYPE);
    CHECK_STATUS(lapis_random_normal(1, 0, 0, 1, 1, &shape1, LAPIS_FLOAT64, NULL),
                 LAPIS_ERR_NULL_ARGUMENT);
    /* Read-only target: refused, untouched. */
    CHECK_OK(lapis_zeros(1, &shape1, LAPIS_FLOAT64, LAPIS_ORDER_C, &a));
    CHECK_OK(lapis_array_broadcast_to(a, 1, &shape1, &b));
    CHECK_STATUS(lapis_random_fill_standard_normal(1, 0, b), LAPIS_ERR_READ_ONLY);
    CHECK(AT1(a, 2).re == 0.0);
    lapis_array_free(a);
    lapis_array_free(b);
  }
}

/* Wrapping caller memory: every dtype, C/negative strides, offsets. */
static void test_wrap(void) {
  int t;
  for (t = 0; t < 4; ++t) {
    lapis_dtype dt = DTYPES[t];
    int64_t isz = ITEMSIZE[t];
    /* 3 x 4 elements, element k = k + (-k)i. */
    double *storage = (double *)malloc(12 * 16);
    void *buf = storage;
    size_t nbytes = (size_t)(12 * isz);
    int64_t shape[2], strides[2], got[2], k, i, j;
    lapis_array *w = NULL, *n = NULL, *f = NULL, *bad = NULL, *ro = NULL,
                *v = NULL;
    shape[0] = 3;
    shape[1] = 4;
    for (k = 0; k < 12; ++k) put_elem(buf, dt, k, (double)k, -(double)k);

    /* Strides NULL: C-contiguous; the handle views buf in place. */
    CHECK_OK(lapis_array_wrap(buf, nbytes, 0, dt, 2, shape, NULL, false, &w));
    CHECK(data_of(w) == (const char *)buf);
    CHECK(flags_of(w) == (LAPIS_FLAG_C_CONTIGUOUS | LAPIS_FLAG_WRITABLE));
    for (i = 0; i < 3; ++i)
      for (j = 0; j < 4; ++j) CHECK(AT2(w, i, j).re == (double)(4 * i + j));

    /* Negative strides: element 0 is the last of the buffer. */
    strides[0] = -4 * isz;
    strides[1] = -isz;
    CHECK_OK(lapis_array_wrap(buf, nbytes, 11 * isz, dt, 2, shape, strides,
                              true, &n));
    CHECK_OK(lapis_array_strides(n, got, 2));
    CHECK(got[0] == -4 * isz && got[1] == -isz);
    CHECK(flags_of(n) == 0);
    CHECK(data_of(n) == (const char *)buf + 11 * isz);
    for (i = 0; i < 3; ++i) {
      for (j = 0; j < 4; ++j) {
        lapis_complex128 z = AT2(n, i, j);
        double e = (double)(11 - 4 * i - j);
        CHECK(z.re == e);
        CHECK(z.im == (is_complex(dt) ? -e : 0.0));
      }
    }

    /* Column-major (F) wrap, with an offset and a gap (a 3x3 block of a
     * 4-row leading dimension: lda = 4 elements). */
    shape[1] = 2;
    strides[0] = isz;
    strides[1] = 4 * isz;
    CHECK_OK(lapis_array_wrap(buf, nbytes, isz, dt, 2, shape, strides, false, &f));
    CHECK(!(flags_of(f) & (LAPIS_FLAG_F_CONTIGUOUS | LAPIS_FLAG_C_CONTIGUOUS)));
    for (i = 0; i < 3; ++i)
      for (j = 0; j < 2; ++j) CHECK(AT2(f, i, j).re == (double)(1 + i + 4 * j));
    /* Writes through a writable wrap land in the caller's buffer. */
    {
      int64_t idx[2];
      double re, im;
      idx[0] = 2;
      idx[1] = 1;
      CHECK_OK(lapis_array_set(f, idx, cz(100, is_complex(dt) ? 5 : 0)));
      get_elem(buf, dt, 1 + 2 + 4, &re, &im);
      CHECK(re == 100 && im == (is_complex(dt) ? 5 : 0));
      put_elem(buf, dt, 7, 7, -7);
    }

    /* Extent violations name the axis; out untouched. */
    shape[1] = 4;
    strides[0] = 4 * isz;
    strides[1] = isz;
    CHECK_STATUS(lapis_array_wrap(buf, nbytes, isz, dt, 2, shape, strides,
                                  false, &bad),
                 LAPIS_ERR_BAD_STRIDE);
    CHECK_MESSAGE("axis 1");
    CHECK(bad == NULL);
    strides[0] = -4 * isz;
    CHECK_STATUS(lapis_array_wrap(buf, nbytes, 3 * isz, dt, 2, shape, strides,
                                  false, &bad),
                 LAPIS_ERR_BAD_STRIDE);
    CHECK_MESSAGE("axis 0");
    strides[0] = 6 * isz; /* rows alone overrun the buffer */
    CHECK_STATUS(lapis_array_wrap(buf, nbytes, 0, dt, 2, shape, strides,
                                  false, &bad),
                 LAPIS_ERR_BAD_STRIDE);
    CHECK_MESSAGE("axis 0");
    CHECK_STATUS(lapis_array_wrap(buf, nbytes - 1, 0, dt, 2, shape, NULL,
                                  false, &bad),
                 LAPIS_ERR_BAD_STRIDE);
    CHECK_STATUS(lapis_array_wrap(buf, nbytes, -isz, dt, 1, shape, NULL,
                                  false, &bad),
                 LAPIS_ERR_BAD_STRIDE);
    CHECK_MESSAGE("offset");
    CHECK_STATUS(lapis_array_wrap(buf, nbytes, (int64_t)nbytes, dt, 1, shape,
                                  NULL, false, &bad),
                 LAPIS_ERR_BAD_STRIDE);
    /* Strides that are not multiples of the itemsize. */
    strides[0] = 4 * isz;
    strides[1] = isz + isz / 2;
    CHECK_STATUS(lapis_array_wrap(buf, nbytes, 0, dt, 2, shape, strides,
                                  false, &bad),
                 LAPIS_ERR_BAD_STRIDE);
    CHECK_MESSAGE("multiple of the itemsize");
    /* A misaligned element 0. */
    CHECK_STATUS(lapis_array_wrap(buf, nbytes, 2, dt, 1, shape, NULL, false,
                                  &bad),
                 LAPIS_ERR_BAD_STRIDE);
    CHECK(bad == NULL);

    /* Read-only wrap: every write is refused and the buffer untouched. */
    CHECK_OK(lapis_array_wrap(buf, nbytes, 0, dt, 2, shape, NULL, true, &ro));
    CHECK(!(flags_of(ro) & LAPIS_FLAG_WRITABLE));
    {
      int64_t idx[2];
      void *p = NULL;
      char *copy = (char *)malloc(nbytes);
      memcpy(copy, buf, nbytes);
      idx[0] = 1;
      idx[1] = 1;
      CHECK_STATUS(lapis_array_fill(ro, cz(9, 0)), LAPIS_ERR_READ_ONLY);
      CHECK_STATUS(lapis_array_set(ro, idx, cz(9, 0)), LAPIS_ERR_READ_ONLY);
      CHECK_STATUS(lapis_array_data_mut(ro, &p), LAPIS_ERR_READ_ONLY);
      CHECK(p == NULL);
      CHECK_STATUS(lapis_array_write(ro, copy, nbytes, LAPIS_ORDER_C), LAPIS_ERR_READ_ONLY);
      CHECK_STATUS(lapis_array_copyto(ro, w), LAPIS_ERR_READ_ONLY);
      CHECK_STATUS(lapis_random_fill_uniform(1, 0, 0, 1, ro), LAPIS_ERR_READ_ONLY);
      /* Views of a read-only array stay read-only. */
      CHECK_OK(lapis_array_transpose(ro, &v));
      CHECK_STATUS(lapis_array_fill(v, cz(9, 0)), LAPIS_ERR_READ_ONLY);
      lapis_array_free(v);
      v = NULL;
      CHECK(memcmp(copy, buf, nbytes) == 0);
      CHECK_OK(lapis_array_data_mut(w, &p));
      CHECK(p == buf);
      free(copy);
    }

    /* Freeing the wrap before its view: the view still reads the caller's
     * memory (which the caller keeps). */
    CHECK_OK(lapis_array_index(w, 0, 2, &v));
    lapis_array_free(w);
    w = NULL;
    CHECK(AT1(v, 3).re == 11.0);
    lapis_array_free(v);

    lapis_array_free(n);
    lapis_array_free(f);
    lapis_array_free(ro);
    free(storage);
  }
}

static void test_wrap_more(void) {
  double buf[6] = {0, 1, 2, 3, 4, 5};
  int64_t shape[2], strides[2];
  lapis_array *a = NULL, *o = NULL, *e = NULL, *bad = NULL;
  int64_t i, j;
  shape[0] = 2;
  shape[1] = 3;

  /* Contiguous wraps in both orders. */
  CHECK_OK(lapis_array_wrap_contiguous(buf, LAPIS_FLOAT64, 2, shape,
                                       LAPIS_ORDER_F, false, &a));
  CHECK(flags_of(a) == (LAPIS_FLAG_F_CONTIGUOUS | LAPIS_FLAG_WRITABLE));
  for (i = 0; i < 2; ++i)
    for (j = 0; j < 3; ++j) CHECK(AT2(a, i, j).re == buf[i + 2 * j]);
  lapis_array_free(a);
  CHECK_OK(lapis_array_wrap_contiguous(buf, LAPIS_FLOAT64, 2, shape,
                                       LAPIS_ORDER_C, true, &a));
  CHECK(AT2(a, 1, 0).re == 3.0);
  CHECK_STATUS(lapis_array_wrap_contiguous(NULL, LAPIS_FLOAT64, 2, shape,
                                           LAPIS_ORDER_C, true, &bad),
               LAPIS_ERR_NULL_ARGUMENT);
  CHECK_STATUS(lapis_array_wrap_contiguous(buf, LAPIS_FLOAT64, 2, shape,
                                           LAPIS_ORDER_K, true, &bad),
               LAPIS_ERR_INVALID_ARGUMENT);
  CHECK_STATUS(lapis_array_wrap_contiguous((char *)buf + 4, LAPIS_FLOAT64, 2,
                                           shape, LAPIS_ORDER_C, true, &bad),
               LAPIS_ERR_BAD_STRIDE);
  CHECK(bad == NULL);

  /* Overlapping strides (NumPy's as_strided): readable, not writable. */
  strides[0] = 0;
  strides[1] = 8;
  CHECK_OK(lapis_array_wrap(buf, sizeof buf, 0, LAPIS_FLOAT64, 2, shape,
                            strides, false, &o));
  CHECK(AT2(o, 1, 2).re == 2.0);
  CHECK_STATUS(lapis_array_fill(o, cz(1, 0)), LAPIS_ERR_BAD_STRIDE);
  CHECK_STATUS(lapis_array_copyto(o, a), LAPIS_ERR_BAD_STRIDE);
  CHECK(buf[0] == 0.0 && buf[5] == 5.0);
  lapis_array_free(o);

  /* Empty wraps may have a NULL base; any strides. */
  shape[0] = 0;
  strides[0] = 1000;
  CHECK_OK(lapis_array_wrap(NULL, 0, 0, LAPIS_COMPLEX64, 2, shape, strides,
                            false, &e));
  {
    int64_t n = -1;
    CHECK_OK(lapis_array_size(e, &n));
    CHECK(n == 0);
  }
  lapis_array_free(e);

  /* Bad arguments. */
  shape[0] = 2;
  CHECK_STATUS(lapis_array_wrap(NULL, 48, 0, LAPIS_FLOAT64, 2, shape, NULL,
                                false, &bad),
               LAPIS_ERR_NULL_ARGUMENT);
  CHECK_MESSAGE("base");
  CHECK_STATUS(lapis_array_wrap(buf, 48, 0, 0, 2, shape, NULL, false, &bad),
               LAPIS_ERR_BAD_DTYPE);
  CHECK_STATUS(lapis_array_wrap(buf, 48, 0, LAPIS_FLOAT64, -1, shape, NULL,
                                false, &bad),
               LAPIS_ERR_INVALID_ARGUMENT);
  CHECK_STATUS(lapis_array_wrap(buf, 48, 0, LAPIS_FLOAT64, 2, NULL, NULL,
                                false, &bad),
               LAPIS_ERR_NULL_ARGUMENT);
  CHECK_STATUS(lapis_array_wrap(buf, 48, 0, LAPIS_FLOAT64, 2, shape, NULL,
                                false, NULL),
               LAPIS_ERR_NULL_ARGUMENT);
  shape[0] = -2;
  CHECK_STATUS(lapis_array_wrap(buf, 48, 0, LAPIS_FLOAT64, 2, shape, NULL,
                                false, &bad),
               LAPIS_ERR_INVALID_ARGUMENT);
  CHECK_MESSAGE("negative");
  CHECK(bad == NULL);
  lapis_array_free(a);
}

static void test_queries_null(void) {
  lapis_array *a = NULL;
  int64_t shape[2], v = 77, buf[2];
  lapis_dtype dt = 77;
  int32_t fl = 77;
  const void *p = &v;
  void *pm = &v;
  bool s = true;
  shape[0] = 2;
  shape[1] = 3;
  CHECK_STATUS(lapis_array_dtype(NULL, &dt), LAPIS_ERR_NULL_ARGUMENT);
  CHECK_MESSAGE("lapis_array_dtype: argument 'a' is NULL");
  CHECK_STATUS(lapis_array_ndim(NULL, &v), LAPIS_ERR_NULL_ARGUMENT);
  CHECK_STATUS(lapis_array_size(NULL, &v), LAPIS_ERR_NULL_ARGUMENT);
  CHECK_STATUS(lapis_array_itemsize(NULL, &v), LAPIS_ERR_NULL_ARGUMENT);
  CHECK_STATUS(lapis_array_nbytes(NULL, &v), LAPIS_ERR_NULL_ARGUMENT);
  CHECK_STATUS(lapis_array_flags(NULL, &fl), LAPIS_ERR_NULL_ARGUMENT);
  CHECK_STATUS(lapis_array_data(NULL, &p), LAPIS_ERR_NULL_ARGUMENT);
  CHECK_STATUS(lapis_array_data_mut(NULL, &pm), LAPIS_ERR_NULL_ARGUMENT);
  CHECK_STATUS(lapis_array_shape(NULL, buf, 2), LAPIS_ERR_NULL_ARGUMENT);
  CHECK_STATUS(lapis_array_strides(NULL, buf, 2), LAPIS_ERR_NULL_ARGUMENT);
  CHECK_STATUS(lapis_array_shares_buffer(NULL, NULL, &s), LAPIS_ERR_NULL_ARGUMENT);
  CHECK(v == 77 && dt == 77 && fl == 77 && p == &v && pm == &v && s);

  CHECK_OK(lapis_zeros(2, shape, LAPIS_FLOAT64, LAPIS_ORDER_C, &a));
  CHECK_STATUS(lapis_array_dtype(a, NULL), LAPIS_ERR_NULL_ARGUMENT);
  CHECK_MESSAGE("'out'");
  CHECK_STATUS(lapis_array_ndim(a, NULL), LAPIS_ERR_NULL_ARGUMENT);
  CHECK_STATUS(lapis_array_size(a, NULL), LAPIS_ERR_NULL_ARGUMENT);
  CHECK_STATUS(lapis_array_itemsize(a, NULL), LAPIS_ERR_NULL_ARGUMENT);
  CHECK_STATUS(lapis_array_nbytes(a, NULL), LAPIS_ERR_NULL_ARGUMENT);
  CHECK_STATUS(lapis_array_flags(a, NULL), LAPIS_ERR_NULL_ARGUMENT);
  CHECK_STATUS(lapis_array_data(a, NULL), LAPIS_ERR_NULL_ARGUMENT);
  CHECK_STATUS(lapis_array_data_mut(a, NULL), LAPIS_ERR_NULL_ARGUMENT);
  CHECK_STATUS(lapis_array_shape(a, NULL, 2), LAPIS_ERR_NULL_ARGUMENT);
  CHECK_STATUS(lapis_array_shares_buffer(a, a, NULL), LAPIS_ERR_NULL_ARGUMENT);
  buf[0] = buf[1] = -5;
  CHECK_STATUS(lapis_array_shape(a, buf, 1), LAPIS_ERR_INVALID_ARGUMENT);
  CHECK_MESSAGE("2 axes");
  CHECK_STATUS(lapis_array_strides(a, buf, -1), LAPIS_ERR_INVALID_ARGUMENT);
  CHECK(buf[0] == -5 && buf[1] == -5);
  CHECK_OK(lapis_array_data_mut(a, &pm));
  CHECK((const char *)pm == data_of(a));
  CHECK(shares(a, a));
  lapis_array_free(a);
  lapis_array_free(NULL); /* a no-op */
}

static void test_creation_errors(void) {
  int64_t shape[40];
  lapis_array *a = NULL;
  int i;
  for (i = 0; i < 40; ++i) shape[i] = 1;
  CHECK_STATUS(lapis_zeros(33, shape, LAPIS_FLOAT64, LAPIS_ORDER_C, &a),
               LAPIS_ERR_INVALID_ARGUMENT);
  CHECK_MESSAGE("32");
  CHECK_OK(lapis_zeros(32, shape, LAPIS_FLOAT64, LAPIS_ORDER_C, &a));
  CHECK(ndim_of(a) == 32);
  lapis_array_free(a);
  a = NULL;
  CHECK_STATUS(lapis_ones(-1, shape, LAPIS_FLOAT64, LAPIS_ORDER_C, &a),
               LAPIS_ERR_INVALID_ARGUMENT);
  shape[1] = -3;
  CHECK_STATUS(lapis_empty(2, shape, LAPIS_FLOAT64, LAPIS_ORDER_C, &a),
               LAPIS_ERR_INVALID_ARGUMENT);
  CHECK_MESSAGE("shape[1] = -3");
  shape[1] = 1;
  CHECK_STATUS(lapis_zeros(2, shape, 0, LAPIS_ORDER_C, &a), LAPIS_ERR_BAD_DTYPE);
  CHECK_MESSAGE("unknown dtype code 0");
  CHECK_STATUS(lapis_zeros(2, shape, 5, LAPIS_ORDER_C, &a), LAPIS_ERR_BAD_DTYPE);
  CHECK_STATUS(lapis_zeros(2, shape, LAPIS_FLOAT64, 4, &a), LAPIS_ERR_INVALID_ARGUMENT);
  CHECK_MESSAGE("order");
  CHECK_STATUS(lapis_zeros(2, shape, LAPIS_FLOAT64, LAPIS_ORDER_A, &a),
               LAPIS_ERR_INVALID_ARGUMENT);
  CHECK_STATUS(lapis_zeros(2, NULL, LAPIS_FLOAT64, LAPIS_ORDER_C, &a),
               LAPIS_ERR_NULL_ARGUMENT);
  CHECK_STATUS(lapis_zeros(2, shape, LAPIS_FLOAT64, LAPIS_ORDER_C, NULL),
               LAPIS_ERR_NULL_ARGUMENT);
  shape[0] = (int64_t)1 << 40;
  shape[1] = (int64_t)1 << 40;
  CHECK_STATUS(lapis_zeros(2, shape, LAPIS_FLOAT64, LAPIS_ORDER_C, &a),
               LAPIS_ERR_OVERFLOW);
  CHECK(a == NULL);
}

/* ---------------------------------------------------------------------- */

static void test_slice(void) {
  int t;
  for (t = 0; t < 4; ++t) {
    lapis_dtype dt = DTYPES[t];
    int64_t isz = itemsize_of(dt);
    int64_t shape[2], start[2], stop[2], step[2], got[2], st[2];
    lapis_array *a = NULL, *v = NULL, *v2 = NULL, *bad = NULL;
    int64_t i, j;
    shape[0] = 4;
    shape[1] = 5;
    a = counting(dt, 2, shape);

    /* a[1:4:2, ::-2] */
    start[0] = 1;
    stop[0] = 4;
    step[0] = 2;
    start[1] = LAPIS_SLICE_NONE;
    stop[1] = LAPIS_SLICE_NONE;
    step[1] = -2;
    CHECK_OK(lapis_array_slice(a, 2, start, stop, step, &v));
    CHECK_OK(lapis_array_shape(v, got, 2));
    CHECK(got[0] == 2 && got[1] == 3);
    CHECK_OK(lapis_array_strides(v, st, 2));
    CHECK(st[0] == 10 * isz && st[1] == -2 * isz);
    CHECK(data_of(v) == data_of(a) + (1 * 5 + 4) * isz);
    CHECK(shares(v, a));
    CHECK(!(flags_of(v) & LAPIS_FLAG_OWNS_DATA));
    for (i = 0; i < 2; ++i) {
      for (j = 0; j < 3; ++j) {
        lapis_complex128 z = AT2(v, i, j);
        double e = (double)((1 + 2 * i) * 5 + (4 - 2 * j));
        CHECK(z.re == e && z.im == (is_complex(dt) ? -e : 0.0));
      }
    }
    /* Free the base first: the view keeps the buffer alive. */
    lapis_array_free(a);
    CHECK(AT2(v, 1, 2).re == 15.0);

    /* Slicing a view: v[-1:, 1:-1] (negative start/stop), n < ndim. */
    start[0] = -1;
    stop[0] = LAPIS_SLICE_NONE;
    step[0] = 1;
    CHECK_OK(lapis_array_slice(v, 1, start, stop, step, &v2));
    CHECK_OK(lapis_array_shape(v2, got, 2));
    CHECK(got[0] == 1 && got[1] == 3);
    CHECK(AT2(v2, 0, 0).re == 19.0);
    lapis_array_free(v2);
    v2 = NULL;
    /* Clipping: a[-100:100] is everything; reversed [::-1] with NULLs. */
    start[0] = -100;
    stop[0] = 100;
    CHECK_OK(lapis_array_slice(v, 1, start, stop, NULL, &v2));
    CHECK_OK(lapis_array_shape(v2, got, 2));
    CHECK(got[0] == 2);
    lapis_array_free(v2);
    v2 = NULL;
    step[0] = -1;
    CHECK_OK(lapis_array_slice(v, 1, NULL, NULL, step, &v2));
    CHECK(AT2(v2, 0, 0).re == 19.0 && AT2(v2, 1, 2).re == 5.0);
    lapis_array_free(v2);
    v2 = NULL;
    /* Empty slice. */
    start[0] = 1;
    stop[0] = 1;
    CHECK_OK(lapis_array_slice(v, 1, start, stop, NULL, &v2));
    CHECK_OK(lapis_array_shape(v2, got, 2));
    CHECK(got[0] == 0 && got[1] == 3);
    lapis_array_free(v2);

    step[0] = 0;
    CHECK_STATUS(lapis_array_slice(v, 1, NULL, NULL, step, &bad), LAPIS_ERR_INVALID_ARGUMENT);
    CHECK_MESSAGE("step");
    CHECK_STATUS(lapis_array_slice(v, 3, NULL, NULL, NULL, &bad), LAPIS_ERR_INDEX);
    CHECK_STATUS(lapis_array_slice(v, -1, NULL, NULL, NULL, &bad), LAPIS_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(lapis_array_slice(NULL, 1, NULL, NULL, NULL, &bad), LAPIS_ERR_NULL_ARGUMENT);
    CHECK_STATUS(lapis_array_slice(v, 1, NULL, NULL, NULL, NULL), LAPIS_ERR_NULL_ARGUMENT);
    CHECK(bad == NULL);
    lapis_array_free(v);
  }
}

static void test_axes_views(void) {
  int t;
  for (t = 0; t < 4; ++t) {
    lapis_dtype dt = DTYPES[t];
    int64_t isz = itemsize_of(dt);
    int64_t shape[3], axes[3], got[3], st[3];
    lapis_array *a = NULL, *ix = NULL, *tr = NULL, *pm = NULL, *sw = NULL,
                *mv = NULL, *bad = NULL;
    int64_t i, j, k;
    shape[0] = 2;
    shape[1] = 3;
    shape[2] = 4;
    a = counting(dt, 3, shape);

    CHECK_OK(lapis_array_index(a, 1, -1, &ix)); /* a[:, 2, :] */
    CHECK(ndim_of(ix) == 2);
    for (i = 0; i < 2; ++i)
      for (k = 0; k < 4; ++k) CHECK(AT2(ix, i, k).re == (double)(i * 12 + 8 + k));
    CHECK_STATUS(lapis_array_index(a, 3, 0, &bad), LAPIS_ERR_INDEX);
    CHECK_STATUS(lapis_array_index(a, 0, 2, &bad), LAPIS_ERR_INDEX);

    CHECK_OK(lapis_array_transpose(a, &tr));
    CHECK_OK(lapis_array_strides(tr, st, 3));
    CHECK(st[0] == isz && st[1] == 4 * isz && st[2] == 12 * isz);
    CHECK(flags_of(tr) == (LAPIS_FLAG_F_CONTIGUOUS | LAPIS_FLAG_WRITABLE));

    axes[0] = 2;
    axes[1] = 0;
    axes[2] = -2;
    CHECK_OK(lapis_array_permute(a, 3, axes, &pm));
    CHECK_OK(lapis_array_shape(pm, got, 3));
    CHECK(got[0] == 4 && got[1] == 2 && got[2] == 3);
    CHECK_OK(lapis_array_swapaxes(a, 0, -1, &sw));
    CHECK_OK(lapis_array_moveaxis(a, 0, 2, &mv)); /* (3, 4, 2) */
    CHECK_OK(lapis_array_shape(mv, got, 3));
    CHECK(got[0] == 3 && got[1] == 4 && got[2] == 2);
    for (i = 0; i < 2; ++i) {
      for (j = 0; j < 3; ++j) {
        for (k = 0; k < 4; ++k) {
          double e = (double)(i * 12 + j * 4 + k);
          CHECK(AT3(tr, k, j, i).re == e);
          CHECK(AT3(pm, k, i, j).re == e);
          CHECK(AT3(sw, k, j, i).re == e);
          CHECK(AT3(mv, j, k, i).re == e);
        }
      }
    }
    axes[2] = 0;
    CHECK_STATUS(lapis_array_permute(a, 3, axes, &bad), LAPIS_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(lapis_array_permute(a, 2, axes, &bad), LAPIS_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(lapis_array_permute(a, 3, NULL, &bad), LAPIS_ERR_NULL_ARGUMENT);
    axes[2] = 5;
    CHECK_STATUS(lapis_array_permute(a, 3, axes, &bad), LAPIS_ERR_INDEX);
    CHECK_STATUS(lapis_array_swapaxes(a, 0, 3, &bad), LAPIS_ERR_INDEX);
    CHECK_STATUS(lapis_array_moveaxis(a, -4, 0, &bad), LAPIS_ERR_INDEX);
    CHECK_STATUS(lapis_array_transpose(NULL, &bad), LAPIS_ERR_NULL_ARGUMENT);
    CHECK_STATUS(lapis_array_transpose(a, NULL), LAPIS_ERR_NULL_ARGUMENT);
    CHECK(bad == NULL);

    /* Writes through a view show in the base. */
    {
      int64_t idx[3];
      idx[0] = 3;
      idx[1] = 0;
      idx[2] = 1;
      CHECK_OK(lapis_array_set(tr, idx, cz(-7, 0)));
      CHECK(AT3(a, 1, 0, 3).re == -7.0);
    }

    lapis_array_free(a);
    lapis_array_free(ix);
    lapis_array_free(tr);
    lapis_array_free(pm);
    lapis_array_free(sw);
    lapis_array_free(mv);
  }
}

static void test_reshape(void) {
  int t;
  for (t = 0; t < 4; ++t) {
    lapis_dtype dt = DTYPES[t];
    int64_t shape[2], ns[3], got[3];
    lapis_array *a = NULL, *r = NULL, *tr = NULL, *rc = NULL, *rf = NULL,
                *rav = NULL, *bad = NULL;
    int64_t i, j, k;
    shape[0] = 3;
    shape[1] = 4;
    a = counting(dt, 2, shape);

    /* Contiguous: a view (same data pointer, same buffer). */
    ns[0] = 2;
    ns[1] = -1;
    ns[2] = 3;
    CHECK_OK(lapis_array_reshape(a, 3, ns, LAPIS_ORDER_C, &r));
    CHECK_OK(lapis_array_shape(r, got, 3));
    CHECK(got[0] == 2 && got[1] == 2 && got[2] == 3);
    CHECK(shares(r, a) && data_of(r) == data_of(a));
    for (i = 0; i < 2; ++i)
      for (j = 0; j < 2; ++j)
        for (k = 0; k < 3; ++k) CHECK(AT3(r, i, j, k).re == (double)(i * 6 + j * 3 + k));

    /* Transposed: C-order reshape must copy (as NumPy). */
    CHECK_OK(lapis_array_transpose(a, &tr)); /* (4, 3) */
    ns[0] = 12;
    CHECK_OK(lapis_array_reshape(tr, 1, ns, LAPIS_ORDER_C, &rc));
    CHECK(!shares(rc, a));
    CHECK(flags_of(rc) & LAPIS_FLAG_OWNS_DATA);
    for (i = 0; i < 12; ++i) CHECK(AT1(rc, i).re == (double)((i % 3) * 4 + i / 3));
    /* ... but an F-order reshape of the F-contiguous transpose is a view. */
    CHECK_OK(lapis_array_reshape(tr, 1, ns, LAPIS_ORDER_F, &rf));
    CHECK(shares(rf, a) && data_of(rf) == data_of(a));
    for (i = 0; i < 12; ++i) CHECK(AT1(rf, i).re == (double)i);
    lapis_array_free(rf);
    rf = NULL;
    /* F-order reshape of the C array copies, columns first. */
    CHECK_OK(lapis_array_reshape(a, 1, ns, LAPIS_ORDER_F, &rf));
    CHECK(!shares(rf, a));
    for (i = 0; i < 12; ++i) CHECK(AT1(rf, i).re == (double)((i % 3) * 4 + i / 3));

    CHECK_OK(lapis_array_ravel(tr, LAPIS_ORDER_K, &rav)); /* memory order: a view */
    CHECK(shares(rav, a));
    CHECK(AT1(rav, 5).re == 5.0);

    ns[0] = 5;
    CHECK_STATUS(lapis_array_reshape(a, 1, ns, LAPIS_ORDER_C, &bad), LAPIS_ERR_SHAPE_MISMATCH);
    ns[0] = -1;
    ns[1] = -1;
    CHECK_STATUS(lapis_array_reshape(a, 2, ns, LAPIS_ORDER_C, &bad), LAPIS_ERR_INVALID_ARGUMENT);
    ns[0] = -3;
    ns[1] = -4;
    CHECK_STATUS(lapis_array_reshape(a, 2, ns, LAPIS_ORDER_C, &bad), LAPIS_ERR_INVALID_ARGUMENT);
    ns[0] = 12;
    CHECK_STATUS(lapis_array_reshape(a, 1, ns, LAPIS_ORDER_K, &bad), LAPIS_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(lapis_array_reshape(a, 1, NULL, LAPIS_ORDER_C, &bad), LAPIS_ERR_NULL_ARGUMENT);
    CHECK_STATUS(lapis_array_reshape(a, 33, ns, LAPIS_ORDER_C, &bad), LAPIS_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(lapis_array_ravel(a, 9, &bad), LAPIS_ERR_INVALID_ARGUMENT);
    CHECK(bad == NULL);

    lapis_array_free(a);
    lapis_array_free(r);
    lapis_array_free(tr);
    lapis_array_free(rc);
    lapis_array_free(rf);
    lapis_array_free(rav);
  }
}

static void test_misc_views(void) {
  int t;
  for (t = 0; t < 4; ++t) {
    lapis_dtype dt = DTYPES[t];
    int64_t isz = itemsize_of(dt);
    int64_t shape[3], got[4], st[4], axes[2];
    lapis_array *a = NULL, *b = NULL, *re = NULL, *im = NULL, *s1 = NULL,
                *sq = NULL, *sq2 = NULL, *ed = NULL, *dg = NULL, *bad = NULL;
    lapis_dtype rdt = 0;
    int64_t i, j;
    shape[0] = 3;
    shape[1] = 4;
    a = counting(dt, 2, shape);

    /* broadcast_to (2, 3, 4): read-only, stride 0 on the new axis. */
    shape[0] = 2;
    shape[1] = 3;
    shape[2] = 4;
    CHECK_OK(lapis_array_broadcast_to(a, 3, shape, &b));
    CHECK_OK(lapis_array_strides(b, st, 3));
    CHECK(st[0] == 0 && st[1] == 4 * isz && st[2] == isz);
    CHECK(!(flags_of(b) & LAPIS_FLAG_WRITABLE));
    CHECK(AT3(b, 1, 2, 3).re == 11.0);
    CHECK_STATUS(lapis_array_fill(b, cz(1, 0)), LAPIS_ERR_READ_ONLY);
    shape[2] = 5;
    CHECK_STATUS(lapis_array_broadcast_to(a, 3, shape, &bad), LAPIS_ERR_SHAPE_MISMATCH);
    shape[2] = -4;
    CHECK_STATUS(lapis_array_broadcast_to(a, 3, shape, &bad), LAPIS_ERR_INVALID_ARGUMENT);

    /* real / imag */
    CHECK_OK(lapis_array_real(a, &re));
    CHECK_OK(lapis_array_imag(a, &im));
    CHECK_OK(lapis_array_dtype(re, &rdt));
    CHECK(rdt == (dt == LAPIS_COMPLEX64 ? LAPIS_FLOAT32
                  : dt == LAPIS_COMPLEX128 ? LAPIS_FLOAT64 : dt));
    CHECK_OK(lapis_array_strides(re, st, 2));
    CHECK(st[0] == 4 * isz && st[1] == isz); /* the complex strides */
    for (i = 0; i < 3; ++i) {
      for (j = 0; j < 4; ++j) {
        double e = (double)(4 * i + j);
        CHECK(AT2(re, i, j).re == e);
        CHECK(AT2(im, i, j).re == (is_complex(dt) ? -e : 0.0));
      }
    }
    if (is_complex(dt)) {
      int64_t idx[2];
      idx[0] = 1;
      idx[1] = 1;
      CHECK(flags_of(im) & LAPIS_FLAG_WRITABLE);
      CHECK(data_of(im) == data_of(a) + isz / 2);
      CHECK_OK(lapis_array_set(im, idx, cz(42, 0)));
      CHECK(AT2(a, 1, 1).im == 42.0 && AT2(a, 1, 1).re == 5.0);
    } else {
      CHECK(!(flags_of(im) & LAPIS_FLAG_WRITABLE));
      CHECK(data_of(re) == data_of(a));
    }

    /* squeeze / expand_dims */
    axes[0] = 0;
    axes[1] = -1;
    CHECK_OK(lapis_array_expand_dims(a, 2, axes, &ed)); /* (1, 3, 4, 1) */
    CHECK_OK(lapis_array_shape(ed, got, 4));
    CHECK(got[0] == 1 && got[1] == 3 && got[2] == 4 && got[3] == 1);
    CHECK(shares(ed, a));
    CHECK_OK(lapis_array_squeeze(ed, 0, NULL, &sq));
    CHECK(ndim_of(sq) == 2);
    CHECK(AT2(sq, 2, 3).re == 11.0);
    axes[0] = 3;
    CHECK_OK(lapis_array_squeeze(ed, 1, axes, &sq2));
    CHECK(ndim_of(sq2) == 3);
    axes[0] = 1;
    CHECK_STATUS(lapis_array_squeeze(ed, 1, axes, &bad), LAPIS_ERR_SHAPE_MISMATCH);
    axes[0] = 4;
    CHECK_STATUS(lapis_array_squeeze(ed, 1, axes, &bad), LAPIS_ERR_INDEX);
    CHECK_STATUS(lapis_array_squeeze(ed, 1, NULL, &bad), LAPIS_ERR_NULL_ARGUMENT);
    axes[0] = 0;
    axes[1] = 0;
    CHECK_STATUS(lapis_array_expand_dims(a, 2, axes, &bad), LAPIS_ERR_INVALID_ARGUMENT);
    axes[0] = 3;
    CHECK_STATUS(lapis_array_expand_dims(a, 1, axes, &bad), LAPIS_ERR_INDEX);

    /* diagonal: read-only, a[i, i + 1] */
    CHECK_OK(lapis_array_diagonal(a, 1, 0, 1, &dg));
    CHECK_OK(lapis_array_shape(dg, got, 1));
    CHECK(got[0] == 3);
    CHECK_OK(lapis_array_strides(dg, st, 1));
    CHECK(st[0] == 5 * isz);
    for (i = 0; i < 3; ++i) CHECK(AT1(dg, i).re == (double)(5 * i + 1));
    CHECK(!(flags_of(dg) & LAPIS_FLAG_WRITABLE));
    CHECK_STATUS(lapis_array_diagonal(a, 0, 0, 0, &bad), LAPIS_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(lapis_array_diagonal(a, 0, 0, 2, &bad), LAPIS_ERR_INDEX);
    CHECK_STATUS(lapis_array_diagonal(dg, 0, 0, 1, &bad), LAPIS_ERR_SHAPE_MISMATCH);
    CHECK(bad == NULL);

    /* Views made from views; free everything but one view, then read it. */
    CHECK_OK(lapis_array_view(sq, &s1));
    lapis_array_free(a);
    lapis_array_free(ed);
    lapis_array_free(sq);
    CHECK(AT2(s1, 2, 2).re == 10.0);
    lapis_array_free(s1);
    lapis_array_free(sq2);
    lapis_array_free(b);
    lapis_array_free(re);
    lapis_array_free(im);
    lapis_array_free(dg);
  }
}

static void test_copies(void) {
  int t;
  for (t = 0; t < 4; ++t) {
    lapis_dtype dt = DTYPES[t];
    int64_t shape[2], st[2];
    lapis_array *a = NULL, *tr = NULL, *c = NULL, *f = NULL, *k = NULL,
                *as = NULL, *cc = NULL, *fc = NULL, *bad = NULL;
    lapis_dtype gdt = 0;
    int64_t i, j;
    shape[0] = 3;
    shape[1] = 4;
    a = counting(dt, 2, shape);
    CHECK_OK(lapis_array_transpose(a, &tr));

    CHECK_OK(lapis_array_copy(a, LAPIS_ORDER_F, &f));
    CHECK(flags_of(f) == (LAPIS_FLAG_F_CONTIGUOUS | LAPIS_FLAG_WRITABLE |
                          LAPIS_FLAG_OWNS_DATA));
    CHECK_OK(lapis_array_copy(tr, LAPIS_ORDER_K, &k)); /* keeps F layout */
    CHECK(flags_of(k) & LAPIS_FLAG_F_CONTIGUOUS);
    CHECK_OK(lapis_array_copy(tr, LAPIS_ORDER_C, &c));
    CHECK(flags_of(c) & LAPIS_FLAG_C_CONTIGUOUS);
    CHECK(!shares(c, a) && !shares(f, a));
    for (i = 0; i < 3; ++i) {
      for (j = 0; j < 4; ++j) {
        double e = (double)(4 * i + j);
        CHECK(AT2(f, i, j).re == e);
        CHECK(AT2(c, j, i).re == e && AT2(k, j, i).re == e);
      }
    }
    /* The copy is independent of the original. */
    CHECK_OK(lapis_array_fill(f, cz(0, 0)));
    CHECK(AT2(a, 2, 3).re == 11.0);

    CHECK_OK(lapis_array_ascontiguousarray(a, &cc));
    CHECK(data_of(cc) == data_of(a)); /* already contiguous: a view */
    lapis_array_free(cc);
    CHECK_OK(lapis_array_ascontiguousarray(tr, &cc));
    CHECK(!shares(cc, a) && (flags_of(cc) & LAPIS_FLAG_C_CONTIGUOUS));
    CHECK_OK(lapis_array_asfortranarray(tr, &fc));
    CHECK(data_of(fc) == data_of(a));

    /* astype: real -> complex and narrowing allowed, complex -> real not. */
    CHECK_OK(lapis_array_astype(tr, LAPIS_COMPLEX128, &as));
    CHECK_OK(lapis_array_dtype(as, &gdt));
    CHECK(gdt == LAPIS_COMPLEX128);
    CHECK_OK(lapis_array_strides(as, st, 2)); /* order K: F like tr */
    CHECK(st[0] == 16 && st[1] == 64);
    CHECK(AT2(as, 3, 2).re == 11.0);
    CHECK(AT2(as, 3, 2).im == (is_complex(dt) ? -11.0 : 0.0));
    lapis_array_free(as);
    as = NULL;
    if (is_complex(dt)) {
      CHECK_STATUS(lapis_array_astype(a, LAPIS_FLOAT64, &as), LAPIS_ERR_INVALID_VALUE);
      CHECK_MESSAGE("same_kind");
      CHECK(as == NULL);
    } else {
      CHECK_OK(lapis_array_astype(a, LAPIS_FLOAT32, &as));
      CHECK(AT2(as, 1, 1).re == 5.0);
      lapis_array_free(as);
    }
    CHECK_STATUS(lapis_array_astype(a, 0, &bad), LAPIS_ERR_BAD_DTYPE);
    CHECK_STATUS(lapis_array_copy(a, -1, &bad), LAPIS_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(lapis_array_copy(NULL, LAPIS_ORDER_C, &bad), LAPIS_ERR_NULL_ARGUMENT);
    CHECK(bad == NULL);

    lapis_array_free(a);
    lapis_array_free(tr);
    lapis_array_free(c);
    lapis_array_free(f);
    lapis_array_free(k);
    lapis_array_free(cc);
    lapis_array_free(fc);
  }
}

static void test_copyto_fill(void) {
  int64_t shape[2], row = 4;
  lapis_array *d = NULL, *r = NULL, *c = NULL, *bad = NULL, *tr = NULL;
  int64_t i, j;
  shape[0] = 3;
  shape[1] = 4;
  CHECK_OK(lapis_zeros(2, shape, LAPIS_COMPLEX64, LAPIS_ORDER_F, &d));
  CHECK_OK(lapis_arange(0, 4, 1, LAPIS_FLOAT64, &r)); /* broadcast (4,) */
  CHECK_OK(lapis_array_copyto(d, r));
  for (i = 0; i < 3; ++i)
    for (j = 0; j < 4; ++j) CHECK(AT2(d, i, j).re == (double)j && AT2(d, i, j).im == 0.0);
  /* complex -> real refused under same_kind; destination untouched. */
  CHECK_OK(lapis_full(1, &row, LAPIS_COMPLEX128, cz(1, 1), LAPIS_ORDER_C, &c));
  CHECK_STATUS(lapis_array_copyto(r, c), LAPIS_ERR_INVALID_VALUE);
  CHECK(AT1(r, 3).re == 3.0);
  /* Shapes that do not broadcast. */
  CHECK_OK(lapis_zeros(1, shape, LAPIS_FLOAT64, LAPIS_ORDER_C, &bad));
  CHECK_STATUS(lapis_array_copyto(d, bad), LAPIS_ERR_SHAPE_MISMATCH);
  CHECK(AT2(d, 1, 3).re == 3.0);
  /* In place with self-overlap: d = d.T's ... use a same-buffer source. */
  CHECK_OK(lapis_array_copyto(d, d));
  CHECK(AT2(d, 2, 1).re == 1.0);
  CHECK_STATUS(lapis_array_copyto(NULL, r), LAPIS_ERR_NULL_ARGUMENT);
  CHECK_STATUS(lapis_array_copyto(d, NULL), LAPIS_ERR_NULL_ARGUMENT);

  /* fill on a strided view only touches the view. */
  CHECK_OK(lapis_array_index(d, 1, 2, &tr)); /* column 2 */
  CHECK_OK(lapis_array_fill(tr, cz(-1, 2)));
  for (i = 0; i < 3; ++i) {
    CHECK(AT2(d, i, 2).re == -1.0 && AT2(d, i, 2).im == 2.0);
    CHECK(AT2(d, i, 1).re == 1.0);
  }
  CHECK_STATUS(lapis_array_fill(r, cz(0, 1)), LAPIS_ERR_INVALID_VALUE);
  CHECK(AT1(r, 1).re == 1.0);
  CHECK_STATUS(lapis_array_fill(NULL, cz(0, 0)), LAPIS_ERR_NULL_ARGUMENT);
  lapis_array_free(d);
  lapis_array_free(r);
  lapis_array_free(c);
  lapis_array_free(bad);
  lapis_array_free(tr);
}

static void test_join(void) {
  int64_t s23[2], s33[2];
  lapis_array *a = NULL, *b = NULL, *cat = NULL, *st = NULL, *bad = NULL;
  const lapis_array *list[3];
  int64_t got[3];
  lapis_dtype dt = 0;
  int64_t i, j;
  s23[0] = 2;
  s23[1] = 3;
  s33[0] = 3;
  s33[1] = 3;
  a = counting(LAPIS_FLOAT32, 2, s23);
  b = counting(LAPIS_COMPLEX64, 2, s33);
  list[0] = a;
  list[1] = b;
  CHECK_OK(lapis_concatenate(2, list, 0, &cat));
  CHECK_OK(lapis_array_shape(cat, got, 2));
  CHECK(got[0] == 5 && got[1] == 3);
  CHECK_OK(lapis_array_dtype(cat, &dt));
  CHECK(dt == LAPIS_COMPLEX64);
  for (i = 0; i < 5; ++i) {
    for (j = 0; j < 3; ++j) {
      double e = i < 2 ? (double)(3 * i + j) : (double)(3 * (i - 2) + j);
      double eim = i < 2 ? 0.0 : -e;
      CHECK(AT2(cat, i, j).re == e && AT2(cat, i, j).im == eim);
    }
  }
  CHECK_STATUS(lapis_concatenate(2, list, 1, &bad), LAPIS_ERR_SHAPE_MISMATCH);
  CHECK_STATUS(lapis_concatenate(2, list, 2, &bad), LAPIS_ERR_INDEX);
  CHECK_STATUS(lapis_concatenate(0, list, 0, &bad), LAPIS_ERR_INVALID_VALUE);
  CHECK_STATUS(lapis_concatenate(-1, list, 0, &bad), LAPIS_ERR_INVALID_ARGUMENT);
  CHECK_STATUS(lapis_concatenate(2, NULL, 0, &bad), LAPIS_ERR_NULL_ARGUMENT);
  list[1] = NULL;
  CHECK_STATUS(lapis_concatenate(2, list, 0, &bad), LAPIS_ERR_NULL_ARGUMENT);
  CHECK_MESSAGE("arrays[1]");

  list[1] = a;
  list[2] = a;
  CHECK_OK(lapis_stack(3, list, -1, &st)); /* (2, 3, 3) */
  CHECK_OK(lapis_array_shape(st, got, 3));
  CHECK(got[0] == 2 && got[1] == 3 && got[2] == 3);
  CHECK(AT3(st, 1, 2, 0).re == 5.0 && AT3(st, 1, 2, 2).re == 5.0);
  list[1] = b;
  CHECK_STATUS(lapis_stack(2, list, 0, &bad), LAPIS_ERR_SHAPE_MISMATCH);
  CHECK_STATUS(lapis_stack(2, list, 0, NULL), LAPIS_ERR_NULL_ARGUMENT);
  CHECK(bad == NULL);
  lapis_array_free(a);
  lapis_array_free(b);
  lapis_array_free(cat);
  lapis_array_free(st);
}

static void test_get_set(void) {
  int t;
  for (t = 0; t < 4; ++t) {
    lapis_dtype dt = DTYPES[t];
    int64_t shape[2], idx[2];
    lapis_array *a = NULL;
    lapis_complex128 z = cz(123, 456);
    shape[0] = 2;
    shape[1] = 3;
    CHECK_OK(lapis_zeros(2, shape, dt, LAPIS_ORDER_F, &a));
    idx[0] = -1;
    idx[1] = -2; /* (1, 1) */
    CHECK_OK(lapis_array_set(a, idx, cz(0.1, is_complex(dt) ? 0.2 : 0.0)));
    CHECK_CLOSE(AT2(a, 1, 1).re, 0.1, tol_of(dt));
    CHECK_CLOSE(AT2(a, 1, 1).im, is_complex(dt) ? 0.2 : 0.0, tol_of(dt));
    if (dt == LAPIS_FLOAT32) CHECK(AT2(a, 1, 1).re == (double)0.1f); /* rounded */
    idx[0] = 2;
    CHECK_STATUS(lapis_array_get(a, idx, &z), LAPIS_ERR_INDEX);
    CHECK_STATUS(lapis_array_set(a, idx, cz(1, 0)), LAPIS_ERR_INDEX);
    CHECK(z.re == 123 && z.im == 456);
    idx[0] = 0;
    CHECK_STATUS(lapis_array_get(a, NULL, &z), LAPIS_ERR_NULL_ARGUMENT);
    CHECK_STATUS(lapis_array_get(a, idx, NULL), LAPIS_ERR_NULL_ARGUMENT);
    CHECK_STATUS(lapis_array_get(NULL, idx, &z), LAPIS_ERR_NULL_ARGUMENT);
    CHECK_STATUS(lapis_array_set(NULL, idx, z), LAPIS_ERR_NULL_ARGUMENT);
    if (!is_complex(dt)) {
      CHECK_STATUS(lapis_array_set(a, idx, cz(1, 1)), LAPIS_ERR_INVALID_VALUE);
      CHECK(AT2(a, 0, 0).re == 0.0);
    }
    lapis_array_free(a);
  }
}

static void test_read_write(void) {
  int t;
  for (t = 0; t < 4; ++t) {
    lapis_dtype dt = DTYPES[t];
    int64_t isz = itemsize_of(dt);
    int64_t shape[2], start[2], step[2];
    lapis_array *a = NULL, *v = NULL, *z = NULL;
    char *buf = (char *)malloc((size_t)(12 * isz));
    char *back = (char *)malloc((size_t)(12 * isz + 16));
    int64_t i, j;
    double re, im;
    shape[0] = 3;
    shape[1] = 4;
    a = counting(dt, 2, shape);

    CHECK_OK(lapis_array_read(a, buf, (size_t)(12 * isz), LAPIS_ORDER_F));
    for (i = 0; i < 3; ++i) {
      for (j = 0; j < 4; ++j) {
        get_elem(buf, dt, i + 3 * j, &re, &im);
        CHECK(re == (double)(4 * i + j));
        CHECK(im == (is_complex(dt) ? -(double)(4 * i + j) : 0.0));
      }
    }
    /* A negative-stride view reads in its own index order. */
    start[0] = LAPIS_SLICE_NONE;
    start[1] = 2;
    step[0] = -1;
    step[1] = 1;
    CHECK_OK(lapis_array_slice(a, 2, start, NULL, step, &v)); /* a[::-1, 2:] */
    CHECK_OK(lapis_array_read(v, buf, (size_t)(12 * isz), LAPIS_ORDER_C));
    for (i = 0; i < 3; ++i) {
      for (j = 0; j < 2; ++j) {
        get_elem(buf, dt, 2 * i + j, &re, &im);
        CHECK(re == (double)(4 * (2 - i) + 2 + j));
      }
    }
    /* Write into the strided view from a C buffer, read back everything. */
    for (i = 0; i < 6; ++i) put_elem(buf, dt, i, 100.0 + (double)i, 0.0);
    CHECK_OK(lapis_array_write(v, buf, (size_t)(6 * isz), LAPIS_ORDER_C));
    CHECK(AT2(a, 2, 2).re == 100.0 && AT2(a, 2, 3).re == 101.0);
    CHECK(AT2(a, 0, 3).re == 105.0 && AT2(a, 0, 1).re == 1.0);

    /* Round trip: F-order write then F-order read gives the same bytes. */
    CHECK_OK(lapis_zeros(2, shape, dt, LAPIS_ORDER_C, &z));
    for (i = 0; i < 12; ++i) put_elem(buf, dt, i, (double)i * 0.5, (double)i);
    CHECK_OK(lapis_array_write(z, buf, (size_t)(12 * isz), LAPIS_ORDER_F));
    CHECK(AT2(z, 1, 2).re == (1 + 3 * 2) * 0.5);
    CHECK_OK(lapis_array_read(z, back, (size_t)(12 * isz), LAPIS_ORDER_F));
    if (is_complex(dt)) CHECK(memcmp(buf, back, (size_t)(12 * isz)) == 0);

    /* Size and argument checks: nothing touched. */
    memset(back, 0x5a, (size_t)(12 * isz));
    CHECK_STATUS(lapis_array_read(a, back, (size_t)(12 * isz - 1), LAPIS_ORDER_C),
                 LAPIS_ERR_INVALID_ARGUMENT);
    CHECK_MESSAGE("needs");
    CHECK_STATUS(lapis_array_read(a, back, (size_t)(12 * isz), LAPIS_ORDER_A),
                 LAPIS_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(lapis_array_read(a, NULL, (size_t)(12 * isz), LAPIS_ORDER_C),
                 LAPIS_ERR_NULL_ARGUMENT);
    CHECK_STATUS(lapis_array_read(NULL, back, (size_t)(12 * isz), LAPIS_ORDER_C),
                 LAPIS_ERR_NULL_ARGUMENT);
    CHECK_STATUS(lapis_array_read(a, back + 2, (size_t)(12 * isz), LAPIS_ORDER_C),
                 LAPIS_ERR_BAD_STRIDE);
    for (i = 0; i < 12 * isz; ++i) CHECK((unsigned char)back[i] == 0x5a);
    CHECK_STATUS(lapis_array_write(a, buf, 5, LAPIS_ORDER_C), LAPIS_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(lapis_array_write(a, NULL, (size_t)(12 * isz), LAPIS_ORDER_C),
                 LAPIS_ERR_NULL_ARGUMENT);
    CHECK_STATUS(lapis_array_write(NULL, buf, (size_t)(12 * isz), LAPIS_ORDER_C),
                 LAPIS_ERR_NULL_ARGUMENT);
    CHECK(AT2(a, 1, 0).re == 4.0);

    lapis_array_free(a);
    lapis_array_free(v);
    lapis_array_free(z);
    free(buf);
    free(back);
  }
}

int main(void) {
  test_creation();
  test_ranges();
  test_like();
  test_random();
  test_wrap();
  test_wrap_more();
  test_queries_null();
  test_creation_errors();
  test_slice();
  test_axes_views();
  test_reshape();
  test_misc_views();
  test_copies();
  test_copyto_fill();
  test_join();
  test_get_set();
  test_read_write();
  return check_summary("test_arrays");
}
