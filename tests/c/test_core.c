/* Library-wide functions: version, status names, last error, threads,
 * backend description. */
#include <stdlib.h>

#include "check.h"

int main(void) {
  char expected[64];
  snprintf(expected, sizeof expected, "%d.%d.%d", LAPIS_VERSION_MAJOR,
           LAPIS_VERSION_MINOR, LAPIS_VERSION_PATCH);
  CHECK(strcmp(lapis_version(), expected) == 0);
  CHECK(strcmp(lapis_version(), LAPIS_VERSION_STRING) == 0);

  CHECK(strcmp(lapis_status_string(LAPIS_OK), "LAPIS_OK") == 0);
  CHECK(strcmp(lapis_status_string(LAPIS_ERR_SHAPE_MISMATCH),
               "LAPIS_ERR_SHAPE_MISMATCH") == 0);
  CHECK(strcmp(lapis_status_string(LAPIS_ERR_INTERNAL),
               "LAPIS_ERR_INTERNAL") == 0);
  CHECK(strcmp(lapis_status_string(-1), "LAPIS_UNKNOWN_STATUS") == 0);
  CHECK(strcmp(lapis_status_string(1000), "LAPIS_UNKNOWN_STATUS") == 0);

  /* No failure yet on this thread: the message is empty, not NULL. */
  CHECK(lapis_last_error() != NULL && lapis_last_error()[0] == '\0');

  CHECK_STATUS(lapis_set_num_threads(0), LAPIS_ERR_INVALID_ARGUMENT);
  CHECK_MESSAGE("set_num_threads");
  CHECK_OK(lapis_set_num_threads(2));
  CHECK(lapis_get_num_threads() == 2);
  CHECK_OK(lapis_set_num_threads(1));
  CHECK(lapis_get_num_threads() == 1);
  /* Success leaves the previous message in place (errno-like). */
  CHECK_MESSAGE("set_num_threads");

  CHECK(strstr(lapis_backend_info(), "backend: ") != NULL);
  CHECK(strstr(lapis_backend_info(), "lapack_version: ") != NULL);
  /* The staged library is built on Debian's OpenBLAS: LP64. */
  CHECK(strstr(lapis_backend_info(), "\nint_bits: 32\n") != NULL);
  CHECK(strstr(lapis_backend_info(), "\nserialized: yes\n") != NULL ||
        strstr(lapis_backend_info(), "\nserialized: no\n") != NULL);
  return check_summary("test_core");
}
