//! Helpers of the matmul tests: NdArrays of every layout over given
//! logical values, naive complex128 references, epsilon-scaled checks.
#![allow(dead_code)]

use lapis::array::{self, Idx, NdArray};
use lapis::{Complex64, DType, RealScalar, Scalar};
use ndarray::{ArrayD, Axis, Dimension, IxDyn, Slice};

pub type C = Complex64;

pub fn c<T: Scalar>(x: T) -> C {
    C::new(x.re().to_f64_real(), x.im().to_f64_real())
}

/// Deterministic values in [-1, 1) (SplitMix64).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        (z >> 11) as f64 / (1u64 << 53) as f64 * 2.0 - 1.0
    }
    pub fn scalar<T: Scalar>(&mut self) -> T {
        let (re, im) = (self.next(), self.next());
        T::from_parts(
            <T::Real as RealScalar>::from_f64_real(re),
            <T::Real as RealScalar>::from_f64_real(im),
        )
    }
    pub fn array<T: Scalar>(&mut self, shape: &[usize]) -> ArrayD<T> {
        ArrayD::from_shape_simple_fn(IxDyn(shape), || self.scalar())
    }
}

/// Operand layouts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lay {
    /// C order.
    C,
    /// Fortran order.
    F,
    /// Last two axes swapped of a C array.
    T,
    /// A sub-block of a larger C array (padded strides).
    Sliced,
    /// Every other element on every axis.
    Stepped,
    /// Every axis reversed (negative strides).
    Neg,
    /// Axis 0 broadcast from length 1 (zero stride; read-only).
    Bcast,
}

impl Lay {
    pub const ALL: [Lay; 7] = [
        Lay::C,
        Lay::F,
        Lay::T,
        Lay::Sliced,
        Lay::Stepped,
        Lay::Neg,
        Lay::Bcast,
    ];
}

fn owned<T: Scalar>(a: ArrayD<T>) -> NdArray {
    array::from_ndarray(a).unwrap()
}

/// An NdArray in layout `lay` and the logical values it holds (for
/// `Bcast`, row 0 repeated along axis 0).
pub fn make<T: Scalar>(vals: &ArrayD<T>, lay: Lay) -> (NdArray, ArrayD<T>) {
    let nd = vals.ndim();
    let poison = T::from_f64(1e30);
    let x = match lay {
        Lay::C => owned(vals.as_standard_layout().into_owned()),
        Lay::F => owned(vals.t().as_standard_layout().into_owned()).t(),
        Lay::T if nd >= 2 => {
            let mut v = vals.view();
            v.swap_axes(nd - 2, nd - 1);
            owned(v.as_standard_layout().into_owned())
                .swapaxes(-1, -2)
                .unwrap()
        }
        Lay::T => owned(vals.to_owned()),
        Lay::Sliced => {
            let big: Vec<usize> = vals.shape().iter().map(|&n| n + 3).collect();
            let mut b = ArrayD::from_elem(IxDyn(&big), poison);
            b.slice_each_axis_mut(|ax| Slice::from(1..vals.shape()[ax.axis.index()] + 1))
                .assign(vals);
            let idx: Vec<Idx> = vals
                .shape()
                .iter()
                .map(|&n| Idx::slice(Some(1), Some(n as isize + 1), 1))
                .collect();
            owned(b).slice(&idx).unwrap()
        }
        Lay::Stepped => {
            let big: Vec<usize> = vals.shape().iter().map(|&n| 2 * n + 1).collect();
            let mut b = ArrayD::from_elem(IxDyn(&big), poison);
            b.slice_each_axis_mut(|ax| {
                Slice::from(1..2 * vals.shape()[ax.axis.index()] + 1).step_by(2)
            })
            .assign(vals);
            let idx: Vec<Idx> = vals
                .shape()
                .iter()
                .map(|&n| Idx::slice(Some(1), Some(2 * n as isize + 1), 2))
                .collect();
            owned(b).slice(&idx).unwrap()
        }
        Lay::Neg => {
            let rev = vals
                .slice_each_axis(|_| Slice::new(0, None, -1))
                .as_standard_layout()
                .into_owned();
            owned(rev).slice(&vec![Idx::step(-1); nd]).unwrap()
        }
        Lay::Bcast => {
            let row = vals.index_axis(Axis(0), 0).insert_axis(Axis(0)).to_owned();
            let v = row.broadcast(vals.raw_dim()).unwrap().to_owned();
            let x = owned(row).broadcast_to(vals.shape()).unwrap();
            return (x, v);
        }
    };
    (x, vals.clone())
}

