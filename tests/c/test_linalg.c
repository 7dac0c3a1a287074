/* lapis_linalg_*: every function checked by residuals computed here with
 * naive loops (A x - b, H X - S X diag(e), X^H S X - I, U S V^H - A,
 * L L^H - A, Q R - A, P L U - A, det vs the LU product, ...), on the four
 * dtypes and on C-order, F-order, transposed, strided and negative-stride
 * inputs (caller memory wrapped read-only, so inputs are provably never
 * written), plus the error cases and the "nothing modified on error"
 * rule. */
#include <stdint.h>
#include <stdlib.h>

#include "check.h"

#include "linalg_util.h"

static int32_t complex_of(int32_t dt) {
  return (dt == LAPIS_FLOAT32 || dt == LAPIS_COMPLEX64) ? LAPIS_COMPLEX64
                                                        : LAPIS_COMPLEX128;
}

static const char *LAYOUT_NAMES[L_COUNT] = {"C", "F", "transposed", "strided",
                                            "negative"};

static cplx get0(const lapis_array *h) {
  lapis_complex128 z;
  z.re = z.im = NAN;
  CHECK_OK(lapis_array_get(h, NULL, &z));
  return cx(z.re, z.im);
}


/* ------------------------------------------------------------------ */
/* Tests                                                               */
/* ------------------------------------------------------------------ */

static void test_solve(void) {
  const int n = 6, k = 2;
  int d, l;
  for (d = 0; d < 4; ++d) {
    int32_t dt = DTYPES[d];
    cplx *a = new_mat(n, n), *b = new_mat(n, k), *x = new_mat(n, k),
         *ax = new_mat(n, k);
    general_mat(dt, n, a);
    random_mat(dt, n, k, b);
    for (l = 0; l < L_COUNT; ++l) {
      arr A = make_mat(dt, l, n, n, a), B = make_mat(dt, (l + 1) % L_COUNT, n, k, b);
      lapis_array *X = NULL;
      CHECK_OK(lapis_linalg_solve(A.h, B.h, &X));
      if (X) {
        CHECK(dtype_of(X) == dt);
        CHECK(shape_is(X, 2, n, k, 0));
        get_mat(X, n, k, x);
        mm(n, n, k, a, x, ax);
        if (!(maxdiff(n * k, ax, b) < tol_of(dt, n)))
          fprintf(stderr, "solve dtype %d layout %s: residual %g\n", dt,
                  LAYOUT_NAMES[l], maxdiff(n * k, ax, b));
        CHECK(maxdiff(n * k, ax, b) < tol_of(dt, n));
      }
      lapis_array_free(X);
      free_arr(A);
      free_arr(B);
    }
    { /* 1-D right-hand side */
      arr A = make_mat(dt, L_F, n, n, a), B = make_vec(dt, n, b);
      lapis_array *X = NULL;
      cplx *x1 = new_mat(n, 1), *ax1 = new_mat(n, 1);
      CHECK_OK(lapis_linalg_solve(A.h, B.h, &X));
      CHECK(shape_is(X, 1, n, 0, 0));
      get_mat(X, n, -1, x1);
      mm(n, n, 1, a, x1, ax1);
      CHECK(maxdiff(n, ax1, b) < tol_of(dt, n));
      lapis_array_free(X);
      free_arr(A);
      free_arr(B);
      free(x1);
      free(ax1);
    }
    free(a);
    free(b);
    free(x);
    free(ax);
  }
}

static double perm_sign(int n, const cplx *p) {
  int *perm = (int *)malloc(sizeof(int) * (size_t)n);
  int i, j;
  double s = 1.0;
  for (i = 0; i < n; ++i)
    for (j = 0; j < n; ++j)
      if (p[i * n + j].re == 1.0) perm[i] = j;
  for (i = 0; i < n; ++i)
    while (perm[i] != i) {
      int t = perm[perm[i]];
      perm[perm[i]] = perm[i];
      perm[i] = t;
      s = -s;
    }
  free(perm);
  return s;
}

/* inv, lu, det (array and scalar), slogdet */
static void test_inv_lu_det(void) {
  const int n = 5;
  int d, l;
  for (d = 0; d < 4; ++d) {
    int32_t dt = DTYPES[d];
    cplx *a = new_mat(n, n), *t = new_mat(n, n), *t2 = new_mat(n, n),
         *p = new_mat(n, n), *lo = new_mat(n, n), *u = new_mat(n, n);
    general_mat(dt, n, a);
    for (l = 0; l < L_COUNT; ++l) {
      arr A = make_mat(dt, l, n, n, a);
      lapis_array *I = NULL, *P = NULL, *L = NULL, *U = NULL, *D = NULL,
                  *S = NULL, *LG = NULL;
      lapis_complex128 ds;
      cplx prod, dv, sg;
      double lg;
      int i;
      CHECK_OK(lapis_linalg_inv(A.h, &I));
      get_mat(I, n, n, t);
      mm(n, n, n, a, t, t2);
      CHECK(maxdiff_eye(n, t2) < tol_of(dt, n));

      CHECK_OK(lapis_linalg_lu(A.h, &P, &L, &U));
      get_mat(P, n, n, p);
      get_mat(L, n, n, lo);
      get_mat(U, n, n, u);
      mm(n, n, n, lo, u, t);
      mm(n, n, n, p, t, t2);
      CHECK(maxdiff(n * n, t2, a) < tol_of(dt, n) * n);
      prod = cx(perm_sign(n, p), 0);
      for (i = 0; i < n; ++i) {
        CHECK(lo[i * n + i].re == 1.0 && lo[i * n + i].im == 0.0);
        prod = cmul(prod, u[i * n + i]);
      }
      CHECK_OK(lapis_linalg_det(A.h, &D));
      CHECK(dtype_of(D) == dt);
      CHECK(shape_is(D, 0, 0, 0, 0));
      dv = get0(D);
      CHECK(cabs_(csub(dv, prod)) < tol_of(dt, n) * cabs_(prod));
      CHECK_OK(lapis_linalg_det_scalar(A.h, &ds));
      CHECK(cabs_(csub(cx(ds.re, ds.im), dv)) <= 1e-12 * cabs_(dv));

      CHECK_OK(lapis_linalg_slogdet(A.h, &S, &LG));
      CHECK(dtype_of(S) == dt);
      CHECK(dtype_of(LG) == real_of(dt));
      sg = get0(S);
      lg = get0(LG).re;
      CHECK(cabs_(csub(cmul(sg, cx(exp(lg), 0)), dv)) <
            tol_of(dt, n) * cabs_(dv));

      lapis_array_free(I);
      lapis_array_free(P);
      lapis_array_free(L);
      lapis_array_free(U);
      lapis_array_free(D);
      lapis_array_free(S);
      lapis_array_free(LG);
      free_arr(A);
    }
    free(a);
    free(t);
    free(t2);
    free(p);
    free(lo);
    free(u);
  }
}

