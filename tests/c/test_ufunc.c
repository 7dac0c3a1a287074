/* Ufuncs over the C ABI: values vs naive C loops on all four dtypes,
 * generic and named entry points, broadcasting, out= in F order, strided
 * and negative-stride views, in-place forms, fused kernels, errors. */
#include "num_util.h"

static const int64_t SH23[2] = {2, 3};
static const double XR[6] = {0.3, -0.7, 1.2, 0.5, -1.4, 2.0};
static const double XI[6] = {0.2, 0.1, -0.4, 0.3, 0.6, -0.5};
static const double YR[6] = {1.5, 0.25, -0.8, 2.5, 0.9, -1.1};
static const double YI[6] = {-0.3, 0.7, 0.2, -0.6, 0.4, 0.8};

typedef double (*real_fn)(double);
static double neg_(double x) { return -x; }
static double sq_(double x) { return x * x; }
static double rec_(double x) { return 1.0 / x; }
static double sgn_(double x) { return (double)((x > 0) - (x < 0)); }

static void unary_real(lapis_dtype dt) {
  static const lapis_unary_op ops[] = {LAPIS_UFUNC_NEGATIVE, LAPIS_UFUNC_ABSOLUTE,
      LAPIS_UFUNC_SQUARE, LAPIS_UFUNC_RECIPROCAL, LAPIS_UFUNC_EXP, LAPIS_UFUNC_SIN,
      LAPIS_UFUNC_COS, LAPIS_UFUNC_TANH, LAPIS_UFUNC_ARCTAN, LAPIS_UFUNC_FLOOR,
      LAPIS_UFUNC_CEIL, LAPIS_UFUNC_SIGN, LAPIS_UFUNC_EXPM1};
  static const real_fn fns[] = {neg_, fabs, sq_, rec_, exp, sin, cos, tanh, atan,
                                floor, ceil, sgn_, expm1};
  lapis_array *x = mk(dt, 2, SH23, XR, NULL), *r = NULL;
  double want[6];
  size_t k;
  int i;
  for (k = 0; k < sizeof ops / sizeof ops[0]; ++k) {
    for (i = 0; i < 6; ++i) want[i] = fns[k](XR[i]);
    CHECK_OK(lapis_unary(ops[k], x, &r));
    check_values(r, 6, want, NULL, tol_of(dt), "unary real");
    lapis_array_free(r);
    r = NULL;
  }
  /* sqrt and logs on positive data through the named functions */
  {
    double pos[6] = {0.5, 1.0, 2.0, 3.5, 0.1, 9.0};
    lapis_array *p = mk(dt, 2, SH23, pos, NULL);
    for (i = 0; i < 6; ++i) want[i] = sqrt(pos[i]);
    CHECK_OK(lapis_sqrt(p, &r));
    check_values(r, 6, want, NULL, tol_of(dt), "sqrt");
    lapis_array_free(r);
    for (i = 0; i < 6; ++i) want[i] = log(pos[i]);
    CHECK_OK(lapis_log_inplace(p));
    check_values(p, 6, want, NULL, tol_of(dt), "log_inplace");
    lapis_array_free(p);
  }
  lapis_array_free(x);
}

