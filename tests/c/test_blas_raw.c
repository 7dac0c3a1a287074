/* Pointer-level BLAS (lapis_{s,d,c,z}gemm, gemv, axpy, scal, dot, nrm2,
 * syrk/herk, trsm, copy, swap) on caller buffers, against naive loops in
 * double precision: all four types, row- and column-major, leading
 * dimensions larger than the matrix (sub-matrices, padding never written),
 * negative increments, and every invalid argument giving its status with
 * the parameter named and the output untouched. */
#include <stdint.h>
#include <stdlib.h>

#include "check.h"

enum { S = 0, D = 1, C = 2, Z = 3 };
static const char *type_name[4] = {"s", "d", "c", "z"};
#define SENTINEL 777.0

static int is_cplx(int t) { return t >= C; }
static size_t elsize(int t) {
  return t == S ? sizeof(float)
                : t == D ? sizeof(double)
                         : t == C ? sizeof(lapis_complex64)
                                  : sizeof(lapis_complex128);
}
static double tol_of(int t) { return (t == S || t == C) ? 2e-4 : 1e-11; }

static void *alloc_buf(int t, int64_t n) {
  return malloc(elsize(t) * (size_t)(n > 0 ? n : 1));
}

static void put_el(int t, void *buf, int64_t i, double re, double im) {
  switch (t) {
    case S: ((float *)buf)[i] = (float)re; break;
    case D: ((double *)buf)[i] = re; break;
    case C:
      ((lapis_complex64 *)buf)[i].re = (float)re;
      ((lapis_complex64 *)buf)[i].im = (float)im;
      break;
    default:
      ((lapis_complex128 *)buf)[i].re = re;
      ((lapis_complex128 *)buf)[i].im = im;
  }
}

static void get_el(int t, const void *buf, int64_t i, double *re, double *im) {
  switch (t) {
    case S: *re = ((const float *)buf)[i]; *im = 0; break;
    case D: *re = ((const double *)buf)[i]; *im = 0; break;
    case C:
      *re = ((const lapis_complex64 *)buf)[i].re;
      *im = ((const lapis_complex64 *)buf)[i].im;
      break;
    default:
      *re = ((const lapis_complex128 *)buf)[i].re;
      *im = ((const lapis_complex128 *)buf)[i].im;
  }
}

static uint64_t rng_state = 12345;
static double urand(void) {
  rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
  return (double)(rng_state >> 11) / 9007199254740992.0 * 2.0 - 1.0;
}

/* A buffer of n elements: random values (imaginary parts only for complex
 * types), or all SENTINEL when `sentinel`. */
static void *rand_buf(int t, int64_t n, int sentinel) {
  void *b = alloc_buf(t, n);
  int64_t i;
  for (i = 0; i < n; ++i) {
    if (sentinel)
      put_el(t, b, i, SENTINEL, 0.0);
    else
      put_el(t, b, i, urand(), is_cplx(t) ? urand() : 0.0);
  }
  return b;
}

static void *copy_buf(int t, const void *src, int64_t n) {
  void *b = alloc_buf(t, n);
  memcpy(b, src, elsize(t) * (size_t)n);
  return b;
}

/* Element (i, j) of a matrix stored in `order` with leading dimension ld. */
static int64_t idx(int32_t order, int64_t i, int64_t j, int64_t ld) {
  return order == LAPIS_ORDER_C ? i * ld + j : i + j * ld;
}

/* op(M)(i, j) read from a stored matrix. */
static void op_el(int t, const void *m, int32_t order, int64_t ld, int32_t tr,
                  int64_t i, int64_t j, double *re, double *im) {
  if (tr == LAPIS_NO_TRANS) {
    get_el(t, m, idx(order, i, j, ld), re, im);
  } else {
    get_el(t, m, idx(order, j, i, ld), re, im);
    if (tr == LAPIS_CONJ_TRANS) *im = -*im;
  }
}

static lapis_complex64 c64(double re, double im) {
  lapis_complex64 z;
  z.re = (float)re;
  z.im = (float)im;
  return z;
}
static lapis_complex128 c128(double re, double im) {
  lapis_complex128 z;
  z.re = re;
  z.im = im;
  return z;
}

static lapis_status gemm_t(int t, int32_t order, int32_t ta, int32_t tb,
                           int64_t m, int64_t n, int64_t k, double ar,
                           double ai, const void *a, int64_t lda,
                           const void *b, int64_t ldb, double br, double bi,
                           void *c, int64_t ldc) {
  switch (t) {
    case S:
      return lapis_sgemm(order, ta, tb, m, n, k, (float)ar, (const float *)a,
                         lda, (const float *)b, ldb, (float)br, (float *)c,
                         ldc);
    case D:
      return lapis_dgemm(order, ta, tb, m, n, k, ar, (const double *)a, lda,
                         (const double *)b, ldb, br, (double *)c, ldc);
    case C:
      return lapis_cgemm(order, ta, tb, m, n, k, c64(ar, ai),
                         (const lapis_complex64 *)a, lda,
                         (const lapis_complex64 *)b, ldb, c64(br, bi),
                         (lapis_complex64 *)c, ldc);
    default:
      return lapis_zgemm(order, ta, tb, m, n, k, c128(ar, ai),
                         (const lapis_complex128 *)a, lda,
                         (const lapis_complex128 *)b, ldb, c128(br, bi),
                         (lapis_complex128 *)c, ldc);
  }
}

