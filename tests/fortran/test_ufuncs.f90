! Ufuncs and reductions through the lapis module on Fortran arrays and
! sections: values against Fortran's own intrinsics, the output section's
! untouched elements, and a shape error reported through stat/errmsg.
program test_ufuncs
  use, intrinsic :: iso_c_binding
  use lapis
  use testutil
  implicit none
  call real_double()
  call complex_double()
  call real_single()
  call summary('test_ufuncs')
contains
  subroutine real_double()
    real(c_double), target :: x(4, 3), y(4, 3), big(8, 3), e(4, 3), small(3, 3)
    real(c_double) :: s, m, nrm, mx
    integer :: i, j, st
    character(len=200) :: msg
    do j = 1, 3
      do i = 1, 4
        x(i, j) = 0.25d0 * i - 0.5d0 * j
        y(i, j) = 1.0d0 / (i + j)
      end do
    end do
    big = -7.0d0
    ! The output is a strided section: every other row of big.
    call lapis_add(x, y, big(1:8:2, :))
    call expect(all(abs(big(1:8:2, :) - (x + y)) <= 4 * epsilon(1.0d0)), 'd add into a section')
    call expect(all(abs(big(2:8:2, :) + 7.0d0) <= 0.0d0), 'd add leaves the other rows alone')
    call lapis_multiply(x, y, e)
    call expect(all(abs(e - x * y) <= 4 * epsilon(1.0d0)), 'd multiply')
    call lapis_exp(x, e)
    call expect(all(abs(e - exp(x)) <= 4 * epsilon(1.0d0) * exp(x)), 'd exp')
    ! Reductions on a reversed section.
    call lapis_sum(x(4:1:-1, :), s)
    call expect(abs(s - sum(x)) <= 16 * epsilon(1.0d0) * sum(abs(x)), 'd sum of a reversed section')
    call lapis_mean(x(1:4:2, :), m)
    call expect(abs(m - sum(x(1:4:2, :)) / 6) <= 16 * epsilon(1.0d0), 'd mean of a strided section')
    call lapis_max(x, mx)
    call expect(abs(mx - maxval(x)) <= 0.0d0, 'd max')
    call lapis_norm(x, nrm)
    call expect(abs(nrm - sqrt(sum(x**2))) <= 16 * epsilon(1.0d0) * nrm, 'd Frobenius norm')
    ! A shape error: stat and errmsg receive it, the output is untouched.
    small = 3.0d0
    msg = ''
    call lapis_add(x, y, small, stat=st, errmsg=msg)
    call expect(st /= 0, 'd add into a wrong-shape output fails')
    call expect(index(msg, 'broadcast') > 0 .or. index(msg, 'shape') > 0, 'd error message names the shapes')
    call expect(all(abs(small - 3.0d0) <= 0.0d0), 'd failed add leaves its output alone')
  end subroutine real_double

  subroutine complex_double()
    complex(c_double_complex), target :: x(3, 5), y(3, 5), o(3, 5)
    real(c_double), target :: a(3, 5)
    complex(c_double_complex) :: s
    real(c_double) :: nrm
    integer :: i, j
    do j = 1, 5
      do i = 1, 3
        x(i, j) = cmplx(0.1d0 * i, -0.2d0 * j, c_double_complex)
        y(i, j) = cmplx(1.0d0 / (i + j), 0.3d0 * i * j, c_double_complex)
      end do
    end do
    call lapis_subtract(x, y, o)
    call expect(all(abs(o - (x - y)) <= 4 * epsilon(1.0d0)), 'z subtract')
    call lapis_divide(x, y, o)
    call expect(all(abs(o - x / y) <= 16 * epsilon(1.0d0) * abs(x / y)), 'z divide')
    call lapis_exp(x, o)
    call expect(all(abs(o - exp(x)) <= 16 * epsilon(1.0d0) * abs(exp(x))), 'z exp')
    call lapis_abs(x, a)
    call expect(all(abs(a - abs(x)) <= 4 * epsilon(1.0d0) * abs(x)), 'z abs into a real array')
    call lapis_sum(x(:, 5:1:-2), s)
    call expect(abs(s - sum(x(:, 5:1:-2))) <= 16 * epsilon(1.0d0), 'z sum of a reversed strided section')
    call lapis_norm(x, nrm)
    call expect(abs(nrm - sqrt(sum(abs(x)**2))) <= 16 * epsilon(1.0d0) * nrm, 'z Frobenius norm')
  end subroutine complex_double

  subroutine real_single()
    real(c_float), target :: x(6), y(6), o(6)
    real(c_float) :: s
    integer :: i
    do i = 1, 6
      x(i) = 0.5 * i
      y(i) = 2.0 - i
    end do
    call lapis_sqrt(x, o)
    call expect(all(abs(o - sqrt(x)) <= 4 * epsilon(1.0) * sqrt(x)), 's sqrt')
    call lapis_add(x(6:1:-1), y, o)
    call expect(all(abs(o - (x(6:1:-1) + y)) <= 4 * epsilon(1.0) * 8), 's add with a reversed input')
    call lapis_min(y, s)
    call expect(abs(s - minval(y)) <= 0.0, 's min')
  end subroutine real_single
end program test_ufuncs