static void test_cholesky(void) {
  const int n = 6;
  int d, l, up;
  for (d = 0; d < 4; ++d) {
    int32_t dt = DTYPES[d];
    cplx *a = new_mat(n, n), *f = new_mat(n, n), *fh = new_mat(n, n),
         *r = new_mat(n, n);
    hpd_mat(dt, n, a);
    for (l = 0; l < L_COUNT; ++l) {
      arr A = make_mat(dt, l, n, n, a);
      for (up = 0; up < 2; ++up) {
        lapis_array *F = NULL;
        int i, j, zeros_ok = 1;
        CHECK_OK(lapis_linalg_cholesky(A.h, up ? LAPIS_UPPER : LAPIS_LOWER, &F));
        CHECK(dtype_of(F) == dt);
        get_mat(F, n, n, f);
        ctrans(n, n, f, fh);
        if (up)
          mm(n, n, n, fh, f, r); /* U^H U */
        else
          mm(n, n, n, f, fh, r); /* L L^H */
        CHECK(maxdiff(n * n, r, a) < tol_of(dt, n) * 2 * n);
        for (i = 0; i < n; ++i)
          for (j = i + 1; j < n; ++j)
            if (cabs_(up ? f[j * n + i] : f[i * n + j]) != 0.0) zeros_ok = 0;
        CHECK(zeros_ok);
        lapis_array_free(F);
      }
      free_arr(A);
    }
    free(a);
    free(f);
    free(fh);
    free(r);
  }
}

static void test_eigh(void) {
  const int n = 6;
  int d, l, up;
  for (d = 0; d < 4; ++d) {
    int32_t dt = DTYPES[d];
    cplx *a = new_mat(n, n), *v = new_mat(n, n), *w = new_mat(n, 1),
         *w2 = new_mat(n, 1), *av = new_mat(n, n), *vw = new_mat(n, n),
         *vh = new_mat(n, n), *g = new_mat(n, n);
    hermitian_mat(dt, n, a);
    for (l = 0; l < L_COUNT; ++l) {
      arr A = make_mat(dt, l, n, n, a);
      for (up = 0; up < 2; ++up) {
        lapis_array *W = NULL, *V = NULL, *W2 = NULL;
        int i, j, sorted = 1;
        CHECK_OK(lapis_linalg_eigh(A.h, up ? LAPIS_UPPER : LAPIS_LOWER, &W, &V));
        CHECK(dtype_of(W) == real_of(dt));
        CHECK(dtype_of(V) == dt);
        get_mat(W, n, -1, w);
        get_mat(V, n, n, v);
        for (i = 0; i + 1 < n; ++i)
          if (w[i].re > w[i + 1].re) sorted = 0;
        CHECK(sorted);
        mm(n, n, n, a, v, av);
        for (i = 0; i < n; ++i)
          for (j = 0; j < n; ++j) vw[i * n + j] = cmul(v[i * n + j], w[j]);
        CHECK(maxdiff(n * n, av, vw) < tol_of(dt, n) * 2 * n);
        ctrans(n, n, v, vh);
        mm(n, n, n, vh, v, g);
        CHECK(maxdiff_eye(n, g) < tol_of(dt, n));
        CHECK_OK(lapis_linalg_eigvalsh(A.h, up ? LAPIS_UPPER : LAPIS_LOWER, &W2));
        get_mat(W2, n, -1, w2);
        CHECK(maxdiff(n, w, w2) < tol_of(dt, n) * n);
        lapis_array_free(W);
        lapis_array_free(V);
        lapis_array_free(W2);
      }
      free_arr(A);
    }
    free(a);
    free(v);
    free(w);
    free(w2);
    free(av);
    free(vw);
    free(vh);
    free(g);
  }
}

static void test_eigh_generalized(void) {
  const int n = 5;
  int d, l, up;
  for (d = 0; d < 4; ++d) {
    int32_t dt = DTYPES[d];
    cplx *h = new_mat(n, n), *s = new_mat(n, n), *x = new_mat(n, n),
         *e = new_mat(n, 1), *e2 = new_mat(n, 1), *hx = new_mat(n, n),
         *sx = new_mat(n, n), *sxe = new_mat(n, n), *xh = new_mat(n, n),
         *g = new_mat(n, n);
    hermitian_mat(dt, n, h);
    hpd_mat(dt, n, s);
    for (l = 0; l < L_COUNT; ++l) {
      arr H = make_mat(dt, l, n, n, h), S = make_mat(dt, L_COUNT - 1 - l, n, n, s);
      for (up = 0; up < 2; ++up) {
        lapis_array *E = NULL, *X = NULL, *E2 = NULL;
        int i, j;
        CHECK_OK(lapis_linalg_eigh_generalized(
            H.h, S.h, up ? LAPIS_UPPER : LAPIS_LOWER, &E, &X));
        CHECK(dtype_of(E) == real_of(dt));
        CHECK(dtype_of(X) == dt);
        CHECK(shape_is(X, 2, n, n, 0));
        get_mat(E, n, -1, e);
        get_mat(X, n, n, x);
        mm(n, n, n, h, x, hx);
        mm(n, n, n, s, x, sx);
        for (i = 0; i < n; ++i)
          for (j = 0; j < n; ++j) sxe[i * n + j] = cmul(sx[i * n + j], e[j]);
        CHECK(maxdiff(n * n, hx, sxe) < tol_of(dt, n) * 2 * n);
        ctrans(n, n, x, xh);
        mm(n, n, n, xh, sx, g);
        CHECK(maxdiff_eye(n, g) < tol_of(dt, n) * n);
        /* eigenvalues only (x NULL) */
        CHECK_OK(lapis_linalg_eigh_generalized(
            H.h, S.h, up ? LAPIS_UPPER : LAPIS_LOWER, &E2, NULL));
        get_mat(E2, n, -1, e2);
        CHECK(maxdiff(n, e, e2) < tol_of(dt, n) * n);
        lapis_array_free(E);
        lapis_array_free(X);
        lapis_array_free(E2);
      }
      free_arr(H);
      free_arr(S);
    }
    free(h);
    free(s);
    free(x);
    free(e);
    free(e2);
    free(hx);
    free(sx);
    free(sxe);
    free(xh);
    free(g);
  }
}