static void check_el(int t, const void *buf, int64_t i, double re, double im,
                     double scale) {
  double gr, gi;
  get_el(t, buf, i, &gr, &gi);
  CHECK_CLOSE(gr, re, tol_of(t) * scale);
  CHECK_CLOSE(gi, im, tol_of(t) * scale);
}

static void test_gemm(void) {
  int t, oi, ta, tb;
  const int64_t m = 3, n = 4, k = 5;
  for (t = 0; t < 4; ++t)
    for (oi = 0; oi < 2; ++oi)
      for (ta = 0; ta < 3; ++ta)
        for (tb = 0; tb < 3; ++tb) {
          int32_t order = oi ? LAPIS_ORDER_F : LAPIS_ORDER_C;
          /* Stored shapes and leading dimensions with 2 spare. */
          int64_t ar = ta ? k : m, ac = ta ? m : k;
          int64_t br = tb ? n : k, bc = tb ? k : n;
          int64_t lda = (order == LAPIS_ORDER_C ? ac : ar) + 2;
          int64_t ldb = (order == LAPIS_ORDER_C ? bc : br) + 1;
          int64_t ldc = (order == LAPIS_ORDER_C ? n : m) + 3;
          int64_t asz = (order == LAPIS_ORDER_C ? ar : ac) * lda;
          int64_t bsz = (order == LAPIS_ORDER_C ? br : bc) * ldb;
          int64_t csz = (order == LAPIS_ORDER_C ? m : n) * ldc;
          void *a = rand_buf(t, asz, 0), *b = rand_buf(t, bsz, 0);
          void *c = rand_buf(t, csz, 1), *c0;
          int64_t i, j, l, p;
          double alr = 0.75, ali = is_cplx(t) ? -0.5 : 0.0;
          double ber = -0.25, bei = is_cplx(t) ? 0.5 : 0.0;
          /* C's elements random, padding SENTINEL. */
          for (i = 0; i < m; ++i)
            for (j = 0; j < n; ++j)
              put_el(t, c, idx(order, i, j, ldc), urand(),
                     is_cplx(t) ? urand() : 0.0);
          c0 = copy_buf(t, c, csz);
          CHECK_OK(gemm_t(t, order, ta, tb, m, n, k, alr, ali, a, lda, b, ldb,
                          ber, bei, c, ldc));
          for (i = 0; i < m; ++i)
            for (j = 0; j < n; ++j) {
              double sr = 0, si = 0, xr, xi, yr, yi, cr, ci;
              for (l = 0; l < k; ++l) {
                op_el(t, a, order, lda, ta, i, l, &xr, &xi);
                op_el(t, b, order, ldb, tb, l, j, &yr, &yi);
                sr += xr * yr - xi * yi;
                si += xr * yi + xi * yr;
              }
              get_el(t, c0, idx(order, i, j, ldc), &cr, &ci);
              check_el(t, c, idx(order, i, j, ldc),
                       alr * sr - ali * si + ber * cr - bei * ci,
                       alr * si + ali * sr + ber * ci + bei * cr, 10.0);
            }
          /* Padding of C never written. */
          for (p = 0; p < csz; ++p) {
            double r0, i0, r1, i1;
            get_el(t, c0, p, &r0, &i0);
            get_el(t, c, p, &r1, &i1);
            if (r0 == SENTINEL) CHECK(r1 == SENTINEL);
          }
          free(a);
          free(b);
          free(c);
          free(c0);
        }
}

static lapis_status gemv_t(int t, int32_t order, int32_t tr, int64_t m,
                           int64_t n, double ar, double ai, const void *a,
                           int64_t lda, const void *x, int64_t incx, double br,
                           double bi, void *y, int64_t incy) {
  switch (t) {
    case S:
      return lapis_sgemv(order, tr, m, n, (float)ar, (const float *)a, lda,
                         (const float *)x, incx, (float)br, (float *)y, incy);
    case D:
      return lapis_dgemv(order, tr, m, n, ar, (const double *)a, lda,
                         (const double *)x, incx, br, (double *)y, incy);
    case C:
      return lapis_cgemv(order, tr, m, n, c64(ar, ai),
                         (const lapis_complex64 *)a, lda,
                         (const lapis_complex64 *)x, incx, c64(br, bi),
                         (lapis_complex64 *)y, incy);
    default:
      return lapis_zgemv(order, tr, m, n, c128(ar, ai),
                         (const lapis_complex128 *)a, lda,
                         (const lapis_complex128 *)x, incx, c128(br, bi),
                         (lapis_complex128 *)y, incy);
  }
}

/* Position of logical element i of an n-vector with increment inc (BLAS). */
static int64_t vpos(int64_t i, int64_t n, int64_t inc) {
  return inc > 0 ? i * inc : (n - 1 - i) * (-inc);
}
static int64_t vlen(int64_t n, int64_t inc) {
  return n == 0 ? 0 : (n - 1) * (inc > 0 ? inc : -inc) + 1;
}

