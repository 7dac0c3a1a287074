! lapis.f90 -- the Fortran interface to lapis: modules `lapis_c` (the C API,
! function by function) and `lapis` (generic wrappers of Fortran arrays).
!
! GENERATED from lapis.h by scripts/gen_fortran.py: edit the generator (or
! the C sources the header comes from), not this file.
!
! Build it with the compiler you build your program with (module files are
! compiler-specific, so the source is installed, not a .mod). Module lapis
! takes assumed-rank arrays (Fortran 2018: gfortran >= 10, no -std or
! -std=f2018); the programs that use it may be Fortran 2008.
!
!   gfortran -c $(PREFIX)/include/lapis.f90   # -> lapis_c.mod, lapis.mod, lapis.o
!   gfortran prog.f90 lapis.o $(pkg-config --libs lapis)           # shared
!   gfortran prog.f90 lapis.o $(pkg-config --libs lapis-static)    # static
!
! Module lapis: every wrapper works on plain Fortran arrays of real(c_float),
! real(c_double), complex(c_float_complex) or complex(c_double_complex):
! the arrays are wrapped as lapis arrays WITHOUT copying (their actual
! column-major byte strides, so sections like a(1:n:2,:) or a(n:1:-1) work),
! the C function is called, and results land in the caller's arrays.
! Matrices keep Fortran's meaning: a(i,j) is row i, column j.
!
! Results of linalg routines (solve, inv, cholesky, eigh, svd, ...) are new
! lapis arrays that are copied into the destination array (which may itself
! be a section) with lapis_array_copyto after an exact shape check, then
! freed. BLAS and ufunc routines write into their output array in place.
!
! Errors: every routine takes optional `stat` (receives the lapis_status
! code, 0 on success) and `errmsg` (receives lapis_last_error(), assigned
! only on error). Without `stat`, an error writes the message to stderr and
! stops the program with `error stop`.
!
! lapis_wrap(a, arr) gives a type(lapis_array_t) handle to the caller's
! array; the array must stay alive (and should have the TARGET attribute)
! until arr%free() is called. Free every handle explicitly (there is no
! final binding, so copies of the type never double-free). arr%handle()
! is the C handle, for calling any function of lapis_c on the array.
! Module lapis also gives lapis_c's constants and types (LAPIS_OK,
! LAPIS_FLOAT64, lapis_complex128_t, ...) and lapis_f_string. Some of its
! generic names are also C function names (lapis_sqrt, lapis_sum, ...), so a
! unit that uses both modules renames or selects one side:
!   use lapis_c, only: c_sqrt => lapis_sqrt
!
! Module lapis_c: the C API as it is. Every function of lapis.h has an
! interface with the same name here (bind(c, name="...")), every constant a
! parameter. Mapping of the C types:
!   int64_t, int32_t, size_t, double, float, bool  -> value dummies of the
!       iso_c_binding kinds (uint64_t -> integer(c_int64_t): seeds are bits);
!   the int32_t code typedefs (lapis_dtype, lapis_order, ...) -> integer(c_int32_t),
!       lapis_status -> integer(c_int);
!   lapis_array * (a handle)                        -> type(c_ptr), value;
!   lapis_array ** (a new handle, written on success) -> type(c_ptr), intent(inout);
!   const lapis_array *const * (a list of handles)  -> type(c_ptr), intent(in) :: x(*);
!   const T * and T * followed by n, *_len, inc*, ld* -> T, intent(in/inout) :: x(*)
!       (assumed size: pass a Fortran array; T is real/integer/logical of the
!       C kind, or complex(c_float_complex)/complex(c_double_complex) for
!       lapis_complex64/lapis_complex128, whose layout is C99's complex);
!   any other T * (one value written on success)    -> T, intent(inout) scalar;
!   float _Complex, double _Complex                 -> complex(c_float_complex),
!       complex(c_double_complex) (by value, or arrays as above);
!   lapis_complex64/lapis_complex128 by value       -> type(lapis_complex64_t/
!       lapis_complex128_t), value (the C struct; `_t` because Fortran names
!       are case-insensitive and LAPIS_COMPLEX128 is a dtype code);
!   void * / void **                                -> type(c_ptr) value / by reference;
!   FILE * (a C stdio stream)                       -> type(c_ptr), value (c_null_ptr: the default);
!   const char * argument -> character(kind=c_char) :: s(*) (end it with
!       c_null_char); const char * result -> type(c_ptr) (lapis_f_string
!       converts it); function pointers -> type(c_funptr), value.
! Integer constants have the kind of the arguments they are passed as:
! c_int for the lapis_status codes, c_int64_t for the int64_t sentinels
! (negative values, INT64_MIN: LAPIS_ALL_AXES, LAPIS_SLICE_NONE, ...),
! c_int32_t for the code typedefs and flags.
! A C type with no rule here stops scripts/gen_fortran.py with the function's
! name, so no function of lapis.h can be left without an interface.
! Each interface is preceded by the first sentence of the C doc comment;
! the full contracts are in lapis.h.

module lapis_c
  use, intrinsic :: iso_c_binding, only: c_associated, c_bool, c_char, c_double, c_double_complex, &
    c_f_pointer, c_float, c_float_complex, c_int, c_int32_t, c_int64_t, c_ptr, c_size_t
  implicit none
  private

  public :: lapis_f_string
  public :: lapis_last_error, lapis_set_last_error, lapis_status_string, lapis_version, &
    lapis_set_num_threads, lapis_get_num_threads, lapis_backend_info, lapis_backend_check, &
    lapis_array_free, lapis_zeros, lapis_ones, lapis_empty, lapis_full, lapis_eye, lapis_identity, &
    lapis_arange, lapis_linspace, lapis_logspace, lapis_geomspace, lapis_zeros_like, &
    lapis_ones_like, lapis_empty_like, lapis_full_like, lapis_random_uniform, lapis_random_normal, &
    lapis_random_standard_normal, lapis_random_fill_uniform, lapis_random_fill_normal, &
    lapis_random_fill_standard_normal, lapis_array_wrap, lapis_array_wrap_contiguous, &
    lapis_array_dtype, lapis_array_ndim, lapis_array_size, lapis_array_itemsize, &
    lapis_array_nbytes, lapis_array_flags, lapis_array_data, lapis_array_data_mut, &
    lapis_array_shape, lapis_array_strides, lapis_array_shares_buffer, lapis_array_view, &
    lapis_array_slice, lapis_array_index, lapis_array_transpose, lapis_array_permute, &
    lapis_array_swapaxes, lapis_array_moveaxis, lapis_array_reshape, lapis_array_ravel, &
    lapis_array_broadcast_to, lapis_array_real, lapis_array_imag, lapis_array_squeeze, &
    lapis_array_expand_dims, lapis_array_diagonal, lapis_array_copy, lapis_array_astype, &
    lapis_array_ascontiguousarray, lapis_array_asfortranarray, lapis_array_copyto, &
    lapis_array_fill, lapis_concatenate, lapis_stack, lapis_array_get, lapis_array_set, &
    lapis_array_read, lapis_array_write, lapis_scal, lapis_rscal, lapis_axpy, lapis_dotu, &
    lapis_dotc, lapis_nrm2, lapis_asum, lapis_iamax, lapis_copy, lapis_swap, lapis_gemv, lapis_ger, &
    lapis_gerc, lapis_symv, lapis_hemv, lapis_trmv, lapis_trsv, lapis_gemm, lapis_symm, lapis_hemm, &
    lapis_trmm, lapis_trsm, lapis_syrk, lapis_herk, lapis_syr2k, lapis_her2k, lapis_sgemm, &
    lapis_dgemm, lapis_cgemm, lapis_zgemm, lapis_sgemv, lapis_dgemv, lapis_cgemv, lapis_zgemv, &
    lapis_saxpy, lapis_daxpy, lapis_caxpy, lapis_zaxpy, lapis_sscal, lapis_dscal, lapis_cscal, &
    lapis_zscal, lapis_csscal, lapis_zdscal, lapis_sdot, lapis_ddot, lapis_cdotu, lapis_cdotc, &
    lapis_zdotu, lapis_zdotc, lapis_snrm2, lapis_dnrm2, lapis_scnrm2, lapis_dznrm2, lapis_ssyrk, &
    lapis_dsyrk, lapis_csyrk, lapis_zsyrk, lapis_cherk, lapis_zherk, lapis_strsm, lapis_dtrsm, &
    lapis_ctrsm, lapis_ztrsm, lapis_scopy, lapis_sswap, lapis_dcopy, lapis_dswap, lapis_ccopy, &
    lapis_cswap, lapis_zcopy, lapis_zswap, lapis_fft_fft, lapis_fft_ifft, lapis_fft_rfft, &
    lapis_fft_irfft, lapis_fft_hfft, lapis_fft_ihfft, lapis_fft_fft_out, lapis_fft_ifft_out, &
    lapis_fft_rfft_out, lapis_fft_irfft_out, lapis_fft_hfft_out, lapis_fft_ihfft_out, &
    lapis_fft_fft_inplace, lapis_fft_ifft_inplace, lapis_fft_fftn, lapis_fft_ifftn, &
    lapis_fft_rfftn, lapis_fft_irfftn, lapis_fft_fft2, lapis_fft_ifft2, lapis_fft_rfft2, &
    lapis_fft_irfft2, lapis_fft_fftn_out, lapis_fft_ifftn_out, lapis_fft_rfftn_out, &
    lapis_fft_irfftn_out, lapis_fft_fft2_out, lapis_fft_ifft2_out, lapis_fft_rfft2_out, &
    lapis_fft_irfft2_out, lapis_fft_fftfreq, lapis_fft_rfftfreq, lapis_fft_fftshift, &
    lapis_fft_ifftshift, lapis_linalg_solve, lapis_linalg_lstsq, lapis_linalg_inv, &
    lapis_linalg_pinv, lapis_linalg_det, lapis_linalg_det_scalar, lapis_linalg_slogdet, &
    lapis_linalg_lu, lapis_linalg_cholesky, lapis_linalg_qr, lapis_linalg_svd, &
    lapis_linalg_svdvals, lapis_linalg_eig, lapis_linalg_eigvals, lapis_linalg_eigh, &
    lapis_linalg_eigvalsh, lapis_linalg_eigh_generalized, lapis_linalg_norm, &
    lapis_linalg_norm_axis, lapis_linalg_cond, lapis_linalg_matrix_rank, &
    lapis_linalg_solve_triangular, lapis_linalg_cholesky_inplace, lapis_linalg_cho_factor, &
    lapis_linalg_cho_solve, lapis_linalg_lu_factor, lapis_linalg_lu_solve, lapis_linalg_qr_raw, &
    lapis_linalg_eigh_generalized_subset, lapis_linalg_lstsq_rcond, &
    lapis_linalg_matrix_rank_stacked, lapis_matmul, lapis_matmul_out, lapis_dot, lapis_vdot, &
    lapis_inner, lapis_outer, lapis_tensordot, lapis_tensordot_axes, lapis_einsum, lapis_kron, &
    lapis_trace, lapis_profile_enable, lapis_profile_disable, lapis_profile_reset, &
    lapis_profile_report, lapis_profile_report_string, lapis_sum, lapis_prod, lapis_mean, &
    lapis_var, lapis_std, lapis_min, lapis_max, lapis_vector_norm, lapis_argmin, lapis_argmax, &
    lapis_all_finite, lapis_any_nonfinite, lapis_sum_all, lapis_prod_all, lapis_mean_all, &
    lapis_min_all, lapis_max_all, lapis_var_all, lapis_std_all, lapis_vector_norm_all, &
    lapis_argmin_all, lapis_argmax_all, lapis_all_finite_all, lapis_any_nonfinite_all, lapis_unary, &
    lapis_unary_out, lapis_unary_inplace, lapis_binary, lapis_binary_out, lapis_binary_inplace, &
    lapis_negative, lapis_negative_out, lapis_negative_inplace, lapis_absolute, lapis_absolute_out, &
    lapis_absolute_inplace, lapis_sqrt, lapis_sqrt_out, lapis_sqrt_inplace, lapis_square, &
    lapis_square_out, lapis_square_inplace, lapis_reciprocal, lapis_reciprocal_out, &
    lapis_reciprocal_inplace, lapis_exp, lapis_exp_out, lapis_exp_inplace, lapis_expm1, &
    lapis_expm1_out, lapis_expm1_inplace, lapis_log, lapis_log_out, lapis_log_inplace, lapis_log1p, &
    lapis_log1p_out, lapis_log1p_inplace, lapis_log10, lapis_log10_out, lapis_log10_inplace, &
    lapis_log2, lapis_log2_out, lapis_log2_inplace, lapis_sin, lapis_sin_out, lapis_sin_inplace, &
    lapis_cos, lapis_cos_out, lapis_cos_inplace, lapis_tan, lapis_tan_out, lapis_tan_inplace, &
    lapis_arcsin, lapis_arcsin_out, lapis_arcsin_inplace, lapis_arccos, lapis_arccos_out, &
    lapis_arccos_inplace, lapis_arctan, lapis_arctan_out, lapis_arctan_inplace, lapis_sinh, &
    lapis_sinh_out, lapis_sinh_inplace, lapis_cosh, lapis_cosh_out, lapis_cosh_inplace, lapis_tanh, &
    lapis_tanh_out, lapis_tanh_inplace, lapis_conjugate, lapis_conjugate_out, &
    lapis_conjugate_inplace, lapis_real, lapis_real_out, lapis_real_inplace, lapis_imag, &
    lapis_imag_out, lapis_imag_inplace, lapis_angle, lapis_angle_out, lapis_angle_inplace, &
    lapis_floor, lapis_floor_out, lapis_floor_inplace, lapis_ceil, lapis_ceil_out, &
    lapis_ceil_inplace, lapis_round, lapis_round_out, lapis_round_inplace, lapis_sign, &
    lapis_sign_out, lapis_sign_inplace, lapis_add, lapis_add_out, lapis_add_inplace, &
    lapis_subtract, lapis_subtract_out, lapis_subtract_inplace, lapis_multiply, lapis_multiply_out, &
    lapis_multiply_inplace, lapis_divide, lapis_divide_out, lapis_divide_inplace, lapis_power, &
    lapis_power_out, lapis_power_inplace, lapis_maximum, lapis_maximum_out, lapis_maximum_inplace, &
    lapis_minimum, lapis_minimum_out, lapis_minimum_inplace, lapis_fmax, lapis_fmax_out, &
    lapis_fmax_inplace, lapis_fmin, lapis_fmin_out, lapis_fmin_inplace, lapis_arctan2, &
    lapis_arctan2_out, lapis_arctan2_inplace, lapis_hypot, lapis_hypot_out, lapis_hypot_inplace, &
    lapis_copysign, lapis_copysign_out, lapis_copysign_inplace, lapis_multiply_add, &
    lapis_multiply_add_out, lapis_multiply_add_inplace, lapis_axpby, lapis_axpby_out, &
    lapis_axpby_inplace

  integer(c_int32_t), parameter, public :: LAPIS_VERSION_MAJOR = 0_c_int32_t
  integer(c_int32_t), parameter, public :: LAPIS_VERSION_MINOR = 1_c_int32_t
  integer(c_int32_t), parameter, public :: LAPIS_VERSION_PATCH = 0_c_int32_t
  character(len=*), parameter, public :: LAPIS_VERSION_STRING = "0.1.0"
  ! Bit of `lapis_array_flags`: C-contiguous (row-major without gaps; length-1 axes ignore their
  ! stride; empty arrays are contiguous).
  integer(c_int32_t), parameter, public :: LAPIS_FLAG_C_CONTIGUOUS = 1_c_int32_t
  ! Bit of `lapis_array_flags`: Fortran-contiguous (column-major without gaps).
  integer(c_int32_t), parameter, public :: LAPIS_FLAG_F_CONTIGUOUS = 2_c_int32_t
  ! Bit of `lapis_array_flags`: the elements may be written through this handle.
  integer(c_int32_t), parameter, public :: LAPIS_FLAG_WRITABLE = 4_c_int32_t
  ! Bit of `lapis_array_flags`: the array allocated its own buffer (it is neither a view of
  ! another array nor wrapped caller memory).
  integer(c_int32_t), parameter, public :: LAPIS_FLAG_OWNS_DATA = 8_c_int32_t
  ! In `lapis_array_slice`, a start or stop that is "omitted" (Python's `None`): the end of the
  ! axis the step walks from (start) or to (stop).
  integer(c_int64_t), parameter, public :: LAPIS_SLICE_NONE = -huge(0_c_int64_t) - 1_c_int64_t
  ! Pass as `n`, `ns` or `naxes` to use NumPy's default.
  integer(c_int64_t), parameter, public :: LAPIS_FFT_DEFAULT = -1_c_int64_t
  ! Pass as `naxes` to reduce over every axis (NumPy's `axis=None`).
  integer(c_int64_t), parameter, public :: LAPIS_ALL_AXES = -1_c_int64_t
  ! Success.
  integer(c_int), parameter, public :: LAPIS_OK = 0_c_int
  ! A required pointer argument was NULL.
  integer(c_int), parameter, public :: LAPIS_ERR_NULL_ARGUMENT = 1_c_int
  ! An unknown dtype code, or an operation not defined for the dtype (e.g. `maximum` on complex, a
  ! real-only function on complex input).
  integer(c_int), parameter, public :: LAPIS_ERR_BAD_DTYPE = 2_c_int
  ! Shapes that do not fit together (broadcasting, matrix products, output shapes, non-square
  ! where square is required, reshape sizes).
  integer(c_int), parameter, public :: LAPIS_ERR_SHAPE_MISMATCH = 3_c_int
  ! Strides that are not usable: outside a wrapped buffer's extent, not a multiple of the element
  ! size, misaligned, or an output whose elements overlap.
  integer(c_int), parameter, public :: LAPIS_ERR_BAD_STRIDE = 4_c_int
  ! An argument value outside its domain (negative size, bad option code, zero step, repeated
  ! axis, ...).
  integer(c_int), parameter, public :: LAPIS_ERR_INVALID_ARGUMENT = 5_c_int
  ! An axis or index out of range.
  integer(c_int), parameter, public :: LAPIS_ERR_INDEX = 6_c_int
  ! A size whose element or byte count overflows, or a dimension too large for the BLAS integer.
  integer(c_int), parameter, public :: LAPIS_ERR_OVERFLOW = 7_c_int
  ! The allocator refused a request.
  integer(c_int), parameter, public :: LAPIS_ERR_OUT_OF_MEMORY = 8_c_int
  ! A singular matrix (solve, inv, LU-based routines).
  integer(c_int), parameter, public :: LAPIS_ERR_SINGULAR = 9_c_int
  ! A matrix that is not positive definite (Cholesky, generalized eigh).
  integer(c_int), parameter, public :: LAPIS_ERR_NOT_POSITIVE_DEFINITE = 10_c_int
  ! An iterative LAPACK routine did not converge (eig, eigh, svd, lstsq).
  integer(c_int), parameter, public :: LAPIS_ERR_NO_CONVERGENCE = 11_c_int
  ! Input to a linear-algebra routine containing infinities or NaNs.
  integer(c_int), parameter, public :: LAPIS_ERR_NON_FINITE = 12_c_int
  ! Writing to a read-only array.
  integer(c_int), parameter, public :: LAPIS_ERR_READ_ONLY = 13_c_int
  ! The array's buffer is being written by another call right now (a handle shared between threads
  ! without synchronisation).
  integer(c_int), parameter, public :: LAPIS_ERR_BUSY = 14_c_int
  ! A cast that the requested casting rule forbids, or an empty input to an operation that needs
  ! elements.
  integer(c_int), parameter, public :: LAPIS_ERR_INVALID_VALUE = 15_c_int
  ! A request lapis does not support (for example with this backend).
  integer(c_int), parameter, public :: LAPIS_ERR_UNSUPPORTED = 16_c_int
  ! A bug in lapis (a caught panic, LAPACK rejecting an argument).
  integer(c_int), parameter, public :: LAPIS_ERR_INTERNAL = 17_c_int
  ! The BLAS/LAPACK that runs is not the one lapis was built for (`lapis_backend_check`).
  integer(c_int), parameter, public :: LAPIS_ERR_BACKEND_MISMATCH = 18_c_int
  ! A `lapis_array *` that is not a live handle: already freed (a use after free or a double
  ! free), or never returned by lapis.
  integer(c_int), parameter, public :: LAPIS_ERR_INVALID_HANDLE = 19_c_int
  ! 32-bit IEEE float (BLAS prefix s).
  integer(c_int32_t), parameter, public :: LAPIS_FLOAT32 = 1_c_int32_t
  ! 64-bit IEEE float (BLAS prefix d).
  integer(c_int32_t), parameter, public :: LAPIS_FLOAT64 = 2_c_int32_t
  ! Complex of two 32-bit floats, laid out as C99 `float _Complex` (BLAS prefix c).
  integer(c_int32_t), parameter, public :: LAPIS_COMPLEX64 = 3_c_int32_t
  ! Complex of two 64-bit floats, laid out as C99 `double _Complex` (BLAS prefix z).
  integer(c_int32_t), parameter, public :: LAPIS_COMPLEX128 = 4_c_int32_t
  ! In the `*_like` creation functions, "the dtype of the prototype" (NumPy's `dtype=None`).
  integer(c_int32_t), parameter, public :: LAPIS_LIKE_DTYPE = 0_c_int32_t
  ! Row-major (C order): the last index varies fastest.
  integer(c_int32_t), parameter, public :: LAPIS_ORDER_C = 0_c_int32_t
  ! Column-major (Fortran order): the first index varies fastest.
  integer(c_int32_t), parameter, public :: LAPIS_ORDER_F = 1_c_int32_t
  ! Fortran order if the source is Fortran-contiguous and not C-contiguous, C order otherwise
  ! (NumPy's 'A').
  integer(c_int32_t), parameter, public :: LAPIS_ORDER_A = 2_c_int32_t
  ! The source's own axis order as closely as possible (NumPy's 'K').
  integer(c_int32_t), parameter, public :: LAPIS_ORDER_K = 3_c_int32_t
  ! op(A) = A.
  integer(c_int32_t), parameter, public :: LAPIS_NO_TRANS = 0_c_int32_t
  ! op(A) = Aᵀ.
  integer(c_int32_t), parameter, public :: LAPIS_TRANS = 1_c_int32_t
  ! op(A) = Aᴴ (conjugate transpose; the same as LAPIS_TRANS for real dtypes).
  integer(c_int32_t), parameter, public :: LAPIS_CONJ_TRANS = 2_c_int32_t
  ! The upper triangle (column ≥ row).
  integer(c_int32_t), parameter, public :: LAPIS_UPPER = 0_c_int32_t
  ! The lower triangle (column ≤ row).
  integer(c_int32_t), parameter, public :: LAPIS_LOWER = 1_c_int32_t
  ! The diagonal is read from the matrix.
  integer(c_int32_t), parameter, public :: LAPIS_NON_UNIT = 0_c_int32_t
  ! The diagonal is taken as all ones and not read.
  integer(c_int32_t), parameter, public :: LAPIS_UNIT = 1_c_int32_t
  ! op(A) · B.
  integer(c_int32_t), parameter, public :: LAPIS_LEFT = 0_c_int32_t
  ! B · op(A).
  integer(c_int32_t), parameter, public :: LAPIS_RIGHT = 1_c_int32_t
  ! Forward transforms unscaled, inverse ones scaled by `1/n` (NumPy's default, "backward").
  integer(c_int32_t), parameter, public :: LAPIS_FFT_NORM_BACKWARD = 0_c_int32_t
  ! Both directions scaled by `1/sqrt(n)` (unitary transforms).
  integer(c_int32_t), parameter, public :: LAPIS_FFT_NORM_ORTHO = 1_c_int32_t
  ! Forward transforms scaled by `1/n`, inverse ones unscaled.
  integer(c_int32_t), parameter, public :: LAPIS_FFT_NORM_FORWARD = 2_c_int32_t
  ! `Q (…, M, K)` with orthonormal columns and `R (…, K, N)`, `K = min(M, N)` (NumPy's default
  ! 'reduced').
  integer(c_int32_t), parameter, public :: LAPIS_QR_REDUCED = 0_c_int32_t
  ! `Q (…, M, M)` unitary and `R (…, M, N)` ('complete').
  integer(c_int32_t), parameter, public :: LAPIS_QR_COMPLETE = 1_c_int32_t
  ! `R (…, K, N)` only; `Q` is not formed ('r').
  integer(c_int32_t), parameter, public :: LAPIS_QR_R = 2_c_int32_t
  ! NumPy's `ord=None`: vector 2-norm / Frobenius.
  integer(c_int32_t), parameter, public :: LAPIS_NORM_DEFAULT = 0_c_int32_t
  ! `ord='fro'` (matrices).
  integer(c_int32_t), parameter, public :: LAPIS_NORM_FRO = 1_c_int32_t
  ! `ord='nuc'` (matrices).
  integer(c_int32_t), parameter, public :: LAPIS_NORM_NUC = 2_c_int32_t
  ! `ord=inf`.
  integer(c_int32_t), parameter, public :: LAPIS_NORM_INF = 3_c_int32_t
  ! `ord=-inf`.
  integer(c_int32_t), parameter, public :: LAPIS_NORM_NEG_INF = 4_c_int32_t
  ! A numeric `ord` given by the `p` argument.
  integer(c_int32_t), parameter, public :: LAPIS_NORM_P = 5_c_int32_t
  ! Every eigenvalue (`lo` and `hi` are ignored).
  integer(c_int32_t), parameter, public :: LAPIS_EIG_ALL = 0_c_int32_t
  ! The eigenvalues with 0-based ascending indices `lo..=hi` (both ends included, `0 ≤ lo ≤ hi <
  ! N`; integral values in the `double`s).
  integer(c_int32_t), parameter, public :: LAPIS_EIG_INDEX = 1_c_int32_t
  ! The eigenvalues `e` with `lo < e ≤ hi` (half-open, as LAPACK and SciPy; `lo < hi`, infinite
  ! ends allowed, no NaN).
  integer(c_int32_t), parameter, public :: LAPIS_EIG_VALUE = 2_c_int32_t
  ! NumPy's `rcond=None`: `eps · max(M, N)` (`rcond` is ignored).
  integer(c_int32_t), parameter, public :: LAPIS_RCOND_DEFAULT = 0_c_int32_t
  ! NumPy's `rcond=<value>`: the value is used as given; a negative value means machine precision
  ! (NumPy's old default `rcond=-1`, LAPACK `?gelsd`'s convention); NaN is
  ! `LAPIS_ERR_INVALID_ARGUMENT`.
  integer(c_int32_t), parameter, public :: LAPIS_RCOND_VALUE = 1_c_int32_t
  ! Unary ufunc `negative`: numerical negative, -x.
  integer(c_int32_t), parameter, public :: LAPIS_UFUNC_NEGATIVE = 1_c_int32_t
  ! Unary ufunc `absolute`: absolute value |x| (complex input gives a real result).
  integer(c_int32_t), parameter, public :: LAPIS_UFUNC_ABSOLUTE = 2_c_int32_t
  ! Unary ufunc `sqrt`: square root (principal branch for complex; NaN for negative reals).
  integer(c_int32_t), parameter, public :: LAPIS_UFUNC_SQRT = 3_c_int32_t
  ! Unary ufunc `square`: x*x.
  integer(c_int32_t), parameter, public :: LAPIS_UFUNC_SQUARE = 4_c_int32_t
  ! Unary ufunc `reciprocal`: 1/x.
  integer(c_int32_t), parameter, public :: LAPIS_UFUNC_RECIPROCAL = 5_c_int32_t
  ! Unary ufunc `exp`: exponential e^x.
  integer(c_int32_t), parameter, public :: LAPIS_UFUNC_EXP = 6_c_int32_t
  ! Unary ufunc `expm1`: e^x - 1, accurate near 0.
  integer(c_int32_t), parameter, public :: LAPIS_UFUNC_EXPM1 = 7_c_int32_t
  ! Unary ufunc `log`: natural logarithm.
  integer(c_int32_t), parameter, public :: LAPIS_UFUNC_LOG = 8_c_int32_t
  ! Unary ufunc `log1p`: log(1 + x), accurate near 0.
  integer(c_int32_t), parameter, public :: LAPIS_UFUNC_LOG1P = 9_c_int32_t
  ! Unary ufunc `log10`: base-10 logarithm.
  integer(c_int32_t), parameter, public :: LAPIS_UFUNC_LOG10 = 10_c_int32_t
  ! Unary ufunc `log2`: base-2 logarithm.
  integer(c_int32_t), parameter, public :: LAPIS_UFUNC_LOG2 = 11_c_int32_t
  ! Unary ufunc `sin`: sine.
  integer(c_int32_t), parameter, public :: LAPIS_UFUNC_SIN = 12_c_int32_t
  ! Unary ufunc `cos`: cosine.
  integer(c_int32_t), parameter, public :: LAPIS_UFUNC_COS = 13_c_int32_t
  ! Unary ufunc `tan`: tangent.
  integer(c_int32_t), parameter, public :: LAPIS_UFUNC_TAN = 14_c_int32_t
  ! Unary ufunc `arcsin`: inverse sine.
  integer(c_int32_t), parameter, public :: LAPIS_UFUNC_ARCSIN = 15_c_int32_t
  ! Unary ufunc `arccos`: inverse cosine.
  integer(c_int32_t), parameter, public :: LAPIS_UFUNC_ARCCOS = 16_c_int32_t
  ! Unary ufunc `arctan`: inverse tangent.
  integer(c_int32_t), parameter, public :: LAPIS_UFUNC_ARCTAN = 17_c_int32_t
  ! Unary ufunc `sinh`: hyperbolic sine.
  integer(c_int32_t), parameter, public :: LAPIS_UFUNC_SINH = 18_c_int32_t
  ! Unary ufunc `cosh`: hyperbolic cosine.
  integer(c_int32_t), parameter, public :: LAPIS_UFUNC_COSH = 19_c_int32_t
  ! Unary ufunc `tanh`: hyperbolic tangent.
  integer(c_int32_t), parameter, public :: LAPIS_UFUNC_TANH = 20_c_int32_t
  ! Unary ufunc `conjugate`: complex conjugate (a copy for real input).
  integer(c_int32_t), parameter, public :: LAPIS_UFUNC_CONJUGATE = 21_c_int32_t
  ! Unary ufunc `real`: real part (complex input gives a real result).
  integer(c_int32_t), parameter, public :: LAPIS_UFUNC_REAL = 22_c_int32_t
  ! Unary ufunc `imag`: imaginary part (complex input gives a real result; zeros for real input).
  integer(c_int32_t), parameter, public :: LAPIS_UFUNC_IMAG = 23_c_int32_t
  ! Unary ufunc `angle`: phase angle in radians (real result; 0 or pi for real input).
  integer(c_int32_t), parameter, public :: LAPIS_UFUNC_ANGLE = 24_c_int32_t
  ! Unary ufunc `floor`: floor; real dtypes only.
  integer(c_int32_t), parameter, public :: LAPIS_UFUNC_FLOOR = 25_c_int32_t
  ! Unary ufunc `ceil`: ceiling; real dtypes only.
  integer(c_int32_t), parameter, public :: LAPIS_UFUNC_CEIL = 26_c_int32_t
  ! Unary ufunc `round`: round half to even (NumPy's round/rint); real dtypes only.
  integer(c_int32_t), parameter, public :: LAPIS_UFUNC_ROUND = 27_c_int32_t
  ! Unary ufunc `sign`: sign: -1, 0, +1 (NaN for NaN); z/|z| for complex.
  integer(c_int32_t), parameter, public :: LAPIS_UFUNC_SIGN = 28_c_int32_t
  ! Binary ufunc `add`: x + y.
  integer(c_int32_t), parameter, public :: LAPIS_UFUNC_ADD = 101_c_int32_t
  ! Binary ufunc `subtract`: x - y.
  integer(c_int32_t), parameter, public :: LAPIS_UFUNC_SUBTRACT = 102_c_int32_t
  ! Binary ufunc `multiply`: x * y.
  integer(c_int32_t), parameter, public :: LAPIS_UFUNC_MULTIPLY = 103_c_int32_t
  ! Binary ufunc `divide`: x / y.
  integer(c_int32_t), parameter, public :: LAPIS_UFUNC_DIVIDE = 104_c_int32_t
  ! Binary ufunc `power`: x raised to y.
  integer(c_int32_t), parameter, public :: LAPIS_UFUNC_POWER = 105_c_int32_t
  ! Binary ufunc `maximum`: elementwise maximum, NaN-propagating (complex ordered
  ! lexicographically).
  integer(c_int32_t), parameter, public :: LAPIS_UFUNC_MAXIMUM = 106_c_int32_t
  ! Binary ufunc `minimum`: elementwise minimum, NaN-propagating (complex ordered
  ! lexicographically).
  integer(c_int32_t), parameter, public :: LAPIS_UFUNC_MINIMUM = 107_c_int32_t
  ! Binary ufunc `fmax`: elementwise maximum ignoring NaNs.
  integer(c_int32_t), parameter, public :: LAPIS_UFUNC_FMAX = 108_c_int32_t
  ! Binary ufunc `fmin`: elementwise minimum ignoring NaNs.
  integer(c_int32_t), parameter, public :: LAPIS_UFUNC_FMIN = 109_c_int32_t
  ! Binary ufunc `arctan2`: arctan(x/y) by quadrant; real dtypes only.
  integer(c_int32_t), parameter, public :: LAPIS_UFUNC_ARCTAN2 = 110_c_int32_t
  ! Binary ufunc `hypot`: sqrt(x*x + y*y); real dtypes only.
  integer(c_int32_t), parameter, public :: LAPIS_UFUNC_HYPOT = 111_c_int32_t
  ! Binary ufunc `copysign`: |x| with the sign of y; real dtypes only.
  integer(c_int32_t), parameter, public :: LAPIS_UFUNC_COPYSIGN = 112_c_int32_t

  ! A complex double passed by value (same layout as C99 `double _Complex`).
  type, bind(c), public :: lapis_complex128_t
    real(c_double) :: re
    real(c_double) :: im
  end type lapis_complex128_t
  ! A complex float passed by value (same layout as C99 `float _Complex`).
  type, bind(c), public :: lapis_complex64_t
    real(c_float) :: re
    real(c_float) :: im
  end type lapis_complex64_t

  interface
    ! The message of the latest failed lapis call on the calling thread ("" if none has failed).
    function lapis_last_error() bind(c, name="lapis_last_error") result(ret)
      import :: c_ptr
      type(c_ptr) :: ret
    end function lapis_last_error
    ! Records `message` (a NUL-terminated string; NULL records "") as the calling thread's last
    ! error, the string `lapis_last_error()` returns next.
    function lapis_set_last_error(message) bind(c, name="lapis_set_last_error") result(ret)
      import :: c_char, c_int
      character(kind=c_char), intent(in) :: message(*)
      integer(c_int) :: ret
    end function lapis_set_last_error
    ! The name of a status code, e.g. "LAPIS_ERR_SHAPE_MISMATCH" (a static string;
    ! "LAPIS_UNKNOWN_STATUS" for a value that is not a status).
    function lapis_status_string(status) bind(c, name="lapis_status_string") result(ret)
      import :: c_int32_t, c_ptr
      integer(c_int32_t), value :: status
      type(c_ptr) :: ret
    end function lapis_status_string
    ! The library's version, "MAJOR.MINOR.PATCH" (a static string; the header's LAPIS_VERSION_*
    ! macros give the version compiled against).
    function lapis_version() bind(c, name="lapis_version") result(ret)
      import :: c_ptr
      type(c_ptr) :: ret
    end function lapis_version
    ! Sets the threads used by the BLAS and by lapis's own parallel loops (`n` ≥ 1).
    function lapis_set_num_threads(n) bind(c, name="lapis_set_num_threads") result(ret)
      import :: c_int, c_int64_t
      integer(c_int64_t), value :: n
      integer(c_int) :: ret
    end function lapis_set_num_threads
    ! The number of threads lapis's parallel loops use (see `lapis_set_num_threads`).
    function lapis_get_num_threads() bind(c, name="lapis_get_num_threads") result(ret)
      import :: c_int64_t
      integer(c_int64_t) :: ret
    end function lapis_get_num_threads
    ! A description of the linked BLAS/LAPACK, one "key: value" per line: `backend` (what lapis
    ! was built for: openblas, openblas-pypi, openblas64-pypi, reference, blis, mkl, or none when
    ! the program provides BLAS/LAPACK), `feature`, `detected` (the implementation answering
    ! `cblas_dgemm`), `lapack_detected` (answering `dgetrf_`), `status` (`match`, `mismatch` or
    ! `provided-by-program`), `blas_library`, `lapack_library`, `version`, `lapack_version`,
    ! `threads`, `int_bits` (the backend's integer width, 32 or 64: sizes, leading dimensions and
    ! strides beyond 2^31 - 1 fail with `LAPIS_ERR_OVERFLOW` on a 32-bit backend), `serialized`
    ! (`yes` when lapis runs one BLAS/LAPACK call at a time across the process at this thread
    ! count; see `LAPIS_BLAS_LOCK` in the README).
    function lapis_backend_info() bind(c, name="lapis_backend_info") result(ret)
      import :: c_ptr
      type(c_ptr) :: ret
    end function lapis_backend_info
    ! Checks that the BLAS/LAPACK that runs is the backend lapis was built for (any, when built
    ! without one).
    function lapis_backend_check() bind(c, name="lapis_backend_check") result(ret)
      import :: c_int
      integer(c_int) :: ret
    end function lapis_backend_check
    ! Releases a handle.
    function lapis_array_free(a) bind(c, name="lapis_array_free") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: a
      integer(c_int) :: ret
    end function lapis_array_free
    ! A new array of zeros. `shape` has `ndim` (0 ..= 32) entries, each ≥ 0 (NULL allowed when
    ! `ndim` is 0: a 0-d array of one element). `order` is LAPIS_ORDER_C or LAPIS_ORDER_F.
    function lapis_zeros(ndim, shape, dtype, order, out) bind(c, name="lapis_zeros") result(ret)
      import :: c_int, c_int32_t, c_int64_t, c_ptr
      integer(c_int64_t), value :: ndim
      integer(c_int64_t), intent(in) :: shape(*)
      integer(c_int32_t), value :: dtype
      integer(c_int32_t), value :: order
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_zeros
    ! A new array of ones; arguments, ownership and errors as `lapis_zeros`.
    function lapis_ones(ndim, shape, dtype, order, out) bind(c, name="lapis_ones") result(ret)
      import :: c_int, c_int32_t, c_int64_t, c_ptr
      integer(c_int64_t), value :: ndim
      integer(c_int64_t), intent(in) :: shape(*)
      integer(c_int32_t), value :: dtype
      integer(c_int32_t), value :: order
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_ones
    ! A new array whose contents are unspecified (NumPy's `empty`; lapis zeroes it, which costs
    ! nothing extra for large arrays).
    function lapis_empty(ndim, shape, dtype, order, out) bind(c, name="lapis_empty") result(ret)
      import :: c_int, c_int32_t, c_int64_t, c_ptr
      integer(c_int64_t), value :: ndim
      integer(c_int64_t), intent(in) :: shape(*)
      integer(c_int32_t), value :: dtype
      integer(c_int32_t), value :: order
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_empty
    ! A new array with every element `value` (rounded to `dtype`; float32 and complex64 round each
    ! part).
    function lapis_full(ndim, shape, dtype, value, order, out) &
      bind(c, name="lapis_full") result(ret)
      import :: c_int, c_int32_t, c_int64_t, c_ptr, lapis_complex128_t
      integer(c_int64_t), value :: ndim
      integer(c_int64_t), intent(in) :: shape(*)
      integer(c_int32_t), value :: dtype
      type(lapis_complex128_t), value :: value
      integer(c_int32_t), value :: order
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_full
    ! A new `n × m` C-order matrix with ones on diagonal `k` (0 the main diagonal, k > 0 above it,
    ! k < 0 below) and zeros elsewhere (NumPy's `eye`).
    function lapis_eye(n, m, k, dtype, out) bind(c, name="lapis_eye") result(ret)
      import :: c_int, c_int32_t, c_int64_t, c_ptr
      integer(c_int64_t), value :: n
      integer(c_int64_t), value :: m
      integer(c_int64_t), value :: k
      integer(c_int32_t), value :: dtype
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_eye
    ! The `n × n` identity matrix, C order (NumPy's `identity`).
    function lapis_identity(n, dtype, out) bind(c, name="lapis_identity") result(ret)
      import :: c_int, c_int32_t, c_int64_t, c_ptr
      integer(c_int64_t), value :: n
      integer(c_int32_t), value :: dtype
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_identity
    ! A new 1-d array of the values `start, start + step, …` below `stop` (above it for a negative
    ! step): `ceil((stop - start) / step)` elements, none if that is ≤ 0 (NumPy's `arange`,
    ! computed as NumPy does in the dtype).
    function lapis_arange(start, stop, step, dtype, out) bind(c, name="lapis_arange") result(ret)
      import :: c_double, c_int, c_int32_t, c_ptr
      real(c_double), value :: start
      real(c_double), value :: stop
      real(c_double), value :: step
      integer(c_int32_t), value :: dtype
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_arange
    ! A new 1-d array of `num` evenly spaced values from `start` to `stop` (NumPy's `linspace`):
    ! step `(stop - start) / (num - 1)` and the last value exactly `stop` when `endpoint`, step
    ! `(stop - start) / num` otherwise.
    function lapis_linspace(start, stop, num, endpoint, dtype, out) &
      bind(c, name="lapis_linspace") result(ret)
      import :: c_bool, c_double, c_int, c_int32_t, c_int64_t, c_ptr
      real(c_double), value :: start
      real(c_double), value :: stop
      integer(c_int64_t), value :: num
      logical(c_bool), value :: endpoint
      integer(c_int32_t), value :: dtype
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_linspace
    ! `base` raised to the values of `lapis_linspace(start, stop, num, endpoint)` (NumPy's
    ! `logspace`).
    function lapis_logspace(start, stop, num, endpoint, base, dtype, out) &
      bind(c, name="lapis_logspace") result(ret)
      import :: c_bool, c_double, c_int, c_int32_t, c_int64_t, c_ptr
      real(c_double), value :: start
      real(c_double), value :: stop
      integer(c_int64_t), value :: num
      logical(c_bool), value :: endpoint
      real(c_double), value :: base
      integer(c_int32_t), value :: dtype
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_logspace
    ! `num` values in geometric progression from `start` to `stop` (NumPy's `geomspace`; the first
    ! value is `start` and, with `endpoint`, the last is `stop` exactly).
    function lapis_geomspace(start, stop, num, endpoint, dtype, out) &
      bind(c, name="lapis_geomspace") result(ret)
      import :: c_bool, c_double, c_int, c_int32_t, c_int64_t, c_ptr
      real(c_double), value :: start
      real(c_double), value :: stop
      integer(c_int64_t), value :: num
      logical(c_bool), value :: endpoint
      integer(c_int32_t), value :: dtype
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_geomspace
    ! A new array of zeros with `proto`'s shape, of `dtype` (or `proto`'s when `dtype` is
    ! LAPIS_LIKE_DTYPE), laid out in `proto`'s memory order (NumPy's `zeros_like`, order K: C for
    ! C-contiguous, F for F-contiguous, else axes by decreasing stride; strides are positive and
    ! without gaps).
    function lapis_zeros_like(proto, dtype, out) bind(c, name="lapis_zeros_like") result(ret)
      import :: c_int, c_int32_t, c_ptr
      type(c_ptr), value :: proto
      integer(c_int32_t), value :: dtype
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_zeros_like
    ! Ones shaped and laid out like `proto`; arguments and errors as `lapis_zeros_like`.
    function lapis_ones_like(proto, dtype, out) bind(c, name="lapis_ones_like") result(ret)
      import :: c_int, c_int32_t, c_ptr
      type(c_ptr), value :: proto
      integer(c_int32_t), value :: dtype
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_ones_like
    ! An array shaped and laid out like `proto` with unspecified contents (zeros in lapis);
    ! arguments and errors as `lapis_zeros_like`.
    function lapis_empty_like(proto, dtype, out) bind(c, name="lapis_empty_like") result(ret)
      import :: c_int, c_int32_t, c_ptr
      type(c_ptr), value :: proto
      integer(c_int32_t), value :: dtype
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_empty_like
    ! `value` shaped and laid out like `proto`; a real result dtype needs `value.im == 0`
    ! (LAPIS_ERR_INVALID_VALUE).
    function lapis_full_like(proto, value, dtype, out) bind(c, name="lapis_full_like") result(ret)
      import :: c_int, c_int32_t, c_ptr, lapis_complex128_t
      type(c_ptr), value :: proto
      type(lapis_complex128_t), value :: value
      integer(c_int32_t), value :: dtype
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_full_like
    ! A new C-order array of values uniform on [low, high) (complex dtypes: both parts), from
    ! stream `key` of `seed` of lapis's counter-based generator. Reproducible: the same (seed,
    ! key, shape, dtype) gives the same numbers in every call and with any number of threads;
    ! element i (in C order) is the i-th draw of the stream, so `lapis_random_fill_uniform` on an
    ! array of the same shape and dtype, in any layout, gives the same values at the same indices.
    ! Use different keys for independent streams.
    function lapis_random_uniform(seed, key, low, high, ndim, shape, dtype, out) &
      bind(c, name="lapis_random_uniform") result(ret)
      import :: c_double, c_int, c_int32_t, c_int64_t, c_ptr
      integer(c_int64_t), value :: seed
      integer(c_int64_t), value :: key
      real(c_double), value :: low
      real(c_double), value :: high
      integer(c_int64_t), value :: ndim
      integer(c_int64_t), intent(in) :: shape(*)
      integer(c_int32_t), value :: dtype
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_random_uniform
    ! A new C-order array of normal values `mean + std·z` (complex dtypes: `mean + std·z` with z
    ! complex standard normal, E|z|² = 1).
    function lapis_random_normal(seed, key, mean, std, ndim, shape, dtype, out) &
      bind(c, name="lapis_random_normal") result(ret)
      import :: c_double, c_int, c_int32_t, c_int64_t, c_ptr
      integer(c_int64_t), value :: seed
      integer(c_int64_t), value :: key
      real(c_double), value :: mean
      real(c_double), value :: std
      integer(c_int64_t), value :: ndim
      integer(c_int64_t), intent(in) :: shape(*)
      integer(c_int32_t), value :: dtype
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_random_normal
    ! A new C-order array of standard normal values (complex: CN(0, 1)).
    function lapis_random_standard_normal(seed, key, ndim, shape, dtype, out) &
      bind(c, name="lapis_random_standard_normal") result(ret)
      import :: c_int, c_int32_t, c_int64_t, c_ptr
      integer(c_int64_t), value :: seed
      integer(c_int64_t), value :: key
      integer(c_int64_t), value :: ndim
      integer(c_int64_t), intent(in) :: shape(*)
      integer(c_int32_t), value :: dtype
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_random_standard_normal
    ! Overwrites every element of `a` with uniform values on [low, high), the same values
    ! `lapis_random_uniform` gives for `a`'s shape and dtype (element i in C order of the indices,
    ! whatever `a`'s strides).
    function lapis_random_fill_uniform(seed, key, low, high, a) &
      bind(c, name="lapis_random_fill_uniform") result(ret)
      import :: c_double, c_int, c_int64_t, c_ptr
      integer(c_int64_t), value :: seed
      integer(c_int64_t), value :: key
      real(c_double), value :: low
      real(c_double), value :: high
      type(c_ptr), value :: a
      integer(c_int) :: ret
    end function lapis_random_fill_uniform
    ! Overwrites `a` with `normal(mean, std)` values, as `lapis_random_normal`.
    function lapis_random_fill_normal(seed, key, mean, std, a) &
      bind(c, name="lapis_random_fill_normal") result(ret)
      import :: c_double, c_int, c_int64_t, c_ptr
      integer(c_int64_t), value :: seed
      integer(c_int64_t), value :: key
      real(c_double), value :: mean
      real(c_double), value :: std
      type(c_ptr), value :: a
      integer(c_int) :: ret
    end function lapis_random_fill_normal
    ! Overwrites `a` with standard normal values, as `lapis_random_standard_normal`.
    function lapis_random_fill_standard_normal(seed, key, a) &
      bind(c, name="lapis_random_fill_standard_normal") result(ret)
      import :: c_int, c_int64_t, c_ptr
      integer(c_int64_t), value :: seed
      integer(c_int64_t), value :: key
      type(c_ptr), value :: a
      integer(c_int) :: ret
    end function lapis_random_fill_standard_normal
    ! Wraps caller memory as an array without copying.
    function lapis_array_wrap(base, nbytes, offset, dtype, ndim, shape, strides, readonly, out) &
      bind(c, name="lapis_array_wrap") result(ret)
      import :: c_bool, c_int, c_int32_t, c_int64_t, c_ptr, c_size_t
      type(c_ptr), value :: base
      integer(c_size_t), value :: nbytes
      integer(c_int64_t), value :: offset
      integer(c_int32_t), value :: dtype
      integer(c_int64_t), value :: ndim
      integer(c_int64_t), intent(in) :: shape(*)
      integer(c_int64_t), intent(in) :: strides(*)
      logical(c_bool), value :: readonly
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_array_wrap
    ! Wraps a contiguous caller buffer without copying: `size · itemsize` bytes at `data` (size
    ! the product of `shape`) holding the elements in `order` (LAPIS_ORDER_C: row-major,
    ! LAPIS_ORDER_F: column-major). `data` must be aligned for the dtype.
    function lapis_array_wrap_contiguous(data, dtype, ndim, shape, order, readonly, out) &
      bind(c, name="lapis_array_wrap_contiguous") result(ret)
      import :: c_bool, c_int, c_int32_t, c_int64_t, c_ptr
      type(c_ptr), value :: data
      integer(c_int32_t), value :: dtype
      integer(c_int64_t), value :: ndim
      integer(c_int64_t), intent(in) :: shape(*)
      integer(c_int32_t), value :: order
      logical(c_bool), value :: readonly
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_array_wrap_contiguous
    ! `*out` = the dtype code of `a`.
    function lapis_array_dtype(a, out) bind(c, name="lapis_array_dtype") result(ret)
      import :: c_int, c_int32_t, c_ptr
      type(c_ptr), value :: a
      integer(c_int32_t), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_array_dtype
    ! `*out` = the number of axes of `a` (0 ..= 32).
    function lapis_array_ndim(a, out) bind(c, name="lapis_array_ndim") result(ret)
      import :: c_int, c_int64_t, c_ptr
      type(c_ptr), value :: a
      integer(c_int64_t), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_array_ndim
    ! `*out` = the number of elements of `a` (1 for 0-d).
    function lapis_array_size(a, out) bind(c, name="lapis_array_size") result(ret)
      import :: c_int, c_int64_t, c_ptr
      type(c_ptr), value :: a
      integer(c_int64_t), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_array_size
    ! `*out` = the bytes of one element (4, 8, 8, 16 for float32, float64, complex64, complex128).
    function lapis_array_itemsize(a, out) bind(c, name="lapis_array_itemsize") result(ret)
      import :: c_int, c_int64_t, c_ptr
      type(c_ptr), value :: a
      integer(c_int64_t), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_array_itemsize
    ! `*out` = size · itemsize: the bytes the elements take (what `lapis_array_read` writes), not
    ! the size of the underlying buffer.
    function lapis_array_nbytes(a, out) bind(c, name="lapis_array_nbytes") result(ret)
      import :: c_int, c_int64_t, c_ptr
      type(c_ptr), value :: a
      integer(c_int64_t), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_array_nbytes
    ! `*out` = the flags of `a`: a bit set of LAPIS_FLAG_C_CONTIGUOUS, LAPIS_FLAG_F_CONTIGUOUS,
    ! LAPIS_FLAG_WRITABLE, LAPIS_FLAG_OWNS_DATA (NumPy's flags).
    function lapis_array_flags(a, out) bind(c, name="lapis_array_flags") result(ret)
      import :: c_int, c_int32_t, c_ptr
      type(c_ptr), value :: a
      integer(c_int32_t), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_array_flags
    ! `*out` = the address of element 0 (index [0, …, 0]) for reading; element i is at `*out + Σ
    ! i[k]·strides[k]` (`lapis_array_strides`).
    function lapis_array_data(a, out) bind(c, name="lapis_array_data") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: a
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_array_data
    ! `*out` = the address of element 0 for writing, as `lapis_array_data`.
    function lapis_array_data_mut(a, out) bind(c, name="lapis_array_data_mut") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: a
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_array_data_mut
    ! Copies the shape of `a` (ndim entries) into `out`, which holds `n` ≥ ndim values (`out` may
    ! be NULL for a 0-d array).
    function lapis_array_shape(a, out, n) bind(c, name="lapis_array_shape") result(ret)
      import :: c_int, c_int64_t, c_ptr
      type(c_ptr), value :: a
      integer(c_int64_t), intent(inout) :: out(*)
      integer(c_int64_t), value :: n
      integer(c_int) :: ret
    end function lapis_array_shape
    ! Copies the byte strides of `a` (ndim entries, any sign) into `out`, as `lapis_array_shape`.
    function lapis_array_strides(a, out, n) bind(c, name="lapis_array_strides") result(ret)
      import :: c_int, c_int64_t, c_ptr
      type(c_ptr), value :: a
      integer(c_int64_t), intent(inout) :: out(*)
      integer(c_int64_t), value :: n
      integer(c_int) :: ret
    end function lapis_array_strides
    ! `*out` = whether `a` and `b` view the same lapis buffer (one made from the other by views,
    ! or both from a common base; NumPy's cheap `may_share_memory` test: true even when the
    ! elements they use are disjoint).
    function lapis_array_shares_buffer(a, b, out) &
      bind(c, name="lapis_array_shares_buffer") result(ret)
      import :: c_bool, c_int, c_ptr
      type(c_ptr), value :: a
      type(c_ptr), value :: b
      logical(c_bool), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_array_shares_buffer
    ! A new handle viewing the same elements as `a` (NumPy's `a.view()`): same dtype, shape,
    ! strides and writability; no copy.
    function lapis_array_view(a, out) bind(c, name="lapis_array_view") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: a
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_array_view
    ! Basic slicing, NumPy's `a[start[0]:stop[0]:step[0], …]` over the first `n` axes (n ≤ ndim;
    ! later axes are kept whole): a view, no copy.
    function lapis_array_slice(a, n, start, stop, step, out) &
      bind(c, name="lapis_array_slice") result(ret)
      import :: c_int, c_int64_t, c_ptr
      type(c_ptr), value :: a
      integer(c_int64_t), value :: n
      integer(c_int64_t), intent(in) :: start(*)
      integer(c_int64_t), intent(in) :: stop(*)
      integer(c_int64_t), intent(in) :: step(*)
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_array_slice
    ! The sub-array at position `index` of axis `axis` (NumPy's `a[..., index, ...]`): a view with
    ! that axis removed.
    function lapis_array_index(a, axis, index, out) bind(c, name="lapis_array_index") result(ret)
      import :: c_int, c_int64_t, c_ptr
      type(c_ptr), value :: a
      integer(c_int64_t), value :: axis
      integer(c_int64_t), value :: index
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_array_index
    ! The axes in reverse order (NumPy's `a.T`): a view.
    function lapis_array_transpose(a, out) bind(c, name="lapis_array_transpose") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: a
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_array_transpose
    ! Axis k of the result is axis `axes[k]` of `a` (NumPy's `transpose(a, axes)`; negative axes
    ! count from the end): a view.
    function lapis_array_permute(a, naxes, axes, out) &
      bind(c, name="lapis_array_permute") result(ret)
      import :: c_int, c_int64_t, c_ptr
      type(c_ptr), value :: a
      integer(c_int64_t), value :: naxes
      integer(c_int64_t), intent(in) :: axes(*)
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_array_permute
    ! Axes `axis1` and `axis2` exchanged (NumPy's `swapaxes`): a view.
    function lapis_array_swapaxes(a, axis1, axis2, out) &
      bind(c, name="lapis_array_swapaxes") result(ret)
      import :: c_int, c_int64_t, c_ptr
      type(c_ptr), value :: a
      integer(c_int64_t), value :: axis1
      integer(c_int64_t), value :: axis2
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_array_swapaxes
    ! Axis `source` moved to position `destination`, the others keeping their order (NumPy's
    ! `moveaxis`): a view.
    function lapis_array_moveaxis(a, source, destination, out) &
      bind(c, name="lapis_array_moveaxis") result(ret)
      import :: c_int, c_int64_t, c_ptr
      type(c_ptr), value :: a
      integer(c_int64_t), value :: source
      integer(c_int64_t), value :: destination
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_array_moveaxis
    ! The elements of `a` read in `order` (LAPIS_ORDER_C: last index fastest; LAPIS_ORDER_F: first
    ! index fastest) arranged into `shape` (`ndim` entries; one may be -1, inferred from the
    ! size).
    function lapis_array_reshape(a, ndim, shape, order, out) &
      bind(c, name="lapis_array_reshape") result(ret)
      import :: c_int, c_int32_t, c_int64_t, c_ptr
      type(c_ptr), value :: a
      integer(c_int64_t), value :: ndim
      integer(c_int64_t), intent(in) :: shape(*)
      integer(c_int32_t), value :: order
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_array_reshape
    ! The elements as a 1-d array in `order` (NumPy's `ravel`): a view when the memory allows (C:
    ! C-contiguous; F: F-contiguous; A: F if F- and not C-contiguous, else C; K: memory order, a
    ! view when contiguous in some axis order with positive strides), else a copy.
    function lapis_array_ravel(a, order, out) bind(c, name="lapis_array_ravel") result(ret)
      import :: c_int, c_int32_t, c_ptr
      type(c_ptr), value :: a
      integer(c_int32_t), value :: order
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_array_ravel
    ! A read-only view of `a` with shape `shape` (`ndim` entries) by NumPy's broadcasting rule
    ! (trailing axes equal or 1 in `a`, new leading axes); broadcast axes get stride 0.
    function lapis_array_broadcast_to(a, ndim, shape, out) &
      bind(c, name="lapis_array_broadcast_to") result(ret)
      import :: c_int, c_int64_t, c_ptr
      type(c_ptr), value :: a
      integer(c_int64_t), value :: ndim
      integer(c_int64_t), intent(in) :: shape(*)
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_array_broadcast_to
    ! The real part: for complex64/complex128 a float32/float64 view of the same memory with the
    ! same byte strides, writable when `a` is (writes change the real parts); for a real array a
    ! view of `a` itself.
    function lapis_array_real(a, out) bind(c, name="lapis_array_real") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: a
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_array_real
    ! The imaginary part: for a complex array a view like `lapis_array_real` offset by one real
    ! element (writable when `a` is); for a real array a read-only array of zeros of `a`'s shape
    ! and dtype (NumPy's; no allocation).
    function lapis_array_imag(a, out) bind(c, name="lapis_array_imag") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: a
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_array_imag
    ! Length-1 axes removed: all of them when `axes` is NULL (and `naxes` 0), else exactly the
    ! `naxes` listed (each of length 1; negative counts from the end).
    function lapis_array_squeeze(a, naxes, axes, out) &
      bind(c, name="lapis_array_squeeze") result(ret)
      import :: c_int, c_int64_t, c_ptr
      type(c_ptr), value :: a
      integer(c_int64_t), value :: naxes
      integer(c_int64_t), intent(in) :: axes(*)
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_array_squeeze
    ! New length-1 axes at the `naxes` positions `axes` of the result (NumPy's `expand_dims`;
    ! negative positions count from the end of the result): a view.
    function lapis_array_expand_dims(a, naxes, axes, out) &
      bind(c, name="lapis_array_expand_dims") result(ret)
      import :: c_int, c_int64_t, c_ptr
      type(c_ptr), value :: a
      integer(c_int64_t), value :: naxes
      integer(c_int64_t), intent(in) :: axes(*)
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_array_expand_dims
    ! The diagonal `a[…, i, …, i + offset, …]` of the plane of `axis1` and `axis2` (NumPy's
    ! `diagonal`): a read-only view whose last axis runs along the diagonal, after the remaining
    ! axes in order.
    function lapis_array_diagonal(a, offset, axis1, axis2, out) &
      bind(c, name="lapis_array_diagonal") result(ret)
      import :: c_int, c_int64_t, c_ptr
      type(c_ptr), value :: a
      integer(c_int64_t), value :: offset
      integer(c_int64_t), value :: axis1
      integer(c_int64_t), value :: axis2
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_array_diagonal
    ! A copy of `a` in a new buffer laid out in `order`: LAPIS_ORDER_C, LAPIS_ORDER_F,
    ! LAPIS_ORDER_A (F if `a` is F- and not C-contiguous, else C) or LAPIS_ORDER_K (`a`'s axis
    ! order; negative strides become positive).
    function lapis_array_copy(a, order, out) bind(c, name="lapis_array_copy") result(ret)
      import :: c_int, c_int32_t, c_ptr
      type(c_ptr), value :: a
      integer(c_int32_t), value :: order
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_array_copy
    ! A copy of `a` converted to `dtype` (order K), under NumPy's `same_kind` rule: real → real or
    ! complex, complex → complex (float64 → float32 rounds).
    function lapis_array_astype(a, dtype, out) bind(c, name="lapis_array_astype") result(ret)
      import :: c_int, c_int32_t, c_ptr
      type(c_ptr), value :: a
      integer(c_int32_t), value :: dtype
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_array_astype
    ! A C-contiguous array with `a`'s elements: a new view of `a` (no copy) when `a` is already
    ! C-contiguous, else a C-order copy (NumPy's `ascontiguousarray`).
    function lapis_array_ascontiguousarray(a, out) &
      bind(c, name="lapis_array_ascontiguousarray") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: a
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_array_ascontiguousarray
    ! A Fortran-contiguous array with `a`'s elements: a view when `a` already is, else an F-order
    ! copy (NumPy's `asfortranarray`).
    function lapis_array_asfortranarray(a, out) &
      bind(c, name="lapis_array_asfortranarray") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: a
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_array_asfortranarray
    ! Writes `src`'s elements into `dst` (NumPy's `copyto(dst, src)` / `dst[...] = src`): `src` is
    ! broadcast to `dst`'s shape and converted to `dst`'s dtype under the `same_kind` rule
    ! (complex → real refused).
    function lapis_array_copyto(dst, src) bind(c, name="lapis_array_copyto") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: dst
      type(c_ptr), value :: src
      integer(c_int) :: ret
    end function lapis_array_copyto
    ! Sets every element of `a` to `value` (rounded to the dtype); a real array needs `value.im ==
    ! 0` (LAPIS_ERR_INVALID_VALUE).
    function lapis_array_fill(a, value) bind(c, name="lapis_array_fill") result(ret)
      import :: c_int, c_ptr, lapis_complex128_t
      type(c_ptr), value :: a
      type(lapis_complex128_t), value :: value
      integer(c_int) :: ret
    end function lapis_array_fill
    ! Joins the `n` arrays `arrays[0..n]` along existing axis `axis` (negative counts from the
    ! end) into a new array (NumPy's `concatenate`): same number of axes, equal lengths off the
    ! axis; the dtype is the promotion of the inputs' (float32 + complex64 → complex64, float32 +
    ! float64 → float64, …); the layout follows the inputs' (C unless all agree on another).
    function lapis_concatenate(n, arrays, axis, out) bind(c, name="lapis_concatenate") result(ret)
      import :: c_int, c_int64_t, c_ptr
      integer(c_int64_t), value :: n
      type(c_ptr), intent(in) :: arrays(*)
      integer(c_int64_t), value :: axis
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_concatenate
    ! Joins `n` arrays of one shape along a new axis at position `axis` of the result (NumPy's
    ! `stack`; negative counts from the end of the result, which has ndim + 1 axes).
    function lapis_stack(n, arrays, axis, out) bind(c, name="lapis_stack") result(ret)
      import :: c_int, c_int64_t, c_ptr
      integer(c_int64_t), value :: n
      type(c_ptr), intent(in) :: arrays(*)
      integer(c_int64_t), value :: axis
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_stack
    ! `*out` = the element of `a` at `index` (ndim entries, negative counting from the end; NULL
    ! allowed for a 0-d array), widened exactly to complex128 (real dtypes give `im == 0`).
    function lapis_array_get(a, index, out) bind(c, name="lapis_array_get") result(ret)
      import :: c_double_complex, c_int, c_int64_t, c_ptr
      type(c_ptr), value :: a
      integer(c_int64_t), intent(in) :: index(*)
      complex(c_double_complex), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_array_get
    ! Writes `value` (rounded to the dtype) at `index` of `a`, as `lapis_array_get` reads it; a
    ! real array needs `value.im == 0` (LAPIS_ERR_INVALID_VALUE).
    function lapis_array_set(a, index, value) bind(c, name="lapis_array_set") result(ret)
      import :: c_int, c_int64_t, c_ptr, lapis_complex128_t
      type(c_ptr), value :: a
      integer(c_int64_t), intent(in) :: index(*)
      type(lapis_complex128_t), value :: value
      integer(c_int) :: ret
    end function lapis_array_set
    ! Copies `a`'s elements into the caller's buffer `dst` (`nbytes` ≥ `lapis_array_nbytes(a)`;
    ! only that many bytes are written), contiguous in `order` (LAPIS_ORDER_C or LAPIS_ORDER_F),
    ! in `a`'s dtype (complex as interleaved re, im pairs). `dst` must be aligned for the dtype
    ! and must not overlap `a`'s memory.
    function lapis_array_read(a, dst, nbytes, order) bind(c, name="lapis_array_read") result(ret)
      import :: c_int, c_int32_t, c_ptr, c_size_t
      type(c_ptr), value :: a
      type(c_ptr), value :: dst
      integer(c_size_t), value :: nbytes
      integer(c_int32_t), value :: order
      integer(c_int) :: ret
    end function lapis_array_read
    ! Copies the caller's buffer `src` (`nbytes` ≥ `lapis_array_nbytes(a)`, elements of `a`'s
    ! dtype contiguous in `order`, C or F) into `a`, which may have any strides. `src` must be
    ! aligned for the dtype and must not overlap `a`'s memory.
    function lapis_array_write(a, src, nbytes, order) bind(c, name="lapis_array_write") result(ret)
      import :: c_int, c_int32_t, c_ptr, c_size_t
      type(c_ptr), value :: a
      type(c_ptr), value :: src
      integer(c_size_t), value :: nbytes
      integer(c_int32_t), value :: order
      integer(c_int) :: ret
    end function lapis_array_write
    ! x := alpha·x on a 1-d array of any dtype (BLAS ?scal).
    function lapis_scal(alpha, x) bind(c, name="lapis_scal") result(ret)
      import :: c_int, c_ptr, lapis_complex128_t
      type(lapis_complex128_t), value :: alpha
      type(c_ptr), value :: x
      integer(c_int) :: ret
    end function lapis_scal
    ! x := alpha·x with a real alpha on a 1-d array of any dtype (csscal/zdscal on complex
    ! arrays).
    function lapis_rscal(alpha, x) bind(c, name="lapis_rscal") result(ret)
      import :: c_double, c_int, c_ptr
      real(c_double), value :: alpha
      type(c_ptr), value :: x
      integer(c_int) :: ret
    end function lapis_rscal
    ! y := alpha·x + y (BLAS ?axpy) on 1-d arrays of one length and dtype.
    function lapis_axpy(alpha, x, y) bind(c, name="lapis_axpy") result(ret)
      import :: c_int, c_ptr, lapis_complex128_t
      type(lapis_complex128_t), value :: alpha
      type(c_ptr), value :: x
      type(c_ptr), value :: y
      integer(c_int) :: ret
    end function lapis_axpy
    ! *out := Σ x[i]·y[i] (unconjugated; BLAS ?dot/?dotu; named dotu because `lapis_dot` is
    ! NumPy's `dot` on arrays of any rank) of 1-d arrays of one length and dtype, as a
    ! lapis_complex128 (im = 0 for real arrays; computed in the arrays' precision). 0 for empty
    ! arrays. `out` is written only on success.
    function lapis_dotu(x, y, out) bind(c, name="lapis_dotu") result(ret)
      import :: c_double_complex, c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: y
      complex(c_double_complex), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_dotu
    ! *out := Σ conj(x[i])·y[i] (BLAS ?dotc; the same as lapis_dotu for real arrays) of 1-d arrays
    ! of one length and dtype, as a lapis_complex128 (im = 0 for real arrays; computed in the
    ! arrays' precision). 0 for empty arrays. `out` is written only on success.
    function lapis_dotc(x, y, out) bind(c, name="lapis_dotc") result(ret)
      import :: c_double_complex, c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: y
      complex(c_double_complex), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_dotc
    ! *out := the Euclidean norm sqrt(Σ |x[i]|²) (BLAS ?nrm2) of a 1-d array of any dtype, as a
    ! double (computed in the array's precision); 0 for an empty array. `out` is written only on
    ! success.
    function lapis_nrm2(x, out) bind(c, name="lapis_nrm2") result(ret)
      import :: c_double, c_int, c_ptr
      type(c_ptr), value :: x
      real(c_double), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_nrm2
    ! *out := Σ (|re x[i]| + |im x[i]|) (BLAS ?asum: for complex arrays the parts' magnitudes) of
    ! a 1-d array of any dtype, as a double (computed in the array's precision); 0 for an empty
    ! array. `out` is written only on success.
    function lapis_asum(x, out) bind(c, name="lapis_asum") result(ret)
      import :: c_double, c_int, c_ptr
      type(c_ptr), value :: x
      real(c_double), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_asum
    ! *out := the 0-based index of the first element of largest |re| + |im| of a 1-d array of any
    ! dtype (BLAS i?amax). `out` is written only on success.
    function lapis_iamax(x, out) bind(c, name="lapis_iamax") result(ret)
      import :: c_int, c_int64_t, c_ptr
      type(c_ptr), value :: x
      integer(c_int64_t), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_iamax
    ! y := x (BLAS ?copy) for 1-d arrays of one length and dtype (no casting: use lapis's copy
    ! functions to convert dtypes).
    function lapis_copy(x, y) bind(c, name="lapis_copy") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: y
      integer(c_int) :: ret
    end function lapis_copy
    ! Exchanges the elements of x and y (BLAS ?swap): 1-d arrays of one length and dtype, both
    ! written in place.
    function lapis_swap(x, y) bind(c, name="lapis_swap") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: y
      integer(c_int) :: ret
    end function lapis_swap
    ! y := alpha·op(A)·x + beta·y (BLAS ?gemv).
    function lapis_gemv(trans, alpha, a, x, beta, y) bind(c, name="lapis_gemv") result(ret)
      import :: c_int, c_int32_t, c_ptr, lapis_complex128_t
      integer(c_int32_t), value :: trans
      type(lapis_complex128_t), value :: alpha
      type(c_ptr), value :: a
      type(c_ptr), value :: x
      type(lapis_complex128_t), value :: beta
      type(c_ptr), value :: y
      integer(c_int) :: ret
    end function lapis_gemv
    ! A := alpha·x·yᵀ + A (BLAS ?ger, ?geru: no conjugate): x and y 1-d, A a 2-d len(x) × len(y)
    ! array updated in place.
    function lapis_ger(alpha, x, y, a) bind(c, name="lapis_ger") result(ret)
      import :: c_int, c_ptr, lapis_complex128_t
      type(lapis_complex128_t), value :: alpha
      type(c_ptr), value :: x
      type(c_ptr), value :: y
      type(c_ptr), value :: a
      integer(c_int) :: ret
    end function lapis_ger
    ! A := alpha·x·yᴴ + A (BLAS ?gerc; lapis_ger for real arrays): x and y 1-d, A a 2-d len(x) ×
    ! len(y) array updated in place.
    function lapis_gerc(alpha, x, y, a) bind(c, name="lapis_gerc") result(ret)
      import :: c_int, c_ptr, lapis_complex128_t
      type(lapis_complex128_t), value :: alpha
      type(c_ptr), value :: x
      type(c_ptr), value :: y
      type(c_ptr), value :: a
      integer(c_int) :: ret
    end function lapis_gerc
    ! y := alpha·A·x + beta·y with A symmetric (complex arrays: Aᵀ = A; BLAS ?symv), only the
    ! `uplo` triangle (LAPIS_UPPER or LAPIS_LOWER) of the square 2-d A read.
    function lapis_symv(uplo, alpha, a, x, beta, y) bind(c, name="lapis_symv") result(ret)
      import :: c_int, c_int32_t, c_ptr, lapis_complex128_t
      integer(c_int32_t), value :: uplo
      type(lapis_complex128_t), value :: alpha
      type(c_ptr), value :: a
      type(c_ptr), value :: x
      type(lapis_complex128_t), value :: beta
      type(c_ptr), value :: y
      integer(c_int) :: ret
    end function lapis_symv
    ! y := alpha·A·x + beta·y with A Hermitian, its diagonal's imaginary part taken as zero (BLAS
    ! ?hemv; lapis_symv for real arrays), only the `uplo` triangle (LAPIS_UPPER or LAPIS_LOWER) of
    ! the square 2-d A read.
    function lapis_hemv(uplo, alpha, a, x, beta, y) bind(c, name="lapis_hemv") result(ret)
      import :: c_int, c_int32_t, c_ptr, lapis_complex128_t
      integer(c_int32_t), value :: uplo
      type(lapis_complex128_t), value :: alpha
      type(c_ptr), value :: a
      type(c_ptr), value :: x
      type(lapis_complex128_t), value :: beta
      type(c_ptr), value :: y
      integer(c_int) :: ret
    end function lapis_hemv
    ! x := op(A)·x (BLAS ?trmv) with A a square 2-d triangular array: only its `uplo` triangle is
    ! read, and its diagonal is taken as ones for `diag` = LAPIS_UNIT.
    function lapis_trmv(uplo, trans, diag, a, x) bind(c, name="lapis_trmv") result(ret)
      import :: c_int, c_int32_t, c_ptr
      integer(c_int32_t), value :: uplo
      integer(c_int32_t), value :: trans
      integer(c_int32_t), value :: diag
      type(c_ptr), value :: a
      type(c_ptr), value :: x
      integer(c_int) :: ret
    end function lapis_trmv
    ! Solves op(A)·z = x and overwrites x with z (BLAS ?trsv; no singularity check, as in BLAS)
    ! with A a square 2-d triangular array: only its `uplo` triangle is read, and its diagonal is
    ! taken as ones for `diag` = LAPIS_UNIT.
    function lapis_trsv(uplo, trans, diag, a, x) bind(c, name="lapis_trsv") result(ret)
      import :: c_int, c_int32_t, c_ptr
      integer(c_int32_t), value :: uplo
      integer(c_int32_t), value :: trans
      integer(c_int32_t), value :: diag
      type(c_ptr), value :: a
      type(c_ptr), value :: x
      integer(c_int) :: ret
    end function lapis_trsv
    ! C := alpha·op(A)·op(B) + beta·C (BLAS ?gemm) on 2-d arrays: op(A) is m × k, op(B) k × n, C m
    ! × n; `transa`/`transb` are LAPIS_NO_TRANS, LAPIS_TRANS or LAPIS_CONJ_TRANS. beta = 0
    ! overwrites C without reading it; k = 0 gives C := beta·C.
    function lapis_gemm(transa, transb, alpha, a, b, beta, c) bind(c, name="lapis_gemm") result(ret)
      import :: c_int, c_int32_t, c_ptr, lapis_complex128_t
      integer(c_int32_t), value :: transa
      integer(c_int32_t), value :: transb
      type(lapis_complex128_t), value :: alpha
      type(c_ptr), value :: a
      type(c_ptr), value :: b
      type(lapis_complex128_t), value :: beta
      type(c_ptr), value :: c
      integer(c_int) :: ret
    end function lapis_gemm
    ! C := alpha·A·B + beta·C (`side` LAPIS_LEFT) or alpha·B·A + beta·C (LAPIS_RIGHT) with A
    ! symmetric (BLAS ?symm), only its `uplo` triangle read.
    function lapis_symm(side, uplo, alpha, a, b, beta, c) bind(c, name="lapis_symm") result(ret)
      import :: c_int, c_int32_t, c_ptr, lapis_complex128_t
      integer(c_int32_t), value :: side
      integer(c_int32_t), value :: uplo
      type(lapis_complex128_t), value :: alpha
      type(c_ptr), value :: a
      type(c_ptr), value :: b
      type(lapis_complex128_t), value :: beta
      type(c_ptr), value :: c
      integer(c_int) :: ret
    end function lapis_symm
    ! C := alpha·A·B + beta·C (`side` LAPIS_LEFT) or alpha·B·A + beta·C (LAPIS_RIGHT) with A
    ! Hermitian (BLAS ?hemm; lapis_symm for real arrays), only its `uplo` triangle read.
    function lapis_hemm(side, uplo, alpha, a, b, beta, c) bind(c, name="lapis_hemm") result(ret)
      import :: c_int, c_int32_t, c_ptr, lapis_complex128_t
      integer(c_int32_t), value :: side
      integer(c_int32_t), value :: uplo
      type(lapis_complex128_t), value :: alpha
      type(c_ptr), value :: a
      type(c_ptr), value :: b
      type(lapis_complex128_t), value :: beta
      type(c_ptr), value :: c
      integer(c_int) :: ret
    end function lapis_hemm
    ! B := alpha·op(A)·B (`side` LAPIS_LEFT) or alpha·B·op(A) (LAPIS_RIGHT) (BLAS ?trmm), with A
    ! triangular: only its `uplo` triangle read, its diagonal taken as ones for `diag` =
    ! LAPIS_UNIT.
    function lapis_trmm(side, uplo, transa, diag, alpha, a, b) &
      bind(c, name="lapis_trmm") result(ret)
      import :: c_int, c_int32_t, c_ptr, lapis_complex128_t
      integer(c_int32_t), value :: side
      integer(c_int32_t), value :: uplo
      integer(c_int32_t), value :: transa
      integer(c_int32_t), value :: diag
      type(lapis_complex128_t), value :: alpha
      type(c_ptr), value :: a
      type(c_ptr), value :: b
      integer(c_int) :: ret
    end function lapis_trmm
    ! Solves op(A)·X = alpha·B (`side` LAPIS_LEFT) or X·op(A) = alpha·B (LAPIS_RIGHT) and
    ! overwrites B with X (BLAS ?trsm; no singularity check, as in BLAS), with A triangular: only
    ! its `uplo` triangle read, its diagonal taken as ones for `diag` = LAPIS_UNIT.
    function lapis_trsm(side, uplo, transa, diag, alpha, a, b) &
      bind(c, name="lapis_trsm") result(ret)
      import :: c_int, c_int32_t, c_ptr, lapis_complex128_t
      integer(c_int32_t), value :: side
      integer(c_int32_t), value :: uplo
      integer(c_int32_t), value :: transa
      integer(c_int32_t), value :: diag
      type(lapis_complex128_t), value :: alpha
      type(c_ptr), value :: a
      type(c_ptr), value :: b
      integer(c_int) :: ret
    end function lapis_trsm
    ! C := alpha·op(A)·op(A)ᵀ + beta·C on the `uplo` triangle of the square 2-d array C (BLAS
    ! ?syrk); the other triangle is not touched.
    function lapis_syrk(uplo, trans, alpha, a, beta, c) bind(c, name="lapis_syrk") result(ret)
      import :: c_int, c_int32_t, c_ptr, lapis_complex128_t
      integer(c_int32_t), value :: uplo
      integer(c_int32_t), value :: trans
      type(lapis_complex128_t), value :: alpha
      type(c_ptr), value :: a
      type(lapis_complex128_t), value :: beta
      type(c_ptr), value :: c
      integer(c_int) :: ret
    end function lapis_syrk
    ! C := alpha·op(A)·op(A)ᴴ + beta·C on the `uplo` triangle of the square 2-d Hermitian array C,
    ! real alpha and beta (BLAS ?herk; lapis_syrk for real arrays).
    function lapis_herk(uplo, trans, alpha, a, beta, c) bind(c, name="lapis_herk") result(ret)
      import :: c_double, c_int, c_int32_t, c_ptr
      integer(c_int32_t), value :: uplo
      integer(c_int32_t), value :: trans
      real(c_double), value :: alpha
      type(c_ptr), value :: a
      real(c_double), value :: beta
      type(c_ptr), value :: c
      integer(c_int) :: ret
    end function lapis_herk
    ! C := alpha·op(A)·op(B)ᵀ + alpha·op(B)·op(A)ᵀ + beta·C on the `uplo` triangle of the square
    ! 2-d array C (BLAS ?syr2k).
    function lapis_syr2k(uplo, trans, alpha, a, b, beta, c) bind(c, name="lapis_syr2k") result(ret)
      import :: c_int, c_int32_t, c_ptr, lapis_complex128_t
      integer(c_int32_t), value :: uplo
      integer(c_int32_t), value :: trans
      type(lapis_complex128_t), value :: alpha
      type(c_ptr), value :: a
      type(c_ptr), value :: b
      type(lapis_complex128_t), value :: beta
      type(c_ptr), value :: c
      integer(c_int) :: ret
    end function lapis_syr2k
    ! C := alpha·op(A)·op(B)ᴴ + conj(alpha)·op(B)·op(A)ᴴ + beta·C on the `uplo` triangle of the
    ! square 2-d Hermitian array C, real beta (BLAS ?her2k; lapis_syr2k for real arrays).
    function lapis_her2k(uplo, trans, alpha, a, b, beta, c) bind(c, name="lapis_her2k") result(ret)
      import :: c_double, c_int, c_int32_t, c_ptr, lapis_complex128_t
      integer(c_int32_t), value :: uplo
      integer(c_int32_t), value :: trans
      type(lapis_complex128_t), value :: alpha
      type(c_ptr), value :: a
      type(c_ptr), value :: b
      real(c_double), value :: beta
      type(c_ptr), value :: c
      integer(c_int) :: ret
    end function lapis_her2k
    ! lapis_dgemm for float buffers (float32): C := alpha·op(A)·op(B) + beta·C.
    function lapis_sgemm(order, transa, transb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc) &
      bind(c, name="lapis_sgemm") result(ret)
      import :: c_float, c_int, c_int32_t, c_int64_t
      integer(c_int32_t), value :: order
      integer(c_int32_t), value :: transa
      integer(c_int32_t), value :: transb
      integer(c_int64_t), value :: m
      integer(c_int64_t), value :: n
      integer(c_int64_t), value :: k
      real(c_float), value :: alpha
      real(c_float), intent(in) :: a(*)
      integer(c_int64_t), value :: lda
      real(c_float), intent(in) :: b(*)
      integer(c_int64_t), value :: ldb
      real(c_float), value :: beta
      real(c_float), intent(inout) :: c(*)
      integer(c_int64_t), value :: ldc
      integer(c_int) :: ret
    end function lapis_sgemm
    ! C := alpha·op(A)·op(B) + beta·C on caller buffers of double (CBLAS `cblas_dgemm` with
    ! lapis's codes and int64_t sizes).
    function lapis_dgemm(order, transa, transb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc) &
      bind(c, name="lapis_dgemm") result(ret)
      import :: c_double, c_int, c_int32_t, c_int64_t
      integer(c_int32_t), value :: order
      integer(c_int32_t), value :: transa
      integer(c_int32_t), value :: transb
      integer(c_int64_t), value :: m
      integer(c_int64_t), value :: n
      integer(c_int64_t), value :: k
      real(c_double), value :: alpha
      real(c_double), intent(in) :: a(*)
      integer(c_int64_t), value :: lda
      real(c_double), intent(in) :: b(*)
      integer(c_int64_t), value :: ldb
      real(c_double), value :: beta
      real(c_double), intent(inout) :: c(*)
      integer(c_int64_t), value :: ldc
      integer(c_int) :: ret
    end function lapis_dgemm
    ! lapis_dgemm for lapis_complex64 buffers (complex64): C := alpha·op(A)·op(B) + beta·C.
    function lapis_cgemm(order, transa, transb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc) &
      bind(c, name="lapis_cgemm") result(ret)
      import :: c_float_complex, c_int, c_int32_t, c_int64_t, lapis_complex64_t
      integer(c_int32_t), value :: order
      integer(c_int32_t), value :: transa
      integer(c_int32_t), value :: transb
      integer(c_int64_t), value :: m
      integer(c_int64_t), value :: n
      integer(c_int64_t), value :: k
      type(lapis_complex64_t), value :: alpha
      complex(c_float_complex), intent(in) :: a(*)
      integer(c_int64_t), value :: lda
      complex(c_float_complex), intent(in) :: b(*)
      integer(c_int64_t), value :: ldb
      type(lapis_complex64_t), value :: beta
      complex(c_float_complex), intent(inout) :: c(*)
      integer(c_int64_t), value :: ldc
      integer(c_int) :: ret
    end function lapis_cgemm
    ! lapis_dgemm for lapis_complex128 buffers (complex128): C := alpha·op(A)·op(B) + beta·C.
    function lapis_zgemm(order, transa, transb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc) &
      bind(c, name="lapis_zgemm") result(ret)
      import :: c_double_complex, c_int, c_int32_t, c_int64_t, lapis_complex128_t
      integer(c_int32_t), value :: order
      integer(c_int32_t), value :: transa
      integer(c_int32_t), value :: transb
      integer(c_int64_t), value :: m
      integer(c_int64_t), value :: n
      integer(c_int64_t), value :: k
      type(lapis_complex128_t), value :: alpha
      complex(c_double_complex), intent(in) :: a(*)
      integer(c_int64_t), value :: lda
      complex(c_double_complex), intent(in) :: b(*)
      integer(c_int64_t), value :: ldb
      type(lapis_complex128_t), value :: beta
      complex(c_double_complex), intent(inout) :: c(*)
      integer(c_int64_t), value :: ldc
      integer(c_int) :: ret
    end function lapis_zgemm
    ! lapis_dgemv for float buffers (float32): y := alpha·op(A)·x + beta·y.
    function lapis_sgemv(order, trans, m, n, alpha, a, lda, x, incx, beta, y, incy) &
      bind(c, name="lapis_sgemv") result(ret)
      import :: c_float, c_int, c_int32_t, c_int64_t
      integer(c_int32_t), value :: order
      integer(c_int32_t), value :: trans
      integer(c_int64_t), value :: m
      integer(c_int64_t), value :: n
      real(c_float), value :: alpha
      real(c_float), intent(in) :: a(*)
      integer(c_int64_t), value :: lda
      real(c_float), intent(in) :: x(*)
      integer(c_int64_t), value :: incx
      real(c_float), value :: beta
      real(c_float), intent(inout) :: y(*)
      integer(c_int64_t), value :: incy
      integer(c_int) :: ret
    end function lapis_sgemv
    ! y := alpha·op(A)·x + beta·y on caller buffers of double (CBLAS `cblas_dgemv`).
    function lapis_dgemv(order, trans, m, n, alpha, a, lda, x, incx, beta, y, incy) &
      bind(c, name="lapis_dgemv") result(ret)
      import :: c_double, c_int, c_int32_t, c_int64_t
      integer(c_int32_t), value :: order
      integer(c_int32_t), value :: trans
      integer(c_int64_t), value :: m
      integer(c_int64_t), value :: n
      real(c_double), value :: alpha
      real(c_double), intent(in) :: a(*)
      integer(c_int64_t), value :: lda
      real(c_double), intent(in) :: x(*)
      integer(c_int64_t), value :: incx
      real(c_double), value :: beta
      real(c_double), intent(inout) :: y(*)
      integer(c_int64_t), value :: incy
      integer(c_int) :: ret
    end function lapis_dgemv
    ! lapis_dgemv for lapis_complex64 buffers (complex64): y := alpha·op(A)·x + beta·y.
    function lapis_cgemv(order, trans, m, n, alpha, a, lda, x, incx, beta, y, incy) &
      bind(c, name="lapis_cgemv") result(ret)
      import :: c_float_complex, c_int, c_int32_t, c_int64_t, lapis_complex64_t
      integer(c_int32_t), value :: order
      integer(c_int32_t), value :: trans
      integer(c_int64_t), value :: m
      integer(c_int64_t), value :: n
      type(lapis_complex64_t), value :: alpha
      complex(c_float_complex), intent(in) :: a(*)
      integer(c_int64_t), value :: lda
      complex(c_float_complex), intent(in) :: x(*)
      integer(c_int64_t), value :: incx
      type(lapis_complex64_t), value :: beta
      complex(c_float_complex), intent(inout) :: y(*)
      integer(c_int64_t), value :: incy
      integer(c_int) :: ret
    end function lapis_cgemv
    ! lapis_dgemv for lapis_complex128 buffers (complex128): y := alpha·op(A)·x + beta·y.
    function lapis_zgemv(order, trans, m, n, alpha, a, lda, x, incx, beta, y, incy) &
      bind(c, name="lapis_zgemv") result(ret)
      import :: c_double_complex, c_int, c_int32_t, c_int64_t, lapis_complex128_t
      integer(c_int32_t), value :: order
      integer(c_int32_t), value :: trans
      integer(c_int64_t), value :: m
      integer(c_int64_t), value :: n
      type(lapis_complex128_t), value :: alpha
      complex(c_double_complex), intent(in) :: a(*)
      integer(c_int64_t), value :: lda
      complex(c_double_complex), intent(in) :: x(*)
      integer(c_int64_t), value :: incx
      type(lapis_complex128_t), value :: beta
      complex(c_double_complex), intent(inout) :: y(*)
      integer(c_int64_t), value :: incy
      integer(c_int) :: ret
    end function lapis_zgemv
    ! y := alpha·x + y on n-element float32 vectors (`cblas_saxpy`).
    function lapis_saxpy(n, alpha, x, incx, y, incy) bind(c, name="lapis_saxpy") result(ret)
      import :: c_float, c_int, c_int64_t
      integer(c_int64_t), value :: n
      real(c_float), value :: alpha
      real(c_float), intent(in) :: x(*)
      integer(c_int64_t), value :: incx
      real(c_float), intent(inout) :: y(*)
      integer(c_int64_t), value :: incy
      integer(c_int) :: ret
    end function lapis_saxpy
    ! y := alpha·x + y on n-element float64 vectors (`cblas_daxpy`).
    function lapis_daxpy(n, alpha, x, incx, y, incy) bind(c, name="lapis_daxpy") result(ret)
      import :: c_double, c_int, c_int64_t
      integer(c_int64_t), value :: n
      real(c_double), value :: alpha
      real(c_double), intent(in) :: x(*)
      integer(c_int64_t), value :: incx
      real(c_double), intent(inout) :: y(*)
      integer(c_int64_t), value :: incy
      integer(c_int) :: ret
    end function lapis_daxpy
    ! y := alpha·x + y on n-element complex64 vectors (`cblas_caxpy`).
    function lapis_caxpy(n, alpha, x, incx, y, incy) bind(c, name="lapis_caxpy") result(ret)
      import :: c_float_complex, c_int, c_int64_t, lapis_complex64_t
      integer(c_int64_t), value :: n
      type(lapis_complex64_t), value :: alpha
      complex(c_float_complex), intent(in) :: x(*)
      integer(c_int64_t), value :: incx
      complex(c_float_complex), intent(inout) :: y(*)
      integer(c_int64_t), value :: incy
      integer(c_int) :: ret
    end function lapis_caxpy
    ! y := alpha·x + y on n-element complex128 vectors (`cblas_zaxpy`).
    function lapis_zaxpy(n, alpha, x, incx, y, incy) bind(c, name="lapis_zaxpy") result(ret)
      import :: c_double_complex, c_int, c_int64_t, lapis_complex128_t
      integer(c_int64_t), value :: n
      type(lapis_complex128_t), value :: alpha
      complex(c_double_complex), intent(in) :: x(*)
      integer(c_int64_t), value :: incx
      complex(c_double_complex), intent(inout) :: y(*)
      integer(c_int64_t), value :: incy
      integer(c_int) :: ret
    end function lapis_zaxpy
    ! x := alpha·x on an n-element float32 vector (`cblas_sscal`).
    function lapis_sscal(n, alpha, x, incx) bind(c, name="lapis_sscal") result(ret)
      import :: c_float, c_int, c_int64_t
      integer(c_int64_t), value :: n
      real(c_float), value :: alpha
      real(c_float), intent(inout) :: x(*)
      integer(c_int64_t), value :: incx
      integer(c_int) :: ret
    end function lapis_sscal
    ! x := alpha·x on an n-element float64 vector (`cblas_dscal`).
    function lapis_dscal(n, alpha, x, incx) bind(c, name="lapis_dscal") result(ret)
      import :: c_double, c_int, c_int64_t
      integer(c_int64_t), value :: n
      real(c_double), value :: alpha
      real(c_double), intent(inout) :: x(*)
      integer(c_int64_t), value :: incx
      integer(c_int) :: ret
    end function lapis_dscal
    ! x := alpha·x on an n-element complex64 vector (`cblas_cscal`).
    function lapis_cscal(n, alpha, x, incx) bind(c, name="lapis_cscal") result(ret)
      import :: c_float_complex, c_int, c_int64_t, lapis_complex64_t
      integer(c_int64_t), value :: n
      type(lapis_complex64_t), value :: alpha
      complex(c_float_complex), intent(inout) :: x(*)
      integer(c_int64_t), value :: incx
      integer(c_int) :: ret
    end function lapis_cscal
    ! x := alpha·x on an n-element complex128 vector (`cblas_zscal`).
    function lapis_zscal(n, alpha, x, incx) bind(c, name="lapis_zscal") result(ret)
      import :: c_double_complex, c_int, c_int64_t, lapis_complex128_t
      integer(c_int64_t), value :: n
      type(lapis_complex128_t), value :: alpha
      complex(c_double_complex), intent(inout) :: x(*)
      integer(c_int64_t), value :: incx
      integer(c_int) :: ret
    end function lapis_zscal
    ! x := alpha·x with a real `alpha` on an n-element complex64 vector (`cblas_csscal`);
    ! otherwise as lapis_cscal.
    function lapis_csscal(n, alpha, x, incx) bind(c, name="lapis_csscal") result(ret)
      import :: c_float, c_float_complex, c_int, c_int64_t
      integer(c_int64_t), value :: n
      real(c_float), value :: alpha
      complex(c_float_complex), intent(inout) :: x(*)
      integer(c_int64_t), value :: incx
      integer(c_int) :: ret
    end function lapis_csscal
    ! x := alpha·x with a real `alpha` on an n-element complex128 vector (`cblas_zdscal`);
    ! otherwise as lapis_zscal.
    function lapis_zdscal(n, alpha, x, incx) bind(c, name="lapis_zdscal") result(ret)
      import :: c_double, c_double_complex, c_int, c_int64_t
      integer(c_int64_t), value :: n
      real(c_double), value :: alpha
      complex(c_double_complex), intent(inout) :: x(*)
      integer(c_int64_t), value :: incx
      integer(c_int) :: ret
    end function lapis_zdscal
    ! *out := Σ xᵢ·yᵢ over n-element float32 vectors (`cblas_sdot`), computed in float; 0 for n =
    ! 0.
    function lapis_sdot(n, x, incx, y, incy, out) bind(c, name="lapis_sdot") result(ret)
      import :: c_float, c_int, c_int64_t
      integer(c_int64_t), value :: n
      real(c_float), intent(in) :: x(*)
      integer(c_int64_t), value :: incx
      real(c_float), intent(in) :: y(*)
      integer(c_int64_t), value :: incy
      real(c_float), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_sdot
    ! *out := Σ xᵢ·yᵢ over n-element float64 vectors (`cblas_ddot`), computed in double; 0 for n =
    ! 0.
    function lapis_ddot(n, x, incx, y, incy, out) bind(c, name="lapis_ddot") result(ret)
      import :: c_double, c_int, c_int64_t
      integer(c_int64_t), value :: n
      real(c_double), intent(in) :: x(*)
      integer(c_int64_t), value :: incx
      real(c_double), intent(in) :: y(*)
      integer(c_int64_t), value :: incy
      real(c_double), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_ddot
    ! *out := Σ xᵢ·yᵢ (unconjugated) over n-element complex64 vectors (`cblas_cdotu_sub`); 0 for n
    ! = 0.
    function lapis_cdotu(n, x, incx, y, incy, out) bind(c, name="lapis_cdotu") result(ret)
      import :: c_float_complex, c_int, c_int64_t
      integer(c_int64_t), value :: n
      complex(c_float_complex), intent(in) :: x(*)
      integer(c_int64_t), value :: incx
      complex(c_float_complex), intent(in) :: y(*)
      integer(c_int64_t), value :: incy
      complex(c_float_complex), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_cdotu
    ! *out := Σ conj(xᵢ)·yᵢ over n-element complex64 vectors (`cblas_cdotc_sub`); 0 for n = 0.
    function lapis_cdotc(n, x, incx, y, incy, out) bind(c, name="lapis_cdotc") result(ret)
      import :: c_float_complex, c_int, c_int64_t
      integer(c_int64_t), value :: n
      complex(c_float_complex), intent(in) :: x(*)
      integer(c_int64_t), value :: incx
      complex(c_float_complex), intent(in) :: y(*)
      integer(c_int64_t), value :: incy
      complex(c_float_complex), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_cdotc
    ! *out := Σ xᵢ·yᵢ (unconjugated) over n-element complex128 vectors (`cblas_zdotu_sub`); 0 for
    ! n = 0.
    function lapis_zdotu(n, x, incx, y, incy, out) bind(c, name="lapis_zdotu") result(ret)
      import :: c_double_complex, c_int, c_int64_t
      integer(c_int64_t), value :: n
      complex(c_double_complex), intent(in) :: x(*)
      integer(c_int64_t), value :: incx
      complex(c_double_complex), intent(in) :: y(*)
      integer(c_int64_t), value :: incy
      complex(c_double_complex), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_zdotu
    ! *out := Σ conj(xᵢ)·yᵢ over n-element complex128 vectors (`cblas_zdotc_sub`); 0 for n = 0.
    function lapis_zdotc(n, x, incx, y, incy, out) bind(c, name="lapis_zdotc") result(ret)
      import :: c_double_complex, c_int, c_int64_t
      integer(c_int64_t), value :: n
      complex(c_double_complex), intent(in) :: x(*)
      integer(c_int64_t), value :: incx
      complex(c_double_complex), intent(in) :: y(*)
      integer(c_int64_t), value :: incy
      complex(c_double_complex), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_zdotc
    ! *out := sqrt(Σ |xᵢ|²) of an n-element float32 vector (`cblas_snrm2`), scaled against
    ! overflow by the BLAS; 0 for n = 0.
    function lapis_snrm2(n, x, incx, out) bind(c, name="lapis_snrm2") result(ret)
      import :: c_float, c_int, c_int64_t
      integer(c_int64_t), value :: n
      real(c_float), intent(in) :: x(*)
      integer(c_int64_t), value :: incx
      real(c_float), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_snrm2
    ! *out := sqrt(Σ |xᵢ|²) of an n-element float64 vector (`cblas_dnrm2`), scaled against
    ! overflow by the BLAS; 0 for n = 0.
    function lapis_dnrm2(n, x, incx, out) bind(c, name="lapis_dnrm2") result(ret)
      import :: c_double, c_int, c_int64_t
      integer(c_int64_t), value :: n
      real(c_double), intent(in) :: x(*)
      integer(c_int64_t), value :: incx
      real(c_double), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_dnrm2
    ! *out := sqrt(Σ |xᵢ|²) of an n-element complex64 vector (`cblas_scnrm2`), scaled against
    ! overflow by the BLAS; 0 for n = 0.
    function lapis_scnrm2(n, x, incx, out) bind(c, name="lapis_scnrm2") result(ret)
      import :: c_float, c_float_complex, c_int, c_int64_t
      integer(c_int64_t), value :: n
      complex(c_float_complex), intent(in) :: x(*)
      integer(c_int64_t), value :: incx
      real(c_float), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_scnrm2
    ! *out := sqrt(Σ |xᵢ|²) of an n-element complex128 vector (`cblas_dznrm2`), scaled against
    ! overflow by the BLAS; 0 for n = 0.
    function lapis_dznrm2(n, x, incx, out) bind(c, name="lapis_dznrm2") result(ret)
      import :: c_double, c_double_complex, c_int, c_int64_t
      integer(c_int64_t), value :: n
      complex(c_double_complex), intent(in) :: x(*)
      integer(c_int64_t), value :: incx
      real(c_double), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_dznrm2
    ! lapis_dsyrk for float32 buffers.
    function lapis_ssyrk(order, uplo, trans, n, k, alpha, a, lda, beta, c, ldc) &
      bind(c, name="lapis_ssyrk") result(ret)
      import :: c_float, c_int, c_int32_t, c_int64_t
      integer(c_int32_t), value :: order
      integer(c_int32_t), value :: uplo
      integer(c_int32_t), value :: trans
      integer(c_int64_t), value :: n
      integer(c_int64_t), value :: k
      real(c_float), value :: alpha
      real(c_float), intent(in) :: a(*)
      integer(c_int64_t), value :: lda
      real(c_float), value :: beta
      real(c_float), intent(inout) :: c(*)
      integer(c_int64_t), value :: ldc
      integer(c_int) :: ret
    end function lapis_ssyrk
    ! C := alpha·op(A)·op(A)ᵀ + beta·C on the `uplo` triangle (LAPIS_UPPER or LAPIS_LOWER) of the
    ! n × n matrix C, double buffers (`cblas_dsyrk`); the other triangle is not touched.
    function lapis_dsyrk(order, uplo, trans, n, k, alpha, a, lda, beta, c, ldc) &
      bind(c, name="lapis_dsyrk") result(ret)
      import :: c_double, c_int, c_int32_t, c_int64_t
      integer(c_int32_t), value :: order
      integer(c_int32_t), value :: uplo
      integer(c_int32_t), value :: trans
      integer(c_int64_t), value :: n
      integer(c_int64_t), value :: k
      real(c_double), value :: alpha
      real(c_double), intent(in) :: a(*)
      integer(c_int64_t), value :: lda
      real(c_double), value :: beta
      real(c_double), intent(inout) :: c(*)
      integer(c_int64_t), value :: ldc
      integer(c_int) :: ret
    end function lapis_dsyrk
    ! lapis_dsyrk for complex64 buffers: C := alpha·op(A)·op(A)ᵀ + beta·C (transpose without
    ! conjugate; `trans` is LAPIS_NO_TRANS or LAPIS_TRANS, LAPIS_CONJ_TRANS gives
    ! LAPIS_ERR_INVALID_ARGUMENT).
    function lapis_csyrk(order, uplo, trans, n, k, alpha, a, lda, beta, c, ldc) &
      bind(c, name="lapis_csyrk") result(ret)
      import :: c_float_complex, c_int, c_int32_t, c_int64_t, lapis_complex64_t
      integer(c_int32_t), value :: order
      integer(c_int32_t), value :: uplo
      integer(c_int32_t), value :: trans
      integer(c_int64_t), value :: n
      integer(c_int64_t), value :: k
      type(lapis_complex64_t), value :: alpha
      complex(c_float_complex), intent(in) :: a(*)
      integer(c_int64_t), value :: lda
      type(lapis_complex64_t), value :: beta
      complex(c_float_complex), intent(inout) :: c(*)
      integer(c_int64_t), value :: ldc
      integer(c_int) :: ret
    end function lapis_csyrk
    ! lapis_dsyrk for complex128 buffers: C := alpha·op(A)·op(A)ᵀ + beta·C (transpose without
    ! conjugate; `trans` is LAPIS_NO_TRANS or LAPIS_TRANS, LAPIS_CONJ_TRANS gives
    ! LAPIS_ERR_INVALID_ARGUMENT).
    function lapis_zsyrk(order, uplo, trans, n, k, alpha, a, lda, beta, c, ldc) &
      bind(c, name="lapis_zsyrk") result(ret)
      import :: c_double_complex, c_int, c_int32_t, c_int64_t, lapis_complex128_t
      integer(c_int32_t), value :: order
      integer(c_int32_t), value :: uplo
      integer(c_int32_t), value :: trans
      integer(c_int64_t), value :: n
      integer(c_int64_t), value :: k
      type(lapis_complex128_t), value :: alpha
      complex(c_double_complex), intent(in) :: a(*)
      integer(c_int64_t), value :: lda
      type(lapis_complex128_t), value :: beta
      complex(c_double_complex), intent(inout) :: c(*)
      integer(c_int64_t), value :: ldc
      integer(c_int) :: ret
    end function lapis_zsyrk
    ! C := alpha·op(A)·op(A)ᴴ + beta·C on the `uplo` triangle of the n × n Hermitian matrix C,
    ! complex64 buffers, real `alpha` and `beta` (`cblas_cherk`).
    function lapis_cherk(order, uplo, trans, n, k, alpha, a, lda, beta, c, ldc) &
      bind(c, name="lapis_cherk") result(ret)
      import :: c_float, c_float_complex, c_int, c_int32_t, c_int64_t
      integer(c_int32_t), value :: order
      integer(c_int32_t), value :: uplo
      integer(c_int32_t), value :: trans
      integer(c_int64_t), value :: n
      integer(c_int64_t), value :: k
      real(c_float), value :: alpha
      complex(c_float_complex), intent(in) :: a(*)
      integer(c_int64_t), value :: lda
      real(c_float), value :: beta
      complex(c_float_complex), intent(inout) :: c(*)
      integer(c_int64_t), value :: ldc
      integer(c_int) :: ret
    end function lapis_cherk
    ! C := alpha·op(A)·op(A)ᴴ + beta·C on the `uplo` triangle of the n × n Hermitian matrix C,
    ! complex128 buffers, real `alpha` and `beta` (`cblas_zherk`).
    function lapis_zherk(order, uplo, trans, n, k, alpha, a, lda, beta, c, ldc) &
      bind(c, name="lapis_zherk") result(ret)
      import :: c_double, c_double_complex, c_int, c_int32_t, c_int64_t
      integer(c_int32_t), value :: order
      integer(c_int32_t), value :: uplo
      integer(c_int32_t), value :: trans
      integer(c_int64_t), value :: n
      integer(c_int64_t), value :: k
      real(c_double), value :: alpha
      complex(c_double_complex), intent(in) :: a(*)
      integer(c_int64_t), value :: lda
      real(c_double), value :: beta
      complex(c_double_complex), intent(inout) :: c(*)
      integer(c_int64_t), value :: ldc
      integer(c_int) :: ret
    end function lapis_zherk
    ! lapis_dtrsm for float32 buffers.
    function lapis_strsm(order, side, uplo, transa, diag, m, n, alpha, a, lda, b, ldb) &
      bind(c, name="lapis_strsm") result(ret)
      import :: c_float, c_int, c_int32_t, c_int64_t
      integer(c_int32_t), value :: order
      integer(c_int32_t), value :: side
      integer(c_int32_t), value :: uplo
      integer(c_int32_t), value :: transa
      integer(c_int32_t), value :: diag
      integer(c_int64_t), value :: m
      integer(c_int64_t), value :: n
      real(c_float), value :: alpha
      real(c_float), intent(in) :: a(*)
      integer(c_int64_t), value :: lda
      real(c_float), intent(inout) :: b(*)
      integer(c_int64_t), value :: ldb
      integer(c_int) :: ret
    end function lapis_strsm
    ! Solves op(A)·X = alpha·B (`side` LAPIS_LEFT) or X·op(A) = alpha·B (LAPIS_RIGHT) for X,
    ! overwriting the m × n matrix B, with A triangular (`uplo`; `diag` LAPIS_UNIT takes its
    ! diagonal as ones), double buffers (`cblas_dtrsm`).
    function lapis_dtrsm(order, side, uplo, transa, diag, m, n, alpha, a, lda, b, ldb) &
      bind(c, name="lapis_dtrsm") result(ret)
      import :: c_double, c_int, c_int32_t, c_int64_t
      integer(c_int32_t), value :: order
      integer(c_int32_t), value :: side
      integer(c_int32_t), value :: uplo
      integer(c_int32_t), value :: transa
      integer(c_int32_t), value :: diag
      integer(c_int64_t), value :: m
      integer(c_int64_t), value :: n
      real(c_double), value :: alpha
      real(c_double), intent(in) :: a(*)
      integer(c_int64_t), value :: lda
      real(c_double), intent(inout) :: b(*)
      integer(c_int64_t), value :: ldb
      integer(c_int) :: ret
    end function lapis_dtrsm
    ! lapis_dtrsm for complex64 buffers (LAPIS_CONJ_TRANS solves with Aᴴ).
    function lapis_ctrsm(order, side, uplo, transa, diag, m, n, alpha, a, lda, b, ldb) &
      bind(c, name="lapis_ctrsm") result(ret)
      import :: c_float_complex, c_int, c_int32_t, c_int64_t, lapis_complex64_t
      integer(c_int32_t), value :: order
      integer(c_int32_t), value :: side
      integer(c_int32_t), value :: uplo
      integer(c_int32_t), value :: transa
      integer(c_int32_t), value :: diag
      integer(c_int64_t), value :: m
      integer(c_int64_t), value :: n
      type(lapis_complex64_t), value :: alpha
      complex(c_float_complex), intent(in) :: a(*)
      integer(c_int64_t), value :: lda
      complex(c_float_complex), intent(inout) :: b(*)
      integer(c_int64_t), value :: ldb
      integer(c_int) :: ret
    end function lapis_ctrsm
    ! lapis_dtrsm for complex128 buffers (LAPIS_CONJ_TRANS solves with Aᴴ).
    function lapis_ztrsm(order, side, uplo, transa, diag, m, n, alpha, a, lda, b, ldb) &
      bind(c, name="lapis_ztrsm") result(ret)
      import :: c_double_complex, c_int, c_int32_t, c_int64_t, lapis_complex128_t
      integer(c_int32_t), value :: order
      integer(c_int32_t), value :: side
      integer(c_int32_t), value :: uplo
      integer(c_int32_t), value :: transa
      integer(c_int32_t), value :: diag
      integer(c_int64_t), value :: m
      integer(c_int64_t), value :: n
      type(lapis_complex128_t), value :: alpha
      complex(c_double_complex), intent(in) :: a(*)
      integer(c_int64_t), value :: lda
      complex(c_double_complex), intent(inout) :: b(*)
      integer(c_int64_t), value :: ldb
      integer(c_int) :: ret
    end function lapis_ztrsm
    ! y := x for n-element float32 vectors (`cblas_scopy`); negative increments start at the end.
    function lapis_scopy(n, x, incx, y, incy) bind(c, name="lapis_scopy") result(ret)
      import :: c_float, c_int, c_int64_t
      integer(c_int64_t), value :: n
      real(c_float), intent(in) :: x(*)
      integer(c_int64_t), value :: incx
      real(c_float), intent(inout) :: y(*)
      integer(c_int64_t), value :: incy
      integer(c_int) :: ret
    end function lapis_scopy
    ! Exchanges x and y for n-element float32 vectors (`cblas_sswap`); negative increments start
    ! at the end.
    function lapis_sswap(n, x, incx, y, incy) bind(c, name="lapis_sswap") result(ret)
      import :: c_float, c_int, c_int64_t
      integer(c_int64_t), value :: n
      real(c_float), intent(inout) :: x(*)
      integer(c_int64_t), value :: incx
      real(c_float), intent(inout) :: y(*)
      integer(c_int64_t), value :: incy
      integer(c_int) :: ret
    end function lapis_sswap
    ! y := x for n-element float64 vectors (`cblas_dcopy`); negative increments start at the end.
    function lapis_dcopy(n, x, incx, y, incy) bind(c, name="lapis_dcopy") result(ret)
      import :: c_double, c_int, c_int64_t
      integer(c_int64_t), value :: n
      real(c_double), intent(in) :: x(*)
      integer(c_int64_t), value :: incx
      real(c_double), intent(inout) :: y(*)
      integer(c_int64_t), value :: incy
      integer(c_int) :: ret
    end function lapis_dcopy
    ! Exchanges x and y for n-element float64 vectors (`cblas_dswap`); negative increments start
    ! at the end.
    function lapis_dswap(n, x, incx, y, incy) bind(c, name="lapis_dswap") result(ret)
      import :: c_double, c_int, c_int64_t
      integer(c_int64_t), value :: n
      real(c_double), intent(inout) :: x(*)
      integer(c_int64_t), value :: incx
      real(c_double), intent(inout) :: y(*)
      integer(c_int64_t), value :: incy
      integer(c_int) :: ret
    end function lapis_dswap
    ! y := x for n-element complex64 vectors (`cblas_ccopy`); negative increments start at the
    ! end.
    function lapis_ccopy(n, x, incx, y, incy) bind(c, name="lapis_ccopy") result(ret)
      import :: c_float_complex, c_int, c_int64_t
      integer(c_int64_t), value :: n
      complex(c_float_complex), intent(in) :: x(*)
      integer(c_int64_t), value :: incx
      complex(c_float_complex), intent(inout) :: y(*)
      integer(c_int64_t), value :: incy
      integer(c_int) :: ret
    end function lapis_ccopy
    ! Exchanges x and y for n-element complex64 vectors (`cblas_cswap`); negative increments start
    ! at the end.
    function lapis_cswap(n, x, incx, y, incy) bind(c, name="lapis_cswap") result(ret)
      import :: c_float_complex, c_int, c_int64_t
      integer(c_int64_t), value :: n
      complex(c_float_complex), intent(inout) :: x(*)
      integer(c_int64_t), value :: incx
      complex(c_float_complex), intent(inout) :: y(*)
      integer(c_int64_t), value :: incy
      integer(c_int) :: ret
    end function lapis_cswap
    ! y := x for n-element complex128 vectors (`cblas_zcopy`); negative increments start at the
    ! end.
    function lapis_zcopy(n, x, incx, y, incy) bind(c, name="lapis_zcopy") result(ret)
      import :: c_double_complex, c_int, c_int64_t
      integer(c_int64_t), value :: n
      complex(c_double_complex), intent(in) :: x(*)
      integer(c_int64_t), value :: incx
      complex(c_double_complex), intent(inout) :: y(*)
      integer(c_int64_t), value :: incy
      integer(c_int) :: ret
    end function lapis_zcopy
    ! Exchanges x and y for n-element complex128 vectors (`cblas_zswap`); negative increments
    ! start at the end.
    function lapis_zswap(n, x, incx, y, incy) bind(c, name="lapis_zswap") result(ret)
      import :: c_double_complex, c_int, c_int64_t
      integer(c_int64_t), value :: n
      complex(c_double_complex), intent(inout) :: x(*)
      integer(c_int64_t), value :: incx
      complex(c_double_complex), intent(inout) :: y(*)
      integer(c_int64_t), value :: incy
      integer(c_int) :: ret
    end function lapis_zswap
    ! NumPy's `fft.fft(x, n, axis, norm)`: the 1-D discrete Fourier transform along `axis`, `y[k]
    ! = sum_j x[j] exp(-2 pi i jk/n)`, scaled as `norm` says. `n` (-1: the axis length) crops or
    ! zero-pads the input along `axis`; the result has length `n` there and `x`'s other lengths.
    function lapis_fft_fft(x, n, axis, norm, out) bind(c, name="lapis_fft_fft") result(ret)
      import :: c_int, c_int32_t, c_int64_t, c_ptr
      type(c_ptr), value :: x
      integer(c_int64_t), value :: n
      integer(c_int64_t), value :: axis
      integer(c_int32_t), value :: norm
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_fft_fft
    ! NumPy's `fft.ifft`: the inverse of `lapis_fft_fft`, `y[j] = (1/n) sum_k x[k] exp(+2 pi i
    ! jk/n)` for the default norm.
    function lapis_fft_ifft(x, n, axis, norm, out) bind(c, name="lapis_fft_ifft") result(ret)
      import :: c_int, c_int32_t, c_int64_t, c_ptr
      type(c_ptr), value :: x
      integer(c_int64_t), value :: n
      integer(c_int64_t), value :: axis
      integer(c_int32_t), value :: norm
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_fft_ifft
    ! NumPy's `fft.rfft`: the transform of real input, only the `n/2 + 1` non-negative
    ! frequencies. `x` must be float32 or float64 (complex input is `LAPIS_ERR_INVALID_ARGUMENT`,
    ! "expected real input"); the result is complex64 or complex128 with length `n/2 + 1` along
    ! `axis`.
    function lapis_fft_rfft(x, n, axis, norm, out) bind(c, name="lapis_fft_rfft") result(ret)
      import :: c_int, c_int32_t, c_int64_t, c_ptr
      type(c_ptr), value :: x
      integer(c_int64_t), value :: n
      integer(c_int64_t), value :: axis
      integer(c_int32_t), value :: norm
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_fft_rfft
    ! NumPy's `fft.irfft`: the inverse of `lapis_fft_rfft`, a real result of length `n` along
    ! `axis` (default `2*(m - 1)` for an input length `m`; the input is cropped or zero-padded to
    ! `n/2 + 1` values).
    function lapis_fft_irfft(x, n, axis, norm, out) bind(c, name="lapis_fft_irfft") result(ret)
      import :: c_int, c_int32_t, c_int64_t, c_ptr
      type(c_ptr), value :: x
      integer(c_int64_t), value :: n
      integer(c_int64_t), value :: axis
      integer(c_int32_t), value :: norm
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_fft_irfft
    ! NumPy's `fft.hfft`: the transform of a Hermitian-symmetric signal given by its first half, a
    ! real result of length `n` (default `2*(m - 1)`).
    function lapis_fft_hfft(x, n, axis, norm, out) bind(c, name="lapis_fft_hfft") result(ret)
      import :: c_int, c_int32_t, c_int64_t, c_ptr
      type(c_ptr), value :: x
      integer(c_int64_t), value :: n
      integer(c_int64_t), value :: axis
      integer(c_int32_t), value :: norm
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_fft_hfft
    ! NumPy's `fft.ihfft`: the inverse of `lapis_fft_hfft` for real input (the conjugate of `rfft`
    ! scaled by `1/n` for the default norm), length `n/2 + 1` along `axis`.
    function lapis_fft_ihfft(x, n, axis, norm, out) bind(c, name="lapis_fft_ihfft") result(ret)
      import :: c_int, c_int32_t, c_int64_t, c_ptr
      type(c_ptr), value :: x
      integer(c_int64_t), value :: n
      integer(c_int64_t), value :: axis
      integer(c_int32_t), value :: norm
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_fft_ihfft
    ! `lapis_fft_fft` written into the existing array `out`, which must have the result's shape
    ! (length `n` along `axis`), be writable, and have exactly the result's dtype (complex64 for
    ! float32/complex64 input, else complex128).
    function lapis_fft_fft_out(x, n, axis, norm, out) bind(c, name="lapis_fft_fft_out") result(ret)
      import :: c_int, c_int32_t, c_int64_t, c_ptr
      type(c_ptr), value :: x
      integer(c_int64_t), value :: n
      integer(c_int64_t), value :: axis
      integer(c_int32_t), value :: norm
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_fft_fft_out
    ! `lapis_fft_ifft` into `out`, as `lapis_fft_fft_out`.
    function lapis_fft_ifft_out(x, n, axis, norm, out) &
      bind(c, name="lapis_fft_ifft_out") result(ret)
      import :: c_int, c_int32_t, c_int64_t, c_ptr
      type(c_ptr), value :: x
      integer(c_int64_t), value :: n
      integer(c_int64_t), value :: axis
      integer(c_int32_t), value :: norm
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_fft_ifft_out
    ! `lapis_fft_rfft` into `out` (complex, length `n/2 + 1` along `axis`), as
    ! `lapis_fft_fft_out`.
    function lapis_fft_rfft_out(x, n, axis, norm, out) &
      bind(c, name="lapis_fft_rfft_out") result(ret)
      import :: c_int, c_int32_t, c_int64_t, c_ptr
      type(c_ptr), value :: x
      integer(c_int64_t), value :: n
      integer(c_int64_t), value :: axis
      integer(c_int32_t), value :: norm
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_fft_rfft_out
    ! `lapis_fft_irfft` into `out` (float32 or float64: the result's dtype exactly, length `n`
    ! along `axis`), as `lapis_fft_fft_out`.
    function lapis_fft_irfft_out(x, n, axis, norm, out) &
      bind(c, name="lapis_fft_irfft_out") result(ret)
      import :: c_int, c_int32_t, c_int64_t, c_ptr
      type(c_ptr), value :: x
      integer(c_int64_t), value :: n
      integer(c_int64_t), value :: axis
      integer(c_int32_t), value :: norm
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_fft_irfft_out
    ! `lapis_fft_hfft` into `out`, as `lapis_fft_irfft_out`.
    function lapis_fft_hfft_out(x, n, axis, norm, out) &
      bind(c, name="lapis_fft_hfft_out") result(ret)
      import :: c_int, c_int32_t, c_int64_t, c_ptr
      type(c_ptr), value :: x
      integer(c_int64_t), value :: n
      integer(c_int64_t), value :: axis
      integer(c_int32_t), value :: norm
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_fft_hfft_out
    ! `lapis_fft_ihfft` into `out`, as `lapis_fft_rfft_out`.
    function lapis_fft_ihfft_out(x, n, axis, norm, out) &
      bind(c, name="lapis_fft_ihfft_out") result(ret)
      import :: c_int, c_int32_t, c_int64_t, c_ptr
      type(c_ptr), value :: x
      integer(c_int64_t), value :: n
      integer(c_int64_t), value :: axis
      integer(c_int32_t), value :: norm
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_fft_ihfft_out
    ! `lapis_fft_fft` of a complex array in place along `axis` (the length is kept: no `n`).
    function lapis_fft_fft_inplace(x, axis, norm) bind(c, name="lapis_fft_fft_inplace") result(ret)
      import :: c_int, c_int32_t, c_int64_t, c_ptr
      type(c_ptr), value :: x
      integer(c_int64_t), value :: axis
      integer(c_int32_t), value :: norm
      integer(c_int) :: ret
    end function lapis_fft_fft_inplace
    ! `lapis_fft_ifft` in place, as `lapis_fft_fft_inplace`.
    function lapis_fft_ifft_inplace(x, axis, norm) &
      bind(c, name="lapis_fft_ifft_inplace") result(ret)
      import :: c_int, c_int32_t, c_int64_t, c_ptr
      type(c_ptr), value :: x
      integer(c_int64_t), value :: axis
      integer(c_int32_t), value :: norm
      integer(c_int) :: ret
    end function lapis_fft_ifft_inplace
    ! NumPy's `fft.fftn(x, s, axes, norm)`: the n-d transform over `axes` (`naxes` = -1: the last
    ! `ns` axes when `s` is given, else all axes), with `s[i]` (`ns` = -1: the input lengths)
    ! cropping or zero-padding axis `axes[i]`. `s` and `axes` must have the same length when both
    ! are given.
    function lapis_fft_fftn(x, ns, s, naxes, axes, norm, out) &
      bind(c, name="lapis_fft_fftn") result(ret)
      import :: c_int, c_int32_t, c_int64_t, c_ptr
      type(c_ptr), value :: x
      integer(c_int64_t), value :: ns
      integer(c_int64_t), intent(in) :: s(*)
      integer(c_int64_t), value :: naxes
      integer(c_int64_t), intent(in) :: axes(*)
      integer(c_int32_t), value :: norm
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_fft_fftn
    ! NumPy's `fft.ifftn`: the inverse of `lapis_fft_fftn` (same arguments).
    function lapis_fft_ifftn(x, ns, s, naxes, axes, norm, out) &
      bind(c, name="lapis_fft_ifftn") result(ret)
      import :: c_int, c_int32_t, c_int64_t, c_ptr
      type(c_ptr), value :: x
      integer(c_int64_t), value :: ns
      integer(c_int64_t), intent(in) :: s(*)
      integer(c_int64_t), value :: naxes
      integer(c_int64_t), intent(in) :: axes(*)
      integer(c_int32_t), value :: norm
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_fft_ifftn
    ! NumPy's `fft.rfftn`: `rfft` over the last of `axes`, then `fft` over the others; real input
    ! only (`LAPIS_ERR_INVALID_ARGUMENT` for complex).
    function lapis_fft_rfftn(x, ns, s, naxes, axes, norm, out) &
      bind(c, name="lapis_fft_rfftn") result(ret)
      import :: c_int, c_int32_t, c_int64_t, c_ptr
      type(c_ptr), value :: x
      integer(c_int64_t), value :: ns
      integer(c_int64_t), intent(in) :: s(*)
      integer(c_int64_t), value :: naxes
      integer(c_int64_t), intent(in) :: axes(*)
      integer(c_int32_t), value :: norm
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_fft_rfftn
    ! NumPy's `fft.irfftn`: the inverse of `lapis_fft_rfftn`, a real result; the last transformed
    ! length defaults to `2*(m - 1)`.
    function lapis_fft_irfftn(x, ns, s, naxes, axes, norm, out) &
      bind(c, name="lapis_fft_irfftn") result(ret)
      import :: c_int, c_int32_t, c_int64_t, c_ptr
      type(c_ptr), value :: x
      integer(c_int64_t), value :: ns
      integer(c_int64_t), intent(in) :: s(*)
      integer(c_int64_t), value :: naxes
      integer(c_int64_t), intent(in) :: axes(*)
      integer(c_int32_t), value :: norm
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_fft_irfftn
    ! NumPy's `fft.fft2`: `lapis_fft_fftn` whose default axes are the last two (`naxes` = -1)
    ! instead of all.
    function lapis_fft_fft2(x, ns, s, naxes, axes, norm, out) &
      bind(c, name="lapis_fft_fft2") result(ret)
      import :: c_int, c_int32_t, c_int64_t, c_ptr
      type(c_ptr), value :: x
      integer(c_int64_t), value :: ns
      integer(c_int64_t), intent(in) :: s(*)
      integer(c_int64_t), value :: naxes
      integer(c_int64_t), intent(in) :: axes(*)
      integer(c_int32_t), value :: norm
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_fft_fft2
    ! NumPy's `fft.ifft2`: `lapis_fft_ifftn` with the last two axes by default.
    function lapis_fft_ifft2(x, ns, s, naxes, axes, norm, out) &
      bind(c, name="lapis_fft_ifft2") result(ret)
      import :: c_int, c_int32_t, c_int64_t, c_ptr
      type(c_ptr), value :: x
      integer(c_int64_t), value :: ns
      integer(c_int64_t), intent(in) :: s(*)
      integer(c_int64_t), value :: naxes
      integer(c_int64_t), intent(in) :: axes(*)
      integer(c_int32_t), value :: norm
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_fft_ifft2
    ! NumPy's `fft.rfft2`: `lapis_fft_rfftn` with the last two axes by default.
    function lapis_fft_rfft2(x, ns, s, naxes, axes, norm, out) &
      bind(c, name="lapis_fft_rfft2") result(ret)
      import :: c_int, c_int32_t, c_int64_t, c_ptr
      type(c_ptr), value :: x
      integer(c_int64_t), value :: ns
      integer(c_int64_t), intent(in) :: s(*)
      integer(c_int64_t), value :: naxes
      integer(c_int64_t), intent(in) :: axes(*)
      integer(c_int32_t), value :: norm
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_fft_rfft2
    ! NumPy's `fft.irfft2`: `lapis_fft_irfftn` with the last two axes by default.
    function lapis_fft_irfft2(x, ns, s, naxes, axes, norm, out) &
      bind(c, name="lapis_fft_irfft2") result(ret)
      import :: c_int, c_int32_t, c_int64_t, c_ptr
      type(c_ptr), value :: x
      integer(c_int64_t), value :: ns
      integer(c_int64_t), intent(in) :: s(*)
      integer(c_int64_t), value :: naxes
      integer(c_int64_t), intent(in) :: axes(*)
      integer(c_int32_t), value :: norm
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_fft_irfft2
    ! `lapis_fft_fftn` written into the existing array `out`, which must have exactly the result's
    ! shape and dtype (complex64 for float32/complex64 input, else complex128), be writable and
    ! have no self-overlapping elements; any strides otherwise (F order, sliced, negative). `out`
    ! may share `x`'s buffer (even be `x`): the result is then computed in a temporary and copied.
    function lapis_fft_fftn_out(x, ns, s, naxes, axes, norm, out) &
      bind(c, name="lapis_fft_fftn_out") result(ret)
      import :: c_int, c_int32_t, c_int64_t, c_ptr
      type(c_ptr), value :: x
      integer(c_int64_t), value :: ns
      integer(c_int64_t), intent(in) :: s(*)
      integer(c_int64_t), value :: naxes
      integer(c_int64_t), intent(in) :: axes(*)
      integer(c_int32_t), value :: norm
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_fft_fftn_out
    ! `lapis_fft_ifftn` into `out`, as `lapis_fft_fftn_out`.
    function lapis_fft_ifftn_out(x, ns, s, naxes, axes, norm, out) &
      bind(c, name="lapis_fft_ifftn_out") result(ret)
      import :: c_int, c_int32_t, c_int64_t, c_ptr
      type(c_ptr), value :: x
      integer(c_int64_t), value :: ns
      integer(c_int64_t), intent(in) :: s(*)
      integer(c_int64_t), value :: naxes
      integer(c_int64_t), intent(in) :: axes(*)
      integer(c_int32_t), value :: norm
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_fft_ifftn_out
    ! `lapis_fft_rfftn` into `out` (complex; `s[-1]/2 + 1` along the last transformed axis), as
    ! `lapis_fft_fftn_out`.
    function lapis_fft_rfftn_out(x, ns, s, naxes, axes, norm, out) &
      bind(c, name="lapis_fft_rfftn_out") result(ret)
      import :: c_int, c_int32_t, c_int64_t, c_ptr
      type(c_ptr), value :: x
      integer(c_int64_t), value :: ns
      integer(c_int64_t), intent(in) :: s(*)
      integer(c_int64_t), value :: naxes
      integer(c_int64_t), intent(in) :: axes(*)
      integer(c_int32_t), value :: norm
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_fft_rfftn_out
    ! `lapis_fft_irfftn` into `out` (float32 or float64), as `lapis_fft_fftn_out`.
    function lapis_fft_irfftn_out(x, ns, s, naxes, axes, norm, out) &
      bind(c, name="lapis_fft_irfftn_out") result(ret)
      import :: c_int, c_int32_t, c_int64_t, c_ptr
      type(c_ptr), value :: x
      integer(c_int64_t), value :: ns
      integer(c_int64_t), intent(in) :: s(*)
      integer(c_int64_t), value :: naxes
      integer(c_int64_t), intent(in) :: axes(*)
      integer(c_int32_t), value :: norm
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_fft_irfftn_out
    ! `lapis_fft_fft2` into `out`, as `lapis_fft_fftn_out`.
    function lapis_fft_fft2_out(x, ns, s, naxes, axes, norm, out) &
      bind(c, name="lapis_fft_fft2_out") result(ret)
      import :: c_int, c_int32_t, c_int64_t, c_ptr
      type(c_ptr), value :: x
      integer(c_int64_t), value :: ns
      integer(c_int64_t), intent(in) :: s(*)
      integer(c_int64_t), value :: naxes
      integer(c_int64_t), intent(in) :: axes(*)
      integer(c_int32_t), value :: norm
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_fft_fft2_out
    ! `lapis_fft_ifft2` into `out`, as `lapis_fft_fftn_out`.
    function lapis_fft_ifft2_out(x, ns, s, naxes, axes, norm, out) &
      bind(c, name="lapis_fft_ifft2_out") result(ret)
      import :: c_int, c_int32_t, c_int64_t, c_ptr
      type(c_ptr), value :: x
      integer(c_int64_t), value :: ns
      integer(c_int64_t), intent(in) :: s(*)
      integer(c_int64_t), value :: naxes
      integer(c_int64_t), intent(in) :: axes(*)
      integer(c_int32_t), value :: norm
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_fft_ifft2_out
    ! `lapis_fft_rfft2` into `out`, as `lapis_fft_rfftn_out`.
    function lapis_fft_rfft2_out(x, ns, s, naxes, axes, norm, out) &
      bind(c, name="lapis_fft_rfft2_out") result(ret)
      import :: c_int, c_int32_t, c_int64_t, c_ptr
      type(c_ptr), value :: x
      integer(c_int64_t), value :: ns
      integer(c_int64_t), intent(in) :: s(*)
      integer(c_int64_t), value :: naxes
      integer(c_int64_t), intent(in) :: axes(*)
      integer(c_int32_t), value :: norm
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_fft_rfft2_out
    ! `lapis_fft_irfft2` into `out`, as `lapis_fft_irfftn_out`.
    function lapis_fft_irfft2_out(x, ns, s, naxes, axes, norm, out) &
      bind(c, name="lapis_fft_irfft2_out") result(ret)
      import :: c_int, c_int32_t, c_int64_t, c_ptr
      type(c_ptr), value :: x
      integer(c_int64_t), value :: ns
      integer(c_int64_t), intent(in) :: s(*)
      integer(c_int64_t), value :: naxes
      integer(c_int64_t), intent(in) :: axes(*)
      integer(c_int32_t), value :: norm
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_fft_irfft2_out
    ! NumPy's `fft.fftfreq(n, d)`: the sample frequencies `[0, 1, ..., ceil(n/2) - 1, -floor(n/2),
    ! ..., -1] / (n*d)` of a length-`n` transform with sample spacing `d`, as a new float64 array
    ! of length `n` (owned by the caller).
    function lapis_fft_fftfreq(n, d, out) bind(c, name="lapis_fft_fftfreq") result(ret)
      import :: c_double, c_int, c_int64_t, c_ptr
      integer(c_int64_t), value :: n
      real(c_double), value :: d
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_fft_fftfreq
    ! NumPy's `fft.rfftfreq(n, d)`: `[0, 1, ..., n/2] / (n*d)`, a new float64 array of length `n/2
    ! + 1`.
    function lapis_fft_rfftfreq(n, d, out) bind(c, name="lapis_fft_rfftfreq") result(ret)
      import :: c_double, c_int, c_int64_t, c_ptr
      integer(c_int64_t), value :: n
      real(c_double), value :: d
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_fft_rfftfreq
    ! NumPy's `fft.fftshift(x, axes)`: rolls each axis in `axes` (`naxes` = -1: all axes) by
    ! `floor(len/2)` so the zero frequency moves to the centre.
    function lapis_fft_fftshift(x, naxes, axes, out) bind(c, name="lapis_fft_fftshift") result(ret)
      import :: c_int, c_int64_t, c_ptr
      type(c_ptr), value :: x
      integer(c_int64_t), value :: naxes
      integer(c_int64_t), intent(in) :: axes(*)
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_fft_fftshift
    ! NumPy's `fft.ifftshift`: the inverse of `lapis_fft_fftshift` (rolls by `-floor(len/2)`),
    ! same arguments and errors.
    function lapis_fft_ifftshift(x, naxes, axes, out) &
      bind(c, name="lapis_fft_ifftshift") result(ret)
      import :: c_int, c_int64_t, c_ptr
      type(c_ptr), value :: x
      integer(c_int64_t), value :: naxes
      integer(c_int64_t), intent(in) :: axes(*)
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_fft_ifftshift
    ! Solves `A x = b` (numpy.linalg.solve) by LU with partial pivoting.
    function lapis_linalg_solve(a, b, out) bind(c, name="lapis_linalg_solve") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: a
      type(c_ptr), value :: b
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_linalg_solve
    ! Least-squares solution of `A x ≈ b` with the minimum norm (numpy.linalg.lstsq, LAPACK
    ! `?gelsd`), for one matrix.
    function lapis_linalg_lstsq(a, b, rcond, x, residuals, rank, s) &
      bind(c, name="lapis_linalg_lstsq") result(ret)
      import :: c_double, c_int, c_int64_t, c_ptr
      type(c_ptr), value :: a
      type(c_ptr), value :: b
      real(c_double), value :: rcond
      type(c_ptr), intent(inout) :: x
      type(c_ptr), intent(inout) :: residuals
      integer(c_int64_t), intent(inout) :: rank
      type(c_ptr), intent(inout) :: s
      integer(c_int) :: ret
    end function lapis_linalg_lstsq
    ! Inverse of each `(…, N, N)` matrix (numpy.linalg.inv): `*out` has `a`'s shape and dtype (new
    ! array, freed by the caller).
    function lapis_linalg_inv(a, out) bind(c, name="lapis_linalg_inv") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: a
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_linalg_inv
    ! Moore–Penrose pseudo-inverse of each `(…, M, N)` matrix (numpy.linalg.pinv), by the SVD:
    ! `*out` is `(…, N, M)`, `a`'s dtype.
    function lapis_linalg_pinv(a, rtol, out) bind(c, name="lapis_linalg_pinv") result(ret)
      import :: c_double, c_int, c_ptr
      type(c_ptr), value :: a
      real(c_double), value :: rtol
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_linalg_pinv
    ! Determinant of each `(…, N, N)` matrix (numpy.linalg.det), by LU: `*out` is a new array of
    ! shape `(…)` (0-d for a single matrix) and `a`'s dtype.
    function lapis_linalg_det(a, out) bind(c, name="lapis_linalg_det") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: a
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_linalg_det
    ! Determinant of one `(N, N)` matrix as a complex double in `*out` (imaginary part 0 for real
    ! dtypes; float32/complex64 results widened).
    function lapis_linalg_det_scalar(a, out) bind(c, name="lapis_linalg_det_scalar") result(ret)
      import :: c_double_complex, c_int, c_ptr
      type(c_ptr), value :: a
      complex(c_double_complex), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_linalg_det_scalar
    ! Sign and natural log of |det| of each `(…, N, N)` matrix (numpy.linalg.slogdet), so `det =
    ! sign · exp(logabsdet)` without overflow. `*sign`: shape `(…)`, `a`'s dtype (±1, a unit-
    ! modulus complex, or 0 if singular); `*logabsdet`: shape `(…)`, real dtype of `a`'s precision
    ! (`-inf` if singular).
    function lapis_linalg_slogdet(a, sign, logabsdet) &
      bind(c, name="lapis_linalg_slogdet") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: a
      type(c_ptr), intent(inout) :: sign
      type(c_ptr), intent(inout) :: logabsdet
      integer(c_int) :: ret
    end function lapis_linalg_slogdet
    ! LU factorization with partial pivoting `A = P L U` of each `(…, M, N)` matrix
    ! (scipy.linalg.lu): `*p` `(…, M, M)` permutation matrix, `*l` `(…, M, K)` unit lower
    ! trapezoidal, `*u` `(…, K, N)` upper trapezoidal, `K = min(M, N)`, all of `a`'s dtype.
    function lapis_linalg_lu(a, p, l, u) bind(c, name="lapis_linalg_lu") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: a
      type(c_ptr), intent(inout) :: p
      type(c_ptr), intent(inout) :: l
      type(c_ptr), intent(inout) :: u
      integer(c_int) :: ret
    end function lapis_linalg_lu
    ! Cholesky factor of each Hermitian positive definite `(…, N, N)` matrix: `uplo = LAPIS_LOWER`
    ! gives `L` with `A = L Lᴴ` (numpy.linalg.cholesky), `LAPIS_UPPER` gives `U` with `A = Uᴴ U`.
    function lapis_linalg_cholesky(a, uplo, out) bind(c, name="lapis_linalg_cholesky") result(ret)
      import :: c_int, c_int32_t, c_ptr
      type(c_ptr), value :: a
      integer(c_int32_t), value :: uplo
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_linalg_cholesky
    ! QR factorization `A = Q R` of each `(…, M, N)` matrix (numpy.linalg.qr), `mode` a
    ! `LAPIS_QR_*` code: REDUCED gives `Q (…, M, K)`, `R (…, K, N)`; COMPLETE gives `Q (…, M, M)`,
    ! `R (…, M, N)`; R gives only `R (…, K, N)` and writes NULL to a non-NULL `q`. `K = min(M,
    ! N)`; `a`'s dtype.
    function lapis_linalg_qr(a, mode, q, r) bind(c, name="lapis_linalg_qr") result(ret)
      import :: c_int, c_int32_t, c_ptr
      type(c_ptr), value :: a
      integer(c_int32_t), value :: mode
      type(c_ptr), intent(inout) :: q
      type(c_ptr), intent(inout) :: r
      integer(c_int) :: ret
    end function lapis_linalg_qr
    ! Singular value decomposition `A = U diag(s) Vh` of each `(…, M, N)` matrix
    ! (numpy.linalg.svd). `*s`: `(…, K)`, `K = min(M, N)`, real dtype of `a`'s precision,
    ! descending.
    function lapis_linalg_svd(a, full_matrices, compute_uv, u, s, vh) &
      bind(c, name="lapis_linalg_svd") result(ret)
      import :: c_bool, c_int, c_ptr
      type(c_ptr), value :: a
      logical(c_bool), value :: full_matrices
      logical(c_bool), value :: compute_uv
      type(c_ptr), intent(inout) :: u
      type(c_ptr), intent(inout) :: s
      type(c_ptr), intent(inout) :: vh
      integer(c_int) :: ret
    end function lapis_linalg_svd
    ! Singular values of each `(…, M, N)` matrix (numpy.linalg.svdvals): `*out` `(…, min(M, N))`,
    ! real dtype of `a`'s precision, descending; new, freed by the caller.
    function lapis_linalg_svdvals(a, out) bind(c, name="lapis_linalg_svdvals") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: a
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_linalg_svdvals
    ! Eigenvalues and right eigenvectors of each general `(…, N, N)` matrix (numpy.linalg.eig,
    ! LAPACK `?geev`): `*w` `(…, N)` and `*v` `(…, N, N)` (eigenvectors as columns, unit 2-norm,
    ! `A v = v diag(w)`), both complex of `a`'s precision (complex64 for float32, complex128 for
    ! float64).
    function lapis_linalg_eig(a, w, v) bind(c, name="lapis_linalg_eig") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: a
      type(c_ptr), intent(inout) :: w
      type(c_ptr), intent(inout) :: v
      integer(c_int) :: ret
    end function lapis_linalg_eig
    ! Eigenvalues of each general `(…, N, N)` matrix (numpy.linalg.eigvals): `*out` `(…, N)`,
    ! complex of `a`'s precision; new, freed by the caller.
    function lapis_linalg_eigvals(a, out) bind(c, name="lapis_linalg_eigvals") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: a
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_linalg_eigvals
    ! Eigen-decomposition of each symmetric/Hermitian `(…, N, N)` matrix (numpy.linalg.eigh,
    ! LAPACK `?syevd`/`?heevd`), reading only its `uplo` triangle: `*w` `(…, N)` eigenvalues
    ! ascending, real dtype of `a`'s precision; `*v` `(…, N, N)` orthonormal eigenvectors
    ! (columns), `a`'s dtype.
    function lapis_linalg_eigh(a, uplo, w, v) bind(c, name="lapis_linalg_eigh") result(ret)
      import :: c_int, c_int32_t, c_ptr
      type(c_ptr), value :: a
      integer(c_int32_t), value :: uplo
      type(c_ptr), intent(inout) :: w
      type(c_ptr), intent(inout) :: v
      integer(c_int) :: ret
    end function lapis_linalg_eigh
    ! Eigenvalues of each symmetric/Hermitian `(…, N, N)` matrix (numpy.linalg.eigvalsh), reading
    ! its `uplo` triangle: `*out` `(…, N)` ascending, real dtype of `a`'s precision; new, freed by
    ! the caller.
    function lapis_linalg_eigvalsh(a, uplo, out) bind(c, name="lapis_linalg_eigvalsh") result(ret)
      import :: c_int, c_int32_t, c_ptr
      type(c_ptr), value :: a
      integer(c_int32_t), value :: uplo
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_linalg_eigvalsh
    ! The generalized symmetric-definite eigenproblem `H x = e S x` for each pair of `(…, N, N)`
    ! matrices (scipy.linalg.eigh(h, s), LAPACK `?sygvd`/`?hegvd`): `H` symmetric/Hermitian, `S`
    ! symmetric/Hermitian positive definite (an overlap matrix), both read only in their `uplo`
    ! triangle, the same dtype; leading axes broadcast. `*w` `(…, N)`: eigenvalues ascending, real
    ! dtype of the input's precision; `*x` `(…, N, N)`: eigenvectors (columns), input dtype,
    ! S-orthonormal (`Xᴴ S X = I`).
    function lapis_linalg_eigh_generalized(h, s, uplo, w, x) &
      bind(c, name="lapis_linalg_eigh_generalized") result(ret)
      import :: c_int, c_int32_t, c_ptr
      type(c_ptr), value :: h
      type(c_ptr), value :: s
      integer(c_int32_t), value :: uplo
      type(c_ptr), intent(inout) :: w
      type(c_ptr), intent(inout) :: x
      integer(c_int) :: ret
    end function lapis_linalg_eigh_generalized
    ! The norm of a whole array (numpy.linalg.norm without `axis`) in `*out`: `ord` a
    ! `LAPIS_NORM_*` code with the numeric order in `p` for `LAPIS_NORM_P` (see `lapis_norm_ord`).
    ! `LAPIS_NORM_DEFAULT` is the 2-norm of all elements for any number of axes; other orders need
    ! 1-D (vector norm) or 2-D (matrix norm) input.
    function lapis_linalg_norm(x, ord, p, out) bind(c, name="lapis_linalg_norm") result(ret)
      import :: c_double, c_int, c_int32_t, c_ptr
      type(c_ptr), value :: x
      integer(c_int32_t), value :: ord
      real(c_double), value :: p
      real(c_double), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_linalg_norm
    ! Norms along axes (numpy.linalg.norm(x, ord, axis, keepdims)): `naxes` = 1 gives vector norms
    ! along `axes[0]`, `naxes` = 2 matrix norms over the two axes (rows `axes[0]`, columns
    ! `axes[1]`); negative axes count from the end. `*out`: the remaining axes (kept with length 1
    ! if `keepdims`), real dtype of `x`'s precision; new, freed by the caller. `ord`/`p` as
    ! `lapis_linalg_norm`.
    function lapis_linalg_norm_axis(x, ord, p, axes, naxes, keepdims, out) &
      bind(c, name="lapis_linalg_norm_axis") result(ret)
      import :: c_bool, c_double, c_int, c_int32_t, c_int64_t, c_ptr
      type(c_ptr), value :: x
      integer(c_int32_t), value :: ord
      real(c_double), value :: p
      integer(c_int64_t), intent(in) :: axes(*)
      integer(c_int64_t), value :: naxes
      logical(c_bool), value :: keepdims
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_linalg_norm_axis
    ! Condition number of each `(…, M, N)` matrix (numpy.linalg.cond) in the norm `ord`/`p` (codes
    ! as `lapis_linalg_norm`; `LAPIS_NORM_DEFAULT` is `s_max / s_min`, any shape; orders other
    ! than default and ±2 need square matrices): `*out` `(…)` (0-d for one matrix), real dtype of
    ! `a`'s precision; new, freed by the caller.
    function lapis_linalg_cond(a, ord, p, out) bind(c, name="lapis_linalg_cond") result(ret)
      import :: c_double, c_int, c_int32_t, c_ptr
      type(c_ptr), value :: a
      integer(c_int32_t), value :: ord
      real(c_double), value :: p
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_linalg_cond
    ! Numerical rank of one `(M, N)` matrix (numpy.linalg.matrix_rank) in `*out`: the number of
    ! singular values above `tol`; `tol < 0` selects NumPy's default `s_max · max(M, N) · eps`.
    function lapis_linalg_matrix_rank(a, tol, out) &
      bind(c, name="lapis_linalg_matrix_rank") result(ret)
      import :: c_double, c_int, c_int64_t, c_ptr
      type(c_ptr), value :: a
      real(c_double), value :: tol
      integer(c_int64_t), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_linalg_matrix_rank
    ! Solves `op(A) x = b` for triangular `A` (scipy.linalg.solve_triangular, LAPACK `?trtrs`):
    ! `a` `(…, N, N)` of which only the `uplo` triangle is read and checked for NaN/inf (`diag =
    ! LAPIS_UNIT` takes the diagonal as ones and neither reads nor checks it); `trans` a
    ! `lapis_trans` code for op; `b` `(N,)` or `(…, N, K)` (leading axes broadcast with `a`'s),
    ! the same dtype. `*out` has the broadcast shape of `b`; new, freed by the caller.
    function lapis_linalg_solve_triangular(a, b, uplo, trans, diag, out) &
      bind(c, name="lapis_linalg_solve_triangular") result(ret)
      import :: c_int, c_int32_t, c_ptr
      type(c_ptr), value :: a
      type(c_ptr), value :: b
      integer(c_int32_t), value :: uplo
      integer(c_int32_t), value :: trans
      integer(c_int32_t), value :: diag
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_linalg_solve_triangular
    ! Factors one Hermitian positive definite `(N, N)` matrix in place (scipy.linalg.cholesky(a,
    ! overwrite_a=True), LAPACK `?potrf`): on success `a` holds the factor in its `uplo` triangle
    ! (`L` with `A = L Lᴴ` for `LAPIS_LOWER`, `U` with `A = Uᴴ U` for `LAPIS_UPPER`) and zeros in
    ! the other, exactly what `lapis_linalg_cholesky` returns.
    function lapis_linalg_cholesky_inplace(a, uplo) &
      bind(c, name="lapis_linalg_cholesky_inplace") result(ret)
      import :: c_int, c_int32_t, c_ptr
      type(c_ptr), value :: a
      integer(c_int32_t), value :: uplo
      integer(c_int) :: ret
    end function lapis_linalg_cholesky_inplace
    ! Factors one Hermitian positive definite `(N, N)` matrix for `lapis_linalg_cho_solve`
    ! (scipy.linalg.cho_factor): `*c` a new `(N, N)` Fortran-order array of `a`'s dtype with the
    ! factor in its `uplo` triangle; its other triangle keeps `a`'s entries (SciPy calls them
    ! arbitrary: use `lapis_linalg_cholesky` for a clean factor).
    function lapis_linalg_cho_factor(a, uplo, c) bind(c, name="lapis_linalg_cho_factor") result(ret)
      import :: c_int, c_int32_t, c_ptr
      type(c_ptr), value :: a
      integer(c_int32_t), value :: uplo
      type(c_ptr), intent(inout) :: c
      integer(c_int) :: ret
    end function lapis_linalg_cho_factor
    ! Solves `A x = b` from a Cholesky factor (scipy.linalg.cho_solve with `(c, lower)`, LAPACK
    ! `?potrs`): `c` `(N, N)` holds the factor of `A` in its `uplo` triangle (from
    ! `lapis_linalg_cho_factor`, `lapis_linalg_cholesky` or `lapis_linalg_cholesky_inplace`); the
    ! other triangle is not used. `b` is `(N,)` or `(N, K)`, `c`'s dtype. `*out` has `b`'s shape;
    ! new, freed by the caller.
    function lapis_linalg_cho_solve(c, uplo, b, out) &
      bind(c, name="lapis_linalg_cho_solve") result(ret)
      import :: c_int, c_int32_t, c_ptr
      type(c_ptr), value :: c
      integer(c_int32_t), value :: uplo
      type(c_ptr), value :: b
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_linalg_cho_solve
    ! LU factorization with partial pivoting of one `(M, N)` matrix (scipy.linalg.lu_factor,
    ! LAPACK `?getrf`): `*lu` a new `(M, N)` Fortran-order array of `a`'s dtype holding `L`
    ! strictly below the diagonal (unit diagonal implied) and `U` on and above; `piv` (the
    ! caller's buffer of `piv_len == min(M, N)` elements) the 0-based pivot rows: row `i` was
    ! interchanged with row `piv[i]`.
    function lapis_linalg_lu_factor(a, lu, piv, piv_len) &
      bind(c, name="lapis_linalg_lu_factor") result(ret)
      import :: c_int, c_int64_t, c_ptr
      type(c_ptr), value :: a
      type(c_ptr), intent(inout) :: lu
      integer(c_int64_t), intent(inout) :: piv(*)
      integer(c_int64_t), value :: piv_len
      integer(c_int) :: ret
    end function lapis_linalg_lu_factor
    ! Solves `op(A) x = b` from `A`'s LU factors (scipy.linalg.lu_solve, LAPACK `?getrs`): `lu`
    ! `(N, N)` and `piv` (`npiv == N` 0-based pivot rows, each in `[0, N)`) as
    ! `lapis_linalg_lu_factor` gives them; `b` `(N,)` or `(N, K)`, `lu`'s dtype; `trans` a
    ! `lapis_trans` code for op. `*out` has `b`'s shape; new, freed by the caller.
    function lapis_linalg_lu_solve(lu, npiv, piv, b, trans, out) &
      bind(c, name="lapis_linalg_lu_solve") result(ret)
      import :: c_int, c_int32_t, c_int64_t, c_ptr
      type(c_ptr), value :: lu
      integer(c_int64_t), value :: npiv
      integer(c_int64_t), intent(in) :: piv(*)
      type(c_ptr), value :: b
      integer(c_int32_t), value :: trans
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_linalg_lu_solve
    ! The QR factorization of each `(…, M, N)` matrix in LAPACK's compact form (numpy.linalg.qr
    ! with mode='raw', LAPACK `?geqrf`): `*h` `(…, M, N)` (Fortran order) with `R` on and above
    ! the diagonal and the Householder vectors below it, `*tau` `(…, K)`, `K = min(M, N)`, their
    ! scalar factors: `Q = H(0)…H(K−1)`, `H(i) = I − tau[i] v vᴴ` with `v[i] = 1` and `v[i+1:] =
    ! h[i+1:, i]`.
    function lapis_linalg_qr_raw(a, h, tau) bind(c, name="lapis_linalg_qr_raw") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: a
      type(c_ptr), intent(inout) :: h
      type(c_ptr), intent(inout) :: tau
      integer(c_int) :: ret
    end function lapis_linalg_qr_raw
    ! The generalized symmetric-definite eigenproblem of type `itype` for each pair of `(…, N, N)`
    ! matrices, optionally only some eigenpairs (scipy.linalg.eigh(h, s, type=itype,
    ! subset_by_index=[lo, hi] or subset_by_value=[lo, hi]); LAPACK `?sygvd`/`?hegvd` for
    ! `LAPIS_EIG_ALL`, `?sygvx`/`?hegvx` otherwise). `itype` 1 is `H x = e S x` (what
    ! `lapis_linalg_eigh_generalized` solves), 2 is `H S x = e x`, 3 is `S H x = e x`. `H`
    ! symmetric/Hermitian, `S` symmetric/Hermitian positive definite, both read only in their
    ! `uplo` triangle, the same dtype; leading axes broadcast. `range` a `lapis_eig_range` code
    ! with its bounds in `lo`, `hi` (indices for `LAPIS_EIG_INDEX`, values for `LAPIS_EIG_VALUE`).
    ! `*w` `(…, K)`: the `K` selected eigenvalues ascending, real dtype of the input's precision;
    ! `*x` `(…, N, K)`: their eigenvectors (columns), input dtype, normalized as SciPy does (`Xᴴ S
    ! X = I` for itype 1 and 2, `Xᴴ S⁻¹ X = I` for 3).
    function lapis_linalg_eigh_generalized_subset(h, s, uplo, itype, range, lo, hi, w, x) &
      bind(c, name="lapis_linalg_eigh_generalized_subset") result(ret)
      import :: c_double, c_int, c_int32_t, c_ptr
      type(c_ptr), value :: h
      type(c_ptr), value :: s
      integer(c_int32_t), value :: uplo
      integer(c_int32_t), value :: itype
      integer(c_int32_t), value :: range
      real(c_double), value :: lo
      real(c_double), value :: hi
      type(c_ptr), intent(inout) :: w
      type(c_ptr), intent(inout) :: x
      integer(c_int) :: ret
    end function lapis_linalg_eigh_generalized_subset
    ! `lapis_linalg_lstsq` with NumPy's `rcond` in full: `rcond_kind` a `lapis_rcond` code,
    ! `LAPIS_RCOND_DEFAULT` (NumPy's `None`, `eps · max(M, N)`) or `LAPIS_RCOND_VALUE` (`rcond` as
    ! given; negative is machine precision, NumPy's `rcond=-1`). `lapis_linalg_lstsq`, whose every
    ! negative `rcond` selects the default, cannot ask for machine precision.
    function lapis_linalg_lstsq_rcond(a, b, rcond_kind, rcond, x, residuals, rank, s) &
      bind(c, name="lapis_linalg_lstsq_rcond") result(ret)
      import :: c_double, c_int, c_int32_t, c_int64_t, c_ptr
      type(c_ptr), value :: a
      type(c_ptr), value :: b
      integer(c_int32_t), value :: rcond_kind
      real(c_double), value :: rcond
      type(c_ptr), intent(inout) :: x
      type(c_ptr), intent(inout) :: residuals
      integer(c_int64_t), intent(inout) :: rank
      type(c_ptr), intent(inout) :: s
      integer(c_int) :: ret
    end function lapis_linalg_lstsq_rcond
    ! Numerical rank of each `(…, M, N)` matrix (numpy.linalg.matrix_rank on a stack): the number
    ! of singular values above `tol` (`tol < 0`: NumPy's default `s_max · max(M, N) · eps`, per
    ! matrix), written to the caller's `out`, which must hold exactly one value per matrix
    ! (`out_len` = the product of the leading axes, 1 for a single matrix), in C order of the
    ! leading axes. `out` is written only on success.
    function lapis_linalg_matrix_rank_stacked(a, tol, out, out_len) &
      bind(c, name="lapis_linalg_matrix_rank_stacked") result(ret)
      import :: c_double, c_int, c_int64_t, c_ptr
      type(c_ptr), value :: a
      real(c_double), value :: tol
      integer(c_int64_t), intent(inout) :: out(*)
      integer(c_int64_t), value :: out_len
      integer(c_int) :: ret
    end function lapis_linalg_matrix_rank_stacked
    ! NumPy's `matmul(a, b)` (the `@` operator) in a new array: the matrix product of the last two
    ! axes, broadcast over the leading axes.
    function lapis_matmul(a, b, out) bind(c, name="lapis_matmul") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: a
      type(c_ptr), value :: b
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_matmul
    ! `matmul(a, b)` written into the existing array `out` (NumPy's `out=`): `out` must have the
    ! result's shape, be writable, and have a dtype the result casts to under `same_kind` (complex
    ! into real is an error).
    function lapis_matmul_out(a, b, out) bind(c, name="lapis_matmul_out") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: a
      type(c_ptr), value :: b
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_matmul_out
    ! NumPy's `dot(a, b)` in a new array: the product with a scalar for a 0-d operand; the inner
    ! product for two 1-d arrays (a 0-d result); matrix product for 2-d; for n-d `a` and m-d `b`
    ! (m >= 2) the sum over the last axis of `a` and the second-to-last of `b`, shape
    ! `a.shape[:-1] + b.shape[:-2] + b.shape[-1:]`.
    function lapis_dot(a, b, out) bind(c, name="lapis_dot") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: a
      type(c_ptr), value :: b
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_dot
    ! NumPy's `vdot(a, b)`: `sum conj(a_i) * b_i` over both arrays flattened in C order (they need
    ! the same size, not the same shape), computed in the promoted dtype and stored in `*out` as a
    ! complex double (`im` = 0 for real dtypes).
    function lapis_vdot(a, b, out) bind(c, name="lapis_vdot") result(ret)
      import :: c_double_complex, c_int, c_ptr
      type(c_ptr), value :: a
      type(c_ptr), value :: b
      complex(c_double_complex), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_vdot
    ! NumPy's `inner(a, b)` in a new array: the sum over the last axes of both, shape
    ! `a.shape[:-1] + b.shape[:-1]` (a product with the scalar for a 0-d operand).
    function lapis_inner(a, b, out) bind(c, name="lapis_inner") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: a
      type(c_ptr), value :: b
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_inner
    ! NumPy's `outer(a, b)` in a new array: `out[i, j] = a.flat[i] * b.flat[j]` (C-order
    ! flattening, no conjugation), shape `(a.size, b.size)`, the promoted dtype.
    function lapis_outer(a, b, out) bind(c, name="lapis_outer") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: a
      type(c_ptr), value :: b
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_outer
    ! NumPy's `tensordot(a, b, axes=n)` in a new array: the sum over the last `n` axes of `a` and
    ! the first `n` of `b`, in order; the result has `a`'s remaining axes then `b`'s. `n = 0` is
    ! the outer product.
    function lapis_tensordot(a, b, n, out) bind(c, name="lapis_tensordot") result(ret)
      import :: c_int, c_int64_t, c_ptr
      type(c_ptr), value :: a
      type(c_ptr), value :: b
      integer(c_int64_t), value :: n
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_tensordot
    ! NumPy's `tensordot(a, b, axes=(a_axes, b_axes))` in a new array: sums `a`'s axis `a_axes[i]`
    ! against `b`'s axis `b_axes[i]` for `i < naxes` (negative axes count from the end); the
    ! result has `a`'s remaining axes then `b`'s, in order.
    function lapis_tensordot_axes(a, b, naxes, a_axes, b_axes, out) &
      bind(c, name="lapis_tensordot_axes") result(ret)
      import :: c_int, c_int64_t, c_ptr
      type(c_ptr), value :: a
      type(c_ptr), value :: b
      integer(c_int64_t), value :: naxes
      integer(c_int64_t), intent(in) :: a_axes(*)
      integer(c_int64_t), intent(in) :: b_axes(*)
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_tensordot_axes
    ! NumPy's `einsum(subscripts, *operands)` in a new array, e.g. "ij,jk->ik" (matrix product),
    ! "ii->i" (diagonal), "ij->" (sum), "...ij,...jk" with ellipsis broadcasting; implicit output
    ! (no "->") as NumPy: the labels appearing once, in alphabetical order.
    function lapis_einsum(subscripts, n, operands, out) bind(c, name="lapis_einsum") result(ret)
      import :: c_char, c_int, c_int64_t, c_ptr
      character(kind=c_char), intent(in) :: subscripts(*)
      integer(c_int64_t), value :: n
      type(c_ptr), intent(in) :: operands(*)
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_einsum
    ! NumPy's `kron(a, b)`, the Kronecker product, in a new C-order array: with both shapes padded
    ! to the same number of axes by leading 1s, the result has shape `a.shape * b.shape`
    ! (elementwise) and `out[i*bs + j] = a[i] * b[j]` along every axis.
    function lapis_kron(a, b, out) bind(c, name="lapis_kron") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: a
      type(c_ptr), value :: b
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_kron
    ! NumPy's `trace(a, offset, axis1, axis2)` in a new array: the sum of the diagonal `a[..., i,
    ! i + offset]` in the plane of `axis1` and `axis2` (negative axes count from the end; a
    ! negative `offset` is below the main diagonal), for every index of the other axes; a 0-d
    ! array for a 2-d `a` (NumPy's `trace(a)` is `offset = 0, axis1 = 0, axis2 = 1`).
    function lapis_trace(a, offset, axis1, axis2, out) bind(c, name="lapis_trace") result(ret)
      import :: c_int, c_int64_t, c_ptr
      type(c_ptr), value :: a
      integer(c_int64_t), value :: offset
      integer(c_int64_t), value :: axis1
      integer(c_int64_t), value :: axis2
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_trace
    ! Turns lapis's profiler on for every thread: from now on each lapis routine records calls,
    ! wall time (split into the BLAS/LAPACK call and lapis's own work), flops where defined, and
    ! bytes copied and allocated.
    function lapis_profile_enable() bind(c, name="lapis_profile_enable") result(ret)
      import :: c_int
      integer(c_int) :: ret
    end function lapis_profile_enable
    ! Turns the profiler off; what it recorded stays until `lapis_profile_reset`.
    function lapis_profile_disable() bind(c, name="lapis_profile_disable") result(ret)
      import :: c_int
      integer(c_int) :: ret
    end function lapis_profile_disable
    ! Forgets everything the profiler recorded.
    function lapis_profile_reset() bind(c, name="lapis_profile_reset") result(ret)
      import :: c_int
      integer(c_int) :: ret
    end function lapis_profile_reset
    ! Writes the profiler's table to `stream` (NULL: stderr), one routine per line, the longest
    ! total time first: calls, total/mean/max time, the share spent inside BLAS/LAPACK, GFLOP/s
    ! where the routine counts flops, and megabytes copied and allocated.
    function lapis_profile_report(stream) bind(c, name="lapis_profile_report") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: stream
      integer(c_int) :: ret
    end function lapis_profile_report
    ! The profiler's table (as `lapis_profile_report` prints it) copied into the caller's buffer
    ! `buf` of `buf_len` bytes, NUL-terminated and cut short if it does not fit; `*needed` (if not
    ! NULL) receives the full length including the NUL, so a caller can size the buffer and call
    ! again. `buf` may be NULL when `buf_len` is 0.
    function lapis_profile_report_string(buf, buf_len, needed) &
      bind(c, name="lapis_profile_report_string") result(ret)
      import :: c_char, c_int, c_int64_t
      character(kind=c_char), intent(inout) :: buf(*)
      integer(c_int64_t), value :: buf_len
      integer(c_int64_t), intent(inout) :: needed
      integer(c_int) :: ret
    end function lapis_profile_report_string
    ! NumPy's `sum(x, axis=axes, keepdims=keepdims)`: the sum over the given axes (see
    ! `LAPIS_ALL_AXES` for the `naxes`/`axes` convention).
    function lapis_sum(x, naxes, axes, keepdims, out) bind(c, name="lapis_sum") result(ret)
      import :: c_bool, c_int, c_int64_t, c_ptr
      type(c_ptr), value :: x
      integer(c_int64_t), value :: naxes
      integer(c_int64_t), intent(in) :: axes(*)
      logical(c_bool), value :: keepdims
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_sum
    ! NumPy's `prod`: the product over the given axes (1 for an empty reduction).
    function lapis_prod(x, naxes, axes, keepdims, out) bind(c, name="lapis_prod") result(ret)
      import :: c_bool, c_int, c_int64_t, c_ptr
      type(c_ptr), value :: x
      integer(c_int64_t), value :: naxes
      integer(c_int64_t), intent(in) :: axes(*)
      logical(c_bool), value :: keepdims
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_prod
    ! NumPy's `mean`: the sum over the given axes divided by the number of elements reduced, in
    ! `x`'s dtype (NaN for an empty reduction).
    function lapis_mean(x, naxes, axes, keepdims, out) bind(c, name="lapis_mean") result(ret)
      import :: c_bool, c_int, c_int64_t, c_ptr
      type(c_ptr), value :: x
      integer(c_int64_t), value :: naxes
      integer(c_int64_t), intent(in) :: axes(*)
      logical(c_bool), value :: keepdims
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_mean
    ! NumPy's `var(x, axis, ddof=ddof, keepdims)`: `sum |x - mean|^2 / (N - ddof)` over the given
    ! axes, in the REAL dtype of `x` (float32 for float32/complex64, float64 for
    ! float64/complex128). `N - ddof <= 0` divides by zero (inf or NaN, as NumPy); an empty
    ! reduction is NaN.
    function lapis_var(x, naxes, axes, ddof, keepdims, out) bind(c, name="lapis_var") result(ret)
      import :: c_bool, c_int, c_int64_t, c_ptr
      type(c_ptr), value :: x
      integer(c_int64_t), value :: naxes
      integer(c_int64_t), intent(in) :: axes(*)
      integer(c_int64_t), value :: ddof
      logical(c_bool), value :: keepdims
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_var
    ! NumPy's `std`: the square root of `lapis_var` (same arguments, real dtype, errors).
    function lapis_std(x, naxes, axes, ddof, keepdims, out) bind(c, name="lapis_std") result(ret)
      import :: c_bool, c_int, c_int64_t, c_ptr
      type(c_ptr), value :: x
      integer(c_int64_t), value :: naxes
      integer(c_int64_t), intent(in) :: axes(*)
      integer(c_int64_t), value :: ddof
      logical(c_bool), value :: keepdims
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_std
    ! NumPy's `min` (`amin`): the minimum over the given axes, NaN-propagating (a NaN in a lane
    ! gives NaN); complex values compare lexicographically (real part, then imaginary part), as
    ! NumPy.
    function lapis_min(x, naxes, axes, keepdims, out) bind(c, name="lapis_min") result(ret)
      import :: c_bool, c_int, c_int64_t, c_ptr
      type(c_ptr), value :: x
      integer(c_int64_t), value :: naxes
      integer(c_int64_t), intent(in) :: axes(*)
      logical(c_bool), value :: keepdims
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_min
    ! NumPy's `max` (`amax`): as `lapis_min` with the maximum.
    function lapis_max(x, naxes, axes, keepdims, out) bind(c, name="lapis_max") result(ret)
      import :: c_bool, c_int, c_int64_t, c_ptr
      type(c_ptr), value :: x
      integer(c_int64_t), value :: naxes
      integer(c_int64_t), intent(in) :: axes(*)
      logical(c_bool), value :: keepdims
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_max
    ! NumPy's `linalg.vector_norm(x, ord, axis, keepdims)`: `(sum |x|^ord)^(1/ord)` over the given
    ! axes, with `ord` = 2 (Euclidean, scaled against overflow and underflow), 1, `INFINITY` (max
    ! |x|), `-INFINITY` (min |x|), 0 (count of non-zeros) or any other real p.
    function lapis_vector_norm(x, naxes, axes, ord, keepdims, out) &
      bind(c, name="lapis_vector_norm") result(ret)
      import :: c_bool, c_double, c_int, c_int64_t, c_ptr
      type(c_ptr), value :: x
      integer(c_int64_t), value :: naxes
      integer(c_int64_t), intent(in) :: axes(*)
      real(c_double), value :: ord
      logical(c_bool), value :: keepdims
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_vector_norm
    ! NumPy's `argmin(x, axis)`: for each lane along `axis` (negative counts from the end), the
    ! index of its first minimum (a NaN counts as the minimum; complex values compare
    ! lexicographically).
    function lapis_argmin(x, axis, out, out_len) bind(c, name="lapis_argmin") result(ret)
      import :: c_int, c_int64_t, c_ptr
      type(c_ptr), value :: x
      integer(c_int64_t), value :: axis
      integer(c_int64_t), intent(inout) :: out(*)
      integer(c_int64_t), value :: out_len
      integer(c_int) :: ret
    end function lapis_argmin
    ! NumPy's `argmax(x, axis)`: as `lapis_argmin` with the first maximum.
    function lapis_argmax(x, axis, out, out_len) bind(c, name="lapis_argmax") result(ret)
      import :: c_int, c_int64_t, c_ptr
      type(c_ptr), value :: x
      integer(c_int64_t), value :: axis
      integer(c_int64_t), intent(inout) :: out(*)
      integer(c_int64_t), value :: out_len
      integer(c_int) :: ret
    end function lapis_argmax
    ! Whether every element is finite (no infinity or NaN in either part), per lane over the given
    ! axes (the `LAPIS_ALL_AXES` convention), written as `bool` values to the caller's buffer
    ! `out` of `out_len` elements in C order of the remaining axes; `out_len` must equal the
    ! number of lanes (the product of the kept axes' lengths; 1 for `LAPIS_ALL_AXES`).
    function lapis_all_finite(x, naxes, axes, out, out_len) &
      bind(c, name="lapis_all_finite") result(ret)
      import :: c_bool, c_int, c_int64_t, c_ptr
      type(c_ptr), value :: x
      integer(c_int64_t), value :: naxes
      integer(c_int64_t), intent(in) :: axes(*)
      logical(c_bool), intent(inout) :: out(*)
      integer(c_int64_t), value :: out_len
      integer(c_int) :: ret
    end function lapis_all_finite
    ! Whether any element is infinite or NaN, per lane: the negation of `lapis_all_finite` (same
    ! arguments and errors).
    function lapis_any_nonfinite(x, naxes, axes, out, out_len) &
      bind(c, name="lapis_any_nonfinite") result(ret)
      import :: c_bool, c_int, c_int64_t, c_ptr
      type(c_ptr), value :: x
      integer(c_int64_t), value :: naxes
      integer(c_int64_t), intent(in) :: axes(*)
      logical(c_bool), intent(inout) :: out(*)
      integer(c_int64_t), value :: out_len
      integer(c_int) :: ret
    end function lapis_any_nonfinite
    ! The sum of every element of `x` as a complex double (`im` = 0 for real dtypes), computed in
    ! `x`'s dtype as `lapis_sum` with `LAPIS_ALL_AXES` and then widened.
    function lapis_sum_all(x, out) bind(c, name="lapis_sum_all") result(ret)
      import :: c_double_complex, c_int, c_ptr
      type(c_ptr), value :: x
      complex(c_double_complex), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_sum_all
    ! The product of every element (1 for an empty array), as `lapis_sum_all`.
    function lapis_prod_all(x, out) bind(c, name="lapis_prod_all") result(ret)
      import :: c_double_complex, c_int, c_ptr
      type(c_ptr), value :: x
      complex(c_double_complex), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_prod_all
    ! The mean of every element (NaN for an empty array), as `lapis_sum_all`.
    function lapis_mean_all(x, out) bind(c, name="lapis_mean_all") result(ret)
      import :: c_double_complex, c_int, c_ptr
      type(c_ptr), value :: x
      complex(c_double_complex), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_mean_all
    ! The minimum of every element (NaN-propagating, complex lexicographic), as `lapis_sum_all`;
    ! `LAPIS_ERR_INVALID_VALUE` for an empty array.
    function lapis_min_all(x, out) bind(c, name="lapis_min_all") result(ret)
      import :: c_double_complex, c_int, c_ptr
      type(c_ptr), value :: x
      complex(c_double_complex), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_min_all
    ! The maximum of every element, as `lapis_min_all`.
    function lapis_max_all(x, out) bind(c, name="lapis_max_all") result(ret)
      import :: c_double_complex, c_int, c_ptr
      type(c_ptr), value :: x
      complex(c_double_complex), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_max_all
    ! The variance of every element with `ddof` (as `lapis_var` over all axes), a real value
    ! widened to double.
    function lapis_var_all(x, ddof, out) bind(c, name="lapis_var_all") result(ret)
      import :: c_double, c_int, c_int64_t, c_ptr
      type(c_ptr), value :: x
      integer(c_int64_t), value :: ddof
      real(c_double), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_var_all
    ! The standard deviation of every element with `ddof`, as `lapis_var_all`.
    function lapis_std_all(x, ddof, out) bind(c, name="lapis_std_all") result(ret)
      import :: c_double, c_int, c_int64_t, c_ptr
      type(c_ptr), value :: x
      integer(c_int64_t), value :: ddof
      real(c_double), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_std_all
    ! The vector norm of order `ord` of all elements (as `lapis_vector_norm` over all axes),
    ! widened to double.
    function lapis_vector_norm_all(x, ord, out) bind(c, name="lapis_vector_norm_all") result(ret)
      import :: c_double, c_int, c_ptr
      type(c_ptr), value :: x
      real(c_double), value :: ord
      real(c_double), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_vector_norm_all
    ! The flat index (C order) of the first minimum of all of `x`'s elements (NumPy's `argmin`
    ! without an axis).
    function lapis_argmin_all(x, out) bind(c, name="lapis_argmin_all") result(ret)
      import :: c_int, c_int64_t, c_ptr
      type(c_ptr), value :: x
      integer(c_int64_t), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_argmin_all
    ! The flat index of the first maximum, as `lapis_argmin_all`.
    function lapis_argmax_all(x, out) bind(c, name="lapis_argmax_all") result(ret)
      import :: c_int, c_int64_t, c_ptr
      type(c_ptr), value :: x
      integer(c_int64_t), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_argmax_all
    ! Whether every element of `x` is finite (true for an empty array).
    function lapis_all_finite_all(x, out) bind(c, name="lapis_all_finite_all") result(ret)
      import :: c_bool, c_int, c_ptr
      type(c_ptr), value :: x
      logical(c_bool), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_all_finite_all
    ! Whether any element of `x` is infinite or NaN, as `lapis_all_finite_all`.
    function lapis_any_nonfinite_all(x, out) bind(c, name="lapis_any_nonfinite_all") result(ret)
      import :: c_bool, c_int, c_ptr
      type(c_ptr), value :: x
      logical(c_bool), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_any_nonfinite_all
    ! `op(x)` elementwise in a new array (NumPy's unary ufuncs; `op` is a `LAPIS_UFUNC_*` unary
    ! code).
    function lapis_unary(op, x, out) bind(c, name="lapis_unary") result(ret)
      import :: c_int, c_int32_t, c_ptr
      integer(c_int32_t), value :: op
      type(c_ptr), value :: x
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_unary
    ! `op(x)` written into the existing array `out` (NumPy's `out=`).
    function lapis_unary_out(op, x, out) bind(c, name="lapis_unary_out") result(ret)
      import :: c_int, c_int32_t, c_ptr
      integer(c_int32_t), value :: op
      type(c_ptr), value :: x
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_unary_out
    ! `x = op(x)` in place.
    function lapis_unary_inplace(op, x) bind(c, name="lapis_unary_inplace") result(ret)
      import :: c_int, c_int32_t, c_ptr
      integer(c_int32_t), value :: op
      type(c_ptr), value :: x
      integer(c_int) :: ret
    end function lapis_unary_inplace
    ! `op(x, y)` elementwise with NumPy broadcasting, in a new array (`op` is a `LAPIS_UFUNC_*`
    ! binary code).
    function lapis_binary(op, x, y, out) bind(c, name="lapis_binary") result(ret)
      import :: c_int, c_int32_t, c_ptr
      integer(c_int32_t), value :: op
      type(c_ptr), value :: x
      type(c_ptr), value :: y
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_binary
    ! `op(x, y)` with broadcasting, written into the existing array `out`.
    function lapis_binary_out(op, x, y, out) bind(c, name="lapis_binary_out") result(ret)
      import :: c_int, c_int32_t, c_ptr
      integer(c_int32_t), value :: op
      type(c_ptr), value :: x
      type(c_ptr), value :: y
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_binary_out
    ! `x = op(x, y)` in place (`x += y` for `LAPIS_UFUNC_ADD`): `y` must broadcast to `x`'s shape
    ! (`x` itself is never broadcast) and the result must cast to `x`'s dtype under `same_kind` (a
    ! complex `y` into a real `x` is `LAPIS_ERR_INVALID_VALUE`).
    function lapis_binary_inplace(op, x, y) bind(c, name="lapis_binary_inplace") result(ret)
      import :: c_int, c_int32_t, c_ptr
      integer(c_int32_t), value :: op
      type(c_ptr), value :: x
      type(c_ptr), value :: y
      integer(c_int) :: ret
    end function lapis_binary_inplace
    ! NumPy's `negative` in a new array: numerical negative, -x.
    function lapis_negative(x, out) bind(c, name="lapis_negative") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_negative
    ! `negative` into the existing array `out`.
    function lapis_negative_out(x, out) bind(c, name="lapis_negative_out") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_negative_out
    ! `negative` in place on `x`.
    function lapis_negative_inplace(x) bind(c, name="lapis_negative_inplace") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      integer(c_int) :: ret
    end function lapis_negative_inplace
    ! NumPy's `absolute` in a new array: absolute value |x| (complex input gives a real result).
    function lapis_absolute(x, out) bind(c, name="lapis_absolute") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_absolute
    ! `absolute` into the existing array `out`.
    function lapis_absolute_out(x, out) bind(c, name="lapis_absolute_out") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_absolute_out
    ! `absolute` in place on `x`.
    function lapis_absolute_inplace(x) bind(c, name="lapis_absolute_inplace") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      integer(c_int) :: ret
    end function lapis_absolute_inplace
    ! NumPy's `sqrt` in a new array: square root (principal branch for complex; NaN for negative
    ! reals).
    function lapis_sqrt(x, out) bind(c, name="lapis_sqrt") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_sqrt
    ! `sqrt` into the existing array `out`.
    function lapis_sqrt_out(x, out) bind(c, name="lapis_sqrt_out") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_sqrt_out
    ! `sqrt` in place on `x`.
    function lapis_sqrt_inplace(x) bind(c, name="lapis_sqrt_inplace") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      integer(c_int) :: ret
    end function lapis_sqrt_inplace
    ! NumPy's `square` in a new array: x*x.
    function lapis_square(x, out) bind(c, name="lapis_square") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_square
    ! `square` into the existing array `out`.
    function lapis_square_out(x, out) bind(c, name="lapis_square_out") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_square_out
    ! `square` in place on `x`.
    function lapis_square_inplace(x) bind(c, name="lapis_square_inplace") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      integer(c_int) :: ret
    end function lapis_square_inplace
    ! NumPy's `reciprocal` in a new array: 1/x.
    function lapis_reciprocal(x, out) bind(c, name="lapis_reciprocal") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_reciprocal
    ! `reciprocal` into the existing array `out`.
    function lapis_reciprocal_out(x, out) bind(c, name="lapis_reciprocal_out") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_reciprocal_out
    ! `reciprocal` in place on `x`.
    function lapis_reciprocal_inplace(x) bind(c, name="lapis_reciprocal_inplace") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      integer(c_int) :: ret
    end function lapis_reciprocal_inplace
    ! NumPy's `exp` in a new array: exponential e^x.
    function lapis_exp(x, out) bind(c, name="lapis_exp") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_exp
    ! `exp` into the existing array `out`.
    function lapis_exp_out(x, out) bind(c, name="lapis_exp_out") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_exp_out
    ! `exp` in place on `x`.
    function lapis_exp_inplace(x) bind(c, name="lapis_exp_inplace") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      integer(c_int) :: ret
    end function lapis_exp_inplace
    ! NumPy's `expm1` in a new array: e^x - 1, accurate near 0.
    function lapis_expm1(x, out) bind(c, name="lapis_expm1") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_expm1
    ! `expm1` into the existing array `out`.
    function lapis_expm1_out(x, out) bind(c, name="lapis_expm1_out") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_expm1_out
    ! `expm1` in place on `x`.
    function lapis_expm1_inplace(x) bind(c, name="lapis_expm1_inplace") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      integer(c_int) :: ret
    end function lapis_expm1_inplace
    ! NumPy's `log` in a new array: natural logarithm.
    function lapis_log(x, out) bind(c, name="lapis_log") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_log
    ! `log` into the existing array `out`.
    function lapis_log_out(x, out) bind(c, name="lapis_log_out") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_log_out
    ! `log` in place on `x`.
    function lapis_log_inplace(x) bind(c, name="lapis_log_inplace") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      integer(c_int) :: ret
    end function lapis_log_inplace
    ! NumPy's `log1p` in a new array: log(1 + x), accurate near 0.
    function lapis_log1p(x, out) bind(c, name="lapis_log1p") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_log1p
    ! `log1p` into the existing array `out`.
    function lapis_log1p_out(x, out) bind(c, name="lapis_log1p_out") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_log1p_out
    ! `log1p` in place on `x`.
    function lapis_log1p_inplace(x) bind(c, name="lapis_log1p_inplace") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      integer(c_int) :: ret
    end function lapis_log1p_inplace
    ! NumPy's `log10` in a new array: base-10 logarithm.
    function lapis_log10(x, out) bind(c, name="lapis_log10") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_log10
    ! `log10` into the existing array `out`.
    function lapis_log10_out(x, out) bind(c, name="lapis_log10_out") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_log10_out
    ! `log10` in place on `x`.
    function lapis_log10_inplace(x) bind(c, name="lapis_log10_inplace") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      integer(c_int) :: ret
    end function lapis_log10_inplace
    ! NumPy's `log2` in a new array: base-2 logarithm.
    function lapis_log2(x, out) bind(c, name="lapis_log2") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_log2
    ! `log2` into the existing array `out`.
    function lapis_log2_out(x, out) bind(c, name="lapis_log2_out") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_log2_out
    ! `log2` in place on `x`.
    function lapis_log2_inplace(x) bind(c, name="lapis_log2_inplace") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      integer(c_int) :: ret
    end function lapis_log2_inplace
    ! NumPy's `sin` in a new array: sine.
    function lapis_sin(x, out) bind(c, name="lapis_sin") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_sin
    ! `sin` into the existing array `out`.
    function lapis_sin_out(x, out) bind(c, name="lapis_sin_out") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_sin_out
    ! `sin` in place on `x`.
    function lapis_sin_inplace(x) bind(c, name="lapis_sin_inplace") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      integer(c_int) :: ret
    end function lapis_sin_inplace
    ! NumPy's `cos` in a new array: cosine.
    function lapis_cos(x, out) bind(c, name="lapis_cos") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_cos
    ! `cos` into the existing array `out`.
    function lapis_cos_out(x, out) bind(c, name="lapis_cos_out") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_cos_out
    ! `cos` in place on `x`.
    function lapis_cos_inplace(x) bind(c, name="lapis_cos_inplace") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      integer(c_int) :: ret
    end function lapis_cos_inplace
    ! NumPy's `tan` in a new array: tangent.
    function lapis_tan(x, out) bind(c, name="lapis_tan") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_tan
    ! `tan` into the existing array `out`.
    function lapis_tan_out(x, out) bind(c, name="lapis_tan_out") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_tan_out
    ! `tan` in place on `x`.
    function lapis_tan_inplace(x) bind(c, name="lapis_tan_inplace") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      integer(c_int) :: ret
    end function lapis_tan_inplace
    ! NumPy's `arcsin` in a new array: inverse sine.
    function lapis_arcsin(x, out) bind(c, name="lapis_arcsin") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_arcsin
    ! `arcsin` into the existing array `out`.
    function lapis_arcsin_out(x, out) bind(c, name="lapis_arcsin_out") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_arcsin_out
    ! `arcsin` in place on `x`.
    function lapis_arcsin_inplace(x) bind(c, name="lapis_arcsin_inplace") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      integer(c_int) :: ret
    end function lapis_arcsin_inplace
    ! NumPy's `arccos` in a new array: inverse cosine.
    function lapis_arccos(x, out) bind(c, name="lapis_arccos") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_arccos
    ! `arccos` into the existing array `out`.
    function lapis_arccos_out(x, out) bind(c, name="lapis_arccos_out") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_arccos_out
    ! `arccos` in place on `x`.
    function lapis_arccos_inplace(x) bind(c, name="lapis_arccos_inplace") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      integer(c_int) :: ret
    end function lapis_arccos_inplace
    ! NumPy's `arctan` in a new array: inverse tangent.
    function lapis_arctan(x, out) bind(c, name="lapis_arctan") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_arctan
    ! `arctan` into the existing array `out`.
    function lapis_arctan_out(x, out) bind(c, name="lapis_arctan_out") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_arctan_out
    ! `arctan` in place on `x`.
    function lapis_arctan_inplace(x) bind(c, name="lapis_arctan_inplace") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      integer(c_int) :: ret
    end function lapis_arctan_inplace
    ! NumPy's `sinh` in a new array: hyperbolic sine.
    function lapis_sinh(x, out) bind(c, name="lapis_sinh") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_sinh
    ! `sinh` into the existing array `out`.
    function lapis_sinh_out(x, out) bind(c, name="lapis_sinh_out") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_sinh_out
    ! `sinh` in place on `x`.
    function lapis_sinh_inplace(x) bind(c, name="lapis_sinh_inplace") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      integer(c_int) :: ret
    end function lapis_sinh_inplace
    ! NumPy's `cosh` in a new array: hyperbolic cosine.
    function lapis_cosh(x, out) bind(c, name="lapis_cosh") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_cosh
    ! `cosh` into the existing array `out`.
    function lapis_cosh_out(x, out) bind(c, name="lapis_cosh_out") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_cosh_out
    ! `cosh` in place on `x`.
    function lapis_cosh_inplace(x) bind(c, name="lapis_cosh_inplace") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      integer(c_int) :: ret
    end function lapis_cosh_inplace
    ! NumPy's `tanh` in a new array: hyperbolic tangent.
    function lapis_tanh(x, out) bind(c, name="lapis_tanh") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_tanh
    ! `tanh` into the existing array `out`.
    function lapis_tanh_out(x, out) bind(c, name="lapis_tanh_out") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_tanh_out
    ! `tanh` in place on `x`.
    function lapis_tanh_inplace(x) bind(c, name="lapis_tanh_inplace") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      integer(c_int) :: ret
    end function lapis_tanh_inplace
    ! NumPy's `conjugate` in a new array: complex conjugate (a copy for real input).
    function lapis_conjugate(x, out) bind(c, name="lapis_conjugate") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_conjugate
    ! `conjugate` into the existing array `out`.
    function lapis_conjugate_out(x, out) bind(c, name="lapis_conjugate_out") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_conjugate_out
    ! `conjugate` in place on `x`.
    function lapis_conjugate_inplace(x) bind(c, name="lapis_conjugate_inplace") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      integer(c_int) :: ret
    end function lapis_conjugate_inplace
    ! NumPy's `real` in a new array: real part (complex input gives a real result).
    function lapis_real(x, out) bind(c, name="lapis_real") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_real
    ! `real` into the existing array `out`.
    function lapis_real_out(x, out) bind(c, name="lapis_real_out") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_real_out
    ! `real` in place on `x`.
    function lapis_real_inplace(x) bind(c, name="lapis_real_inplace") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      integer(c_int) :: ret
    end function lapis_real_inplace
    ! NumPy's `imag` in a new array: imaginary part (complex input gives a real result; zeros for
    ! real input).
    function lapis_imag(x, out) bind(c, name="lapis_imag") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_imag
    ! `imag` into the existing array `out`.
    function lapis_imag_out(x, out) bind(c, name="lapis_imag_out") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_imag_out
    ! `imag` in place on `x`.
    function lapis_imag_inplace(x) bind(c, name="lapis_imag_inplace") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      integer(c_int) :: ret
    end function lapis_imag_inplace
    ! NumPy's `angle` in a new array: phase angle in radians (real result; 0 or pi for real
    ! input).
    function lapis_angle(x, out) bind(c, name="lapis_angle") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_angle
    ! `angle` into the existing array `out`.
    function lapis_angle_out(x, out) bind(c, name="lapis_angle_out") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_angle_out
    ! `angle` in place on `x`.
    function lapis_angle_inplace(x) bind(c, name="lapis_angle_inplace") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      integer(c_int) :: ret
    end function lapis_angle_inplace
    ! NumPy's `floor` in a new array: floor; real dtypes only.
    function lapis_floor(x, out) bind(c, name="lapis_floor") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_floor
    ! `floor` into the existing array `out`.
    function lapis_floor_out(x, out) bind(c, name="lapis_floor_out") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_floor_out
    ! `floor` in place on `x`.
    function lapis_floor_inplace(x) bind(c, name="lapis_floor_inplace") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      integer(c_int) :: ret
    end function lapis_floor_inplace
    ! NumPy's `ceil` in a new array: ceiling; real dtypes only.
    function lapis_ceil(x, out) bind(c, name="lapis_ceil") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_ceil
    ! `ceil` into the existing array `out`.
    function lapis_ceil_out(x, out) bind(c, name="lapis_ceil_out") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_ceil_out
    ! `ceil` in place on `x`.
    function lapis_ceil_inplace(x) bind(c, name="lapis_ceil_inplace") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      integer(c_int) :: ret
    end function lapis_ceil_inplace
    ! NumPy's `round` in a new array: round half to even (NumPy's round/rint); real dtypes only.
    function lapis_round(x, out) bind(c, name="lapis_round") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_round
    ! `round` into the existing array `out`.
    function lapis_round_out(x, out) bind(c, name="lapis_round_out") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_round_out
    ! `round` in place on `x`.
    function lapis_round_inplace(x) bind(c, name="lapis_round_inplace") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      integer(c_int) :: ret
    end function lapis_round_inplace
    ! NumPy's `sign` in a new array: sign: -1, 0, +1 (NaN for NaN); z/|z| for complex.
    function lapis_sign(x, out) bind(c, name="lapis_sign") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_sign
    ! `sign` into the existing array `out`.
    function lapis_sign_out(x, out) bind(c, name="lapis_sign_out") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_sign_out
    ! `sign` in place on `x`.
    function lapis_sign_inplace(x) bind(c, name="lapis_sign_inplace") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      integer(c_int) :: ret
    end function lapis_sign_inplace
    ! NumPy's `add` with broadcasting, in a new array: x + y.
    function lapis_add(x, y, out) bind(c, name="lapis_add") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: y
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_add
    ! `add` into the existing array `out`.
    function lapis_add_out(x, y, out) bind(c, name="lapis_add_out") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: y
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_add_out
    ! `x = add(x, y)` in place.
    function lapis_add_inplace(x, y) bind(c, name="lapis_add_inplace") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: y
      integer(c_int) :: ret
    end function lapis_add_inplace
    ! NumPy's `subtract` with broadcasting, in a new array: x - y.
    function lapis_subtract(x, y, out) bind(c, name="lapis_subtract") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: y
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_subtract
    ! `subtract` into the existing array `out`.
    function lapis_subtract_out(x, y, out) bind(c, name="lapis_subtract_out") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: y
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_subtract_out
    ! `x = subtract(x, y)` in place.
    function lapis_subtract_inplace(x, y) bind(c, name="lapis_subtract_inplace") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: y
      integer(c_int) :: ret
    end function lapis_subtract_inplace
    ! NumPy's `multiply` with broadcasting, in a new array: x * y.
    function lapis_multiply(x, y, out) bind(c, name="lapis_multiply") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: y
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_multiply
    ! `multiply` into the existing array `out`.
    function lapis_multiply_out(x, y, out) bind(c, name="lapis_multiply_out") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: y
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_multiply_out
    ! `x = multiply(x, y)` in place.
    function lapis_multiply_inplace(x, y) bind(c, name="lapis_multiply_inplace") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: y
      integer(c_int) :: ret
    end function lapis_multiply_inplace
    ! NumPy's `divide` with broadcasting, in a new array: x / y.
    function lapis_divide(x, y, out) bind(c, name="lapis_divide") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: y
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_divide
    ! `divide` into the existing array `out`.
    function lapis_divide_out(x, y, out) bind(c, name="lapis_divide_out") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: y
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_divide_out
    ! `x = divide(x, y)` in place.
    function lapis_divide_inplace(x, y) bind(c, name="lapis_divide_inplace") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: y
      integer(c_int) :: ret
    end function lapis_divide_inplace
    ! NumPy's `power` with broadcasting, in a new array: x raised to y.
    function lapis_power(x, y, out) bind(c, name="lapis_power") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: y
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_power
    ! `power` into the existing array `out`.
    function lapis_power_out(x, y, out) bind(c, name="lapis_power_out") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: y
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_power_out
    ! `x = power(x, y)` in place.
    function lapis_power_inplace(x, y) bind(c, name="lapis_power_inplace") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: y
      integer(c_int) :: ret
    end function lapis_power_inplace
    ! NumPy's `maximum` with broadcasting, in a new array: elementwise maximum, NaN-propagating
    ! (complex ordered lexicographically).
    function lapis_maximum(x, y, out) bind(c, name="lapis_maximum") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: y
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_maximum
    ! `maximum` into the existing array `out`.
    function lapis_maximum_out(x, y, out) bind(c, name="lapis_maximum_out") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: y
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_maximum_out
    ! `x = maximum(x, y)` in place.
    function lapis_maximum_inplace(x, y) bind(c, name="lapis_maximum_inplace") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: y
      integer(c_int) :: ret
    end function lapis_maximum_inplace
    ! NumPy's `minimum` with broadcasting, in a new array: elementwise minimum, NaN-propagating
    ! (complex ordered lexicographically).
    function lapis_minimum(x, y, out) bind(c, name="lapis_minimum") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: y
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_minimum
    ! `minimum` into the existing array `out`.
    function lapis_minimum_out(x, y, out) bind(c, name="lapis_minimum_out") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: y
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_minimum_out
    ! `x = minimum(x, y)` in place.
    function lapis_minimum_inplace(x, y) bind(c, name="lapis_minimum_inplace") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: y
      integer(c_int) :: ret
    end function lapis_minimum_inplace
    ! NumPy's `fmax` with broadcasting, in a new array: elementwise maximum ignoring NaNs.
    function lapis_fmax(x, y, out) bind(c, name="lapis_fmax") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: y
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_fmax
    ! `fmax` into the existing array `out`.
    function lapis_fmax_out(x, y, out) bind(c, name="lapis_fmax_out") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: y
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_fmax_out
    ! `x = fmax(x, y)` in place.
    function lapis_fmax_inplace(x, y) bind(c, name="lapis_fmax_inplace") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: y
      integer(c_int) :: ret
    end function lapis_fmax_inplace
    ! NumPy's `fmin` with broadcasting, in a new array: elementwise minimum ignoring NaNs.
    function lapis_fmin(x, y, out) bind(c, name="lapis_fmin") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: y
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_fmin
    ! `fmin` into the existing array `out`.
    function lapis_fmin_out(x, y, out) bind(c, name="lapis_fmin_out") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: y
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_fmin_out
    ! `x = fmin(x, y)` in place.
    function lapis_fmin_inplace(x, y) bind(c, name="lapis_fmin_inplace") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: y
      integer(c_int) :: ret
    end function lapis_fmin_inplace
    ! NumPy's `arctan2` with broadcasting, in a new array: arctan(x/y) by quadrant; real dtypes
    ! only.
    function lapis_arctan2(x, y, out) bind(c, name="lapis_arctan2") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: y
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_arctan2
    ! `arctan2` into the existing array `out`.
    function lapis_arctan2_out(x, y, out) bind(c, name="lapis_arctan2_out") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: y
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_arctan2_out
    ! `x = arctan2(x, y)` in place.
    function lapis_arctan2_inplace(x, y) bind(c, name="lapis_arctan2_inplace") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: y
      integer(c_int) :: ret
    end function lapis_arctan2_inplace
    ! NumPy's `hypot` with broadcasting, in a new array: sqrt(x*x + y*y); real dtypes only.
    function lapis_hypot(x, y, out) bind(c, name="lapis_hypot") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: y
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_hypot
    ! `hypot` into the existing array `out`.
    function lapis_hypot_out(x, y, out) bind(c, name="lapis_hypot_out") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: y
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_hypot_out
    ! `x = hypot(x, y)` in place.
    function lapis_hypot_inplace(x, y) bind(c, name="lapis_hypot_inplace") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: y
      integer(c_int) :: ret
    end function lapis_hypot_inplace
    ! NumPy's `copysign` with broadcasting, in a new array: |x| with the sign of y; real dtypes
    ! only.
    function lapis_copysign(x, y, out) bind(c, name="lapis_copysign") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: y
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_copysign
    ! `copysign` into the existing array `out`.
    function lapis_copysign_out(x, y, out) bind(c, name="lapis_copysign_out") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: y
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_copysign_out
    ! `x = copysign(x, y)` in place.
    function lapis_copysign_inplace(x, y) bind(c, name="lapis_copysign_inplace") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: x
      type(c_ptr), value :: y
      integer(c_int) :: ret
    end function lapis_copysign_inplace
    ! `a*b + c` with three-way NumPy broadcasting, in one pass and a new array (rounded as NumPy's
    ! `a*b + c`: the product, then the sum).
    function lapis_multiply_add(a, b, c, out) bind(c, name="lapis_multiply_add") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: a
      type(c_ptr), value :: b
      type(c_ptr), value :: c
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_multiply_add
    ! `a*b + c` written into the existing array `out`, which must have the broadcast shape (`out=`
    ! rules of `lapis_binary_out`: writable, a dtype the result casts to under `same_kind`, any
    ! non-overlapping strides, may alias the inputs).
    function lapis_multiply_add_out(a, b, c, out) bind(c, name="lapis_multiply_add_out") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: a
      type(c_ptr), value :: b
      type(c_ptr), value :: c
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_multiply_add_out
    ! `c += a*b` in place: `a` and `b` must broadcast to `c`'s shape, and the result cast to `c`'s
    ! dtype under `same_kind`.
    function lapis_multiply_add_inplace(a, b, c) &
      bind(c, name="lapis_multiply_add_inplace") result(ret)
      import :: c_int, c_ptr
      type(c_ptr), value :: a
      type(c_ptr), value :: b
      type(c_ptr), value :: c
      integer(c_int) :: ret
    end function lapis_multiply_add_inplace
    ! `alpha*x + beta*y` with broadcasting, in one pass and a new array.
    function lapis_axpby(alpha, x, beta, y, out) bind(c, name="lapis_axpby") result(ret)
      import :: c_int, c_ptr, lapis_complex128_t
      type(lapis_complex128_t), value :: alpha
      type(c_ptr), value :: x
      type(lapis_complex128_t), value :: beta
      type(c_ptr), value :: y
      type(c_ptr), intent(inout) :: out
      integer(c_int) :: ret
    end function lapis_axpby
    ! `alpha*x + beta*y` written into the existing array `out` of the broadcast shape (`out=`
    ! rules of `lapis_binary_out`).
    function lapis_axpby_out(alpha, x, beta, y, out) bind(c, name="lapis_axpby_out") result(ret)
      import :: c_int, c_ptr, lapis_complex128_t
      type(lapis_complex128_t), value :: alpha
      type(c_ptr), value :: x
      type(lapis_complex128_t), value :: beta
      type(c_ptr), value :: y
      type(c_ptr), value :: out
      integer(c_int) :: ret
    end function lapis_axpby_out
    ! `y = alpha*x + beta*y` in place (BLAS's axpby, with `x` broadcast to `y`'s shape).
    function lapis_axpby_inplace(alpha, x, beta, y) bind(c, name="lapis_axpby_inplace") result(ret)
      import :: c_int, c_ptr, lapis_complex128_t
      type(lapis_complex128_t), value :: alpha
      type(c_ptr), value :: x
      type(lapis_complex128_t), value :: beta
      type(c_ptr), value :: y
      integer(c_int) :: ret
    end function lapis_axpby_inplace
  end interface

  interface
    function c_strlen(s) bind(c, name="strlen") result(n)
      import :: c_ptr, c_size_t
      type(c_ptr), value :: s
      integer(c_size_t) :: n
    end function c_strlen
  end interface

contains

  !> The NUL-terminated C string at p as a Fortran string ('' for a null p),
  !> e.g. lapis_f_string(lapis_version()) or lapis_f_string(lapis_last_error()).
  function lapis_f_string(p) result(s)
    type(c_ptr), intent(in) :: p
    character(:), allocatable :: s
    character(kind=c_char), pointer :: cs(:)
    integer :: n, i
    if (.not. c_associated(p)) then
      s = ''
      return
    end if
    n = int(c_strlen(p))
    call c_f_pointer(p, cs, [n])
    allocate(character(n) :: s)
    do i = 1, n
      s(i:i) = cs(i)
    end do
  end function lapis_f_string

end module lapis_c


module lapis
  use, intrinsic :: iso_c_binding, only: c_ptr, c_null_ptr, c_loc, c_associated, c_int, c_null_char, c_char, &
    c_int32_t, c_int64_t, c_intptr_t, c_size_t, c_bool, c_float, c_double, &
    c_float_complex, c_double_complex
  use, intrinsic :: iso_fortran_env, only: error_unit, output_unit
  use lapis_c, only: c_last_error => lapis_last_error, c_set_last_error => lapis_set_last_error, &
    c_wrap => lapis_array_wrap, c_ndim => lapis_array_ndim, c_shape => lapis_array_shape, &
    c_copyto => lapis_array_copyto, c_free => lapis_array_free, c_gemm => lapis_gemm, &
    c_gemv => lapis_gemv, c_axpy => lapis_axpy, c_scal => lapis_scal, c_dot => lapis_dotu, &
    c_dotc => lapis_dotc, c_syrk => lapis_syrk, c_herk => lapis_herk, &
    c_solve => lapis_linalg_solve, c_inv => lapis_linalg_inv, &
    c_det_scalar => lapis_linalg_det_scalar, c_cholesky => lapis_linalg_cholesky, &
    c_eigh => lapis_linalg_eigh, c_eigh_generalized => lapis_linalg_eigh_generalized, &
    c_svd => lapis_linalg_svd, c_norm => lapis_linalg_norm, c_trsm => lapis_trsm, &
    c_solve_triangular => lapis_linalg_solve_triangular, &
    c_cholesky_inplace => lapis_linalg_cholesky_inplace, &
    c_eigh_generalized_subset => lapis_linalg_eigh_generalized_subset, &
    c_cho_factor => lapis_linalg_cho_factor, c_cho_solve => lapis_linalg_cho_solve, &
    c_lu_factor => lapis_linalg_lu_factor, c_lu_solve => lapis_linalg_lu_solve, &
    c_qr_raw => lapis_linalg_qr_raw, c_lstsq_rcond => lapis_linalg_lstsq_rcond, &
    c_matrix_rank_stacked => lapis_linalg_matrix_rank_stacked, &
    c_profile_report_string => lapis_profile_report_string, c_add_out => lapis_add_out, &
    c_subtract_out => lapis_subtract_out, c_multiply_out => lapis_multiply_out, &
    c_divide_out => lapis_divide_out, c_exp_out => lapis_exp_out, c_sqrt_out => lapis_sqrt_out, &
    c_absolute_out => lapis_absolute_out, c_sum_all => lapis_sum_all, c_mean_all => lapis_mean_all, &
    c_max_all => lapis_max_all, c_min_all => lapis_min_all, c_fft_fft_out => lapis_fft_fft_out, &
    c_fft_ifft_out => lapis_fft_ifft_out, c_fft_rfft_out => lapis_fft_rfft_out, &
    c_fft_irfft_out => lapis_fft_irfft_out, c_fft_fftn_out => lapis_fft_fftn_out, &
    c_fft_ifftn_out => lapis_fft_ifftn_out
  use lapis_c, only: LAPIS_VERSION_MAJOR, LAPIS_VERSION_MINOR, LAPIS_VERSION_PATCH, &
    LAPIS_VERSION_STRING, LAPIS_FLAG_C_CONTIGUOUS, LAPIS_FLAG_F_CONTIGUOUS, LAPIS_FLAG_WRITABLE, &
    LAPIS_FLAG_OWNS_DATA, LAPIS_SLICE_NONE, LAPIS_FFT_DEFAULT, LAPIS_ALL_AXES, LAPIS_OK, &
    LAPIS_ERR_NULL_ARGUMENT, LAPIS_ERR_BAD_DTYPE, LAPIS_ERR_SHAPE_MISMATCH, LAPIS_ERR_BAD_STRIDE, &
    LAPIS_ERR_INVALID_ARGUMENT, LAPIS_ERR_INDEX, LAPIS_ERR_OVERFLOW, LAPIS_ERR_OUT_OF_MEMORY, &
    LAPIS_ERR_SINGULAR, LAPIS_ERR_NOT_POSITIVE_DEFINITE, LAPIS_ERR_NO_CONVERGENCE, &
    LAPIS_ERR_NON_FINITE, LAPIS_ERR_READ_ONLY, LAPIS_ERR_BUSY, LAPIS_ERR_INVALID_VALUE, &
    LAPIS_ERR_UNSUPPORTED, LAPIS_ERR_INTERNAL, LAPIS_ERR_BACKEND_MISMATCH, &
    LAPIS_ERR_INVALID_HANDLE, LAPIS_FLOAT32, LAPIS_FLOAT64, LAPIS_COMPLEX64, LAPIS_COMPLEX128, &
    LAPIS_LIKE_DTYPE, LAPIS_ORDER_C, LAPIS_ORDER_F, LAPIS_ORDER_A, LAPIS_ORDER_K, LAPIS_NO_TRANS, &
    LAPIS_TRANS, LAPIS_CONJ_TRANS, LAPIS_UPPER, LAPIS_LOWER, LAPIS_NON_UNIT, LAPIS_UNIT, &
    LAPIS_LEFT, LAPIS_RIGHT, LAPIS_FFT_NORM_BACKWARD, LAPIS_FFT_NORM_ORTHO, LAPIS_FFT_NORM_FORWARD, &
    LAPIS_QR_REDUCED, LAPIS_QR_COMPLETE, LAPIS_QR_R, LAPIS_NORM_DEFAULT, LAPIS_NORM_FRO, &
    LAPIS_NORM_NUC, LAPIS_NORM_INF, LAPIS_NORM_NEG_INF, LAPIS_NORM_P, LAPIS_EIG_ALL, &
    LAPIS_EIG_INDEX, LAPIS_EIG_VALUE, LAPIS_RCOND_DEFAULT, LAPIS_RCOND_VALUE, LAPIS_UFUNC_NEGATIVE, &
    LAPIS_UFUNC_ABSOLUTE, LAPIS_UFUNC_SQRT, LAPIS_UFUNC_SQUARE, LAPIS_UFUNC_RECIPROCAL, &
    LAPIS_UFUNC_EXP, LAPIS_UFUNC_EXPM1, LAPIS_UFUNC_LOG, LAPIS_UFUNC_LOG1P, LAPIS_UFUNC_LOG10, &
    LAPIS_UFUNC_LOG2, LAPIS_UFUNC_SIN, LAPIS_UFUNC_COS, LAPIS_UFUNC_TAN, LAPIS_UFUNC_ARCSIN, &
    LAPIS_UFUNC_ARCCOS, LAPIS_UFUNC_ARCTAN, LAPIS_UFUNC_SINH, LAPIS_UFUNC_COSH, LAPIS_UFUNC_TANH, &
    LAPIS_UFUNC_CONJUGATE, LAPIS_UFUNC_REAL, LAPIS_UFUNC_IMAG, LAPIS_UFUNC_ANGLE, &
    LAPIS_UFUNC_FLOOR, LAPIS_UFUNC_CEIL, LAPIS_UFUNC_ROUND, LAPIS_UFUNC_SIGN, LAPIS_UFUNC_ADD, &
    LAPIS_UFUNC_SUBTRACT, LAPIS_UFUNC_MULTIPLY, LAPIS_UFUNC_DIVIDE, LAPIS_UFUNC_POWER, &
    LAPIS_UFUNC_MAXIMUM, LAPIS_UFUNC_MINIMUM, LAPIS_UFUNC_FMAX, LAPIS_UFUNC_FMIN, &
    LAPIS_UFUNC_ARCTAN2, LAPIS_UFUNC_HYPOT, LAPIS_UFUNC_COPYSIGN, lapis_complex128_t, &
    lapis_complex64_t, lapis_f_string, lapis_profile_enable, lapis_profile_disable, &
    lapis_profile_reset
  implicit none
  private

  public :: LAPIS_VERSION_MAJOR, LAPIS_VERSION_MINOR, LAPIS_VERSION_PATCH, LAPIS_VERSION_STRING, &
    LAPIS_FLAG_C_CONTIGUOUS, LAPIS_FLAG_F_CONTIGUOUS, LAPIS_FLAG_WRITABLE, LAPIS_FLAG_OWNS_DATA, &
    LAPIS_SLICE_NONE, LAPIS_FFT_DEFAULT, LAPIS_ALL_AXES, LAPIS_OK, LAPIS_ERR_NULL_ARGUMENT, &
    LAPIS_ERR_BAD_DTYPE, LAPIS_ERR_SHAPE_MISMATCH, LAPIS_ERR_BAD_STRIDE, &
    LAPIS_ERR_INVALID_ARGUMENT, LAPIS_ERR_INDEX, LAPIS_ERR_OVERFLOW, LAPIS_ERR_OUT_OF_MEMORY, &
    LAPIS_ERR_SINGULAR, LAPIS_ERR_NOT_POSITIVE_DEFINITE, LAPIS_ERR_NO_CONVERGENCE, &
    LAPIS_ERR_NON_FINITE, LAPIS_ERR_READ_ONLY, LAPIS_ERR_BUSY, LAPIS_ERR_INVALID_VALUE, &
    LAPIS_ERR_UNSUPPORTED, LAPIS_ERR_INTERNAL, LAPIS_ERR_BACKEND_MISMATCH, &
    LAPIS_ERR_INVALID_HANDLE, LAPIS_FLOAT32, LAPIS_FLOAT64, LAPIS_COMPLEX64, LAPIS_COMPLEX128, &
    LAPIS_LIKE_DTYPE, LAPIS_ORDER_C, LAPIS_ORDER_F, LAPIS_ORDER_A, LAPIS_ORDER_K, LAPIS_NO_TRANS, &
    LAPIS_TRANS, LAPIS_CONJ_TRANS, LAPIS_UPPER, LAPIS_LOWER, LAPIS_NON_UNIT, LAPIS_UNIT, &
    LAPIS_LEFT, LAPIS_RIGHT, LAPIS_FFT_NORM_BACKWARD, LAPIS_FFT_NORM_ORTHO, LAPIS_FFT_NORM_FORWARD, &
    LAPIS_QR_REDUCED, LAPIS_QR_COMPLETE, LAPIS_QR_R, LAPIS_NORM_DEFAULT, LAPIS_NORM_FRO, &
    LAPIS_NORM_NUC, LAPIS_NORM_INF, LAPIS_NORM_NEG_INF, LAPIS_NORM_P, LAPIS_EIG_ALL, &
    LAPIS_EIG_INDEX, LAPIS_EIG_VALUE, LAPIS_RCOND_DEFAULT, LAPIS_RCOND_VALUE, LAPIS_UFUNC_NEGATIVE, &
    LAPIS_UFUNC_ABSOLUTE, LAPIS_UFUNC_SQRT, LAPIS_UFUNC_SQUARE, LAPIS_UFUNC_RECIPROCAL, &
    LAPIS_UFUNC_EXP, LAPIS_UFUNC_EXPM1, LAPIS_UFUNC_LOG, LAPIS_UFUNC_LOG1P, LAPIS_UFUNC_LOG10, &
    LAPIS_UFUNC_LOG2, LAPIS_UFUNC_SIN, LAPIS_UFUNC_COS, LAPIS_UFUNC_TAN, LAPIS_UFUNC_ARCSIN, &
    LAPIS_UFUNC_ARCCOS, LAPIS_UFUNC_ARCTAN, LAPIS_UFUNC_SINH, LAPIS_UFUNC_COSH, LAPIS_UFUNC_TANH, &
    LAPIS_UFUNC_CONJUGATE, LAPIS_UFUNC_REAL, LAPIS_UFUNC_IMAG, LAPIS_UFUNC_ANGLE, &
    LAPIS_UFUNC_FLOOR, LAPIS_UFUNC_CEIL, LAPIS_UFUNC_ROUND, LAPIS_UFUNC_SIGN, LAPIS_UFUNC_ADD, &
    LAPIS_UFUNC_SUBTRACT, LAPIS_UFUNC_MULTIPLY, LAPIS_UFUNC_DIVIDE, LAPIS_UFUNC_POWER, &
    LAPIS_UFUNC_MAXIMUM, LAPIS_UFUNC_MINIMUM, LAPIS_UFUNC_FMAX, LAPIS_UFUNC_FMIN, &
    LAPIS_UFUNC_ARCTAN2, LAPIS_UFUNC_HYPOT, LAPIS_UFUNC_COPYSIGN, lapis_complex128_t, &
    lapis_complex64_t, lapis_f_string, lapis_profile_enable, lapis_profile_disable, &
    lapis_profile_reset
  public :: lapis_profile_print

  !> A lapis array handle (from lapis_wrap). Free it with arr%free();
  !> arr%handle() is the lapis_array* for the functions of lapis_c.
  type, public :: lapis_array_t
    type(c_ptr), private :: h = c_null_ptr
  contains
    procedure :: free => array_free
    procedure :: is_null => array_is_null
    procedure :: handle => array_handle
  end type lapis_array_t

  interface to_c128
    module procedure to_c128_s, to_c128_d, to_c128_c, to_c128_z
  end interface to_c128

  public :: lapis_wrap
  interface lapis_wrap
    module procedure lapis_wrap_s, lapis_wrap_d, lapis_wrap_c, lapis_wrap_z
  end interface lapis_wrap
  public :: lapis_gemm
  interface lapis_gemm
    module procedure lapis_gemm_s, lapis_gemm_d, lapis_gemm_c, lapis_gemm_z
  end interface lapis_gemm
  public :: lapis_gemv
  interface lapis_gemv
    module procedure lapis_gemv_s, lapis_gemv_d, lapis_gemv_c, lapis_gemv_z
  end interface lapis_gemv
  public :: lapis_axpy
  interface lapis_axpy
    module procedure lapis_axpy_s, lapis_axpy_d, lapis_axpy_c, lapis_axpy_z
  end interface lapis_axpy
  public :: lapis_scal
  interface lapis_scal
    module procedure lapis_scal_s, lapis_scal_d, lapis_scal_c, lapis_scal_z
  end interface lapis_scal
  public :: lapis_dot
  interface lapis_dot
    module procedure lapis_dot_s, lapis_dot_d, lapis_dot_c, lapis_dot_z
  end interface lapis_dot
  public :: lapis_dotc
  interface lapis_dotc
    module procedure lapis_dotc_s, lapis_dotc_d, lapis_dotc_c, lapis_dotc_z
  end interface lapis_dotc
  public :: lapis_syrk
  interface lapis_syrk
    module procedure lapis_syrk_s, lapis_syrk_d, lapis_syrk_c, lapis_syrk_z
  end interface lapis_syrk
  public :: lapis_herk
  interface lapis_herk
    module procedure lapis_herk_c, lapis_herk_z
  end interface lapis_herk
  public :: lapis_solve
  interface lapis_solve
    module procedure lapis_solve_s, lapis_solve_d, lapis_solve_c, lapis_solve_z
  end interface lapis_solve
  public :: lapis_lstsq
  interface lapis_lstsq
    module procedure lapis_lstsq_s, lapis_lstsq_d, lapis_lstsq_c, lapis_lstsq_z
  end interface lapis_lstsq
  public :: lapis_inv
  interface lapis_inv
    module procedure lapis_inv_s, lapis_inv_d, lapis_inv_c, lapis_inv_z
  end interface lapis_inv
  public :: lapis_det
  interface lapis_det
    module procedure lapis_det_s, lapis_det_d, lapis_det_c, lapis_det_z
  end interface lapis_det
  public :: lapis_cholesky
  interface lapis_cholesky
    module procedure lapis_cholesky_s, lapis_cholesky_d, lapis_cholesky_c, lapis_cholesky_z
  end interface lapis_cholesky
  public :: lapis_eigh
  interface lapis_eigh
    module procedure lapis_eigh_s, lapis_eigh_d, lapis_eigh_c, lapis_eigh_z
  end interface lapis_eigh
  public :: lapis_eigh_generalized
  interface lapis_eigh_generalized
    module procedure lapis_eigh_generalized_s, lapis_eigh_generalized_d, lapis_eigh_generalized_c, lapis_eigh_generalized_z
  end interface lapis_eigh_generalized
  public :: lapis_svd
  interface lapis_svd
    module procedure lapis_svd_s, lapis_svd_d, lapis_svd_c, lapis_svd_z
  end interface lapis_svd
  public :: lapis_trsm
  interface lapis_trsm
    module procedure lapis_trsm_s, lapis_trsm_d, lapis_trsm_c, lapis_trsm_z
  end interface lapis_trsm
  public :: lapis_solve_triangular
  interface lapis_solve_triangular
    module procedure lapis_solve_triangular_s, lapis_solve_triangular_d, lapis_solve_triangular_c, lapis_solve_triangular_z
  end interface lapis_solve_triangular
  public :: lapis_cholesky_inplace
  interface lapis_cholesky_inplace
    module procedure lapis_cholesky_inplace_s, lapis_cholesky_inplace_d, lapis_cholesky_inplace_c, lapis_cholesky_inplace_z
  end interface lapis_cholesky_inplace
  public :: lapis_eigh_generalized_subset
  interface lapis_eigh_generalized_subset
    module procedure lapis_eigh_generalized_subset_s, lapis_eigh_generalized_subset_d
    module procedure lapis_eigh_generalized_subset_c, lapis_eigh_generalized_subset_z
  end interface lapis_eigh_generalized_subset
  public :: lapis_cho_factor
  interface lapis_cho_factor
    module procedure lapis_cho_factor_s, lapis_cho_factor_d, lapis_cho_factor_c, lapis_cho_factor_z
  end interface lapis_cho_factor
  public :: lapis_cho_solve
  interface lapis_cho_solve
    module procedure lapis_cho_solve_s, lapis_cho_solve_d, lapis_cho_solve_c, lapis_cho_solve_z
  end interface lapis_cho_solve
  public :: lapis_lu_factor
  interface lapis_lu_factor
    module procedure lapis_lu_factor_s, lapis_lu_factor_d, lapis_lu_factor_c, lapis_lu_factor_z
  end interface lapis_lu_factor
  public :: lapis_lu_solve
  interface lapis_lu_solve
    module procedure lapis_lu_solve_s, lapis_lu_solve_d, lapis_lu_solve_c, lapis_lu_solve_z
  end interface lapis_lu_solve
  public :: lapis_qr_raw
  interface lapis_qr_raw
    module procedure lapis_qr_raw_s, lapis_qr_raw_d, lapis_qr_raw_c, lapis_qr_raw_z
  end interface lapis_qr_raw
  public :: lapis_matrix_rank
  interface lapis_matrix_rank
    module procedure lapis_matrix_rank_s, lapis_matrix_rank_d, lapis_matrix_rank_c, lapis_matrix_rank_z
  end interface lapis_matrix_rank
  public :: lapis_add
  interface lapis_add
    module procedure lapis_add_s, lapis_add_d, lapis_add_c, lapis_add_z
  end interface lapis_add
  public :: lapis_subtract
  interface lapis_subtract
    module procedure lapis_subtract_s, lapis_subtract_d, lapis_subtract_c, lapis_subtract_z
  end interface lapis_subtract
  public :: lapis_multiply
  interface lapis_multiply
    module procedure lapis_multiply_s, lapis_multiply_d, lapis_multiply_c, lapis_multiply_z
  end interface lapis_multiply
  public :: lapis_divide
  interface lapis_divide
    module procedure lapis_divide_s, lapis_divide_d, lapis_divide_c, lapis_divide_z
  end interface lapis_divide
  public :: lapis_exp
  interface lapis_exp
    module procedure lapis_exp_s, lapis_exp_d, lapis_exp_c, lapis_exp_z
  end interface lapis_exp
  public :: lapis_sqrt
  interface lapis_sqrt
    module procedure lapis_sqrt_s, lapis_sqrt_d, lapis_sqrt_c, lapis_sqrt_z
  end interface lapis_sqrt
  public :: lapis_abs
  interface lapis_abs
    module procedure lapis_abs_s, lapis_abs_d, lapis_abs_c, lapis_abs_z
  end interface lapis_abs
  public :: lapis_sum
  interface lapis_sum
    module procedure lapis_sum_s, lapis_sum_d, lapis_sum_c, lapis_sum_z
  end interface lapis_sum
  public :: lapis_mean
  interface lapis_mean
    module procedure lapis_mean_s, lapis_mean_d, lapis_mean_c, lapis_mean_z
  end interface lapis_mean
  public :: lapis_max
  interface lapis_max
    module procedure lapis_max_s, lapis_max_d
  end interface lapis_max
  public :: lapis_min
  interface lapis_min
    module procedure lapis_min_s, lapis_min_d
  end interface lapis_min
  public :: lapis_norm
  interface lapis_norm
    module procedure lapis_norm_s, lapis_norm_d, lapis_norm_c, lapis_norm_z
  end interface lapis_norm
  public :: lapis_fft
  interface lapis_fft
    module procedure lapis_fft_c, lapis_fft_z
  end interface lapis_fft
  public :: lapis_ifft
  interface lapis_ifft
    module procedure lapis_ifft_c, lapis_ifft_z
  end interface lapis_ifft
  public :: lapis_rfft
  interface lapis_rfft
    module procedure lapis_rfft_c, lapis_rfft_z
  end interface lapis_rfft
  public :: lapis_irfft
  interface lapis_irfft
    module procedure lapis_irfft_c, lapis_irfft_z
  end interface lapis_irfft
  public :: lapis_fftn
  interface lapis_fftn
    module procedure lapis_fftn_c, lapis_fftn_z
  end interface lapis_fftn
  public :: lapis_ifftn
  interface lapis_ifftn
    module procedure lapis_ifftn_c, lapis_ifftn_z
  end interface lapis_ifftn

contains

  type(lapis_complex128_t) function to_c128_s(v)
    real(c_float), intent(in) :: v
    to_c128_s = lapis_complex128_t(real(v, c_double), 0.0_c_double)
  end function to_c128_s

  type(lapis_complex128_t) function to_c128_d(v)
    real(c_double), intent(in) :: v
    to_c128_d = lapis_complex128_t(v, 0.0_c_double)
  end function to_c128_d

  type(lapis_complex128_t) function to_c128_c(v)
    complex(c_float_complex), intent(in) :: v
    to_c128_c = lapis_complex128_t(real(real(v), c_double), real(aimag(v), c_double))
  end function to_c128_c

  type(lapis_complex128_t) function to_c128_z(v)
    complex(c_double_complex), intent(in) :: v
    to_c128_z = lapis_complex128_t(real(v), aimag(v))
  end function to_c128_z

  subroutine array_free(self)
    class(lapis_array_t), intent(inout) :: self
    call release(self%h)
  end subroutine array_free

  logical function array_is_null(self)
    class(lapis_array_t), intent(in) :: self
    array_is_null = .not. c_associated(self%h)
  end function array_is_null

  type(c_ptr) function array_handle(self)
    class(lapis_array_t), intent(in) :: self
    array_handle = self%h
  end function array_handle

  subroutine release(h)
    type(c_ptr), intent(inout) :: h
    integer(c_int) :: st
    ! A lapis_array_t owns its handle alone, so the free cannot fail.
    if (c_associated(h)) st = c_free(h)
    h = c_null_ptr
  end subroutine release

  ! Records a message for an error found on the Fortran side (bad option
  ! letter, result shape) in lapis's per-thread last error, where check()
  ! reads it: thread-safe, as lapis's own messages are.
  subroutine set_pending(msg)
    character(*), intent(in) :: msg
    integer(c_int) :: st
    st = c_set_last_error(msg // c_null_char)
  end subroutine set_pending

  function last_error() result(msg)
    character(:), allocatable :: msg
    msg = lapis_f_string(c_last_error())
  end function last_error

  !> Writes lapis's profiler table (as lapis_profile_report prints it) to
  !> `unit` (default: output_unit), one routine per line. Switch the
  !> profiler on with lapis_profile_enable() or LAPIS_PROFILE=1.
  subroutine lapis_profile_print(unit)
    integer, intent(in), optional :: unit
    character(kind=c_char) :: none(1)
    character(kind=c_char), allocatable :: buf(:)
    character(:), allocatable :: line
    integer(c_int64_t) :: need
    integer(c_int32_t) :: st
    integer :: u, i
    u = output_unit
    if (present(unit)) u = unit
    need = 0
    st = c_profile_report_string(none, 0_c_int64_t, need)
    if (st /= 0 .or. need < 1) return
    allocate(buf(need))
    st = c_profile_report_string(buf, need, need)
    if (st /= 0) return
    line = ''
    do i = 1, int(need) - 1
      if (buf(i) == achar(10)) then
        write (u, '(a)') line
        line = ''
      else
        line = line // buf(i)
      end if
    end do
    if (len(line) > 0) write (u, '(a)') line
  end subroutine lapis_profile_print

  ! Reports status st of routine `where`: into stat/errmsg when stat is
  ! present, else on stderr followed by error stop.
  subroutine check(st, where, stat, errmsg)
    integer(c_int32_t), intent(in) :: st
    character(*), intent(in) :: where
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    character(:), allocatable :: msg
    if (present(stat)) stat = int(st)
    if (st == 0) return
    msg = last_error()
    if (present(errmsg)) errmsg = msg
    if (.not. present(stat)) then
      write (error_unit, '(a)') where // ': ' // msg
      flush (error_unit)
      error stop 1
    end if
  end subroutine check

  function trans_code(c, code) result(st)
    character, intent(in) :: c
    integer(c_int32_t), intent(out) :: code
    integer(c_int32_t) :: st
    st = 0
    code = 0
    select case (c)
    case ('N', 'n')
      code = 0
    case ('T', 't')
      code = 1
    case ('C', 'c')
      code = 2
    case default
      st = LAPIS_ERR_INVALID_ARGUMENT
      call set_pending("trans must be 'N', 'T' or 'C', got '" // c // "'")
    end select
  end function trans_code

  function dim_check(d, rank) result(st)
    integer, intent(in) :: d, rank
    integer(c_int32_t) :: st
    character(len=24) :: buf
    st = 0
    if (d < 1 .or. d > rank) then
      st = LAPIS_ERR_INDEX
      write (buf, '(i0, a, i0)') d, ' for rank ', rank
      call set_pending("dim = " // trim(buf) // " is out of range")
    end if
  end function dim_check

  function norm_code(norm, code) result(st)
    character(*), intent(in), optional :: norm
    integer(c_int32_t), intent(out) :: code
    integer(c_int32_t) :: st
    st = 0
    code = 0
    if (.not. present(norm)) return
    select case (norm)
    case ('backward')
      code = 0
    case ('ortho')
      code = 1
    case ('forward')
      code = 2
    case default
      st = LAPIS_ERR_INVALID_ARGUMENT
      call set_pending("norm must be 'backward', 'ortho' or 'forward', got '" // norm // "'")
    end select
  end function norm_code

  function uplo_code(c, code) result(st)
    character, intent(in) :: c
    integer(c_int32_t), intent(out) :: code
    integer(c_int32_t) :: st
    st = 0
    code = 0
    select case (c)
    case ('U', 'u')
      code = 0
    case ('L', 'l')
      code = 1
    case default
      st = LAPIS_ERR_INVALID_ARGUMENT
      call set_pending("uplo must be 'U' or 'L', got '" // c // "'")
    end select
  end function uplo_code

  function side_code(c, code) result(st)
    character, intent(in) :: c
    integer(c_int32_t), intent(out) :: code
    integer(c_int32_t) :: st
    st = 0
    code = 0
    select case (c)
    case ('L', 'l')
      code = LAPIS_LEFT
    case ('R', 'r')
      code = LAPIS_RIGHT
    case default
      st = LAPIS_ERR_INVALID_ARGUMENT
      call set_pending("side must be 'L' or 'R', got '" // c // "'")
    end select
  end function side_code

  function diag_code(c, code) result(st)
    character, intent(in) :: c
    integer(c_int32_t), intent(out) :: code
    integer(c_int32_t) :: st
    st = 0
    code = 0
    select case (c)
    case ('N', 'n')
      code = LAPIS_NON_UNIT
    case ('U', 'u')
      code = LAPIS_UNIT
    case default
      st = LAPIS_ERR_INVALID_ARGUMENT
      call set_pending("diag must be 'N' or 'U', got '" // c // "'")
    end select
  end function diag_code

  subroutine contiguous_strides(shp, elsize, strd)
    integer(c_int64_t), intent(in) :: shp(:), elsize
    integer(c_int64_t), intent(out) :: strd(:)
    integer :: d
    strd(1) = elsize
    do d = 2, size(shp)
      strd(d) = strd(d - 1) * max(shp(d - 1), 1_c_int64_t)
    end do
  end subroutine contiguous_strides

  ! Wraps the elements at byte strides strd from address `first` (the
  ! element with all indices 1): base = lowest element address, nbytes =
  ! lowest..highest element, offset = first - base.
  function wrap_any(first, elsize, dtype, shp, strd, readonly, h) result(st)
    integer(c_intptr_t), intent(in) :: first
    integer(c_int64_t), intent(in) :: elsize, shp(:), strd(:)
    integer(c_int32_t), intent(in) :: dtype
    logical, intent(in) :: readonly
    type(c_ptr), intent(out) :: h
    integer(c_int32_t) :: st
    integer(c_int64_t) :: lo, hi, ext
    integer :: d
    h = c_null_ptr
    if (any(shp == 0)) then
      st = c_wrap(c_null_ptr, 0_c_size_t, 0_c_int64_t, dtype, int(size(shp), c_int64_t), shp, strd, &
        logical(readonly, c_bool), h)
      return
    end if
    lo = 0
    hi = 0
    do d = 1, size(shp)
      ext = strd(d) * (shp(d) - 1)
      if (ext > 0) then
        hi = hi + ext
      else
        lo = lo + ext
      end if
    end do
    st = c_wrap(transfer(first + int(lo, c_intptr_t), c_null_ptr), int(hi - lo + elsize, c_size_t), -lo, dtype, &
      int(size(shp), c_int64_t), shp, strd, logical(readonly, c_bool), h)
  end function wrap_any

  function shape_text(n, s) result(txt)
    integer(c_int64_t), intent(in) :: n, s(:)
    character(:), allocatable :: txt
    character(24) :: buf
    integer :: i
    txt = '('
    do i = 1, int(n)
      write (buf, '(i0)') s(i)
      txt = txt // trim(buf)
      if (i < n) txt = txt // ', '
    end do
    txt = txt // ')'
  end function shape_text

  ! Copies the new result r into the wrapped destination d after checking
  ! that the shapes agree exactly (copyto alone would broadcast).
  function copy_out(r, d) result(st)
    type(c_ptr), intent(in) :: r, d
    integer(c_int32_t) :: st
    integer(c_int64_t) :: nr, nd, sr(32), sd(32)
    sr = 0
    sd = 0
    st = c_ndim(r, nr)
    if (st == 0) st = c_ndim(d, nd)
    if (st == 0) st = c_shape(r, sr, 32_c_int64_t)
    if (st == 0) st = c_shape(d, sd, 32_c_int64_t)
    if (st /= 0) return
    if (nr /= nd .or. any(sr(1:nr) /= sd(1:nd))) then
      st = LAPIS_ERR_SHAPE_MISMATCH
      call set_pending('the result has shape ' // shape_text(nr, sr) &
        // ' but the destination array has shape ' // shape_text(nd, sd))
      return
    end if
    st = c_copyto(d, r)
  end function copy_out

  function wrap_s1(a, readonly, h) result(st)
    real(c_float), intent(in), target :: a(:)
    logical, intent(in) :: readonly
    type(c_ptr), intent(out) :: h
    integer(c_int32_t) :: st
    integer(c_int64_t) :: shp(1), strd(1)
    integer(c_intptr_t) :: first
    h = c_null_ptr
    first = 0
    shp = shape(a, kind=c_int64_t)
    call contiguous_strides(shp, 4_c_int64_t, strd)
    if (size(a) > 0) then
      first = transfer(c_loc(a(1)), first)
      if (shp(1) > 1) strd(1) = int(transfer(c_loc(a(2)), first) - first, c_int64_t)
    end if
    st = wrap_any(first, 4_c_int64_t, 1_c_int32_t, shp, strd, readonly, h)
  end function wrap_s1
  function wrap_s2(a, readonly, h) result(st)
    real(c_float), intent(in), target :: a(:,:)
    logical, intent(in) :: readonly
    type(c_ptr), intent(out) :: h
    integer(c_int32_t) :: st
    integer(c_int64_t) :: shp(2), strd(2)
    integer(c_intptr_t) :: first
    h = c_null_ptr
    first = 0
    shp = shape(a, kind=c_int64_t)
    call contiguous_strides(shp, 4_c_int64_t, strd)
    if (size(a) > 0) then
      first = transfer(c_loc(a(1,1)), first)
      if (shp(1) > 1) strd(1) = int(transfer(c_loc(a(2,1)), first) - first, c_int64_t)
      if (shp(2) > 1) strd(2) = int(transfer(c_loc(a(1,2)), first) - first, c_int64_t)
    end if
    st = wrap_any(first, 4_c_int64_t, 1_c_int32_t, shp, strd, readonly, h)
  end function wrap_s2
  function wrap_s3(a, readonly, h) result(st)
    real(c_float), intent(in), target :: a(:,:,:)
    logical, intent(in) :: readonly
    type(c_ptr), intent(out) :: h
    integer(c_int32_t) :: st
    integer(c_int64_t) :: shp(3), strd(3)
    integer(c_intptr_t) :: first
    h = c_null_ptr
    first = 0
    shp = shape(a, kind=c_int64_t)
    call contiguous_strides(shp, 4_c_int64_t, strd)
    if (size(a) > 0) then
      first = transfer(c_loc(a(1,1,1)), first)
      if (shp(1) > 1) strd(1) = int(transfer(c_loc(a(2,1,1)), first) - first, c_int64_t)
      if (shp(2) > 1) strd(2) = int(transfer(c_loc(a(1,2,1)), first) - first, c_int64_t)
      if (shp(3) > 1) strd(3) = int(transfer(c_loc(a(1,1,2)), first) - first, c_int64_t)
    end if
    st = wrap_any(first, 4_c_int64_t, 1_c_int32_t, shp, strd, readonly, h)
  end function wrap_s3
  function wrap_s4(a, readonly, h) result(st)
    real(c_float), intent(in), target :: a(:,:,:,:)
    logical, intent(in) :: readonly
    type(c_ptr), intent(out) :: h
    integer(c_int32_t) :: st
    integer(c_int64_t) :: shp(4), strd(4)
    integer(c_intptr_t) :: first
    h = c_null_ptr
    first = 0
    shp = shape(a, kind=c_int64_t)
    call contiguous_strides(shp, 4_c_int64_t, strd)
    if (size(a) > 0) then
      first = transfer(c_loc(a(1,1,1,1)), first)
      if (shp(1) > 1) strd(1) = int(transfer(c_loc(a(2,1,1,1)), first) - first, c_int64_t)
      if (shp(2) > 1) strd(2) = int(transfer(c_loc(a(1,2,1,1)), first) - first, c_int64_t)
      if (shp(3) > 1) strd(3) = int(transfer(c_loc(a(1,1,2,1)), first) - first, c_int64_t)
      if (shp(4) > 1) strd(4) = int(transfer(c_loc(a(1,1,1,2)), first) - first, c_int64_t)
    end if
    st = wrap_any(first, 4_c_int64_t, 1_c_int32_t, shp, strd, readonly, h)
  end function wrap_s4
  function wrap_d1(a, readonly, h) result(st)
    real(c_double), intent(in), target :: a(:)
    logical, intent(in) :: readonly
    type(c_ptr), intent(out) :: h
    integer(c_int32_t) :: st
    integer(c_int64_t) :: shp(1), strd(1)
    integer(c_intptr_t) :: first
    h = c_null_ptr
    first = 0
    shp = shape(a, kind=c_int64_t)
    call contiguous_strides(shp, 8_c_int64_t, strd)
    if (size(a) > 0) then
      first = transfer(c_loc(a(1)), first)
      if (shp(1) > 1) strd(1) = int(transfer(c_loc(a(2)), first) - first, c_int64_t)
    end if
    st = wrap_any(first, 8_c_int64_t, 2_c_int32_t, shp, strd, readonly, h)
  end function wrap_d1
  function wrap_d2(a, readonly, h) result(st)
    real(c_double), intent(in), target :: a(:,:)
    logical, intent(in) :: readonly
    type(c_ptr), intent(out) :: h
    integer(c_int32_t) :: st
    integer(c_int64_t) :: shp(2), strd(2)
    integer(c_intptr_t) :: first
    h = c_null_ptr
    first = 0
    shp = shape(a, kind=c_int64_t)
    call contiguous_strides(shp, 8_c_int64_t, strd)
    if (size(a) > 0) then
      first = transfer(c_loc(a(1,1)), first)
      if (shp(1) > 1) strd(1) = int(transfer(c_loc(a(2,1)), first) - first, c_int64_t)
      if (shp(2) > 1) strd(2) = int(transfer(c_loc(a(1,2)), first) - first, c_int64_t)
    end if
    st = wrap_any(first, 8_c_int64_t, 2_c_int32_t, shp, strd, readonly, h)
  end function wrap_d2
  function wrap_d3(a, readonly, h) result(st)
    real(c_double), intent(in), target :: a(:,:,:)
    logical, intent(in) :: readonly
    type(c_ptr), intent(out) :: h
    integer(c_int32_t) :: st
    integer(c_int64_t) :: shp(3), strd(3)
    integer(c_intptr_t) :: first
    h = c_null_ptr
    first = 0
    shp = shape(a, kind=c_int64_t)
    call contiguous_strides(shp, 8_c_int64_t, strd)
    if (size(a) > 0) then
      first = transfer(c_loc(a(1,1,1)), first)
      if (shp(1) > 1) strd(1) = int(transfer(c_loc(a(2,1,1)), first) - first, c_int64_t)
      if (shp(2) > 1) strd(2) = int(transfer(c_loc(a(1,2,1)), first) - first, c_int64_t)
      if (shp(3) > 1) strd(3) = int(transfer(c_loc(a(1,1,2)), first) - first, c_int64_t)
    end if
    st = wrap_any(first, 8_c_int64_t, 2_c_int32_t, shp, strd, readonly, h)
  end function wrap_d3
  function wrap_d4(a, readonly, h) result(st)
    real(c_double), intent(in), target :: a(:,:,:,:)
    logical, intent(in) :: readonly
    type(c_ptr), intent(out) :: h
    integer(c_int32_t) :: st
    integer(c_int64_t) :: shp(4), strd(4)
    integer(c_intptr_t) :: first
    h = c_null_ptr
    first = 0
    shp = shape(a, kind=c_int64_t)
    call contiguous_strides(shp, 8_c_int64_t, strd)
    if (size(a) > 0) then
      first = transfer(c_loc(a(1,1,1,1)), first)
      if (shp(1) > 1) strd(1) = int(transfer(c_loc(a(2,1,1,1)), first) - first, c_int64_t)
      if (shp(2) > 1) strd(2) = int(transfer(c_loc(a(1,2,1,1)), first) - first, c_int64_t)
      if (shp(3) > 1) strd(3) = int(transfer(c_loc(a(1,1,2,1)), first) - first, c_int64_t)
      if (shp(4) > 1) strd(4) = int(transfer(c_loc(a(1,1,1,2)), first) - first, c_int64_t)
    end if
    st = wrap_any(first, 8_c_int64_t, 2_c_int32_t, shp, strd, readonly, h)
  end function wrap_d4
  function wrap_c1(a, readonly, h) result(st)
    complex(c_float_complex), intent(in), target :: a(:)
    logical, intent(in) :: readonly
    type(c_ptr), intent(out) :: h
    integer(c_int32_t) :: st
    integer(c_int64_t) :: shp(1), strd(1)
    integer(c_intptr_t) :: first
    h = c_null_ptr
    first = 0
    shp = shape(a, kind=c_int64_t)
    call contiguous_strides(shp, 8_c_int64_t, strd)
    if (size(a) > 0) then
      first = transfer(c_loc(a(1)), first)
      if (shp(1) > 1) strd(1) = int(transfer(c_loc(a(2)), first) - first, c_int64_t)
    end if
    st = wrap_any(first, 8_c_int64_t, 3_c_int32_t, shp, strd, readonly, h)
  end function wrap_c1
  function wrap_c2(a, readonly, h) result(st)
    complex(c_float_complex), intent(in), target :: a(:,:)
    logical, intent(in) :: readonly
    type(c_ptr), intent(out) :: h
    integer(c_int32_t) :: st
    integer(c_int64_t) :: shp(2), strd(2)
    integer(c_intptr_t) :: first
    h = c_null_ptr
    first = 0
    shp = shape(a, kind=c_int64_t)
    call contiguous_strides(shp, 8_c_int64_t, strd)
    if (size(a) > 0) then
      first = transfer(c_loc(a(1,1)), first)
      if (shp(1) > 1) strd(1) = int(transfer(c_loc(a(2,1)), first) - first, c_int64_t)
      if (shp(2) > 1) strd(2) = int(transfer(c_loc(a(1,2)), first) - first, c_int64_t)
    end if
    st = wrap_any(first, 8_c_int64_t, 3_c_int32_t, shp, strd, readonly, h)
  end function wrap_c2
  function wrap_c3(a, readonly, h) result(st)
    complex(c_float_complex), intent(in), target :: a(:,:,:)
    logical, intent(in) :: readonly
    type(c_ptr), intent(out) :: h
    integer(c_int32_t) :: st
    integer(c_int64_t) :: shp(3), strd(3)
    integer(c_intptr_t) :: first
    h = c_null_ptr
    first = 0
    shp = shape(a, kind=c_int64_t)
    call contiguous_strides(shp, 8_c_int64_t, strd)
    if (size(a) > 0) then
      first = transfer(c_loc(a(1,1,1)), first)
      if (shp(1) > 1) strd(1) = int(transfer(c_loc(a(2,1,1)), first) - first, c_int64_t)
      if (shp(2) > 1) strd(2) = int(transfer(c_loc(a(1,2,1)), first) - first, c_int64_t)
      if (shp(3) > 1) strd(3) = int(transfer(c_loc(a(1,1,2)), first) - first, c_int64_t)
    end if
    st = wrap_any(first, 8_c_int64_t, 3_c_int32_t, shp, strd, readonly, h)
  end function wrap_c3
  function wrap_c4(a, readonly, h) result(st)
    complex(c_float_complex), intent(in), target :: a(:,:,:,:)
    logical, intent(in) :: readonly
    type(c_ptr), intent(out) :: h
    integer(c_int32_t) :: st
    integer(c_int64_t) :: shp(4), strd(4)
    integer(c_intptr_t) :: first
    h = c_null_ptr
    first = 0
    shp = shape(a, kind=c_int64_t)
    call contiguous_strides(shp, 8_c_int64_t, strd)
    if (size(a) > 0) then
      first = transfer(c_loc(a(1,1,1,1)), first)
      if (shp(1) > 1) strd(1) = int(transfer(c_loc(a(2,1,1,1)), first) - first, c_int64_t)
      if (shp(2) > 1) strd(2) = int(transfer(c_loc(a(1,2,1,1)), first) - first, c_int64_t)
      if (shp(3) > 1) strd(3) = int(transfer(c_loc(a(1,1,2,1)), first) - first, c_int64_t)
      if (shp(4) > 1) strd(4) = int(transfer(c_loc(a(1,1,1,2)), first) - first, c_int64_t)
    end if
    st = wrap_any(first, 8_c_int64_t, 3_c_int32_t, shp, strd, readonly, h)
  end function wrap_c4
  function wrap_z1(a, readonly, h) result(st)
    complex(c_double_complex), intent(in), target :: a(:)
    logical, intent(in) :: readonly
    type(c_ptr), intent(out) :: h
    integer(c_int32_t) :: st
    integer(c_int64_t) :: shp(1), strd(1)
    integer(c_intptr_t) :: first
    h = c_null_ptr
    first = 0
    shp = shape(a, kind=c_int64_t)
    call contiguous_strides(shp, 16_c_int64_t, strd)
    if (size(a) > 0) then
      first = transfer(c_loc(a(1)), first)
      if (shp(1) > 1) strd(1) = int(transfer(c_loc(a(2)), first) - first, c_int64_t)
    end if
    st = wrap_any(first, 16_c_int64_t, 4_c_int32_t, shp, strd, readonly, h)
  end function wrap_z1
  function wrap_z2(a, readonly, h) result(st)
    complex(c_double_complex), intent(in), target :: a(:,:)
    logical, intent(in) :: readonly
    type(c_ptr), intent(out) :: h
    integer(c_int32_t) :: st
    integer(c_int64_t) :: shp(2), strd(2)
    integer(c_intptr_t) :: first
    h = c_null_ptr
    first = 0
    shp = shape(a, kind=c_int64_t)
    call contiguous_strides(shp, 16_c_int64_t, strd)
    if (size(a) > 0) then
      first = transfer(c_loc(a(1,1)), first)
      if (shp(1) > 1) strd(1) = int(transfer(c_loc(a(2,1)), first) - first, c_int64_t)
      if (shp(2) > 1) strd(2) = int(transfer(c_loc(a(1,2)), first) - first, c_int64_t)
    end if
    st = wrap_any(first, 16_c_int64_t, 4_c_int32_t, shp, strd, readonly, h)
  end function wrap_z2
  function wrap_z3(a, readonly, h) result(st)
    complex(c_double_complex), intent(in), target :: a(:,:,:)
    logical, intent(in) :: readonly
    type(c_ptr), intent(out) :: h
    integer(c_int32_t) :: st
    integer(c_int64_t) :: shp(3), strd(3)
    integer(c_intptr_t) :: first
    h = c_null_ptr
    first = 0
    shp = shape(a, kind=c_int64_t)
    call contiguous_strides(shp, 16_c_int64_t, strd)
    if (size(a) > 0) then
      first = transfer(c_loc(a(1,1,1)), first)
      if (shp(1) > 1) strd(1) = int(transfer(c_loc(a(2,1,1)), first) - first, c_int64_t)
      if (shp(2) > 1) strd(2) = int(transfer(c_loc(a(1,2,1)), first) - first, c_int64_t)
      if (shp(3) > 1) strd(3) = int(transfer(c_loc(a(1,1,2)), first) - first, c_int64_t)
    end if
    st = wrap_any(first, 16_c_int64_t, 4_c_int32_t, shp, strd, readonly, h)
  end function wrap_z3
  function wrap_z4(a, readonly, h) result(st)
    complex(c_double_complex), intent(in), target :: a(:,:,:,:)
    logical, intent(in) :: readonly
    type(c_ptr), intent(out) :: h
    integer(c_int32_t) :: st
    integer(c_int64_t) :: shp(4), strd(4)
    integer(c_intptr_t) :: first
    h = c_null_ptr
    first = 0
    shp = shape(a, kind=c_int64_t)
    call contiguous_strides(shp, 16_c_int64_t, strd)
    if (size(a) > 0) then
      first = transfer(c_loc(a(1,1,1,1)), first)
      if (shp(1) > 1) strd(1) = int(transfer(c_loc(a(2,1,1,1)), first) - first, c_int64_t)
      if (shp(2) > 1) strd(2) = int(transfer(c_loc(a(1,2,1,1)), first) - first, c_int64_t)
      if (shp(3) > 1) strd(3) = int(transfer(c_loc(a(1,1,2,1)), first) - first, c_int64_t)
      if (shp(4) > 1) strd(4) = int(transfer(c_loc(a(1,1,1,2)), first) - first, c_int64_t)
    end if
    st = wrap_any(first, 16_c_int64_t, 4_c_int32_t, shp, strd, readonly, h)
  end function wrap_z4
  function wrap_s(a, readonly, h) result(st)
    real(c_float), intent(in), target :: a(..)
    logical, intent(in) :: readonly
    type(c_ptr), intent(out) :: h
    integer(c_int32_t) :: st
    character(len=12) :: buf
    h = c_null_ptr
    select rank (a)
    rank (1)
      st = wrap_s1(a, readonly, h)
    rank (2)
      st = wrap_s2(a, readonly, h)
    rank (3)
      st = wrap_s3(a, readonly, h)
    rank (4)
      st = wrap_s4(a, readonly, h)
    rank default
      st = LAPIS_ERR_INVALID_ARGUMENT
      write (buf, '(i0)') rank(a)
      call set_pending('arrays of rank 1 to 4 only, got rank ' // trim(buf))
    end select
  end function wrap_s
  function wrap_d(a, readonly, h) result(st)
    real(c_double), intent(in), target :: a(..)
    logical, intent(in) :: readonly
    type(c_ptr), intent(out) :: h
    integer(c_int32_t) :: st
    character(len=12) :: buf
    h = c_null_ptr
    select rank (a)
    rank (1)
      st = wrap_d1(a, readonly, h)
    rank (2)
      st = wrap_d2(a, readonly, h)
    rank (3)
      st = wrap_d3(a, readonly, h)
    rank (4)
      st = wrap_d4(a, readonly, h)
    rank default
      st = LAPIS_ERR_INVALID_ARGUMENT
      write (buf, '(i0)') rank(a)
      call set_pending('arrays of rank 1 to 4 only, got rank ' // trim(buf))
    end select
  end function wrap_d
  function wrap_c(a, readonly, h) result(st)
    complex(c_float_complex), intent(in), target :: a(..)
    logical, intent(in) :: readonly
    type(c_ptr), intent(out) :: h
    integer(c_int32_t) :: st
    character(len=12) :: buf
    h = c_null_ptr
    select rank (a)
    rank (1)
      st = wrap_c1(a, readonly, h)
    rank (2)
      st = wrap_c2(a, readonly, h)
    rank (3)
      st = wrap_c3(a, readonly, h)
    rank (4)
      st = wrap_c4(a, readonly, h)
    rank default
      st = LAPIS_ERR_INVALID_ARGUMENT
      write (buf, '(i0)') rank(a)
      call set_pending('arrays of rank 1 to 4 only, got rank ' // trim(buf))
    end select
  end function wrap_c
  function wrap_z(a, readonly, h) result(st)
    complex(c_double_complex), intent(in), target :: a(..)
    logical, intent(in) :: readonly
    type(c_ptr), intent(out) :: h
    integer(c_int32_t) :: st
    character(len=12) :: buf
    h = c_null_ptr
    select rank (a)
    rank (1)
      st = wrap_z1(a, readonly, h)
    rank (2)
      st = wrap_z2(a, readonly, h)
    rank (3)
      st = wrap_z3(a, readonly, h)
    rank (4)
      st = wrap_z4(a, readonly, h)
    rank default
      st = LAPIS_ERR_INVALID_ARGUMENT
      write (buf, '(i0)') rank(a)
      call set_pending('arrays of rank 1 to 4 only, got rank ' // trim(buf))
    end select
  end function wrap_z

  subroutine lapis_wrap_s(a, arr, readonly, stat, errmsg)
    real(c_float), intent(inout), target :: a(..)
    type(lapis_array_t), intent(inout) :: arr
    logical, intent(in), optional :: readonly
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: h
    logical :: ro
    integer(c_int32_t) :: st
    h = c_null_ptr
    ro = .false.
    if (present(readonly)) ro = readonly
    call arr%free()
    st = wrap_s(a, ro, h)
    if (st == 0) then
      arr%h = h
      h = c_null_ptr
    end if
    call release(h)
    call check(st, 'lapis_wrap', stat, errmsg)
  end subroutine lapis_wrap_s

  subroutine lapis_wrap_d(a, arr, readonly, stat, errmsg)
    real(c_double), intent(inout), target :: a(..)
    type(lapis_array_t), intent(inout) :: arr
    logical, intent(in), optional :: readonly
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: h
    logical :: ro
    integer(c_int32_t) :: st
    h = c_null_ptr
    ro = .false.
    if (present(readonly)) ro = readonly
    call arr%free()
    st = wrap_d(a, ro, h)
    if (st == 0) then
      arr%h = h
      h = c_null_ptr
    end if
    call release(h)
    call check(st, 'lapis_wrap', stat, errmsg)
  end subroutine lapis_wrap_d

  subroutine lapis_wrap_c(a, arr, readonly, stat, errmsg)
    complex(c_float_complex), intent(inout), target :: a(..)
    type(lapis_array_t), intent(inout) :: arr
    logical, intent(in), optional :: readonly
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: h
    logical :: ro
    integer(c_int32_t) :: st
    h = c_null_ptr
    ro = .false.
    if (present(readonly)) ro = readonly
    call arr%free()
    st = wrap_c(a, ro, h)
    if (st == 0) then
      arr%h = h
      h = c_null_ptr
    end if
    call release(h)
    call check(st, 'lapis_wrap', stat, errmsg)
  end subroutine lapis_wrap_c

  subroutine lapis_wrap_z(a, arr, readonly, stat, errmsg)
    complex(c_double_complex), intent(inout), target :: a(..)
    type(lapis_array_t), intent(inout) :: arr
    logical, intent(in), optional :: readonly
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: h
    logical :: ro
    integer(c_int32_t) :: st
    h = c_null_ptr
    ro = .false.
    if (present(readonly)) ro = readonly
    call arr%free()
    st = wrap_z(a, ro, h)
    if (st == 0) then
      arr%h = h
      h = c_null_ptr
    end if
    call release(h)
    call check(st, 'lapis_wrap', stat, errmsg)
  end subroutine lapis_wrap_z

  subroutine lapis_gemm_s(transa, transb, alpha, a, b, beta, c, stat, errmsg)
    character, intent(in) :: transa, transb
    real(c_float), intent(in) :: alpha, beta
    real(c_float), intent(in), target :: a(:,:), b(:,:)
    real(c_float), intent(inout), target :: c(:,:)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hb, hc
    integer(c_int32_t) :: ta, tb
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hb = c_null_ptr
    hc = c_null_ptr
    st = trans_code(transa, ta)
    if (st == 0) st = trans_code(transb, tb)
    if (st == 0) st = wrap_s2(a, .true., ha)
    if (st == 0) st = wrap_s2(b, .true., hb)
    if (st == 0) st = wrap_s2(c, .false., hc)
    if (st == 0) st = c_gemm(ta, tb, to_c128(alpha), ha, hb, to_c128(beta), hc)
    call release(ha)
    call release(hb)
    call release(hc)
    call check(st, 'lapis_gemm', stat, errmsg)
  end subroutine lapis_gemm_s

  subroutine lapis_gemv_s(trans, alpha, a, x, beta, y, stat, errmsg)
    character, intent(in) :: trans
    real(c_float), intent(in) :: alpha, beta
    real(c_float), intent(in), target :: a(:,:), x(:)
    real(c_float), intent(inout), target :: y(:)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hx, hy
    integer(c_int32_t) :: ta
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hx = c_null_ptr
    hy = c_null_ptr
    st = trans_code(trans, ta)
    if (st == 0) st = wrap_s2(a, .true., ha)
    if (st == 0) st = wrap_s1(x, .true., hx)
    if (st == 0) st = wrap_s1(y, .false., hy)
    if (st == 0) st = c_gemv(ta, to_c128(alpha), ha, hx, to_c128(beta), hy)
    call release(ha)
    call release(hx)
    call release(hy)
    call check(st, 'lapis_gemv', stat, errmsg)
  end subroutine lapis_gemv_s

  subroutine lapis_axpy_s(alpha, x, y, stat, errmsg)
    real(c_float), intent(in) :: alpha
    real(c_float), intent(in), target :: x(:)
    real(c_float), intent(inout), target :: y(:)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx, hy
    integer(c_int32_t) :: st
    hx = c_null_ptr
    hy = c_null_ptr
    st = wrap_s1(x, .true., hx)
    if (st == 0) st = wrap_s1(y, .false., hy)
    if (st == 0) st = c_axpy(to_c128(alpha), hx, hy)
    call release(hx)
    call release(hy)
    call check(st, 'lapis_axpy', stat, errmsg)
  end subroutine lapis_axpy_s

  subroutine lapis_scal_s(alpha, x, stat, errmsg)
    real(c_float), intent(in) :: alpha
    real(c_float), intent(inout), target :: x(:)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx
    integer(c_int32_t) :: st
    hx = c_null_ptr
    st = wrap_s1(x, .false., hx)
    if (st == 0) st = c_scal(to_c128(alpha), hx)
    call release(hx)
    call check(st, 'lapis_scal', stat, errmsg)
  end subroutine lapis_scal_s

  subroutine lapis_dot_s(x, y, res, stat, errmsg)
    real(c_float), intent(in), target :: x(:), y(:)
    real(c_float), intent(inout) :: res
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx, hy
    complex(c_double_complex) :: v
    integer(c_int32_t) :: st
    hx = c_null_ptr
    hy = c_null_ptr
    st = wrap_s1(x, .true., hx)
    if (st == 0) st = wrap_s1(y, .true., hy)
    if (st == 0) st = c_dot(hx, hy, v)
    if (st == 0) res = real(v, c_float)
    call release(hx)
    call release(hy)
    call check(st, 'lapis_dot', stat, errmsg)
  end subroutine lapis_dot_s

  subroutine lapis_dotc_s(x, y, res, stat, errmsg)
    real(c_float), intent(in), target :: x(:), y(:)
    real(c_float), intent(inout) :: res
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx, hy
    complex(c_double_complex) :: v
    integer(c_int32_t) :: st
    hx = c_null_ptr
    hy = c_null_ptr
    st = wrap_s1(x, .true., hx)
    if (st == 0) st = wrap_s1(y, .true., hy)
    if (st == 0) st = c_dotc(hx, hy, v)
    if (st == 0) res = real(v, c_float)
    call release(hx)
    call release(hy)
    call check(st, 'lapis_dotc', stat, errmsg)
  end subroutine lapis_dotc_s

  subroutine lapis_syrk_s(uplo, trans, alpha, a, beta, c, stat, errmsg)
    character, intent(in) :: uplo, trans
    real(c_float), intent(in) :: alpha, beta
    real(c_float), intent(in), target :: a(:,:)
    real(c_float), intent(inout), target :: c(:,:)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hc
    integer(c_int32_t) :: ul, ta
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hc = c_null_ptr
    st = uplo_code(uplo, ul)
    if (st == 0) st = trans_code(trans, ta)
    if (st == 0) st = wrap_s2(a, .true., ha)
    if (st == 0) st = wrap_s2(c, .false., hc)
    if (st == 0) st = c_syrk(ul, ta, to_c128(alpha), ha, to_c128(beta), hc)
    call release(ha)
    call release(hc)
    call check(st, 'lapis_syrk', stat, errmsg)
  end subroutine lapis_syrk_s

  subroutine lapis_gemm_d(transa, transb, alpha, a, b, beta, c, stat, errmsg)
    character, intent(in) :: transa, transb
    real(c_double), intent(in) :: alpha, beta
    real(c_double), intent(in), target :: a(:,:), b(:,:)
    real(c_double), intent(inout), target :: c(:,:)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hb, hc
    integer(c_int32_t) :: ta, tb
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hb = c_null_ptr
    hc = c_null_ptr
    st = trans_code(transa, ta)
    if (st == 0) st = trans_code(transb, tb)
    if (st == 0) st = wrap_d2(a, .true., ha)
    if (st == 0) st = wrap_d2(b, .true., hb)
    if (st == 0) st = wrap_d2(c, .false., hc)
    if (st == 0) st = c_gemm(ta, tb, to_c128(alpha), ha, hb, to_c128(beta), hc)
    call release(ha)
    call release(hb)
    call release(hc)
    call check(st, 'lapis_gemm', stat, errmsg)
  end subroutine lapis_gemm_d

  subroutine lapis_gemv_d(trans, alpha, a, x, beta, y, stat, errmsg)
    character, intent(in) :: trans
    real(c_double), intent(in) :: alpha, beta
    real(c_double), intent(in), target :: a(:,:), x(:)
    real(c_double), intent(inout), target :: y(:)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hx, hy
    integer(c_int32_t) :: ta
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hx = c_null_ptr
    hy = c_null_ptr
    st = trans_code(trans, ta)
    if (st == 0) st = wrap_d2(a, .true., ha)
    if (st == 0) st = wrap_d1(x, .true., hx)
    if (st == 0) st = wrap_d1(y, .false., hy)
    if (st == 0) st = c_gemv(ta, to_c128(alpha), ha, hx, to_c128(beta), hy)
    call release(ha)
    call release(hx)
    call release(hy)
    call check(st, 'lapis_gemv', stat, errmsg)
  end subroutine lapis_gemv_d

  subroutine lapis_axpy_d(alpha, x, y, stat, errmsg)
    real(c_double), intent(in) :: alpha
    real(c_double), intent(in), target :: x(:)
    real(c_double), intent(inout), target :: y(:)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx, hy
    integer(c_int32_t) :: st
    hx = c_null_ptr
    hy = c_null_ptr
    st = wrap_d1(x, .true., hx)
    if (st == 0) st = wrap_d1(y, .false., hy)
    if (st == 0) st = c_axpy(to_c128(alpha), hx, hy)
    call release(hx)
    call release(hy)
    call check(st, 'lapis_axpy', stat, errmsg)
  end subroutine lapis_axpy_d

  subroutine lapis_scal_d(alpha, x, stat, errmsg)
    real(c_double), intent(in) :: alpha
    real(c_double), intent(inout), target :: x(:)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx
    integer(c_int32_t) :: st
    hx = c_null_ptr
    st = wrap_d1(x, .false., hx)
    if (st == 0) st = c_scal(to_c128(alpha), hx)
    call release(hx)
    call check(st, 'lapis_scal', stat, errmsg)
  end subroutine lapis_scal_d

  subroutine lapis_dot_d(x, y, res, stat, errmsg)
    real(c_double), intent(in), target :: x(:), y(:)
    real(c_double), intent(inout) :: res
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx, hy
    complex(c_double_complex) :: v
    integer(c_int32_t) :: st
    hx = c_null_ptr
    hy = c_null_ptr
    st = wrap_d1(x, .true., hx)
    if (st == 0) st = wrap_d1(y, .true., hy)
    if (st == 0) st = c_dot(hx, hy, v)
    if (st == 0) res = real(v, c_double)
    call release(hx)
    call release(hy)
    call check(st, 'lapis_dot', stat, errmsg)
  end subroutine lapis_dot_d

  subroutine lapis_dotc_d(x, y, res, stat, errmsg)
    real(c_double), intent(in), target :: x(:), y(:)
    real(c_double), intent(inout) :: res
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx, hy
    complex(c_double_complex) :: v
    integer(c_int32_t) :: st
    hx = c_null_ptr
    hy = c_null_ptr
    st = wrap_d1(x, .true., hx)
    if (st == 0) st = wrap_d1(y, .true., hy)
    if (st == 0) st = c_dotc(hx, hy, v)
    if (st == 0) res = real(v, c_double)
    call release(hx)
    call release(hy)
    call check(st, 'lapis_dotc', stat, errmsg)
  end subroutine lapis_dotc_d

  subroutine lapis_syrk_d(uplo, trans, alpha, a, beta, c, stat, errmsg)
    character, intent(in) :: uplo, trans
    real(c_double), intent(in) :: alpha, beta
    real(c_double), intent(in), target :: a(:,:)
    real(c_double), intent(inout), target :: c(:,:)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hc
    integer(c_int32_t) :: ul, ta
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hc = c_null_ptr
    st = uplo_code(uplo, ul)
    if (st == 0) st = trans_code(trans, ta)
    if (st == 0) st = wrap_d2(a, .true., ha)
    if (st == 0) st = wrap_d2(c, .false., hc)
    if (st == 0) st = c_syrk(ul, ta, to_c128(alpha), ha, to_c128(beta), hc)
    call release(ha)
    call release(hc)
    call check(st, 'lapis_syrk', stat, errmsg)
  end subroutine lapis_syrk_d

  subroutine lapis_gemm_c(transa, transb, alpha, a, b, beta, c, stat, errmsg)
    character, intent(in) :: transa, transb
    complex(c_float_complex), intent(in) :: alpha, beta
    complex(c_float_complex), intent(in), target :: a(:,:), b(:,:)
    complex(c_float_complex), intent(inout), target :: c(:,:)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hb, hc
    integer(c_int32_t) :: ta, tb
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hb = c_null_ptr
    hc = c_null_ptr
    st = trans_code(transa, ta)
    if (st == 0) st = trans_code(transb, tb)
    if (st == 0) st = wrap_c2(a, .true., ha)
    if (st == 0) st = wrap_c2(b, .true., hb)
    if (st == 0) st = wrap_c2(c, .false., hc)
    if (st == 0) st = c_gemm(ta, tb, to_c128(alpha), ha, hb, to_c128(beta), hc)
    call release(ha)
    call release(hb)
    call release(hc)
    call check(st, 'lapis_gemm', stat, errmsg)
  end subroutine lapis_gemm_c

  subroutine lapis_gemv_c(trans, alpha, a, x, beta, y, stat, errmsg)
    character, intent(in) :: trans
    complex(c_float_complex), intent(in) :: alpha, beta
    complex(c_float_complex), intent(in), target :: a(:,:), x(:)
    complex(c_float_complex), intent(inout), target :: y(:)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hx, hy
    integer(c_int32_t) :: ta
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hx = c_null_ptr
    hy = c_null_ptr
    st = trans_code(trans, ta)
    if (st == 0) st = wrap_c2(a, .true., ha)
    if (st == 0) st = wrap_c1(x, .true., hx)
    if (st == 0) st = wrap_c1(y, .false., hy)
    if (st == 0) st = c_gemv(ta, to_c128(alpha), ha, hx, to_c128(beta), hy)
    call release(ha)
    call release(hx)
    call release(hy)
    call check(st, 'lapis_gemv', stat, errmsg)
  end subroutine lapis_gemv_c

  subroutine lapis_axpy_c(alpha, x, y, stat, errmsg)
    complex(c_float_complex), intent(in) :: alpha
    complex(c_float_complex), intent(in), target :: x(:)
    complex(c_float_complex), intent(inout), target :: y(:)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx, hy
    integer(c_int32_t) :: st
    hx = c_null_ptr
    hy = c_null_ptr
    st = wrap_c1(x, .true., hx)
    if (st == 0) st = wrap_c1(y, .false., hy)
    if (st == 0) st = c_axpy(to_c128(alpha), hx, hy)
    call release(hx)
    call release(hy)
    call check(st, 'lapis_axpy', stat, errmsg)
  end subroutine lapis_axpy_c

  subroutine lapis_scal_c(alpha, x, stat, errmsg)
    complex(c_float_complex), intent(in) :: alpha
    complex(c_float_complex), intent(inout), target :: x(:)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx
    integer(c_int32_t) :: st
    hx = c_null_ptr
    st = wrap_c1(x, .false., hx)
    if (st == 0) st = c_scal(to_c128(alpha), hx)
    call release(hx)
    call check(st, 'lapis_scal', stat, errmsg)
  end subroutine lapis_scal_c

  subroutine lapis_dot_c(x, y, res, stat, errmsg)
    complex(c_float_complex), intent(in), target :: x(:), y(:)
    complex(c_float_complex), intent(inout) :: res
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx, hy
    complex(c_double_complex) :: v
    integer(c_int32_t) :: st
    hx = c_null_ptr
    hy = c_null_ptr
    st = wrap_c1(x, .true., hx)
    if (st == 0) st = wrap_c1(y, .true., hy)
    if (st == 0) st = c_dot(hx, hy, v)
    if (st == 0) res = cmplx(v, kind=c_float_complex)
    call release(hx)
    call release(hy)
    call check(st, 'lapis_dot', stat, errmsg)
  end subroutine lapis_dot_c

  subroutine lapis_dotc_c(x, y, res, stat, errmsg)
    complex(c_float_complex), intent(in), target :: x(:), y(:)
    complex(c_float_complex), intent(inout) :: res
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx, hy
    complex(c_double_complex) :: v
    integer(c_int32_t) :: st
    hx = c_null_ptr
    hy = c_null_ptr
    st = wrap_c1(x, .true., hx)
    if (st == 0) st = wrap_c1(y, .true., hy)
    if (st == 0) st = c_dotc(hx, hy, v)
    if (st == 0) res = cmplx(v, kind=c_float_complex)
    call release(hx)
    call release(hy)
    call check(st, 'lapis_dotc', stat, errmsg)
  end subroutine lapis_dotc_c

  subroutine lapis_syrk_c(uplo, trans, alpha, a, beta, c, stat, errmsg)
    character, intent(in) :: uplo, trans
    complex(c_float_complex), intent(in) :: alpha, beta
    complex(c_float_complex), intent(in), target :: a(:,:)
    complex(c_float_complex), intent(inout), target :: c(:,:)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hc
    integer(c_int32_t) :: ul, ta
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hc = c_null_ptr
    st = uplo_code(uplo, ul)
    if (st == 0) st = trans_code(trans, ta)
    if (st == 0) st = wrap_c2(a, .true., ha)
    if (st == 0) st = wrap_c2(c, .false., hc)
    if (st == 0) st = c_syrk(ul, ta, to_c128(alpha), ha, to_c128(beta), hc)
    call release(ha)
    call release(hc)
    call check(st, 'lapis_syrk', stat, errmsg)
  end subroutine lapis_syrk_c

  subroutine lapis_herk_c(uplo, trans, alpha, a, beta, c, stat, errmsg)
    character, intent(in) :: uplo, trans
    real(c_float), intent(in) :: alpha, beta
    complex(c_float_complex), intent(in), target :: a(:,:)
    complex(c_float_complex), intent(inout), target :: c(:,:)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hc
    integer(c_int32_t) :: ul, ta
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hc = c_null_ptr
    st = uplo_code(uplo, ul)
    if (st == 0) st = trans_code(trans, ta)
    if (st == 0) st = wrap_c2(a, .true., ha)
    if (st == 0) st = wrap_c2(c, .false., hc)
    if (st == 0) st = c_herk(ul, ta, real(alpha, c_double), ha, real(beta, c_double), hc)
    call release(ha)
    call release(hc)
    call check(st, 'lapis_herk', stat, errmsg)
  end subroutine lapis_herk_c

  subroutine lapis_gemm_z(transa, transb, alpha, a, b, beta, c, stat, errmsg)
    character, intent(in) :: transa, transb
    complex(c_double_complex), intent(in) :: alpha, beta
    complex(c_double_complex), intent(in), target :: a(:,:), b(:,:)
    complex(c_double_complex), intent(inout), target :: c(:,:)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hb, hc
    integer(c_int32_t) :: ta, tb
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hb = c_null_ptr
    hc = c_null_ptr
    st = trans_code(transa, ta)
    if (st == 0) st = trans_code(transb, tb)
    if (st == 0) st = wrap_z2(a, .true., ha)
    if (st == 0) st = wrap_z2(b, .true., hb)
    if (st == 0) st = wrap_z2(c, .false., hc)
    if (st == 0) st = c_gemm(ta, tb, to_c128(alpha), ha, hb, to_c128(beta), hc)
    call release(ha)
    call release(hb)
    call release(hc)
    call check(st, 'lapis_gemm', stat, errmsg)
  end subroutine lapis_gemm_z

  subroutine lapis_gemv_z(trans, alpha, a, x, beta, y, stat, errmsg)
    character, intent(in) :: trans
    complex(c_double_complex), intent(in) :: alpha, beta
    complex(c_double_complex), intent(in), target :: a(:,:), x(:)
    complex(c_double_complex), intent(inout), target :: y(:)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hx, hy
    integer(c_int32_t) :: ta
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hx = c_null_ptr
    hy = c_null_ptr
    st = trans_code(trans, ta)
    if (st == 0) st = wrap_z2(a, .true., ha)
    if (st == 0) st = wrap_z1(x, .true., hx)
    if (st == 0) st = wrap_z1(y, .false., hy)
    if (st == 0) st = c_gemv(ta, to_c128(alpha), ha, hx, to_c128(beta), hy)
    call release(ha)
    call release(hx)
    call release(hy)
    call check(st, 'lapis_gemv', stat, errmsg)
  end subroutine lapis_gemv_z

  subroutine lapis_axpy_z(alpha, x, y, stat, errmsg)
    complex(c_double_complex), intent(in) :: alpha
    complex(c_double_complex), intent(in), target :: x(:)
    complex(c_double_complex), intent(inout), target :: y(:)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx, hy
    integer(c_int32_t) :: st
    hx = c_null_ptr
    hy = c_null_ptr
    st = wrap_z1(x, .true., hx)
    if (st == 0) st = wrap_z1(y, .false., hy)
    if (st == 0) st = c_axpy(to_c128(alpha), hx, hy)
    call release(hx)
    call release(hy)
    call check(st, 'lapis_axpy', stat, errmsg)
  end subroutine lapis_axpy_z

  subroutine lapis_scal_z(alpha, x, stat, errmsg)
    complex(c_double_complex), intent(in) :: alpha
    complex(c_double_complex), intent(inout), target :: x(:)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx
    integer(c_int32_t) :: st
    hx = c_null_ptr
    st = wrap_z1(x, .false., hx)
    if (st == 0) st = c_scal(to_c128(alpha), hx)
    call release(hx)
    call check(st, 'lapis_scal', stat, errmsg)
  end subroutine lapis_scal_z

  subroutine lapis_dot_z(x, y, res, stat, errmsg)
    complex(c_double_complex), intent(in), target :: x(:), y(:)
    complex(c_double_complex), intent(inout) :: res
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx, hy
    complex(c_double_complex) :: v
    integer(c_int32_t) :: st
    hx = c_null_ptr
    hy = c_null_ptr
    st = wrap_z1(x, .true., hx)
    if (st == 0) st = wrap_z1(y, .true., hy)
    if (st == 0) st = c_dot(hx, hy, v)
    if (st == 0) res = cmplx(v, kind=c_double_complex)
    call release(hx)
    call release(hy)
    call check(st, 'lapis_dot', stat, errmsg)
  end subroutine lapis_dot_z

  subroutine lapis_dotc_z(x, y, res, stat, errmsg)
    complex(c_double_complex), intent(in), target :: x(:), y(:)
    complex(c_double_complex), intent(inout) :: res
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx, hy
    complex(c_double_complex) :: v
    integer(c_int32_t) :: st
    hx = c_null_ptr
    hy = c_null_ptr
    st = wrap_z1(x, .true., hx)
    if (st == 0) st = wrap_z1(y, .true., hy)
    if (st == 0) st = c_dotc(hx, hy, v)
    if (st == 0) res = cmplx(v, kind=c_double_complex)
    call release(hx)
    call release(hy)
    call check(st, 'lapis_dotc', stat, errmsg)
  end subroutine lapis_dotc_z

  subroutine lapis_syrk_z(uplo, trans, alpha, a, beta, c, stat, errmsg)
    character, intent(in) :: uplo, trans
    complex(c_double_complex), intent(in) :: alpha, beta
    complex(c_double_complex), intent(in), target :: a(:,:)
    complex(c_double_complex), intent(inout), target :: c(:,:)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hc
    integer(c_int32_t) :: ul, ta
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hc = c_null_ptr
    st = uplo_code(uplo, ul)
    if (st == 0) st = trans_code(trans, ta)
    if (st == 0) st = wrap_z2(a, .true., ha)
    if (st == 0) st = wrap_z2(c, .false., hc)
    if (st == 0) st = c_syrk(ul, ta, to_c128(alpha), ha, to_c128(beta), hc)
    call release(ha)
    call release(hc)
    call check(st, 'lapis_syrk', stat, errmsg)
  end subroutine lapis_syrk_z

  subroutine lapis_herk_z(uplo, trans, alpha, a, beta, c, stat, errmsg)
    character, intent(in) :: uplo, trans
    real(c_double), intent(in) :: alpha, beta
    complex(c_double_complex), intent(in), target :: a(:,:)
    complex(c_double_complex), intent(inout), target :: c(:,:)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hc
    integer(c_int32_t) :: ul, ta
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hc = c_null_ptr
    st = uplo_code(uplo, ul)
    if (st == 0) st = trans_code(trans, ta)
    if (st == 0) st = wrap_z2(a, .true., ha)
    if (st == 0) st = wrap_z2(c, .false., hc)
    if (st == 0) st = c_herk(ul, ta, real(alpha, c_double), ha, real(beta, c_double), hc)
    call release(ha)
    call release(hc)
    call check(st, 'lapis_herk', stat, errmsg)
  end subroutine lapis_herk_z

  subroutine lapis_solve_s(a, b, x, stat, errmsg)
    real(c_float), intent(in), target :: a(:,:), b(..)
    real(c_float), intent(inout), target :: x(..)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hb, hr, hx
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hb = c_null_ptr
    hr = c_null_ptr
    hx = c_null_ptr
    st = wrap_s2(a, .true., ha)
    if (st == 0) st = wrap_s(b, .true., hb)
    if (st == 0) st = wrap_s(x, .false., hx)
    if (st == 0) st = c_solve(ha, hb, hr)
    if (st == 0) st = copy_out(hr, hx)
    call release(ha)
    call release(hb)
    call release(hr)
    call release(hx)
    call check(st, 'lapis_solve', stat, errmsg)
  end subroutine lapis_solve_s

  subroutine lapis_lstsq_s(a, b, x, rank, rcond, stat, errmsg)
    real(c_float), intent(in), target :: a(:,:), b(..)
    real(c_float), intent(inout), target :: x(..)
    integer, intent(out), optional :: rank
    real(c_double), intent(in), optional :: rcond
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hb, hx, hr, hres, hs
    real(c_double) :: rc
    integer(c_int32_t) :: kd
    integer(c_int64_t) :: rk
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hb = c_null_ptr
    hx = c_null_ptr
    hr = c_null_ptr
    hres = c_null_ptr
    hs = c_null_ptr
    kd = LAPIS_RCOND_DEFAULT
    rc = 0.0_c_double
    if (present(rcond)) then
      kd = LAPIS_RCOND_VALUE
      rc = rcond
    end if
    rk = 0
    st = 0
    if (st == 0) st = wrap_s2(a, .true., ha)
    if (st == 0) st = wrap_s(b, .true., hb)
    if (st == 0) st = wrap_s(x, .false., hx)
    if (st == 0) st = c_lstsq_rcond(ha, hb, kd, rc, hr, hres, rk, hs)
    if (st == 0) st = copy_out(hr, hx)
    if (st == 0 .and. present(rank)) rank = int(rk)
    call release(ha)
    call release(hb)
    call release(hx)
    call release(hr)
    call release(hres)
    call release(hs)
    call check(st, 'lapis_lstsq', stat, errmsg)
  end subroutine lapis_lstsq_s

  subroutine lapis_inv_s(a, ainv, stat, errmsg)
    real(c_float), intent(in), target :: a(:,:)
    real(c_float), intent(inout), target :: ainv(:,:)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hr, hx
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hr = c_null_ptr
    hx = c_null_ptr
    st = wrap_s2(a, .true., ha)
    if (st == 0) st = wrap_s2(ainv, .false., hx)
    if (st == 0) st = c_inv(ha, hr)
    if (st == 0) st = copy_out(hr, hx)
    call release(ha)
    call release(hr)
    call release(hx)
    call check(st, 'lapis_inv', stat, errmsg)
  end subroutine lapis_inv_s

  subroutine lapis_det_s(a, det, stat, errmsg)
    real(c_float), intent(in), target :: a(:,:)
    real(c_float), intent(inout) :: det
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha
    complex(c_double_complex) :: v
    integer(c_int32_t) :: st
    ha = c_null_ptr
    st = wrap_s2(a, .true., ha)
    if (st == 0) st = c_det_scalar(ha, v)
    if (st == 0) det = real(v, c_float)
    call release(ha)
    call check(st, 'lapis_det', stat, errmsg)
  end subroutine lapis_det_s

  subroutine lapis_cholesky_s(a, l, uplo, stat, errmsg)
    real(c_float), intent(in), target :: a(:,:)
    real(c_float), intent(inout), target :: l(:,:)
    character, intent(in), optional :: uplo
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hr, hx
    character :: ch
    integer(c_int32_t) :: ul
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hr = c_null_ptr
    hx = c_null_ptr
    ch = 'L'
    if (present(uplo)) ch = uplo
    st = uplo_code(ch, ul)
    if (st == 0) st = wrap_s2(a, .true., ha)
    if (st == 0) st = wrap_s2(l, .false., hx)
    if (st == 0) st = c_cholesky(ha, ul, hr)
    if (st == 0) st = copy_out(hr, hx)
    call release(ha)
    call release(hr)
    call release(hx)
    call check(st, 'lapis_cholesky', stat, errmsg)
  end subroutine lapis_cholesky_s

  subroutine lapis_eigh_s(a, w, v, uplo, stat, errmsg)
    real(c_float), intent(in), target :: a(:,:)
    real(c_float), intent(inout), target :: w(:)
    real(c_float), intent(inout), target, optional :: v(:,:)
    character, intent(in), optional :: uplo
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hw, hv, hxw, hxv
    character :: ch
    integer(c_int32_t) :: ul
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hw = c_null_ptr
    hv = c_null_ptr
    hxw = c_null_ptr
    hxv = c_null_ptr
    ch = 'L'
    if (present(uplo)) ch = uplo
    st = uplo_code(ch, ul)
    if (st == 0) st = wrap_s2(a, .true., ha)
    if (st == 0) st = wrap_s1(w, .false., hxw)
    if (st == 0) then
      if (present(v)) st = wrap_s2(v, .false., hxv)
    end if
    if (st == 0) st = c_eigh(ha, ul, hw, hv)
    if (st == 0) st = copy_out(hw, hxw)
    if (st == 0) then
      if (present(v)) st = copy_out(hv, hxv)
    end if
    call release(ha)
    call release(hw)
    call release(hv)
    call release(hxw)
    call release(hxv)
    call check(st, 'lapis_eigh', stat, errmsg)
  end subroutine lapis_eigh_s

  subroutine lapis_eigh_generalized_s(h, s, w, x, uplo, stat, errmsg)
    real(c_float), intent(in), target :: h(:,:), s(:,:)
    real(c_float), intent(inout), target :: w(:)
    real(c_float), intent(inout), target, optional :: x(:,:)
    character, intent(in), optional :: uplo
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hh, hs, hw, hv, hxw, hxv
    character :: ch
    integer(c_int32_t) :: ul
    integer(c_int32_t) :: st
    hh = c_null_ptr
    hs = c_null_ptr
    hw = c_null_ptr
    hv = c_null_ptr
    hxw = c_null_ptr
    hxv = c_null_ptr
    ch = 'L'
    if (present(uplo)) ch = uplo
    st = uplo_code(ch, ul)
    if (st == 0) st = wrap_s2(h, .true., hh)
    if (st == 0) st = wrap_s2(s, .true., hs)
    if (st == 0) st = wrap_s1(w, .false., hxw)
    if (st == 0) then
      if (present(x)) st = wrap_s2(x, .false., hxv)
    end if
    if (st == 0) st = c_eigh_generalized(hh, hs, ul, hw, hv)
    if (st == 0) st = copy_out(hw, hxw)
    if (st == 0) then
      if (present(x)) st = copy_out(hv, hxv)
    end if
    call release(hh)
    call release(hs)
    call release(hw)
    call release(hv)
    call release(hxw)
    call release(hxv)
    call check(st, 'lapis_eigh_generalized', stat, errmsg)
  end subroutine lapis_eigh_generalized_s

  subroutine lapis_svd_s(a, s, u, vt, full_matrices, stat, errmsg)
    real(c_float), intent(in), target :: a(:,:)
    real(c_float), intent(inout), target :: s(:)
    real(c_float), intent(inout), target, optional :: u(:,:), vt(:,:)
    logical, intent(in), optional :: full_matrices
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hu, hs, hv, hxs, hxu, hxv
    logical :: full
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hu = c_null_ptr
    hs = c_null_ptr
    hv = c_null_ptr
    hxs = c_null_ptr
    hxu = c_null_ptr
    hxv = c_null_ptr
    full = .false.
    if (present(full_matrices)) full = full_matrices
    st = 0
    if (st == 0) st = wrap_s2(a, .true., ha)
    if (st == 0) st = wrap_s1(s, .false., hxs)
    if (st == 0) then
      if (present(u)) st = wrap_s2(u, .false., hxu)
    end if
    if (st == 0) then
      if (present(vt)) st = wrap_s2(vt, .false., hxv)
    end if
    if (st == 0) st = c_svd(ha, logical(full, c_bool), logical(present(u) .or. present(vt), c_bool), hu, hs, hv)
    if (st == 0) st = copy_out(hs, hxs)
    if (st == 0) then
      if (present(u)) st = copy_out(hu, hxu)
    end if
    if (st == 0) then
      if (present(vt)) st = copy_out(hv, hxv)
    end if
    call release(ha)
    call release(hu)
    call release(hs)
    call release(hv)
    call release(hxs)
    call release(hxu)
    call release(hxv)
    call check(st, 'lapis_svd', stat, errmsg)
  end subroutine lapis_svd_s

  subroutine lapis_solve_d(a, b, x, stat, errmsg)
    real(c_double), intent(in), target :: a(:,:), b(..)
    real(c_double), intent(inout), target :: x(..)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hb, hr, hx
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hb = c_null_ptr
    hr = c_null_ptr
    hx = c_null_ptr
    st = wrap_d2(a, .true., ha)
    if (st == 0) st = wrap_d(b, .true., hb)
    if (st == 0) st = wrap_d(x, .false., hx)
    if (st == 0) st = c_solve(ha, hb, hr)
    if (st == 0) st = copy_out(hr, hx)
    call release(ha)
    call release(hb)
    call release(hr)
    call release(hx)
    call check(st, 'lapis_solve', stat, errmsg)
  end subroutine lapis_solve_d

  subroutine lapis_lstsq_d(a, b, x, rank, rcond, stat, errmsg)
    real(c_double), intent(in), target :: a(:,:), b(..)
    real(c_double), intent(inout), target :: x(..)
    integer, intent(out), optional :: rank
    real(c_double), intent(in), optional :: rcond
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hb, hx, hr, hres, hs
    real(c_double) :: rc
    integer(c_int32_t) :: kd
    integer(c_int64_t) :: rk
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hb = c_null_ptr
    hx = c_null_ptr
    hr = c_null_ptr
    hres = c_null_ptr
    hs = c_null_ptr
    kd = LAPIS_RCOND_DEFAULT
    rc = 0.0_c_double
    if (present(rcond)) then
      kd = LAPIS_RCOND_VALUE
      rc = rcond
    end if
    rk = 0
    st = 0
    if (st == 0) st = wrap_d2(a, .true., ha)
    if (st == 0) st = wrap_d(b, .true., hb)
    if (st == 0) st = wrap_d(x, .false., hx)
    if (st == 0) st = c_lstsq_rcond(ha, hb, kd, rc, hr, hres, rk, hs)
    if (st == 0) st = copy_out(hr, hx)
    if (st == 0 .and. present(rank)) rank = int(rk)
    call release(ha)
    call release(hb)
    call release(hx)
    call release(hr)
    call release(hres)
    call release(hs)
    call check(st, 'lapis_lstsq', stat, errmsg)
  end subroutine lapis_lstsq_d

  subroutine lapis_inv_d(a, ainv, stat, errmsg)
    real(c_double), intent(in), target :: a(:,:)
    real(c_double), intent(inout), target :: ainv(:,:)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hr, hx
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hr = c_null_ptr
    hx = c_null_ptr
    st = wrap_d2(a, .true., ha)
    if (st == 0) st = wrap_d2(ainv, .false., hx)
    if (st == 0) st = c_inv(ha, hr)
    if (st == 0) st = copy_out(hr, hx)
    call release(ha)
    call release(hr)
    call release(hx)
    call check(st, 'lapis_inv', stat, errmsg)
  end subroutine lapis_inv_d

  subroutine lapis_det_d(a, det, stat, errmsg)
    real(c_double), intent(in), target :: a(:,:)
    real(c_double), intent(inout) :: det
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha
    complex(c_double_complex) :: v
    integer(c_int32_t) :: st
    ha = c_null_ptr
    st = wrap_d2(a, .true., ha)
    if (st == 0) st = c_det_scalar(ha, v)
    if (st == 0) det = real(v, c_double)
    call release(ha)
    call check(st, 'lapis_det', stat, errmsg)
  end subroutine lapis_det_d

  subroutine lapis_cholesky_d(a, l, uplo, stat, errmsg)
    real(c_double), intent(in), target :: a(:,:)
    real(c_double), intent(inout), target :: l(:,:)
    character, intent(in), optional :: uplo
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hr, hx
    character :: ch
    integer(c_int32_t) :: ul
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hr = c_null_ptr
    hx = c_null_ptr
    ch = 'L'
    if (present(uplo)) ch = uplo
    st = uplo_code(ch, ul)
    if (st == 0) st = wrap_d2(a, .true., ha)
    if (st == 0) st = wrap_d2(l, .false., hx)
    if (st == 0) st = c_cholesky(ha, ul, hr)
    if (st == 0) st = copy_out(hr, hx)
    call release(ha)
    call release(hr)
    call release(hx)
    call check(st, 'lapis_cholesky', stat, errmsg)
  end subroutine lapis_cholesky_d

  subroutine lapis_eigh_d(a, w, v, uplo, stat, errmsg)
    real(c_double), intent(in), target :: a(:,:)
    real(c_double), intent(inout), target :: w(:)
    real(c_double), intent(inout), target, optional :: v(:,:)
    character, intent(in), optional :: uplo
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hw, hv, hxw, hxv
    character :: ch
    integer(c_int32_t) :: ul
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hw = c_null_ptr
    hv = c_null_ptr
    hxw = c_null_ptr
    hxv = c_null_ptr
    ch = 'L'
    if (present(uplo)) ch = uplo
    st = uplo_code(ch, ul)
    if (st == 0) st = wrap_d2(a, .true., ha)
    if (st == 0) st = wrap_d1(w, .false., hxw)
    if (st == 0) then
      if (present(v)) st = wrap_d2(v, .false., hxv)
    end if
    if (st == 0) st = c_eigh(ha, ul, hw, hv)
    if (st == 0) st = copy_out(hw, hxw)
    if (st == 0) then
      if (present(v)) st = copy_out(hv, hxv)
    end if
    call release(ha)
    call release(hw)
    call release(hv)
    call release(hxw)
    call release(hxv)
    call check(st, 'lapis_eigh', stat, errmsg)
  end subroutine lapis_eigh_d

  subroutine lapis_eigh_generalized_d(h, s, w, x, uplo, stat, errmsg)
    real(c_double), intent(in), target :: h(:,:), s(:,:)
    real(c_double), intent(inout), target :: w(:)
    real(c_double), intent(inout), target, optional :: x(:,:)
    character, intent(in), optional :: uplo
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hh, hs, hw, hv, hxw, hxv
    character :: ch
    integer(c_int32_t) :: ul
    integer(c_int32_t) :: st
    hh = c_null_ptr
    hs = c_null_ptr
    hw = c_null_ptr
    hv = c_null_ptr
    hxw = c_null_ptr
    hxv = c_null_ptr
    ch = 'L'
    if (present(uplo)) ch = uplo
    st = uplo_code(ch, ul)
    if (st == 0) st = wrap_d2(h, .true., hh)
    if (st == 0) st = wrap_d2(s, .true., hs)
    if (st == 0) st = wrap_d1(w, .false., hxw)
    if (st == 0) then
      if (present(x)) st = wrap_d2(x, .false., hxv)
    end if
    if (st == 0) st = c_eigh_generalized(hh, hs, ul, hw, hv)
    if (st == 0) st = copy_out(hw, hxw)
    if (st == 0) then
      if (present(x)) st = copy_out(hv, hxv)
    end if
    call release(hh)
    call release(hs)
    call release(hw)
    call release(hv)
    call release(hxw)
    call release(hxv)
    call check(st, 'lapis_eigh_generalized', stat, errmsg)
  end subroutine lapis_eigh_generalized_d

  subroutine lapis_svd_d(a, s, u, vt, full_matrices, stat, errmsg)
    real(c_double), intent(in), target :: a(:,:)
    real(c_double), intent(inout), target :: s(:)
    real(c_double), intent(inout), target, optional :: u(:,:), vt(:,:)
    logical, intent(in), optional :: full_matrices
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hu, hs, hv, hxs, hxu, hxv
    logical :: full
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hu = c_null_ptr
    hs = c_null_ptr
    hv = c_null_ptr
    hxs = c_null_ptr
    hxu = c_null_ptr
    hxv = c_null_ptr
    full = .false.
    if (present(full_matrices)) full = full_matrices
    st = 0
    if (st == 0) st = wrap_d2(a, .true., ha)
    if (st == 0) st = wrap_d1(s, .false., hxs)
    if (st == 0) then
      if (present(u)) st = wrap_d2(u, .false., hxu)
    end if
    if (st == 0) then
      if (present(vt)) st = wrap_d2(vt, .false., hxv)
    end if
    if (st == 0) st = c_svd(ha, logical(full, c_bool), logical(present(u) .or. present(vt), c_bool), hu, hs, hv)
    if (st == 0) st = copy_out(hs, hxs)
    if (st == 0) then
      if (present(u)) st = copy_out(hu, hxu)
    end if
    if (st == 0) then
      if (present(vt)) st = copy_out(hv, hxv)
    end if
    call release(ha)
    call release(hu)
    call release(hs)
    call release(hv)
    call release(hxs)
    call release(hxu)
    call release(hxv)
    call check(st, 'lapis_svd', stat, errmsg)
  end subroutine lapis_svd_d

  subroutine lapis_solve_c(a, b, x, stat, errmsg)
    complex(c_float_complex), intent(in), target :: a(:,:), b(..)
    complex(c_float_complex), intent(inout), target :: x(..)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hb, hr, hx
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hb = c_null_ptr
    hr = c_null_ptr
    hx = c_null_ptr
    st = wrap_c2(a, .true., ha)
    if (st == 0) st = wrap_c(b, .true., hb)
    if (st == 0) st = wrap_c(x, .false., hx)
    if (st == 0) st = c_solve(ha, hb, hr)
    if (st == 0) st = copy_out(hr, hx)
    call release(ha)
    call release(hb)
    call release(hr)
    call release(hx)
    call check(st, 'lapis_solve', stat, errmsg)
  end subroutine lapis_solve_c

  subroutine lapis_lstsq_c(a, b, x, rank, rcond, stat, errmsg)
    complex(c_float_complex), intent(in), target :: a(:,:), b(..)
    complex(c_float_complex), intent(inout), target :: x(..)
    integer, intent(out), optional :: rank
    real(c_double), intent(in), optional :: rcond
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hb, hx, hr, hres, hs
    real(c_double) :: rc
    integer(c_int32_t) :: kd
    integer(c_int64_t) :: rk
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hb = c_null_ptr
    hx = c_null_ptr
    hr = c_null_ptr
    hres = c_null_ptr
    hs = c_null_ptr
    kd = LAPIS_RCOND_DEFAULT
    rc = 0.0_c_double
    if (present(rcond)) then
      kd = LAPIS_RCOND_VALUE
      rc = rcond
    end if
    rk = 0
    st = 0
    if (st == 0) st = wrap_c2(a, .true., ha)
    if (st == 0) st = wrap_c(b, .true., hb)
    if (st == 0) st = wrap_c(x, .false., hx)
    if (st == 0) st = c_lstsq_rcond(ha, hb, kd, rc, hr, hres, rk, hs)
    if (st == 0) st = copy_out(hr, hx)
    if (st == 0 .and. present(rank)) rank = int(rk)
    call release(ha)
    call release(hb)
    call release(hx)
    call release(hr)
    call release(hres)
    call release(hs)
    call check(st, 'lapis_lstsq', stat, errmsg)
  end subroutine lapis_lstsq_c

  subroutine lapis_inv_c(a, ainv, stat, errmsg)
    complex(c_float_complex), intent(in), target :: a(:,:)
    complex(c_float_complex), intent(inout), target :: ainv(:,:)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hr, hx
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hr = c_null_ptr
    hx = c_null_ptr
    st = wrap_c2(a, .true., ha)
    if (st == 0) st = wrap_c2(ainv, .false., hx)
    if (st == 0) st = c_inv(ha, hr)
    if (st == 0) st = copy_out(hr, hx)
    call release(ha)
    call release(hr)
    call release(hx)
    call check(st, 'lapis_inv', stat, errmsg)
  end subroutine lapis_inv_c

  subroutine lapis_det_c(a, det, stat, errmsg)
    complex(c_float_complex), intent(in), target :: a(:,:)
    complex(c_float_complex), intent(inout) :: det
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha
    complex(c_double_complex) :: v
    integer(c_int32_t) :: st
    ha = c_null_ptr
    st = wrap_c2(a, .true., ha)
    if (st == 0) st = c_det_scalar(ha, v)
    if (st == 0) det = cmplx(v, kind=c_float_complex)
    call release(ha)
    call check(st, 'lapis_det', stat, errmsg)
  end subroutine lapis_det_c

  subroutine lapis_cholesky_c(a, l, uplo, stat, errmsg)
    complex(c_float_complex), intent(in), target :: a(:,:)
    complex(c_float_complex), intent(inout), target :: l(:,:)
    character, intent(in), optional :: uplo
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hr, hx
    character :: ch
    integer(c_int32_t) :: ul
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hr = c_null_ptr
    hx = c_null_ptr
    ch = 'L'
    if (present(uplo)) ch = uplo
    st = uplo_code(ch, ul)
    if (st == 0) st = wrap_c2(a, .true., ha)
    if (st == 0) st = wrap_c2(l, .false., hx)
    if (st == 0) st = c_cholesky(ha, ul, hr)
    if (st == 0) st = copy_out(hr, hx)
    call release(ha)
    call release(hr)
    call release(hx)
    call check(st, 'lapis_cholesky', stat, errmsg)
  end subroutine lapis_cholesky_c

  subroutine lapis_eigh_c(a, w, v, uplo, stat, errmsg)
    complex(c_float_complex), intent(in), target :: a(:,:)
    real(c_float), intent(inout), target :: w(:)
    complex(c_float_complex), intent(inout), target, optional :: v(:,:)
    character, intent(in), optional :: uplo
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hw, hv, hxw, hxv
    character :: ch
    integer(c_int32_t) :: ul
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hw = c_null_ptr
    hv = c_null_ptr
    hxw = c_null_ptr
    hxv = c_null_ptr
    ch = 'L'
    if (present(uplo)) ch = uplo
    st = uplo_code(ch, ul)
    if (st == 0) st = wrap_c2(a, .true., ha)
    if (st == 0) st = wrap_s1(w, .false., hxw)
    if (st == 0) then
      if (present(v)) st = wrap_c2(v, .false., hxv)
    end if
    if (st == 0) st = c_eigh(ha, ul, hw, hv)
    if (st == 0) st = copy_out(hw, hxw)
    if (st == 0) then
      if (present(v)) st = copy_out(hv, hxv)
    end if
    call release(ha)
    call release(hw)
    call release(hv)
    call release(hxw)
    call release(hxv)
    call check(st, 'lapis_eigh', stat, errmsg)
  end subroutine lapis_eigh_c

  subroutine lapis_eigh_generalized_c(h, s, w, x, uplo, stat, errmsg)
    complex(c_float_complex), intent(in), target :: h(:,:), s(:,:)
    real(c_float), intent(inout), target :: w(:)
    complex(c_float_complex), intent(inout), target, optional :: x(:,:)
    character, intent(in), optional :: uplo
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hh, hs, hw, hv, hxw, hxv
    character :: ch
    integer(c_int32_t) :: ul
    integer(c_int32_t) :: st
    hh = c_null_ptr
    hs = c_null_ptr
    hw = c_null_ptr
    hv = c_null_ptr
    hxw = c_null_ptr
    hxv = c_null_ptr
    ch = 'L'
    if (present(uplo)) ch = uplo
    st = uplo_code(ch, ul)
    if (st == 0) st = wrap_c2(h, .true., hh)
    if (st == 0) st = wrap_c2(s, .true., hs)
    if (st == 0) st = wrap_s1(w, .false., hxw)
    if (st == 0) then
      if (present(x)) st = wrap_c2(x, .false., hxv)
    end if
    if (st == 0) st = c_eigh_generalized(hh, hs, ul, hw, hv)
    if (st == 0) st = copy_out(hw, hxw)
    if (st == 0) then
      if (present(x)) st = copy_out(hv, hxv)
    end if
    call release(hh)
    call release(hs)
    call release(hw)
    call release(hv)
    call release(hxw)
    call release(hxv)
    call check(st, 'lapis_eigh_generalized', stat, errmsg)
  end subroutine lapis_eigh_generalized_c

  subroutine lapis_svd_c(a, s, u, vt, full_matrices, stat, errmsg)
    complex(c_float_complex), intent(in), target :: a(:,:)
    real(c_float), intent(inout), target :: s(:)
    complex(c_float_complex), intent(inout), target, optional :: u(:,:), vt(:,:)
    logical, intent(in), optional :: full_matrices
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hu, hs, hv, hxs, hxu, hxv
    logical :: full
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hu = c_null_ptr
    hs = c_null_ptr
    hv = c_null_ptr
    hxs = c_null_ptr
    hxu = c_null_ptr
    hxv = c_null_ptr
    full = .false.
    if (present(full_matrices)) full = full_matrices
    st = 0
    if (st == 0) st = wrap_c2(a, .true., ha)
    if (st == 0) st = wrap_s1(s, .false., hxs)
    if (st == 0) then
      if (present(u)) st = wrap_c2(u, .false., hxu)
    end if
    if (st == 0) then
      if (present(vt)) st = wrap_c2(vt, .false., hxv)
    end if
    if (st == 0) st = c_svd(ha, logical(full, c_bool), logical(present(u) .or. present(vt), c_bool), hu, hs, hv)
    if (st == 0) st = copy_out(hs, hxs)
    if (st == 0) then
      if (present(u)) st = copy_out(hu, hxu)
    end if
    if (st == 0) then
      if (present(vt)) st = copy_out(hv, hxv)
    end if
    call release(ha)
    call release(hu)
    call release(hs)
    call release(hv)
    call release(hxs)
    call release(hxu)
    call release(hxv)
    call check(st, 'lapis_svd', stat, errmsg)
  end subroutine lapis_svd_c

  subroutine lapis_solve_z(a, b, x, stat, errmsg)
    complex(c_double_complex), intent(in), target :: a(:,:), b(..)
    complex(c_double_complex), intent(inout), target :: x(..)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hb, hr, hx
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hb = c_null_ptr
    hr = c_null_ptr
    hx = c_null_ptr
    st = wrap_z2(a, .true., ha)
    if (st == 0) st = wrap_z(b, .true., hb)
    if (st == 0) st = wrap_z(x, .false., hx)
    if (st == 0) st = c_solve(ha, hb, hr)
    if (st == 0) st = copy_out(hr, hx)
    call release(ha)
    call release(hb)
    call release(hr)
    call release(hx)
    call check(st, 'lapis_solve', stat, errmsg)
  end subroutine lapis_solve_z

  subroutine lapis_lstsq_z(a, b, x, rank, rcond, stat, errmsg)
    complex(c_double_complex), intent(in), target :: a(:,:), b(..)
    complex(c_double_complex), intent(inout), target :: x(..)
    integer, intent(out), optional :: rank
    real(c_double), intent(in), optional :: rcond
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hb, hx, hr, hres, hs
    real(c_double) :: rc
    integer(c_int32_t) :: kd
    integer(c_int64_t) :: rk
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hb = c_null_ptr
    hx = c_null_ptr
    hr = c_null_ptr
    hres = c_null_ptr
    hs = c_null_ptr
    kd = LAPIS_RCOND_DEFAULT
    rc = 0.0_c_double
    if (present(rcond)) then
      kd = LAPIS_RCOND_VALUE
      rc = rcond
    end if
    rk = 0
    st = 0
    if (st == 0) st = wrap_z2(a, .true., ha)
    if (st == 0) st = wrap_z(b, .true., hb)
    if (st == 0) st = wrap_z(x, .false., hx)
    if (st == 0) st = c_lstsq_rcond(ha, hb, kd, rc, hr, hres, rk, hs)
    if (st == 0) st = copy_out(hr, hx)
    if (st == 0 .and. present(rank)) rank = int(rk)
    call release(ha)
    call release(hb)
    call release(hx)
    call release(hr)
    call release(hres)
    call release(hs)
    call check(st, 'lapis_lstsq', stat, errmsg)
  end subroutine lapis_lstsq_z

  subroutine lapis_inv_z(a, ainv, stat, errmsg)
    complex(c_double_complex), intent(in), target :: a(:,:)
    complex(c_double_complex), intent(inout), target :: ainv(:,:)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hr, hx
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hr = c_null_ptr
    hx = c_null_ptr
    st = wrap_z2(a, .true., ha)
    if (st == 0) st = wrap_z2(ainv, .false., hx)
    if (st == 0) st = c_inv(ha, hr)
    if (st == 0) st = copy_out(hr, hx)
    call release(ha)
    call release(hr)
    call release(hx)
    call check(st, 'lapis_inv', stat, errmsg)
  end subroutine lapis_inv_z

  subroutine lapis_det_z(a, det, stat, errmsg)
    complex(c_double_complex), intent(in), target :: a(:,:)
    complex(c_double_complex), intent(inout) :: det
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha
    complex(c_double_complex) :: v
    integer(c_int32_t) :: st
    ha = c_null_ptr
    st = wrap_z2(a, .true., ha)
    if (st == 0) st = c_det_scalar(ha, v)
    if (st == 0) det = cmplx(v, kind=c_double_complex)
    call release(ha)
    call check(st, 'lapis_det', stat, errmsg)
  end subroutine lapis_det_z

  subroutine lapis_cholesky_z(a, l, uplo, stat, errmsg)
    complex(c_double_complex), intent(in), target :: a(:,:)
    complex(c_double_complex), intent(inout), target :: l(:,:)
    character, intent(in), optional :: uplo
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hr, hx
    character :: ch
    integer(c_int32_t) :: ul
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hr = c_null_ptr
    hx = c_null_ptr
    ch = 'L'
    if (present(uplo)) ch = uplo
    st = uplo_code(ch, ul)
    if (st == 0) st = wrap_z2(a, .true., ha)
    if (st == 0) st = wrap_z2(l, .false., hx)
    if (st == 0) st = c_cholesky(ha, ul, hr)
    if (st == 0) st = copy_out(hr, hx)
    call release(ha)
    call release(hr)
    call release(hx)
    call check(st, 'lapis_cholesky', stat, errmsg)
  end subroutine lapis_cholesky_z

  subroutine lapis_eigh_z(a, w, v, uplo, stat, errmsg)
    complex(c_double_complex), intent(in), target :: a(:,:)
    real(c_double), intent(inout), target :: w(:)
    complex(c_double_complex), intent(inout), target, optional :: v(:,:)
    character, intent(in), optional :: uplo
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hw, hv, hxw, hxv
    character :: ch
    integer(c_int32_t) :: ul
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hw = c_null_ptr
    hv = c_null_ptr
    hxw = c_null_ptr
    hxv = c_null_ptr
    ch = 'L'
    if (present(uplo)) ch = uplo
    st = uplo_code(ch, ul)
    if (st == 0) st = wrap_z2(a, .true., ha)
    if (st == 0) st = wrap_d1(w, .false., hxw)
    if (st == 0) then
      if (present(v)) st = wrap_z2(v, .false., hxv)
    end if
    if (st == 0) st = c_eigh(ha, ul, hw, hv)
    if (st == 0) st = copy_out(hw, hxw)
    if (st == 0) then
      if (present(v)) st = copy_out(hv, hxv)
    end if
    call release(ha)
    call release(hw)
    call release(hv)
    call release(hxw)
    call release(hxv)
    call check(st, 'lapis_eigh', stat, errmsg)
  end subroutine lapis_eigh_z

  subroutine lapis_eigh_generalized_z(h, s, w, x, uplo, stat, errmsg)
    complex(c_double_complex), intent(in), target :: h(:,:), s(:,:)
    real(c_double), intent(inout), target :: w(:)
    complex(c_double_complex), intent(inout), target, optional :: x(:,:)
    character, intent(in), optional :: uplo
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hh, hs, hw, hv, hxw, hxv
    character :: ch
    integer(c_int32_t) :: ul
    integer(c_int32_t) :: st
    hh = c_null_ptr
    hs = c_null_ptr
    hw = c_null_ptr
    hv = c_null_ptr
    hxw = c_null_ptr
    hxv = c_null_ptr
    ch = 'L'
    if (present(uplo)) ch = uplo
    st = uplo_code(ch, ul)
    if (st == 0) st = wrap_z2(h, .true., hh)
    if (st == 0) st = wrap_z2(s, .true., hs)
    if (st == 0) st = wrap_d1(w, .false., hxw)
    if (st == 0) then
      if (present(x)) st = wrap_z2(x, .false., hxv)
    end if
    if (st == 0) st = c_eigh_generalized(hh, hs, ul, hw, hv)
    if (st == 0) st = copy_out(hw, hxw)
    if (st == 0) then
      if (present(x)) st = copy_out(hv, hxv)
    end if
    call release(hh)
    call release(hs)
    call release(hw)
    call release(hv)
    call release(hxw)
    call release(hxv)
    call check(st, 'lapis_eigh_generalized', stat, errmsg)
  end subroutine lapis_eigh_generalized_z

  subroutine lapis_svd_z(a, s, u, vt, full_matrices, stat, errmsg)
    complex(c_double_complex), intent(in), target :: a(:,:)
    real(c_double), intent(inout), target :: s(:)
    complex(c_double_complex), intent(inout), target, optional :: u(:,:), vt(:,:)
    logical, intent(in), optional :: full_matrices
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hu, hs, hv, hxs, hxu, hxv
    logical :: full
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hu = c_null_ptr
    hs = c_null_ptr
    hv = c_null_ptr
    hxs = c_null_ptr
    hxu = c_null_ptr
    hxv = c_null_ptr
    full = .false.
    if (present(full_matrices)) full = full_matrices
    st = 0
    if (st == 0) st = wrap_z2(a, .true., ha)
    if (st == 0) st = wrap_d1(s, .false., hxs)
    if (st == 0) then
      if (present(u)) st = wrap_z2(u, .false., hxu)
    end if
    if (st == 0) then
      if (present(vt)) st = wrap_z2(vt, .false., hxv)
    end if
    if (st == 0) st = c_svd(ha, logical(full, c_bool), logical(present(u) .or. present(vt), c_bool), hu, hs, hv)
    if (st == 0) st = copy_out(hs, hxs)
    if (st == 0) then
      if (present(u)) st = copy_out(hu, hxu)
    end if
    if (st == 0) then
      if (present(vt)) st = copy_out(hv, hxv)
    end if
    call release(ha)
    call release(hu)
    call release(hs)
    call release(hv)
    call release(hxs)
    call release(hxu)
    call release(hxv)
    call check(st, 'lapis_svd', stat, errmsg)
  end subroutine lapis_svd_z

  subroutine lapis_trsm_s(side, uplo, transa, diag, alpha, a, b, stat, errmsg)
    character, intent(in) :: side, uplo, transa, diag
    real(c_float), intent(in) :: alpha
    real(c_float), intent(in), target :: a(:,:)
    real(c_float), intent(inout), target :: b(:,:)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hb
    integer(c_int32_t) :: sd, ul, ta, dg
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hb = c_null_ptr
    st = side_code(side, sd)
    if (st == 0) st = uplo_code(uplo, ul)
    if (st == 0) st = trans_code(transa, ta)
    if (st == 0) st = diag_code(diag, dg)
    if (st == 0) st = wrap_s2(a, .true., ha)
    if (st == 0) st = wrap_s2(b, .false., hb)
    if (st == 0) st = c_trsm(sd, ul, ta, dg, to_c128(alpha), ha, hb)
    call release(ha)
    call release(hb)
    call check(st, 'lapis_trsm', stat, errmsg)
  end subroutine lapis_trsm_s

  subroutine lapis_solve_triangular_s(a, b, x, uplo, trans, unit_diagonal, stat, errmsg)
    real(c_float), intent(in), target :: a(:,:), b(..)
    real(c_float), intent(inout), target :: x(..)
    character, intent(in) :: uplo
    character, intent(in), optional :: trans
    logical, intent(in), optional :: unit_diagonal
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hb, hr, hx
    character :: tc
    integer(c_int32_t) :: ul, ta, dg
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hb = c_null_ptr
    hr = c_null_ptr
    hx = c_null_ptr
    tc = 'N'
    if (present(trans)) tc = trans
    dg = 0
    if (present(unit_diagonal)) then
      if (unit_diagonal) dg = 1
    end if
    st = 0
    if (st == 0) st = uplo_code(uplo, ul)
    if (st == 0) st = trans_code(tc, ta)
    if (st == 0) st = wrap_s2(a, .true., ha)
    if (st == 0) st = wrap_s(b, .true., hb)
    if (st == 0) st = wrap_s(x, .false., hx)
    if (st == 0) st = c_solve_triangular(ha, hb, ul, ta, dg, hr)
    if (st == 0) st = copy_out(hr, hx)
    call release(ha)
    call release(hb)
    call release(hr)
    call release(hx)
    call check(st, 'lapis_solve_triangular', stat, errmsg)
  end subroutine lapis_solve_triangular_s

  subroutine lapis_cholesky_inplace_s(a, uplo, stat, errmsg)
    real(c_float), intent(inout), target :: a(:,:)
    character, intent(in), optional :: uplo
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha
    character :: ch
    integer(c_int32_t) :: ul
    integer(c_int32_t) :: st
    ha = c_null_ptr
    ch = 'L'
    if (present(uplo)) ch = uplo
    st = uplo_code(ch, ul)
    if (st == 0) st = wrap_s2(a, .false., ha)
    if (st == 0) st = c_cholesky_inplace(ha, ul)
    call release(ha)
    call check(st, 'lapis_cholesky_inplace', stat, errmsg)
  end subroutine lapis_cholesky_inplace_s

  subroutine lapis_eigh_generalized_subset_s(h, s, w, x, itype, il, iu, vl, vu, m, uplo, stat, errmsg)
    real(c_float), intent(in), target :: h(:,:), s(:,:)
    real(c_float), intent(inout), target :: w(:)
    real(c_float), intent(inout), target, optional :: x(:,:)
    integer, intent(in), optional :: itype, il, iu
    real(c_float), intent(in), optional :: vl, vu
    integer, intent(out), optional :: m
    character, intent(in), optional :: uplo
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hh, hs, hw, hv, hxw, hxv
    character :: ch
    integer(c_int32_t) :: ul, it, rg
    real(c_double) :: lo, hi
    integer(c_int64_t) :: cnt(1)
    integer(c_int32_t) :: st
    hh = c_null_ptr
    hs = c_null_ptr
    hw = c_null_ptr
    hv = c_null_ptr
    hxw = c_null_ptr
    hxv = c_null_ptr
    ch = 'L'
    if (present(uplo)) ch = uplo
    st = uplo_code(ch, ul)
    it = 1
    if (present(itype)) it = int(itype, c_int32_t)
    rg = LAPIS_EIG_ALL
    lo = 0
    hi = 0
    cnt = 0
    if (st == 0 .and. ((present(il) .neqv. present(iu)) .or. (present(vl) .neqv. present(vu)) &
        .or. (present(il) .and. present(vl)))) then
      st = LAPIS_ERR_INVALID_ARGUMENT
      call set_pending('give both il and iu, or both vl and vu, or neither pair')
    end if
    if (present(il) .and. present(iu)) then
      rg = LAPIS_EIG_INDEX
      lo = real(il - 1, c_double)
      hi = real(iu - 1, c_double)
    else if (present(vl) .and. present(vu)) then
      rg = LAPIS_EIG_VALUE
      lo = real(vl, c_double)
      hi = real(vu, c_double)
    end if
    if (st == 0) st = wrap_s2(h, .true., hh)
    if (st == 0) st = wrap_s2(s, .true., hs)
    if (st == 0) st = c_eigh_generalized_subset(hh, hs, ul, it, rg, lo, hi, hw, hv)
    if (st == 0) st = c_shape(hw, cnt, 1_c_int64_t)
    if (st == 0) then
      if (cnt(1) > size(w, kind=c_int64_t)) then
        st = LAPIS_ERR_SHAPE_MISMATCH
        call set_pending('w has fewer entries than the eigenvalues selected')
      end if
    end if
    if (st == 0) st = wrap_s1(w(1:cnt(1)), .false., hxw)
    if (st == 0) st = copy_out(hw, hxw)
    if (st == 0) then
      if (present(x)) then
        if (cnt(1) > size(x, 2, kind=c_int64_t)) then
          st = LAPIS_ERR_SHAPE_MISMATCH
          call set_pending('x has fewer columns than the eigenvalues selected')
        end if
        if (st == 0) st = wrap_s2(x(:, 1:cnt(1)), .false., hxv)
        if (st == 0) st = copy_out(hv, hxv)
      end if
    end if
    if (st == 0 .and. present(m)) m = int(cnt(1))
    call release(hh)
    call release(hs)
    call release(hw)
    call release(hv)
    call release(hxw)
    call release(hxv)
    call check(st, 'lapis_eigh_generalized_subset', stat, errmsg)
  end subroutine lapis_eigh_generalized_subset_s

  subroutine lapis_trsm_d(side, uplo, transa, diag, alpha, a, b, stat, errmsg)
    character, intent(in) :: side, uplo, transa, diag
    real(c_double), intent(in) :: alpha
    real(c_double), intent(in), target :: a(:,:)
    real(c_double), intent(inout), target :: b(:,:)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hb
    integer(c_int32_t) :: sd, ul, ta, dg
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hb = c_null_ptr
    st = side_code(side, sd)
    if (st == 0) st = uplo_code(uplo, ul)
    if (st == 0) st = trans_code(transa, ta)
    if (st == 0) st = diag_code(diag, dg)
    if (st == 0) st = wrap_d2(a, .true., ha)
    if (st == 0) st = wrap_d2(b, .false., hb)
    if (st == 0) st = c_trsm(sd, ul, ta, dg, to_c128(alpha), ha, hb)
    call release(ha)
    call release(hb)
    call check(st, 'lapis_trsm', stat, errmsg)
  end subroutine lapis_trsm_d

  subroutine lapis_solve_triangular_d(a, b, x, uplo, trans, unit_diagonal, stat, errmsg)
    real(c_double), intent(in), target :: a(:,:), b(..)
    real(c_double), intent(inout), target :: x(..)
    character, intent(in) :: uplo
    character, intent(in), optional :: trans
    logical, intent(in), optional :: unit_diagonal
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hb, hr, hx
    character :: tc
    integer(c_int32_t) :: ul, ta, dg
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hb = c_null_ptr
    hr = c_null_ptr
    hx = c_null_ptr
    tc = 'N'
    if (present(trans)) tc = trans
    dg = 0
    if (present(unit_diagonal)) then
      if (unit_diagonal) dg = 1
    end if
    st = 0
    if (st == 0) st = uplo_code(uplo, ul)
    if (st == 0) st = trans_code(tc, ta)
    if (st == 0) st = wrap_d2(a, .true., ha)
    if (st == 0) st = wrap_d(b, .true., hb)
    if (st == 0) st = wrap_d(x, .false., hx)
    if (st == 0) st = c_solve_triangular(ha, hb, ul, ta, dg, hr)
    if (st == 0) st = copy_out(hr, hx)
    call release(ha)
    call release(hb)
    call release(hr)
    call release(hx)
    call check(st, 'lapis_solve_triangular', stat, errmsg)
  end subroutine lapis_solve_triangular_d

  subroutine lapis_cholesky_inplace_d(a, uplo, stat, errmsg)
    real(c_double), intent(inout), target :: a(:,:)
    character, intent(in), optional :: uplo
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha
    character :: ch
    integer(c_int32_t) :: ul
    integer(c_int32_t) :: st
    ha = c_null_ptr
    ch = 'L'
    if (present(uplo)) ch = uplo
    st = uplo_code(ch, ul)
    if (st == 0) st = wrap_d2(a, .false., ha)
    if (st == 0) st = c_cholesky_inplace(ha, ul)
    call release(ha)
    call check(st, 'lapis_cholesky_inplace', stat, errmsg)
  end subroutine lapis_cholesky_inplace_d

  subroutine lapis_eigh_generalized_subset_d(h, s, w, x, itype, il, iu, vl, vu, m, uplo, stat, errmsg)
    real(c_double), intent(in), target :: h(:,:), s(:,:)
    real(c_double), intent(inout), target :: w(:)
    real(c_double), intent(inout), target, optional :: x(:,:)
    integer, intent(in), optional :: itype, il, iu
    real(c_double), intent(in), optional :: vl, vu
    integer, intent(out), optional :: m
    character, intent(in), optional :: uplo
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hh, hs, hw, hv, hxw, hxv
    character :: ch
    integer(c_int32_t) :: ul, it, rg
    real(c_double) :: lo, hi
    integer(c_int64_t) :: cnt(1)
    integer(c_int32_t) :: st
    hh = c_null_ptr
    hs = c_null_ptr
    hw = c_null_ptr
    hv = c_null_ptr
    hxw = c_null_ptr
    hxv = c_null_ptr
    ch = 'L'
    if (present(uplo)) ch = uplo
    st = uplo_code(ch, ul)
    it = 1
    if (present(itype)) it = int(itype, c_int32_t)
    rg = LAPIS_EIG_ALL
    lo = 0
    hi = 0
    cnt = 0
    if (st == 0 .and. ((present(il) .neqv. present(iu)) .or. (present(vl) .neqv. present(vu)) &
        .or. (present(il) .and. present(vl)))) then
      st = LAPIS_ERR_INVALID_ARGUMENT
      call set_pending('give both il and iu, or both vl and vu, or neither pair')
    end if
    if (present(il) .and. present(iu)) then
      rg = LAPIS_EIG_INDEX
      lo = real(il - 1, c_double)
      hi = real(iu - 1, c_double)
    else if (present(vl) .and. present(vu)) then
      rg = LAPIS_EIG_VALUE
      lo = real(vl, c_double)
      hi = real(vu, c_double)
    end if
    if (st == 0) st = wrap_d2(h, .true., hh)
    if (st == 0) st = wrap_d2(s, .true., hs)
    if (st == 0) st = c_eigh_generalized_subset(hh, hs, ul, it, rg, lo, hi, hw, hv)
    if (st == 0) st = c_shape(hw, cnt, 1_c_int64_t)
    if (st == 0) then
      if (cnt(1) > size(w, kind=c_int64_t)) then
        st = LAPIS_ERR_SHAPE_MISMATCH
        call set_pending('w has fewer entries than the eigenvalues selected')
      end if
    end if
    if (st == 0) st = wrap_d1(w(1:cnt(1)), .false., hxw)
    if (st == 0) st = copy_out(hw, hxw)
    if (st == 0) then
      if (present(x)) then
        if (cnt(1) > size(x, 2, kind=c_int64_t)) then
          st = LAPIS_ERR_SHAPE_MISMATCH
          call set_pending('x has fewer columns than the eigenvalues selected')
        end if
        if (st == 0) st = wrap_d2(x(:, 1:cnt(1)), .false., hxv)
        if (st == 0) st = copy_out(hv, hxv)
      end if
    end if
    if (st == 0 .and. present(m)) m = int(cnt(1))
    call release(hh)
    call release(hs)
    call release(hw)
    call release(hv)
    call release(hxw)
    call release(hxv)
    call check(st, 'lapis_eigh_generalized_subset', stat, errmsg)
  end subroutine lapis_eigh_generalized_subset_d

  subroutine lapis_trsm_c(side, uplo, transa, diag, alpha, a, b, stat, errmsg)
    character, intent(in) :: side, uplo, transa, diag
    complex(c_float_complex), intent(in) :: alpha
    complex(c_float_complex), intent(in), target :: a(:,:)
    complex(c_float_complex), intent(inout), target :: b(:,:)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hb
    integer(c_int32_t) :: sd, ul, ta, dg
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hb = c_null_ptr
    st = side_code(side, sd)
    if (st == 0) st = uplo_code(uplo, ul)
    if (st == 0) st = trans_code(transa, ta)
    if (st == 0) st = diag_code(diag, dg)
    if (st == 0) st = wrap_c2(a, .true., ha)
    if (st == 0) st = wrap_c2(b, .false., hb)
    if (st == 0) st = c_trsm(sd, ul, ta, dg, to_c128(alpha), ha, hb)
    call release(ha)
    call release(hb)
    call check(st, 'lapis_trsm', stat, errmsg)
  end subroutine lapis_trsm_c

  subroutine lapis_solve_triangular_c(a, b, x, uplo, trans, unit_diagonal, stat, errmsg)
    complex(c_float_complex), intent(in), target :: a(:,:), b(..)
    complex(c_float_complex), intent(inout), target :: x(..)
    character, intent(in) :: uplo
    character, intent(in), optional :: trans
    logical, intent(in), optional :: unit_diagonal
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hb, hr, hx
    character :: tc
    integer(c_int32_t) :: ul, ta, dg
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hb = c_null_ptr
    hr = c_null_ptr
    hx = c_null_ptr
    tc = 'N'
    if (present(trans)) tc = trans
    dg = 0
    if (present(unit_diagonal)) then
      if (unit_diagonal) dg = 1
    end if
    st = 0
    if (st == 0) st = uplo_code(uplo, ul)
    if (st == 0) st = trans_code(tc, ta)
    if (st == 0) st = wrap_c2(a, .true., ha)
    if (st == 0) st = wrap_c(b, .true., hb)
    if (st == 0) st = wrap_c(x, .false., hx)
    if (st == 0) st = c_solve_triangular(ha, hb, ul, ta, dg, hr)
    if (st == 0) st = copy_out(hr, hx)
    call release(ha)
    call release(hb)
    call release(hr)
    call release(hx)
    call check(st, 'lapis_solve_triangular', stat, errmsg)
  end subroutine lapis_solve_triangular_c

  subroutine lapis_cholesky_inplace_c(a, uplo, stat, errmsg)
    complex(c_float_complex), intent(inout), target :: a(:,:)
    character, intent(in), optional :: uplo
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha
    character :: ch
    integer(c_int32_t) :: ul
    integer(c_int32_t) :: st
    ha = c_null_ptr
    ch = 'L'
    if (present(uplo)) ch = uplo
    st = uplo_code(ch, ul)
    if (st == 0) st = wrap_c2(a, .false., ha)
    if (st == 0) st = c_cholesky_inplace(ha, ul)
    call release(ha)
    call check(st, 'lapis_cholesky_inplace', stat, errmsg)
  end subroutine lapis_cholesky_inplace_c

  subroutine lapis_eigh_generalized_subset_c(h, s, w, x, itype, il, iu, vl, vu, m, uplo, stat, errmsg)
    complex(c_float_complex), intent(in), target :: h(:,:), s(:,:)
    real(c_float), intent(inout), target :: w(:)
    complex(c_float_complex), intent(inout), target, optional :: x(:,:)
    integer, intent(in), optional :: itype, il, iu
    real(c_float), intent(in), optional :: vl, vu
    integer, intent(out), optional :: m
    character, intent(in), optional :: uplo
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hh, hs, hw, hv, hxw, hxv
    character :: ch
    integer(c_int32_t) :: ul, it, rg
    real(c_double) :: lo, hi
    integer(c_int64_t) :: cnt(1)
    integer(c_int32_t) :: st
    hh = c_null_ptr
    hs = c_null_ptr
    hw = c_null_ptr
    hv = c_null_ptr
    hxw = c_null_ptr
    hxv = c_null_ptr
    ch = 'L'
    if (present(uplo)) ch = uplo
    st = uplo_code(ch, ul)
    it = 1
    if (present(itype)) it = int(itype, c_int32_t)
    rg = LAPIS_EIG_ALL
    lo = 0
    hi = 0
    cnt = 0
    if (st == 0 .and. ((present(il) .neqv. present(iu)) .or. (present(vl) .neqv. present(vu)) &
        .or. (present(il) .and. present(vl)))) then
      st = LAPIS_ERR_INVALID_ARGUMENT
      call set_pending('give both il and iu, or both vl and vu, or neither pair')
    end if
    if (present(il) .and. present(iu)) then
      rg = LAPIS_EIG_INDEX
      lo = real(il - 1, c_double)
      hi = real(iu - 1, c_double)
    else if (present(vl) .and. present(vu)) then
      rg = LAPIS_EIG_VALUE
      lo = real(vl, c_double)
      hi = real(vu, c_double)
    end if
    if (st == 0) st = wrap_c2(h, .true., hh)
    if (st == 0) st = wrap_c2(s, .true., hs)
    if (st == 0) st = c_eigh_generalized_subset(hh, hs, ul, it, rg, lo, hi, hw, hv)
    if (st == 0) st = c_shape(hw, cnt, 1_c_int64_t)
    if (st == 0) then
      if (cnt(1) > size(w, kind=c_int64_t)) then
        st = LAPIS_ERR_SHAPE_MISMATCH
        call set_pending('w has fewer entries than the eigenvalues selected')
      end if
    end if
    if (st == 0) st = wrap_s1(w(1:cnt(1)), .false., hxw)
    if (st == 0) st = copy_out(hw, hxw)
    if (st == 0) then
      if (present(x)) then
        if (cnt(1) > size(x, 2, kind=c_int64_t)) then
          st = LAPIS_ERR_SHAPE_MISMATCH
          call set_pending('x has fewer columns than the eigenvalues selected')
        end if
        if (st == 0) st = wrap_c2(x(:, 1:cnt(1)), .false., hxv)
        if (st == 0) st = copy_out(hv, hxv)
      end if
    end if
    if (st == 0 .and. present(m)) m = int(cnt(1))
    call release(hh)
    call release(hs)
    call release(hw)
    call release(hv)
    call release(hxw)
    call release(hxv)
    call check(st, 'lapis_eigh_generalized_subset', stat, errmsg)
  end subroutine lapis_eigh_generalized_subset_c

  subroutine lapis_trsm_z(side, uplo, transa, diag, alpha, a, b, stat, errmsg)
    character, intent(in) :: side, uplo, transa, diag
    complex(c_double_complex), intent(in) :: alpha
    complex(c_double_complex), intent(in), target :: a(:,:)
    complex(c_double_complex), intent(inout), target :: b(:,:)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hb
    integer(c_int32_t) :: sd, ul, ta, dg
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hb = c_null_ptr
    st = side_code(side, sd)
    if (st == 0) st = uplo_code(uplo, ul)
    if (st == 0) st = trans_code(transa, ta)
    if (st == 0) st = diag_code(diag, dg)
    if (st == 0) st = wrap_z2(a, .true., ha)
    if (st == 0) st = wrap_z2(b, .false., hb)
    if (st == 0) st = c_trsm(sd, ul, ta, dg, to_c128(alpha), ha, hb)
    call release(ha)
    call release(hb)
    call check(st, 'lapis_trsm', stat, errmsg)
  end subroutine lapis_trsm_z

  subroutine lapis_solve_triangular_z(a, b, x, uplo, trans, unit_diagonal, stat, errmsg)
    complex(c_double_complex), intent(in), target :: a(:,:), b(..)
    complex(c_double_complex), intent(inout), target :: x(..)
    character, intent(in) :: uplo
    character, intent(in), optional :: trans
    logical, intent(in), optional :: unit_diagonal
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hb, hr, hx
    character :: tc
    integer(c_int32_t) :: ul, ta, dg
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hb = c_null_ptr
    hr = c_null_ptr
    hx = c_null_ptr
    tc = 'N'
    if (present(trans)) tc = trans
    dg = 0
    if (present(unit_diagonal)) then
      if (unit_diagonal) dg = 1
    end if
    st = 0
    if (st == 0) st = uplo_code(uplo, ul)
    if (st == 0) st = trans_code(tc, ta)
    if (st == 0) st = wrap_z2(a, .true., ha)
    if (st == 0) st = wrap_z(b, .true., hb)
    if (st == 0) st = wrap_z(x, .false., hx)
    if (st == 0) st = c_solve_triangular(ha, hb, ul, ta, dg, hr)
    if (st == 0) st = copy_out(hr, hx)
    call release(ha)
    call release(hb)
    call release(hr)
    call release(hx)
    call check(st, 'lapis_solve_triangular', stat, errmsg)
  end subroutine lapis_solve_triangular_z

  subroutine lapis_cholesky_inplace_z(a, uplo, stat, errmsg)
    complex(c_double_complex), intent(inout), target :: a(:,:)
    character, intent(in), optional :: uplo
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha
    character :: ch
    integer(c_int32_t) :: ul
    integer(c_int32_t) :: st
    ha = c_null_ptr
    ch = 'L'
    if (present(uplo)) ch = uplo
    st = uplo_code(ch, ul)
    if (st == 0) st = wrap_z2(a, .false., ha)
    if (st == 0) st = c_cholesky_inplace(ha, ul)
    call release(ha)
    call check(st, 'lapis_cholesky_inplace', stat, errmsg)
  end subroutine lapis_cholesky_inplace_z

  subroutine lapis_eigh_generalized_subset_z(h, s, w, x, itype, il, iu, vl, vu, m, uplo, stat, errmsg)
    complex(c_double_complex), intent(in), target :: h(:,:), s(:,:)
    real(c_double), intent(inout), target :: w(:)
    complex(c_double_complex), intent(inout), target, optional :: x(:,:)
    integer, intent(in), optional :: itype, il, iu
    real(c_double), intent(in), optional :: vl, vu
    integer, intent(out), optional :: m
    character, intent(in), optional :: uplo
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hh, hs, hw, hv, hxw, hxv
    character :: ch
    integer(c_int32_t) :: ul, it, rg
    real(c_double) :: lo, hi
    integer(c_int64_t) :: cnt(1)
    integer(c_int32_t) :: st
    hh = c_null_ptr
    hs = c_null_ptr
    hw = c_null_ptr
    hv = c_null_ptr
    hxw = c_null_ptr
    hxv = c_null_ptr
    ch = 'L'
    if (present(uplo)) ch = uplo
    st = uplo_code(ch, ul)
    it = 1
    if (present(itype)) it = int(itype, c_int32_t)
    rg = LAPIS_EIG_ALL
    lo = 0
    hi = 0
    cnt = 0
    if (st == 0 .and. ((present(il) .neqv. present(iu)) .or. (present(vl) .neqv. present(vu)) &
        .or. (present(il) .and. present(vl)))) then
      st = LAPIS_ERR_INVALID_ARGUMENT
      call set_pending('give both il and iu, or both vl and vu, or neither pair')
    end if
    if (present(il) .and. present(iu)) then
      rg = LAPIS_EIG_INDEX
      lo = real(il - 1, c_double)
      hi = real(iu - 1, c_double)
    else if (present(vl) .and. present(vu)) then
      rg = LAPIS_EIG_VALUE
      lo = real(vl, c_double)
      hi = real(vu, c_double)
    end if
    if (st == 0) st = wrap_z2(h, .true., hh)
    if (st == 0) st = wrap_z2(s, .true., hs)
    if (st == 0) st = c_eigh_generalized_subset(hh, hs, ul, it, rg, lo, hi, hw, hv)
    if (st == 0) st = c_shape(hw, cnt, 1_c_int64_t)
    if (st == 0) then
      if (cnt(1) > size(w, kind=c_int64_t)) then
        st = LAPIS_ERR_SHAPE_MISMATCH
        call set_pending('w has fewer entries than the eigenvalues selected')
      end if
    end if
    if (st == 0) st = wrap_d1(w(1:cnt(1)), .false., hxw)
    if (st == 0) st = copy_out(hw, hxw)
    if (st == 0) then
      if (present(x)) then
        if (cnt(1) > size(x, 2, kind=c_int64_t)) then
          st = LAPIS_ERR_SHAPE_MISMATCH
          call set_pending('x has fewer columns than the eigenvalues selected')
        end if
        if (st == 0) st = wrap_z2(x(:, 1:cnt(1)), .false., hxv)
        if (st == 0) st = copy_out(hv, hxv)
      end if
    end if
    if (st == 0 .and. present(m)) m = int(cnt(1))
    call release(hh)
    call release(hs)
    call release(hw)
    call release(hv)
    call release(hxw)
    call release(hxv)
    call check(st, 'lapis_eigh_generalized_subset', stat, errmsg)
  end subroutine lapis_eigh_generalized_subset_z

  subroutine lapis_cho_factor_s(a, c, uplo, stat, errmsg)
    real(c_float), intent(in), target :: a(:,:)
    real(c_float), intent(inout), target :: c(:,:)
    character, intent(in), optional :: uplo
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hr, hx
    character :: ch
    integer(c_int32_t) :: ul
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hr = c_null_ptr
    hx = c_null_ptr
    ch = 'L'
    if (present(uplo)) ch = uplo
    st = uplo_code(ch, ul)
    if (st == 0) st = wrap_s2(a, .true., ha)
    if (st == 0) st = wrap_s2(c, .false., hx)
    if (st == 0) st = c_cho_factor(ha, ul, hr)
    if (st == 0) st = copy_out(hr, hx)
    call release(ha)
    call release(hr)
    call release(hx)
    call check(st, 'lapis_cho_factor', stat, errmsg)
  end subroutine lapis_cho_factor_s

  subroutine lapis_cho_solve_s(c, b, x, uplo, stat, errmsg)
    real(c_float), intent(in), target :: c(:,:), b(..)
    real(c_float), intent(inout), target :: x(..)
    character, intent(in), optional :: uplo
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hc, hb, hr, hx
    character :: ch
    integer(c_int32_t) :: ul
    integer(c_int32_t) :: st
    hc = c_null_ptr
    hb = c_null_ptr
    hr = c_null_ptr
    hx = c_null_ptr
    ch = 'L'
    if (present(uplo)) ch = uplo
    st = uplo_code(ch, ul)
    if (st == 0) st = wrap_s2(c, .true., hc)
    if (st == 0) st = wrap_s(b, .true., hb)
    if (st == 0) st = wrap_s(x, .false., hx)
    if (st == 0) st = c_cho_solve(hc, ul, hb, hr)
    if (st == 0) st = copy_out(hr, hx)
    call release(hc)
    call release(hb)
    call release(hr)
    call release(hx)
    call check(st, 'lapis_cho_solve', stat, errmsg)
  end subroutine lapis_cho_solve_s

  subroutine lapis_lu_factor_s(a, lu, ipiv, stat, errmsg)
    real(c_float), intent(in), target :: a(:,:)
    real(c_float), intent(inout), target :: lu(:,:)
    integer, intent(inout) :: ipiv(:)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hr, hx
    integer(c_int64_t), allocatable :: piv(:)
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hr = c_null_ptr
    hx = c_null_ptr
    allocate(piv(size(ipiv)))
    st = 0
    if (st == 0) st = wrap_s2(a, .true., ha)
    if (st == 0) st = wrap_s2(lu, .false., hx)
    if (st == 0) st = c_lu_factor(ha, hr, piv, size(piv, kind=c_int64_t))
    if (st == 0) st = copy_out(hr, hx)
    if (st == 0) ipiv = int(piv) + 1
    call release(ha)
    call release(hr)
    call release(hx)
    call check(st, 'lapis_lu_factor', stat, errmsg)
  end subroutine lapis_lu_factor_s

  subroutine lapis_lu_solve_s(lu, ipiv, b, x, trans, stat, errmsg)
    real(c_float), intent(in), target :: lu(:,:), b(..)
    integer, intent(in) :: ipiv(:)
    real(c_float), intent(inout), target :: x(..)
    character, intent(in), optional :: trans
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hl, hb, hr, hx
    character :: tc
    integer(c_int32_t) :: ta
    integer(c_int64_t) :: piv(size(ipiv))
    integer(c_int32_t) :: st
    hl = c_null_ptr
    hb = c_null_ptr
    hr = c_null_ptr
    hx = c_null_ptr
    tc = 'N'
    if (present(trans)) tc = trans
    piv = int(ipiv, c_int64_t) - 1
    st = 0
    if (st == 0) st = trans_code(tc, ta)
    if (st == 0) st = wrap_s2(lu, .true., hl)
    if (st == 0) st = wrap_s(b, .true., hb)
    if (st == 0) st = wrap_s(x, .false., hx)
    if (st == 0) st = c_lu_solve(hl, size(piv, kind=c_int64_t), piv, hb, ta, hr)
    if (st == 0) st = copy_out(hr, hx)
    call release(hl)
    call release(hb)
    call release(hr)
    call release(hx)
    call check(st, 'lapis_lu_solve', stat, errmsg)
  end subroutine lapis_lu_solve_s

  subroutine lapis_qr_raw_s(a, h, tau, stat, errmsg)
    real(c_float), intent(in), target :: a(:,:)
    real(c_float), intent(inout), target :: h(:,:), tau(:)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hh, ht, hxh, hxt
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hh = c_null_ptr
    ht = c_null_ptr
    hxh = c_null_ptr
    hxt = c_null_ptr
    st = wrap_s2(a, .true., ha)
    if (st == 0) st = wrap_s2(h, .false., hxh)
    if (st == 0) st = wrap_s1(tau, .false., hxt)
    if (st == 0) st = c_qr_raw(ha, hh, ht)
    if (st == 0) st = copy_out(hh, hxh)
    if (st == 0) st = copy_out(ht, hxt)
    call release(ha)
    call release(hh)
    call release(ht)
    call release(hxh)
    call release(hxt)
    call check(st, 'lapis_qr_raw', stat, errmsg)
  end subroutine lapis_qr_raw_s

  subroutine lapis_matrix_rank_s(a, rank, tol, stat, errmsg)
    real(c_float), intent(in), target :: a(:,:)
    integer, intent(out) :: rank
    real(c_double), intent(in), optional :: tol
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha
    real(c_double) :: tl
    integer(c_int64_t) :: rk(1)
    integer(c_int32_t) :: st
    ha = c_null_ptr
    tl = -1.0_c_double
    if (present(tol)) tl = tol
    rk = 0
    rank = 0
    st = 0
    if (st == 0) st = wrap_s2(a, .true., ha)
    if (st == 0) st = c_matrix_rank_stacked(ha, tl, rk, 1_c_int64_t)
    if (st == 0) rank = int(rk(1))
    call release(ha)
    call check(st, 'lapis_matrix_rank', stat, errmsg)
  end subroutine lapis_matrix_rank_s

  subroutine lapis_cho_factor_d(a, c, uplo, stat, errmsg)
    real(c_double), intent(in), target :: a(:,:)
    real(c_double), intent(inout), target :: c(:,:)
    character, intent(in), optional :: uplo
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hr, hx
    character :: ch
    integer(c_int32_t) :: ul
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hr = c_null_ptr
    hx = c_null_ptr
    ch = 'L'
    if (present(uplo)) ch = uplo
    st = uplo_code(ch, ul)
    if (st == 0) st = wrap_d2(a, .true., ha)
    if (st == 0) st = wrap_d2(c, .false., hx)
    if (st == 0) st = c_cho_factor(ha, ul, hr)
    if (st == 0) st = copy_out(hr, hx)
    call release(ha)
    call release(hr)
    call release(hx)
    call check(st, 'lapis_cho_factor', stat, errmsg)
  end subroutine lapis_cho_factor_d

  subroutine lapis_cho_solve_d(c, b, x, uplo, stat, errmsg)
    real(c_double), intent(in), target :: c(:,:), b(..)
    real(c_double), intent(inout), target :: x(..)
    character, intent(in), optional :: uplo
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hc, hb, hr, hx
    character :: ch
    integer(c_int32_t) :: ul
    integer(c_int32_t) :: st
    hc = c_null_ptr
    hb = c_null_ptr
    hr = c_null_ptr
    hx = c_null_ptr
    ch = 'L'
    if (present(uplo)) ch = uplo
    st = uplo_code(ch, ul)
    if (st == 0) st = wrap_d2(c, .true., hc)
    if (st == 0) st = wrap_d(b, .true., hb)
    if (st == 0) st = wrap_d(x, .false., hx)
    if (st == 0) st = c_cho_solve(hc, ul, hb, hr)
    if (st == 0) st = copy_out(hr, hx)
    call release(hc)
    call release(hb)
    call release(hr)
    call release(hx)
    call check(st, 'lapis_cho_solve', stat, errmsg)
  end subroutine lapis_cho_solve_d

  subroutine lapis_lu_factor_d(a, lu, ipiv, stat, errmsg)
    real(c_double), intent(in), target :: a(:,:)
    real(c_double), intent(inout), target :: lu(:,:)
    integer, intent(inout) :: ipiv(:)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hr, hx
    integer(c_int64_t), allocatable :: piv(:)
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hr = c_null_ptr
    hx = c_null_ptr
    allocate(piv(size(ipiv)))
    st = 0
    if (st == 0) st = wrap_d2(a, .true., ha)
    if (st == 0) st = wrap_d2(lu, .false., hx)
    if (st == 0) st = c_lu_factor(ha, hr, piv, size(piv, kind=c_int64_t))
    if (st == 0) st = copy_out(hr, hx)
    if (st == 0) ipiv = int(piv) + 1
    call release(ha)
    call release(hr)
    call release(hx)
    call check(st, 'lapis_lu_factor', stat, errmsg)
  end subroutine lapis_lu_factor_d

  subroutine lapis_lu_solve_d(lu, ipiv, b, x, trans, stat, errmsg)
    real(c_double), intent(in), target :: lu(:,:), b(..)
    integer, intent(in) :: ipiv(:)
    real(c_double), intent(inout), target :: x(..)
    character, intent(in), optional :: trans
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hl, hb, hr, hx
    character :: tc
    integer(c_int32_t) :: ta
    integer(c_int64_t) :: piv(size(ipiv))
    integer(c_int32_t) :: st
    hl = c_null_ptr
    hb = c_null_ptr
    hr = c_null_ptr
    hx = c_null_ptr
    tc = 'N'
    if (present(trans)) tc = trans
    piv = int(ipiv, c_int64_t) - 1
    st = 0
    if (st == 0) st = trans_code(tc, ta)
    if (st == 0) st = wrap_d2(lu, .true., hl)
    if (st == 0) st = wrap_d(b, .true., hb)
    if (st == 0) st = wrap_d(x, .false., hx)
    if (st == 0) st = c_lu_solve(hl, size(piv, kind=c_int64_t), piv, hb, ta, hr)
    if (st == 0) st = copy_out(hr, hx)
    call release(hl)
    call release(hb)
    call release(hr)
    call release(hx)
    call check(st, 'lapis_lu_solve', stat, errmsg)
  end subroutine lapis_lu_solve_d

  subroutine lapis_qr_raw_d(a, h, tau, stat, errmsg)
    real(c_double), intent(in), target :: a(:,:)
    real(c_double), intent(inout), target :: h(:,:), tau(:)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hh, ht, hxh, hxt
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hh = c_null_ptr
    ht = c_null_ptr
    hxh = c_null_ptr
    hxt = c_null_ptr
    st = wrap_d2(a, .true., ha)
    if (st == 0) st = wrap_d2(h, .false., hxh)
    if (st == 0) st = wrap_d1(tau, .false., hxt)
    if (st == 0) st = c_qr_raw(ha, hh, ht)
    if (st == 0) st = copy_out(hh, hxh)
    if (st == 0) st = copy_out(ht, hxt)
    call release(ha)
    call release(hh)
    call release(ht)
    call release(hxh)
    call release(hxt)
    call check(st, 'lapis_qr_raw', stat, errmsg)
  end subroutine lapis_qr_raw_d

  subroutine lapis_matrix_rank_d(a, rank, tol, stat, errmsg)
    real(c_double), intent(in), target :: a(:,:)
    integer, intent(out) :: rank
    real(c_double), intent(in), optional :: tol
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha
    real(c_double) :: tl
    integer(c_int64_t) :: rk(1)
    integer(c_int32_t) :: st
    ha = c_null_ptr
    tl = -1.0_c_double
    if (present(tol)) tl = tol
    rk = 0
    rank = 0
    st = 0
    if (st == 0) st = wrap_d2(a, .true., ha)
    if (st == 0) st = c_matrix_rank_stacked(ha, tl, rk, 1_c_int64_t)
    if (st == 0) rank = int(rk(1))
    call release(ha)
    call check(st, 'lapis_matrix_rank', stat, errmsg)
  end subroutine lapis_matrix_rank_d

  subroutine lapis_cho_factor_c(a, c, uplo, stat, errmsg)
    complex(c_float_complex), intent(in), target :: a(:,:)
    complex(c_float_complex), intent(inout), target :: c(:,:)
    character, intent(in), optional :: uplo
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hr, hx
    character :: ch
    integer(c_int32_t) :: ul
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hr = c_null_ptr
    hx = c_null_ptr
    ch = 'L'
    if (present(uplo)) ch = uplo
    st = uplo_code(ch, ul)
    if (st == 0) st = wrap_c2(a, .true., ha)
    if (st == 0) st = wrap_c2(c, .false., hx)
    if (st == 0) st = c_cho_factor(ha, ul, hr)
    if (st == 0) st = copy_out(hr, hx)
    call release(ha)
    call release(hr)
    call release(hx)
    call check(st, 'lapis_cho_factor', stat, errmsg)
  end subroutine lapis_cho_factor_c

  subroutine lapis_cho_solve_c(c, b, x, uplo, stat, errmsg)
    complex(c_float_complex), intent(in), target :: c(:,:), b(..)
    complex(c_float_complex), intent(inout), target :: x(..)
    character, intent(in), optional :: uplo
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hc, hb, hr, hx
    character :: ch
    integer(c_int32_t) :: ul
    integer(c_int32_t) :: st
    hc = c_null_ptr
    hb = c_null_ptr
    hr = c_null_ptr
    hx = c_null_ptr
    ch = 'L'
    if (present(uplo)) ch = uplo
    st = uplo_code(ch, ul)
    if (st == 0) st = wrap_c2(c, .true., hc)
    if (st == 0) st = wrap_c(b, .true., hb)
    if (st == 0) st = wrap_c(x, .false., hx)
    if (st == 0) st = c_cho_solve(hc, ul, hb, hr)
    if (st == 0) st = copy_out(hr, hx)
    call release(hc)
    call release(hb)
    call release(hr)
    call release(hx)
    call check(st, 'lapis_cho_solve', stat, errmsg)
  end subroutine lapis_cho_solve_c

  subroutine lapis_lu_factor_c(a, lu, ipiv, stat, errmsg)
    complex(c_float_complex), intent(in), target :: a(:,:)
    complex(c_float_complex), intent(inout), target :: lu(:,:)
    integer, intent(inout) :: ipiv(:)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hr, hx
    integer(c_int64_t), allocatable :: piv(:)
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hr = c_null_ptr
    hx = c_null_ptr
    allocate(piv(size(ipiv)))
    st = 0
    if (st == 0) st = wrap_c2(a, .true., ha)
    if (st == 0) st = wrap_c2(lu, .false., hx)
    if (st == 0) st = c_lu_factor(ha, hr, piv, size(piv, kind=c_int64_t))
    if (st == 0) st = copy_out(hr, hx)
    if (st == 0) ipiv = int(piv) + 1
    call release(ha)
    call release(hr)
    call release(hx)
    call check(st, 'lapis_lu_factor', stat, errmsg)
  end subroutine lapis_lu_factor_c

  subroutine lapis_lu_solve_c(lu, ipiv, b, x, trans, stat, errmsg)
    complex(c_float_complex), intent(in), target :: lu(:,:), b(..)
    integer, intent(in) :: ipiv(:)
    complex(c_float_complex), intent(inout), target :: x(..)
    character, intent(in), optional :: trans
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hl, hb, hr, hx
    character :: tc
    integer(c_int32_t) :: ta
    integer(c_int64_t) :: piv(size(ipiv))
    integer(c_int32_t) :: st
    hl = c_null_ptr
    hb = c_null_ptr
    hr = c_null_ptr
    hx = c_null_ptr
    tc = 'N'
    if (present(trans)) tc = trans
    piv = int(ipiv, c_int64_t) - 1
    st = 0
    if (st == 0) st = trans_code(tc, ta)
    if (st == 0) st = wrap_c2(lu, .true., hl)
    if (st == 0) st = wrap_c(b, .true., hb)
    if (st == 0) st = wrap_c(x, .false., hx)
    if (st == 0) st = c_lu_solve(hl, size(piv, kind=c_int64_t), piv, hb, ta, hr)
    if (st == 0) st = copy_out(hr, hx)
    call release(hl)
    call release(hb)
    call release(hr)
    call release(hx)
    call check(st, 'lapis_lu_solve', stat, errmsg)
  end subroutine lapis_lu_solve_c

  subroutine lapis_qr_raw_c(a, h, tau, stat, errmsg)
    complex(c_float_complex), intent(in), target :: a(:,:)
    complex(c_float_complex), intent(inout), target :: h(:,:), tau(:)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hh, ht, hxh, hxt
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hh = c_null_ptr
    ht = c_null_ptr
    hxh = c_null_ptr
    hxt = c_null_ptr
    st = wrap_c2(a, .true., ha)
    if (st == 0) st = wrap_c2(h, .false., hxh)
    if (st == 0) st = wrap_c1(tau, .false., hxt)
    if (st == 0) st = c_qr_raw(ha, hh, ht)
    if (st == 0) st = copy_out(hh, hxh)
    if (st == 0) st = copy_out(ht, hxt)
    call release(ha)
    call release(hh)
    call release(ht)
    call release(hxh)
    call release(hxt)
    call check(st, 'lapis_qr_raw', stat, errmsg)
  end subroutine lapis_qr_raw_c

  subroutine lapis_matrix_rank_c(a, rank, tol, stat, errmsg)
    complex(c_float_complex), intent(in), target :: a(:,:)
    integer, intent(out) :: rank
    real(c_double), intent(in), optional :: tol
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha
    real(c_double) :: tl
    integer(c_int64_t) :: rk(1)
    integer(c_int32_t) :: st
    ha = c_null_ptr
    tl = -1.0_c_double
    if (present(tol)) tl = tol
    rk = 0
    rank = 0
    st = 0
    if (st == 0) st = wrap_c2(a, .true., ha)
    if (st == 0) st = c_matrix_rank_stacked(ha, tl, rk, 1_c_int64_t)
    if (st == 0) rank = int(rk(1))
    call release(ha)
    call check(st, 'lapis_matrix_rank', stat, errmsg)
  end subroutine lapis_matrix_rank_c

  subroutine lapis_cho_factor_z(a, c, uplo, stat, errmsg)
    complex(c_double_complex), intent(in), target :: a(:,:)
    complex(c_double_complex), intent(inout), target :: c(:,:)
    character, intent(in), optional :: uplo
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hr, hx
    character :: ch
    integer(c_int32_t) :: ul
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hr = c_null_ptr
    hx = c_null_ptr
    ch = 'L'
    if (present(uplo)) ch = uplo
    st = uplo_code(ch, ul)
    if (st == 0) st = wrap_z2(a, .true., ha)
    if (st == 0) st = wrap_z2(c, .false., hx)
    if (st == 0) st = c_cho_factor(ha, ul, hr)
    if (st == 0) st = copy_out(hr, hx)
    call release(ha)
    call release(hr)
    call release(hx)
    call check(st, 'lapis_cho_factor', stat, errmsg)
  end subroutine lapis_cho_factor_z

  subroutine lapis_cho_solve_z(c, b, x, uplo, stat, errmsg)
    complex(c_double_complex), intent(in), target :: c(:,:), b(..)
    complex(c_double_complex), intent(inout), target :: x(..)
    character, intent(in), optional :: uplo
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hc, hb, hr, hx
    character :: ch
    integer(c_int32_t) :: ul
    integer(c_int32_t) :: st
    hc = c_null_ptr
    hb = c_null_ptr
    hr = c_null_ptr
    hx = c_null_ptr
    ch = 'L'
    if (present(uplo)) ch = uplo
    st = uplo_code(ch, ul)
    if (st == 0) st = wrap_z2(c, .true., hc)
    if (st == 0) st = wrap_z(b, .true., hb)
    if (st == 0) st = wrap_z(x, .false., hx)
    if (st == 0) st = c_cho_solve(hc, ul, hb, hr)
    if (st == 0) st = copy_out(hr, hx)
    call release(hc)
    call release(hb)
    call release(hr)
    call release(hx)
    call check(st, 'lapis_cho_solve', stat, errmsg)
  end subroutine lapis_cho_solve_z

  subroutine lapis_lu_factor_z(a, lu, ipiv, stat, errmsg)
    complex(c_double_complex), intent(in), target :: a(:,:)
    complex(c_double_complex), intent(inout), target :: lu(:,:)
    integer, intent(inout) :: ipiv(:)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hr, hx
    integer(c_int64_t), allocatable :: piv(:)
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hr = c_null_ptr
    hx = c_null_ptr
    allocate(piv(size(ipiv)))
    st = 0
    if (st == 0) st = wrap_z2(a, .true., ha)
    if (st == 0) st = wrap_z2(lu, .false., hx)
    if (st == 0) st = c_lu_factor(ha, hr, piv, size(piv, kind=c_int64_t))
    if (st == 0) st = copy_out(hr, hx)
    if (st == 0) ipiv = int(piv) + 1
    call release(ha)
    call release(hr)
    call release(hx)
    call check(st, 'lapis_lu_factor', stat, errmsg)
  end subroutine lapis_lu_factor_z

  subroutine lapis_lu_solve_z(lu, ipiv, b, x, trans, stat, errmsg)
    complex(c_double_complex), intent(in), target :: lu(:,:), b(..)
    integer, intent(in) :: ipiv(:)
    complex(c_double_complex), intent(inout), target :: x(..)
    character, intent(in), optional :: trans
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hl, hb, hr, hx
    character :: tc
    integer(c_int32_t) :: ta
    integer(c_int64_t) :: piv(size(ipiv))
    integer(c_int32_t) :: st
    hl = c_null_ptr
    hb = c_null_ptr
    hr = c_null_ptr
    hx = c_null_ptr
    tc = 'N'
    if (present(trans)) tc = trans
    piv = int(ipiv, c_int64_t) - 1
    st = 0
    if (st == 0) st = trans_code(tc, ta)
    if (st == 0) st = wrap_z2(lu, .true., hl)
    if (st == 0) st = wrap_z(b, .true., hb)
    if (st == 0) st = wrap_z(x, .false., hx)
    if (st == 0) st = c_lu_solve(hl, size(piv, kind=c_int64_t), piv, hb, ta, hr)
    if (st == 0) st = copy_out(hr, hx)
    call release(hl)
    call release(hb)
    call release(hr)
    call release(hx)
    call check(st, 'lapis_lu_solve', stat, errmsg)
  end subroutine lapis_lu_solve_z

  subroutine lapis_qr_raw_z(a, h, tau, stat, errmsg)
    complex(c_double_complex), intent(in), target :: a(:,:)
    complex(c_double_complex), intent(inout), target :: h(:,:), tau(:)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha, hh, ht, hxh, hxt
    integer(c_int32_t) :: st
    ha = c_null_ptr
    hh = c_null_ptr
    ht = c_null_ptr
    hxh = c_null_ptr
    hxt = c_null_ptr
    st = wrap_z2(a, .true., ha)
    if (st == 0) st = wrap_z2(h, .false., hxh)
    if (st == 0) st = wrap_z1(tau, .false., hxt)
    if (st == 0) st = c_qr_raw(ha, hh, ht)
    if (st == 0) st = copy_out(hh, hxh)
    if (st == 0) st = copy_out(ht, hxt)
    call release(ha)
    call release(hh)
    call release(ht)
    call release(hxh)
    call release(hxt)
    call check(st, 'lapis_qr_raw', stat, errmsg)
  end subroutine lapis_qr_raw_z

  subroutine lapis_matrix_rank_z(a, rank, tol, stat, errmsg)
    complex(c_double_complex), intent(in), target :: a(:,:)
    integer, intent(out) :: rank
    real(c_double), intent(in), optional :: tol
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: ha
    real(c_double) :: tl
    integer(c_int64_t) :: rk(1)
    integer(c_int32_t) :: st
    ha = c_null_ptr
    tl = -1.0_c_double
    if (present(tol)) tl = tol
    rk = 0
    rank = 0
    st = 0
    if (st == 0) st = wrap_z2(a, .true., ha)
    if (st == 0) st = c_matrix_rank_stacked(ha, tl, rk, 1_c_int64_t)
    if (st == 0) rank = int(rk(1))
    call release(ha)
    call check(st, 'lapis_matrix_rank', stat, errmsg)
  end subroutine lapis_matrix_rank_z

  subroutine lapis_add_s(x, y, out, stat, errmsg)
    real(c_float), intent(in), target :: x(..), y(..)
    real(c_float), intent(inout), target :: out(..)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx, hy, ho
    integer(c_int32_t) :: st
    hx = c_null_ptr
    hy = c_null_ptr
    ho = c_null_ptr
    st = wrap_s(x, .true., hx)
    if (st == 0) st = wrap_s(y, .true., hy)
    if (st == 0) st = wrap_s(out, .false., ho)
    if (st == 0) st = c_add_out(hx, hy, ho)
    call release(hx)
    call release(hy)
    call release(ho)
    call check(st, 'lapis_add', stat, errmsg)
  end subroutine lapis_add_s

  subroutine lapis_subtract_s(x, y, out, stat, errmsg)
    real(c_float), intent(in), target :: x(..), y(..)
    real(c_float), intent(inout), target :: out(..)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx, hy, ho
    integer(c_int32_t) :: st
    hx = c_null_ptr
    hy = c_null_ptr
    ho = c_null_ptr
    st = wrap_s(x, .true., hx)
    if (st == 0) st = wrap_s(y, .true., hy)
    if (st == 0) st = wrap_s(out, .false., ho)
    if (st == 0) st = c_subtract_out(hx, hy, ho)
    call release(hx)
    call release(hy)
    call release(ho)
    call check(st, 'lapis_subtract', stat, errmsg)
  end subroutine lapis_subtract_s

  subroutine lapis_multiply_s(x, y, out, stat, errmsg)
    real(c_float), intent(in), target :: x(..), y(..)
    real(c_float), intent(inout), target :: out(..)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx, hy, ho
    integer(c_int32_t) :: st
    hx = c_null_ptr
    hy = c_null_ptr
    ho = c_null_ptr
    st = wrap_s(x, .true., hx)
    if (st == 0) st = wrap_s(y, .true., hy)
    if (st == 0) st = wrap_s(out, .false., ho)
    if (st == 0) st = c_multiply_out(hx, hy, ho)
    call release(hx)
    call release(hy)
    call release(ho)
    call check(st, 'lapis_multiply', stat, errmsg)
  end subroutine lapis_multiply_s

  subroutine lapis_divide_s(x, y, out, stat, errmsg)
    real(c_float), intent(in), target :: x(..), y(..)
    real(c_float), intent(inout), target :: out(..)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx, hy, ho
    integer(c_int32_t) :: st
    hx = c_null_ptr
    hy = c_null_ptr
    ho = c_null_ptr
    st = wrap_s(x, .true., hx)
    if (st == 0) st = wrap_s(y, .true., hy)
    if (st == 0) st = wrap_s(out, .false., ho)
    if (st == 0) st = c_divide_out(hx, hy, ho)
    call release(hx)
    call release(hy)
    call release(ho)
    call check(st, 'lapis_divide', stat, errmsg)
  end subroutine lapis_divide_s

  subroutine lapis_exp_s(x, out, stat, errmsg)
    real(c_float), intent(in), target :: x(..)
    real(c_float), intent(inout), target :: out(..)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx, ho
    integer(c_int32_t) :: st
    hx = c_null_ptr
    ho = c_null_ptr
    st = wrap_s(x, .true., hx)
    if (st == 0) st = wrap_s(out, .false., ho)
    if (st == 0) st = c_exp_out(hx, ho)
    call release(hx)
    call release(ho)
    call check(st, 'lapis_exp', stat, errmsg)
  end subroutine lapis_exp_s

  subroutine lapis_sqrt_s(x, out, stat, errmsg)
    real(c_float), intent(in), target :: x(..)
    real(c_float), intent(inout), target :: out(..)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx, ho
    integer(c_int32_t) :: st
    hx = c_null_ptr
    ho = c_null_ptr
    st = wrap_s(x, .true., hx)
    if (st == 0) st = wrap_s(out, .false., ho)
    if (st == 0) st = c_sqrt_out(hx, ho)
    call release(hx)
    call release(ho)
    call check(st, 'lapis_sqrt', stat, errmsg)
  end subroutine lapis_sqrt_s

  subroutine lapis_abs_s(x, out, stat, errmsg)
    real(c_float), intent(in), target :: x(..)
    real(c_float), intent(inout), target :: out(..)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx, ho
    integer(c_int32_t) :: st
    hx = c_null_ptr
    ho = c_null_ptr
    st = wrap_s(x, .true., hx)
    if (st == 0) st = wrap_s(out, .false., ho)
    if (st == 0) st = c_absolute_out(hx, ho)
    call release(hx)
    call release(ho)
    call check(st, 'lapis_abs', stat, errmsg)
  end subroutine lapis_abs_s

  subroutine lapis_sum_s(x, res, stat, errmsg)
    real(c_float), intent(in), target :: x(..)
    real(c_float), intent(inout) :: res
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx
    complex(c_double_complex) :: v
    integer(c_int32_t) :: st
    hx = c_null_ptr
    st = wrap_s(x, .true., hx)
    if (st == 0) st = c_sum_all(hx, v)
    if (st == 0) res = real(v, c_float)
    call release(hx)
    call check(st, 'lapis_sum', stat, errmsg)
  end subroutine lapis_sum_s

  subroutine lapis_mean_s(x, res, stat, errmsg)
    real(c_float), intent(in), target :: x(..)
    real(c_float), intent(inout) :: res
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx
    complex(c_double_complex) :: v
    integer(c_int32_t) :: st
    hx = c_null_ptr
    st = wrap_s(x, .true., hx)
    if (st == 0) st = c_mean_all(hx, v)
    if (st == 0) res = real(v, c_float)
    call release(hx)
    call check(st, 'lapis_mean', stat, errmsg)
  end subroutine lapis_mean_s

  subroutine lapis_max_s(x, res, stat, errmsg)
    real(c_float), intent(in), target :: x(..)
    real(c_float), intent(inout) :: res
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx
    complex(c_double_complex) :: v
    integer(c_int32_t) :: st
    hx = c_null_ptr
    st = wrap_s(x, .true., hx)
    if (st == 0) st = c_max_all(hx, v)
    if (st == 0) res = real(v, c_float)
    call release(hx)
    call check(st, 'lapis_max', stat, errmsg)
  end subroutine lapis_max_s

  subroutine lapis_min_s(x, res, stat, errmsg)
    real(c_float), intent(in), target :: x(..)
    real(c_float), intent(inout) :: res
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx
    complex(c_double_complex) :: v
    integer(c_int32_t) :: st
    hx = c_null_ptr
    st = wrap_s(x, .true., hx)
    if (st == 0) st = c_min_all(hx, v)
    if (st == 0) res = real(v, c_float)
    call release(hx)
    call check(st, 'lapis_min', stat, errmsg)
  end subroutine lapis_min_s

  subroutine lapis_norm_s(x, res, stat, errmsg)
    real(c_float), intent(in), target :: x(..)
    real(c_float), intent(inout) :: res
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx
    real(c_double) :: v
    integer(c_int32_t) :: st
    hx = c_null_ptr
    st = wrap_s(x, .true., hx)
    if (st == 0) st = c_norm(hx, 0_c_int32_t, 0.0_c_double, v)
    if (st == 0) res = real(v, c_float)
    call release(hx)
    call check(st, 'lapis_norm', stat, errmsg)
  end subroutine lapis_norm_s

  subroutine lapis_add_d(x, y, out, stat, errmsg)
    real(c_double), intent(in), target :: x(..), y(..)
    real(c_double), intent(inout), target :: out(..)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx, hy, ho
    integer(c_int32_t) :: st
    hx = c_null_ptr
    hy = c_null_ptr
    ho = c_null_ptr
    st = wrap_d(x, .true., hx)
    if (st == 0) st = wrap_d(y, .true., hy)
    if (st == 0) st = wrap_d(out, .false., ho)
    if (st == 0) st = c_add_out(hx, hy, ho)
    call release(hx)
    call release(hy)
    call release(ho)
    call check(st, 'lapis_add', stat, errmsg)
  end subroutine lapis_add_d

  subroutine lapis_subtract_d(x, y, out, stat, errmsg)
    real(c_double), intent(in), target :: x(..), y(..)
    real(c_double), intent(inout), target :: out(..)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx, hy, ho
    integer(c_int32_t) :: st
    hx = c_null_ptr
    hy = c_null_ptr
    ho = c_null_ptr
    st = wrap_d(x, .true., hx)
    if (st == 0) st = wrap_d(y, .true., hy)
    if (st == 0) st = wrap_d(out, .false., ho)
    if (st == 0) st = c_subtract_out(hx, hy, ho)
    call release(hx)
    call release(hy)
    call release(ho)
    call check(st, 'lapis_subtract', stat, errmsg)
  end subroutine lapis_subtract_d

  subroutine lapis_multiply_d(x, y, out, stat, errmsg)
    real(c_double), intent(in), target :: x(..), y(..)
    real(c_double), intent(inout), target :: out(..)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx, hy, ho
    integer(c_int32_t) :: st
    hx = c_null_ptr
    hy = c_null_ptr
    ho = c_null_ptr
    st = wrap_d(x, .true., hx)
    if (st == 0) st = wrap_d(y, .true., hy)
    if (st == 0) st = wrap_d(out, .false., ho)
    if (st == 0) st = c_multiply_out(hx, hy, ho)
    call release(hx)
    call release(hy)
    call release(ho)
    call check(st, 'lapis_multiply', stat, errmsg)
  end subroutine lapis_multiply_d

  subroutine lapis_divide_d(x, y, out, stat, errmsg)
    real(c_double), intent(in), target :: x(..), y(..)
    real(c_double), intent(inout), target :: out(..)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx, hy, ho
    integer(c_int32_t) :: st
    hx = c_null_ptr
    hy = c_null_ptr
    ho = c_null_ptr
    st = wrap_d(x, .true., hx)
    if (st == 0) st = wrap_d(y, .true., hy)
    if (st == 0) st = wrap_d(out, .false., ho)
    if (st == 0) st = c_divide_out(hx, hy, ho)
    call release(hx)
    call release(hy)
    call release(ho)
    call check(st, 'lapis_divide', stat, errmsg)
  end subroutine lapis_divide_d

  subroutine lapis_exp_d(x, out, stat, errmsg)
    real(c_double), intent(in), target :: x(..)
    real(c_double), intent(inout), target :: out(..)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx, ho
    integer(c_int32_t) :: st
    hx = c_null_ptr
    ho = c_null_ptr
    st = wrap_d(x, .true., hx)
    if (st == 0) st = wrap_d(out, .false., ho)
    if (st == 0) st = c_exp_out(hx, ho)
    call release(hx)
    call release(ho)
    call check(st, 'lapis_exp', stat, errmsg)
  end subroutine lapis_exp_d

  subroutine lapis_sqrt_d(x, out, stat, errmsg)
    real(c_double), intent(in), target :: x(..)
    real(c_double), intent(inout), target :: out(..)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx, ho
    integer(c_int32_t) :: st
    hx = c_null_ptr
    ho = c_null_ptr
    st = wrap_d(x, .true., hx)
    if (st == 0) st = wrap_d(out, .false., ho)
    if (st == 0) st = c_sqrt_out(hx, ho)
    call release(hx)
    call release(ho)
    call check(st, 'lapis_sqrt', stat, errmsg)
  end subroutine lapis_sqrt_d

  subroutine lapis_abs_d(x, out, stat, errmsg)
    real(c_double), intent(in), target :: x(..)
    real(c_double), intent(inout), target :: out(..)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx, ho
    integer(c_int32_t) :: st
    hx = c_null_ptr
    ho = c_null_ptr
    st = wrap_d(x, .true., hx)
    if (st == 0) st = wrap_d(out, .false., ho)
    if (st == 0) st = c_absolute_out(hx, ho)
    call release(hx)
    call release(ho)
    call check(st, 'lapis_abs', stat, errmsg)
  end subroutine lapis_abs_d

  subroutine lapis_sum_d(x, res, stat, errmsg)
    real(c_double), intent(in), target :: x(..)
    real(c_double), intent(inout) :: res
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx
    complex(c_double_complex) :: v
    integer(c_int32_t) :: st
    hx = c_null_ptr
    st = wrap_d(x, .true., hx)
    if (st == 0) st = c_sum_all(hx, v)
    if (st == 0) res = real(v, c_double)
    call release(hx)
    call check(st, 'lapis_sum', stat, errmsg)
  end subroutine lapis_sum_d

  subroutine lapis_mean_d(x, res, stat, errmsg)
    real(c_double), intent(in), target :: x(..)
    real(c_double), intent(inout) :: res
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx
    complex(c_double_complex) :: v
    integer(c_int32_t) :: st
    hx = c_null_ptr
    st = wrap_d(x, .true., hx)
    if (st == 0) st = c_mean_all(hx, v)
    if (st == 0) res = real(v, c_double)
    call release(hx)
    call check(st, 'lapis_mean', stat, errmsg)
  end subroutine lapis_mean_d

  subroutine lapis_max_d(x, res, stat, errmsg)
    real(c_double), intent(in), target :: x(..)
    real(c_double), intent(inout) :: res
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx
    complex(c_double_complex) :: v
    integer(c_int32_t) :: st
    hx = c_null_ptr
    st = wrap_d(x, .true., hx)
    if (st == 0) st = c_max_all(hx, v)
    if (st == 0) res = real(v, c_double)
    call release(hx)
    call check(st, 'lapis_max', stat, errmsg)
  end subroutine lapis_max_d

  subroutine lapis_min_d(x, res, stat, errmsg)
    real(c_double), intent(in), target :: x(..)
    real(c_double), intent(inout) :: res
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx
    complex(c_double_complex) :: v
    integer(c_int32_t) :: st
    hx = c_null_ptr
    st = wrap_d(x, .true., hx)
    if (st == 0) st = c_min_all(hx, v)
    if (st == 0) res = real(v, c_double)
    call release(hx)
    call check(st, 'lapis_min', stat, errmsg)
  end subroutine lapis_min_d

  subroutine lapis_norm_d(x, res, stat, errmsg)
    real(c_double), intent(in), target :: x(..)
    real(c_double), intent(inout) :: res
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx
    real(c_double) :: v
    integer(c_int32_t) :: st
    hx = c_null_ptr
    st = wrap_d(x, .true., hx)
    if (st == 0) st = c_norm(hx, 0_c_int32_t, 0.0_c_double, v)
    if (st == 0) res = real(v, c_double)
    call release(hx)
    call check(st, 'lapis_norm', stat, errmsg)
  end subroutine lapis_norm_d

  subroutine lapis_add_c(x, y, out, stat, errmsg)
    complex(c_float_complex), intent(in), target :: x(..), y(..)
    complex(c_float_complex), intent(inout), target :: out(..)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx, hy, ho
    integer(c_int32_t) :: st
    hx = c_null_ptr
    hy = c_null_ptr
    ho = c_null_ptr
    st = wrap_c(x, .true., hx)
    if (st == 0) st = wrap_c(y, .true., hy)
    if (st == 0) st = wrap_c(out, .false., ho)
    if (st == 0) st = c_add_out(hx, hy, ho)
    call release(hx)
    call release(hy)
    call release(ho)
    call check(st, 'lapis_add', stat, errmsg)
  end subroutine lapis_add_c

  subroutine lapis_subtract_c(x, y, out, stat, errmsg)
    complex(c_float_complex), intent(in), target :: x(..), y(..)
    complex(c_float_complex), intent(inout), target :: out(..)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx, hy, ho
    integer(c_int32_t) :: st
    hx = c_null_ptr
    hy = c_null_ptr
    ho = c_null_ptr
    st = wrap_c(x, .true., hx)
    if (st == 0) st = wrap_c(y, .true., hy)
    if (st == 0) st = wrap_c(out, .false., ho)
    if (st == 0) st = c_subtract_out(hx, hy, ho)
    call release(hx)
    call release(hy)
    call release(ho)
    call check(st, 'lapis_subtract', stat, errmsg)
  end subroutine lapis_subtract_c

  subroutine lapis_multiply_c(x, y, out, stat, errmsg)
    complex(c_float_complex), intent(in), target :: x(..), y(..)
    complex(c_float_complex), intent(inout), target :: out(..)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx, hy, ho
    integer(c_int32_t) :: st
    hx = c_null_ptr
    hy = c_null_ptr
    ho = c_null_ptr
    st = wrap_c(x, .true., hx)
    if (st == 0) st = wrap_c(y, .true., hy)
    if (st == 0) st = wrap_c(out, .false., ho)
    if (st == 0) st = c_multiply_out(hx, hy, ho)
    call release(hx)
    call release(hy)
    call release(ho)
    call check(st, 'lapis_multiply', stat, errmsg)
  end subroutine lapis_multiply_c

  subroutine lapis_divide_c(x, y, out, stat, errmsg)
    complex(c_float_complex), intent(in), target :: x(..), y(..)
    complex(c_float_complex), intent(inout), target :: out(..)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx, hy, ho
    integer(c_int32_t) :: st
    hx = c_null_ptr
    hy = c_null_ptr
    ho = c_null_ptr
    st = wrap_c(x, .true., hx)
    if (st == 0) st = wrap_c(y, .true., hy)
    if (st == 0) st = wrap_c(out, .false., ho)
    if (st == 0) st = c_divide_out(hx, hy, ho)
    call release(hx)
    call release(hy)
    call release(ho)
    call check(st, 'lapis_divide', stat, errmsg)
  end subroutine lapis_divide_c

  subroutine lapis_exp_c(x, out, stat, errmsg)
    complex(c_float_complex), intent(in), target :: x(..)
    complex(c_float_complex), intent(inout), target :: out(..)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx, ho
    integer(c_int32_t) :: st
    hx = c_null_ptr
    ho = c_null_ptr
    st = wrap_c(x, .true., hx)
    if (st == 0) st = wrap_c(out, .false., ho)
    if (st == 0) st = c_exp_out(hx, ho)
    call release(hx)
    call release(ho)
    call check(st, 'lapis_exp', stat, errmsg)
  end subroutine lapis_exp_c

  subroutine lapis_sqrt_c(x, out, stat, errmsg)
    complex(c_float_complex), intent(in), target :: x(..)
    complex(c_float_complex), intent(inout), target :: out(..)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx, ho
    integer(c_int32_t) :: st
    hx = c_null_ptr
    ho = c_null_ptr
    st = wrap_c(x, .true., hx)
    if (st == 0) st = wrap_c(out, .false., ho)
    if (st == 0) st = c_sqrt_out(hx, ho)
    call release(hx)
    call release(ho)
    call check(st, 'lapis_sqrt', stat, errmsg)
  end subroutine lapis_sqrt_c

  subroutine lapis_abs_c(x, out, stat, errmsg)
    complex(c_float_complex), intent(in), target :: x(..)
    real(c_float), intent(inout), target :: out(..)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx, ho
    integer(c_int32_t) :: st
    hx = c_null_ptr
    ho = c_null_ptr
    st = wrap_c(x, .true., hx)
    if (st == 0) st = wrap_s(out, .false., ho)
    if (st == 0) st = c_absolute_out(hx, ho)
    call release(hx)
    call release(ho)
    call check(st, 'lapis_abs', stat, errmsg)
  end subroutine lapis_abs_c

  subroutine lapis_sum_c(x, res, stat, errmsg)
    complex(c_float_complex), intent(in), target :: x(..)
    complex(c_float_complex), intent(inout) :: res
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx
    complex(c_double_complex) :: v
    integer(c_int32_t) :: st
    hx = c_null_ptr
    st = wrap_c(x, .true., hx)
    if (st == 0) st = c_sum_all(hx, v)
    if (st == 0) res = cmplx(v, kind=c_float_complex)
    call release(hx)
    call check(st, 'lapis_sum', stat, errmsg)
  end subroutine lapis_sum_c

  subroutine lapis_mean_c(x, res, stat, errmsg)
    complex(c_float_complex), intent(in), target :: x(..)
    complex(c_float_complex), intent(inout) :: res
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx
    complex(c_double_complex) :: v
    integer(c_int32_t) :: st
    hx = c_null_ptr
    st = wrap_c(x, .true., hx)
    if (st == 0) st = c_mean_all(hx, v)
    if (st == 0) res = cmplx(v, kind=c_float_complex)
    call release(hx)
    call check(st, 'lapis_mean', stat, errmsg)
  end subroutine lapis_mean_c

  subroutine lapis_norm_c(x, res, stat, errmsg)
    complex(c_float_complex), intent(in), target :: x(..)
    real(c_float), intent(inout) :: res
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx
    real(c_double) :: v
    integer(c_int32_t) :: st
    hx = c_null_ptr
    st = wrap_c(x, .true., hx)
    if (st == 0) st = c_norm(hx, 0_c_int32_t, 0.0_c_double, v)
    if (st == 0) res = real(v, c_float)
    call release(hx)
    call check(st, 'lapis_norm', stat, errmsg)
  end subroutine lapis_norm_c

  subroutine lapis_add_z(x, y, out, stat, errmsg)
    complex(c_double_complex), intent(in), target :: x(..), y(..)
    complex(c_double_complex), intent(inout), target :: out(..)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx, hy, ho
    integer(c_int32_t) :: st
    hx = c_null_ptr
    hy = c_null_ptr
    ho = c_null_ptr
    st = wrap_z(x, .true., hx)
    if (st == 0) st = wrap_z(y, .true., hy)
    if (st == 0) st = wrap_z(out, .false., ho)
    if (st == 0) st = c_add_out(hx, hy, ho)
    call release(hx)
    call release(hy)
    call release(ho)
    call check(st, 'lapis_add', stat, errmsg)
  end subroutine lapis_add_z

  subroutine lapis_subtract_z(x, y, out, stat, errmsg)
    complex(c_double_complex), intent(in), target :: x(..), y(..)
    complex(c_double_complex), intent(inout), target :: out(..)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx, hy, ho
    integer(c_int32_t) :: st
    hx = c_null_ptr
    hy = c_null_ptr
    ho = c_null_ptr
    st = wrap_z(x, .true., hx)
    if (st == 0) st = wrap_z(y, .true., hy)
    if (st == 0) st = wrap_z(out, .false., ho)
    if (st == 0) st = c_subtract_out(hx, hy, ho)
    call release(hx)
    call release(hy)
    call release(ho)
    call check(st, 'lapis_subtract', stat, errmsg)
  end subroutine lapis_subtract_z

  subroutine lapis_multiply_z(x, y, out, stat, errmsg)
    complex(c_double_complex), intent(in), target :: x(..), y(..)
    complex(c_double_complex), intent(inout), target :: out(..)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx, hy, ho
    integer(c_int32_t) :: st
    hx = c_null_ptr
    hy = c_null_ptr
    ho = c_null_ptr
    st = wrap_z(x, .true., hx)
    if (st == 0) st = wrap_z(y, .true., hy)
    if (st == 0) st = wrap_z(out, .false., ho)
    if (st == 0) st = c_multiply_out(hx, hy, ho)
    call release(hx)
    call release(hy)
    call release(ho)
    call check(st, 'lapis_multiply', stat, errmsg)
  end subroutine lapis_multiply_z

  subroutine lapis_divide_z(x, y, out, stat, errmsg)
    complex(c_double_complex), intent(in), target :: x(..), y(..)
    complex(c_double_complex), intent(inout), target :: out(..)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx, hy, ho
    integer(c_int32_t) :: st
    hx = c_null_ptr
    hy = c_null_ptr
    ho = c_null_ptr
    st = wrap_z(x, .true., hx)
    if (st == 0) st = wrap_z(y, .true., hy)
    if (st == 0) st = wrap_z(out, .false., ho)
    if (st == 0) st = c_divide_out(hx, hy, ho)
    call release(hx)
    call release(hy)
    call release(ho)
    call check(st, 'lapis_divide', stat, errmsg)
  end subroutine lapis_divide_z

  subroutine lapis_exp_z(x, out, stat, errmsg)
    complex(c_double_complex), intent(in), target :: x(..)
    complex(c_double_complex), intent(inout), target :: out(..)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx, ho
    integer(c_int32_t) :: st
    hx = c_null_ptr
    ho = c_null_ptr
    st = wrap_z(x, .true., hx)
    if (st == 0) st = wrap_z(out, .false., ho)
    if (st == 0) st = c_exp_out(hx, ho)
    call release(hx)
    call release(ho)
    call check(st, 'lapis_exp', stat, errmsg)
  end subroutine lapis_exp_z

  subroutine lapis_sqrt_z(x, out, stat, errmsg)
    complex(c_double_complex), intent(in), target :: x(..)
    complex(c_double_complex), intent(inout), target :: out(..)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx, ho
    integer(c_int32_t) :: st
    hx = c_null_ptr
    ho = c_null_ptr
    st = wrap_z(x, .true., hx)
    if (st == 0) st = wrap_z(out, .false., ho)
    if (st == 0) st = c_sqrt_out(hx, ho)
    call release(hx)
    call release(ho)
    call check(st, 'lapis_sqrt', stat, errmsg)
  end subroutine lapis_sqrt_z

  subroutine lapis_abs_z(x, out, stat, errmsg)
    complex(c_double_complex), intent(in), target :: x(..)
    real(c_double), intent(inout), target :: out(..)
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx, ho
    integer(c_int32_t) :: st
    hx = c_null_ptr
    ho = c_null_ptr
    st = wrap_z(x, .true., hx)
    if (st == 0) st = wrap_d(out, .false., ho)
    if (st == 0) st = c_absolute_out(hx, ho)
    call release(hx)
    call release(ho)
    call check(st, 'lapis_abs', stat, errmsg)
  end subroutine lapis_abs_z

  subroutine lapis_sum_z(x, res, stat, errmsg)
    complex(c_double_complex), intent(in), target :: x(..)
    complex(c_double_complex), intent(inout) :: res
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx
    complex(c_double_complex) :: v
    integer(c_int32_t) :: st
    hx = c_null_ptr
    st = wrap_z(x, .true., hx)
    if (st == 0) st = c_sum_all(hx, v)
    if (st == 0) res = cmplx(v, kind=c_double_complex)
    call release(hx)
    call check(st, 'lapis_sum', stat, errmsg)
  end subroutine lapis_sum_z

  subroutine lapis_mean_z(x, res, stat, errmsg)
    complex(c_double_complex), intent(in), target :: x(..)
    complex(c_double_complex), intent(inout) :: res
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx
    complex(c_double_complex) :: v
    integer(c_int32_t) :: st
    hx = c_null_ptr
    st = wrap_z(x, .true., hx)
    if (st == 0) st = c_mean_all(hx, v)
    if (st == 0) res = cmplx(v, kind=c_double_complex)
    call release(hx)
    call check(st, 'lapis_mean', stat, errmsg)
  end subroutine lapis_mean_z

  subroutine lapis_norm_z(x, res, stat, errmsg)
    complex(c_double_complex), intent(in), target :: x(..)
    real(c_double), intent(inout) :: res
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx
    real(c_double) :: v
    integer(c_int32_t) :: st
    hx = c_null_ptr
    st = wrap_z(x, .true., hx)
    if (st == 0) st = c_norm(hx, 0_c_int32_t, 0.0_c_double, v)
    if (st == 0) res = real(v, c_double)
    call release(hx)
    call check(st, 'lapis_norm', stat, errmsg)
  end subroutine lapis_norm_z

  subroutine lapis_fft_c(x, y, dim, norm, stat, errmsg)
    complex(c_float_complex), intent(in), target :: x(..)
    complex(c_float_complex), intent(inout), target :: y(..)
    integer, intent(in), optional :: dim
    character(*), intent(in), optional :: norm
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx, hy
    integer :: d
    integer(c_int32_t) :: nc
    integer(c_int32_t) :: st
    hx = c_null_ptr
    hy = c_null_ptr
    d = 1
    if (present(dim)) d = dim
    st = dim_check(d, rank(x))
    if (st == 0) st = norm_code(norm, nc)
    if (st == 0) st = wrap_c(x, .true., hx)
    if (st == 0) st = wrap_c(y, .false., hy)
    if (st == 0) st = c_fft_fft_out(hx, int(size(y, d), c_int64_t), int(d - 1, c_int64_t), nc, hy)
    call release(hx)
    call release(hy)
    call check(st, 'lapis_fft', stat, errmsg)
  end subroutine lapis_fft_c

  subroutine lapis_ifft_c(x, y, dim, norm, stat, errmsg)
    complex(c_float_complex), intent(in), target :: x(..)
    complex(c_float_complex), intent(inout), target :: y(..)
    integer, intent(in), optional :: dim
    character(*), intent(in), optional :: norm
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx, hy
    integer :: d
    integer(c_int32_t) :: nc
    integer(c_int32_t) :: st
    hx = c_null_ptr
    hy = c_null_ptr
    d = 1
    if (present(dim)) d = dim
    st = dim_check(d, rank(x))
    if (st == 0) st = norm_code(norm, nc)
    if (st == 0) st = wrap_c(x, .true., hx)
    if (st == 0) st = wrap_c(y, .false., hy)
    if (st == 0) st = c_fft_ifft_out(hx, int(size(y, d), c_int64_t), int(d - 1, c_int64_t), nc, hy)
    call release(hx)
    call release(hy)
    call check(st, 'lapis_ifft', stat, errmsg)
  end subroutine lapis_ifft_c

  subroutine lapis_rfft_c(x, y, dim, norm, stat, errmsg)
    real(c_float), intent(in), target :: x(..)
    complex(c_float_complex), intent(inout), target :: y(..)
    integer, intent(in), optional :: dim
    character(*), intent(in), optional :: norm
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx, hy
    integer :: d
    integer(c_int32_t) :: nc
    integer(c_int32_t) :: st
    hx = c_null_ptr
    hy = c_null_ptr
    d = 1
    if (present(dim)) d = dim
    st = dim_check(d, rank(x))
    if (st == 0) st = norm_code(norm, nc)
    if (st == 0) st = wrap_s(x, .true., hx)
    if (st == 0) st = wrap_c(y, .false., hy)
    if (st == 0) st = c_fft_rfft_out(hx, int(size(x, d), c_int64_t), int(d - 1, c_int64_t), nc, hy)
    call release(hx)
    call release(hy)
    call check(st, 'lapis_rfft', stat, errmsg)
  end subroutine lapis_rfft_c

  subroutine lapis_irfft_c(x, y, dim, norm, stat, errmsg)
    complex(c_float_complex), intent(in), target :: x(..)
    real(c_float), intent(inout), target :: y(..)
    integer, intent(in), optional :: dim
    character(*), intent(in), optional :: norm
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx, hy
    integer :: d
    integer(c_int32_t) :: nc
    integer(c_int32_t) :: st
    hx = c_null_ptr
    hy = c_null_ptr
    d = 1
    if (present(dim)) d = dim
    st = dim_check(d, rank(x))
    if (st == 0) st = norm_code(norm, nc)
    if (st == 0) st = wrap_c(x, .true., hx)
    if (st == 0) st = wrap_s(y, .false., hy)
    if (st == 0) st = c_fft_irfft_out(hx, int(size(y, d), c_int64_t), int(d - 1, c_int64_t), nc, hy)
    call release(hx)
    call release(hy)
    call check(st, 'lapis_irfft', stat, errmsg)
  end subroutine lapis_irfft_c

  subroutine lapis_fftn_c(x, y, norm, stat, errmsg)
    complex(c_float_complex), intent(in), target :: x(..)
    complex(c_float_complex), intent(inout), target :: y(..)
    character(*), intent(in), optional :: norm
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx, hy
    integer(c_int32_t) :: nc
    integer(c_int64_t) :: unused(1)
    integer(c_int32_t) :: st
    hx = c_null_ptr
    hy = c_null_ptr
    unused = 0
    st = norm_code(norm, nc)
    if (st == 0) st = wrap_c(x, .true., hx)
    if (st == 0) st = wrap_c(y, .false., hy)
    if (st == 0) st = c_fft_fftn_out(hx, LAPIS_FFT_DEFAULT, unused, LAPIS_FFT_DEFAULT, unused, nc, hy)
    call release(hx)
    call release(hy)
    call check(st, 'lapis_fftn', stat, errmsg)
  end subroutine lapis_fftn_c

  subroutine lapis_ifftn_c(x, y, norm, stat, errmsg)
    complex(c_float_complex), intent(in), target :: x(..)
    complex(c_float_complex), intent(inout), target :: y(..)
    character(*), intent(in), optional :: norm
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx, hy
    integer(c_int32_t) :: nc
    integer(c_int64_t) :: unused(1)
    integer(c_int32_t) :: st
    hx = c_null_ptr
    hy = c_null_ptr
    unused = 0
    st = norm_code(norm, nc)
    if (st == 0) st = wrap_c(x, .true., hx)
    if (st == 0) st = wrap_c(y, .false., hy)
    if (st == 0) st = c_fft_ifftn_out(hx, LAPIS_FFT_DEFAULT, unused, LAPIS_FFT_DEFAULT, unused, nc, hy)
    call release(hx)
    call release(hy)
    call check(st, 'lapis_ifftn', stat, errmsg)
  end subroutine lapis_ifftn_c

  subroutine lapis_fft_z(x, y, dim, norm, stat, errmsg)
    complex(c_double_complex), intent(in), target :: x(..)
    complex(c_double_complex), intent(inout), target :: y(..)
    integer, intent(in), optional :: dim
    character(*), intent(in), optional :: norm
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx, hy
    integer :: d
    integer(c_int32_t) :: nc
    integer(c_int32_t) :: st
    hx = c_null_ptr
    hy = c_null_ptr
    d = 1
    if (present(dim)) d = dim
    st = dim_check(d, rank(x))
    if (st == 0) st = norm_code(norm, nc)
    if (st == 0) st = wrap_z(x, .true., hx)
    if (st == 0) st = wrap_z(y, .false., hy)
    if (st == 0) st = c_fft_fft_out(hx, int(size(y, d), c_int64_t), int(d - 1, c_int64_t), nc, hy)
    call release(hx)
    call release(hy)
    call check(st, 'lapis_fft', stat, errmsg)
  end subroutine lapis_fft_z

  subroutine lapis_ifft_z(x, y, dim, norm, stat, errmsg)
    complex(c_double_complex), intent(in), target :: x(..)
    complex(c_double_complex), intent(inout), target :: y(..)
    integer, intent(in), optional :: dim
    character(*), intent(in), optional :: norm
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx, hy
    integer :: d
    integer(c_int32_t) :: nc
    integer(c_int32_t) :: st
    hx = c_null_ptr
    hy = c_null_ptr
    d = 1
    if (present(dim)) d = dim
    st = dim_check(d, rank(x))
    if (st == 0) st = norm_code(norm, nc)
    if (st == 0) st = wrap_z(x, .true., hx)
    if (st == 0) st = wrap_z(y, .false., hy)
    if (st == 0) st = c_fft_ifft_out(hx, int(size(y, d), c_int64_t), int(d - 1, c_int64_t), nc, hy)
    call release(hx)
    call release(hy)
    call check(st, 'lapis_ifft', stat, errmsg)
  end subroutine lapis_ifft_z

  subroutine lapis_rfft_z(x, y, dim, norm, stat, errmsg)
    real(c_double), intent(in), target :: x(..)
    complex(c_double_complex), intent(inout), target :: y(..)
    integer, intent(in), optional :: dim
    character(*), intent(in), optional :: norm
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx, hy
    integer :: d
    integer(c_int32_t) :: nc
    integer(c_int32_t) :: st
    hx = c_null_ptr
    hy = c_null_ptr
    d = 1
    if (present(dim)) d = dim
    st = dim_check(d, rank(x))
    if (st == 0) st = norm_code(norm, nc)
    if (st == 0) st = wrap_d(x, .true., hx)
    if (st == 0) st = wrap_z(y, .false., hy)
    if (st == 0) st = c_fft_rfft_out(hx, int(size(x, d), c_int64_t), int(d - 1, c_int64_t), nc, hy)
    call release(hx)
    call release(hy)
    call check(st, 'lapis_rfft', stat, errmsg)
  end subroutine lapis_rfft_z

  subroutine lapis_irfft_z(x, y, dim, norm, stat, errmsg)
    complex(c_double_complex), intent(in), target :: x(..)
    real(c_double), intent(inout), target :: y(..)
    integer, intent(in), optional :: dim
    character(*), intent(in), optional :: norm
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx, hy
    integer :: d
    integer(c_int32_t) :: nc
    integer(c_int32_t) :: st
    hx = c_null_ptr
    hy = c_null_ptr
    d = 1
    if (present(dim)) d = dim
    st = dim_check(d, rank(x))
    if (st == 0) st = norm_code(norm, nc)
    if (st == 0) st = wrap_z(x, .true., hx)
    if (st == 0) st = wrap_d(y, .false., hy)
    if (st == 0) st = c_fft_irfft_out(hx, int(size(y, d), c_int64_t), int(d - 1, c_int64_t), nc, hy)
    call release(hx)
    call release(hy)
    call check(st, 'lapis_irfft', stat, errmsg)
  end subroutine lapis_irfft_z

  subroutine lapis_fftn_z(x, y, norm, stat, errmsg)
    complex(c_double_complex), intent(in), target :: x(..)
    complex(c_double_complex), intent(inout), target :: y(..)
    character(*), intent(in), optional :: norm
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx, hy
    integer(c_int32_t) :: nc
    integer(c_int64_t) :: unused(1)
    integer(c_int32_t) :: st
    hx = c_null_ptr
    hy = c_null_ptr
    unused = 0
    st = norm_code(norm, nc)
    if (st == 0) st = wrap_z(x, .true., hx)
    if (st == 0) st = wrap_z(y, .false., hy)
    if (st == 0) st = c_fft_fftn_out(hx, LAPIS_FFT_DEFAULT, unused, LAPIS_FFT_DEFAULT, unused, nc, hy)
    call release(hx)
    call release(hy)
    call check(st, 'lapis_fftn', stat, errmsg)
  end subroutine lapis_fftn_z

  subroutine lapis_ifftn_z(x, y, norm, stat, errmsg)
    complex(c_double_complex), intent(in), target :: x(..)
    complex(c_double_complex), intent(inout), target :: y(..)
    character(*), intent(in), optional :: norm
    integer, intent(out), optional :: stat
    character(*), intent(inout), optional :: errmsg
    type(c_ptr) :: hx, hy
    integer(c_int32_t) :: nc
    integer(c_int64_t) :: unused(1)
    integer(c_int32_t) :: st
    hx = c_null_ptr
    hy = c_null_ptr
    unused = 0
    st = norm_code(norm, nc)
    if (st == 0) st = wrap_z(x, .true., hx)
    if (st == 0) st = wrap_z(y, .false., hy)
    if (st == 0) st = c_fft_ifftn_out(hx, LAPIS_FFT_DEFAULT, unused, LAPIS_FFT_DEFAULT, unused, nc, hy)
    call release(hx)
    call release(hy)
    call check(st, 'lapis_ifftn', stat, errmsg)
  end subroutine lapis_ifftn_z

end module lapis
