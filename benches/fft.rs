//! FFT timings (criterion, short), lapis beside FFTW 3 called directly
//! (FFTW_ESTIMATE plans made outside the timed loop, `fftw_execute` inside,
//! out of place into a preallocated buffer) on the same data: 1-D
//! complex128 of n = 2^10, 2^12, ..., 2^20 and the prime 65537, 2-D
//! 1024×1024, rfft of 2^20 reals (`dft_r2c`), a 4096 × 256 batch along the
//! last axis (`plan_many_dft`). lapis returns a new array each call (as
//! numpy does). `benches/numpy/fft_bench.py` times numpy.fft on the same
//! cases. Needs libfftw3-dev (scripts/setup.sh installs it).

use std::ffi::{c_int, c_uint, c_void};
use std::time::Duration;

use criterion::{
    BenchmarkGroup, Criterion, criterion_group, criterion_main, measurement::WallTime,
};
use lapis::array::{self, NdArray};
use lapis::fft::{self, Norm};
use lapis::{Complex64, DType};

/// The few FFTW 3 (double precision) entry points used here; `fftw_complex`
/// is `double[2]`, laid out as `Complex64`.
mod fftw {
    use super::*;

    pub type Plan = *mut c_void;
    pub const FORWARD: c_int = -1;
    pub const ESTIMATE: c_uint = 1 << 6;

    #[link(name = "fftw3")]
    unsafe extern "C" {
        pub fn fftw_malloc(n: usize) -> *mut c_void;
        pub fn fftw_free(p: *mut c_void);
        pub fn fftw_plan_dft_1d(
            n: c_int,
            input: *mut Complex64,
            output: *mut Complex64,
            sign: c_int,
            flags: c_uint,
        ) -> Plan;
        pub fn fftw_plan_dft_2d(
            n0: c_int,
            n1: c_int,
            input: *mut Complex64,
            output: *mut Complex64,
            sign: c_int,
            flags: c_uint,
        ) -> Plan;
        pub fn fftw_plan_dft_r2c_1d(
            n: c_int,
            input: *mut f64,
            output: *mut Complex64,
            flags: c_uint,
        ) -> Plan;
        #[allow(clippy::too_many_arguments)]
        pub fn fftw_plan_many_dft(
            rank: c_int,
            n: *const c_int,
            howmany: c_int,
            input: *mut Complex64,
            inembed: *const c_int,
            istride: c_int,
            idist: c_int,
            output: *mut Complex64,
            onembed: *const c_int,
            ostride: c_int,
            odist: c_int,
            sign: c_int,
            flags: c_uint,
        ) -> Plan;
        pub fn fftw_execute(p: Plan);
        pub fn fftw_destroy_plan(p: Plan);
    }

    /// A buffer from `fftw_malloc` (SIMD-aligned), freed on drop.
    pub struct Buf<T> {
        pub ptr: *mut T,
    }

    impl<T: Copy> Buf<T> {
        pub fn from(v: &[T]) -> Buf<T> {
            // SAFETY: fftw_malloc returns memory for `len` Ts (or NULL, checked).
            let ptr = unsafe { fftw_malloc(std::mem::size_of_val(v)) } as *mut T;
            assert!(!ptr.is_null(), "fftw_malloc failed");
            // SAFETY: `ptr` holds `v.len()` Ts and does not overlap `v`.
            unsafe { std::ptr::copy_nonoverlapping(v.as_ptr(), ptr, v.len()) };
            Buf { ptr }
        }
    }

    impl<T> Drop for Buf<T> {
        fn drop(&mut self) {
            // SAFETY: allocated by fftw_malloc.
            unsafe { fftw_free(self.ptr as *mut c_void) }
        }
    }

    /// A plan, destroyed on drop.
    pub struct Owned(pub Plan);
    impl Owned {
        pub fn execute(&self) {
            // SAFETY: a valid plan whose buffers outlive it.
            unsafe { fftw_execute(self.0) }
        }
    }
    impl Drop for Owned {
        fn drop(&mut self) {
            // SAFETY: a plan from fftw_plan_*.
            unsafe { fftw_destroy_plan(self.0) }
        }
    }
}

fn complex_values(n: usize) -> Vec<Complex64> {
    (0..n)
        .map(|i| Complex64::new((i as f64 * 0.37).sin(), (i as f64 * 0.11).cos()))
        .collect()
}

