! All four kinds through the lapis module: BLAS on contiguous arrays and
! sections, linalg (solve, inv, det, cholesky, eigh, generalized eigh, svd,
! lstsq) checked by residuals and identities, error paths with stat.
! Preprocessed (-cpp): kinds_body.inc is instantiated once per kind.
#define T real(c_float)
#define RK c_float
#define CONJ(x) (x)
#define MK(re, im) real(re, RK)
#define MODNAME kinds_s
#define RUN run_s
#define KTAG 'float32'
#include "kinds_body.inc"
#undef T
#undef RK
#undef MODNAME
#undef RUN
#undef KTAG
#define T real(c_double)
#define RK c_double
#define MODNAME kinds_d
#define RUN run_d
#define KTAG 'float64'
#include "kinds_body.inc"
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
#define MODNAME kinds_c
#define RUN run_c
#define KTAG 'complex64'
#include "kinds_body.inc"
#undef T
#undef RK
#undef MODNAME
#undef RUN
#undef KTAG
#define T complex(c_double_complex)
#define RK c_double
#define MODNAME kinds_z
#define RUN run_z
#define KTAG 'complex128'
#include "kinds_body.inc"

program test_kinds
  use kinds_s, only: run_s
  use kinds_d, only: run_d
  use kinds_c, only: run_c
  use kinds_z, only: run_z
  use testutil, only: summary
  implicit none
  call run_s()
  call run_d()
  call run_c()
  call run_z()
  call summary('test_kinds')
end program test_kinds
