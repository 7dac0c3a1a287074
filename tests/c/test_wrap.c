/* Caller memory wrapped in place, as a C or Fortran program holds it:
 * a column-major matrix with a leading dimension (a sub-block written
 * through lapis, guard values around it untouched), const data wrapped
 * read-only and copied out, and one read-only handle read by several
 * threads at once (pthreads). */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>

#include "check.h"

#define LDA 7
#define ROWS 5
#define COLS 4
#define NTHREADS 4

static lapis_complex128 cz(double re, double im) {
  lapis_complex128 z;
  z.re = re;
  z.im = im;
  return z;
}

/* A Fortran-style LDA x COLS complex buffer (interleaved re, im) holding a
 * ROWS x COLS matrix in its first rows; rows ROWS..LDA-1 are padding. */
static void test_fortran_block(void) {
  double *mem = (double *)malloc(sizeof(double) * 2 * LDA * COLS);
  int64_t shape[2], strides[2], start[2], stop[2];
  lapis_array *m = NULL, *blk = NULL, *ct = NULL;
  int64_t i, j;
  for (j = 0; j < COLS; ++j) {
    for (i = 0; i < LDA; ++i) {
      mem[2 * (i + LDA * j)] = i < ROWS ? (double)(10 * i + j) : -999.0;
      mem[2 * (i + LDA * j) + 1] = i < ROWS ? 0.5 * (double)j : -999.0;
    }
  }
  shape[0] = ROWS;
  shape[1] = COLS;
  strides[0] = 16;
  strides[1] = 16 * LDA;
  /* The extent is the whole LDA x COLS buffer: the last column ends at
   * row ROWS - 1, inside it. */
  CHECK_OK(lapis_array_wrap(mem, sizeof(double) * 2 * LDA * COLS, 0,
                            LAPIS_COMPLEX128, 2, shape, strides, false, &m));
  for (i = 0; i < ROWS; ++i) {
    for (j = 0; j < COLS; ++j) {
      lapis_complex128 z = cz(NAN, NAN);
      int64_t idx[2];
      idx[0] = i;
      idx[1] = j;
      CHECK_OK(lapis_array_get(m, idx, &z));
      CHECK(z.re == (double)(10 * i + j) && z.im == 0.5 * (double)j);
    }
  }
  /* Zero the block m[1:4, 1:3] through a view: only those elements change. */
  start[0] = 1;
  start[1] = 1;
  stop[0] = 4;
  stop[1] = 3;
  CHECK_OK(lapis_array_slice(m, 2, start, stop, NULL, &blk));
  CHECK_OK(lapis_array_fill(blk, cz(0, 0)));
  for (j = 0; j < COLS; ++j) {
    for (i = 0; i < LDA; ++i) {
      int in_blk = i >= 1 && i < 4 && j >= 1 && j < 3;
      double re = mem[2 * (i + LDA * j)], im = mem[2 * (i + LDA * j) + 1];
      if (i >= ROWS) {
        CHECK(re == -999.0 && im == -999.0); /* padding untouched */
      } else if (in_blk) {
        CHECK(re == 0.0 && im == 0.0);
      } else {
        CHECK(re == (double)(10 * i + j) && im == 0.5 * (double)j);
      }
    }
  }
  /* A C-order copy of the strided block is dense and independent. */
  CHECK_OK(lapis_array_copy(m, LAPIS_ORDER_C, &ct));
  {
    double out[2 * ROWS * COLS];
    CHECK_OK(lapis_array_read(ct, out, sizeof out, LAPIS_ORDER_C));
    CHECK(out[2 * (0 * COLS + 3)] == 3.0);     /* m[0, 3] */
    CHECK(out[2 * (2 * COLS + 2)] == 0.0);     /* zeroed block */
    CHECK(out[2 * (4 * COLS + 1) + 1] == 0.5); /* m[4, 1].im */
  }
  /* The wrap may not pretend the padding of the last column is longer. */
  shape[0] = LDA + 1;
  CHECK_STATUS(lapis_array_wrap(mem, sizeof(double) * 2 * LDA * COLS, 0,
                                LAPIS_COMPLEX128, 2, shape, strides, false,
                                &blk),
               LAPIS_ERR_BAD_STRIDE);
  CHECK_MESSAGE("axis");
  lapis_array_free(m);
  lapis_array_free(ct);
  lapis_array_free(blk); /* the view: frees last, after its base */
  free(mem);
}

