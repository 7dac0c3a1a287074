/* The matmul family over the C ABI: values vs naive C loops on all four
 * dtypes, F-order / transposed inputs, out= in F order, dot, vdot, inner,
 * outer, tensordot, einsum, kron, trace, errors. */
#include "num_util.h"

static double AR[12], AI[12], BR[8], BI[8];
static const int64_t SA[2] = {3, 4}, SB[2] = {4, 2};

static void fill_data(void) {
  int i;
  for (i = 0; i < 12; ++i) {
    AR[i] = sin(0.5 + i);
    AI[i] = cos(1.5 * i);
  }
  for (i = 0; i < 8; ++i) {
    BR[i] = cos(0.2 + 0.9 * i);
    BI[i] = sin(2.0 * i);
  }
}

/* naive C = A(3x4) B(4x2) */
static void naive(int c, double *cr, double *ci) {
  int i, j, k;
  for (i = 0; i < 3; ++i)
    for (j = 0; j < 2; ++j) {
      double sr = 0, si = 0;
      for (k = 0; k < 4; ++k) {
        double ar = AR[4 * i + k], ai = c ? AI[4 * i + k] : 0;
        double br = BR[2 * k + j], bi = c ? BI[2 * k + j] : 0;
        sr += ar * br - ai * bi;
        si += ar * bi + ai * br;
      }
      cr[2 * i + j] = sr;
      ci[2 * i + j] = si;
    }
}

static void products(lapis_dtype dt) {
  lapis_array *a = mk(dt, 2, SA, AR, AI), *b = mk(dt, 2, SB, BR, BI), *r = NULL;
  double cr[6], ci[6];
  int c = is_cplx(dt), i, j;
  naive(c, cr, ci);
  CHECK_OK(lapis_matmul(a, b, &r));
  CHECK(dtype_of(r) == dt);
  check_values(r, 6, cr, ci, tol_of(dt), "matmul");
  lapis_array_free(r);
  CHECK_OK(lapis_dot(a, b, &r));
  check_values(r, 6, cr, ci, tol_of(dt), "dot 2-d");
  lapis_array_free(r);
  {
    const char *subs = "ij,jk->ik";
    const lapis_array *ops[2];
    ops[0] = a;
    ops[1] = b;
    CHECK_OK(lapis_einsum(subs, 2, ops, &r));
    check_values(r, 6, cr, ci, tol_of(dt), "einsum ij,jk->ik");
    lapis_array_free(r);
  }
  CHECK_OK(lapis_tensordot(a, b, 1, &r));
  check_values(r, 6, cr, ci, tol_of(dt), "tensordot 1");
  lapis_array_free(r);
  {
    int64_t ax[1] = {1}, bx[1] = {0};
    CHECK_OK(lapis_tensordot_axes(a, b, 1, ax, bx, &r));
    check_values(r, 6, cr, ci, tol_of(dt), "tensordot axes");
    lapis_array_free(r);
  }
  /* B^T given as a transposed view: inner(A, B^T) = A B */
  {
    lapis_array *bt = NULL;
    CHECK_OK(lapis_array_transpose(b, &bt));
    CHECK_OK(lapis_inner(a, bt, &r));
    check_values(r, 6, cr, ci, tol_of(dt), "inner with transposed view");
    lapis_array_free(r);
    lapis_array_free(bt);
  }
  /* trace of the 3x4 A (offset 0 and 1) */
  {
    double tr[2] = {0, 0}, ti[2] = {0, 0};
    for (i = 0; i < 3; ++i) {
      tr[0] += AR[5 * i];
      ti[0] += c ? AI[5 * i] : 0;
      tr[1] += AR[5 * i + 1];
      ti[1] += c ? AI[5 * i + 1] : 0;
    }
    CHECK_OK(lapis_trace(a, 0, 0, 1, &r));
    check_values(r, 1, tr, ti, tol_of(dt), "trace");
    lapis_array_free(r);
    CHECK_OK(lapis_trace(a, 1, -2, -1, &r));
    check_values(r, 1, tr + 1, ti + 1, tol_of(dt), "trace offset 1");
    lapis_array_free(r);
  }
  /* 1-d: dot, vdot (conjugates the first), outer, kron */
  {
    static const int64_t s4[1] = {4};
    lapis_array *u = mk(dt, 1, s4, AR, AI), *v = mk(dt, 1, s4, BR, BI);
    double dr = 0, di = 0, vr = 0, vi = 0, orr[16], oi[16];
    lapis_complex128 z;
    for (i = 0; i < 4; ++i) {
      double ar = AR[i], ai = c ? AI[i] : 0, br = BR[i], bi = c ? BI[i] : 0;
      dr += ar * br - ai * bi;
      di += ar * bi + ai * br;
      vr += ar * br + ai * bi;
      vi += ar * bi - ai * br;
      for (j = 0; j < 4; ++j) {
        double cr2 = BR[j], ci2 = c ? BI[j] : 0;
        orr[4 * i + j] = ar * cr2 - ai * ci2;
        oi[4 * i + j] = ar * ci2 + ai * cr2;
      }
    }
    CHECK_OK(lapis_dot(u, v, &r));
    check_values(r, 1, &dr, &di, tol_of(dt), "dot 1-d");
    lapis_array_free(r);
    CHECK_OK(lapis_vdot(u, v, &z));
    CHECK_CLOSE(z.re, vr, tol_of(dt) * 4);
    CHECK_CLOSE(z.im, vi, tol_of(dt) * 4);
    CHECK_OK(lapis_outer(u, v, &r));
    check_values(r, 16, orr, oi, tol_of(dt), "outer");
    lapis_array_free(r);
    CHECK_OK(lapis_kron(u, v, &r));
    check_values(r, 16, orr, oi, tol_of(dt), "kron 1-d");
    lapis_array_free(r);
    lapis_array_free(u);
    lapis_array_free(v);
  }
  lapis_array_free(a);
  lapis_array_free(b);
}