static void test_gemv(void) {
  int t, oi, tr, ii;
  const int64_t m = 4, n = 3;
  const int64_t incs[3][2] = {{1, 1}, {-2, 1}, {2, -1}};
  for (t = 0; t < 4; ++t)
    for (oi = 0; oi < 2; ++oi)
      for (tr = 0; tr < 3; ++tr)
        for (ii = 0; ii < 3; ++ii) {
          int32_t order = oi ? LAPIS_ORDER_F : LAPIS_ORDER_C;
          int64_t incx = incs[ii][0], incy = incs[ii][1];
          int64_t lda = (order == LAPIS_ORDER_C ? n : m) + 1;
          int64_t xn = tr ? m : n, yn = tr ? n : m, i, l;
          void *a = rand_buf(t, (order == LAPIS_ORDER_C ? m : n) * lda, 0);
          void *x = rand_buf(t, vlen(xn, incx), 0);
          void *y = rand_buf(t, vlen(yn, incy), 0);
          void *y0 = copy_buf(t, y, vlen(yn, incy));
          double alr = 1.5, ali = is_cplx(t) ? 0.25 : 0.0, ber = 0.5, bei = 0;
          CHECK_OK(gemv_t(t, order, tr, m, n, alr, ali, a, lda, x, incx, ber,
                          bei, y, incy));
          for (i = 0; i < yn; ++i) {
            double sr = 0, si = 0, ar, ai, xr, xi, yr, yi;
            for (l = 0; l < xn; ++l) {
              op_el(t, a, order, lda, tr, i, l, &ar, &ai);
              get_el(t, x, vpos(l, xn, incx), &xr, &xi);
              sr += ar * xr - ai * xi;
              si += ar * xi + ai * xr;
            }
            get_el(t, y0, vpos(i, yn, incy), &yr, &yi);
            check_el(t, y, vpos(i, yn, incy), alr * sr - ali * si + ber * yr,
                     alr * si + ali * sr + ber * yi, 10.0);
          }
          free(a);
          free(x);
          free(y);
          free(y0);
        }
}

