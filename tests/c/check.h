/* A minimal checking harness for the C ABI tests: C99 and C++11 alike.
 * CHECK(cond) records a failure with file:line; CHECK_OK(call) expects
 * LAPIS_OK and prints lapis_last_error() otherwise; CHECK_STATUS(call, s)
 * expects status s; CHECK_CLOSE(a, b, tol) compares doubles.
 * A test's main ends with `return check_summary("name");`. */
#ifndef LAPIS_TEST_CHECK_H
#define LAPIS_TEST_CHECK_H

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "lapis.h"

static int check_failures = 0;
static int check_count = 0;

#define CHECK(cond)                                                        \
  do {                                                                     \
    ++check_count;                                                         \
    if (!(cond)) {                                                         \
      ++check_failures;                                                    \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__,     \
              #cond);                                                      \
    }                                                                      \
  } while (0)

#define CHECK_OK(call)                                                     \
  do {                                                                     \
    lapis_status check_s_ = (call);                                        \
    ++check_count;                                                         \
    if (check_s_ != LAPIS_OK) {                                            \
      ++check_failures;                                                    \
      fprintf(stderr, "%s:%d: %s returned %s: %s\n", __FILE__, __LINE__,   \
              #call, lapis_status_string((int32_t)check_s_),               \
              lapis_last_error());                                         \
    }                                                                      \
  } while (0)

#define CHECK_STATUS(call, expected)                                       \
  do {                                                                     \
    lapis_status check_s_ = (call);                                        \
    ++check_count;                                                         \
    if (check_s_ != (expected)) {                                          \
      ++check_failures;                                                    \
      fprintf(stderr, "%s:%d: %s returned %s, expected %s (%s)\n",         \
              __FILE__, __LINE__, #call,                                   \
              lapis_status_string((int32_t)check_s_),                      \
              lapis_status_string((int32_t)(expected)),                    \
              lapis_last_error());                                         \
    }                                                                      \
  } while (0)

#define CHECK_CLOSE(a, b, tol)                                             \
  do {                                                                     \
    double check_a_ = (double)(a), check_b_ = (double)(b);                 \
    ++check_count;                                                         \
    if (!(fabs(check_a_ - check_b_) <= (tol))) {                           \
      ++check_failures;                                                    \
      fprintf(stderr, "%s:%d: %s = %.17g, expected %s = %.17g (tol %g)\n", \
              __FILE__, __LINE__, #a, check_a_, #b, check_b_,              \
              (double)(tol));                                              \
    }                                                                      \
  } while (0)

/* The last error message contains `needle`. */
#define CHECK_MESSAGE(needle)                                              \
  do {                                                                     \
    ++check_count;                                                         \
    if (strstr(lapis_last_error(), (needle)) == NULL) {                    \
      ++check_failures;                                                    \
      fprintf(stderr, "%s:%d: last error \"%s\" lacks \"%s\"\n", __FILE__, \
              __LINE__, lapis_last_error(), (needle));                     \
    }                                                                      \
  } while (0)

static int check_summary(const char *name) {
  if (check_failures) {
    fprintf(stderr, "%s: %d of %d checks FAILED\n", name, check_failures,
            check_count);
    return 1;
  }
  printf("%s: all %d checks passed\n", name, check_count);
  return 0;
}

#endif
