//! Property tests: chains of slices, transposes and reshapes of random
//! arrays against a naive model (a shape and the C-order list of values),
//! with Python's slice rules written out element by element. Reshape's copy
//! decision is checked against a brute-force oracle: a view exists exactly
//! when some strides reproduce the byte offsets of the elements in C order.

use lapis::array::{self, Idx, NdArray};
use lapis::{DType, Error};
use proptest::prelude::*;

/// The naive model: shape and values in C order.
#[derive(Clone, Debug, PartialEq)]
struct Model {
    shape: Vec<usize>,
    data: Vec<f64>,
}

impl Model {
    fn strides(&self) -> Vec<usize> {
        let mut s = vec![1; self.shape.len()];
        for k in (0..self.shape.len().saturating_sub(1)).rev() {
            s[k] = s[k + 1] * self.shape[k + 1];
        }
        s
    }

    fn get(&self, idx: &[usize]) -> f64 {
        let s = self.strides();
        self.data[idx.iter().zip(&s).map(|(i, s)| i * s).sum::<usize>()]
    }
}

/// All multi-indices of `shape` in C order.
fn indices(shape: &[usize]) -> Vec<Vec<usize>> {
    let mut out = vec![vec![]];
    for &n in shape {
        out = out
            .into_iter()
            .flat_map(|p| {
                (0..n).map(move |i| {
                    let mut q = p.clone();
                    q.push(i);
                    q
                })
            })
            .collect();
    }
    out
}

/// Python's `list(range(n))[start:stop:step]`, walked element by element.
fn py_slice(n: usize, start: Option<isize>, stop: Option<isize>, step: isize) -> Vec<usize> {
    let n = n as isize;
    let norm = |v: isize| if v < 0 { v + n } else { v };
    let mut out = vec![];
    if step > 0 {
        let mut i = start.map_or(0, norm).max(0);
        let end = stop.map_or(n, norm).min(n);
        while i < end {
            out.push(i as usize);
            i += step;
        }
    } else {
        let mut i = start.map_or(n - 1, norm).min(n - 1);
        let end = stop.map_or(-1, norm).max(-1);
        while i > end {
            out.push(i as usize);
            i += step;
        }
    }
    out
}

/// One axis of the model's result: the source positions it walks, or a
/// new axis.
enum Sel {
    Walk(usize, Vec<usize>),
    Fixed(usize, usize),
    New,
}

/// The model's `a[idx]`, or the error it must give.
fn model_slice(m: &Model, idx: &[Idx]) -> Result<Model, &'static str> {
    let consumed = idx
        .iter()
        .filter(|i| matches!(i, Idx::Slice { .. } | Idx::Index(_)))
        .count();
    if idx.iter().any(|i| matches!(i, Idx::Slice { step: 0, .. })) {
        return Err("ZeroStep");
    }
    if consumed > m.shape.len() {
        return Err("TooManyIndices");
    }
    let mut sels = vec![];
    let mut ax = 0;
    for i in idx {
        match *i {
            Idx::Slice { start, stop, step } => {
                sels.push(Sel::Walk(ax, py_slice(m.shape[ax], start, stop, step)));
                ax += 1;
            }
            Idx::Index(j) => {
                let n = m.shape[ax] as isize;
                let j = if j < 0 { j + n } else { j };
                if !(0..n).contains(&j) {
                    return Err("IndexOutOfRange");
                }
                sels.push(Sel::Fixed(ax, j as usize));
                ax += 1;
            }
            Idx::NewAxis => sels.push(Sel::New),
            Idx::Ellipsis => {
                for _ in 0..m.shape.len() - consumed {
                    sels.push(Sel::Walk(ax, (0..m.shape[ax]).collect()));
                    ax += 1;
                }
            }
        }
    }
    while ax < m.shape.len() {
        sels.push(Sel::Walk(ax, (0..m.shape[ax]).collect()));
        ax += 1;
    }
    let shape: Vec<usize> = sels
        .iter()
        .filter_map(|s| match s {
            Sel::Walk(_, p) => Some(p.len()),
            Sel::New => Some(1),
            Sel::Fixed(..) => None,
        })
        .collect();
    let data = indices(&shape)
        .into_iter()
        .map(|out| {
            let mut src = vec![0; m.shape.len()];
            let mut k = 0;
            for s in &sels {
                match s {
                    Sel::Walk(a, p) => {
                        src[*a] = p[out[k]];
                        k += 1;
                    }
                    Sel::Fixed(a, j) => src[*a] = *j,
                    Sel::New => k += 1,
                }
            }
            m.get(&src)
        })
        .collect();
    Ok(Model { shape, data })
}