static void unary_complex(lapis_dtype dt) {
  lapis_array *x = mk(dt, 2, SH23, XR, XI), *r = NULL;
  double wr[6], wi[6];
  int i;
  CHECK_OK(lapis_exp(x, &r));
  for (i = 0; i < 6; ++i) {
    wr[i] = exp(XR[i]) * cos(XI[i]);
    wi[i] = exp(XR[i]) * sin(XI[i]);
  }
  check_values(r, 6, wr, wi, tol_of(dt), "complex exp");
  lapis_array_free(r);
  CHECK_OK(lapis_unary(LAPIS_UFUNC_SQUARE, x, &r));
  for (i = 0; i < 6; ++i) {
    wr[i] = XR[i] * XR[i] - XI[i] * XI[i];
    wi[i] = 2 * XR[i] * XI[i];
  }
  check_values(r, 6, wr, wi, tol_of(dt), "complex square");
  lapis_array_free(r);
  CHECK_OK(lapis_conjugate(x, &r));
  for (i = 0; i < 6; ++i) wi[i] = -XI[i];
  check_values(r, 6, XR, wi, tol_of(dt), "conjugate");
  lapis_array_free(r);
  /* absolute and angle are real for complex input */
  CHECK_OK(lapis_absolute(x, &r));
  CHECK(dtype_of(r) == (dt == LAPIS_COMPLEX64 ? LAPIS_FLOAT32 : LAPIS_FLOAT64));
  for (i = 0; i < 6; ++i) wr[i] = hypot(XR[i], XI[i]);
  check_values(r, 6, wr, NULL, tol_of(dt), "complex abs");
  lapis_array_free(r);
  CHECK_OK(lapis_angle(x, &r));
  for (i = 0; i < 6; ++i) wr[i] = atan2(XI[i], XR[i]);
  check_values(r, 6, wr, NULL, tol_of(dt), "angle");
  lapis_array_free(r);
  CHECK_OK(lapis_imag(x, &r));
  check_values(r, 6, XI, NULL, tol_of(dt), "imag");
  lapis_array_free(r);
  /* real-only ops on complex input */
  r = NULL;
  CHECK_STATUS(lapis_floor(x, &r), LAPIS_ERR_BAD_DTYPE);
  CHECK_MESSAGE("floor");
  CHECK_STATUS(lapis_unary(LAPIS_UFUNC_ROUND, x, &r), LAPIS_ERR_BAD_DTYPE);
  CHECK_STATUS(lapis_arctan2(x, x, &r), LAPIS_ERR_BAD_DTYPE);
  CHECK_STATUS(lapis_hypot_inplace(x, x), LAPIS_ERR_BAD_DTYPE);
  CHECK(r == NULL);
  lapis_array_free(x);
}

/* x (2,3) op row (3,) and column (2,1), vs naive loops. */
static void binary_values(lapis_dtype dt) {
  static const int64_t row_sh[1] = {3}, col_sh[2] = {2, 1};
  lapis_array *x = mk(dt, 2, SH23, XR, XI), *row = mk(dt, 1, row_sh, YR, YI);
  lapis_array *col = mk(dt, 2, col_sh, YR + 3, YI + 3), *r = NULL;
  double wr[6], wi[6];
  int i, j, c = is_cplx(dt);
  for (i = 0; i < 2; ++i)
    for (j = 0; j < 3; ++j) {
      double ar = XR[3 * i + j], ai = c ? XI[3 * i + j] : 0, br = YR[j], bi = c ? YI[j] : 0;
      wr[3 * i + j] = ar * br - ai * bi;
      wi[3 * i + j] = ar * bi + ai * br;
    }
  CHECK_OK(lapis_multiply(x, row, &r));
  check_values(r, 6, wr, wi, tol_of(dt), "multiply row");
  lapis_array_free(r);
  for (i = 0; i < 2; ++i)
    for (j = 0; j < 3; ++j) {
      double ar = XR[3 * i + j], ai = c ? XI[3 * i + j] : 0, br = YR[3 + i], bi = c ? YI[3 + i] : 0;
      double d = br * br + bi * bi;
      wr[3 * i + j] = (ar * br + ai * bi) / d;
      wi[3 * i + j] = (ai * br - ar * bi) / d;
    }
  CHECK_OK(lapis_binary(LAPIS_UFUNC_DIVIDE, x, col, &r));
  check_values(r, 6, wr, wi, tol_of(dt), "divide column");
  lapis_array_free(r);
  /* row + column broadcast to (2,3) */
  for (i = 0; i < 2; ++i)
    for (j = 0; j < 3; ++j) {
      wr[3 * i + j] = YR[j] - YR[3 + i];
      wi[3 * i + j] = c ? YI[j] - YI[3 + i] : 0;
    }
  CHECK_OK(lapis_subtract(row, col, &r));
  check_values(r, 6, wr, wi, tol_of(dt), "row - column");
  lapis_array_free(r);
  if (!c) {
    for (i = 0; i < 6; ++i) wr[i] = XR[i] > YR[i % 3] ? XR[i] : YR[i % 3];
    CHECK_OK(lapis_maximum(x, row, &r));
    check_values(r, 6, wr, NULL, tol_of(dt), "maximum");
    lapis_array_free(r);
    for (i = 0; i < 6; ++i) wr[i] = atan2(XR[i], YR[i % 3]);
    CHECK_OK(lapis_arctan2(x, row, &r));
    check_values(r, 6, wr, NULL, tol_of(dt), "arctan2");
    lapis_array_free(r);
    for (i = 0; i < 6; ++i) wr[i] = pow(fabs(XR[i]), YR[i % 3]);
    {
      lapis_array *ax = NULL;
      CHECK_OK(lapis_absolute(x, &ax));
      CHECK_OK(lapis_power(ax, row, &r));
      check_values(r, 6, wr, NULL, tol_of(dt) * 10, "power");
      lapis_array_free(r);
      lapis_array_free(ax);
    }
  }
  /* in place: x += row */
  for (i = 0; i < 6; ++i) {
    wr[i] = XR[i] + YR[i % 3];
    wi[i] = c ? XI[i] + YI[i % 3] : 0;
  }
  CHECK_OK(lapis_add_inplace(x, row));
  check_values(x, 6, wr, wi, tol_of(dt), "add_inplace");
  CHECK_OK(lapis_binary_inplace(LAPIS_UFUNC_SUBTRACT, x, row));
  check_values(x, 6, XR, c ? XI : NULL, tol_of(dt), "subtract_inplace");
  lapis_array_free(x);
  lapis_array_free(row);
  lapis_array_free(col);
}