fn complex(shape: &[usize]) -> NdArray {
    array::from_vec(complex_values(shape.iter().product()), shape).unwrap()
}

/// Times `fftw_execute` of the plan `make(input, output)` on buffers with
/// `data` and `out_len` complex outputs.
fn time_fftw<T: Copy>(
    g: &mut BenchmarkGroup<'_, WallTime>,
    name: &str,
    data: &[T],
    out_len: usize,
    make: impl FnOnce(*mut T, *mut Complex64) -> fftw::Plan,
) {
    let input = fftw::Buf::from(data);
    let output = fftw::Buf::from(&vec![Complex64::default(); out_len]);
    let plan = fftw::Owned(make(input.ptr, output.ptr));
    assert!(!plan.0.is_null(), "FFTW could not plan {name}");
    g.bench_function(format!("{name} fftw"), |b| b.iter(|| plan.execute()));
    // The plan goes before the buffers it points to.
    drop(plan);
    drop((input, output));
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("fft");
    g.sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1));
    let sizes: Vec<usize> = (10..=20)
        .step_by(2)
        .map(|k| 1usize << k)
        .chain([65537])
        .collect();
    for n in sizes {
        let name = format!("fft c128 n={n}");
        let a = complex(&[n]);
        g.bench_function(format!("{name} lapis"), |b| {
            b.iter(|| fft::fft(&a, None, -1, Norm::Backward).unwrap())
        });
        // The same into a preallocated out (no allocation per call), as
        // FFTW's out-of-place execute does.
        let mut out = array::zeros(&[n], DType::C128).unwrap();
        g.bench_function(format!("{name} lapis fft_out"), |b| {
            b.iter(|| fft::fft_out(&a, None, -1, Norm::Backward, &mut out).unwrap())
        });
        time_fftw(&mut g, &name, &complex_values(n), n, |i, o| {
            // SAFETY: buffers of n complex values.
            unsafe { fftw::fftw_plan_dft_1d(n as c_int, i, o, fftw::FORWARD, fftw::ESTIMATE) }
        });
    }
    let name = "fft2 c128 1024x1024";
    let a = complex(&[1024, 1024]);
    g.bench_function(format!("{name} lapis"), |b| {
        b.iter(|| fft::fft2(&a, None, None, Norm::Backward).unwrap())
    });
    time_fftw(&mut g, name, &complex_values(1 << 20), 1 << 20, |i, o| {
        // SAFETY: buffers of 1024·1024 complex values.
        unsafe { fftw::fftw_plan_dft_2d(1024, 1024, i, o, fftw::FORWARD, fftw::ESTIMATE) }
    });
    let name = "rfft f64 n=2^20";
    let r = array::linspace(0.0, 1.0, 1 << 20, true, DType::F64).unwrap();
    g.bench_function(format!("{name} lapis"), |b| {
        b.iter(|| fft::rfft(&r, None, -1, Norm::Backward).unwrap())
    });
    let rv = r.to_vec::<f64>().unwrap();
    time_fftw(&mut g, name, &rv, (1 << 19) + 1, |i, o| {
        // SAFETY: 2^20 reals in, 2^19 + 1 complex out.
        unsafe { fftw::fftw_plan_dft_r2c_1d(1 << 20, i, o, fftw::ESTIMATE) }
    });
    let name = "fft c128 batch 4096x256 axis=-1";
    let a = complex(&[4096, 256]);
    g.bench_function(format!("{name} lapis"), |b| {
        b.iter(|| fft::fft(&a, None, -1, Norm::Backward).unwrap())
    });
    time_fftw(
        &mut g,
        name,
        &complex_values(4096 * 256),
        4096 * 256,
        |i, o| {
            let n: [c_int; 1] = [256];
            // SAFETY: 4096 rows of 256 contiguous complex values in and out.
            unsafe {
                fftw::fftw_plan_many_dft(
                    1,
                    n.as_ptr(),
                    4096,
                    i,
                    std::ptr::null(),
                    1,
                    256,
                    o,
                    std::ptr::null(),
                    1,
                    256,
                    fftw::FORWARD,
                    fftw::ESTIMATE,
                )
            }
        },
    );
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
