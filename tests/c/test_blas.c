/* Handle-level BLAS (lapis_scal ... lapis_her2k): one call for all four
 * dtypes, on caller buffers wrapped without copying in C order, F order,
 * as transposed and sliced views, with steps and negative strides; results
 * checked in the caller's buffers against naive loops, padding never
 * written, only the chosen triangle of syrk/herk touched; dtype mismatch,
 * read-only output, bad codes and NULL handles leave the output as it was. */
#include <stdint.h>
#include <stdlib.h>

#include "check.h"

static const int32_t DTYPES[4] = {LAPIS_FLOAT32, LAPIS_FLOAT64,
                                  LAPIS_COMPLEX64, LAPIS_COMPLEX128};
#define SENTINEL 777.0

static int cplx(int32_t dt) {
  return dt == LAPIS_COMPLEX64 || dt == LAPIS_COMPLEX128;
}
static size_t esize(int32_t dt) {
  return dt == LAPIS_FLOAT32 ? 4 : (dt == LAPIS_COMPLEX128 ? 16 : 8);
}
static double tol(int32_t dt) {
  return (dt == LAPIS_FLOAT32 || dt == LAPIS_COMPLEX64) ? 2e-4 : 1e-11;
}

static void put_el(int32_t dt, void *b, int64_t i, double re, double im) {
  if (dt == LAPIS_FLOAT32) ((float *)b)[i] = (float)re;
  else if (dt == LAPIS_FLOAT64) ((double *)b)[i] = re;
  else if (dt == LAPIS_COMPLEX64) {
    ((float *)b)[2 * i] = (float)re;
    ((float *)b)[2 * i + 1] = (float)im;
  } else {
    ((double *)b)[2 * i] = re;
    ((double *)b)[2 * i + 1] = im;
  }
}
static void get_el(int32_t dt, const void *b, int64_t i, double *re, double *im) {
  *im = 0;
  if (dt == LAPIS_FLOAT32) *re = ((const float *)b)[i];
  else if (dt == LAPIS_FLOAT64) *re = ((const double *)b)[i];
  else if (dt == LAPIS_COMPLEX64) {
    *re = ((const float *)b)[2 * i];
    *im = ((const float *)b)[2 * i + 1];
  } else {
    *re = ((const double *)b)[2 * i];
    *im = ((const double *)b)[2 * i + 1];
  }
}

static uint64_t rs = 99;
static double urand(void) {
  rs = rs * 6364136223846793005ULL + 1442695040888963407ULL;
  return (double)(rs >> 11) / 9007199254740992.0 * 2.0 - 1.0;
}

/* Layouts of a wrapped operand. */
enum { LC, LF, LT, LSLICE, LNEG, LSTEP, NLAY };

/* An operand: the caller's buffer, where element (i, j) is, its handle. */
typedef struct {
  int32_t dt;
  void *buf;
  int64_t size, off, s0, s1, rows, cols;
  lapis_array *h;
} Mat;

static double *mat_saved(const Mat *m) {
  double *s = (double *)malloc(sizeof(double) * 2 * (size_t)m->size);
  int64_t p;
  for (p = 0; p < m->size; ++p) get_el(m->dt, m->buf, p, &s[2 * p], &s[2 * p + 1]);
  return s;
}

static void at(const Mat *m, int64_t i, int64_t j, double *re, double *im) {
  get_el(m->dt, m->buf, m->off + i * m->s0 + j * m->s1, re, im);
}

/* A rows × cols operand (1-d when cols < 0) in layout `lay`, random values
 * (real for real dtypes), padding SENTINEL. */