static void test_svd(void) {
  const int m = 6, n = 4;
  int d, l, full;
  for (d = 0; d < 4; ++d) {
    int32_t dt = DTYPES[d];
    cplx *a = new_mat(m, n), *u = new_mat(m, m), *s = new_mat(n, 1),
         *s2 = new_mat(n, 1), *vh = new_mat(n, n), *us = new_mat(m, n),
         *r = new_mat(m, n), *uh = new_mat(m, m), *g = new_mat(m, m);
    random_mat(dt, m, n, a);
    for (l = 0; l < L_COUNT; ++l) {
      arr A = make_mat(dt, l, m, n, a);
      for (full = 0; full < 2; ++full) {
        lapis_array *U = NULL, *S = NULL, *VH = NULL;
        int k = full ? m : n, i, j;
        CHECK_OK(lapis_linalg_svd(A.h, full != 0, true, &U, &S, &VH));
        CHECK(dtype_of(U) == dt && dtype_of(VH) == dt);
        CHECK(dtype_of(S) == real_of(dt));
        CHECK(shape_is(U, 2, m, k, 0));
        CHECK(shape_is(VH, 2, n, n, 0));
        get_mat(U, m, k, u);
        get_mat(S, n, -1, s);
        get_mat(VH, n, n, vh);
        for (i = 0; i < m; ++i)
          for (j = 0; j < n; ++j) us[i * n + j] = cmul(u[i * k + j], s[j]);
        mm(m, n, n, us, vh, r);
        CHECK(maxdiff(m * n, r, a) < tol_of(dt, m));
        ctrans(m, k, u, uh);
        mm(k, m, k, uh, u, g);
        CHECK(maxdiff_eye(k, g) < tol_of(dt, m));
        lapis_array_free(U);
        lapis_array_free(S);
        lapis_array_free(VH);
      }
      { /* compute_uv = false: u and vh become NULL; svdvals agrees */
        lapis_array *U = (lapis_array *)&rng_state, *S = NULL, *VH = NULL,
                    *S2 = NULL;
        CHECK_OK(lapis_linalg_svd(A.h, false, false, &U, &S, &VH));
        CHECK(U == NULL && VH == NULL);
        CHECK_OK(lapis_linalg_svdvals(A.h, &S2));
        get_mat(S, n, -1, s);
        get_mat(S2, n, -1, s2);
        CHECK(maxdiff(n, s, s2) < tol_of(dt, m));
        lapis_array_free(S);
        lapis_array_free(S2);
      }
      free_arr(A);
    }
    free(a);
    free(u);
    free(s);
    free(s2);
    free(vh);
    free(us);
    free(r);
    free(uh);
    free(g);
  }
}

static void test_qr(void) {
  const int m = 6, n = 4;
  int d, l, mode;
  for (d = 0; d < 4; ++d) {
    int32_t dt = DTYPES[d];
    cplx *a = new_mat(m, n), *q = new_mat(m, m), *r = new_mat(m, n),
         *qr = new_mat(m, n), *qh = new_mat(m, m), *g = new_mat(m, m);
    random_mat(dt, m, n, a);
    for (l = 0; l < L_COUNT; ++l) {
      arr A = make_mat(dt, l, m, n, a);
      for (mode = 0; mode < 2; ++mode) {
        lapis_array *Q = NULL, *R = NULL;
        int k = mode == 0 ? n : m, i, j, zeros_ok = 1;
        CHECK_OK(lapis_linalg_qr(A.h, mode == 0 ? LAPIS_QR_REDUCED : LAPIS_QR_COMPLETE,
                                 &Q, &R));
        CHECK(shape_is(Q, 2, m, k, 0));
        CHECK(shape_is(R, 2, k, n, 0));
        get_mat(Q, m, k, q);
        get_mat(R, k, n, r);
        mm(m, k, n, q, r, qr);
        CHECK(maxdiff(m * n, qr, a) < tol_of(dt, m));
        ctrans(m, k, q, qh);
        mm(k, m, k, qh, q, g);
        CHECK(maxdiff_eye(k, g) < tol_of(dt, m));
        for (i = 0; i < k; ++i)
          for (j = 0; j < i && j < n; ++j)
            if (cabs_(r[i * n + j]) != 0.0) zeros_ok = 0;
        CHECK(zeros_ok);
        lapis_array_free(Q);
        lapis_array_free(R);
      }
      {
        lapis_array *Q = (lapis_array *)&rng_state, *R = NULL;
        CHECK_OK(lapis_linalg_qr(A.h, LAPIS_QR_R, &Q, &R));
        CHECK(Q == NULL);
        CHECK(shape_is(R, 2, n, n, 0));
        lapis_array_free(R);
      }
      free_arr(A);
    }
    free(a);
    free(q);
    free(r);
    free(qr);
    free(qh);
    free(g);
  }
}

