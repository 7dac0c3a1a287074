/* Compile-time checks of lapis.h's option-code kinds: not a program that
 * runs. check_codes.sh compiles it with each CASE and expects exactly the
 * outcomes listed; a header that lets a swap through fails the check.
 *   CASE 0  correct calls: compile everywhere (C99, C11, C++11, C++11 with
 *           LAPIS_TYPED_CODES), warning-free under -Wall -Wextra -Werror.
 *   CASE 1  two codes of different kinds swapped (uplo/trans, dtype/order):
 *           a warning in C (-Wenum-conversion, an error with -Werror), an
 *           error in C++ with LAPIS_TYPED_CODES.
 *   CASE 2  a bare integer where a code goes: accepted by C and by C++
 *           without LAPIS_TYPED_CODES; an error with it.
 *   CASE 3  the header under -fshort-enums (C11): its size check fails. */
#include <lapis.h>

lapis_status solve_lower(const lapis_array *a, const lapis_array *b, lapis_array **x);
lapis_status make_zeros(const int64_t *shape, lapis_array **out);

lapis_status solve_lower(const lapis_array *a, const lapis_array *b, lapis_array **x) {
#if CASE == 1
  return lapis_linalg_solve_triangular(a, b, LAPIS_TRANS, LAPIS_LOWER, LAPIS_NON_UNIT, x);
#elif CASE == 2
  return lapis_linalg_solve_triangular(a, b, 1, 1, 0, x);
#else
  return lapis_linalg_solve_triangular(a, b, LAPIS_LOWER, LAPIS_TRANS, LAPIS_NON_UNIT, x);
#endif
}

lapis_status make_zeros(const int64_t *shape, lapis_array **out) {
#if CASE == 1
  return lapis_zeros(2, shape, LAPIS_ORDER_F, LAPIS_FLOAT64, out);
#else
  lapis_dtype dt = LAPIS_FLOAT64;
  lapis_order order = LAPIS_ORDER_F;
  return lapis_zeros(2, shape, dt, order, out);
#endif
}
