/* The linalg entry points added for issue 21 (cholesky_inplace,
 * cho_factor/cho_solve, lu_factor/lu_solve, qr_raw,
 * eigh_generalized_subset with itype 1-3 and index/value ranges,
 * lstsq_rcond, matrix_rank_stacked) on the four dtypes, each checked by a
 * residual or identity computed here with naive loops (L L^H - A,
 * A x - b, Q R - A with Q rebuilt from the reflectors, the generalized
 * problem's residual and normalization, ranks of matrices built with a
 * known rank), plus their error cases. */
#include <stdint.h>
#include <stdlib.h>

#include "check.h"

#include "linalg_util.h"



/* ------------------------------------------------------------------ */
/* Tests                                                               */
/* ------------------------------------------------------------------ */

static void test_cholesky_inplace(void) {
  const int n = 5;
  const int layouts[3] = {L_C, L_F, L_STRIDED};
  int d, l, u, i, j;
  for (d = 0; d < 4; ++d) {
    int32_t dt = DTYPES[d];
    cplx *a = new_mat(n, n), *f = new_mat(n, n), *fh = new_mat(n, n),
         *ll = new_mat(n, n);
    hpd_mat(dt, n, a);
    for (l = 0; l < 3; ++l)
      for (u = 0; u < 2; ++u) {
        int32_t uplo = u ? LAPIS_LOWER : LAPIS_UPPER;
        arr A = make_mat_w(dt, layouts[l], n, n, a, false);
        CHECK_OK(lapis_linalg_cholesky_inplace(A.h, uplo));
        get_mat(A.h, n, n, f);
        ctrans(n, n, f, fh);
        if (uplo == LAPIS_LOWER)
          mm(n, n, n, f, fh, ll);
        else
          mm(n, n, n, fh, f, ll);
        CHECK(maxdiff(n * n, ll, a) < tol_of(dt, n) * 2 * n);
        for (i = 0; i < n; ++i)
          for (j = 0; j < n; ++j)
            if (uplo == LAPIS_LOWER ? j > i : i > j)
              CHECK(cabs_(f[i * n + j]) == 0.0);
        free_arr(A);
      }
    {
      /* read-only memory, and a matrix that is not positive definite */
      arr R = make_mat(dt, L_C, n, n, a);
      cplx *neg = new_mat(n, n);
      arr N;
      CHECK_STATUS(lapis_linalg_cholesky_inplace(R.h, LAPIS_LOWER),
                   LAPIS_ERR_READ_ONLY);
      for (i = 0; i < n; ++i) neg[i * n + i] = cx(i == 2 ? -1.0 : 1.0, 0.0);
      N = make_mat_w(dt, L_F, n, n, neg, false);
      CHECK_STATUS(lapis_linalg_cholesky_inplace(N.h, LAPIS_LOWER),
                   LAPIS_ERR_NOT_POSITIVE_DEFINITE);
      CHECK(strstr(lapis_last_error(), "cholesky_inplace") != NULL);
      CHECK_STATUS(lapis_linalg_cholesky_inplace(N.h, 7),
                   LAPIS_ERR_INVALID_ARGUMENT);
      free_arr(R);
      free_arr(N);
      free(neg);
    }
    free(a);
    free(f);
    free(fh);
    free(ll);
  }
}

static void test_cho_factor_solve(void) {
  const int n = 6, k = 2;
  int d, u;
  for (d = 0; d < 4; ++d) {
    int32_t dt = DTYPES[d];
    cplx *a = new_mat(n, n), *b = new_mat(n, k), *x = new_mat(n, k),
         *ax = new_mat(n, k);
    hpd_mat(dt, n, a);
    random_mat(dt, n, k, b);
    for (u = 0; u < 2; ++u) {
      int32_t uplo = u ? LAPIS_LOWER : LAPIS_UPPER;
      arr A = make_mat(dt, u ? L_T : L_NEG, n, n, a), B = make_mat(dt, L_C, n, k, b);
      lapis_array *C = NULL, *X = NULL;
      CHECK_OK(lapis_linalg_cho_factor(A.h, uplo, &C));
      CHECK_OK(lapis_linalg_cho_solve(C, uplo, B.h, &X));
      if (X) {
        CHECK(dtype_of(X) == dt && shape_is(X, 2, n, k, 0));
        get_mat(X, n, k, x);
        mm(n, n, k, a, x, ax);
        CHECK(maxdiff(n * k, ax, b) < tol_of(dt, n) * n);
      }
      CHECK_STATUS(lapis_linalg_cho_solve(C, 5, B.h, &X), LAPIS_ERR_INVALID_ARGUMENT);
      CHECK_STATUS(lapis_linalg_cho_solve(C, uplo, B.h, NULL), LAPIS_ERR_NULL_ARGUMENT);
      lapis_array_free(C);
      lapis_array_free(X);
      free_arr(A);
      free_arr(B);
    }
    free(a);
    free(b);
    free(x);
    free(ax);
  }
}

