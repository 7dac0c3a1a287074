/* Built only from an installed lapis (header, libraries, pkg-config or CMake
 * files): reports which BLAS/LAPACK runs, checks it against what the link
 * line asked for, and computes with it.
 *
 *   probe <detected> <lapack_detected> <status> <library-substring>
 *
 * e.g. `probe openblas openblas match libopenblas`. A library substring of
 * "@self" means the program's own file (a statically linked BLAS). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lapis.h>

/* The value of "key: value" in lapis_backend_info(), into buf. */
static const char *field(const char *key, char *buf, size_t len) {
  const char *info = lapis_backend_info();
  size_t k = strlen(key);
  for (const char *line = info; line && *line;) {
    const char *end = strchr(line, '\n');
    size_t n = end ? (size_t)(end - line) : strlen(line);
    if (n > k + 1 && strncmp(line, key, k) == 0 && line[k] == ':') {
      size_t v = n - k - 2;
      if (v >= len) v = len - 1;
      memcpy(buf, line + k + 2, v);
      buf[v] = '\0';
      return buf;
    }
    line = end ? end + 1 : NULL;
  }
  buf[0] = '\0';
  return buf;
}

static int failures = 0;
static void expect(int ok, const char *what) {
  if (!ok) {
    fprintf(stderr, "probe: FAILED: %s\n", what);
    failures++;
  }
}

int main(int argc, char **argv) {
  if (argc != 5) {
    fprintf(stderr, "usage: probe <detected> <lapack_detected> <status> <library>\n");
    return 2;
  }
  char detected[64], lapack[64], status[64], blas_lib[4096], self[4096];
  printf("%s", lapis_backend_info());
  field("detected", detected, sizeof detected);
  field("lapack_detected", lapack, sizeof lapack);
  field("status", status, sizeof status);
  field("blas_library", blas_lib, sizeof blas_lib);
  expect(strcmp(detected, argv[1]) == 0, "detected BLAS");
  expect(strcmp(lapack, argv[2]) == 0, "detected LAPACK");
  expect(strcmp(status, argv[3]) == 0, "status");
  if (strcmp(argv[4], "@self") == 0) {
    ssize_t n = 0;
    FILE *f = fopen("/proc/self/cmdline", "r");
    if (f) {
      n = (ssize_t)fread(self, 1, sizeof self - 1, f);
      fclose(f);
    }
    self[n > 0 ? n : 0] = '\0';
    /* dladdr names the program as it was started (argv[0]). */
    expect(strcmp(blas_lib, self) == 0, "BLAS code is in the program itself");
  } else {
    expect(strstr(blas_lib, argv[4]) != NULL, "BLAS library path");
  }
  /* lapis_backend_check agrees with the status line. */
  lapis_status s = lapis_backend_check();
  expect((s == LAPIS_OK) == (strcmp(status, "mismatch") != 0), "lapis_backend_check");

  /* BLAS through lapis: C = A·B, 2×2, row-major. */
  double a[4] = {1, 2, 3, 4}, b[4] = {5, 6, 7, 8}, c[4] = {0, 0, 0, 0};
  s = lapis_dgemm(LAPIS_ORDER_C, LAPIS_NO_TRANS, LAPIS_NO_TRANS, 2, 2, 2, 1.0, a, 2, b, 2,
                  0.0, c, 2);
  expect(s == LAPIS_OK, "lapis_dgemm status");
  expect(c[0] == 19 && c[1] == 22 && c[2] == 43 && c[3] == 50, "lapis_dgemm values");

  /* LAPACK through lapis: det of a 3×3 matrix (LU). */
  double m[9] = {4, 1, 0, 1, 3, 1, 0, 1, 2};
  int64_t shape[2] = {3, 3};
  lapis_array *h = NULL;
  s = lapis_array_wrap_contiguous(m, LAPIS_FLOAT64, 2, shape, LAPIS_ORDER_C, true, &h);
  expect(s == LAPIS_OK, "wrap");
  lapis_complex128 det;
  s = lapis_linalg_det_scalar(h, &det);
  expect(s == LAPIS_OK, "lapis_linalg_det_scalar status");
  /* 4·(3·2 − 1·1) − 1·(1·2 − 1·0) + 0 = 18 */
  expect(fabs(det.re - 18.0) < 1e-12 && det.im == 0, "det value");
  lapis_array_free(h);

  if (failures) {
    fprintf(stderr, "probe: %d failure(s)\n", failures);
    return 1;
  }
  printf("probe: ok (%s BLAS, %s LAPACK, %s)\n", detected, lapack, status);
  return 0;
}
