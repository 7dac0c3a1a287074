! Shared checking helpers for the Fortran tests: expect() counts failures,
! summary() reports them and stops with a nonzero code if any failed.
module testutil
  use, intrinsic :: iso_fortran_env, only: error_unit
  implicit none
  private
  public :: expect, summary
  integer, save :: nchecks = 0, nfail = 0
contains
  subroutine expect(cond, what)
    logical, intent(in) :: cond
    character(*), intent(in) :: what
    nchecks = nchecks + 1
    if (.not. cond) then
      nfail = nfail + 1
      write (error_unit, '(a)') 'FAIL: ' // what
    end if
  end subroutine expect

  subroutine summary(name)
    character(*), intent(in) :: name
    if (nfail > 0) then
      write (error_unit, '(a, ": ", i0, " of ", i0, " checks failed")') name, nfail, nchecks
      error stop 1
    end if
    write (*, '(a, ": all ", i0, " checks passed")') name, nchecks
  end subroutine summary
end module testutil
