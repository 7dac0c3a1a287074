/* Handle validation: a double free, a use after free (as input, as output,
 * after the slot was reused), and values lapis never returned (a stack
 * address, a heap block, a FILE *, small integers, a forged key) each give
 * LAPIS_ERR_INVALID_HANDLE with a message naming the argument, never a
 * crash, never a read through the pointer (run under valgrind by
 * `make test-c`), and leave out-parameters untouched. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "check.h"

static lapis_array *sentinel(void) { return (lapis_array *)(uintptr_t)0x1; }

/* Every function that takes a handle must refuse `bad` the same way. */
static void refused_everywhere(lapis_array *bad, lapis_array *good, const char *what) {
  lapis_array *out = sentinel();
  int64_t n = -7, idx[2] = {0, 0};
  lapis_complex128 z, one;
  z.re = -7; z.im = 0;
  one.re = 1; one.im = 0;
  CHECK_STATUS(lapis_array_ndim(bad, &n), LAPIS_ERR_INVALID_HANDLE);
  CHECK_MESSAGE(what);
  CHECK_MESSAGE("lapis_array_ndim: argument 'a'");
  CHECK(n == -7);
  CHECK_STATUS(lapis_add(good, bad, &out), LAPIS_ERR_INVALID_HANDLE);
  CHECK_MESSAGE("lapis_add: argument 'y'");
  CHECK_STATUS(lapis_add(good, good, &out), LAPIS_OK);
  CHECK(out != sentinel());
  lapis_array_free(out);
  out = sentinel();
  CHECK_STATUS(lapis_add_out(good, good, bad), LAPIS_ERR_INVALID_HANDLE);
  CHECK_STATUS(lapis_array_copy(bad, LAPIS_ORDER_C, &out), LAPIS_ERR_INVALID_HANDLE);
  CHECK_STATUS(lapis_sum_all(bad, &z), LAPIS_ERR_INVALID_HANDLE);
  CHECK_STATUS(lapis_gemm(LAPIS_NO_TRANS, LAPIS_NO_TRANS, one, good, good, one, bad),
               LAPIS_ERR_INVALID_HANDLE);
  CHECK_STATUS(lapis_linalg_det(bad, &out), LAPIS_ERR_INVALID_HANDLE);
  CHECK_STATUS(lapis_array_get(bad, idx, &z), LAPIS_ERR_INVALID_HANDLE);
  CHECK(z.re == -7.0);
  CHECK_STATUS(lapis_array_free(bad), LAPIS_ERR_INVALID_HANDLE);
  CHECK(out == sentinel());
}

int main(void) {
  int64_t s22[2] = {2, 2}, idx[2] = {0, 1};
  lapis_array *a = NULL, *b = NULL, *v = NULL, *again = NULL, *stale = NULL;
  int64_t n = 0;
  lapis_complex128 z;
  int on_stack = 0;
  void *heap = malloc(64);

  CHECK_OK(lapis_ones(2, s22, LAPIS_FLOAT64, LAPIS_ORDER_C, &a));
  CHECK_OK(lapis_ones(2, s22, LAPIS_FLOAT64, LAPIS_ORDER_C, &b));
  CHECK(a != NULL && b != NULL && a != b);

  /* NULL stays a no-op for free and a NULL argument elsewhere. */
  CHECK_OK(lapis_array_free(NULL));
  CHECK_STATUS(lapis_array_ndim(NULL, &n), LAPIS_ERR_NULL_ARGUMENT);

  /* Double free and use after free. A view made before the free still
   * works (it holds the buffer, not the handle). */
  CHECK_OK(lapis_array_transpose(b, &v));
  stale = b;
  CHECK_OK(lapis_array_free(b));
  refused_everywhere(stale, a, "freed");
  CHECK_STATUS(lapis_array_free(stale), LAPIS_ERR_INVALID_HANDLE);
  CHECK_MESSAGE("lapis_array_free: argument 'a'");
  CHECK_MESSAGE("freed twice");
  CHECK_OK(lapis_array_ndim(v, &n));
  CHECK(n == 2);

  /* The freed slot is reused by the next array, under a new key: the stale
   * copy does not name the new array. */
  CHECK_OK(lapis_zeros(2, s22, LAPIS_FLOAT64, LAPIS_ORDER_F, &again));
  CHECK(again != stale);
  CHECK_STATUS(lapis_array_ndim(stale, &n), LAPIS_ERR_INVALID_HANDLE);
  z.re = -1;
  CHECK_OK(lapis_array_get(again, idx, &z));
  CHECK(z.re == 0.0);

  /* Values lapis never returned: nothing is read through them. */
  refused_everywhere((lapis_array *)(void *)&on_stack, a, "not a lapis_array handle");
  refused_everywhere((lapis_array *)heap, a, "not a lapis_array handle");
  refused_everywhere((lapis_array *)(void *)stdout, a, "not a lapis_array handle");
  refused_everywhere(sentinel(), a, "not a lapis_array handle");
  refused_everywhere((lapis_array *)(uintptr_t)UINT64_C(0xFFFFFFFFFFFFFFFF), a,
                     "not a lapis_array handle");
  /* A forged key with lapis's tag but a slot never handed out. */
  refused_everywhere((lapis_array *)(uintptr_t)UINT64_C(0x1A00000000FFFFFF), a,
                     "not a lapis_array handle");

  /* A handle freed while a view of it lives, then the view freed: no leak
   * (valgrind checks), and both frees succeed once. */
  CHECK_OK(lapis_array_free(v));
  CHECK_STATUS(lapis_array_free(v), LAPIS_ERR_INVALID_HANDLE);
  CHECK_OK(lapis_array_free(again));
  CHECK_OK(lapis_array_free(a));
  free(heap);
  return check_summary("test_handles");
}
