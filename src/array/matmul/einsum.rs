//! `einsum` by diagonals, transposes, reshapes and pairwise batched
//! [`matmul`](super::matmul).

use super::friends::sum_last;
use super::product::{as_dtype, matmul};
use crate::array::dynarray::NdArray;
use crate::array::{MAX_DIMS, MemOrder};
use crate::error::{Error, Result};

const R: &str = "einsum";
/// Labels of ellipsis axes (after the 52 letters' codes).
const ELLIPSIS: u32 = 256;

fn bad(reason: String) -> Error {
    Error::InvalidArgument {
        routine: R,
        what: "subscripts",
        reason,
    }
}

fn label_name(l: u32) -> String {
    if l >= ELLIPSIS {
        "...".into()
    } else {
        char::from_u32(l).map_or_else(|| "?".into(), |c| c.to_string())
    }
}

/// One term's letters (as codes) and whether (where) it has an ellipsis.
struct Term {
    before: Vec<u32>,
    after: Vec<u32>,
    ellipsis: bool,
}

fn parse_term(t: &str) -> Result<Term> {
    let (head, tail, ellipsis) = match t.find("...") {
        Some(p) => (&t[..p], &t[p + 3..], true),
        None => (t, "", false),
    };
    let letters = |s: &str| -> Result<Vec<u32>> {
        s.chars()
            .map(|c| {
                if c.is_ascii_alphabetic() {
                    Ok(c as u32)
                } else {
                    Err(bad(format!(
                        "invalid subscript '{c}' in einstein sum subscripts string, subscripts must be letters"
                    )))
                }
            })
            .collect()
    };
    Ok(Term {
        before: letters(head)?,
        after: letters(tail)?,
        ellipsis,
    })
}

/// Sums `x` (axes labelled `labels`) over every label not in `keep`;
/// returns the result and its labels (the kept ones, in their order).
fn reduce_to(x: NdArray, labels: Vec<u32>, keep: &[u32]) -> Result<(NdArray, Vec<u32>)> {
    let (kept, summed): (Vec<usize>, Vec<usize>) =
        (0..labels.len()).partition(|&k| keep.contains(&labels[k]));
    if summed.is_empty() {
        return Ok((x, labels));
    }
    let perm: Vec<isize> = kept.iter().chain(&summed).map(|&k| k as isize).collect();
    let mut shape: Vec<isize> = kept.iter().map(|&k| x.shape()[k] as isize).collect();
    shape.push(summed.iter().map(|&k| x.shape()[k]).product::<usize>() as isize);
    let y = x.permute_axes(&perm)?.reshape(&shape)?;
    let out_labels = kept.iter().map(|&k| labels[k]).collect();
    Ok((sum_last(&y)?, out_labels))
}