/* float64 A in F order (wrapped), product into an F-order out, a strided
 * out and a negative-stride out. */
static void layouts(void) {
  double af[12], cf[6], cs[12], cn[6], cr[6], ci[6];
  int64_t sstr[2] = {32, 8}, nstr[2] = {-16, -8};
  static const int64_t s32[2] = {3, 2};
  lapis_array *a = NULL, *b = mk(LAPIS_FLOAT64, 2, SB, BR, NULL), *o = NULL;
  int i, j, k;
  naive(0, cr, ci);
  for (i = 0; i < 3; ++i)
    for (k = 0; k < 4; ++k) af[i + 3 * k] = AR[4 * i + k];
  CHECK_OK(lapis_array_wrap_contiguous(af, LAPIS_FLOAT64, 2, SA, LAPIS_ORDER_F, true, &a));
  CHECK_OK(lapis_array_wrap_contiguous(cf, LAPIS_FLOAT64, 2, s32, LAPIS_ORDER_F, false, &o));
  CHECK_OK(lapis_matmul_out(a, b, o));
  for (i = 0; i < 3; ++i)
    for (j = 0; j < 2; ++j) CHECK_CLOSE(cf[i + 3 * j], cr[2 * i + j], 1e-13);
  lapis_array_free(o);
  for (i = 0; i < 12; ++i) cs[i] = -5;
  CHECK_OK(lapis_array_wrap(cs, sizeof cs, 0, LAPIS_FLOAT64, 2, s32, sstr, false, &o));
  CHECK_OK(lapis_matmul_out(a, b, o));
  for (i = 0; i < 3; ++i)
    for (j = 0; j < 2; ++j) {
      CHECK_CLOSE(cs[4 * i + j], cr[2 * i + j], 1e-13);
      CHECK(cs[4 * i + j + 2] == -5);
    }
  lapis_array_free(o);
  CHECK_OK(lapis_array_wrap(cn, sizeof cn, 40, LAPIS_FLOAT64, 2, s32, nstr, false, &o));
  CHECK_OK(lapis_matmul_out(a, b, o));
  for (i = 0; i < 6; ++i) CHECK_CLOSE(cn[5 - i], cr[i], 1e-13);
  lapis_array_free(o);
  lapis_array_free(a);
  lapis_array_free(b);
}