static void test_level1(void) {
  int t, ii;
  const int64_t n = 5;
  const int64_t incs[4][2] = {{1, 1}, {-1, 2}, {3, -2}, {-2, -1}};
  for (t = 0; t < 4; ++t)
    for (ii = 0; ii < 4; ++ii) {
      int64_t incx = incs[ii][0], incy = incs[ii][1], i;
      int64_t lx = vlen(n, incx), ly = vlen(n, incy);
      void *x = rand_buf(t, lx, 0), *y = rand_buf(t, ly, 0);
      void *y0 = copy_buf(t, y, ly), *x0 = copy_buf(t, x, lx);
      double ar = -0.5, ai = is_cplx(t) ? 2.0 : 0.0;
      double dr = 0, di = 0, cr = 0, ci = 0, nn = 0;
      /* axpy */
      switch (t) {
        case S: CHECK_OK(lapis_saxpy(n, (float)ar, (const float *)x, incx, (float *)y, incy)); break;
        case D: CHECK_OK(lapis_daxpy(n, ar, (const double *)x, incx, (double *)y, incy)); break;
        case C: CHECK_OK(lapis_caxpy(n, c64(ar, ai), (const lapis_complex64 *)x, incx, (lapis_complex64 *)y, incy)); break;
        default: CHECK_OK(lapis_zaxpy(n, c128(ar, ai), (const lapis_complex128 *)x, incx, (lapis_complex128 *)y, incy));
      }
      for (i = 0; i < n; ++i) {
        double xr, xi, yr, yi;
        get_el(t, x, vpos(i, n, incx), &xr, &xi);
        get_el(t, y0, vpos(i, n, incy), &yr, &yi);
        check_el(t, y, vpos(i, n, incy), ar * xr - ai * xi + yr,
                 ar * xi + ai * xr + yi, 4.0);
        dr += xr * yr - xi * yi;
        di += xr * yi + xi * yr;
        cr += xr * yr + xi * yi;
        ci += xr * yi - xi * yr;
        nn += xr * xr + xi * xi;
      }
      /* dot / dotu / dotc against the original y, and nrm2 */
      memcpy(y, y0, elsize(t) * (size_t)ly);
      if (t == S) {
        float d = 0, nr = 0;
        CHECK_OK(lapis_sdot(n, (const float *)x, incx, (const float *)y, incy, &d));
        CHECK_CLOSE(d, dr, 1e-4);
        CHECK_OK(lapis_snrm2(n, (const float *)x, incx, &nr));
        CHECK_CLOSE(nr, sqrt(nn), 1e-4);
      } else if (t == D) {
        double d = 0, nr = 0;
        CHECK_OK(lapis_ddot(n, (const double *)x, incx, (const double *)y, incy, &d));
        CHECK_CLOSE(d, dr, 1e-12);
        CHECK_OK(lapis_dnrm2(n, (const double *)x, incx, &nr));
        CHECK_CLOSE(nr, sqrt(nn), 1e-12);
      } else if (t == C) {
        lapis_complex64 du, dc;
        float nr = 0;
        CHECK_OK(lapis_cdotu(n, (const lapis_complex64 *)x, incx, (const lapis_complex64 *)y, incy, &du));
        CHECK_OK(lapis_cdotc(n, (const lapis_complex64 *)x, incx, (const lapis_complex64 *)y, incy, &dc));
        CHECK_CLOSE(du.re, dr, 1e-4);
        CHECK_CLOSE(du.im, di, 1e-4);
        CHECK_CLOSE(dc.re, cr, 1e-4);
        CHECK_CLOSE(dc.im, ci, 1e-4);
        CHECK_OK(lapis_scnrm2(n, (const lapis_complex64 *)x, incx, &nr));
        CHECK_CLOSE(nr, sqrt(nn), 1e-4);
      } else {
        lapis_complex128 du, dc;
        double nr = 0;
        CHECK_OK(lapis_zdotu(n, (const lapis_complex128 *)x, incx, (const lapis_complex128 *)y, incy, &du));
        CHECK_OK(lapis_zdotc(n, (const lapis_complex128 *)x, incx, (const lapis_complex128 *)y, incy, &dc));
        CHECK_CLOSE(du.re, dr, 1e-12);
        CHECK_CLOSE(du.im, di, 1e-12);
        CHECK_CLOSE(dc.re, cr, 1e-12);
        CHECK_CLOSE(dc.im, ci, 1e-12);
        CHECK_OK(lapis_dznrm2(n, (const lapis_complex128 *)x, incx, &nr));
        CHECK_CLOSE(nr, sqrt(nn), 1e-12);
      }
      /* scal (x := alpha x), then the real-factor forms */
      switch (t) {
        case S: CHECK_OK(lapis_sscal(n, (float)ar, (float *)x, incx)); break;
        case D: CHECK_OK(lapis_dscal(n, ar, (double *)x, incx)); break;
        case C: CHECK_OK(lapis_cscal(n, c64(ar, ai), (lapis_complex64 *)x, incx)); break;
        default: CHECK_OK(lapis_zscal(n, c128(ar, ai), (lapis_complex128 *)x, incx));
      }
      for (i = 0; i < n; ++i) {
        double xr, xi;
        get_el(t, x0, vpos(i, n, incx), &xr, &xi);
        check_el(t, x, vpos(i, n, incx), ar * xr - ai * xi, ar * xi + ai * xr, 4.0);
      }
      if (t == C || t == Z) {
        memcpy(x, x0, elsize(t) * (size_t)lx);
        if (t == C)
          CHECK_OK(lapis_csscal(n, 3.0f, (lapis_complex64 *)x, incx));
        else
          CHECK_OK(lapis_zdscal(n, 3.0, (lapis_complex128 *)x, incx));
        for (i = 0; i < n; ++i) {
          double xr, xi;
          get_el(t, x0, vpos(i, n, incx), &xr, &xi);
          check_el(t, x, vpos(i, n, incx), 3 * xr, 3 * xi, 4.0);
        }
      }
      /* copy x0 -> y, then swap x and y (x := y0 copy, y := x) */
      memcpy(x, x0, elsize(t) * (size_t)lx);
      switch (t) {
        case S: CHECK_OK(lapis_scopy(n, (const float *)x, incx, (float *)y, incy));
                CHECK_OK(lapis_sscal(n, 2.0f, (float *)y, incy));
                CHECK_OK(lapis_sswap(n, (float *)x, incx, (float *)y, incy)); break;
        case D: CHECK_OK(lapis_dcopy(n, (const double *)x, incx, (double *)y, incy));
                CHECK_OK(lapis_dscal(n, 2.0, (double *)y, incy));
                CHECK_OK(lapis_dswap(n, (double *)x, incx, (double *)y, incy)); break;
        case C: CHECK_OK(lapis_ccopy(n, (const lapis_complex64 *)x, incx, (lapis_complex64 *)y, incy));
                CHECK_OK(lapis_csscal(n, 2.0f, (lapis_complex64 *)y, incy));
                CHECK_OK(lapis_cswap(n, (lapis_complex64 *)x, incx, (lapis_complex64 *)y, incy)); break;
        default: CHECK_OK(lapis_zcopy(n, (const lapis_complex128 *)x, incx, (lapis_complex128 *)y, incy));
                 CHECK_OK(lapis_zdscal(n, 2.0, (lapis_complex128 *)y, incy));
                 CHECK_OK(lapis_zswap(n, (lapis_complex128 *)x, incx, (lapis_complex128 *)y, incy));
      }
      for (i = 0; i < n; ++i) {
        double xr, xi;
        get_el(t, x0, vpos(i, n, incx), &xr, &xi);
        check_el(t, x, vpos(i, n, incx), 2 * xr, 2 * xi, 4.0);
        check_el(t, y, vpos(i, n, incy), xr, xi, 1.0);
      }
      free(x);
      free(y);
      free(x0);
      free(y0);
    }
}

