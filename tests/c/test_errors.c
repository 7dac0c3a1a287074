/* Bad input across the C ABI: every case returns a status and a message
 * naming what was wrong, never crashes, and leaves the caller's memory and
 * out-parameters untouched. */
#include <stdint.h>
#include <stdlib.h>

#include "check.h"

static lapis_array *sentinel(void) { return (lapis_array *)(uintptr_t)0x1; }

int main(void) {
  lapis_array *out = sentinel();
  lapis_array *a = NULL, *b = NULL, *ro = NULL, *zero_stride = NULL, *wrapped = NULL;
  int64_t s23[2] = {2, 3}, s4[1] = {4}, s22[2] = {2, 2};
  double buf[6] = {1, 2, 3, 4, 5, 6}, copy[6];
  lapis_complex128 one;
  one.re = 1; one.im = 0;

  CHECK_OK(lapis_ones(2, s23, LAPIS_FLOAT64, LAPIS_ORDER_C, &a));
  CHECK_OK(lapis_ones(1, s4, LAPIS_FLOAT64, LAPIS_ORDER_C, &b));

  /* NULL handles and NULL out-pointers. */
  CHECK_STATUS(lapis_add(NULL, b, &out), LAPIS_ERR_NULL_ARGUMENT);
  CHECK_MESSAGE("NULL");
  CHECK_STATUS(lapis_add(a, a, NULL), LAPIS_ERR_NULL_ARGUMENT);
  CHECK_STATUS(lapis_zeros(2, NULL, LAPIS_FLOAT64, LAPIS_ORDER_C, &out), LAPIS_ERR_NULL_ARGUMENT);
  CHECK_STATUS(lapis_gemm(LAPIS_NO_TRANS, LAPIS_NO_TRANS, one, a, NULL, one, NULL),
               LAPIS_ERR_NULL_ARGUMENT);
  CHECK_STATUS(lapis_linalg_solve(NULL, NULL, &out), LAPIS_ERR_NULL_ARGUMENT);
  CHECK_STATUS(lapis_sum_all(NULL, NULL), LAPIS_ERR_NULL_ARGUMENT);
  CHECK_STATUS(lapis_dgemm(LAPIS_ORDER_C, LAPIS_NO_TRANS, LAPIS_NO_TRANS, 2, 2, 2, 1.0, NULL, 2,
                           buf, 2, 0.0, copy, 2),
               LAPIS_ERR_NULL_ARGUMENT);
  lapis_array_free(NULL); /* a no-op */
  CHECK(out == sentinel());

  /* Unknown codes. */
  CHECK_STATUS(lapis_zeros(1, s4, 0, LAPIS_ORDER_C, &out), LAPIS_ERR_BAD_DTYPE);
  CHECK_MESSAGE("unknown dtype code 0");
  CHECK_STATUS(lapis_zeros(1, s4, 99, LAPIS_ORDER_C, &out), LAPIS_ERR_BAD_DTYPE);
  CHECK_STATUS(lapis_zeros(1, s4, LAPIS_FLOAT64, 7, &out), LAPIS_ERR_INVALID_ARGUMENT);
  CHECK_MESSAGE("order");
  CHECK_STATUS(lapis_gemm(5, LAPIS_NO_TRANS, one, a, a, one, a), LAPIS_ERR_INVALID_ARGUMENT);
  CHECK_MESSAGE("transpose");
  CHECK(out == sentinel());

  /* Negative and overflowing sizes. */
  {
    int64_t neg[2] = {3, -2}, huge[2] = {INT64_C(1) << 40, INT64_C(1) << 40};
    CHECK_STATUS(lapis_zeros(2, neg, LAPIS_FLOAT64, LAPIS_ORDER_C, &out), LAPIS_ERR_INVALID_ARGUMENT);
    CHECK_MESSAGE("negative dimensions are not allowed");
    CHECK_STATUS(lapis_zeros(2, huge, LAPIS_FLOAT64, LAPIS_ORDER_C, &out), LAPIS_ERR_OVERFLOW);
    CHECK_STATUS(lapis_zeros(-1, s4, LAPIS_FLOAT64, LAPIS_ORDER_C, &out), LAPIS_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(lapis_zeros(33, s4, LAPIS_FLOAT64, LAPIS_ORDER_C, &out), LAPIS_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(lapis_dgemm(LAPIS_ORDER_C, LAPIS_NO_TRANS, LAPIS_NO_TRANS, -1, 2, 2, 1.0, buf, 2,
                             buf, 2, 0.0, copy, 2),
                 LAPIS_ERR_INVALID_ARGUMENT);
    CHECK(out == sentinel());
  }

  /* Strides that step outside a wrapped buffer: 2x3 float64 in 48 bytes. */
  {
    int64_t ok_strides[2] = {24, 8}, far[2] = {32, 8}, back[2] = {-24, 8};
    CHECK_OK(lapis_array_wrap(buf, sizeof buf, 0, LAPIS_FLOAT64, 2, s23, ok_strides, false, &wrapped));
    CHECK_STATUS(lapis_array_wrap(buf, sizeof buf, 0, LAPIS_FLOAT64, 2, s23, far, false, &out),
                 LAPIS_ERR_BAD_STRIDE);
    CHECK_STATUS(lapis_array_wrap(buf, sizeof buf, 0, LAPIS_FLOAT64, 2, s23, back, false, &out),
                 LAPIS_ERR_BAD_STRIDE);
    /* The same negative stride is fine when element 0 starts at row 1. */
    lapis_array *up = NULL;
    CHECK_OK(lapis_array_wrap(buf, sizeof buf, 24, LAPIS_FLOAT64, 2, s23, back, true, &up));
    lapis_complex128 z;
    int64_t i10[2] = {1, 0};
    CHECK_OK(lapis_array_get(up, i10, &z));
    CHECK(z.re == 1.0); /* row 1 of the view is row 0 of the buffer */
    lapis_array_free(up);
    CHECK(out == sentinel());
  }

  /* A writable output whose elements overlap (stride 0) is refused, and
   * the buffer keeps its values. */
  {
    int64_t st[1] = {0}, n4 = 4;
    memcpy(copy, buf, sizeof buf);
    CHECK_OK(lapis_array_wrap(buf, sizeof buf, 0, LAPIS_FLOAT64, 1, &n4, st, false, &zero_stride));
    CHECK_STATUS(lapis_add_out(b, b, zero_stride), LAPIS_ERR_BAD_STRIDE);
    CHECK(memcmp(copy, buf, sizeof buf) == 0);
  }

  /* Shapes: broadcast, matmul, square. */
  CHECK_STATUS(lapis_add(a, b, &out), LAPIS_ERR_SHAPE_MISMATCH);
  CHECK_MESSAGE("operands could not be broadcast together with shapes (2,3) (4,)");
  CHECK_STATUS(lapis_matmul(a, a, &out), LAPIS_ERR_SHAPE_MISMATCH);
  CHECK_STATUS(lapis_linalg_inv(a, &out), LAPIS_ERR_SHAPE_MISMATCH);
  CHECK(out == sentinel());

  /* Read-only output: an error, and the memory untouched. */
  memcpy(copy, buf, sizeof buf);
  CHECK_OK(lapis_array_wrap_contiguous(buf, LAPIS_FLOAT64, 2, s23, LAPIS_ORDER_C, true, &ro));
  CHECK_STATUS(lapis_add_out(a, a, ro), LAPIS_ERR_READ_ONLY);
  {
    lapis_array *ro1 = NULL;
    int64_t n6 = 6;
    CHECK_OK(lapis_array_wrap_contiguous(buf, LAPIS_FLOAT64, 1, &n6, LAPIS_ORDER_C, true, &ro1));
    CHECK_STATUS(lapis_scal(one, ro1), LAPIS_ERR_READ_ONLY);
    CHECK_STATUS(lapis_dscal(6, 2.0, NULL, 1), LAPIS_ERR_NULL_ARGUMENT);
    lapis_array_free(ro1);
  }
  CHECK_STATUS(lapis_array_fill(ro, one), LAPIS_ERR_READ_ONLY);
  CHECK(memcmp(copy, buf, sizeof buf) == 0);

  /* Numerical failures carry the fact. */
  {
    lapis_array *sing = NULL, *npd = NULL, *rhs = NULL;
    double sv[4] = {1, 2, 2, 4}, pv[4] = {1, 2, 2, 1};
    CHECK_OK(lapis_array_wrap_contiguous(sv, LAPIS_FLOAT64, 2, s22, LAPIS_ORDER_C, true, &sing));
    CHECK_OK(lapis_array_wrap_contiguous(pv, LAPIS_FLOAT64, 2, s22, LAPIS_ORDER_C, true, &npd));
    CHECK_OK(lapis_ones(1, s22, LAPIS_FLOAT64, LAPIS_ORDER_C, &rhs));
    CHECK_STATUS(lapis_linalg_solve(sing, rhs, &out), LAPIS_ERR_SINGULAR);
    CHECK_MESSAGE("singular");
    CHECK_STATUS(lapis_linalg_cholesky(npd, LAPIS_LOWER, &out), LAPIS_ERR_NOT_POSITIVE_DEFINITE);
    CHECK_MESSAGE("order 2");
    CHECK(out == sentinel());
    lapis_array_free(sing); lapis_array_free(npd); lapis_array_free(rhs);
  }

  /* Dtype rules: floor is not defined for complex; operands of a BLAS
   * call must share a dtype. */
  {
    lapis_array *c = NULL;
    CHECK_OK(lapis_ones(1, s4, LAPIS_COMPLEX128, LAPIS_ORDER_C, &c));
    CHECK_STATUS(lapis_floor(c, &out), LAPIS_ERR_BAD_DTYPE);
    CHECK_MESSAGE("floor");
    CHECK_STATUS(lapis_axpy(one, c, b), LAPIS_ERR_BAD_DTYPE);
    CHECK(out == sentinel());
    lapis_array_free(c);
  }

  /* Sizes no allocator grants: LAPIS_ERR_OUT_OF_MEMORY, never an abort.
   * Zero-stride views of one wrapped double make huge operands cheaply;
   * the temporaries and results sized by them cannot be allocated. */
  {
    double one_value = 1.0;
    int64_t huge_shape[2] = {2, INT64_C(1) << 58}, zero_strides[2] = {0, 0};
    int64_t col_shape[2] = {INT64_C(1) << 20, 1}, row_shape[2] = {1, INT64_C(1) << 20};
    int64_t axis0[1] = {0};
    lapis_array *huge = NULL, *col = NULL, *row = NULL;
    CHECK_OK(lapis_array_wrap(&one_value, sizeof one_value, 0, LAPIS_FLOAT64, 2, huge_shape,
                              zero_strides, true, &huge));
    /* The sums along axis 0: 2^58 accumulators (2^61 bytes). */
    CHECK_STATUS(lapis_sum(huge, 1, axis0, false, &out), LAPIS_ERR_OUT_OF_MEMORY);
    CHECK_MESSAGE("unable to allocate");
    /* A 2^20 x 2^20 product (8 TiB). */
    CHECK_OK(lapis_array_wrap(&one_value, sizeof one_value, 0, LAPIS_FLOAT64, 2, col_shape,
                              zero_strides, true, &col));
    CHECK_OK(lapis_array_wrap(&one_value, sizeof one_value, 0, LAPIS_FLOAT64, 2, row_shape,
                              zero_strides, true, &row));
    CHECK_STATUS(lapis_matmul(col, row, &out), LAPIS_ERR_OUT_OF_MEMORY);
    /* fftfreq: 2^58 values cannot be allocated; 2^62 overflow the byte count. */
    CHECK_STATUS(lapis_fft_fftfreq(INT64_C(1) << 58, 1.0, &out), LAPIS_ERR_OUT_OF_MEMORY);
    CHECK_STATUS(lapis_fft_fftfreq(INT64_C(1) << 62, 1.0, &out), LAPIS_ERR_OVERFLOW);
    CHECK_STATUS(lapis_fft_rfftfreq(INT64_C(1) << 62, 1.0, &out), LAPIS_ERR_OVERFLOW);
    CHECK(out == sentinel());
    lapis_array_free(huge); lapis_array_free(col); lapis_array_free(row);
  }

  /* More sizes no allocator grants, each the first large allocation of
   * its call: lu's permutation matrix, a stack's per-matrix results,
   * fftshift's copy, argmax's indices. */
  {
    double one_value = 1.0;
    int64_t tall_shape[2] = {INT64_C(1) << 20, 1}, zero2[2] = {0, 0};
    int64_t stack_shape[3] = {INT64_C(1) << 40, 0, 0}, zero3[3] = {0, 0, 0};
    int64_t wide_shape[2] = {2, INT64_C(1) << 58};
    int64_t axis1[1] = {1}, idx[1] = {-1};
    lapis_array *tall = NULL, *stack = NULL, *wide = NULL;
    lapis_array *p = sentinel(), *l = sentinel(), *u = sentinel();
    CHECK_OK(lapis_array_wrap(&one_value, sizeof one_value, 0, LAPIS_FLOAT64, 2, tall_shape,
                              zero2, true, &tall));
    /* (2^20, 1): an 8 MiB factor copy, but P is 2^20 x 2^20 (8 TiB). */
    CHECK_STATUS(lapis_linalg_lu(tall, &p, &l, &u), LAPIS_ERR_OUT_OF_MEMORY);
    CHECK_MESSAGE("unable to allocate");
    CHECK(p == sentinel() && l == sentinel() && u == sentinel());
    /* 2^40 empty matrices: 2^40 determinants (8 TiB). */
    CHECK_OK(lapis_array_wrap(&one_value, sizeof one_value, 0, LAPIS_FLOAT64, 3, stack_shape,
                              zero3, true, &stack));
    CHECK_STATUS(lapis_linalg_det(stack, &out), LAPIS_ERR_OUT_OF_MEMORY);
    CHECK_MESSAGE("unable to allocate");
    /* (2, 2^58): fftshift's rolled copy (2^62 bytes), argmax's 2^58 indices. */
    CHECK_OK(lapis_array_wrap(&one_value, sizeof one_value, 0, LAPIS_FLOAT64, 2, wide_shape,
                              zero2, true, &wide));
    CHECK_STATUS(lapis_fft_fftshift(wide, 1, axis1, &out), LAPIS_ERR_OUT_OF_MEMORY);
    CHECK_MESSAGE("unable to allocate");
    CHECK_STATUS(lapis_argmax(wide, 0, idx, 1), LAPIS_ERR_OUT_OF_MEMORY);
    CHECK(idx[0] == -1);
    CHECK(out == sentinel());
    lapis_array_free(tall); lapis_array_free(stack); lapis_array_free(wide);
  }

  /* A wrapper's own message goes to the same per-thread slot. */
  CHECK_OK(lapis_set_last_error("mywrapper: bad option 'Q'"));
  CHECK(strcmp(lapis_last_error(), "mywrapper: bad option 'Q'") == 0);
  CHECK_OK(lapis_set_last_error(NULL));
  CHECK(strcmp(lapis_last_error(), "") == 0);

  /* Status names cover every code. */
  CHECK(strcmp(lapis_status_string(LAPIS_ERR_BAD_STRIDE), "LAPIS_ERR_BAD_STRIDE") == 0);

  lapis_array_free(a); lapis_array_free(b); lapis_array_free(ro);
  lapis_array_free(zero_stride); lapis_array_free(wrapped);
  return check_summary("test_errors");
}