static const float CONST_DATA[6] = {1, 2, 3, 4, 5, 6};

static void test_const_data(void) {
  int64_t shape[2];
  lapis_array *a = NULL, *c = NULL;
  float out[6];
  shape[0] = 3;
  shape[1] = 2;
  /* Const memory, wrapped read-only (lapis never writes it). */
  CHECK_OK(lapis_array_wrap_contiguous((void *)(uintptr_t)CONST_DATA,
                                       LAPIS_FLOAT32, 2, shape, LAPIS_ORDER_F,
                                       true, &a));
  CHECK_STATUS(lapis_array_fill(a, cz(0, 0)), LAPIS_ERR_READ_ONLY);
  CHECK_OK(lapis_array_copy(a, LAPIS_ORDER_C, &c));
  CHECK_OK(lapis_array_fill(c, cz(7, 0))); /* the copy is writable */
  CHECK_OK(lapis_array_read(a, out, sizeof out, LAPIS_ORDER_C));
  /* F-order (3, 2): a[i, j] = data[i + 3j]; C order reads row by row. */
  CHECK(out[0] == 1 && out[1] == 4 && out[2] == 2 && out[3] == 5 &&
        out[4] == 3 && out[5] == 6);
  lapis_array_free(a);
  lapis_array_free(c);
}

/* Several threads read one shared read-only handle at once. */
struct reader {
  const lapis_array *a;
  int ok;
};

static void *read_all(void *arg) {
  struct reader *r = (struct reader *)arg;
  double buf[1000];
  int round;
  r->ok = 1;
  for (round = 0; round < 50; ++round) {
    int64_t k;
    lapis_array *v = NULL;
    int64_t idx[1];
    lapis_complex128 z;
    if (lapis_array_read(r->a, buf, sizeof buf, LAPIS_ORDER_C) != LAPIS_OK) r->ok = 0;
    for (k = 0; k < 1000; ++k)
      if (buf[k] != (double)k) r->ok = 0;
    if (lapis_array_transpose(r->a, &v) != LAPIS_OK) r->ok = 0;
    idx[0] = 999 - round;
    if (lapis_array_get(v, idx, &z) != LAPIS_OK || z.re != (double)(999 - round)) r->ok = 0;
    lapis_array_free(v);
  }
  return NULL;
}

static void test_threads(void) {
  double *data = (double *)malloc(sizeof(double) * 1000);
  int64_t n = 1000, k;
  lapis_array *a = NULL;
  pthread_t th[NTHREADS];
  struct reader r[NTHREADS];
  int t;
  for (k = 0; k < 1000; ++k) data[k] = (double)k;
  CHECK_OK(lapis_array_wrap_contiguous(data, LAPIS_FLOAT64, 1, &n,
                                       LAPIS_ORDER_C, true, &a));
  for (t = 0; t < NTHREADS; ++t) {
    r[t].a = a;
    r[t].ok = 0;
    CHECK(pthread_create(&th[t], NULL, read_all, &r[t]) == 0);
  }
  for (t = 0; t < NTHREADS; ++t) {
    CHECK(pthread_join(th[t], NULL) == 0);
    CHECK(r[t].ok == 1);
  }
  lapis_array_free(a);
  free(data);
}

int main(void) {
  test_fortran_block();
  test_const_data();
  test_threads();
  return check_summary("test_wrap");
}