static Mat make(int32_t dt, int lay, int64_t rows, int64_t cols, int ro) {
  Mat m;
  int64_t i, j, shape[2], strides[2], nd = cols < 0 ? 1 : 2, c = cols < 0 ? 1 : cols;
  lapis_array *base = NULL;
  m.dt = dt;
  m.rows = rows;
  m.cols = c;
  m.h = NULL;
  switch (lay) {
    case LF: m.size = rows * c; m.off = 0; m.s0 = 1; m.s1 = rows; break;
    case LT: m.size = rows * c; m.off = 0; m.s0 = 1; m.s1 = rows; break;
    case LSLICE: m.size = (rows + 1) * (c + 2); m.off = c + 3; m.s0 = c + 2; m.s1 = 1; break;
    case LNEG: m.size = rows * c; m.off = (rows - 1) * c; m.s0 = -c; m.s1 = 1; break;
    case LSTEP: m.size = rows * 2 * c; m.off = 0; m.s0 = 2 * c; m.s1 = 2; break;
    default: m.size = rows * c; m.off = 0; m.s0 = c; m.s1 = 1;
  }
  if (nd == 1) m.s0 = lay == LNEG ? -1 : (lay == LSTEP ? 2 : 1);
  if (nd == 1) m.off = lay == LNEG ? rows - 1 : 0;
  if (nd == 1 && lay == LSTEP) m.size = 2 * rows;
  m.buf = malloc(esize(dt) * (size_t)m.size);
  for (i = 0; i < m.size; ++i) put_el(dt, m.buf, i, SENTINEL, 0.0);
  for (i = 0; i < rows; ++i)
    for (j = 0; j < c; ++j)
      put_el(dt, m.buf, m.off + i * m.s0 + j * m.s1, urand(), cplx(dt) ? urand() : 0.0);
  if (lay == LT && nd == 2) {
    /* The transpose of a C-order cols × rows array. */
    shape[0] = c;
    shape[1] = rows;
    CHECK_OK(lapis_array_wrap_contiguous(m.buf, dt, 2, shape, LAPIS_ORDER_C, ro != 0, &base));
    CHECK_OK(lapis_array_transpose(base, &m.h));
  } else if (lay == LSLICE && nd == 2) {
    int64_t start[2] = {1, 1}, stop[2], step[2] = {1, 1};
    shape[0] = rows + 1;
    shape[1] = c + 2;
    stop[0] = rows + 1;
    stop[1] = c + 1;
    CHECK_OK(lapis_array_wrap_contiguous(m.buf, dt, 2, shape, LAPIS_ORDER_C, ro != 0, &base));
    CHECK_OK(lapis_array_slice(base, 2, start, stop, step, &m.h));
  } else {
    shape[0] = rows;
    shape[1] = c;
    strides[0] = m.s0 * (int64_t)esize(dt);
    strides[1] = m.s1 * (int64_t)esize(dt);
    CHECK_OK(lapis_array_wrap(m.buf, esize(dt) * (size_t)m.size, m.off * (int64_t)esize(dt), dt,
                              nd, shape, strides, ro != 0, &m.h));
  }
  lapis_array_free(base); /* the view keeps the wrap alive */
  return m;
}

static void drop(Mat *m) {
  lapis_array_free(m->h);
  free(m->buf);
}

/* op(M)(i, j). */
static void opel(const Mat *m, int32_t tr, int64_t i, int64_t j, double *re, double *im) {
  if (tr == LAPIS_NO_TRANS) {
    at(m, i, j, re, im);
  } else {
    at(m, j, i, re, im);
    if (tr == LAPIS_CONJ_TRANS) *im = -*im;
  }
}

static void check_at(const Mat *m, int64_t i, int64_t j, double re, double im, double scale) {
  double gr, gi;
  at(m, i, j, &gr, &gi);
  CHECK_CLOSE(gr, re, tol(m->dt) * scale);
  CHECK_CLOSE(gi, im, tol(m->dt) * scale);
}

/* The buffer's elements outside the operand are still SENTINEL. */
static void check_padding(const Mat *m, const double *saved) {
  int64_t p;
  for (p = 0; p < m->size; ++p)
    if (saved[2 * p] == SENTINEL) {
      double r, i;
      get_el(m->dt, m->buf, p, &r, &i);
      CHECK(r == SENTINEL);
    }
}

static lapis_complex128 z(double re, double im) {
  lapis_complex128 v;
  v.re = re;
  v.im = im;
  return v;
}