static void test_lu_factor_solve(void) {
  const int n = 6, k = 3;
  int d, t, i, j;
  const int32_t trans[3] = {LAPIS_NO_TRANS, LAPIS_TRANS, LAPIS_CONJ_TRANS};
  for (d = 0; d < 4; ++d) {
    int32_t dt = DTYPES[d];
    cplx *a = new_mat(n, n), *op = new_mat(n, n), *b = new_mat(n, k),
         *x = new_mat(n, k), *ax = new_mat(n, k);
    int64_t piv[6], before[6];
    arr A, B;
    lapis_array *LU = NULL;
    general_mat(dt, n, a);
    random_mat(dt, n, k, b);
    A = make_mat(dt, L_STRIDED, n, n, a);
    B = make_mat(dt, L_F, n, k, b);
    CHECK_OK(lapis_linalg_lu_factor(A.h, &LU, piv, n));
    for (i = 0; i < n; ++i) CHECK(piv[i] >= i && piv[i] < n);
    for (t = 0; t < 3; ++t) {
      lapis_array *X = NULL;
      CHECK_OK(lapis_linalg_lu_solve(LU, n, piv, B.h, trans[t], &X));
      for (i = 0; i < n; ++i)
        for (j = 0; j < n; ++j)
          op[i * n + j] = t == 0   ? a[i * n + j]
                          : t == 1 ? a[j * n + i]
                                   : cconj(a[j * n + i]);
      if (X) {
        get_mat(X, n, k, x);
        mm(n, n, k, op, x, ax);
        CHECK(maxdiff(n * k, ax, b) < tol_of(dt, n) * n);
      }
      lapis_array_free(X);
    }
    {
      /* errors: piv_len, pivots out of range, nothing written on error */
      lapis_array *X = NULL, *LU2 = NULL;
      int64_t bad[6];
      for (i = 0; i < n; ++i) before[i] = bad[i] = -7;
      CHECK_STATUS(lapis_linalg_lu_factor(A.h, &LU2, before, n - 1),
                   LAPIS_ERR_SHAPE_MISMATCH);
      CHECK(before[0] == -7 && LU2 == NULL);
      CHECK_STATUS(lapis_linalg_lu_factor(A.h, &LU2, NULL, n), LAPIS_ERR_NULL_ARGUMENT);
      CHECK_STATUS(lapis_linalg_lu_solve(LU, n, bad, B.h, LAPIS_NO_TRANS, &X),
                   LAPIS_ERR_INVALID_ARGUMENT);
      for (i = 0; i < n; ++i) bad[i] = n;
      CHECK_STATUS(lapis_linalg_lu_solve(LU, n, bad, B.h, LAPIS_NO_TRANS, &X),
                   LAPIS_ERR_INVALID_ARGUMENT);
      CHECK_STATUS(lapis_linalg_lu_solve(LU, n - 1, piv, B.h, LAPIS_NO_TRANS, &X),
                   LAPIS_ERR_SHAPE_MISMATCH);
      CHECK(X == NULL);
    }
    lapis_array_free(LU);
    free_arr(A);
    free_arr(B);
    free(a);
    free(op);
    free(b);
    free(x);
    free(ax);
  }
}

/* Q = H(0)...H(k-1), H(i) = I - tau[i] v v^H, v[i] = 1, v[r > i] = h[r, i] */
static void q_from_raw(int m, int n, const cplx *h, const cplx *tau, cplx *q) {
  int i, r, c, k = m < n ? m : n;
  cplx *v = new_mat(m, 1), *hi = new_mat(m, m), *t = new_mat(m, m);
  for (r = 0; r < m; ++r)
    for (c = 0; c < m; ++c) q[r * m + c] = cx(r == c ? 1.0 : 0.0, 0.0);
  for (i = 0; i < k; ++i) {
    for (r = 0; r < m; ++r) v[r] = r < i ? cx(0, 0) : r == i ? cx(1, 0) : h[r * n + i];
    for (r = 0; r < m; ++r)
      for (c = 0; c < m; ++c)
        hi[r * m + c] = csub(cx(r == c ? 1.0 : 0.0, 0.0),
                             cmul(tau[i], cmul(v[r], cconj(v[c]))));
    mm(m, m, m, q, hi, t);
    memcpy(q, t, sizeof(cplx) * (size_t)(m * m));
  }
  free(v);
  free(hi);
  free(t);
}

