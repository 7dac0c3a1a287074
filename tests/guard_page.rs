//! Operands that end (or start) exactly at a page boundary next to an
//! unmapped guard page. Some BLAS kernels load one element beyond either
//! end of a vector or matrix (OpenBLAS 0.3.21's Haswell `{c,z}dot{u,c}`
//! with non-unit increments and `{c,z}gemv_n`: OpenMathLib/OpenBLAS#4013).
//! On memory lapis allocates, its padding absorbs such a load; on caller
//! memory, lapis hands BLAS a padded copy of an operand that lies within
//! one cache line of a page edge (see `layout::near_page_edge`). Either
//! way no call may fault here: a fault kills this test binary.

use lapis::blas::{self, Transpose};
use ndarray::{ArrayView1, ArrayView2, ShapeBuilder, s};
use num_complex::{Complex32, Complex64};

/// `|got − want| ≤ tol·(1 + |want|)`.
fn assert_close(got: Complex64, want: Complex64, tol: f64) {
    assert!(
        (got - want).norm() <= tol * (1.0 + want.norm()),
        "got {got}, want {want}"
    );
}

/// Two pages, the second made inaccessible: guard-page memory for `T`s
/// placed against either edge of the first page.
struct Guarded {
    base: *mut u8,
    page: usize,
}

impl Guarded {
    /// `[guard page][data page][guard page]`.
    fn new() -> Guarded {
        // SAFETY: plain anonymous mappings; the outer pages are then made
        // inaccessible.
        unsafe {
            let page = libc::sysconf(libc::_SC_PAGESIZE) as usize;
            let base = libc::mmap(
                std::ptr::null_mut(),
                3 * page,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            );
            assert_ne!(base, libc::MAP_FAILED);
            let base = base as *mut u8;
            assert_eq!(libc::mprotect(base as *mut _, page, libc::PROT_NONE), 0);
            assert_eq!(
                libc::mprotect(base.add(2 * page) as *mut _, page, libc::PROT_NONE),
                0
            );
            Guarded { base, page }
        }
    }

    /// `len` elements ending exactly at the upper guard page.
    fn at_end<T: Copy>(&self, values: &[T]) -> *mut T {
        let bytes = std::mem::size_of_val(values);
        assert!(bytes <= self.page);
        // SAFETY: the range lies in the data page.
        unsafe {
            let p = self.base.add(2 * self.page - bytes) as *mut T;
            std::ptr::copy_nonoverlapping(values.as_ptr(), p, values.len());
            p
        }
    }

    /// `len` elements starting exactly at the data page's first byte.
    fn at_start<T: Copy>(&self, values: &[T]) -> *mut T {
        assert!(std::mem::size_of_val(values) <= self.page);
        // SAFETY: the range lies in the data page.
        unsafe {
            let p = self.base.add(self.page) as *mut T;
            std::ptr::copy_nonoverlapping(values.as_ptr(), p, values.len());
            p
        }
    }
}

impl Drop for Guarded {
    fn drop(&mut self) {
        // SAFETY: the mapping made in `new`.
        unsafe { libc::munmap(self.base as *mut _, 3 * self.page) };
    }
}

fn values<T: From<f32>>(len: usize) -> Vec<T> {
    (0..len).map(|i| T::from(0.5 + i as f32)).collect()
}

fn complex_values<T>(len: usize, make: impl Fn(f64, f64) -> T) -> Vec<T> {
    (0..len)
        .map(|i| make(0.5 + i as f64, 1.0 - 0.25 * i as f64))
        .collect()
}