static void test_gemm(void) {
  int d, la, lb;
  const int64_t m = 3, n = 4, k = 5;
  for (d = 0; d < 4; ++d)
    for (la = 0; la < NLAY; ++la)
      for (lb = 0; lb < NLAY; ++lb) {
        int32_t dt = DTYPES[d];
        int32_t ta = (int32_t)((la + lb) % 3), tb = (int32_t)((la + 2 * lb) % 3);
        int lc = (la + lb) % NLAY;
        Mat A = make(dt, la, ta ? k : m, ta ? m : k, 1);
        Mat B = make(dt, lb, tb ? n : k, tb ? k : n, 0);
        Mat Cm = make(dt, lc, m, n, 0);
        double *c0 = mat_saved(&Cm);
        double ar = 0.5, ai = cplx(dt) ? 1.5 : 0.0, br = -1.0, bi = cplx(dt) ? 0.25 : 0.0;
        int64_t i, j, l;
        CHECK_OK(lapis_gemm(ta, tb, z(ar, ai), A.h, B.h, z(br, bi), Cm.h));
        for (i = 0; i < m; ++i)
          for (j = 0; j < n; ++j) {
            double sr = 0, si = 0, xr, xi, yr, yi;
            int64_t p = Cm.off + i * Cm.s0 + j * Cm.s1;
            for (l = 0; l < k; ++l) {
              opel(&A, ta, i, l, &xr, &xi);
              opel(&B, tb, l, j, &yr, &yi);
              sr += xr * yr - xi * yi;
              si += xr * yi + xi * yr;
            }
            check_at(&Cm, i, j, ar * sr - ai * si + br * c0[2 * p] - bi * c0[2 * p + 1],
                     ar * si + ai * sr + br * c0[2 * p + 1] + bi * c0[2 * p], 10.0);
          }
        check_padding(&Cm, c0);
        free(c0);
        drop(&A);
        drop(&B);
        drop(&Cm);
      }
}

static void test_level1(void) {
  int d, lx, ly;
  const int64_t n = 6;
  const int vl[3] = {LC, LSTEP, LNEG};
  for (d = 0; d < 4; ++d)
    for (lx = 0; lx < 3; ++lx)
      for (ly = 0; ly < 3; ++ly) {
        int32_t dt = DTYPES[d];
        Mat X = make(dt, vl[lx], n, -1, 0), Y = make(dt, vl[ly], n, -1, 0);
        double *x0 = mat_saved(&X), *y0 = mat_saved(&Y);
        double ar = 2.0, ai = cplx(dt) ? -1.0 : 0.0;
        double dr = 0, di = 0, cr = 0, ci = 0, nn = 0, as = 0, best = -1, v;
        int64_t i, bi = 0, got;
        lapis_complex128 dv, dcv;
        CHECK_OK(lapis_axpy(z(ar, ai), X.h, Y.h));
        for (i = 0; i < n; ++i) {
          double xr, xi, yr, yi;
          int64_t py = Y.off + i * Y.s0;
          at(&X, i, 0, &xr, &xi);
          yr = y0[2 * py];
          yi = y0[2 * py + 1];
          check_at(&Y, i, 0, ar * xr - ai * xi + yr, ar * xi + ai * xr + yi, 4.0);
          dr += xr * yr - xi * yi;
          di += xr * yi + xi * yr;
          cr += xr * yr + xi * yi;
          ci += xr * yi - xi * yr;
          nn += xr * xr + xi * xi;
          as += fabs(xr) + fabs(xi);
          if (fabs(xr) + fabs(xi) > best) {
            best = fabs(xr) + fabs(xi);
            bi = i;
          }
        }
        check_padding(&Y, y0);
        /* dot/dotc against the original y: copy it back through lapis_copy
         * from a fresh wrap of the saved values. */
        for (i = 0; i < Y.size; ++i) put_el(dt, Y.buf, i, y0[2 * i], y0[2 * i + 1]);
        CHECK_OK(lapis_dotu(X.h, Y.h, &dv));
        CHECK_OK(lapis_dotc(X.h, Y.h, &dcv));
        CHECK_CLOSE(dv.re, dr, tol(dt) * 10);
        CHECK_CLOSE(dv.im, di, tol(dt) * 10);
        CHECK_CLOSE(dcv.re, cr, tol(dt) * 10);
        CHECK_CLOSE(dcv.im, ci, tol(dt) * 10);
        CHECK_OK(lapis_nrm2(X.h, &v));
        CHECK_CLOSE(v, sqrt(nn), tol(dt) * 10);
        CHECK_OK(lapis_asum(X.h, &v));
        CHECK_CLOSE(v, as, tol(dt) * 10);
        CHECK_OK(lapis_iamax(X.h, &got));
        CHECK(got == bi);
        /* scal, rscal */
        CHECK_OK(lapis_scal(z(ar, ai), X.h));
        for (i = 0; i < n; ++i) {
          int64_t p = X.off + i * X.s0;
          double xr = x0[2 * p], xi = x0[2 * p + 1];
          check_at(&X, i, 0, ar * xr - ai * xi, ar * xi + ai * xr, 4.0);
        }
        CHECK_OK(lapis_rscal(0.5, X.h));
        /* copy x -> y, then swap: x gets y's, y gets x's values */
        CHECK_OK(lapis_copy(X.h, Y.h));
        CHECK_OK(lapis_rscal(-1.0, Y.h));
        CHECK_OK(lapis_swap(X.h, Y.h));
        for (i = 0; i < n; ++i) {
          int64_t p = X.off + i * X.s0;
          double xr = x0[2 * p], xi = x0[2 * p + 1];
          double sr = 0.5 * (ar * xr - ai * xi), si = 0.5 * (ar * xi + ai * xr);
          check_at(&X, i, 0, -sr, -si, 4.0);
          check_at(&Y, i, 0, sr, si, 4.0);
        }
        check_padding(&X, x0);
        free(x0);
        free(y0);
        drop(&X);
        drop(&Y);
      }
}