/* syrk / herk: the chosen triangle updated, the other untouched. */
static void test_rank_k(void) {
  int t, oi, up, tr, herm;
  const int64_t n = 4, k = 3;
  for (t = 0; t < 4; ++t)
    for (herm = 0; herm < 2; ++herm)
      for (oi = 0; oi < 2; ++oi)
        for (up = 0; up < 2; ++up)
          for (tr = 0; tr < 2; ++tr) {
            int32_t order = oi ? LAPIS_ORDER_F : LAPIS_ORDER_C;
            int32_t uplo = up ? LAPIS_LOWER : LAPIS_UPPER;
            int32_t trans = tr ? (herm && is_cplx(t) ? LAPIS_CONJ_TRANS : LAPIS_TRANS) : LAPIS_NO_TRANS;
            int64_t ar = tr ? k : n, ac = tr ? n : k;
            int64_t lda = (order == LAPIS_ORDER_C ? ac : ar) + 1, ldc = n + 2;
            int64_t asz = (order == LAPIS_ORDER_C ? ar : ac) * lda, csz = n * ldc;
            void *a = rand_buf(t, asz, 0), *c = rand_buf(t, csz, 0), *c0;
            double alr = 0.5, ali = (!herm && is_cplx(t)) ? 0.5 : 0.0;
            double ber = 2.0, bei = 0.0;
            int64_t i, j, l;
            lapis_status s;
            if (herm && !is_cplx(t)) {
              free(a);
              free(c);
              continue; /* herk exists for c and z only */
            }
            c0 = copy_buf(t, c, csz);
            if (!herm) {
              switch (t) {
                case S: s = lapis_ssyrk(order, uplo, trans, n, k, (float)alr, (const float *)a, lda, (float)ber, (float *)c, ldc); break;
                case D: s = lapis_dsyrk(order, uplo, trans, n, k, alr, (const double *)a, lda, ber, (double *)c, ldc); break;
                case C: s = lapis_csyrk(order, uplo, trans, n, k, c64(alr, ali), (const lapis_complex64 *)a, lda, c64(ber, bei), (lapis_complex64 *)c, ldc); break;
                default: s = lapis_zsyrk(order, uplo, trans, n, k, c128(alr, ali), (const lapis_complex128 *)a, lda, c128(ber, bei), (lapis_complex128 *)c, ldc);
              }
            } else if (t == C) {
              s = lapis_cherk(order, uplo, trans, n, k, (float)alr, (const lapis_complex64 *)a, lda, (float)ber, (lapis_complex64 *)c, ldc);
            } else {
              s = lapis_zherk(order, uplo, trans, n, k, alr, (const lapis_complex128 *)a, lda, ber, (lapis_complex128 *)c, ldc);
            }
            CHECK_OK(s);
            for (i = 0; i < n; ++i)
              for (j = 0; j < n; ++j) {
                int inside = up ? (j <= i) : (j >= i);
                double sr = 0, si = 0, xr, xi, yr, yi, cr, ci, wr, wi;
                int64_t p = idx(order, i, j, ldc);
                get_el(t, c0, p, &cr, &ci);
                if (!inside) {
                  double gr, gi;
                  get_el(t, c, p, &gr, &gi);
                  CHECK(gr == cr && gi == ci);
                  continue;
                }
                /* op(A)(i,l) * op(A)^T or ^H (l, j) = op(A)(i,l) * [conj] op(A)(j,l) */
                for (l = 0; l < k; ++l) {
                  int32_t opc = tr ? LAPIS_TRANS : LAPIS_NO_TRANS;
                  op_el(t, a, order, lda, opc, i, l, &xr, &xi);
                  op_el(t, a, order, lda, opc, j, l, &yr, &yi);
                  if (herm && tr) { xi = -xi; yi = -yi; } /* op = A^H */
                  if (herm) yi = -yi;
                  sr += xr * yr - xi * yi;
                  si += xr * yi + xi * yr;
                }
                wr = alr * sr - ali * si + ber * cr - bei * ci;
                wi = alr * si + ali * sr + ber * ci + bei * cr;
                if (herm && i == j) wi = 0.0;
                check_el(t, c, p, wr, wi, 10.0);
              }
            free(a);
            free(c);
            free(c0);
          }
}

