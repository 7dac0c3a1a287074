! An electronic-structure style iteration with the lapis Fortran module:
! build the Hamiltonian H and overlap S of a non-orthogonal basis, solve
! the generalized eigenproblem H x = e S x (lapis_eigh_generalized), rotate
! the occupied wavefunctions (Rayleigh-Ritz in the occupied subspace, with
! lapis_gemm on array sections), update a mean-field potential from the
! density, repeat until the band energy settles. Real and complex (a
! Peierls phase e^{i phi} on the hopping makes H complex Hermitian; the real
! run uses its real part cos(phi)).
#define T real(c_double)
#define CONJ(x) (x)
#define PHASE(p) cos(p)
#define MODNAME scf_real
#define RUN run_real
#define KTAG 'real(c_double)'
#include "scf_body.inc"
#undef T
#undef CONJ
#undef PHASE
#undef MODNAME
#undef RUN
#undef KTAG
#define T complex(c_double_complex)
#define CONJ(x) conjg(x)
#define PHASE(p) exp(cmplx(0.0_c_double, p, kind=c_double_complex))
#define MODNAME scf_complex
#define RUN run_complex
#define KTAG 'complex(c_double_complex)'
#include "scf_body.inc"

program scf
  use scf_real, only: run_real
  use scf_complex, only: run_complex
  implicit none
  call run_real()
  call run_complex()
end program scf