static void test_level2(void) {
  int d, la, tr;
  const int64_t m = 4, n = 3;
  for (d = 0; d < 4; ++d)
    for (la = 0; la < NLAY; ++la)
      for (tr = 0; tr < 3; ++tr) {
        int32_t dt = DTYPES[d];
        Mat A = make(dt, la, m, n, 1);
        int64_t xn = tr ? m : n, yn = tr ? n : m, i, l;
        Mat X = make(dt, LNEG, xn, -1, 1), Y = make(dt, LSTEP, yn, -1, 0);
        double *y0 = mat_saved(&Y);
        double ar = 1.0, ai = cplx(dt) ? 0.5 : 0.0, br = 0.0;
        /* beta = 0: y's old values (NaN-free here) are not used */
        CHECK_OK(lapis_gemv(tr, z(ar, ai), A.h, X.h, z(br, 0), Y.h));
        for (i = 0; i < yn; ++i) {
          double sr = 0, si = 0, pr, pi, xr, xi;
          for (l = 0; l < xn; ++l) {
            opel(&A, tr, i, l, &pr, &pi);
            at(&X, l, 0, &xr, &xi);
            sr += pr * xr - pi * xi;
            si += pr * xi + pi * xr;
          }
          check_at(&Y, i, 0, ar * sr - ai * si, ar * si + ai * sr, 10.0);
        }
        check_padding(&Y, y0);
        free(y0);
        drop(&A);
        drop(&X);
        drop(&Y);
      }
  /* hemv (real: symv) with garbage in the unread triangle; trsv undoing trmv */
  for (d = 0; d < 4; ++d)
    for (la = 0; la < NLAY; ++la) {
      int32_t dt = DTYPES[d];
      Mat A = make(dt, la, 3, 3, 0), X = make(dt, LC, 3, -1, 0), Y = make(dt, LNEG, 3, -1, 0);
      double *x0 = mat_saved(&X);
      int64_t i, j;
      for (i = 0; i < 3; ++i)
        for (j = 0; j < i; ++j) put_el(dt, A.buf, A.off + i * A.s0 + j * A.s1, 1e30, 0);
      CHECK_OK(lapis_hemv(LAPIS_UPPER, z(1, 0), A.h, X.h, z(0, 0), Y.h));
      for (i = 0; i < 3; ++i) {
        double sr = 0, si = 0, pr, pi, xr, xi;
        for (j = 0; j < 3; ++j) {
          if (j >= i) at(&A, i, j, &pr, &pi);
          else {
            at(&A, j, i, &pr, &pi);
            pi = -pi;
          }
          if (i == j) pi = 0;
          at(&X, j, 0, &xr, &xi);
          sr += pr * xr - pi * xi;
          si += pr * xi + pi * xr;
        }
        check_at(&Y, i, 0, sr, si, 10.0);
      }
      for (i = 0; i < 3; ++i) put_el(dt, A.buf, A.off + i * A.s0 + i * A.s1, 3.0, 0.5);
      CHECK_OK(lapis_trmv(LAPIS_UPPER, LAPIS_CONJ_TRANS, LAPIS_NON_UNIT, A.h, X.h));
      CHECK_OK(lapis_trsv(LAPIS_UPPER, LAPIS_CONJ_TRANS, LAPIS_NON_UNIT, A.h, X.h));
      for (i = 0; i < 3; ++i) check_at(&X, i, 0, x0[2 * (X.off + i * X.s0)], x0[2 * (X.off + i * X.s0) + 1], 50.0);
      free(x0);
      drop(&A);
      drop(&X);
      drop(&Y);
    }
}

