/* FFTs over the C ABI: fft/ifft/rfft/irfft/hfft/ihfft vs a naive O(n^2)
 * DFT for n = 1, 5, 8, 12 on all four dtypes, norms, out= into strided
 * and negative-stride views, n-d transforms, freq/shift helpers, errors. */
#include "num_util.h"

static const double PI = 3.14159265358979323846;

/* y = DFT(x) with sign -1 (forward) or +1, unscaled. */
static void dft(int n, const double *xr, const double *xi, int sign, double *yr, double *yi) {
  int j, k;
  for (k = 0; k < n; ++k) {
    double sr = 0, si = 0;
    for (j = 0; j < n; ++j) {
      double t = sign * 2 * PI * (double)j * k / n;
      sr += xr[j] * cos(t) - xi[j] * sin(t);
      si += xr[j] * sin(t) + xi[j] * cos(t);
    }
    yr[k] = sr;
    yi[k] = si;
  }
}

static void one_d(lapis_dtype dt, int n) {
  double xr[12], xi[12], yr[12], yi[12];
  int64_t sh[1];
  lapis_array *x, *r = NULL, *back = NULL;
  int j, c = is_cplx(dt);
  sh[0] = n;
  for (j = 0; j < n; ++j) {
    xr[j] = sin(0.9 * j + 0.1) + 0.25 * j;
    xi[j] = c ? cos(1.7 * j) : 0.0;
  }
  x = mk(dt, 1, sh, xr, xi);
  dft(n, xr, xi, -1, yr, yi);
  CHECK_OK(lapis_fft_fft(x, -1, -1, LAPIS_FFT_NORM_BACKWARD, &r));
  CHECK(dtype_of(r) == ((dt == LAPIS_FLOAT32 || dt == LAPIS_COMPLEX64) ? LAPIS_COMPLEX64 : LAPIS_COMPLEX128));
  check_values(r, n, yr, yi, tol_of(dt) * 4, "fft");
  CHECK_OK(lapis_fft_ifft(r, -1, 0, LAPIS_FFT_NORM_BACKWARD, &back));
  check_values(back, n, xr, xi, tol_of(dt) * 4, "ifft(fft(x))");
  lapis_array_free(back);
  lapis_array_free(r);
  /* ortho and forward scaling */
  {
    double sr[12], si[12], s = 1.0 / sqrt((double)n);
    for (j = 0; j < n; ++j) {
      sr[j] = yr[j] * s;
      si[j] = yi[j] * s;
    }
    CHECK_OK(lapis_fft_fft(x, -1, 0, LAPIS_FFT_NORM_ORTHO, &r));
    check_values(r, n, sr, si, tol_of(dt) * 4, "fft ortho");
    lapis_array_free(r);
    for (j = 0; j < n; ++j) {
      sr[j] = yr[j] / n;
      si[j] = yi[j] / n;
    }
    CHECK_OK(lapis_fft_fft(x, -1, 0, LAPIS_FFT_NORM_FORWARD, &r));
    check_values(r, n, sr, si, tol_of(dt) * 4, "fft forward");
    lapis_array_free(r);
  }
  /* inverse vs the naive +1 transform / n */
  {
    double ir[12], ii[12];
    dft(n, xr, xi, +1, ir, ii);
    for (j = 0; j < n; ++j) {
      ir[j] /= n;
      ii[j] /= n;
    }
    CHECK_OK(lapis_fft_ifft(x, -1, 0, LAPIS_FFT_NORM_BACKWARD, &r));
    check_values(r, n, ir, ii, tol_of(dt) * 4, "ifft");
    lapis_array_free(r);
  }
  /* n = 2n zero-pads */
  {
    double pr[24], pi[24], qr[24], qi[24];
    for (j = 0; j < 2 * n; ++j) {
      pr[j] = j < n ? xr[j] : 0;
      pi[j] = j < n ? xi[j] : 0;
    }
    dft(2 * n, pr, pi, -1, qr, qi);
    CHECK_OK(lapis_fft_fft(x, 2 * n, 0, LAPIS_FFT_NORM_BACKWARD, &r));
    check_values(r, 2 * n, qr, qi, tol_of(dt) * 8, "fft zero-padded");
    lapis_array_free(r);
  }
  if (!c) {
    int h = n / 2 + 1;
    CHECK_OK(lapis_fft_rfft(x, -1, 0, LAPIS_FFT_NORM_BACKWARD, &r));
    check_values(r, h, yr, yi, tol_of(dt) * 4, "rfft");
    CHECK_OK(lapis_fft_irfft(r, n, 0, LAPIS_FFT_NORM_BACKWARD, &back));
    CHECK(!is_cplx(dtype_of(back)));
    check_values(back, n, xr, NULL, tol_of(dt) * 4, "irfft(rfft(x))");
    lapis_array_free(back);
    lapis_array_free(r);
    /* ihfft = conj(rfft)/n; hfft(ihfft(x), n) = x */
    {
      double cr[12], ci[12];
      for (j = 0; j < h; ++j) {
        cr[j] = yr[j] / n;
        ci[j] = -yi[j] / n;
      }
      CHECK_OK(lapis_fft_ihfft(x, -1, 0, LAPIS_FFT_NORM_BACKWARD, &r));
      check_values(r, h, cr, ci, tol_of(dt) * 4, "ihfft");
      CHECK_OK(lapis_fft_hfft(r, n, 0, LAPIS_FFT_NORM_BACKWARD, &back));
      check_values(back, n, xr, NULL, tol_of(dt) * 4, "hfft(ihfft(x))");
      lapis_array_free(back);
      lapis_array_free(r);
    }
  } else {
    r = NULL;
    CHECK_STATUS(lapis_fft_rfft(x, -1, 0, LAPIS_FFT_NORM_BACKWARD, &r), LAPIS_ERR_INVALID_ARGUMENT);
    CHECK_MESSAGE("expected real input");
    CHECK(r == NULL);
  }
  lapis_array_free(x);
}

