/* The profiler through the C ABI: lapis_profile_enable/disable/reset,
 * lapis_profile_report to a FILE * and lapis_profile_report_string into a
 * caller's buffer (cut short with the full length in *needed). The
 * numbers are checked where they are exact: call counts and GEMM flops. */
#include <stdint.h>
#include <stdlib.h>

#include "check.h"

/* The whitespace-separated field `col` (0: the name) of the report line
 * for `routine`, or -1 when there is no such line. */
static double field(const char *report, const char *routine, int col) {
  size_t n = strlen(routine);
  const char *line = report;
  while (line && *line) {
    if (strncmp(line, routine, n) == 0 && line[n] == ' ') {
      const char *p = line;
      int c;
      for (c = 0; c < col; ++c) {
        while (*p && *p != ' ') ++p;
        while (*p == ' ') ++p;
      }
      return strtod(p, NULL);
    }
    line = strchr(line, '\n');
    if (line) ++line;
  }
  return -1;
}

static char *report_string(void) {
  int64_t need = 0;
  char *buf;
  CHECK_OK(lapis_profile_report_string(NULL, 0, &need));
  CHECK(need > 1);
  buf = (char *)malloc((size_t)need);
  CHECK_OK(lapis_profile_report_string(buf, need, NULL));
  return buf;
}

static void gemm_calls(int calls, int64_t n) {
  int64_t shape[2];
  lapis_array *a = NULL, *c = NULL;
  lapis_complex128 one = {1.0, 0.0}, zero = {0.0, 0.0};
  int i;
  shape[0] = shape[1] = n;
  CHECK_OK(lapis_ones(2, shape, LAPIS_FLOAT64, LAPIS_ORDER_C, &a));
  CHECK_OK(lapis_zeros(2, shape, LAPIS_FLOAT64, LAPIS_ORDER_C, &c));
  for (i = 0; i < calls; ++i)
    CHECK_OK(lapis_gemm(LAPIS_NO_TRANS, LAPIS_NO_TRANS, one, a, a, zero, c));
  lapis_array_free(a);
  lapis_array_free(c);
}

int main(void) {
  char *r;
  char small[16];
  int64_t need = 0;
  FILE *f;
  long len;

  /* Off (the environment does not set LAPIS_PROFILE here): nothing. */
  CHECK_OK(lapis_profile_disable());
  CHECK_OK(lapis_profile_reset());
  gemm_calls(2, 8);
  r = report_string();
  CHECK(field(r, "gemm", 1) < 0);
  free(r);

  CHECK_OK(lapis_profile_enable());
  gemm_calls(3, 128);
  r = report_string();
  CHECK(strncmp(r, "lapis profile", 13) == 0);
  CHECK(field(r, "gemm", 1) == 3); /* calls */
  CHECK(field(r, "gemm", 2) > 0);  /* total ms */
  /* GFLOP/s (column 6) = 3 * 2 * 128^3 flops / total seconds, both as
     printed (total to 1 us, GFLOP/s to 0.01) */
  CHECK(field(r, "gemm", 6) > 0);
  CHECK_CLOSE(field(r, "gemm", 6),
              3 * 2.0 * 128 * 128 * 128 / (field(r, "gemm", 2) * 1e-3) / 1e9,
              0.02 * field(r, "gemm", 6) + 0.02);
  free(r);

  /* Cut short: NUL-terminated, the full length still reported. */
  CHECK_OK(lapis_profile_report_string(small, (int64_t)sizeof small, &need));
  CHECK(small[sizeof small - 1] == '\0' && strlen(small) == sizeof small - 1);
  CHECK(need > (int64_t)sizeof small);
  CHECK_STATUS(lapis_profile_report_string(NULL, 8, &need), LAPIS_ERR_NULL_ARGUMENT);
  CHECK_STATUS(lapis_profile_report_string(small, -1, &need), LAPIS_ERR_INVALID_VALUE);

  /* To a FILE *: the same table. */
  f = tmpfile();
  CHECK(f != NULL);
  if (f) {
    char *text;
    CHECK_OK(lapis_profile_report(f));
    len = ftell(f);
    CHECK(len == need - 1);
    text = (char *)calloc((size_t)len + 1, 1);
    rewind(f);
    CHECK(fread(text, 1, (size_t)len, f) == (size_t)len);
    CHECK(field(text, "gemm", 1) == 3);
    free(text);
    fclose(f);
  }

  /* Off again: counts stay; reset forgets. */
  CHECK_OK(lapis_profile_disable());
  gemm_calls(2, 8);
  r = report_string();
  CHECK(field(r, "gemm", 1) == 3);
  free(r);
  CHECK_OK(lapis_profile_reset());
  r = report_string();
  CHECK(field(r, "gemm", 1) < 0);
  CHECK(strstr(r, "(nothing recorded)") != NULL);
  free(r);
  return check_summary("test_profile");
}
