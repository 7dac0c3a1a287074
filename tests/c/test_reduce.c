/* Reductions over the C ABI: values vs naive C loops on all four dtypes,
 * axes sets, keepdims, scalar forms, F-order and negative-stride inputs,
 * argmin/argmax, finiteness, errors. */
#include "num_util.h"

static const int64_t SH[3] = {2, 3, 4};
static double XR[24], XI[24];

static void fill_data(void) {
  int i;
  for (i = 0; i < 24; ++i) {
    XR[i] = sin(1.0 + 0.7 * i) * 2.0;
    XI[i] = cos(0.3 + 1.1 * i);
  }
}

/* naive sum over axes 0 and 2 of (2,3,4): result (3,) */
static void sums(lapis_dtype dt) {
  lapis_array *x = mk(dt, 3, SH, XR, XI), *r = NULL;
  int64_t axes[2] = {0, -1}, shape[3] = {0, 0, 0}, nd = 0;
  double wr[24], wi[24], mr, mi;
  int i, j, k, c = is_cplx(dt);
  lapis_complex128 s;
  for (j = 0; j < 3; ++j) {
    wr[j] = wi[j] = 0;
    for (i = 0; i < 2; ++i)
      for (k = 0; k < 4; ++k) {
        wr[j] += XR[12 * i + 4 * j + k];
        wi[j] += c ? XI[12 * i + 4 * j + k] : 0;
      }
  }
  CHECK_OK(lapis_sum(x, 2, axes, false, &r));
  CHECK_OK(lapis_array_ndim(r, &nd));
  CHECK(nd == 1);
  check_values(r, 3, wr, wi, tol_of(dt), "sum axes (0,2)");
  lapis_array_free(r);
  CHECK_OK(lapis_sum(x, 2, axes, true, &r));
  CHECK_OK(lapis_array_shape(r, shape, 3));
  CHECK(shape[0] == 1 && shape[1] == 3 && shape[2] == 1);
  check_values(r, 3, wr, wi, tol_of(dt), "sum keepdims");
  lapis_array_free(r);
  /* mean over the same axes */
  for (j = 0; j < 3; ++j) {
    wr[j] /= 8.0;
    wi[j] /= 8.0;
  }
  CHECK_OK(lapis_mean(x, 2, axes, false, &r));
  check_values(r, 3, wr, wi, tol_of(dt), "mean");
  lapis_array_free(r);
  /* whole-array scalar forms */
  mr = mi = 0;
  for (i = 0; i < 24; ++i) {
    mr += XR[i];
    mi += c ? XI[i] : 0;
  }
  CHECK_OK(lapis_sum_all(x, &s));
  CHECK_CLOSE(s.re, mr, tol_of(dt) * 10);
  CHECK_CLOSE(s.im, mi, tol_of(dt) * 10);
  CHECK_OK(lapis_sum(x, LAPIS_ALL_AXES, NULL, false, &r));
  CHECK_OK(lapis_array_ndim(r, &nd));
  CHECK(nd == 0);
  check_values(r, 1, &mr, &mi, tol_of(dt) * 10, "sum all axes");
  lapis_array_free(r);
  CHECK_OK(lapis_mean_all(x, &s));
  CHECK_CLOSE(s.re, mr / 24, tol_of(dt));
  /* naxes == 0: reduce nothing (a copy) */
  CHECK_OK(lapis_sum(x, 0, NULL, false, &r));
  check_values(r, 24, XR, c ? XI : NULL, tol_of(dt), "axis=()");
  lapis_array_free(r);
  /* prod along axis 1 */
  for (i = 0; i < 2; ++i)
    for (k = 0; k < 4; ++k) {
      double pr = 1, pi = 0;
      for (j = 0; j < 3; ++j) {
        double ar = XR[12 * i + 4 * j + k], ai = c ? XI[12 * i + 4 * j + k] : 0;
        double t = pr * ar - pi * ai;
        pi = pr * ai + pi * ar;
        pr = t;
      }
      wr[4 * i + k] = pr;
      wi[4 * i + k] = pi;
    }
  axes[0] = 1;
  CHECK_OK(lapis_prod(x, 1, axes, false, &r));
  check_values(r, 8, wr, wi, tol_of(dt), "prod axis 1");
  lapis_array_free(r);
  /* var / std with ddof = 1 along axis 1, real results */
  for (i = 0; i < 2; ++i)
    for (k = 0; k < 4; ++k) {
      double ar = 0, ai = 0, v = 0;
      for (j = 0; j < 3; ++j) {
        ar += XR[12 * i + 4 * j + k] / 3;
        ai += (c ? XI[12 * i + 4 * j + k] : 0) / 3;
      }
      for (j = 0; j < 3; ++j) {
        double dr = XR[12 * i + 4 * j + k] - ar, di = (c ? XI[12 * i + 4 * j + k] : 0) - ai;
        v += dr * dr + di * di;
      }
      wr[4 * i + k] = v / 2;
    }
  CHECK_OK(lapis_var(x, 1, axes, 1, false, &r));
  CHECK(!is_cplx(dtype_of(r)));
  check_values(r, 8, wr, NULL, tol_of(dt), "var ddof=1");
  lapis_array_free(r);
  for (i = 0; i < 8; ++i) wr[i] = sqrt(wr[i]);
  CHECK_OK(lapis_std(x, 1, axes, 1, false, &r));
  check_values(r, 8, wr, NULL, tol_of(dt), "std ddof=1");
  lapis_array_free(r);
  /* vector norms over the last axis */
  axes[0] = 2;
  for (i = 0; i < 6; ++i) {
    double s2 = 0, s1 = 0, mx = 0;
    for (k = 0; k < 4; ++k) {
      double a = hypot(XR[4 * i + k], c ? XI[4 * i + k] : 0);
      s2 += a * a;
      s1 += a;
      if (a > mx) mx = a;
    }
    wr[i] = sqrt(s2);
    wr[6 + i] = s1;
    wr[12 + i] = mx;
  }
  CHECK_OK(lapis_vector_norm(x, 1, axes, 2.0, false, &r));
  check_values(r, 6, wr, NULL, tol_of(dt), "norm 2");
  lapis_array_free(r);
  CHECK_OK(lapis_vector_norm(x, 1, axes, 1.0, false, &r));
  check_values(r, 6, wr + 6, NULL, tol_of(dt), "norm 1");
  lapis_array_free(r);
  CHECK_OK(lapis_vector_norm(x, 1, axes, HUGE_VAL, false, &r));
  check_values(r, 6, wr + 12, NULL, tol_of(dt), "norm inf");
  lapis_array_free(r);
  {
    double all = 0, got = 0;
    for (i = 0; i < 24; ++i) all += XR[i] * XR[i] + (c ? XI[i] * XI[i] : 0);
    CHECK_OK(lapis_vector_norm_all(x, 2.0, &got));
    CHECK_CLOSE(got, sqrt(all), tol_of(dt) * 10);
  }
  lapis_array_free(x);
}