/* fft along axis 1 of a (2,8) float64 array into strided, negative-stride
 * and F-order complex128 outs; fft2 vs nested naive DFTs. */
static void outs_and_nd(void) {
  static const int64_t sh[2] = {2, 8};
  double xr[16], xi[16], yr[16], yi[16], buf[64], zero[16];
  int64_t sstr[2] = {256, 32}, nstr[2] = {-128, -16};
  lapis_array *x, *o = NULL, *r = NULL;
  int i, j;
  for (j = 0; j < 16; ++j) {
    xr[j] = cos(0.4 * j * j + 0.3);
    xi[j] = 0;
    zero[j] = 0;
  }
  x = mk(LAPIS_FLOAT64, 2, sh, xr, NULL);
  for (i = 0; i < 2; ++i) dft(8, xr + 8 * i, zero, -1, yr + 8 * i, yi + 8 * i);
  /* strided: every other complex of a (2, 16) complex buffer */
  for (j = 0; j < 64; ++j) buf[j] = -3;
  CHECK_OK(lapis_array_wrap(buf, sizeof buf, 0, LAPIS_COMPLEX128, 2, sh, sstr, false, &o));
  CHECK_OK(lapis_fft_fft_out(x, -1, 1, LAPIS_FFT_NORM_BACKWARD, o));
  for (i = 0; i < 2; ++i)
    for (j = 0; j < 8; ++j) {
      CHECK_CLOSE(buf[32 * i + 4 * j], yr[8 * i + j], 1e-12);
      CHECK_CLOSE(buf[32 * i + 4 * j + 1], yi[8 * i + j], 1e-12);
      CHECK(buf[32 * i + 4 * j + 2] == -3);
    }
  lapis_array_free(o);
  /* negative strides: (0,0) is the last complex of 16 */
  CHECK_OK(lapis_array_wrap(buf, 16 * 16, 15 * 16, LAPIS_COMPLEX128, 2, sh, nstr, false, &o));
  CHECK_OK(lapis_fft_fft_out(x, -1, -1, LAPIS_FFT_NORM_BACKWARD, o));
  for (j = 0; j < 16; ++j) {
    CHECK_CLOSE(buf[2 * (15 - j)], yr[j], 1e-12);
    CHECK_CLOSE(buf[2 * (15 - j) + 1], yi[j], 1e-12);
  }
  /* in place inverse on that view brings x back */
  CHECK_OK(lapis_fft_ifft_inplace(o, 1, LAPIS_FFT_NORM_BACKWARD));
  for (j = 0; j < 16; ++j) {
    CHECK_CLOSE(buf[2 * (15 - j)], xr[j], 1e-12);
    CHECK_CLOSE(buf[2 * (15 - j) + 1], 0.0, 1e-12);
  }
  lapis_array_free(o);
  /* F-order out */
  CHECK_OK(lapis_array_wrap_contiguous(buf, LAPIS_COMPLEX128, 2, sh, LAPIS_ORDER_F, false, &o));
  CHECK_OK(lapis_fft_fft_out(x, -1, 1, LAPIS_FFT_NORM_BACKWARD, o));
  for (i = 0; i < 2; ++i)
    for (j = 0; j < 8; ++j) CHECK_CLOSE(buf[2 * (i + 2 * j)], yr[8 * i + j], 1e-12);
  /* wrong shape out (n = 4): nothing written */
  buf[0] = 1234;
  CHECK_STATUS(lapis_fft_fft_out(x, 4, 1, LAPIS_FFT_NORM_BACKWARD, o), LAPIS_ERR_SHAPE_MISMATCH);
  CHECK(buf[0] == 1234);
  lapis_array_free(o);
  /* fft2 = DFT along axis 1 then along axis 0 */
  {
    double zr[16], zi[16];
    for (j = 0; j < 8; ++j) {
      zr[j] = yr[j] + yr[8 + j];
      zi[j] = yi[j] + yi[8 + j];
      zr[8 + j] = yr[j] - yr[8 + j];
      zi[8 + j] = yi[j] - yi[8 + j];
    }
    CHECK_OK(lapis_fft_fft2(x, -1, NULL, -1, NULL, LAPIS_FFT_NORM_BACKWARD, &r));
    check_values(r, 16, zr, zi, 1e-12, "fft2");
    lapis_array_free(r);
    {
      int64_t axes[2] = {0, 1};
      CHECK_OK(lapis_fft_fftn(x, -1, NULL, 2, axes, LAPIS_FFT_NORM_BACKWARD, &r));
      check_values(r, 16, zr, zi, 1e-12, "fftn axes");
      CHECK_OK(lapis_fft_ifftn(r, -1, NULL, -1, NULL, LAPIS_FFT_NORM_BACKWARD, &o));
      check_values(o, 16, xr, xi, 1e-12, "ifftn(fftn)");
      lapis_array_free(o);
      lapis_array_free(r);
      CHECK_OK(lapis_fft_rfftn(x, -1, NULL, -1, NULL, LAPIS_FFT_NORM_BACKWARD, &r));
      {
        int64_t s[2] = {2, 8}, shp[2] = {0, 0};
        CHECK_OK(lapis_array_shape(r, shp, 2));
        CHECK(shp[0] == 2 && shp[1] == 5);
        CHECK_OK(lapis_fft_irfftn(r, 2, s, -1, NULL, LAPIS_FFT_NORM_BACKWARD, &o));
        check_values(o, 16, xr, NULL, 1e-12, "irfftn(rfftn)");
        lapis_array_free(o);
        CHECK_OK(lapis_fft_irfft2(r, 2, s, -1, NULL, LAPIS_FFT_NORM_BACKWARD, &o));
        check_values(o, 16, xr, NULL, 1e-12, "irfft2");
        lapis_array_free(o);
      }
      lapis_array_free(r);
    }
  }
  lapis_array_free(x);
}

