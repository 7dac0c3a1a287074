! FFTs through the lapis module on Fortran arrays and sections: values
! against a naive DFT written here, round trips, rfft/irfft, transforms
! along each dim of a matrix against the 1-D ones, fftn against sequential
! transforms, the 'ortho' norm (Parseval), and errors through stat/errmsg
! leaving the output untouched.
program test_fft
  use, intrinsic :: iso_c_binding
  use lapis
  use testutil
  implicit none
  real(c_double), parameter :: pi = 3.141592653589793238d0
  call one_d_double()
  call real_input_double()
  call matrix_double()
  call single_precision()
  call errors()
  call summary('test_fft')
contains
  ! y(k) = sum_j x(j) exp(sgn 2 pi i j k / n), in double precision.
  subroutine naive_dft(x, y, sgn)
    complex(c_double_complex), intent(in) :: x(:)
    complex(c_double_complex), intent(out) :: y(:)
    integer, intent(in) :: sgn
    integer :: j, k, n
    n = size(x)
    do k = 0, n - 1
      y(k + 1) = (0.0d0, 0.0d0)
      do j = 0, n - 1
        y(k + 1) = y(k + 1) + x(j + 1) * exp(cmplx(0.0d0, sgn * 2 * pi * mod(j * k, n) / n, c_double_complex))
      end do
    end do
  end subroutine naive_dft

  real(c_double) function tol(n)
    integer, intent(in) :: n
    tol = 32 * epsilon(1.0d0) * n
  end function tol

  subroutine one_d_double()
    integer, parameter :: n = 12
    complex(c_double_complex), target :: buf(2 * n), out(n + 3), back(n), ref(n)
    integer :: j
    do j = 1, 2 * n
      buf(j) = cmplx(sin(0.7d0 * j), cos(0.3d0 * j * j), c_double_complex)
    end do
    out = (99.0d0, 0.0d0)
    ! Input: every other element; output: a reversed section of a longer array.
    call naive_dft(buf(1:2 * n:2), ref, -1)
    call lapis_fft(buf(1:2 * n:2), out(n:1:-1))
    call expect(maxval(abs(out(n:1:-1) - ref)) <= tol(n) * maxval(abs(ref)), 'z fft of a strided section into a reversed one')
    call expect(all(abs(out(n + 1:) - (99.0d0, 0.0d0)) <= 0.0d0), 'z fft leaves the rest of the output alone')
    call lapis_ifft(out(n:1:-1), back)
    call expect(maxval(abs(back - buf(1:2 * n:2))) <= tol(n), 'z ifft(fft(x)) = x')
    ! Prime length and n = 1.
    call check_length(7)
    call check_length(1)
    ! Crop: the output is shorter than the input (NumPy's n).
    call lapis_fft(buf(1:n), out(1:5))
    call naive_dft(buf(1:5), ref(1:5), -1)
    call expect(maxval(abs(out(1:5) - ref(1:5))) <= tol(5) * maxval(abs(ref(1:5))), 'z fft cropped to the output length')
    ! Parseval with norm='ortho'.
    call lapis_fft(buf(1:n), out(1:n), norm='ortho')
    call expect(abs(sum(abs(out(1:n))**2) - sum(abs(buf(1:n))**2)) <= tol(n) * sum(abs(buf(1:n))**2), &
                'z ortho fft keeps the 2-norm (Parseval)')
  end subroutine one_d_double

  subroutine check_length(m)
    integer, intent(in) :: m
    complex(c_double_complex), target :: x(m), y(m), ref(m)
    integer :: j
    do j = 1, m
      x(j) = cmplx(1.0d0 / j, -0.5d0 * j, c_double_complex)
    end do
    call lapis_fft(x, y)
    call naive_dft(x, ref, -1)
    call expect(maxval(abs(y - ref)) <= tol(m) * maxval(abs(ref)), 'z fft of a short length vs the naive DFT')
  end subroutine check_length

  subroutine real_input_double()
    integer, parameter :: n = 10
    real(c_double), target :: x(n), xr(n), big(2 * n)
    complex(c_double_complex), target :: y(n / 2 + 1), full(n), xc(n)
    integer :: j
    do j = 1, n
      x(j) = cos(1.3d0 * j) + 0.1d0 * j
    end do
    call lapis_rfft(x, y)
    xc = cmplx(x, 0.0d0, c_double_complex)
    call naive_dft(xc, full, -1)
    call expect(maxval(abs(y - full(1:n / 2 + 1))) <= tol(n) * maxval(abs(full)), 'd rfft vs the naive DFT')
    ! irfft into a strided real section: the length comes from the output.
    big = -1.0d0
    call lapis_irfft(y, big(1:2 * n:2))
    call expect(maxval(abs(big(1:2 * n:2) - x)) <= tol(n) * maxval(abs(x)), 'd irfft(rfft(x)) = x into a section')
    call expect(all(abs(big(2:2 * n:2) + 1.0d0) <= 0.0d0), 'd irfft leaves the gaps alone')
    xr = 0.0d0
    call lapis_irfft(y, xr, norm='backward')
    call expect(maxval(abs(xr - x)) <= tol(n) * maxval(abs(x)), 'd irfft with an explicit norm')
  end subroutine real_input_double

  subroutine matrix_double()
    integer, parameter :: m = 5, n = 6
    complex(c_double_complex), target :: a(m, n), b(m, n), c(m, n), ref(n), big(2 * m, n)
    integer :: i, j
    do j = 1, n
      do i = 1, m
        a(i, j) = cmplx(sin(0.2d0 * i + 0.9d0 * j), 0.1d0 * i - 0.05d0 * j * j, c_double_complex)
      end do
    end do
    ! Along dim 2 (the rows of the matrix): each row against the naive DFT.
    call lapis_fft(a, b, dim=2)
    do i = 1, m
      call naive_dft(a(i, :), ref, -1)
      call expect(maxval(abs(b(i, :) - ref)) <= tol(n) * maxval(abs(ref)), 'z fft along dim 2, row by row')
    end do
    ! fftn = fft along dim 1 of (fft along dim 2), written into a strided section.
    big = (5.0d0, 5.0d0)
    call lapis_fftn(a, big(1:2 * m:2, :))
    call lapis_fft(b, c, dim=1)
    call expect(maxval(abs(big(1:2 * m:2, :) - c)) <= tol(m * n) * maxval(abs(c)), 'z fftn vs sequential 1-D transforms')
    call expect(all(abs(big(2:2 * m:2, :) - (5.0d0, 5.0d0)) <= 0.0d0), 'z fftn leaves the other rows alone')
    call lapis_ifftn(big(1:2 * m:2, :), c)
    call expect(maxval(abs(c - a)) <= tol(m * n) * maxval(abs(a)), 'z ifftn(fftn(a)) = a')
    ! A transposed view (a reversed, strided one too) as the input.
    call lapis_fft(a(m:1:-1, :), b, dim=1)
    do j = 1, n
      call naive_dft(a(m:1:-1, j), ref(1:m), -1)
      call expect(maxval(abs(b(:, j) - ref(1:m))) <= tol(m) * maxval(abs(ref(1:m))), 'z fft of a reversed section, dim 1')
    end do
  end subroutine matrix_double

  subroutine single_precision()
    integer, parameter :: n = 8
    complex(c_float_complex), target :: x(n), y(n), back(n)
    complex(c_double_complex) :: xd(n), ref(n)
    real(c_float), target :: r(n)
    complex(c_float_complex), target :: ry(n / 2 + 1)
    integer :: j
    do j = 1, n
      x(j) = cmplx(0.5 * j, -0.25 * j * j, c_float_complex)
      r(j) = real(j, c_float) ** 0.5
    end do
    call lapis_fft(x, y)
    xd = x
    call naive_dft(xd, ref, -1)
    call expect(maxval(abs(y - ref)) <= 32 * epsilon(1.0) * n * maxval(abs(ref)), 'c fft vs the naive DFT')
    call lapis_ifft(y, back)
    call expect(maxval(abs(back - x)) <= 32 * epsilon(1.0) * n * maxval(abs(x)), 'c ifft(fft(x)) = x')
    call lapis_rfft(r, ry)
    xd = cmplx(r, 0.0, c_double_complex)
    call naive_dft(xd, ref, -1)
    call expect(maxval(abs(ry - ref(1:n / 2 + 1))) <= 32 * epsilon(1.0) * n * maxval(abs(ref)), 's rfft vs the naive DFT')
  end subroutine single_precision

  subroutine errors()
    complex(c_double_complex), target :: x(6), y(6), a(3, 4), b(4, 3)
    real(c_double), target :: r(6)
    complex(c_double_complex), target :: ry(3)
    integer :: st
    character(len=200) :: msg
    x = (1.0d0, 2.0d0)
    y = (7.0d0, 7.0d0)
    msg = ''
    call lapis_fft(x, y, norm='sideways', stat=st, errmsg=msg)
    call expect(st == LAPIS_ERR_INVALID_ARGUMENT, 'unknown norm gives INVALID_ARGUMENT')
    call expect(index(msg, 'sideways') > 0, 'the message names the bad norm')
    call expect(all(abs(y - (7.0d0, 7.0d0)) <= 0.0d0), 'bad norm: output untouched')
    call lapis_fft(x, y, dim=2, stat=st, errmsg=msg)
    call expect(st == LAPIS_ERR_INDEX, 'dim out of range gives INDEX')
    call expect(index(msg, 'dim = 2') > 0, 'the message names the bad dim')
    a = (1.0d0, 0.0d0)
    b = (3.0d0, 3.0d0)
    call lapis_fftn(a, b, stat=st, errmsg=msg)
    call expect(st == LAPIS_ERR_SHAPE_MISMATCH, 'fftn into a wrong shape gives SHAPE_MISMATCH')
    call expect(all(abs(b - (3.0d0, 3.0d0)) <= 0.0d0), 'wrong shape: output untouched')
    ! rfft of 6 reals has 4 outputs, not 3.
    r = 1.0d0
    ry = (8.0d0, 8.0d0)
    call lapis_rfft(r, ry, stat=st, errmsg=msg)
    call expect(st == LAPIS_ERR_SHAPE_MISMATCH, 'rfft into a too-short output gives SHAPE_MISMATCH')
    call expect(all(abs(ry - (8.0d0, 8.0d0)) <= 0.0d0), 'rfft error: output untouched')
  end subroutine errors
end program test_fft