static void test_eig(void) {
  const int n = 5;
  int d, l;
  for (d = 0; d < 4; ++d) {
    int32_t dt = DTYPES[d];
    cplx *a = new_mat(n, n), *w = new_mat(n, 1), *w2 = new_mat(n, 1),
         *v = new_mat(n, n), *av = new_mat(n, n), *vw = new_mat(n, n);
    random_mat(dt, n, n, a);
    for (l = 0; l < L_COUNT; ++l) {
      arr A = make_mat(dt, l, n, n, a);
      lapis_array *W = NULL, *V = NULL, *W2 = NULL;
      int i, j;
      double wsum = 0, w2sum = 0;
      CHECK_OK(lapis_linalg_eig(A.h, &W, &V));
      CHECK(dtype_of(W) == complex_of(dt));
      CHECK(dtype_of(V) == complex_of(dt));
      get_mat(W, n, -1, w);
      get_mat(V, n, n, v);
      mm(n, n, n, a, v, av);
      for (i = 0; i < n; ++i)
        for (j = 0; j < n; ++j) vw[i * n + j] = cmul(v[i * n + j], w[j]);
      CHECK(maxdiff(n * n, av, vw) < tol_of(dt, n) * 10);
      CHECK_OK(lapis_linalg_eigvals(A.h, &W2));
      get_mat(W2, n, -1, w2);
      for (i = 0; i < n; ++i) {
        wsum += w[i].re;
        w2sum += w2[i].re;
      }
      CHECK(fabs(wsum - w2sum) < tol_of(dt, n) * 10);
      lapis_array_free(W);
      lapis_array_free(V);
      lapis_array_free(W2);
      free_arr(A);
    }
    free(a);
    free(w);
    free(w2);
    free(v);
    free(av);
    free(vw);
  }
}

static void test_lstsq_pinv(void) {
  const int m = 7, n = 3, k = 2;
  int d, l;
  for (d = 0; d < 4; ++d) {
    int32_t dt = DTYPES[d];
    cplx *a = new_mat(m, n), *b = new_mat(m, k), *x = new_mat(n, k),
         *res = new_mat(m, k), *ah = new_mat(n, m), *ne = new_mat(n, k),
         *p = new_mat(n, m), *pa = new_mat(n, n), *rs = new_mat(k, 1);
    random_mat(dt, m, n, a);
    random_mat(dt, m, k, b);
    for (l = 0; l < L_COUNT; ++l) {
      arr A = make_mat(dt, l, m, n, a), B = make_mat(dt, L_C, m, k, b);
      lapis_array *X = NULL, *RS = NULL, *S = NULL, *P = NULL;
      int64_t rank = -1;
      int i, j;
      CHECK_OK(lapis_linalg_lstsq(A.h, B.h, -1.0, &X, &RS, &rank, &S));
      CHECK(rank == n);
      CHECK(shape_is(X, 2, n, k, 0));
      CHECK(shape_is(RS, 1, k, 0, 0));
      CHECK(shape_is(S, 1, n, 0, 0));
      CHECK(dtype_of(RS) == real_of(dt) && dtype_of(S) == real_of(dt));
      get_mat(X, n, k, x);
      mm(m, n, k, a, x, res);
      for (i = 0; i < m * k; ++i) res[i] = csub(res[i], b[i]);
      ctrans(m, n, a, ah);
      mm(n, m, k, ah, res, ne); /* normal equations A^H (A x - b) = 0 */
      for (i = 0; i < n * k; ++i) CHECK(cabs_(ne[i]) < tol_of(dt, m));
      get_mat(RS, k, -1, rs);
      for (j = 0; j < k; ++j) {
        double want = 0;
        for (i = 0; i < m; ++i) want += cabs_(res[i * k + j]) * cabs_(res[i * k + j]);
        CHECK(fabs(rs[j].re - want) < tol_of(dt, m) * (1 + want));
      }
      CHECK_OK(lapis_linalg_pinv(A.h, -1.0, &P));
      CHECK(shape_is(P, 2, n, m, 0));
      get_mat(P, n, m, p);
      mm(n, m, n, p, a, pa);
      CHECK(maxdiff_eye(n, pa) < tol_of(dt, m) * 10);
      lapis_array_free(X);
      lapis_array_free(RS);
      lapis_array_free(S);
      lapis_array_free(P);
      free_arr(A);
      free_arr(B);
    }
    free(a);
    free(b);
    free(x);
    free(res);
    free(ah);
    free(ne);
    free(p);
    free(pa);
    free(rs);
  }
}