static void test_qr_raw(void) {
  const int shapes[3][2] = {{5, 3}, {3, 5}, {4, 4}};
  int d, s, i, j;
  for (d = 0; d < 4; ++d) {
    int32_t dt = DTYPES[d];
    for (s = 0; s < 3; ++s) {
      int m = shapes[s][0], n = shapes[s][1], k = m < n ? m : n;
      cplx *a = new_mat(m, n), *h = new_mat(m, n), *tau = new_mat(k, 1),
           *q = new_mat(m, m), *r = new_mat(m, n), *qr = new_mat(m, n);
      arr A;
      lapis_array *H = NULL, *T = NULL;
      random_mat(dt, m, n, a);
      A = make_mat(dt, L_T, m, n, a);
      CHECK_OK(lapis_linalg_qr_raw(A.h, &H, &T));
      if (H && T) {
        CHECK(dtype_of(H) == dt && dtype_of(T) == dt);
        CHECK(shape_is(H, 2, m, n, 0) && shape_is(T, 1, k, 0, 0));
        get_mat(H, m, n, h);
        get_mat(T, k, -1, tau);
        q_from_raw(m, n, h, tau, q);
        for (i = 0; i < m; ++i)
          for (j = 0; j < n; ++j) r[i * n + j] = j >= i ? h[i * n + j] : cx(0, 0);
        mm(m, m, n, q, r, qr);
        CHECK(maxdiff(m * n, qr, a) < tol_of(dt, m + n));
      }
      lapis_array_free(H);
      lapis_array_free(T);
      free_arr(A);
      free(a);
      free(h);
      free(tau);
      free(q);
      free(r);
      free(qr);
    }
  }
}

/* x (n x cols) scaled column-wise by e */
static void scale_cols(int n, int cols, const cplx *x, const cplx *e, cplx *out) {
  int i, j;
  for (i = 0; i < n; ++i)
    for (j = 0; j < cols; ++j) out[i * cols + j] = cmul(x[i * cols + j], cx(e[j].re, 0));
}

