! Functions reached only through module lapis_c, the raw layer generated
! from lapis.h: handles made by lapis_array_wrap_contiguous and by
! lapis_wrap(...)%handle(), a ufunc into a new array, reductions, einsum
! (a C string and a list of handles), a raw BLAS call on Fortran arrays,
! the version and backend strings, and an error path read through
! lapis_last_error. Every result is checked against a computation here.
! Also: module lapis's assumed-rank lapis_wrap refuses a rank-5 array, and
! a freed handle is refused (double free, use after free).
program test_raw
  use, intrinsic :: iso_c_binding
  use lapis, only: lapis_wrap, lapis_array_t
  use lapis_c
  use testutil
  implicit none
  real(c_double), target :: x(5), y(5), a(3, 4), b(4, 2), c(3, 2), e(3, 2), colsum(4)
  real(c_double), target :: r5(2, 1, 1, 1, 2)
  type(c_ptr) :: hx, hy, ha, hb, hs, he, hbad, hsum2
  type(lapis_array_t) :: wa
  integer(c_int) :: st
  integer(c_int64_t) :: idx
  real(c_double) :: v, m
  character(:), allocatable :: s
  character(len=32) :: buf
  integer :: i, j, ist

  hx = c_null_ptr
  hy = c_null_ptr
  ha = c_null_ptr
  hb = c_null_ptr
  hs = c_null_ptr
  he = c_null_ptr
  hbad = c_null_ptr

  ! version and backend strings
  s = lapis_f_string(lapis_version())
  call expect(s == LAPIS_VERSION_STRING, 'lapis_version() is LAPIS_VERSION_STRING, got ' // s)
  write (buf, '(i0, ".", i0, ".", i0)') LAPIS_VERSION_MAJOR, LAPIS_VERSION_MINOR, LAPIS_VERSION_PATCH
  call expect(s == trim(buf), 'lapis_version() is MAJOR.MINOR.PATCH')
  s = lapis_f_string(lapis_backend_info())
  call expect(index(s, 'backend: ') == 1, 'lapis_backend_info() starts with "backend: "')
  call expect(lapis_get_num_threads() >= 1, 'lapis_get_num_threads() >= 1')

  ! a ufunc into a new array: sqrt of a wrapped contiguous buffer
  x = [1.0_c_double, 4.0_c_double, 9.0_c_double, 16.0_c_double, 2.25_c_double]
  st = lapis_array_wrap_contiguous(c_loc(x), LAPIS_FLOAT64, 1_c_int64_t, [5_c_int64_t], LAPIS_ORDER_F, &
    .true._c_bool, hx)
  call expect(st == LAPIS_OK, 'lapis_array_wrap_contiguous')
  st = lapis_sqrt(hx, hy)
  call expect(st == LAPIS_OK, 'lapis_sqrt')
  y = -1
  st = lapis_array_read(hy, c_loc(y), c_sizeof(y), LAPIS_ORDER_F)
  call expect(st == LAPIS_OK, 'lapis_array_read')
  call expect(maxval(abs(y - sqrt(x))) <= 1.0e-15_c_double, 'lapis_sqrt matches sqrt')

  ! reductions to a scalar
  st = lapis_var_all(hx, 1_c_int64_t, v)
  m = sum(x) / size(x)
  call expect(st == LAPIS_OK .and. abs(v - sum((x - m)**2) / (size(x) - 1)) <= 1.0e-13_c_double, &
    'lapis_var_all with ddof = 1')
  st = lapis_argmax_all(hx, idx)
  call expect(st == LAPIS_OK .and. idx == maxloc(x, 1) - 1, 'lapis_argmax_all is maxloc - 1')

  ! a reduction over an axis of a strided section wrapped by module lapis
  do j = 1, 4
    do i = 1, 3
      a(i, j) = real(i * 10 + j, c_double) / 7
    end do
  end do
  call lapis_wrap(a(1:3:2, :), wa)
  st = lapis_sum(wa%handle(), 1_c_int64_t, [0_c_int64_t], .false._c_bool, hs)
  call expect(st == LAPIS_OK, 'lapis_sum over axis 0')
  colsum = 0
  st = lapis_array_read(hs, c_loc(colsum), c_sizeof(colsum), LAPIS_ORDER_F)
  call expect(st == LAPIS_OK .and. maxval(abs(colsum - sum(a(1:3:2, :), dim=1))) <= 1.0e-13_c_double, &
    'lapis_sum(a(1:3:2,:), axis 0) is sum(dim=1)')

  ! einsum: a C string and an array of handles
  do j = 1, 2
    do i = 1, 4
      b(i, j) = real(i - 2 * j, c_double) / 3
    end do
  end do
  st = lapis_array_wrap_contiguous(c_loc(a), LAPIS_FLOAT64, 2_c_int64_t, [3_c_int64_t, 4_c_int64_t], &
    LAPIS_ORDER_F, .true._c_bool, ha)
  if (st == LAPIS_OK) st = lapis_array_wrap_contiguous(c_loc(b), LAPIS_FLOAT64, 2_c_int64_t, &
    [4_c_int64_t, 2_c_int64_t], LAPIS_ORDER_F, .true._c_bool, hb)
  if (st == LAPIS_OK) st = lapis_einsum('ij,jk->ik' // c_null_char, 2_c_int64_t, [ha, hb], he)
  call expect(st == LAPIS_OK, 'lapis_einsum')
  e = 0
  st = lapis_array_read(he, c_loc(e), c_sizeof(e), LAPIS_ORDER_F)
  call expect(st == LAPIS_OK .and. maxval(abs(e - matmul(a, b))) <= 1.0e-13_c_double, &
    'einsum ij,jk->ik is matmul')

  ! raw BLAS on Fortran arrays (column-major, leading dimensions = rows)
  c = 7
  st = lapis_dgemm(LAPIS_ORDER_F, LAPIS_NO_TRANS, LAPIS_NO_TRANS, 3_c_int64_t, 2_c_int64_t, 4_c_int64_t, &
    1.0_c_double, a, 3_c_int64_t, b, 4_c_int64_t, 0.0_c_double, c, 3_c_int64_t)
  call expect(st == LAPIS_OK .and. maxval(abs(c - matmul(a, b))) <= 1.0e-13_c_double, 'lapis_dgemm is matmul')

  ! an error: its status, its name and lapis_last_error's message
  st = lapis_array_wrap_contiguous(c_loc(x), 99_c_int32_t, 1_c_int64_t, [5_c_int64_t], LAPIS_ORDER_F, &
    .true._c_bool, hbad)
  call expect(st == LAPIS_ERR_BAD_DTYPE, 'dtype 99 is LAPIS_ERR_BAD_DTYPE')
  call expect(.not. c_associated(hbad), 'no handle on error')
  s = lapis_f_string(lapis_status_string(st))
  call expect(s == 'LAPIS_ERR_BAD_DTYPE', 'lapis_status_string names the status, got ' // s)
  s = lapis_f_string(lapis_last_error())
  call expect(len(s) > 0 .and. index(s, '99') > 0, 'lapis_last_error names the bad dtype, got ' // s)

  ! module lapis wraps ranks 1 to 4; another rank is an error at run time
  r5 = 0
  call lapis_wrap(r5, wa, stat=ist)
  call expect(ist == LAPIS_ERR_INVALID_ARGUMENT .and. wa%is_null(), 'lapis_wrap of a rank-5 array is refused')

  st = lapis_array_free(hy)
  call expect(st == LAPIS_OK, 'lapis_array_free of a live handle')
  ! a freed handle is refused, not used: a second free and a use after free
  st = lapis_array_free(hy)
  call expect(st == LAPIS_ERR_INVALID_HANDLE, 'a double free gives LAPIS_ERR_INVALID_HANDLE')
  idx = -7
  st = lapis_array_ndim(hy, idx)
  call expect(st == LAPIS_ERR_INVALID_HANDLE .and. idx == -7, 'ndim of a freed handle is refused')
  hsum2 = c_null_ptr
  st = lapis_sum(hy, 0_c_int64_t, [0_c_int64_t], .false._c_bool, hsum2)
  call expect(st == LAPIS_ERR_INVALID_HANDLE .and. .not. c_associated(hsum2), &
    'a use after free gives LAPIS_ERR_INVALID_HANDLE and no result')
  s = lapis_f_string(lapis_last_error())
  call expect(index(s, 'freed') > 0, 'the message says the handle was freed, got ' // s)
  st = lapis_array_free(hx)
  st = lapis_array_free(ha)
  st = lapis_array_free(hb)
  st = lapis_array_free(hs)
  st = lapis_array_free(he)
  call expect(st == LAPIS_OK, 'lapis_array_free of the last handle')
  call wa%free()
  deallocate(s)
  call summary('test_raw')
end program test_raw