static void test_norm_cond_rank(void) {
  const int m = 5, n = 4;
  int d, l;
  for (d = 0; d < 4; ++d) {
    int32_t dt = DTYPES[d];
    cplx *a = new_mat(m, n), *s = new_mat(n, 1), *r1 = new_mat(m, n),
         *u = new_mat(m, 1), *v = new_mat(1, n), *rows = new_mat(m, 1);
    double fro = 0, maxrow = 0, maxcol = 0, nuc = 0, t = tol_of(dt, m);
    int i, j;
    random_mat(dt, m, n, a);
    for (i = 0; i < m; ++i) {
      double rsum = 0;
      for (j = 0; j < n; ++j) {
        fro += cabs_(a[i * n + j]) * cabs_(a[i * n + j]);
        rsum += cabs_(a[i * n + j]);
      }
      if (rsum > maxrow) maxrow = rsum;
    }
    fro = sqrt(fro);
    for (j = 0; j < n; ++j) {
      double csum = 0;
      for (i = 0; i < m; ++i) csum += cabs_(a[i * n + j]);
      if (csum > maxcol) maxcol = csum;
    }
    random_mat(dt, m, 1, u);
    random_mat(dt, 1, n, v);
    mm(m, 1, n, u, v, r1);
    for (l = 0; l < L_COUNT; ++l) {
      arr A = make_mat(dt, l, m, n, a), R1 = make_mat(dt, l, m, n, r1);
      lapis_array *S = NULL, *C = NULL, *NA = NULL;
      double out = -1;
      int64_t rank = -1, axis = -1;
      CHECK_OK(lapis_linalg_svdvals(A.h, &S));
      get_mat(S, n, -1, s);
      nuc = 0;
      for (i = 0; i < n; ++i) nuc += s[i].re;
      CHECK_OK(lapis_linalg_norm(A.h, LAPIS_NORM_DEFAULT, 0, &out));
      CHECK_CLOSE(out, fro, t * fro);
      CHECK_OK(lapis_linalg_norm(A.h, LAPIS_NORM_FRO, 0, &out));
      CHECK_CLOSE(out, fro, t * fro);
      CHECK_OK(lapis_linalg_norm(A.h, LAPIS_NORM_INF, 0, &out));
      CHECK_CLOSE(out, maxrow, t * maxrow);
      CHECK_OK(lapis_linalg_norm(A.h, LAPIS_NORM_P, 1.0, &out));
      CHECK_CLOSE(out, maxcol, t * maxcol);
      CHECK_OK(lapis_linalg_norm(A.h, LAPIS_NORM_P, 2.0, &out));
      CHECK_CLOSE(out, s[0].re, t * s[0].re);
      CHECK_OK(lapis_linalg_norm(A.h, LAPIS_NORM_NUC, 0, &out));
      CHECK_CLOSE(out, nuc, t * nuc);
      /* 1-norms of the rows */
      CHECK_OK(lapis_linalg_norm_axis(A.h, LAPIS_NORM_P, 1.0, &axis, 1, false, &NA));
      CHECK(dtype_of(NA) == real_of(dt));
      CHECK(shape_is(NA, 1, m, 0, 0));
      get_mat(NA, m, -1, rows);
      for (i = 0; i < m; ++i) {
        double rsum = 0;
        for (j = 0; j < n; ++j) rsum += cabs_(a[i * n + j]);
        CHECK_CLOSE(rows[i].re, rsum, t * rsum);
      }
      CHECK_OK(lapis_linalg_cond(A.h, LAPIS_NORM_DEFAULT, 0, &C));
      CHECK(shape_is(C, 0, 0, 0, 0));
      CHECK(dtype_of(C) == real_of(dt));
      CHECK_CLOSE(get0(C).re, s[0].re / s[n - 1].re, t * s[0].re / s[n - 1].re);
      CHECK_OK(lapis_linalg_matrix_rank(A.h, -1.0, &rank));
      CHECK(rank == n);
      CHECK_OK(lapis_linalg_matrix_rank(R1.h, -1.0, &rank));
      CHECK(rank == 1);
      CHECK_OK(lapis_linalg_matrix_rank(R1.h, 1e30, &rank));
      CHECK(rank == 0);
      lapis_array_free(S);
      lapis_array_free(C);
      lapis_array_free(NA);
      free_arr(A);
      free_arr(R1);
    }
    { /* vector norms */
      arr V = make_vec(dt, m, u);
      double out = -1, want1 = 0, want2 = 0, wantinf = 0, wantmin = 1e300;
      for (i = 0; i < m; ++i) {
        double x = cabs_(u[i]);
        want1 += x;
        want2 += x * x;
        if (x > wantinf) wantinf = x;
        if (x < wantmin) wantmin = x;
      }
      want2 = sqrt(want2);
      CHECK_OK(lapis_linalg_norm(V.h, LAPIS_NORM_DEFAULT, 0, &out));
      CHECK_CLOSE(out, want2, t);
      CHECK_OK(lapis_linalg_norm(V.h, LAPIS_NORM_P, 1.0, &out));
      CHECK_CLOSE(out, want1, t * want1);
      CHECK_OK(lapis_linalg_norm(V.h, LAPIS_NORM_INF, 0, &out));
      CHECK_CLOSE(out, wantinf, t);
      CHECK_OK(lapis_linalg_norm(V.h, LAPIS_NORM_NEG_INF, 0, &out));
      CHECK_CLOSE(out, wantmin, t);
      /* 'fro' is a matrix order */
      out = -7;
      CHECK_STATUS(lapis_linalg_norm(V.h, LAPIS_NORM_FRO, 0, &out),
                   LAPIS_ERR_INVALID_ARGUMENT);
      CHECK(out == -7);
      free_arr(V);
    }
    free(a);
    free(s);
    free(r1);
    free(u);
    free(v);
    free(rows);
  }
}

static void test_solve_triangular(void) {
  const int n = 5, k = 2;
  int d, l;
  for (d = 0; d < 4; ++d) {
    int32_t dt = DTYPES[d];
    cplx *a = new_mat(n, n), *lo = new_mat(n, n), *loh = new_mat(n, n),
         *b = new_mat(n, k), *x = new_mat(n, k), *r = new_mat(n, k);
    int i, j;
    general_mat(dt, n, a);
    for (i = 0; i < n; ++i)
      for (j = 0; j < n; ++j) lo[i * n + j] = j <= i ? a[i * n + j] : cx(0, 0);
    ctrans(n, n, lo, loh);
    random_mat(dt, n, k, b);
    for (l = 0; l < L_COUNT; ++l) {
      /* a's upper triangle is garbage that must not be read */
      arr A = make_mat(dt, l, n, n, a), B = make_mat(dt, l, n, k, b);
      lapis_array *X = NULL, *XH = NULL;
      CHECK_OK(lapis_linalg_solve_triangular(A.h, B.h, LAPIS_LOWER, LAPIS_NO_TRANS,
                                             LAPIS_NON_UNIT, &X));
      get_mat(X, n, k, x);
      mm(n, n, k, lo, x, r);
      CHECK(maxdiff(n * k, r, b) < tol_of(dt, n));
      CHECK_OK(lapis_linalg_solve_triangular(A.h, B.h, LAPIS_LOWER,
                                             LAPIS_CONJ_TRANS, LAPIS_NON_UNIT, &XH));
      get_mat(XH, n, k, x);
      mm(n, n, k, loh, x, r);
      CHECK(maxdiff(n * k, r, b) < tol_of(dt, n));
      lapis_array_free(X);
      lapis_array_free(XH);
      free_arr(A);
      free_arr(B);
    }
    free(a);
    free(lo);
    free(loh);
    free(b);
    free(x);
    free(r);
  }
}