/// Byte offsets of the elements in C order, from shape and strides.
fn offsets(a: &NdArray) -> Vec<isize> {
    indices(a.shape())
        .iter()
        .map(|ix| {
            ix.iter()
                .zip(a.strides())
                .map(|(&i, &s)| i as isize * s)
                .sum()
        })
        .collect()
}

/// Whether some strides for `shape` reproduce `off` (a no-copy reshape).
fn view_possible(off: &[isize], shape: &[usize]) -> bool {
    if off.len() <= 1 {
        return true;
    }
    let m = Model {
        shape: shape.to_vec(),
        data: vec![],
    };
    let unit = m.strides();
    let strides: Vec<isize> = (0..shape.len())
        .map(|k| {
            if shape[k] > 1 {
                off[unit[k]] - off[0]
            } else {
                0
            }
        })
        .collect();
    indices(shape).iter().enumerate().all(|(lin, ix)| {
        off[lin] - off[0]
            == ix
                .iter()
                .zip(&strides)
                .map(|(&i, &s)| i as isize * s)
                .sum::<isize>()
    })
}

fn check(a: &NdArray, m: &Model) -> Result<(), TestCaseError> {
    prop_assert_eq!(a.shape(), m.shape.as_slice());
    let got: Vec<f64> = match a.dtype() {
        DType::F64 => a.to_vec::<f64>().unwrap(),
        _ => a
            .to_vec::<lapis::Complex64>()
            .unwrap()
            .iter()
            .map(|z| z.re)
            .collect(),
    };
    prop_assert_eq!(&got, &m.data);
    // Copies in every order, casts and a split-and-concatenate hold the
    // same values; C and F copies are contiguous, K copies have positive
    // strides.
    use lapis::MemOrder::{A, C, F, K};
    for order in [C, F, A, K] {
        let c = a.copy(order).unwrap();
        prop_assert_eq!(
            c.to_vec::<f64>().ok().or_else(|| {
                c.to_vec::<lapis::Complex64>()
                    .ok()
                    .map(|v| v.iter().map(|z| z.re).collect())
            }),
            Some(m.data.clone())
        );
        prop_assert!(c.owns_data() && !c.shares_buffer(a));
        prop_assert!(
            c.strides()
                .iter()
                .zip(c.shape())
                .all(|(&s, &n)| s >= 0 || n <= 1)
        );
        match order {
            C => prop_assert!(c.is_c_contiguous()),
            F => prop_assert!(c.is_f_contiguous()),
            _ => {}
        }
    }
    let w = a.astype(DType::C64).unwrap();
    let re: Vec<f64> = w
        .to_vec::<lapis::Complex32>()
        .unwrap()
        .iter()
        .map(|z| z.re as f64)
        .collect();
    prop_assert_eq!(&re, &m.data);
    if a.ndim() > 0 {
        let n = a.shape()[0] as isize;
        let head = a.slice(&[Idx::slice(None, Some(n / 2), 1)]).unwrap();
        let tail = a.slice(&[Idx::slice(Some(n / 2), None, 1)]).unwrap();
        let joined = array::concatenate(&[&head, &tail], 0).unwrap();
        prop_assert_eq!(joined.shape(), a.shape());
        let back = joined.astype(DType::C128).unwrap();
        let re: Vec<f64> = back
            .to_vec::<lapis::Complex64>()
            .unwrap()
            .iter()
            .map(|z| z.re)
            .collect();
        prop_assert_eq!(&re, &m.data);
    }
    Ok(())
}

/// One raw index entry, interpreted against the array's rank.
fn idx_entry() -> impl Strategy<Value = Idx> {
    prop_oneof![
        6 => (proptest::option::of(-7isize..7), proptest::option::of(-7isize..7), -3isize..=3)
            .prop_map(|(a, b, s)| Idx::slice(a, b, s)),
        2 => (-6isize..6).prop_map(Idx::Index),
        1 => Just(Idx::NewAxis),
        1 => Just(Idx::Ellipsis),
    ]
}