/// NumPy's `einsum`: `"ij,jk->ik"`, `"ij,ij->"`, `"ii->i"`, `"ii"`,
/// `"ij->ji"`, `"bij,bjk->bik"`, `"i,j->ij"`, `"...ij,...jk->...ik"`,
/// `"ij,jk,kl->il"`; implicit output (labels that appear once, in
/// alphabetical order — uppercase first — after the ellipsis axes).
///
/// Repeated labels in one operand take its diagonal; labels not in the
/// output are summed; operands are contracted pairwise from left to right
/// (no reordering for cost, as NumPy's `optimize=False` order), each pair
/// as one batched [`matmul`] (`(batch, m, k) @ (batch, k, n)`), so the
/// contraction runs in BLAS or the direct kernel. Labels of length 1
/// broadcast against other operands', and so do ellipsis axes. The result
/// is always a new C-order array of the promoted dtype (NumPy may return a
/// view for one operand); operands are copied when a transpose cannot be
/// reshaped as a view.
///
/// # Errors
/// No operand ([`Error::Unsupported`]); subscripts that do not parse, name
/// more or fewer axes than an operand has, an output label that is
/// repeated or not in any input, an ellipsis in the inputs but not in an
/// explicit output, diagonal lengths that differ, or label lengths that do
/// not broadcast ([`Error::InvalidArgument`]); as [`matmul`].
pub fn einsum(subscripts: &str, operands: &[&NdArray]) -> Result<NdArray> {
    if operands.is_empty() {
        return Err(Error::Unsupported(
            "einsum: at least one operand is needed".into(),
        ));
    }
    let spec: String = subscripts.chars().filter(|c| !c.is_whitespace()).collect();
    let (ins, out) = match spec.split_once("->") {
        Some((i, o)) => (i, Some(o)),
        None => (spec.as_str(), None),
    };
    let terms: Vec<&str> = ins.split(',').collect();
    if terms.len() != operands.len() {
        return Err(bad(format!(
            "{} terms in the subscripts for {} operands",
            terms.len(),
            operands.len()
        )));
    }
    // Labels of each operand's axes, ellipsis axes right-aligned.
    let mut labels: Vec<Vec<u32>> = Vec::new();
    let mut ell_nd = 0usize;
    let parsed: Vec<Term> = terms.iter().map(|t| parse_term(t)).collect::<Result<_>>()?;
    for (i, (t, x)) in parsed.iter().zip(operands).enumerate() {
        let named = t.before.len() + t.after.len();
        if named > x.ndim() || (!t.ellipsis && named != x.ndim()) {
            return Err(bad(format!(
                "operand {i} has {} dimensions but its subscripts name {named}{}",
                x.ndim(),
                if t.ellipsis { " besides '...'" } else { "" }
            )));
        }
        if t.ellipsis {
            ell_nd = ell_nd.max(x.ndim() - named);
        }
    }
    for (t, x) in parsed.iter().zip(operands) {
        let e = x.ndim() - t.before.len() - t.after.len();
        let mut l = t.before.clone();
        l.extend((ell_nd - e..ell_nd).map(|j| ELLIPSIS + j as u32));
        l.extend_from_slice(&t.after);
        labels.push(l);
    }
    let out_labels: Vec<u32> = match out {
        Some(o) => {
            let t = parse_term(o)?;
            if ell_nd > 0 && !t.ellipsis {
                return Err(bad("output has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast the extra dimensions".into()));
            }
            let mut l = t.before.clone();
            if t.ellipsis {
                l.extend((0..ell_nd).map(|j| ELLIPSIS + j as u32));
            }
            l.extend_from_slice(&t.after);
            for (i, &x) in l.iter().enumerate() {
                if x < ELLIPSIS && l[..i].contains(&x) {
                    return Err(bad(format!(
                        "einstein sum subscripts string includes output subscript '{}' multiple times",
                        label_name(x)
                    )));
                }
                if !labels.iter().any(|ls| ls.contains(&x)) {
                    return Err(bad(format!(
                        "einstein sum subscripts string included output subscript '{}' which never appeared in an input",
                        label_name(x)
                    )));
                }
            }
            l
        }
        None => {
            let mut l: Vec<u32> = (0..ell_nd).map(|j| ELLIPSIS + j as u32).collect();
            let mut once: Vec<u32> = ('A'..='Z')
                .chain('a'..='z')
                .map(|c| c as u32)
                .filter(|c| labels.iter().flatten().filter(|&&x| x == *c).count() == 1)
                .collect();
            once.sort_unstable();
            l.extend(once);
            l
        }
    };
    if out_labels.len() > MAX_DIMS {
        return Err(Error::TooManyDimensions {
            routine: R,
            ndim: out_labels.len(),
            max: MAX_DIMS,
        });
    }
    // A label repeated within one operand takes a diagonal: equal lengths.
    for (ls, x) in labels.iter().zip(operands) {
        for q in 0..ls.len() {
            if let Some(p) = (0..q).find(|&p| ls[p] == ls[q])
                && x.shape()[p] != x.shape()[q]
            {
                return Err(bad(format!(
                    "dimensions in single operand for collapsing index '{}' don't match ({} != {})",
                    label_name(ls[p]),
                    x.shape()[p],
                    x.shape()[q]
                )));
            }
        }
    }
    // Length of every label: equal, or 1 broadcasting.
    let mut sizes: Vec<(u32, usize)> = Vec::new();
    for (ls, x) in labels.iter().zip(operands) {
        for (&l, &n) in ls.iter().zip(x.shape()) {
            match sizes.iter_mut().find(|(m, _)| *m == l) {
                Some((_, s)) if *s == n || n == 1 => {}
                Some((_, s)) if *s == 1 => *s = n,
                Some((_, s)) => {
                    return Err(bad(format!(
                        "operands could not be broadcast together: subscript '{}' has lengths {} and {n}",
                        label_name(l),
                        *s
                    )));
                }
                None => sizes.push((l, n)),
            }
        }
    }
    let dtype = operands
        .iter()
        .fold(operands[0].dtype(), |d, x| d.promote(x.dtype()));
    // Diagonals of labels repeated within one operand.
    let mut xs: Vec<(NdArray, Vec<u32>)> = Vec::new();
    for (x, ls) in operands.iter().zip(labels) {
        let mut x = as_dtype(x, dtype)?;
        let mut ls = ls;
        while let Some((p, q)) =
            (0..ls.len()).find_map(|q| (0..q).find(|&p| ls[p] == ls[q]).map(|p| (p, q)))
        {
            x = x.diagonal(0, p as isize, q as isize)?;
            let l = ls[p];
            ls.remove(q);
            ls.remove(p);
            ls.push(l);
        }
        xs.push((x, ls));
    }
    let operand_labels: Vec<Vec<u32>> = xs.iter().map(|(_, l)| l.clone()).collect();
    // Left to right: each pair keeps the labels the output or a later
    // operand needs.
    let mut rest = xs.into_iter();
    let (mut acc, mut acc_l) = rest.next().ok_or_else(|| bad("no operand".into()))?;
    let later: Vec<Vec<u32>> = labels_after(&out_labels, &operand_labels);
    for (i, (x, lx)) in rest.enumerate() {
        (acc, acc_l) = contract(acc, acc_l, x, lx, &later[i + 1], &sizes)?;
    }
    let (acc, acc_l) = reduce_to(acc, acc_l, &out_labels)?;
    let result = permute_to(&acc, &acc_l, &out_labels)?;
    if operands.iter().any(|x| result.shares_buffer(x)) {
        result.copy(MemOrder::C)
    } else {
        result.ascontiguousarray()
    }
}