/* A stack (2, n, n) of matrices: results per matrix. */
static void test_stack(void) {
  const int n = 3;
  cplx m0[9], m1[9], x[3];
  double buf[18];
  int64_t shape[3];
  lapis_array *A = NULL, *D = NULL, *W = NULL, *V = NULL;
  int i;
  general_mat(LAPIS_FLOAT64, n, m0);
  hermitian_mat(LAPIS_FLOAT64, n, m1);
  for (i = 0; i < 9; ++i) {
    buf[i] = m0[i].re;
    buf[9 + i] = m1[i].re;
  }
  shape[0] = 2;
  shape[1] = n;
  shape[2] = n;
  CHECK_OK(lapis_array_wrap_contiguous(buf, LAPIS_FLOAT64, 3, shape,
                                       LAPIS_ORDER_C, true, &A));
  CHECK_OK(lapis_linalg_det(A, &D));
  CHECK(shape_is(D, 1, 2, 0, 0));
  get_mat(D, 2, -1, x);
  {
    double d0 = m0[0].re * (m0[4].re * m0[8].re - m0[5].re * m0[7].re) -
                m0[1].re * (m0[3].re * m0[8].re - m0[5].re * m0[6].re) +
                m0[2].re * (m0[3].re * m0[7].re - m0[4].re * m0[6].re);
    CHECK_CLOSE(x[0].re, d0, 1e-12 * fabs(d0));
  }
  CHECK_OK(lapis_linalg_eigh(A, LAPIS_LOWER, &W, &V));
  CHECK(shape_is(W, 2, 2, n, 0));
  CHECK(shape_is(V, 3, 2, n, n));
  lapis_array_free(A);
  lapis_array_free(D);
  lapis_array_free(W);
  lapis_array_free(V);
}