static void test_eigh_generalized_subset(void) {
  const int n = 6;
  int d, it, u, rg;
  for (d = 0; d < 4; ++d) {
    int32_t dt = DTYPES[d];
    cplx *h = new_mat(n, n), *s = new_mat(n, n), *all = new_mat(n, 1),
         *e = new_mat(n, 1), *x = new_mat(n, n), *xh = new_mat(n, n),
         *t1 = new_mat(n, n), *t2 = new_mat(n, n), *lhs = new_mat(n, n),
         *rhs = new_mat(n, n), *g = new_mat(n, n);
    arr H, S;
    hermitian_mat(dt, n, h);
    hpd_mat(dt, n, s);
    H = make_mat(dt, L_F, n, n, h);
    S = make_mat(dt, L_C, n, n, s);
    for (it = 1; it <= 3; ++it)
      for (u = 0; u < 2; ++u) {
        int32_t uplo = u ? LAPIS_LOWER : LAPIS_UPPER;
        lapis_array *W = NULL;
        CHECK_OK(lapis_linalg_eigh_generalized_subset(H.h, S.h, uplo, it, LAPIS_EIG_ALL,
                                                      0, 0, &W, NULL));
        if (!W) continue;
        get_mat(W, n, -1, all);
        lapis_array_free(W);
        for (rg = 0; rg < 3; ++rg) {
          int32_t range = rg == 0 ? LAPIS_EIG_ALL : rg == 1 ? LAPIS_EIG_INDEX : LAPIS_EIG_VALUE;
          double lo = rg == 1 ? 1.0 : (all[2].re + all[3].re) / 2;
          double hi = rg == 1 ? 3.0 : all[n - 1].re + 1.0;
          int first = rg == 0 ? 0 : rg == 1 ? 1 : 3, cnt = rg == 0 ? n : 3, i;
          lapis_array *Wk = NULL, *X = NULL;
          double scale = 4.0 * n * n;
          CHECK_OK(lapis_linalg_eigh_generalized_subset(H.h, S.h, uplo, it, range, lo, hi,
                                                        &Wk, &X));
          if (!Wk || !X) continue;
          CHECK(dtype_of(Wk) == real_of(dt) && dtype_of(X) == dt);
          CHECK(shape_is(Wk, 1, cnt, 0, 0) && shape_is(X, 2, n, cnt, 0));
          get_mat(Wk, cnt, -1, e);
          get_mat(X, n, cnt, x);
          for (i = 0; i < cnt; ++i) CHECK(fabs(e[i].re - all[first + i].re) < tol_of(dt, n) * scale);
          /* residual of the problem, and the normalization SciPy documents */
          ctrans(n, cnt, x, xh);
          if (it == 1) {
            mm(n, n, cnt, h, x, lhs);
            mm(n, n, cnt, s, x, t1);
            scale_cols(n, cnt, t1, e, rhs);
          } else if (it == 2) {
            mm(n, n, cnt, s, x, t1);
            mm(n, n, cnt, h, t1, lhs);
            scale_cols(n, cnt, x, e, rhs);
          } else {
            mm(n, n, cnt, h, x, t1);
            mm(n, n, cnt, s, t1, lhs);
            scale_cols(n, cnt, x, e, rhs);
          }
          CHECK(maxdiff(n * cnt, lhs, rhs) < tol_of(dt, n) * scale * 10);
          if (it != 3) {
            mm(n, n, cnt, s, x, t1);
          } else {
            /* S^{-1} X by lapis's solve */
            arr Xa = make_mat(dt, L_C, n, cnt, x);
            lapis_array *Y = NULL;
            CHECK_OK(lapis_linalg_solve(S.h, Xa.h, &Y));
            if (Y) get_mat(Y, n, cnt, t1);
            lapis_array_free(Y);
            free_arr(Xa);
          }
          mm(cnt, n, cnt, xh, t1, g);
          CHECK(maxdiff_eye(cnt, g) < tol_of(dt, n) * 10);
          lapis_array_free(Wk);
          lapis_array_free(X);
        }
      }
    {
      lapis_array *W = NULL;
      CHECK_STATUS(lapis_linalg_eigh_generalized_subset(H.h, S.h, LAPIS_LOWER, 4, LAPIS_EIG_ALL,
                                                        0, 0, &W, NULL),
                   LAPIS_ERR_INVALID_ARGUMENT);
      CHECK(strstr(lapis_last_error(), "itype") != NULL);
      CHECK_STATUS(lapis_linalg_eigh_generalized_subset(H.h, S.h, LAPIS_LOWER, 1, 9, 0, 0, &W,
                                                        NULL),
                   LAPIS_ERR_INVALID_ARGUMENT);
      CHECK_STATUS(lapis_linalg_eigh_generalized_subset(H.h, S.h, LAPIS_LOWER, 1,
                                                        LAPIS_EIG_INDEX, 0.5, 2, &W, NULL),
                   LAPIS_ERR_INVALID_ARGUMENT);
      CHECK_STATUS(lapis_linalg_eigh_generalized_subset(H.h, S.h, LAPIS_LOWER, 1,
                                                        LAPIS_EIG_INDEX, 2, n, &W, NULL),
                   LAPIS_ERR_INVALID_ARGUMENT);
      CHECK_STATUS(lapis_linalg_eigh_generalized_subset(H.h, S.h, LAPIS_LOWER, 1,
                                                        LAPIS_EIG_VALUE, NAN, 1, &W, NULL),
                   LAPIS_ERR_INVALID_ARGUMENT);
      CHECK(W == NULL);
    }
    free_arr(H);
    free_arr(S);
    free(h);
    free(s);
    free(all);
    free(e);
    free(x);
    free(xh);
    free(t1);
    free(t2);
    free(lhs);
    free(rhs);
    free(g);
  }
}