/* The n-d _out forms: fft2/fftn of a (2,8) float64 array into F-order,
 * negative-stride and strided complex128 outs vs nested naive DFTs;
 * rfftn_out / irfftn_out round trip; out = x; wrong dtype and shape
 * refused with out untouched. */
static void nd_outs(void) {
  static const int64_t sh[2] = {2, 8}, sh5[2] = {2, 5};
  double xr[16], yr[16], yi[16], zr[16], zi[16], zero[16], buf[64], rbuf[16];
  int64_t nstr[2] = {-128, -16}, sstr[2] = {160, 32};
  int64_t axes[2] = {-1, 0}, s[2] = {2, 8};
  lapis_array *x, *o = NULL, *spec = NULL, *back = NULL, *c = NULL;
  int i, j;
  for (j = 0; j < 16; ++j) {
    xr[j] = sin(0.7 * j * j + 0.2) - 0.1 * j;
    zero[j] = 0;
  }
  x = mk(LAPIS_FLOAT64, 2, sh, xr, NULL);
  for (i = 0; i < 2; ++i) dft(8, xr + 8 * i, zero, -1, yr + 8 * i, yi + 8 * i);
  for (j = 0; j < 8; ++j) {
    zr[j] = yr[j] + yr[8 + j];
    zi[j] = yi[j] + yi[8 + j];
    zr[8 + j] = yr[j] - yr[8 + j];
    zi[8 + j] = yi[j] - yi[8 + j];
  }
  /* F-order out */
  for (j = 0; j < 64; ++j) buf[j] = -3;
  CHECK_OK(lapis_array_wrap_contiguous(buf, LAPIS_COMPLEX128, 2, sh, LAPIS_ORDER_F, false, &o));
  CHECK_OK(lapis_fft_fft2_out(x, -1, NULL, -1, NULL, LAPIS_FFT_NORM_BACKWARD, o));
  for (i = 0; i < 2; ++i)
    for (j = 0; j < 8; ++j) {
      CHECK_CLOSE(buf[2 * (i + 2 * j)], zr[8 * i + j], 1e-12);
      CHECK_CLOSE(buf[2 * (i + 2 * j) + 1], zi[8 * i + j], 1e-12);
    }
  /* wrong shape (s = {2, 4}) and wrong dtype: nothing written */
  {
    int64_t s4[2] = {2, 4};
    buf[0] = 1234;
    CHECK_STATUS(lapis_fft_fftn_out(x, 2, s4, -1, NULL, LAPIS_FFT_NORM_BACKWARD, o), LAPIS_ERR_SHAPE_MISMATCH);
    CHECK_MESSAGE("(2,4)");
    CHECK(buf[0] == 1234);
  }
  lapis_array_free(o);
  CHECK_OK(lapis_array_wrap_contiguous(buf, LAPIS_COMPLEX64, 2, sh, LAPIS_ORDER_C, false, &o));
  CHECK_STATUS(lapis_fft_fftn_out(x, -1, NULL, -1, NULL, LAPIS_FFT_NORM_BACKWARD, o), LAPIS_ERR_INVALID_ARGUMENT);
  CHECK_MESSAGE("expected dtype complex128, got complex64");
  CHECK(buf[0] == 1234);
  lapis_array_free(o);
  /* negative strides, axes given in another order, ortho */
  CHECK_OK(lapis_array_wrap(buf, 16 * 16, 15 * 16, LAPIS_COMPLEX128, 2, sh, nstr, false, &o));
  CHECK_OK(lapis_fft_fftn_out(x, -1, NULL, 2, axes, LAPIS_FFT_NORM_ORTHO, o));
  for (j = 0; j < 16; ++j) {
    CHECK_CLOSE(buf[2 * (15 - j)], zr[j] / 4, 1e-12);
    CHECK_CLOSE(buf[2 * (15 - j) + 1], zi[j] / 4, 1e-12);
  }
  /* ifftn_out from that view into itself brings x back */
  CHECK_OK(lapis_fft_ifftn_out(o, -1, NULL, -1, NULL, LAPIS_FFT_NORM_ORTHO, o));
  for (j = 0; j < 16; ++j) {
    CHECK_CLOSE(buf[2 * (15 - j)], xr[j], 1e-12);
    CHECK_CLOSE(buf[2 * (15 - j) + 1], 0.0, 1e-12);
  }
  lapis_array_free(o);
  /* rfftn_out into a strided (2,5) view, irfftn_out / irfft2_out back */
  for (j = 0; j < 64; ++j) buf[j] = -3;
  CHECK_OK(lapis_array_wrap(buf, sizeof buf, 0, LAPIS_COMPLEX128, 2, sh5, sstr, false, &spec));
  CHECK_OK(lapis_fft_rfftn_out(x, -1, NULL, -1, NULL, LAPIS_FFT_NORM_FORWARD, spec));
  for (i = 0; i < 2; ++i)
    for (j = 0; j < 5; ++j) {
      CHECK_CLOSE(buf[20 * i + 4 * j], zr[8 * i + j] / 16, 1e-12);
      CHECK_CLOSE(buf[20 * i + 4 * j + 1], zi[8 * i + j] / 16, 1e-12);
      CHECK(buf[20 * i + 4 * j + 2] == -3);
    }
  CHECK_OK(lapis_array_wrap_contiguous(rbuf, LAPIS_FLOAT64, 2, sh, LAPIS_ORDER_F, false, &back));
  CHECK_OK(lapis_fft_irfftn_out(spec, 2, s, -1, NULL, LAPIS_FFT_NORM_FORWARD, back));
  for (i = 0; i < 2; ++i)
    for (j = 0; j < 8; ++j) CHECK_CLOSE(rbuf[i + 2 * j], xr[8 * i + j], 1e-12);
  for (j = 0; j < 16; ++j) rbuf[j] = 0;
  CHECK_OK(lapis_fft_irfft2_out(spec, 2, s, -1, NULL, LAPIS_FFT_NORM_FORWARD, back));
  for (i = 0; i < 2; ++i)
    for (j = 0; j < 8; ++j) CHECK_CLOSE(rbuf[i + 2 * j], xr[8 * i + j], 1e-12);
  /* rfft2_out / ifft2_out */
  CHECK_OK(lapis_fft_rfft2_out(x, -1, NULL, -1, NULL, LAPIS_FFT_NORM_BACKWARD, spec));
  CHECK_CLOSE(buf[0], zr[0], 1e-12);
  CHECK_CLOSE(buf[20 + 4], zr[9], 1e-12);
  CHECK_OK(lapis_fft_fft2(x, -1, NULL, -1, NULL, LAPIS_FFT_NORM_BACKWARD, &c));
  CHECK_OK(lapis_fft_ifft2_out(c, -1, NULL, -1, NULL, LAPIS_FFT_NORM_BACKWARD, c));
  check_values(c, 16, xr, zero, 1e-12, "ifft2_out into its input");
  CHECK_STATUS(lapis_fft_fft2_out(x, -1, NULL, -1, NULL, LAPIS_FFT_NORM_BACKWARD, NULL), LAPIS_ERR_NULL_ARGUMENT);
  lapis_array_free(c);
  lapis_array_free(back);
  lapis_array_free(spec);
  lapis_array_free(x);
}

