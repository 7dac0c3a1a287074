/* Monte Carlo estimate of pi with lapis from C: draw points in the unit
 * square in chunks, count those inside the quarter circle with ufuncs and a
 * reduction, never holding more than one chunk in memory.
 *
 *   ./pi [samples] [threads]
 *
 * The random stream is Philox keyed by (seed, chunk index), so the result
 * is the same for any thread count. */
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <math.h>
#include <time.h>

#include "lapis.h"

#define TRY(call)                                                         \
  do {                                                                    \
    lapis_status s_ = (call);                                             \
    if (s_ != LAPIS_OK) {                                                 \
      fprintf(stderr, "%s failed (%s): %s\n", #call,                      \
              lapis_status_string((int32_t)s_), lapis_last_error());      \
      return 1;                                                           \
    }                                                                     \
  } while (0)

int main(int argc, char **argv) {
  const int64_t total = argc > 1 ? atoll(argv[1]) : 12000000;
  const int64_t threads = argc > 2 ? atoll(argv[2]) : 2;
  const int64_t chunk = 1 << 20;
  const uint64_t seed = 2026;
  struct timespec t0, t1;
  double signs = 0.0;
  lapis_array *one = NULL;

  TRY(lapis_set_num_threads(threads));
  /* A 0-d array holding 1.0: broadcasts against every chunk. */
  lapis_complex128 v;
  v.re = 1.0; v.im = 0.0;
  TRY(lapis_full(0, NULL, LAPIS_FLOAT64, v, LAPIS_ORDER_C, &one));

  clock_gettime(CLOCK_MONOTONIC, &t0);
  for (int64_t done = 0, k = 0; done < total; done += chunk, ++k) {
    int64_t n = total - done < chunk ? total - done : chunk;
    lapis_array *x = NULL, *y = NULL, *d = NULL;
    lapis_complex128 s;
    TRY(lapis_random_uniform(seed, 2 * (uint64_t)k, 0.0, 1.0, 1, &n, LAPIS_FLOAT64, &x));
    TRY(lapis_random_uniform(seed, 2 * (uint64_t)k + 1, 0.0, 1.0, 1, &n, LAPIS_FLOAT64, &y));
    TRY(lapis_multiply_inplace(x, x));         /* x = x*x         */
    TRY(lapis_multiply_add_inplace(y, y, x));  /* x = y*y + x     */
    TRY(lapis_subtract(one, x, &d));           /* d = 1 - (x²+y²) */
    TRY(lapis_sign_inplace(d));                /* +1 inside, -1 outside */
    TRY(lapis_sum_all(d, &s));
    signs += s.re;
    lapis_array_free(x);
    lapis_array_free(y);
    lapis_array_free(d);
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);

  /* inside - outside = signs, inside + outside = total. */
  double inside = 0.5 * ((double)total + signs);
  double pi = 4.0 * inside / (double)total;
  double ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-6;
  printf("samples %lld, threads %lld: pi ~ %.6f (error %.2e, 1/sqrt(n) = %.1e) in %.1f ms\n",
         (long long)total, (long long)threads, pi, pi - 3.14159265358979323846,
         1.0 / sqrt((double)total), ms);
  lapis_array_free(one);
  return 0;
}