static void test_lstsq_rcond(void) {
  /* diag(1, 1, 2 eps): machine precision (NumPy's rcond=-1) keeps the
   * small singular value, the default eps * max(M, N) drops it. */
  int d;
  for (d = 0; d < 4; ++d) {
    int32_t dt = DTYPES[d];
    cplx a[9], b[3] = {{1, 0}, {1, 0}, {0, 0}};
    arr A, B;
    int64_t rank = -1;
    lapis_array *X = NULL;
    int i;
    memset(a, 0, sizeof a);
    for (i = 0; i < 3; ++i) a[i * 3 + i] = cx(i == 2 ? 2 * eps_of(dt) : 1.0, 0.0);
    A = make_mat(dt, L_F, 3, 3, a);
    B = make_vec(dt, 3, b);
    CHECK_OK(lapis_linalg_lstsq_rcond(A.h, B.h, LAPIS_RCOND_DEFAULT, 0.0, NULL, NULL, &rank, NULL));
    CHECK(rank == 2);
    CHECK_OK(lapis_linalg_lstsq_rcond(A.h, B.h, LAPIS_RCOND_VALUE, -1.0, NULL, NULL, &rank, NULL));
    CHECK(rank == 3);
    CHECK_OK(lapis_linalg_lstsq_rcond(A.h, B.h, LAPIS_RCOND_VALUE, 0.5, &X, NULL, &rank, NULL));
    CHECK(rank == 2);
    if (X) {
      cplx x[3];
      get_mat(X, 3, -1, x);
      CHECK(fabs(x[0].re - 1) < tol_of(dt, 3) && fabs(x[1].re - 1) < tol_of(dt, 3) &&
            cabs_(x[2]) == 0.0);
    }
    /* lapis_linalg_lstsq: a negative rcond is the default */
    CHECK_OK(lapis_linalg_lstsq(A.h, B.h, -1.0, NULL, NULL, &rank, NULL));
    CHECK(rank == 2);
    rank = -1;
    CHECK_STATUS(lapis_linalg_lstsq_rcond(A.h, B.h, 2, 0.0, NULL, NULL, &rank, NULL),
                 LAPIS_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(lapis_linalg_lstsq_rcond(A.h, B.h, LAPIS_RCOND_VALUE, NAN, NULL, NULL, &rank, NULL),
                 LAPIS_ERR_INVALID_ARGUMENT);
    CHECK(rank == -1);
    lapis_array_free(X);
    free_arr(A);
    free_arr(B);
  }
}

static void test_matrix_rank_stacked(void) {
  const int m = 5, n = 4, count = 6;
  const int ranks[6] = {1, 4, 0, 2, 3, 4};
  int d, c, i;
  for (d = 0; d < 4; ++d) {
    int32_t dt = DTYPES[d];
    size_t is = itemsize(dt);
    void *buf = malloc((size_t)(count * m * n) * is);
    cplx *p = new_mat(m, 4), *q = new_mat(4, n), *a = new_mat(m, n);
    int64_t shape[4] = {2, 3, 5, 4}, out[6], one = -1;
    lapis_array *A = NULL, *A0 = NULL;
    for (c = 0; c < count; ++c) {
      random_mat(dt, m, ranks[c], p);
      random_mat(dt, ranks[c], n, q);
      mm(m, ranks[c], n, p, q, a);
      for (i = 0; i < m * n; ++i) put_elem(buf, dt, (int64_t)c * m * n + i, a[i]);
    }
    CHECK_OK(lapis_array_wrap_contiguous(buf, dt, 4, shape, LAPIS_ORDER_C, true, &A));
    CHECK_OK(lapis_linalg_matrix_rank_stacked(A, -1.0, out, count));
    for (c = 0; c < count; ++c) CHECK(out[c] == ranks[c]);
    CHECK_OK(lapis_array_wrap_contiguous(buf, dt, 2, shape + 2, LAPIS_ORDER_C, true, &A0));
    CHECK_OK(lapis_linalg_matrix_rank_stacked(A0, -1.0, &one, 1));
    CHECK(one == ranks[0]);
    CHECK_OK(lapis_linalg_matrix_rank_stacked(A0, 1e30, &one, 1));
    CHECK(one == 0);
    out[0] = -7;
    CHECK_STATUS(lapis_linalg_matrix_rank_stacked(A, -1.0, out, count - 1),
                 LAPIS_ERR_SHAPE_MISMATCH);
    CHECK_STATUS(lapis_linalg_matrix_rank_stacked(A, -1.0, NULL, count), LAPIS_ERR_NULL_ARGUMENT);
    CHECK_STATUS(lapis_linalg_matrix_rank_stacked(A, NAN, out, count), LAPIS_ERR_INVALID_ARGUMENT);
    CHECK(out[0] == -7);
    lapis_array_free(A);
    lapis_array_free(A0);
    free(buf);
    free(p);
    free(q);
    free(a);
  }
}

int main(void) {
  test_cholesky_inplace();
  test_cho_factor_solve();
  test_lu_factor_solve();
  test_qr_raw();
  test_eigh_generalized_subset();
  test_lstsq_rcond();
  test_matrix_rank_stacked();
  return check_summary("test_linalg_more");
}