/* out= through wrapped float64 buffers: F order, strided, negative strides. */
static void out_layouts(void) {
  static const int64_t row_sh[1] = {3};
  lapis_array *x = mk(LAPIS_FLOAT64, 2, SH23, XR, NULL);
  lapis_array *row = mk(LAPIS_FLOAT64, 1, row_sh, YR, NULL), *o = NULL;
  double fbuf[6], sbuf[12], nbuf[6], want[6];
  int64_t sstr[2] = {48, 16}, nstr[2] = {-24, -8};
  int i, j;
  for (i = 0; i < 6; ++i) want[i] = XR[i] + YR[i % 3];
  /* F order */
  CHECK_OK(lapis_array_wrap_contiguous(fbuf, LAPIS_FLOAT64, 2, SH23, LAPIS_ORDER_F, false, &o));
  CHECK_OK(lapis_add_out(x, row, o));
  for (i = 0; i < 2; ++i)
    for (j = 0; j < 3; ++j) CHECK_CLOSE(fbuf[i + 2 * j], want[3 * i + j], 1e-14);
  lapis_array_free(o);
  /* every other element of a 12-element buffer */
  for (i = 0; i < 12; ++i) sbuf[i] = -99.0;
  CHECK_OK(lapis_array_wrap(sbuf, sizeof sbuf, 0, LAPIS_FLOAT64, 2, SH23, sstr, false, &o));
  CHECK_OK(lapis_binary_out(LAPIS_UFUNC_ADD, x, row, o));
  for (i = 0; i < 2; ++i)
    for (j = 0; j < 3; ++j) {
      CHECK_CLOSE(sbuf[6 * i + 2 * j], want[3 * i + j], 1e-14);
      CHECK(sbuf[6 * i + 2 * j + 1] == -99.0);
    }
  lapis_array_free(o);
  /* negative strides: element (0,0) is the last double */
  CHECK_OK(lapis_array_wrap(nbuf, sizeof nbuf, 40, LAPIS_FLOAT64, 2, SH23, nstr, false, &o));
  CHECK_OK(lapis_add_out(x, row, o));
  for (i = 0; i < 6; ++i) CHECK_CLOSE(nbuf[5 - i], want[i], 1e-14);
  /* unary into the negative-stride view, then in place on it */
  CHECK_OK(lapis_exp_out(x, o));
  for (i = 0; i < 6; ++i) CHECK_CLOSE(nbuf[5 - i], exp(XR[i]), 1e-13);
  CHECK_OK(lapis_unary_inplace(LAPIS_UFUNC_LOG, o));
  for (i = 0; i < 6; ++i) CHECK_CLOSE(nbuf[5 - i], XR[i], 1e-13);
  lapis_array_free(o);
  /* float32 result into a float64 out (same_kind cast) */
  {
    lapis_array *x32 = mk(LAPIS_FLOAT32, 2, SH23, XR, NULL);
    CHECK_OK(lapis_array_wrap_contiguous(fbuf, LAPIS_FLOAT64, 2, SH23, LAPIS_ORDER_C, false, &o));
    CHECK_OK(lapis_negative_out(x32, o));
    for (i = 0; i < 6; ++i) CHECK_CLOSE(fbuf[i], -XR[i], 1e-6);
    /* complex into a real out is refused, nothing written */
    {
      lapis_array *xc = mk(LAPIS_COMPLEX128, 2, SH23, XR, XI);
      for (i = 0; i < 6; ++i) fbuf[i] = 7.0;
      CHECK_STATUS(lapis_negative_out(xc, o), LAPIS_ERR_INVALID_VALUE);
      for (i = 0; i < 6; ++i) CHECK(fbuf[i] == 7.0);
      lapis_array_free(xc);
    }
    lapis_array_free(o);
    lapis_array_free(x32);
  }
  lapis_array_free(x);
  lapis_array_free(row);
}