/* trsm: solve, then check op(A)·X = alpha·B (left) or X·op(A) = alpha·B. */
static void test_trsm(void) {
  int t, oi, left, up, tr, un;
  const int64_t m = 4, n = 3;
  for (t = 0; t < 4; ++t)
    for (oi = 0; oi < 2; ++oi)
      for (left = 0; left < 2; ++left)
        for (up = 0; up < 2; ++up)
          for (tr = 0; tr < 3; ++tr)
            for (un = 0; un < 2; ++un) {
              int32_t order = oi ? LAPIS_ORDER_F : LAPIS_ORDER_C;
              int64_t ka = left ? m : n, lda = ka + 1;
              int64_t ldb = (order == LAPIS_ORDER_C ? n : m) + 2;
              int64_t bsz = (order == LAPIS_ORDER_C ? m : n) * ldb;
              void *a = rand_buf(t, ka * lda, 0), *b = rand_buf(t, bsz, 0), *b0;
              double alr = 2.0, ali = is_cplx(t) ? 1.0 : 0.0;
              int64_t i, j, l;
              lapis_status s;
              /* A well conditioned: a strong diagonal. */
              for (i = 0; i < ka; ++i) put_el(t, a, idx(order, i, i, lda), 4.0 + i, is_cplx(t) ? 0.5 : 0.0);
              b0 = copy_buf(t, b, bsz);
              switch (t) {
                case S: s = lapis_strsm(order, left ? LAPIS_LEFT : LAPIS_RIGHT, up ? LAPIS_LOWER : LAPIS_UPPER, tr, un, m, n, (float)alr, (const float *)a, lda, (float *)b, ldb); break;
                case D: s = lapis_dtrsm(order, left ? LAPIS_LEFT : LAPIS_RIGHT, up ? LAPIS_LOWER : LAPIS_UPPER, tr, un, m, n, alr, (const double *)a, lda, (double *)b, ldb); break;
                case C: s = lapis_ctrsm(order, left ? LAPIS_LEFT : LAPIS_RIGHT, up ? LAPIS_LOWER : LAPIS_UPPER, tr, un, m, n, c64(alr, ali), (const lapis_complex64 *)a, lda, (lapis_complex64 *)b, ldb); break;
                default: s = lapis_ztrsm(order, left ? LAPIS_LEFT : LAPIS_RIGHT, up ? LAPIS_LOWER : LAPIS_UPPER, tr, un, m, n, c128(alr, ali), (const lapis_complex128 *)a, lda, (lapis_complex128 *)b, ldb);
              }
              CHECK_OK(s);
              for (i = 0; i < m; ++i)
                for (j = 0; j < n; ++j) {
                  double sr = 0, si = 0, br0, bi0;
                  for (l = 0; l < ka; ++l) {
                    /* T(p, q): the triangular op(A) element. */
                    int64_t p = left ? i : l, q = left ? l : j;
                    int64_t sp = tr ? q : p, sq = tr ? p : q; /* stored index */
                    double ar, ai, xr, xi;
                    int inside = up ? (sq <= sp) : (sq >= sp);
                    if (!inside) continue;
                    if (sp == sq && un) { ar = 1; ai = 0; }
                    else get_el(t, a, idx(order, sp, sq, lda), &ar, &ai);
                    if (tr == LAPIS_CONJ_TRANS) ai = -ai;
                    get_el(t, b, idx(order, left ? l : i, left ? j : l, ldb), &xr, &xi);
                    sr += ar * xr - ai * xi;
                    si += ar * xi + ai * xr;
                  }
                  get_el(t, b0, idx(order, i, j, ldb), &br0, &bi0);
                  CHECK_CLOSE(sr, alr * br0 - ali * bi0, tol_of(t) * 50);
                  CHECK_CLOSE(si, alr * bi0 + ali * br0, tol_of(t) * 50);
                }
              free(a);
              free(b);
              free(b0);
            }
}