/// The elements as complex128 (any dtype).
pub fn to_c(x: &NdArray) -> ArrayD<C> {
    match x.dtype() {
        DType::F32 => x.to_ndarray::<f32>().unwrap().mapv(c),
        DType::F64 => x.to_ndarray::<f64>().unwrap().mapv(c),
        DType::C64 => x.to_ndarray::<lapis::Complex32>().unwrap().mapv(c),
        DType::C128 => x.to_ndarray::<C>().unwrap(),
    }
}

pub fn eps(d: DType) -> f64 {
    if d.is_double() {
        f64::EPSILON
    } else {
        f32::EPSILON as f64
    }
}

/// `|got − want| ≤ 8·(n + 2)·ε·(1 + max|want|)` elementwise, shapes equal.
#[track_caller]
pub fn check(got: &NdArray, want: &ArrayD<C>, n: usize, e: f64, what: &str) {
    assert_eq!(got.shape(), want.shape(), "{what}: shape");
    let g = to_c(got);
    let scale = want.iter().map(|v| v.norm()).fold(0.0, f64::max);
    let tol = 8.0 * (n + 2) as f64 * e * (1.0 + scale);
    for ((i, w), gv) in want.indexed_iter().zip(g.iter()) {
        let d = (gv - w).norm();
        assert!(
            d <= tol,
            "{what}: at {:?}: got {gv}, want {w}, |diff| {d:e} > {tol:e}",
            i.slice()
        );
    }
}

/// NumPy's matmul computed naively in complex128: 1-D promotion, stacks
/// broadcast by index arithmetic.
pub fn ref_matmul(a: &ArrayD<C>, b: &ArrayD<C>) -> ArrayD<C> {
    let (a_vec, b_vec) = (a.ndim() == 1, b.ndim() == 1);
    let a2 = if a_vec {
        a.clone().insert_axis(Axis(0))
    } else {
        a.clone()
    };
    let b2 = if b_vec {
        b.clone().insert_axis(Axis(1))
    } else {
        b.clone()
    };
    let (na, nb) = (a2.ndim(), b2.ndim());
    let (m, k, n) = (a2.shape()[na - 2], a2.shape()[na - 1], b2.shape()[nb - 1]);
    assert_eq!(b2.shape()[nb - 2], k);
    let nl = (na - 2).max(nb - 2);
    let lead: Vec<usize> = (0..nl)
        .map(|d| {
            let get = |s: &[usize], nls: usize| if d + nls >= nl { s[d + nls - nl] } else { 1 };
            let (x, y) = (get(a2.shape(), na - 2), get(b2.shape(), nb - 2));
            assert!(x == y || x == 1 || y == 1);
            if x == 1 { y } else { x }
        })
        .collect();
    let mut full = lead.clone();
    full.extend([m, n]);
    let out = ArrayD::from_shape_fn(IxDyn(&full), |idx| {
        let idx = idx.slice();
        let pick = |s: &[usize], nls: usize| -> Vec<usize> {
            (0..nls)
                .map(|d| {
                    let dd = d + nl - nls;
                    if s[d] == 1 { 0 } else { idx[dd] }
                })
                .collect()
        };
        let mut ia = pick(a2.shape(), na - 2);
        let mut ib = pick(b2.shape(), nb - 2);
        let (i, j) = (idx[nl], idx[nl + 1]);
        ia.extend([i, 0]);
        ib.extend([0, j]);
        let mut acc = C::new(0.0, 0.0);
        for p in 0..k {
            ia[na - 1] = p;
            ib[nb - 2] = p;
            acc += a2[IxDyn(&ia)] * b2[IxDyn(&ib)];
        }
        acc
    });
    let mut out = out;
    if b_vec {
        out = out.index_axis_move(Axis(nl + 1), 0);
    }
    if a_vec {
        out = out.index_axis_move(Axis(nl), 0);
    }
    out
}