static void errors(void) {
  static const int64_t sh4[1] = {4}, sh32[2] = {3, 2}, sh3[1] = {3};
  double ro[6] = {5, 5, 5, 5, 5, 5};
  double z[4] = {0, 0, 0, 0};
  lapis_array *x = mk(LAPIS_FLOAT64, 2, SH23, XR, NULL), *v4 = mk(LAPIS_FLOAT64, 1, sh4, z, NULL);
  lapis_array *r = NULL, *o = NULL, *v3 = mk(LAPIS_FLOAT64, 1, sh3, XR, NULL);
  lapis_complex128 one;
  int i;
  /* broadcasting failure: NumPy's message */
  CHECK_STATUS(lapis_add(x, v4, &r), LAPIS_ERR_SHAPE_MISMATCH);
  CHECK_MESSAGE("operands could not be broadcast together with shapes (2,3) (4,)");
  CHECK(r == NULL);
  CHECK_STATUS(lapis_binary(LAPIS_UFUNC_MULTIPLY, x, v4, &r), LAPIS_ERR_SHAPE_MISMATCH);
  CHECK_MESSAGE("(2,3) (4,)");
  /* bad op codes; unary and binary codes do not mix */
  CHECK_STATUS(lapis_unary(999, x, &r), LAPIS_ERR_INVALID_ARGUMENT);
  CHECK_MESSAGE("unknown unary ufunc code 999");
  /* (The casts defeat the compiler's check of the code's kind, which
     would otherwise stop this mistake at compile time: codes_swapped.c.) */
  CHECK_STATUS(lapis_unary((lapis_unary_op)LAPIS_UFUNC_ADD, x, &r), LAPIS_ERR_INVALID_ARGUMENT);
  CHECK_STATUS(lapis_binary((lapis_binary_op)LAPIS_UFUNC_EXP, x, x, &r), LAPIS_ERR_INVALID_ARGUMENT);
  CHECK_STATUS(lapis_binary_out(0, x, x, x), LAPIS_ERR_INVALID_ARGUMENT);
  CHECK_STATUS(lapis_unary_inplace(-1, x), LAPIS_ERR_INVALID_ARGUMENT);
  CHECK(r == NULL);
  /* NULLs */
  CHECK_STATUS(lapis_add(NULL, x, &r), LAPIS_ERR_NULL_ARGUMENT);
  CHECK_MESSAGE("lapis_add: argument 'x' is NULL");
  CHECK_STATUS(lapis_add(x, x, NULL), LAPIS_ERR_NULL_ARGUMENT);
  CHECK_STATUS(lapis_exp_out(x, NULL), LAPIS_ERR_NULL_ARGUMENT);
  CHECK_STATUS(lapis_sin_inplace(NULL), LAPIS_ERR_NULL_ARGUMENT);
  CHECK_STATUS(lapis_multiply_add(x, NULL, x, &r), LAPIS_ERR_NULL_ARGUMENT);
  /* read-only out: nothing modified */
  CHECK_OK(lapis_array_wrap_contiguous(ro, LAPIS_FLOAT64, 2, SH23, LAPIS_ORDER_C, true, &o));
  CHECK_STATUS(lapis_add_out(x, x, o), LAPIS_ERR_READ_ONLY);
  CHECK_STATUS(lapis_exp_inplace(o), LAPIS_ERR_READ_ONLY);
  one.re = 1.0;
  one.im = 0.0;
  CHECK_STATUS(lapis_axpby_inplace(one, x, one, o), LAPIS_ERR_READ_ONLY);
  for (i = 0; i < 6; ++i) CHECK(ro[i] == 5.0);
  lapis_array_free(o);
  /* out of the wrong shape */
  o = mk(LAPIS_FLOAT64, 2, sh32, ro, NULL);
  CHECK_STATUS(lapis_add_out(x, x, o), LAPIS_ERR_SHAPE_MISMATCH);
  lapis_array_free(o);
  /* in place with an operand that does not broadcast to the target:
   * (3,) += (2,3) would need to grow the target */
  CHECK_STATUS(lapis_add_inplace(v3, x), LAPIS_ERR_SHAPE_MISMATCH);
  check_values(v3, 3, XR, NULL, 0.0, "v3 unchanged");
  CHECK_STATUS(lapis_multiply_inplace(x, v4), LAPIS_ERR_SHAPE_MISMATCH);
  check_values(x, 6, XR, NULL, 0.0, "x unchanged");
  lapis_array_free(x);
  lapis_array_free(v4);
  lapis_array_free(v3);
}