/* min/max/argmin/argmax on real dtypes (and complex lexicographic max). */
static void extremes(lapis_dtype dt) {
  lapis_array *x = mk(dt, 3, SH, XR, XI), *r = NULL;
  int64_t axes[1] = {1}, idx[8], flat = -1;
  double wr[8];
  int i, j, k;
  lapis_complex128 s;
  if (!is_cplx(dt)) {
    for (i = 0; i < 2; ++i)
      for (k = 0; k < 4; ++k) {
        int best = 0;
        for (j = 1; j < 3; ++j)
          if (XR[12 * i + 4 * j + k] < XR[12 * i + 4 * best + k]) best = j;
        wr[4 * i + k] = XR[12 * i + 4 * best + k];
      }
    CHECK_OK(lapis_min(x, 1, axes, false, &r));
    check_values(r, 8, wr, NULL, tol_of(dt), "min axis 1");
    lapis_array_free(r);
    CHECK_OK(lapis_argmin(x, 1, idx, 8));
    for (i = 0; i < 2; ++i)
      for (k = 0; k < 4; ++k)
        CHECK_CLOSE(XR[12 * i + 4 * idx[4 * i + k] + k], wr[4 * i + k], 0.0);
  }
  {
    int best = 0;
    for (i = 1; i < 24; ++i)
      if (XR[i] > XR[best] || (XR[i] == XR[best] && is_cplx(dt) && XI[i] > XI[best])) best = i;
    CHECK_OK(lapis_argmax_all(x, &flat));
    CHECK(flat == best);
    CHECK_OK(lapis_max_all(x, &s));
    CHECK_CLOSE(s.re, XR[best], tol_of(dt));
    CHECK_OK(lapis_max(x, LAPIS_ALL_AXES, NULL, true, &r));
    check_values(r, 1, &XR[best], is_cplx(dt) ? &XI[best] : NULL, tol_of(dt), "max keepdims");
    lapis_array_free(r);
  }
  lapis_array_free(x);
}