/* syrk/herk/syr2k/her2k: the triangle updated, the other bit-for-bit kept. */
static void test_rank_k(void) {
  int d, la, lc, kind, up;
  const int64_t n = 4, k = 3;
  for (d = 0; d < 4; ++d)
    for (la = 0; la < NLAY; ++la)
      for (kind = 0; kind < 4; ++kind)
        for (up = 0; up < 2; ++up) {
          int32_t dt = DTYPES[d];
          int herm = kind == 1 || kind == 3, two = kind >= 2;
          int32_t trans = (la % 2) ? (herm && cplx(dt) ? LAPIS_CONJ_TRANS : LAPIS_TRANS) : LAPIS_NO_TRANS;
          int32_t uplo = up ? LAPIS_LOWER : LAPIS_UPPER;
          Mat A, B, Cm;
          double *c0;
          double ar = 0.75, ai = (cplx(dt) && kind != 1) ? 0.5 : 0.0, beta = 0.5;
          int64_t i, j, l;
          lc = (la + kind) % NLAY;
          A = make(dt, la, trans ? k : n, trans ? n : k, 1);
          B = make(dt, LF, trans ? k : n, trans ? n : k, 1);
          Cm = make(dt, lc, n, n, 0);
          c0 = mat_saved(&Cm);
          if (kind == 0) CHECK_OK(lapis_syrk(uplo, trans, z(ar, ai), A.h, z(beta, 0), Cm.h));
          if (kind == 1) CHECK_OK(lapis_herk(uplo, trans, ar, A.h, beta, Cm.h));
          if (kind == 2) CHECK_OK(lapis_syr2k(uplo, trans, z(ar, ai), A.h, B.h, z(beta, 0), Cm.h));
          if (kind == 3) CHECK_OK(lapis_her2k(uplo, trans, z(ar, ai), A.h, B.h, beta, Cm.h));
          for (i = 0; i < n; ++i)
            for (j = 0; j < n; ++j) {
              int64_t p = Cm.off + i * Cm.s0 + j * Cm.s1;
              int inside = up ? (j <= i) : (j >= i);
              double sr = 0, si = 0, tr2 = 0, ti2 = 0, wr, wi;
              if (!inside) {
                double gr, gi;
                at(&Cm, i, j, &gr, &gi);
                CHECK(gr == c0[2 * p] && gi == c0[2 * p + 1]);
                continue;
              }
              for (l = 0; l < k; ++l) {
                /* op(X)(i,l) · adj(op(Y))(l,j) = op(X)(i,l) · [conj] op(Y)(j,l) */
                double xr, xi, yr, yi, ur, ui, vr, vi;
                int32_t o = trans ? LAPIS_TRANS : LAPIS_NO_TRANS;
                opel(&A, o, i, l, &xr, &xi);
                opel(two ? &B : &A, o, j, l, &yr, &yi);
                opel(two ? &B : &A, o, i, l, &ur, &ui);
                opel(&A, o, j, l, &vr, &vi);
                if (herm && trans) { xi = -xi; yi = -yi; ui = -ui; vi = -vi; }
                if (herm) { yi = -yi; vi = -vi; }
                sr += xr * yr - xi * yi;
                si += xr * yi + xi * yr;
                tr2 += ur * vr - ui * vi;
                ti2 += ur * vi + ui * vr;
              }
              if (!two) { tr2 = 0; ti2 = 0; }
              /* alpha·S + (herm ? conj(alpha) : alpha)·T + beta·C */
              wr = ar * sr - ai * si + ar * tr2 - (herm ? -ai : ai) * ti2 + beta * c0[2 * p];
              wi = ar * si + ai * sr + ar * ti2 + (herm ? -ai : ai) * tr2 + beta * c0[2 * p + 1];
              if (herm && i == j) wi = 0;
              check_at(&Cm, i, j, wr, wi, 10.0);
            }
          check_padding(&Cm, c0);
          free(c0);
          drop(&A);
          drop(&B);
          drop(&Cm);
        }
}