/// For each operand index `i`, the labels needed after operand `i` has
/// been contracted: the output's and those of operands `i + 1..`.
fn labels_after(out: &[u32], ops: &[Vec<u32>]) -> Vec<Vec<u32>> {
    (0..ops.len())
        .map(|i| {
            let mut v = out.to_vec();
            for l in ops[i + 1..].iter().flatten() {
                if !v.contains(l) {
                    v.push(*l);
                }
            }
            v
        })
        .collect()
}

/// Contracts `a` (labels `la`) with `b` (labels `lb`), keeping the labels
/// in `keep`: labels of both and kept are a batch, of both and not kept
/// are summed by a batched [`matmul`], of one only are summed first if not
/// kept. Returns the product with labels `batch ++ free a ++ free b`.
fn contract(
    a: NdArray,
    la: Vec<u32>,
    b: NdArray,
    lb: Vec<u32>,
    keep: &[u32],
    sizes: &[(u32, usize)],
) -> Result<(NdArray, Vec<u32>)> {
    let size_of = |l: u32| sizes.iter().find(|(m, _)| *m == l).map_or(1, |&(_, s)| s);
    let keep_a: Vec<u32> = keep.iter().chain(&lb).copied().collect();
    let keep_b: Vec<u32> = keep.iter().chain(&la).copied().collect();
    let (a, la) = reduce_to(a, la, &keep_a)?;
    let (b, lb) = reduce_to(b, lb, &keep_b)?;
    let both = |l: &u32| la.contains(l) && lb.contains(l);
    let batch: Vec<u32> = la
        .iter()
        .copied()
        .filter(|l| both(l) && keep.contains(l))
        .collect();
    let contracted: Vec<u32> = la
        .iter()
        .copied()
        .filter(|l| both(l) && !keep.contains(l))
        .collect();
    let free_a: Vec<u32> = la.iter().copied().filter(|l| !lb.contains(l)).collect();
    let free_b: Vec<u32> = lb.iter().copied().filter(|l| !la.contains(l)).collect();
    let prod = |ls: &[u32]| ls.iter().map(|&l| size_of(l)).product::<usize>() as isize;
    let (nb, nm, nk, nn) = (
        prod(&batch),
        prod(&free_a),
        prod(&contracted),
        prod(&free_b),
    );
    let prep = |x: &NdArray, ls: &[u32], order: &[&[u32]], shape: [isize; 3]| {
        let all: Vec<u32> = order.iter().flat_map(|o| o.iter().copied()).collect();
        let perm: Vec<isize> = all
            .iter()
            .map(|l| ls.iter().position(|m| m == l).map_or(0, |p| p as isize))
            .collect();
        let full: Vec<usize> = all.iter().map(|&l| size_of(l)).collect();
        x.permute_axes(&perm)?.broadcast_to(&full)?.reshape(&shape)
    };
    let a3 = prep(&a, &la, &[&batch, &free_a, &contracted], [nb, nm, nk])?;
    let b3 = prep(&b, &lb, &[&batch, &contracted, &free_b], [nb, nk, nn])?;
    let c = matmul(&a3, &b3)?;
    let cl: Vec<u32> = batch
        .iter()
        .chain(&free_a)
        .chain(&free_b)
        .copied()
        .collect();
    let shape: Vec<isize> = cl.iter().map(|&l| size_of(l) as isize).collect();
    Ok((c.reshape(&shape)?, cl))
}

/// `x` (axes labelled `ls`, the same set as `out`) with its axes in
/// `out`'s order: a view.
fn permute_to(x: &NdArray, ls: &[u32], out: &[u32]) -> Result<NdArray> {
    let perm: Vec<isize> = out
        .iter()
        .map(|l| {
            ls.iter()
                .position(|m| m == l)
                .map(|p| p as isize)
                .ok_or_else(|| bad(format!("internal: label '{}' lost", label_name(*l))))
        })
        .collect::<Result<_>>()?;
    x.permute_axes(&perm)
}