static void helpers_and_errors(void) {
  double f6[6] = {0, 1.0 / 3, 2.0 / 3, -1.0, -2.0 / 3, -1.0 / 3};
  double v[5] = {0, 1, 2, 3, 4}, sv[5] = {3, 4, 0, 1, 2};
  static const int64_t s5[1] = {5};
  lapis_array *r = NULL, *x = mk(LAPIS_FLOAT64, 1, s5, v, NULL), *back = NULL;
  CHECK_OK(lapis_fft_fftfreq(6, 0.5, &r));
  check_values(r, 6, f6, NULL, 1e-15, "fftfreq");
  lapis_array_free(r);
  CHECK_OK(lapis_fft_rfftfreq(6, 1.0 / 3, &r));
  {
    double w[4] = {0, 0.5, 1.0, 1.5};
    check_values(r, 4, w, NULL, 1e-15, "rfftfreq");
  }
  lapis_array_free(r);
  CHECK_OK(lapis_fft_fftshift(x, -1, NULL, &r));
  check_values(r, 5, sv, NULL, 0.0, "fftshift");
  CHECK_OK(lapis_fft_ifftshift(r, -1, NULL, &back));
  check_values(back, 5, v, NULL, 0.0, "ifftshift");
  lapis_array_free(back);
  lapis_array_free(r);
  r = NULL;
  CHECK_STATUS(lapis_fft_fft(x, 0, 0, LAPIS_FFT_NORM_BACKWARD, &r), LAPIS_ERR_INVALID_ARGUMENT);
  CHECK_MESSAGE("Invalid number of data points (0)");
  CHECK_STATUS(lapis_fft_fft(x, -2, 0, LAPIS_FFT_NORM_BACKWARD, &r), LAPIS_ERR_INVALID_ARGUMENT);
  CHECK_STATUS(lapis_fft_fft(x, -1, 0, 7, &r), LAPIS_ERR_INVALID_ARGUMENT);
  CHECK_MESSAGE("norm");
  CHECK_STATUS(lapis_fft_fft(x, -1, 1, LAPIS_FFT_NORM_BACKWARD, &r), LAPIS_ERR_INDEX);
  CHECK_STATUS(lapis_fft_fft(NULL, -1, 0, LAPIS_FFT_NORM_BACKWARD, &r), LAPIS_ERR_NULL_ARGUMENT);
  CHECK_STATUS(lapis_fft_fft(x, -1, 0, LAPIS_FFT_NORM_BACKWARD, NULL), LAPIS_ERR_NULL_ARGUMENT);
  CHECK_STATUS(lapis_fft_fftfreq(0, 1.0, &r), LAPIS_ERR_INVALID_ARGUMENT);
  CHECK_STATUS(lapis_fft_fftfreq(4, 0.0, &r), LAPIS_ERR_INVALID_ARGUMENT);
  CHECK_STATUS(lapis_fft_fftn(x, 2, NULL, -1, NULL, LAPIS_FFT_NORM_BACKWARD, &r), LAPIS_ERR_NULL_ARGUMENT);
  CHECK_STATUS(lapis_fft_fft_inplace(x, 0, LAPIS_FFT_NORM_BACKWARD), LAPIS_ERR_INVALID_ARGUMENT);
  check_values(x, 5, v, NULL, 0.0, "x unchanged");
  CHECK(r == NULL);
  lapis_array_free(x);
}

int main(void) {
  static const int ns[4] = {1, 5, 8, 12};
  int k, m;
  for (k = 0; k < 4; ++k)
    for (m = 0; m < 4; ++m) one_d(ALL_DTYPES[k], ns[m]);
  outs_and_nd();
  nd_outs();
  helpers_and_errors();
  return check_summary("test_fft");
}