/* Inputs in F order and with negative strides give the same sums. */
static void layouts(void) {
  double f[24], n[24], got = 0;
  int64_t axes[1] = {1}, nstr[3] = {-96, -32, -8};
  lapis_array *x = NULL, *r = NULL;
  int i, j, k;
  lapis_complex128 s;
  for (i = 0; i < 2; ++i)
    for (j = 0; j < 3; ++j)
      for (k = 0; k < 4; ++k) {
        f[i + 2 * j + 6 * k] = XR[12 * i + 4 * j + k];
        n[23 - (12 * i + 4 * j + k)] = XR[12 * i + 4 * j + k];
      }
  CHECK_OK(lapis_array_wrap_contiguous(f, LAPIS_FLOAT64, 3, SH, LAPIS_ORDER_F, true, &x));
  {
    double w[8];
    for (i = 0; i < 2; ++i)
      for (k = 0; k < 4; ++k) {
        w[4 * i + k] = 0;
        for (j = 0; j < 3; ++j) w[4 * i + k] += XR[12 * i + 4 * j + k];
      }
    CHECK_OK(lapis_sum(x, 1, axes, false, &r));
    check_values(r, 8, w, NULL, 1e-13, "sum F order");
    lapis_array_free(r);
    lapis_array_free(x);
    CHECK_OK(lapis_array_wrap(n, sizeof n, 184, LAPIS_FLOAT64, 3, SH, nstr, true, &x));
    CHECK_OK(lapis_sum(x, 1, axes, false, &r));
    check_values(r, 8, w, NULL, 1e-13, "sum negative strides");
    lapis_array_free(r);
  }
  CHECK_OK(lapis_sum_all(x, &s));
  for (i = 0; i < 24; ++i) got += XR[i];
  CHECK_CLOSE(s.re, got, 1e-12);
  lapis_array_free(x);
}

static void finite_and_errors(void) {
  double v[6] = {1, 2, 3, 4, 5, 6}, z = 0;
  static const int64_t sh23[2] = {2, 3}, sh0[1] = {0};
  lapis_array *x = NULL, *e = mk(LAPIS_FLOAT64, 1, sh0, &z, NULL), *r = NULL;
  bool flags[3] = {false, false, false}, one = false;
  int64_t axes[2] = {0, 0}, idx[3] = {-7, -7, -7};
  lapis_complex128 s;
  v[4] = NAN;
  CHECK_OK(lapis_array_wrap_contiguous(v, LAPIS_FLOAT64, 2, sh23, LAPIS_ORDER_C, true, &x));
  axes[0] = 0;
  CHECK_OK(lapis_all_finite(x, 1, axes, flags, 3));
  CHECK(flags[0] && !flags[1] && flags[2]);
  CHECK_OK(lapis_any_nonfinite(x, 1, axes, flags, 3));
  CHECK(!flags[0] && flags[1] && !flags[2]);
  CHECK_OK(lapis_all_finite_all(x, &one));
  CHECK(!one);
  CHECK_OK(lapis_any_nonfinite_all(x, &one));
  CHECK(one);
  CHECK_STATUS(lapis_all_finite(x, 1, axes, flags, 2), LAPIS_ERR_SHAPE_MISMATCH);
  CHECK_MESSAGE("out_len = 2");
  /* repeated axis, out of range, bad naxes, NULL axes */
  axes[0] = 1;
  axes[1] = -1;
  CHECK_STATUS(lapis_sum(x, 2, axes, false, &r), LAPIS_ERR_INVALID_ARGUMENT);
  axes[0] = 2;
  CHECK_STATUS(lapis_sum(x, 1, axes, false, &r), LAPIS_ERR_INDEX);
  CHECK_STATUS(lapis_sum(x, -2, axes, false, &r), LAPIS_ERR_INVALID_ARGUMENT);
  CHECK_MESSAGE("naxes");
  CHECK_STATUS(lapis_sum(x, 2, NULL, false, &r), LAPIS_ERR_NULL_ARGUMENT);
  CHECK_STATUS(lapis_sum(NULL, -1, NULL, false, &r), LAPIS_ERR_NULL_ARGUMENT);
  CHECK_STATUS(lapis_sum(x, -1, NULL, false, NULL), LAPIS_ERR_NULL_ARGUMENT);
  CHECK_STATUS(lapis_var(x, -1, NULL, -1, false, &r), LAPIS_ERR_INVALID_ARGUMENT);
  CHECK(r == NULL);
  /* argmax: wrong length, bad axis; nothing written */
  CHECK_STATUS(lapis_argmax(x, 0, idx, 2), LAPIS_ERR_SHAPE_MISMATCH);
  CHECK_STATUS(lapis_argmax(x, 5, idx, 3), LAPIS_ERR_INDEX);
  CHECK(idx[0] == -7 && idx[1] == -7 && idx[2] == -7);
  /* empty: sum 0, prod 1, min an error */
  CHECK_OK(lapis_sum_all(e, &s));
  CHECK(s.re == 0.0);
  CHECK_OK(lapis_prod_all(e, &s));
  CHECK(s.re == 1.0);
  s.re = 42;
  CHECK_STATUS(lapis_min_all(e, &s), LAPIS_ERR_INVALID_VALUE);
  CHECK(s.re == 42);
  CHECK_STATUS(lapis_argmin_all(e, idx), LAPIS_ERR_INVALID_VALUE);
  lapis_array_free(x);
  lapis_array_free(e);
}

int main(void) {
  int k;
  fill_data();
  for (k = 0; k < 4; ++k) {
    sums(ALL_DTYPES[k]);
    extremes(ALL_DTYPES[k]);
  }
  layouts();
  finite_and_errors();
  return check_summary("test_reduce");
}