/* Every invalid argument: its status, the parameter named, C untouched. */
static void test_invalid(void) {
  double a[12], b[12], c[12], c0[12], x[4], y[4], d = -1.0;
  lapis_complex128 za[9], zc[9], zc0[9];
  int i;
  for (i = 0; i < 12; ++i) {
    a[i] = i;
    b[i] = 2 * i;
    c[i] = c0[i] = 100 + i;
  }
  for (i = 0; i < 4; ++i) x[i] = y[i] = i;
  for (i = 0; i < 9; ++i) {
    za[i] = c128(i, 1);
    zc[i] = zc0[i] = c128(50 + i, -1);
  }

#define GEMM_BAD(status, needle, ord, ta, tb, M, N, K, A, LDA, B, LDB, LDC) \
  do {                                                                       \
    CHECK_STATUS(lapis_dgemm(ord, ta, tb, M, N, K, 1.0, A, LDA, B, LDB, 1.0, \
                             c, LDC),                                        \
                 status);                                                    \
    CHECK_MESSAGE(needle);                                                   \
    CHECK(memcmp(c, c0, sizeof c) == 0);                                     \
  } while (0)

  /* Valid baseline: row-major 2x3 · 3x2 (m=2, n=2, k=3). */
  GEMM_BAD(LAPIS_ERR_INVALID_ARGUMENT, "lapis_dgemm: order = 7", 7, 0, 0, 2, 2, 3, a, 3, b, 2, 2);
  GEMM_BAD(LAPIS_ERR_INVALID_ARGUMENT, "transa", LAPIS_ORDER_C, 9, 0, 2, 2, 3, a, 3, b, 2, 2);
  GEMM_BAD(LAPIS_ERR_INVALID_ARGUMENT, "transb", LAPIS_ORDER_C, 0, -1, 2, 2, 3, a, 3, b, 2, 2);
  GEMM_BAD(LAPIS_ERR_INVALID_ARGUMENT, "lapis_dgemm: m = -1 must be >= 0", LAPIS_ORDER_C, 0, 0, -1, 2, 3, a, 3, b, 2, 2);
  GEMM_BAD(LAPIS_ERR_INVALID_ARGUMENT, "lapis_dgemm: n = -2", LAPIS_ORDER_C, 0, 0, 2, -2, 3, a, 3, b, 2, 2);
  GEMM_BAD(LAPIS_ERR_INVALID_ARGUMENT, "lapis_dgemm: k = -3", LAPIS_ORDER_C, 0, 0, 2, 2, -3, a, 3, b, 2, 2);
  GEMM_BAD(LAPIS_ERR_INVALID_ARGUMENT, "lapis_dgemm: lda = 2 must be >= max(1, k) = 3", LAPIS_ORDER_C, 0, 0, 2, 2, 3, a, 2, b, 2, 2);
  GEMM_BAD(LAPIS_ERR_INVALID_ARGUMENT, "lapis_dgemm: lda = 1 must be >= max(1, m) = 2", LAPIS_ORDER_F, 0, 0, 2, 2, 3, a, 1, b, 3, 2);
  GEMM_BAD(LAPIS_ERR_INVALID_ARGUMENT, "lapis_dgemm: lda = 1 must be >= max(1, m) = 2", LAPIS_ORDER_C, 1, 0, 2, 2, 3, a, 1, b, 2, 2);
  GEMM_BAD(LAPIS_ERR_INVALID_ARGUMENT, "lapis_dgemm: ldb = 1 must be >= max(1, n) = 2", LAPIS_ORDER_C, 0, 0, 2, 2, 3, a, 3, b, 1, 2);
  GEMM_BAD(LAPIS_ERR_INVALID_ARGUMENT, "lapis_dgemm: ldb = 0 must be >= max(1, k) = 3", LAPIS_ORDER_F, 0, 0, 2, 2, 3, a, 2, b, 0, 2);
  GEMM_BAD(LAPIS_ERR_INVALID_ARGUMENT, "lapis_dgemm: ldc = 1 must be >= max(1, n) = 2", LAPIS_ORDER_C, 0, 0, 2, 2, 3, a, 3, b, 2, 1);
  GEMM_BAD(LAPIS_ERR_OVERFLOW, "lapis_dgemm: m = 3000000000", LAPIS_ORDER_C, 0, 0, 3000000000LL, 2, 3, a, 3, b, 2, 2);
  GEMM_BAD(LAPIS_ERR_OVERFLOW, "lda", LAPIS_ORDER_C, 0, 0, 2, 2, 3, a, 4000000000LL, b, 2, 2);
  GEMM_BAD(LAPIS_ERR_NULL_ARGUMENT, "lapis_dgemm: argument 'a' is NULL", LAPIS_ORDER_C, 0, 0, 2, 2, 3, NULL, 3, b, 2, 2);
  GEMM_BAD(LAPIS_ERR_NULL_ARGUMENT, "'b'", LAPIS_ORDER_C, 0, 0, 2, 2, 3, a, 3, NULL, 2, 2);
  CHECK_STATUS(lapis_dgemm(LAPIS_ORDER_C, 0, 0, 2, 2, 3, 1.0, a, 3, b, 2, 1.0, NULL, 2), LAPIS_ERR_NULL_ARGUMENT);
  CHECK_MESSAGE("'c'");
  CHECK_STATUS(lapis_dgemm(LAPIS_ORDER_C, 0, 0, 2, 2, 3, 1.0, a + 1, 3, b, 2, 1.0, (double *)((char *)c + 1), 2), LAPIS_ERR_BAD_STRIDE);
  CHECK_MESSAGE("not aligned");
  CHECK(memcmp(c, c0, sizeof c) == 0);
  /* NULL buffers are fine where nothing is read: k = 0 gives C := beta C. */
  CHECK_OK(lapis_dgemm(LAPIS_ORDER_C, 0, 0, 2, 2, 0, 1.0, NULL, 1, NULL, 2, 2.0, c, 2));
  CHECK(c[0] == 200 && c[3] == 206 && c[4] == 104);
  memcpy(c, c0, sizeof c);
  /* A row-major sub-block (lda 3 > k 2) of a, checked against the loop. */
  CHECK_OK(lapis_dgemm(LAPIS_ORDER_C, 0, 0, 2, 2, 2, 1.0, a, 3, b, 2, 0.0, c, 2));
  CHECK(c[0] == a[0] * b[0] + a[1] * b[2] && c[3] == a[3] * b[1] + a[4] * b[3]);
  memcpy(c, c0, sizeof c);

  /* gemv */
  CHECK_STATUS(lapis_dgemv(LAPIS_ORDER_C, 0, 2, 2, 1.0, a, 2, x, 0, 1.0, c, 1), LAPIS_ERR_INVALID_ARGUMENT);
  CHECK_MESSAGE("lapis_dgemv: incx = 0 must not be zero");
  CHECK_STATUS(lapis_dgemv(LAPIS_ORDER_C, 0, 2, 2, 1.0, a, 2, x, 1, 1.0, c, 0), LAPIS_ERR_INVALID_ARGUMENT);
  CHECK_MESSAGE("incy");
  CHECK_STATUS(lapis_dgemv(LAPIS_ORDER_F, 0, 3, 2, 1.0, a, 2, x, 1, 1.0, c, 1), LAPIS_ERR_INVALID_ARGUMENT);
  CHECK_MESSAGE("lapis_dgemv: lda = 2 must be >= max(1, m) = 3");
  CHECK_STATUS(lapis_dgemv(LAPIS_ORDER_C, 3, 2, 2, 1.0, a, 2, x, 1, 1.0, c, 1), LAPIS_ERR_INVALID_ARGUMENT);
  CHECK_MESSAGE("trans");
  CHECK(memcmp(c, c0, sizeof c) == 0);
  /* axpy / scal / dot / nrm2 */
  CHECK_STATUS(lapis_daxpy(-1, 1.0, x, 1, c, 1), LAPIS_ERR_INVALID_ARGUMENT);
  CHECK_MESSAGE("lapis_daxpy: n = -1 must be >= 0");
  CHECK_STATUS(lapis_daxpy(2, 1.0, x, 1, NULL, 1), LAPIS_ERR_NULL_ARGUMENT);
  CHECK_MESSAGE("'y'");
  CHECK_STATUS(lapis_dscal(2, 1.0, c, 0), LAPIS_ERR_INVALID_ARGUMENT);
  CHECK_MESSAGE("incx");
  CHECK_STATUS(lapis_dscal(2, 1.0, c, 5000000000LL), LAPIS_ERR_OVERFLOW);
  CHECK(memcmp(c, c0, sizeof c) == 0);
  CHECK_STATUS(lapis_ddot(2, x, 1, y, 1, NULL), LAPIS_ERR_NULL_ARGUMENT);
  CHECK_MESSAGE("'out'");
  CHECK_STATUS(lapis_ddot(2, x, 1, y, 0, &d), LAPIS_ERR_INVALID_ARGUMENT);
  CHECK(d == -1.0);
  CHECK_STATUS(lapis_dnrm2(3, NULL, 1, &d), LAPIS_ERR_NULL_ARGUMENT);
  CHECK(d == -1.0);
  CHECK_OK(lapis_dnrm2(0, NULL, 1, &d)); /* n = 0: nothing read */
  CHECK(d == 0.0);
  /* syrk / herk */
  CHECK_STATUS(lapis_zherk(LAPIS_ORDER_C, LAPIS_UPPER, LAPIS_TRANS, 3, 3, 1.0, za, 3, 1.0, zc, 3), LAPIS_ERR_INVALID_ARGUMENT);
  CHECK_MESSAGE("lapis_zherk: trans = LAPIS_TRANS is not allowed");
  CHECK_STATUS(lapis_zsyrk(LAPIS_ORDER_C, LAPIS_UPPER, LAPIS_CONJ_TRANS, 3, 3, c128(1, 0), za, 3, c128(1, 0), zc, 3), LAPIS_ERR_INVALID_ARGUMENT);
  CHECK_MESSAGE("lapis_zsyrk: trans = LAPIS_CONJ_TRANS");
  CHECK_STATUS(lapis_zherk(LAPIS_ORDER_C, 2, LAPIS_NO_TRANS, 3, 3, 1.0, za, 3, 1.0, zc, 3), LAPIS_ERR_INVALID_ARGUMENT);
  CHECK_MESSAGE("uplo");
  CHECK_STATUS(lapis_zherk(LAPIS_ORDER_F, LAPIS_UPPER, LAPIS_NO_TRANS, 3, 3, 1.0, za, 3, 1.0, zc, 2), LAPIS_ERR_INVALID_ARGUMENT);
  CHECK_MESSAGE("lapis_zherk: ldc = 2 must be >= max(1, n) = 3");
  CHECK(memcmp(zc, zc0, sizeof zc) == 0);
  /* trsm */
  CHECK_STATUS(lapis_dtrsm(LAPIS_ORDER_C, 4, LAPIS_UPPER, 0, 0, 2, 2, 1.0, a, 2, c, 2), LAPIS_ERR_INVALID_ARGUMENT);
  CHECK_MESSAGE("side");
  CHECK_STATUS(lapis_dtrsm(LAPIS_ORDER_C, LAPIS_LEFT, LAPIS_UPPER, 0, 3, 2, 2, 1.0, a, 2, c, 2), LAPIS_ERR_INVALID_ARGUMENT);
  CHECK_MESSAGE("diag");
  CHECK_STATUS(lapis_dtrsm(LAPIS_ORDER_C, LAPIS_RIGHT, LAPIS_UPPER, 0, 0, 2, 3, 1.0, a, 2, c, 3), LAPIS_ERR_INVALID_ARGUMENT);
  CHECK_MESSAGE("lapis_dtrsm: lda = 2 must be >= max(1, n) = 3");
  CHECK(memcmp(c, c0, sizeof c) == 0);
  /* swap of overlapping vectors */
  CHECK_STATUS(lapis_dswap(3, c, 1, c + 1, 1), LAPIS_ERR_INVALID_ARGUMENT);
  CHECK(memcmp(c, c0, sizeof c) == 0);
#undef GEMM_BAD
}

int main(void) {
  (void)type_name;
  test_gemm();
  test_gemv();
  test_level1();
  test_rank_k();
  test_trsm();
  test_invalid();
  return check_summary("test_blas_raw");
}
