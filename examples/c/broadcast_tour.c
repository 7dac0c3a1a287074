/* A tour of NumPy-style broadcasting through lapis's C API: shapes that
 * stretch, outputs in any layout, views that cost nothing, and the error a
 * mismatch gives. */
#include <stdio.h>
#include <stdlib.h>

#include "lapis.h"

#define TRY(call)                                                         \
  do {                                                                    \
    lapis_status s_ = (call);                                             \
    if (s_ != LAPIS_OK) {                                                 \
      fprintf(stderr, "%s failed (%s): %s\n", #call,                      \
              lapis_status_string((int32_t)s_), lapis_last_error());      \
      exit(1);                                                            \
    }                                                                     \
  } while (0)

/* Prints a real 1-d or 2-d array (any layout) in C order. */
static void show(const char *name, const lapis_array *a) {
  int64_t ndim = 0, shape[2] = {1, 1}, strides[2], flags32 = 0;
  int32_t flags = 0;
  TRY(lapis_array_ndim(a, &ndim));
  TRY(lapis_array_shape(a, shape, ndim));
  TRY(lapis_array_strides(a, strides, ndim));
  TRY(lapis_array_flags(a, &flags));
  flags32 = flags;
  int64_t rows = ndim == 2 ? shape[0] : 1, cols = ndim == 2 ? shape[1] : shape[0];
  double *buf = (double *)malloc(sizeof(double) * (size_t)(rows * cols));
  TRY(lapis_array_read(a, buf, sizeof(double) * (size_t)(rows * cols), LAPIS_ORDER_C));
  printf("%s: shape (", name);
  for (int64_t i = 0; i < ndim; ++i) printf(i ? ",%lld" : "%lld", (long long)shape[i]);
  printf(ndim == 1 ? ",)" : ")");
  printf(", strides (");
  for (int64_t i = 0; i < ndim; ++i) printf(i ? ",%lld" : "%lld", (long long)strides[i]);
  printf(")%s%s\n", (flags32 & LAPIS_FLAG_C_CONTIGUOUS) ? " C-contiguous" : "",
         (flags32 & LAPIS_FLAG_F_CONTIGUOUS) ? " F-contiguous" : "");
  for (int64_t r = 0; r < rows; ++r) {
    printf("  ");
    for (int64_t c = 0; c < cols; ++c) printf("%8.3f", buf[r * cols + c]);
    printf("\n");
  }
  free(buf);
}

int main(void) {
  lapis_array *a0, *a, *col0, *col, *row, *sum, *prod, *f, *mean, *centered, *rev, *bad;
  int64_t s34[2] = {3, 4}, s31[2] = {3, 1}, n4 = 4;

  /* a = arange(12).reshape(3, 4); col = arange(3).reshape(3, 1); row = linspace(0, 1, 4) */
  TRY(lapis_arange(0, 12, 1, LAPIS_FLOAT64, &a0));
  TRY(lapis_array_reshape(a0, 2, s34, LAPIS_ORDER_C, &a));
  TRY(lapis_arange(0, 3, 1, LAPIS_FLOAT64, &col0));
  TRY(lapis_array_reshape(col0, 2, s31, LAPIS_ORDER_C, &col));
  TRY(lapis_linspace(0, 1, n4, true, LAPIS_FLOAT64, &row));
  show("a", a);
  show("col", col);
  show("row", row);

  puts("\n(3,4) + (3,1): the column stretches along the rows");
  TRY(lapis_add(a, col, &sum));
  show("a + col", sum);

  puts("\n(3,4) * (4,): the row stretches down the columns");
  TRY(lapis_multiply(a, row, &prod));
  show("a * row", prod);

  puts("\n(3,1) + (4,) -> (3,4), written into an existing Fortran-order array");
  TRY(lapis_zeros(2, s34, LAPIS_FLOAT64, LAPIS_ORDER_F, &f));
  TRY(lapis_add_out(col, row, f));
  show("col + row (F order)", f);

  puts("\nCentering the columns: a - mean(a, axis=0, keepdims)");
  int64_t axis0 = 0;
  TRY(lapis_mean(a, 1, &axis0, true, &mean));
  TRY(lapis_subtract(a, mean, &centered));
  show("mean", mean);
  show("a - mean", centered);

  puts("\nViews cost nothing: a reversed along both axes, then added in place");
  int64_t start[2] = {LAPIS_SLICE_NONE, LAPIS_SLICE_NONE}, stop[2] = {LAPIS_SLICE_NONE, LAPIS_SLICE_NONE},
          step[2] = {-1, -1};
  TRY(lapis_array_slice(a, 2, start, stop, step, &rev));
  show("a[::-1, ::-1]", rev);
  TRY(lapis_add_inplace(centered, rev));
  show("(a - mean) += a[::-1, ::-1]", centered);

  puts("\nShapes that do not broadcast give an error, never a crash:");
  lapis_status st = lapis_add(a, col0, &bad); /* (3,4) + (3,) */
  printf("  lapis_add((3,4), (3,)) -> %s: %s\n", lapis_status_string((int32_t)st),
         lapis_last_error());

  lapis_array_free(a0); lapis_array_free(a); lapis_array_free(col0);
  lapis_array_free(col); lapis_array_free(row); lapis_array_free(sum);
  lapis_array_free(prod); lapis_array_free(f); lapis_array_free(mean);
  lapis_array_free(centered); lapis_array_free(rev);
  return 0;
}
