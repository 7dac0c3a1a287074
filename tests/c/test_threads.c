/* Reentrancy: several pthreads use lapis at once, each on its own handles
 * (and all reading one shared input), and each sees its own last error.
 * Every thread's results must equal the same computation done alone. */
#include <pthread.h>
#include <stdlib.h>

#include "check.h"

#define NTHREADS 4
#define N 24

typedef struct {
  int id;
  const lapis_array *shared; /* read by every thread */
  double gemm_sum;           /* sum of C = A·Aᵀ */
  double eig_min;            /* smallest eigenvalue of A·Aᵀ + I */
  double add_sum;            /* sum of shared + A */
  int failures;
  char message[256];
} job;

static void run(job *j) {
  lapis_array *a = NULL, *c = NULL, *w = NULL, *v = NULL, *s = NULL,
              *sum = NULL, *eye = NULL;
  int64_t shape[2] = {N, N};
  lapis_complex128 one, zero, r;
  one.re = 1; one.im = 0; zero.re = 0; zero.im = 0;
  j->failures = 0;
  /* Each thread's own random matrix: the key is the thread's id. */
  if (lapis_random_uniform(1234, (uint64_t)j->id, -1.0, 1.0, 2, shape,
                           LAPIS_FLOAT64, &a) != LAPIS_OK ||
      lapis_zeros(2, shape, LAPIS_FLOAT64, LAPIS_ORDER_F, &c) != LAPIS_OK ||
      lapis_gemm(LAPIS_NO_TRANS, LAPIS_TRANS, one, a, a, zero, c) != LAPIS_OK ||
      lapis_sum_all(c, &r) != LAPIS_OK) {
    j->failures++;
    goto done;
  }
  j->gemm_sum = r.re;
  {
    int64_t i0 = 0;
    if (lapis_eye(N, N, 0, LAPIS_FLOAT64, &eye) != LAPIS_OK ||
        lapis_add_inplace(c, eye) != LAPIS_OK ||
        lapis_linalg_eigh(c, LAPIS_LOWER, &w, &v) != LAPIS_OK ||
        lapis_array_get(w, &i0, &r) != LAPIS_OK) {
      j->failures++;
      goto done;
    }
    j->eig_min = r.re;
  }
  if (lapis_add(j->shared, a, &s) != LAPIS_OK ||
      lapis_sum_all(s, &r) != LAPIS_OK) {
    j->failures++;
    goto done;
  }
  j->add_sum = r.re;
  /* A failure with a thread-specific message. */
  {
    int64_t bad[1] = {-(int64_t)j->id - 1};
    if (lapis_zeros(1, bad, LAPIS_FLOAT64, LAPIS_ORDER_C, &sum) !=
        LAPIS_ERR_INVALID_ARGUMENT)
      j->failures++;
    strncpy(j->message, lapis_last_error(), sizeof j->message - 1);
    j->message[sizeof j->message - 1] = '\0';
  }
done:
  lapis_array_free(a); lapis_array_free(c); lapis_array_free(w);
  lapis_array_free(v); lapis_array_free(s); lapis_array_free(sum);
  lapis_array_free(eye);
}

static void *thread_main(void *arg) {
  job *j = (job *)arg;
  for (int rep = 0; rep < 5; ++rep) run(j);
  return NULL;
}

int main(void) {
  lapis_array *shared = NULL;
  int64_t shape[2] = {N, N};
  CHECK_OK(lapis_random_normal(99, 0, 0.0, 1.0, 2, shape, LAPIS_FLOAT64, &shared));
  CHECK_OK(lapis_set_num_threads(1));

  job alone[NTHREADS], together[NTHREADS];
  memset(alone, 0, sizeof alone);
  memset(together, 0, sizeof together);
  for (int i = 0; i < NTHREADS; ++i) {
    alone[i].id = i; alone[i].shared = shared;
    together[i] = alone[i];
    run(&alone[i]);
    CHECK(alone[i].failures == 0);
  }
  pthread_t th[NTHREADS];
  for (int i = 0; i < NTHREADS; ++i)
    CHECK(pthread_create(&th[i], NULL, thread_main, &together[i]) == 0);
  for (int i = 0; i < NTHREADS; ++i) CHECK(pthread_join(th[i], NULL) == 0);

  for (int i = 0; i < NTHREADS; ++i) {
    char expect[64];
    CHECK(together[i].failures == 0);
    /* One BLAS thread and lapis's deterministic loops: bit-identical. */
    CHECK(together[i].gemm_sum == alone[i].gemm_sum);
    CHECK(together[i].eig_min == alone[i].eig_min);
    CHECK(together[i].add_sum == alone[i].add_sum);
    CHECK(alone[i].eig_min >= 1.0 - 1e-10); /* A·Aᵀ + I is >= I */
    snprintf(expect, sizeof expect, "shape[0] = %d", -i - 1);
    CHECK(strstr(together[i].message, expect) != NULL);
  }
  /* Different keys gave different matrices. */
  CHECK(alone[0].gemm_sum != alone[1].gemm_sum);
  lapis_array_free(shared);
  return check_summary("test_threads");
}