static void test_errors(void) {
  /* singular: row 2 = 2 * row 1 */
  double sing[9] = {1, 2, 3, 2, 4, 6, 1, 0, 1};
  /* symmetric, not positive definite: the leading minor of order 2 is
   * 1 - 4 < 0 */
  double npd[9] = {1, 2, 0, 2, 1, 0, 0, 0, 1};
  double rect[6] = {1, 2, 3, 4, 5, 6};
  /* upper triangular with a zero on the diagonal */
  double tri0[9] = {1, 2, 3, 0, 0, 5, 0, 0, 1};
  double bvals[3] = {1, 1, 1};
  float b32vals[3] = {1, 1, 1};
  int64_t s33[2] = {3, 3}, s23[2] = {2, 3}, s3[1] = {3};
  lapis_array *S = NULL, *N = NULL, *R = NULL, *B = NULL, *B32 = NULL, *T0 = NULL;
  lapis_array *sentinel = (lapis_array *)&rng_state;
  lapis_array *out = sentinel, *out2 = sentinel, *out3 = sentinel;
  int64_t rank = -42;
  double dout = -42;
  lapis_complex128 zout;
  zout.re = -42;
  zout.im = -42;

  CHECK_OK(lapis_array_wrap_contiguous(sing, LAPIS_FLOAT64, 2, s33, LAPIS_ORDER_C, true, &S));
  CHECK_OK(lapis_array_wrap_contiguous(npd, LAPIS_FLOAT64, 2, s33, LAPIS_ORDER_C, true, &N));
  CHECK_OK(lapis_array_wrap_contiguous(rect, LAPIS_FLOAT64, 2, s23, LAPIS_ORDER_C, true, &R));
  CHECK_OK(lapis_array_wrap_contiguous(bvals, LAPIS_FLOAT64, 1, s3, LAPIS_ORDER_C, true, &B));
  CHECK_OK(lapis_array_wrap_contiguous(tri0, LAPIS_FLOAT64, 2, s33, LAPIS_ORDER_C, true, &T0));
  CHECK_OK(lapis_array_wrap_contiguous(b32vals, LAPIS_FLOAT32, 1, s3, LAPIS_ORDER_C, true, &B32));

  /* singular */
  CHECK_STATUS(lapis_linalg_solve(S, B, &out), LAPIS_ERR_SINGULAR);
  CHECK_MESSAGE("singular");
  CHECK(out == sentinel);
  CHECK_STATUS(lapis_linalg_inv(S, &out), LAPIS_ERR_SINGULAR);
  CHECK(out == sentinel);
  /* det of a singular matrix is 0, not an error */
  CHECK_OK(lapis_linalg_det_scalar(S, &zout));
  CHECK(zout.re == 0.0 && zout.im == 0.0);

  /* not positive definite: the failing minor is in the message */
  CHECK_STATUS(lapis_linalg_cholesky(N, LAPIS_LOWER, &out),
               LAPIS_ERR_NOT_POSITIVE_DEFINITE);
  CHECK_MESSAGE("leading minor of order 2");
  CHECK(out == sentinel);
  CHECK_STATUS(lapis_linalg_eigh_generalized(S, N, LAPIS_LOWER, &out, &out2),
               LAPIS_ERR_NOT_POSITIVE_DEFINITE);
  CHECK(out == sentinel && out2 == sentinel);

  /* non-square */
  CHECK_STATUS(lapis_linalg_solve(R, B, &out), LAPIS_ERR_SHAPE_MISMATCH);
  CHECK(out == sentinel);
  CHECK_STATUS(lapis_linalg_inv(R, &out), LAPIS_ERR_SHAPE_MISMATCH);
  CHECK_STATUS(lapis_linalg_det(R, &out), LAPIS_ERR_SHAPE_MISMATCH);
  CHECK_STATUS(lapis_linalg_cholesky(R, LAPIS_LOWER, &out), LAPIS_ERR_SHAPE_MISMATCH);
  CHECK_STATUS(lapis_linalg_eigh(R, LAPIS_LOWER, &out, &out2), LAPIS_ERR_SHAPE_MISMATCH);
  CHECK_STATUS(lapis_linalg_eig(R, &out, &out2), LAPIS_ERR_SHAPE_MISMATCH);
  CHECK(out == sentinel && out2 == sentinel);
  /* too few axes */
  CHECK_STATUS(lapis_linalg_inv(B, &out), LAPIS_ERR_SHAPE_MISMATCH);
  CHECK_STATUS(lapis_linalg_matrix_rank(B, -1.0, &rank), LAPIS_ERR_SHAPE_MISMATCH);
  CHECK(rank == -42);

  /* dtype mismatch */
  CHECK_STATUS(lapis_linalg_solve(N, B32, &out), LAPIS_ERR_BAD_DTYPE);
  CHECK(out == sentinel);
  CHECK_STATUS(lapis_linalg_lstsq(N, B32, -1.0, &out, &out2, &rank, &out3),
               LAPIS_ERR_BAD_DTYPE);
  CHECK(out == sentinel && out2 == sentinel && out3 == sentinel && rank == -42);

  /* NULL arguments */
  CHECK_STATUS(lapis_linalg_solve(NULL, B, &out), LAPIS_ERR_NULL_ARGUMENT);
  CHECK_MESSAGE("'a'");
  CHECK_STATUS(lapis_linalg_solve(N, NULL, &out), LAPIS_ERR_NULL_ARGUMENT);
  CHECK_STATUS(lapis_linalg_solve(N, B, NULL), LAPIS_ERR_NULL_ARGUMENT);
  CHECK_MESSAGE("'out'");
  CHECK_STATUS(lapis_linalg_inv(N, NULL), LAPIS_ERR_NULL_ARGUMENT);
  CHECK_STATUS(lapis_linalg_eigh(NULL, LAPIS_LOWER, &out, &out2), LAPIS_ERR_NULL_ARGUMENT);
  CHECK_STATUS(lapis_linalg_eigh_generalized(N, NULL, LAPIS_LOWER, &out, &out2),
               LAPIS_ERR_NULL_ARGUMENT);
  CHECK_STATUS(lapis_linalg_norm(N, LAPIS_NORM_DEFAULT, 0, NULL), LAPIS_ERR_NULL_ARGUMENT);
  CHECK_STATUS(lapis_linalg_det_scalar(NULL, &zout), LAPIS_ERR_NULL_ARGUMENT);
  CHECK_STATUS(lapis_linalg_matrix_rank(N, -1.0, NULL), LAPIS_ERR_NULL_ARGUMENT);
  CHECK(out == sentinel && out2 == sentinel);

  /* bad option codes */
  CHECK_STATUS(lapis_linalg_cholesky(N, 7, &out), LAPIS_ERR_INVALID_ARGUMENT);
  CHECK_MESSAGE("uplo");
  CHECK_STATUS(lapis_linalg_eigh(N, -1, &out, &out2), LAPIS_ERR_INVALID_ARGUMENT);
  CHECK_STATUS(lapis_linalg_eigh_generalized(N, N, 2, &out, &out2),
               LAPIS_ERR_INVALID_ARGUMENT);
  CHECK_STATUS(lapis_linalg_qr(N, 9, &out, &out2), LAPIS_ERR_INVALID_ARGUMENT);
  CHECK_MESSAGE("mode");
  CHECK_STATUS(lapis_linalg_norm(N, 99, 0, &dout), LAPIS_ERR_INVALID_ARGUMENT);
  CHECK_STATUS(lapis_linalg_norm(N, LAPIS_NORM_P, NAN, &dout), LAPIS_ERR_INVALID_ARGUMENT);
  CHECK_STATUS(lapis_linalg_norm(N, LAPIS_NORM_P, 3.0, &dout), LAPIS_ERR_INVALID_ARGUMENT);
  CHECK(dout == -42);
  CHECK_STATUS(lapis_linalg_solve_triangular(N, B, LAPIS_LOWER, 5, LAPIS_NON_UNIT, &out),
               LAPIS_ERR_INVALID_ARGUMENT);
  CHECK_STATUS(lapis_linalg_solve_triangular(N, B, LAPIS_LOWER, LAPIS_NO_TRANS, 5, &out),
               LAPIS_ERR_INVALID_ARGUMENT);
  CHECK(out == sentinel && out2 == sentinel);
  {
    int64_t ax = 5;
    /* an out-of-range axis is an index error, as everywhere in lapis */
    CHECK_STATUS(lapis_linalg_norm_axis(N, LAPIS_NORM_DEFAULT, 0, &ax, 1, false, &out),
                 LAPIS_ERR_INDEX);
    CHECK_MESSAGE("lapis_linalg_norm_axis: axis 5 is out of bounds");
    CHECK_STATUS(lapis_linalg_norm_axis(N, LAPIS_NORM_DEFAULT, 0, &ax, 3, false, &out),
                 LAPIS_ERR_INVALID_ARGUMENT);
    CHECK(out == sentinel);
  }
  /* Messages name the C function and its parameters, not the Rust
   * routine (eigh without vectors runs eigvalsh) or its argument names
   * (the Rust eigh_generalized calls its pair a, b; norm calls x a). */
  {
    double nanm[9] = {1, 0, 0, 0, NAN, 0, 0, 0, 1};
    lapis_array *Nan = NULL, *E00 = NULL, *E03 = NULL;
    int64_t s00[2] = {0, 0}, s03[2] = {0, 3}, ax3 = 3;
    CHECK_OK(lapis_array_wrap_contiguous(nanm, LAPIS_FLOAT64, 2, s33, LAPIS_ORDER_C, true, &Nan));
    CHECK_STATUS(lapis_linalg_eigh(Nan, LAPIS_LOWER, &out, NULL), LAPIS_ERR_NON_FINITE);
    CHECK_MESSAGE("lapis_linalg_eigh: a contains infinities or NaNs");
    CHECK_STATUS(lapis_linalg_eigh(Nan, LAPIS_UPPER, &out, &out2), LAPIS_ERR_NON_FINITE);
    CHECK_MESSAGE("lapis_linalg_eigh: a ");
    CHECK_STATUS(lapis_linalg_eigh_generalized(N, Nan, LAPIS_LOWER, &out, &out2),
                 LAPIS_ERR_NON_FINITE);
    CHECK_MESSAGE("lapis_linalg_eigh_generalized: s contains infinities or NaNs");
    CHECK_STATUS(lapis_linalg_eigh_generalized(Nan, N, LAPIS_LOWER, &out, NULL),
                 LAPIS_ERR_NON_FINITE);
    CHECK_MESSAGE("lapis_linalg_eigh_generalized: h contains infinities or NaNs");
    CHECK_STATUS(lapis_linalg_eigh_generalized(S, N, LAPIS_LOWER, &out, &out2),
                 LAPIS_ERR_NOT_POSITIVE_DEFINITE);
    CHECK_MESSAGE("lapis_linalg_eigh_generalized: ");
    CHECK_STATUS(lapis_linalg_norm(Nan, LAPIS_NORM_DEFAULT, 0, &dout), LAPIS_ERR_NON_FINITE);
    CHECK_MESSAGE("lapis_linalg_norm: x contains infinities or NaNs");
    CHECK_STATUS(lapis_linalg_lstsq(Nan, B, -1.0, &out, &out2, &rank, &out3),
                 LAPIS_ERR_NON_FINITE);
    CHECK_MESSAGE("lapis_linalg_lstsq: a contains infinities or NaNs");
    CHECK_STATUS(lapis_linalg_inv(S, &out), LAPIS_ERR_SINGULAR);
    CHECK_MESSAGE("lapis_linalg_inv: matrix is singular");
    CHECK_STATUS(lapis_linalg_cholesky(N, LAPIS_UPPER, &out), LAPIS_ERR_NOT_POSITIVE_DEFINITE);
    CHECK_MESSAGE("lapis_linalg_cholesky: matrix is not positive definite");
    CHECK(out == sentinel && out2 == sentinel && out3 == sentinel && rank == -42);
    CHECK(dout == -42);

    /* NaN in the triangle that is not read: ignored by every routine */
    /* (1,1) is on the diagonal: read by both triangles */
    CHECK_STATUS(lapis_linalg_cholesky(Nan, LAPIS_LOWER, &out), LAPIS_ERR_NON_FINITE);
    nanm[4] = 2;
    nanm[1] = NAN; /* row 0, column 1: upper triangle */
    CHECK_OK(lapis_linalg_cholesky(Nan, LAPIS_LOWER, &out));
    lapis_array_free(out);
    CHECK_OK(lapis_linalg_eigh(Nan, LAPIS_LOWER, &out, NULL));
    lapis_array_free(out);
    CHECK_STATUS(lapis_linalg_cholesky(Nan, LAPIS_UPPER, &out), LAPIS_ERR_NON_FINITE);
    out = sentinel;

    /* empty inputs: NumPy 2.4's maxima of nothing are 0, minima errors;
     * cond of an empty matrix is LinAlgError in NumPy, INVALID_VALUE here */
    CHECK_OK(lapis_zeros(2, s03, LAPIS_FLOAT64, LAPIS_ORDER_C, &E03));
    CHECK_OK(lapis_zeros(2, s00, LAPIS_COMPLEX128, LAPIS_ORDER_C, &E00));
    dout = -1;
    CHECK_OK(lapis_linalg_norm(E03, LAPIS_NORM_P, 2.0, &dout));
    CHECK(dout == 0.0);
    dout = -1;
    CHECK_OK(lapis_linalg_norm(E03, LAPIS_NORM_INF, 0, &dout));
    CHECK(dout == 0.0);
    CHECK_STATUS(lapis_linalg_norm(E03, LAPIS_NORM_NEG_INF, 0, &dout), LAPIS_ERR_INVALID_VALUE);
    CHECK_STATUS(lapis_linalg_norm(E00, LAPIS_NORM_NEG_INF, 0, &dout), LAPIS_ERR_INVALID_VALUE);
    CHECK_STATUS(lapis_linalg_norm(E03, LAPIS_NORM_P, -2.0, &dout), LAPIS_ERR_INVALID_VALUE);
    CHECK_STATUS(lapis_linalg_cond(E00, LAPIS_NORM_DEFAULT, 0, &out), LAPIS_ERR_INVALID_VALUE);
    CHECK_MESSAGE("lapis_linalg_cond: a is empty");
    CHECK_STATUS(lapis_linalg_cond(E00, LAPIS_NORM_P, 1.0, &out), LAPIS_ERR_INVALID_VALUE);
    CHECK_STATUS(lapis_linalg_cond(E03, LAPIS_NORM_FRO, 0, &out), LAPIS_ERR_INVALID_VALUE);
    CHECK(out == sentinel);
    /* axis 3 of a 2-d array: an index error like every other bad axis */
    CHECK_STATUS(lapis_linalg_norm_axis(E03, LAPIS_NORM_DEFAULT, 0, &ax3, 1, false, &out),
                 LAPIS_ERR_INDEX);
    CHECK(out == sentinel);
    lapis_array_free(Nan);
    lapis_array_free(E00);
    lapis_array_free(E03);
  }

  /* singular triangular */
  CHECK_STATUS(lapis_linalg_solve_triangular(T0, B, LAPIS_UPPER, LAPIS_NO_TRANS,
                                             LAPIS_NON_UNIT, &out),
               LAPIS_ERR_SINGULAR);
  CHECK(out == sentinel);

  lapis_array_free(S);
  lapis_array_free(N);
  lapis_array_free(R);
  lapis_array_free(B);
  lapis_array_free(B32);
  lapis_array_free(T0);
}

int main(void) {
  test_solve();
  test_inv_lu_det();
  test_cholesky();
  test_eigh();
  test_eigh_generalized();
  test_svd();
  test_qr();
  test_eig();
  test_lstsq_pinv();
  test_norm_cond_rank();
  test_solve_triangular();
  test_stack();
  test_errors();
  return check_summary("test_linalg");
}
