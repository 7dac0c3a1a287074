! The profiler from Fortran: lapis_profile_enable/disable/reset (module
! lapis re-exports them from lapis_c) and lapis_profile_print, which writes
! the table to a Fortran unit. Checks the call count of lapis_gemm's
! routine, read back from a scratch file.
program test_profile
  use, intrinsic :: iso_c_binding
  use lapis
  use testutil
  implicit none
  real(c_double) :: a(16, 16), c(16, 16)
  integer :: i
  a = 1
  c = 0
  call expect(lapis_profile_disable() == LAPIS_OK, 'disable')
  call expect(lapis_profile_reset() == LAPIS_OK, 'reset')
  call lapis_gemm('N', 'N', 1.0_c_double, a, a, 0.0_c_double, c)
  call expect(gemm_calls() == -1, 'nothing recorded while off')
  call expect(lapis_profile_enable() == LAPIS_OK, 'enable')
  do i = 1, 4
    call lapis_gemm('N', 'T', 1.0_c_double, a, a, 0.0_c_double, c)
  end do
  call expect(gemm_calls() == 4, 'four gemm calls recorded')
  call expect(abs(c(3, 5) - 16) <= 0, 'gemm result')
  call expect(lapis_profile_reset() == LAPIS_OK, 'reset again')
  call expect(gemm_calls() == -1, 'reset forgets')
  call expect(lapis_profile_disable() == LAPIS_OK, 'disable again')
  call summary('test_profile')
contains
  ! The calls column of the report's gemm line (-1: no such line).
  integer function gemm_calls() result(n)
    integer :: u, ios
    character(len=256) :: line, name
    n = -1
    open (newunit=u, status='scratch', action='readwrite')
    call lapis_profile_print(u)
    rewind (u)
    do
      read (u, '(a)', iostat=ios) line
      if (ios /= 0) exit
      if (line(1:5) == 'gemm ') then
        read (line, *) name, n
      end if
    end do
    close (u)
  end function gemm_calls
end program test_profile