static void fused(lapis_dtype dt) {
  static const int64_t row_sh[1] = {3};
  lapis_array *a = mk(dt, 2, SH23, XR, XI), *b = mk(dt, 1, row_sh, YR, YI);
  lapis_array *c = mk(dt, 2, SH23, YR, YI), *r = NULL;
  double wr[6], wi[6];
  int i, cx = is_cplx(dt);
  lapis_complex128 alpha, beta;
  for (i = 0; i < 6; ++i) {
    double ar = XR[i], ai = cx ? XI[i] : 0, br = YR[i % 3], bi = cx ? YI[i % 3] : 0;
    wr[i] = ar * br - ai * bi + YR[i];
    wi[i] = ar * bi + ai * br + (cx ? YI[i] : 0);
  }
  CHECK_OK(lapis_multiply_add(a, b, c, &r));
  check_values(r, 6, wr, wi, tol_of(dt), "multiply_add");
  lapis_array_free(r);
  CHECK_OK(lapis_multiply_add_inplace(a, b, c));
  check_values(c, 6, wr, wi, tol_of(dt), "multiply_add_inplace");
  /* axpby with a complex alpha: complex result even for real input */
  alpha.re = 2.0; alpha.im = 0.5; beta.re = -1.0; beta.im = 0.0;
  CHECK_OK(lapis_axpby(alpha, a, beta, b, &r));
  CHECK(is_cplx(dtype_of(r)));
  for (i = 0; i < 6; ++i) {
    double ar = XR[i], ai = cx ? XI[i] : 0;
    wr[i] = 2.0 * ar - 0.5 * ai - YR[i % 3];
    wi[i] = 2.0 * ai + 0.5 * ar - (cx ? YI[i % 3] : 0);
  }
  check_values(r, 6, wr, wi, tol_of(dt), "axpby");
  lapis_array_free(r);
  /* real alpha, beta in place: c = 3a + 0.5c */
  alpha.im = 0; alpha.re = 3.0; beta.re = 0.5;
  {
    double cr[6], ci[6];
    get(c, cr, ci);
    for (i = 0; i < 6; ++i) {
      wr[i] = 3.0 * XR[i] + 0.5 * cr[i];
      wi[i] = cx ? 3.0 * XI[i] + 0.5 * ci[i] : 0;
    }
  }
  CHECK_OK(lapis_axpby_inplace(alpha, a, beta, c));
  check_values(c, 6, wr, wi, tol_of(dt), "axpby_inplace");
  lapis_array_free(a);
  lapis_array_free(b);
  lapis_array_free(c);
}

int main(void) {
  int k;
  for (k = 0; k < 4; ++k) {
    lapis_dtype dt = ALL_DTYPES[k];
    if (is_cplx(dt)) unary_complex(dt);
    else unary_real(dt);
    binary_values(dt);
    fused(dt);
  }
  out_layouts();
  errors();
  return check_summary("test_ufunc");
}