/* symm/hemm against loops; trsm undoing trmm. */
static void test_level3_other(void) {
  int d, la, side;
  for (d = 0; d < 4; ++d)
    for (la = 0; la < NLAY; ++la)
      for (side = 0; side < 2; ++side) {
        int32_t dt = DTYPES[d];
        const int64_t m = 3, n = 2, ka = side ? n : m;
        Mat A = make(dt, la, ka, ka, 0), B = make(dt, (la + 1) % NLAY, m, n, 0);
        Mat Cm = make(dt, (la + 2) % NLAY, m, n, 0);
        double *b0 = mat_saved(&B);
        int64_t i, j, l;
        CHECK_OK(lapis_hemm(side ? LAPIS_RIGHT : LAPIS_LEFT, LAPIS_LOWER, z(1, 0), A.h, B.h, z(0, 0), Cm.h));
        for (i = 0; i < m; ++i)
          for (j = 0; j < n; ++j) {
            double sr = 0, si = 0, pr, pi, xr, xi;
            for (l = 0; l < ka; ++l) {
              int64_t r = side ? l : i, c = side ? j : l; /* A(r, c) */
              if (c <= r) at(&A, r, c, &pr, &pi);
              else {
                at(&A, c, r, &pr, &pi);
                pi = -pi;
              }
              if (r == c) pi = 0;
              at(&B, side ? i : l, side ? l : j, &xr, &xi);
              sr += pr * xr - pi * xi;
              si += pr * xi + pi * xr;
            }
            check_at(&Cm, i, j, sr, si, 10.0);
          }
        for (i = 0; i < ka; ++i) put_el(dt, A.buf, A.off + i * A.s0 + i * A.s1, 4.0, 1.0);
        CHECK_OK(lapis_trmm(side ? LAPIS_RIGHT : LAPIS_LEFT, LAPIS_UPPER, LAPIS_TRANS, LAPIS_NON_UNIT, z(2, 0), A.h, B.h));
        CHECK_OK(lapis_trsm(side ? LAPIS_RIGHT : LAPIS_LEFT, LAPIS_UPPER, LAPIS_TRANS, LAPIS_NON_UNIT, z(0.5, 0), A.h, B.h));
        for (i = 0; i < m; ++i)
          for (j = 0; j < n; ++j) {
            int64_t p = B.off + i * B.s0 + j * B.s1;
            check_at(&B, i, j, b0[2 * p], b0[2 * p + 1], 50.0);
          }
        check_padding(&B, b0);
        free(b0);
        drop(&A);
        drop(&B);
        drop(&Cm);
      }
}