#[derive(Clone, Debug)]
enum Op {
    Slice(Vec<Idx>),
    Permute(Vec<usize>),
    Reshape(Vec<usize>, bool),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => proptest::collection::vec(idx_entry(), 0..5).prop_map(Op::Slice),
        1 => Just((0..8).collect::<Vec<usize>>()).prop_shuffle().prop_map(Op::Permute),
        2 => (proptest::collection::vec(1usize..5, 0..4), any::<bool>()).prop_map(|(f, m)| Op::Reshape(f, m)),
    ]
}

/// A shape of `size` elements guided by `hint` (factors tried in turn).
fn reshape_target(size: usize, hint: &[usize]) -> Vec<usize> {
    if size == 0 {
        return vec![hint.first().copied().unwrap_or(2), 0];
    }
    let mut left = size;
    let mut out = vec![];
    for &h in hint {
        let d = (1..=h).rev().find(|d| left.is_multiple_of(*d)).unwrap_or(1);
        out.push(d);
        left /= d;
    }
    out.push(left);
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn chains_of_views_match_the_model(
        shape in proptest::collection::vec(0usize..5, 0..4),
        complex in any::<bool>(),
        ops in proptest::collection::vec(op(), 1..8),
    ) {
        let n: usize = shape.iter().product();
        let data: Vec<f64> = (0..n).map(|k| k as f64).collect();
        let base = if complex {
            let z: Vec<lapis::Complex64> = data.iter().map(|&x| lapis::Complex64::new(x, -x)).collect();
            array::from_vec(z, &shape).unwrap()
        } else {
            array::from_vec(data.clone(), &shape).unwrap()
        };
        let mut a = base.new_view();
        let mut m = Model { shape: shape.clone(), data };
        for op in ops {
            match op {
                Op::Slice(idx) => {
                    // At most one ellipsis and no more axes than allowed.
                    let mut seen = false;
                    let idx: Vec<Idx> = idx.into_iter().filter(|i| {
                        let e = matches!(i, Idx::Ellipsis);
                        let keep = !(e && seen);
                        seen |= e;
                        keep
                    }).collect();
                    match (a.slice(&idx), model_slice(&m, &idx)) {
                        (Ok(v), Ok(mm)) => {
                            prop_assert!(v.shares_buffer(&a) && !v.owns_data());
                            a = v;
                            m = mm;
                        }
                        (Err(e), Err(want)) => {
                            prop_assert!(format!("{e:?}").starts_with(want), "{:?} vs {}", e, want);
                        }
                        (got, want) => prop_assert!(false, "{:?} vs {:?}", got.map(|_| ()), want.map(|_| ())),
                    }
                }
                Op::Permute(p) => {
                    let axes: Vec<isize> = p.iter().filter(|&&k| k < a.ndim()).map(|&k| k as isize).collect();
                    a = a.permute_axes(&axes).unwrap();
                    let src = m.clone();
                    let perm: Vec<usize> = axes.iter().map(|&k| k as usize).collect();
                    m.shape = perm.iter().map(|&k| src.shape[k]).collect();
                    m.data = indices(&m.shape).iter().map(|ix| {
                        let mut s = vec![0; ix.len()];
                        for (j, &k) in perm.iter().enumerate() { s[k] = ix[j]; }
                        src.get(&s)
                    }).collect();
                }
                Op::Reshape(hint, minus_one) => {
                    let target = reshape_target(a.size(), &hint);
                    let mut req: Vec<isize> = target.iter().map(|&d| d as isize).collect();
                    if minus_one && a.size() > 0 { req[0] = -1; }
                    let possible = view_possible(&offsets(&a), &target);
                    let r = a.reshape(&req).unwrap();
                    prop_assert_eq!(r.shares_buffer(&a), possible || a.size() == 0 || target == a.shape(),
                        "reshape {:?} -> {:?} (strides {:?})", a.shape(), target, a.strides());
                    if a.is_c_contiguous() {
                        prop_assert!(r.shares_buffer(&a));
                    }
                    a = r;
                    m.shape = target;
                }
            }
            check(&a, &m)?;
        }
        // Errors of reshape leave the array as it was.
        let before = (a.shape().to_vec(), a.strides().to_vec(), a.data_ptr());
        let e = a.reshape(&[a.size() as isize + 1]).unwrap_err();
        let is_size_error = matches!(e, Error::ReshapeSize { .. });
        prop_assert!(is_size_error);
        prop_assert_eq!((a.shape().to_vec(), a.strides().to_vec(), a.data_ptr()), before);
    }
}