static void errors(void) {
  double ro[6] = {3, 3, 3, 3, 3, 3};
  static const int64_t s32[2] = {3, 2}, s5[1] = {5}, s4[1] = {4};
  lapis_array *a = mk(LAPIS_FLOAT64, 2, SA, AR, NULL), *r = NULL, *o = NULL;
  lapis_array *v5 = mk(LAPIS_FLOAT64, 1, s5, AR, NULL), *v4 = mk(LAPIS_FLOAT64, 1, s4, AR, NULL);
  lapis_array *ac = mk(LAPIS_COMPLEX128, 2, SA, AR, AI), *b = mk(LAPIS_FLOAT64, 2, SB, BR, NULL);
  const lapis_array *ops[2];
  lapis_complex128 z;
  int i;
  CHECK_STATUS(lapis_matmul(a, a, &r), LAPIS_ERR_SHAPE_MISMATCH);
  CHECK_MESSAGE("mismatch in its core dimension");
  CHECK_STATUS(lapis_dot(a, v5, &r), LAPIS_ERR_SHAPE_MISMATCH);
  CHECK_MESSAGE("not aligned");
  z.re = 9;
  z.im = 9;
  CHECK_STATUS(lapis_vdot(v4, v5, &z), LAPIS_ERR_SHAPE_MISMATCH);
  CHECK(z.re == 9 && z.im == 9);
  CHECK_STATUS(lapis_matmul(NULL, a, &r), LAPIS_ERR_NULL_ARGUMENT);
  CHECK_STATUS(lapis_matmul(a, b, NULL), LAPIS_ERR_NULL_ARGUMENT);
  CHECK_STATUS(lapis_tensordot(a, b, -1, &r), LAPIS_ERR_INVALID_ARGUMENT);
  CHECK_STATUS(lapis_tensordot(a, b, 3, &r), LAPIS_ERR_INVALID_ARGUMENT);
  CHECK_STATUS(lapis_trace(v4, 0, 0, 1, &r), LAPIS_ERR_SHAPE_MISMATCH);
  ops[0] = a;
  ops[1] = b;
  CHECK_STATUS(lapis_einsum("ij,jk->ik", 0, ops, &r), LAPIS_ERR_INVALID_ARGUMENT);
  CHECK_STATUS(lapis_einsum("ij,jk->ik", 2, NULL, &r), LAPIS_ERR_NULL_ARGUMENT);
  CHECK_STATUS(lapis_einsum(NULL, 2, ops, &r), LAPIS_ERR_NULL_ARGUMENT);
  CHECK_STATUS(lapis_einsum("ij,jk->iq", 2, ops, &r), LAPIS_ERR_INVALID_ARGUMENT);
  ops[1] = NULL;
  CHECK_STATUS(lapis_einsum("ij,jk->ik", 2, ops, &r), LAPIS_ERR_NULL_ARGUMENT);
  CHECK_MESSAGE("operands[1]");
  CHECK(r == NULL);
  /* read-only out, complex into real out, wrong shape: nothing written */
  CHECK_OK(lapis_array_wrap_contiguous(ro, LAPIS_FLOAT64, 2, s32, LAPIS_ORDER_C, true, &o));
  CHECK_STATUS(lapis_matmul_out(a, b, o), LAPIS_ERR_READ_ONLY);
  lapis_array_free(o);
  CHECK_OK(lapis_array_wrap_contiguous(ro, LAPIS_FLOAT64, 2, s32, LAPIS_ORDER_C, false, &o));
  CHECK_STATUS(lapis_matmul_out(ac, b, o), LAPIS_ERR_INVALID_VALUE);
  CHECK_STATUS(lapis_matmul_out(a, a, o), LAPIS_ERR_SHAPE_MISMATCH);
  for (i = 0; i < 6; ++i) CHECK(ro[i] == 3);
  lapis_array_free(o);
  lapis_array_free(a);
  lapis_array_free(ac);
  lapis_array_free(b);
  lapis_array_free(v4);
  lapis_array_free(v5);
}

int main(void) {
  int k;
  fill_data();
  for (k = 0; k < 4; ++k) products(ALL_DTYPES[k]);
  layouts();
  errors();
  return check_summary("test_matmul");
}