static void test_errors(void) {
  Mat A = make(LAPIS_FLOAT64, LC, 3, 3, 0), B32 = make(LAPIS_FLOAT32, LC, 3, 3, 0);
  Mat Cm = make(LAPIS_FLOAT64, LF, 3, 3, 0), RO = make(LAPIS_FLOAT64, LC, 3, 3, 1);
  Mat V = make(LAPIS_FLOAT64, LC, 3, -1, 0), Z = make(LAPIS_COMPLEX128, LC, 3, 3, 0);
  double *c0 = mat_saved(&Cm), *r0 = mat_saved(&RO), *v0 = mat_saved(&V), *z0 = mat_saved(&Z);
  double out = -1;
  lapis_complex128 zo = z(-1, -1);
  int64_t p;
  CHECK_STATUS(lapis_gemm(0, 0, z(1, 0), A.h, B32.h, z(1, 0), Cm.h), LAPIS_ERR_BAD_DTYPE);
  CHECK_MESSAGE("gemm: b");
  CHECK_STATUS(lapis_gemm(0, 0, z(1, 0), A.h, A.h, z(1, 0), Z.h), LAPIS_ERR_BAD_DTYPE);
  CHECK_MESSAGE("gemm: c");
  CHECK_STATUS(lapis_gemm(0, 0, z(1, 0), A.h, V.h, z(1, 0), Cm.h), LAPIS_ERR_SHAPE_MISMATCH);
  CHECK_MESSAGE("gemm: b: expected a 2-dimensional array");
  CHECK_STATUS(lapis_gemm(5, 0, z(1, 0), A.h, A.h, z(1, 0), Cm.h), LAPIS_ERR_INVALID_ARGUMENT);
  CHECK_MESSAGE("transa");
  CHECK_STATUS(lapis_gemm(0, 0, z(1, 1), A.h, A.h, z(1, 0), Cm.h), LAPIS_ERR_INVALID_ARGUMENT);
  CHECK_MESSAGE("alpha");
  CHECK_STATUS(lapis_gemm(0, 0, z(1, 0), NULL, A.h, z(1, 0), Cm.h), LAPIS_ERR_NULL_ARGUMENT);
  CHECK_MESSAGE("'a'");
  CHECK_STATUS(lapis_gemm(0, 0, z(1, 0), A.h, A.h, z(1, 0), NULL), LAPIS_ERR_NULL_ARGUMENT);
  for (p = 0; p < Cm.size; ++p) {
    double r, i;
    get_el(Cm.dt, Cm.buf, p, &r, &i);
    CHECK(r == c0[2 * p]);
  }
  /* a read-only output is not written */
  CHECK_STATUS(lapis_gemm(0, 0, z(1, 0), A.h, A.h, z(1, 0), RO.h), LAPIS_ERR_READ_ONLY);
  CHECK_STATUS(lapis_syrk(LAPIS_UPPER, 0, z(1, 0), A.h, z(1, 0), RO.h), LAPIS_ERR_READ_ONLY);
  CHECK(memcmp(RO.buf, A.buf, 0) == 0);
  for (p = 0; p < RO.size; ++p) CHECK(((double *)RO.buf)[p] == r0[2 * p]);
  /* complex scalar on a real vector; trans codes invalid for complex herk */
  CHECK_STATUS(lapis_scal(z(0, 1), V.h), LAPIS_ERR_INVALID_ARGUMENT);
  for (p = 0; p < V.size; ++p) CHECK(((double *)V.buf)[p] == v0[2 * p]);
  CHECK_STATUS(lapis_herk(LAPIS_UPPER, LAPIS_TRANS, 1.0, Z.h, 1.0, Z.h), LAPIS_ERR_INVALID_ARGUMENT);
  CHECK_STATUS(lapis_herk(7, LAPIS_NO_TRANS, 1.0, Z.h, 1.0, Z.h), LAPIS_ERR_INVALID_ARGUMENT);
  CHECK_MESSAGE("uplo");
  for (p = 0; p < Z.size; ++p) CHECK(((double *)Z.buf)[2 * p] == z0[2 * p]);
  /* scalar outputs written only on success */
  CHECK_STATUS(lapis_dotu(V.h, A.h, &zo), LAPIS_ERR_SHAPE_MISMATCH);
  CHECK(zo.re == -1 && zo.im == -1);
  CHECK_STATUS(lapis_nrm2(V.h, NULL), LAPIS_ERR_NULL_ARGUMENT);
  CHECK_STATUS(lapis_nrm2(A.h, &out), LAPIS_ERR_SHAPE_MISMATCH);
  CHECK_MESSAGE("nrm2: x");
  CHECK(out == -1);
  /* the same handle as input and output: as if the input were copied */
  {
    double want[9];
    int64_t i, j, l;
    for (i = 0; i < 3; ++i)
      for (j = 0; j < 3; ++j) {
        want[i * 3 + j] = 0;
        for (l = 0; l < 3; ++l) want[i * 3 + j] += ((double *)A.buf)[i * 3 + l] * ((double *)A.buf)[l * 3 + j];
      }
    CHECK_OK(lapis_gemm(0, 0, z(1, 0), A.h, A.h, z(0, 0), A.h));
    for (p = 0; p < 9; ++p) CHECK_CLOSE(((double *)A.buf)[p], want[p], 1e-12);
  }
  free(c0);
  free(r0);
  free(v0);
  free(z0);
  drop(&A);
  drop(&B32);
  drop(&Cm);
  drop(&RO);
  drop(&V);
  drop(&Z);
}

int main(void) {
  test_gemm();
  test_level1();
  test_level2();
  test_rank_k();
  test_level3_other();
  test_errors();
  return check_summary("test_blas");
}