macro_rules! dot_at_edges {
    ($name:ident, $t:ty, $eps:ty, $make:expr) => {
        #[test]
        fn $name() {
            let g = Guarded::new();
            let n = 5;
            for inc in [1usize, 2, 3] {
                let len = (n - 1) * inc + 1;
                let data: Vec<$t> = complex_values(len, $make);
                let y: Vec<$t> = complex_values(n, |a, b| $make(b, -a));
                let want = |x: &ArrayView1<$t>, conj: bool| -> Complex64 {
                    x.iter()
                        .zip(&y)
                        .map(|(a, b)| {
                            let a = if conj { a.conj() } else { *a };
                            let p = a * b;
                            Complex64::new(p.re as f64, p.im as f64)
                        })
                        .sum()
                };
                for place in [Guarded::at_end::<$t>, Guarded::at_start::<$t>] {
                    let p = place(&g, &data);
                    // SAFETY: `len` elements at `p` in the data page.
                    let x = unsafe { ArrayView1::from_shape_ptr((n,).strides((inc,)), p) };
                    let yv = ArrayView1::from(&y[..]);
                    for x in [x.view(), x.slice(s![..;-1])] {
                        let tol = 64.0 * f64::from(<$eps>::EPSILON);
                        let got = blas::dotc(&x, &yv).unwrap();
                        assert_close(
                            Complex64::new(got.re as f64, got.im as f64),
                            want(&x, true),
                            tol,
                        );
                        let got = blas::dot(&x, &yv).unwrap();
                        assert_close(
                            Complex64::new(got.re as f64, got.im as f64),
                            want(&x, false),
                            tol,
                        );
                    }
                }
            }
        }
    };
}

dot_at_edges!(
    complex64_dot_at_page_edges,
    Complex32,
    f32,
    |a: f64, b: f64| { Complex32::new(a as f32, b as f32) }
);
dot_at_edges!(complex128_dot_at_page_edges, Complex64, f64, Complex64::new);

#[test]
fn complex_gemv_with_matrix_at_page_edges() {
    let g = Guarded::new();
    let (m, n) = (7, 5);
    let a: Vec<Complex64> = complex_values(m * n, Complex64::new);
    let x: Vec<Complex64> = complex_values(n, |p, q| Complex64::new(q, p));
    for place in [Guarded::at_end::<Complex64>, Guarded::at_start::<Complex64>] {
        let p = place(&g, &a);
        for fortran in [true, false] {
            // SAFETY: m·n elements at `p` in the data page.
            let av = unsafe { ArrayView2::from_shape_ptr((m, n).set_f(fortran), p) };
            let mut y = ndarray::Array1::<Complex64>::zeros(m);
            blas::gemv(
                Transpose::NoTrans,
                Complex64::new(1.0, 0.0),
                &av,
                &ArrayView1::from(&x[..]),
                Complex64::new(0.0, 0.0),
                &mut y,
            )
            .unwrap();
            for i in 0..m {
                let want: Complex64 = (0..n).map(|j| av[(i, j)] * x[j]).sum();
                assert_close(y[i], want, 1e-12 * 64.0);
            }
        }
    }
    // Real vectors at the edges too (not known to over-read; cheap to cover).
    let r: Vec<f64> = values(9);
    let p = g.at_end(&r);
    // SAFETY: 9 elements at `p`.
    let xv = unsafe { ArrayView1::from_shape_ptr((5,).strides((2,)), p) };
    let d = blas::dot(&xv, &xv).unwrap();
    let want: f64 = xv.iter().map(|v| v * v).sum();
    assert!((d - want).abs() <= 1e-12 * want);
}

/// A complex view whose first element sits on a page edge and whose second
/// lies 2³¹ elements further (never mapped here): the increment does not fit
/// a 32-bit BLAS integer, so `dot`/`dotc` must refuse it before reading.
/// Before the fix the page-edge copy ran first and read the second element:
/// SIGSEGV, seen in CI as a crash of `blas_level1` whenever the heap cell of
/// its huge-stride test happened to lie near a page edge.
#[test]
fn huge_increment_at_page_edge_is_refused_before_any_read() {
    if lapis::backend().int_bits == 64 {
        eprintln!("not applicable to a 64-bit BLAS integer (the increment fits)");
        return;
    }
    let g = Guarded::new();
    let cell = [Complex64::new(1.0, 2.0)];
    let p = g.at_start(&cell);
    let y = [Complex64::new(1.0, 0.0); 2];
    let yv = ArrayView1::from(&y[..]);
    // SAFETY: only the first element is in memory; the view goes only to
    // routines that must reject its increment before reading.
    let x = unsafe { ArrayView1::from_shape_ptr((2,).strides((1usize << 31,)), p) };
    for (name, r) in [("dot", blas::dot(&x, &yv)), ("dotc", blas::dotc(&x, &yv))] {
        match r {
            Err(lapis::Error::DimensionTooLarge {
                what: "increment", ..
            }) => {}
            other => panic!("{name}: expected DimensionTooLarge, got {other:?}"),
        }
    }
}
