! An error without `stat`: lapis_solve on mismatched shapes must print the
! message on stderr and stop with a nonzero exit code. The Makefile runs
! this program expecting failure and checks stderr (it must never print
! "not reached").
program test_error_stop
  use, intrinsic :: iso_c_binding, only: c_double
  use lapis
  implicit none
  real(c_double) :: a(3, 3), b(4), x(4)
  a = 1
  b = 1
  x = 0
  call lapis_solve(a, b, x)
  print '(a)', 'not reached'
end program test_error_stop
