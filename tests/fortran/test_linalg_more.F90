! All four kinds through the lapis module: lapis_trsm, lapis_solve_triangular,
! lapis_cholesky_inplace, lapis_eigh_generalized_subset, lapis_cho_factor/solve,
! lapis_lu_factor/solve, lapis_qr_raw, lapis_lstsq (rcond) and lapis_matrix_rank.
! Preprocessed (-cpp): linalg_more_body.inc is instantiated once per kind.
#define T real(c_float)
#define RK c_float
#define CONJ(x) (x)
#define MK(re, im) real(re, RK)
#define MODNAME more_s
#define RUN run_s
#define KTAG 'float32'
#include "linalg_more_body.inc"
#undef T
#undef RK
#undef MODNAME
#undef RUN
#undef KTAG
#define T real(c_double)
#define RK c_double
#define MODNAME more_d
#define RUN run_d
#define KTAG 'float64'
#include "linalg_more_body.inc"
#undef T
#undef RK
#undef CONJ
#undef MK
#undef MODNAME
#undef RUN
#undef KTAG
#define T complex(c_float_complex)
#define RK c_float
#define CONJ(x) conjg(x)
#define MK(re, im) cmplx(re, im, kind=RK)
#define MODNAME more_c
#define RUN run_c
#define KTAG 'complex64'
#include "linalg_more_body.inc"
#undef T
#undef RK
#undef MODNAME
#undef RUN
#undef KTAG
#define T complex(c_double_complex)
#define RK c_double
#define MODNAME more_z
#define RUN run_z
#define KTAG 'complex128'
#include "linalg_more_body.inc"

program test_linalg_more
  use more_s, only: run_s
  use more_d, only: run_d
  use more_c, only: run_c
  use more_z, only: run_z
  use testutil, only: summary
  implicit none
  call run_s()
  call run_d()
  call run_c()
  call run_z()
  call summary('test_linalg_more')
end program test_linalg_more
