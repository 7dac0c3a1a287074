//! Seeded, reproducible, parallel random numbers (NumPy's `Generator`
//! methods: `random`, `uniform`, `standard_normal`, `normal`, `integers`),
//! written into `ndarray` arrays of any layout.
//!
//! The files: this one holds [`Generator`] and its typed fills on
//! `ndarray` arrays; `nd.rs` its `_nd` fills on [`NdArray`](crate::NdArray)
//! of any dtype; `dist.rs` the distributions; `fill.rs` the (parallel)
//! fill of an output; `philox.rs` the counter-based generator;
//! `ziggurat.rs` the normal sampler.
//!
//! # Reproducibility contract
//! A [`Generator`] is a seed, a stream key and a position. Every output
//! element is a pure function of (seed, key, position of its first word):
//! element `i` (in logical C order, whatever the memory layout) of a fill
//! that starts at position `p` uses the stream words `p + k·i … p + k·i +
//! k − 1`, where `k` is the number of words one element consumes (1 for a
//! real value or an integer, 2 for a complex value), and the fill advances
//! the position by `k·n`. Hence:
//! * the values are **bitwise identical whatever the number of threads**
//!   that fill the array, and whatever its strides (C, Fortran, sliced,
//!   negative strides);
//! * **successive fills continue the stream**: filling 10 elements and then
//!   10 more gives the same values as filling 20 at once (for the same
//!   distribution; different distributions read the same words
//!   differently);
//! * [`Generator::set_position`] jumps anywhere in O(1).
//!
//! Uniform draws and integers use only integer arithmetic and exact
//! conversions, so they are identical on every platform. Normal draws go
//! through `exp`/`ln` of the platform's math library (the ziggurat table
//! and its rare slow path), so across different math libraries their last
//! bits may differ.
//!
//! # Construction
//! The bit source is **Philox4x64-10** (Salmon et al., SC 2011; the
//! Random123 library, also NumPy's `Philox`): a 10-round bijection of a
//! 256-bit counter under a 128-bit key, built from 64×64→128-bit multiplies.
//! * Philox key = (fmix64(seed ⊕ c₀), fmix64(key ⊕ c₁)), with MurmurHash3's
//!   64-bit finalizer, a bijection: distinct (seed, key) pairs get distinct
//!   Philox keys, and nearby seeds (0, 1, 2, …) get unrelated ones.
//! * Word `p` of a stream is lane `p mod 4` of the block at counter
//!   `(⌊p/4⌋, 0, 0, 0)`.
//! * A sample that needs more words than its own (a ziggurat wedge or tail,
//!   ~1.2 % of normals; a rejected integer, probability < span/2⁶⁴) reads
//!   them from blocks `(p, 1, j, 0)`, j = 0, 1, …, which no other position
//!   and no main-sequence word uses.
//!
//! **Period.** Each stream has 2⁶⁴ − 1 words (the position is a `u64`); a
//! fill that would run past the end is an error, never a silent wrap.
//! Within a stream no block repeats, since Philox is a bijection of the
//! counter. There are 2¹²⁸ streams (2⁶⁴ seeds × 2⁶⁴ keys).
//!
//! **Independence.** Streams of different keys (or seeds) are different
//! keyed permutations, not segments of one long sequence, so there is no
//! overlap to plan around (unlike jump-ahead schemes). That they are
//! statistically independent is the design goal of Philox and what its
//! authors tested (Salmon et al. report Philox4x64-10 passing TestU01's
//! BigCrush, with rounds to spare, for a variety of key and counter
//! patterns): an empirical property rather than a proof, as for every
//! non-cryptographic generator. Give each MPI rank or thread its own
//! [`Generator::stream`] (rank `r`, thread `t`: key `r·T + t`; streams do
//! not nest, `stream(k)` depends only on the seed and `k`), or give them
//! disjoint position ranges of one stream with [`Generator::set_position`].
//!
//! # Distributions
//! | method | values | words per element |
//! |---|---|---|
//! | [`random`](Generator::random) | uniform on [0, 1): `f64` with 53 random bits (multiples of 2⁻⁵³), `f32` with 24 (multiples of 2⁻²⁴); complex: both parts independently | 1 (complex 2) |
//! | [`uniform`](Generator::uniform) | uniform on [low, high), `low + (high − low)·u`, never `high` | 1 (complex 2) |
//! | [`standard_normal`](Generator::standard_normal) | real: N(0, 1) by the ziggurat; complex: the standard complex normal CN(0, 1), parts independent N(0, ½), E\|z\|² = 1 | 1 (complex 2) |
//! | [`normal`](Generator::normal) | `mean + std·z`, z as above (complex: E\|x − mean\|² = std²) | 1 (complex 2) |
//! | [`integers`](Generator::integers) | `i64` uniform on [low, high), no modulo bias (Lemire's multiply-and-reject) | 1 |
//! | [`random_pairs`](Generator::random_pairs) | `[f32; 2]` points uniform on [0, 1)²: both coordinates as `f32` [`random`](Generator::random), from the two 32-bit halves of one word | 1 |
//!
//! Each comes as a `fill_*` method writing into an existing array (`&mut
//! ArrayRef<T, D>`, any dimension and strides) and as a constructor
//! returning a new C-order array (or Fortran-order: any `ShapeBuilder`,
//! such as `(m, n).f()`, is accepted; the values follow the logical order
//! all the same).
//!
//! # Parallelism and cost
//! Fills of at least [`PARALLEL_MIN_LEN`] elements run on lapis's thread
//! pool ([`crate::parallel`]) in chunks of [`CHUNK_LEN`] elements, each
//! starting at its known position; smaller fills, and any fill when lapis
//! has one thread, stay on the calling thread. Set the threads with
//! [`set_num_threads`](crate::set_num_threads); the values never depend on
//! them.
//!
//! One Philox block (20 64-bit multiplies for four words) dominates the
//! cost: on one core of a 2.1 GHz Xeon, ~2.7–3 ns per uniform `f64` and
//! ~5 ns per normal (12·10⁶ of each: ~38 ms and ~62 ms serial, ~20 ms and
//! ~32 ms on two threads). Outputs that are not C-contiguous are written
//! in logical order through a strided iterator: the same values, up to
//! ~2× slower.
//!
//! ```
//! use lapis::array::random::Generator;
//! use ndarray::Array2;
//!
//! let mut g = Generator::new(42);
//! let x: Array2<f64> = g.standard_normal((1000, 3)).unwrap();
//! // Another rank, thread or purpose: its own stream.
//! let mut rank1 = g.stream(1);
//! let k = rank1.integers(0, 6, 10).unwrap();
//! assert!(k.iter().all(|&v| (0..6).contains(&v)));
//! // The same seed gives the same numbers.
//! assert_eq!(Generator::new(42).standard_normal::<f64, _>((1000, 3)).unwrap(), x);
//! ```

mod dist;
mod fill;
mod nd;
mod philox;
mod ziggurat;

use ndarray::{Array, ArrayRef, Dimension, ShapeBuilder};
use num_traits::{One, Zero};

use crate::error::{Error, Result};
use crate::layout::check_output;
use crate::scalar::Scalar;
use dist::{Integers, Normal, Uniform, Uniform01, UnitPairF32};
use fill::{Dist, fill_view};
use philox::philox_key;

/// Fills with at least this many elements run in parallel (when the rayon
/// pool has more than one thread).
///
/// Measured on a 2-vCPU Xeon (KVM), uniform `f64`, chunks of [`CHUNK_LEN`]
/// on two threads against one (best of many runs; serial ~2.7 ns/element):
/// 8 k elements 1.00×, 16 k 1.39×, 32 k 1.62×, 64 k 1.76×, 12·10⁶ 1.91×.
/// Waking the pool costs ~10 µs, so below ~16 k elements parallel gains
/// nothing; 32 k keeps a margin for busy machines and more threads.
pub const PARALLEL_MIN_LEN: usize = 1 << 15;

/// Elements per parallel work item (~20 µs of uniform draws): each chunk
/// starts at a known position, so chunks are filled independently, in any
/// order, on any thread.
pub const CHUNK_LEN: usize = 1 << 13;

/// A counter-based random generator: seed, stream key and position.
///
/// See the [module documentation](self) for the construction and the
/// reproducibility contract. Cloning a generator duplicates its stream
/// (both clones produce the same values); use [`Generator::stream`] for
/// independent ones.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Generator {
    seed: u64,
    key: u64,
    pos: u64,
}

impl Generator {
    /// The generator of stream 0 of `seed`, at position 0.
    pub fn new(seed: u64) -> Self {
        Generator {
            seed,
            key: 0,
            pos: 0,
        }
    }

    /// Stream `key` of this generator's seed, at position 0 (one per MPI
    /// rank, thread, or purpose). Different keys give statistically
    /// independent streams (see the module documentation for what that
    /// rests on). The result depends only on the seed and `key`, not on
    /// `self`'s key or position: `g.stream(g.key())` restarts `g`'s stream.
    pub fn stream(&self, key: u64) -> Self {
        Generator {
            seed: self.seed,
            key,
            pos: 0,
        }
    }

    /// The seed.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// The stream key.
    pub fn key(&self) -> u64 {
        self.key
    }

    /// The position: how many 64-bit words of the stream have been used.
    pub fn position(&self) -> u64 {
        self.pos
    }

    /// Moves to word `pos` of the stream (O(1); forwards or backwards).
    pub fn set_position(&mut self, pos: u64) {
        self.pos = pos;
    }

    /// Skips `words` words of the stream, as if that many real elements
    /// had been drawn.
    ///
    /// # Errors
    /// `InvalidArgument` if the position would pass 2⁶⁴ − 1 (the position
    /// is then unchanged).
    pub fn advance(&mut self, words: u64) -> Result<()> {
        self.pos = self
            .pos
            .checked_add(words)
            .ok_or_else(|| exhausted("advance", self.pos, words))?;
        Ok(())
    }

    /// Fills `out` with uniform values on [0, 1) (NumPy's `random`): `f64`
    /// with 53 random bits, `f32` with 24; complex: both parts.
    ///
    /// # Errors
    /// `OverlappingOutput` if `out` has overlapping elements (zero
    /// strides); `InvalidArgument` if the stream has too few words left.
    /// On error the position is unchanged.
    pub fn fill_random<T: Scalar, D: Dimension>(&mut self, out: &mut ArrayRef<T, D>) -> Result<()> {
        self.run("fill_random", out, &Uniform01)
    }

    /// A new array of `shape` filled as by [`Generator::fill_random`].
    ///
    /// # Errors
    /// `InvalidArgument` if the shape's size overflows `isize` (in bytes)
    /// or the stream has too few words left.
    pub fn random<T: Scalar, Sh: ShapeBuilder>(&mut self, shape: Sh) -> Result<Array<T, Sh::Dim>> {
        let mut a = alloc("random", shape)?;
        self.run("random", &mut a, &Uniform01)?;
        Ok(a)
    }

    /// Fills `out` with uniform values on [low, high): `low + (high −
    /// low)·u` with `u` as in [`Generator::fill_random`], rounded down to
    /// the largest value below `high` in the rare case that rounding reaches
    /// `high`. Complex: both parts on [low, high), independently.
    ///
    /// # Errors
    /// `InvalidArgument` unless `low < high` and `low`, `high` and `high −
    /// low` are finite; otherwise as [`Generator::fill_random`].
    pub fn fill_uniform<T: Scalar, D: Dimension>(
        &mut self,
        out: &mut ArrayRef<T, D>,
        low: T::Real,
        high: T::Real,
    ) -> Result<()> {
        let dist = Uniform::new("fill_uniform", low, high)?;
        self.run("fill_uniform", out, &dist)
    }

    /// A new array of `shape` filled as by [`Generator::fill_uniform`].
    ///
    /// # Errors
    /// As [`Generator::fill_uniform`] and [`Generator::random`].
    pub fn uniform<T: Scalar, Sh: ShapeBuilder>(
        &mut self,
        low: T::Real,
        high: T::Real,
        shape: Sh,
    ) -> Result<Array<T, Sh::Dim>> {
        let dist = Uniform::new("uniform", low, high)?;
        let mut a = alloc("uniform", shape)?;
        self.run("uniform", &mut a, &dist)?;
        Ok(a)
    }

    /// Fills `out` with standard normal values: N(0, 1) for real types; for
    /// complex types the standard complex normal CN(0, 1), whose real and
    /// imaginary parts are independent N(0, ½), so that E|z|² = 1.
    ///
    /// # Errors
    /// As [`Generator::fill_random`].
    pub fn fill_standard_normal<T: Scalar, D: Dimension>(
        &mut self,
        out: &mut ArrayRef<T, D>,
    ) -> Result<()> {
        let dist = Normal::new("fill_standard_normal", T::zero(), T::Real::one())?;
        self.run("fill_standard_normal", out, &dist)
    }

    /// A new array of `shape` filled as by [`Generator::fill_standard_normal`].
    ///
    /// # Errors
    /// As [`Generator::random`].
    pub fn standard_normal<T: Scalar, Sh: ShapeBuilder>(
        &mut self,
        shape: Sh,
    ) -> Result<Array<T, Sh::Dim>> {
        let dist = Normal::new("standard_normal", T::zero(), T::Real::one())?;
        let mut a = alloc("standard_normal", shape)?;
        self.run("standard_normal", &mut a, &dist)?;
        Ok(a)
    }

    /// Fills `out` with `mean + std·z`, `z` standard normal as in
    /// [`Generator::fill_standard_normal`] (for complex types E|x − mean|² =
    /// std²). `std = 0` gives `mean` everywhere (and still advances the
    /// stream).
    ///
    /// # Errors
    /// `InvalidArgument` unless `mean` is finite and `std` is finite and
    /// ≥ 0; otherwise as [`Generator::fill_random`].
    pub fn fill_normal<T: Scalar, D: Dimension>(
        &mut self,
        out: &mut ArrayRef<T, D>,
        mean: T,
        std: T::Real,
    ) -> Result<()> {
        let dist = Normal::new("fill_normal", mean, std)?;
        self.run("fill_normal", out, &dist)
    }

    /// A new array of `shape` filled as by [`Generator::fill_normal`].
    ///
    /// # Errors
    /// As [`Generator::fill_normal`] and [`Generator::random`].
    pub fn normal<T: Scalar, Sh: ShapeBuilder>(
        &mut self,
        mean: T,
        std: T::Real,
        shape: Sh,
    ) -> Result<Array<T, Sh::Dim>> {
        let dist = Normal::new("normal", mean, std)?;
        let mut a = alloc("normal", shape)?;
        self.run("normal", &mut a, &dist)?;
        Ok(a)
    }

    /// Fills `out` with integers uniform on [low, high) (every value,
    /// `low` and `high − 1` included, with probability exactly 1/(high −
    /// low)): Lemire's multiply-shift with rejection, so no modulo bias;
    /// any range up to the whole of `i64` except its top value.
    ///
    /// # Errors
    /// `InvalidArgument` if `low >= high`; otherwise as
    /// [`Generator::fill_random`].
    pub fn fill_integers<D: Dimension>(
        &mut self,
        out: &mut ArrayRef<i64, D>,
        low: i64,
        high: i64,
    ) -> Result<()> {
        let dist = Integers::new("fill_integers", low, high)?;
        self.run("fill_integers", out, &dist)
    }

    /// A new array of `shape` filled as by [`Generator::fill_integers`].
    ///
    /// # Errors
    /// As [`Generator::fill_integers`] and [`Generator::random`].
    pub fn integers<Sh: ShapeBuilder>(
        &mut self,
        low: i64,
        high: i64,
        shape: Sh,
    ) -> Result<Array<i64, Sh::Dim>> {
        let dist = Integers::new("integers", low, high)?;
        let mut a = alloc("integers", shape)?;
        self.run("integers", &mut a, &dist)?;
        Ok(a)
    }

    /// Fills `out` with uniform points of the unit square [0, 1)², two
    /// `f32` coordinates from **one** stream word per point: `x` is the top
    /// 24 bits of the word's high 32-bit half, `y` the top 24 bits of its
    /// low half, each times 2⁻²⁴ — the values of [`Generator::fill_random`]
    /// for `f32` (multiples of 2⁻²⁴ on [0, 1)), at half the stream words,
    /// so about twice as fast per coordinate. Point `i` uses word
    /// `position + i`; the position advances by `out.len()`. Same
    /// reproducibility contract as the other fills (any layout, any number
    /// of threads, successive fills continue the stream).
    ///
    /// For Monte Carlo work in single precision (NumPy's `float32` draws
    /// likewise take 32 bits each). The two halves of a Philox word are as
    /// independent as two words (the output bits pass the same batteries
    /// as a whole); what is lost against two `f64` draws is resolution:
    /// each coordinate takes 2²⁴ values, not 2⁵³. For instance the fraction
    /// of grid points (i, j)·2⁻²⁴ with x² + y² ≤ 1 differs from π/4 by
    /// about 2⁻²⁴ (≈ 6·10⁻⁸), far below the statistical error of any
    /// sample short of ~10¹⁴ points.
    ///
    /// ```
    /// use lapis::array::random::Generator;
    ///
    /// let mut g = Generator::new(7);
    /// let p = g.random_pairs(1000).unwrap();
    /// assert!(p.iter().all(|&[x, y]| (0.0..1.0).contains(&x) && (0.0..1.0).contains(&y)));
    /// assert_eq!(g.position(), 1000);
    /// ```
    ///
    /// # Errors
    /// As [`Generator::fill_random`].
    pub fn fill_random_pairs<D: Dimension>(
        &mut self,
        out: &mut ArrayRef<[f32; 2], D>,
    ) -> Result<()> {
        self.run("fill_random_pairs", out, &UnitPairF32)
    }

    /// A new array of `shape` filled as by [`Generator::fill_random_pairs`].
    ///
    /// # Errors
    /// As [`Generator::random`].
    pub fn random_pairs<Sh: ShapeBuilder>(
        &mut self,
        shape: Sh,
    ) -> Result<Array<[f32; 2], Sh::Dim>> {
        let mut a = alloc_with("random_pairs", shape, [0.0f32; 2])?;
        self.run("random_pairs", &mut a, &UnitPairF32)?;
        Ok(a)
    }

    /// Checks the output and the stream's room, fills, advances.
    fn run<T: Send, S: Dist<T>, D: Dimension>(
        &mut self,
        routine: &'static str,
        out: &mut ArrayRef<T, D>,
        dist: &S,
    ) -> Result<()> {
        let n = out.len();
        if n == 0 {
            // Nothing to write (an empty array may have zero strides).
            return Ok(());
        }
        check_output(routine, "out", out)?;
        let words = u64::try_from(n)
            .ok()
            .and_then(|n| n.checked_mul(S::WORDS as u64))
            .unwrap_or(u64::MAX);
        let end = self
            .pos
            .checked_add(words)
            .ok_or_else(|| exhausted(routine, self.pos, words))?;
        let parallel = n >= PARALLEL_MIN_LEN && crate::parallel::threads() > 1;
        let key = philox_key(self.seed, self.key);
        let pos = self.pos;
        let view = out.view_mut();
        if parallel {
            crate::parallel::install(|| fill_view(key, pos, dist, view, true));
        } else {
            fill_view(key, pos, dist, view, false);
        }
        self.pos = end;
        Ok(())
    }
}

fn exhausted(routine: &'static str, pos: u64, words: u64) -> Error {
    Error::InvalidArgument {
        routine,
        what: "out",
        reason: format!(
            "{words} more words do not fit the stream at position {pos} (it ends at 2^64 - 1)"
        ),
    }
}

/// A zeroed array of `shape`, or an error where `Array::zeros` would panic.
fn alloc<T: Clone + Zero, Sh: ShapeBuilder>(
    routine: &'static str,
    shape: Sh,
) -> Result<Array<T, Sh::Dim>> {
    alloc_with(routine, shape, T::zero())
}

/// An array of `shape` full of `elem`, or an error where `Array::from_elem`
/// would panic.
fn alloc_with<T: Clone, Sh: ShapeBuilder>(
    routine: &'static str,
    shape: Sh,
    elem: T,
) -> Result<Array<T, Sh::Dim>> {
    let shape = shape.into_shape_with_order();
    let fits = shape
        .raw_dim()
        .size_checked()
        .and_then(|n| n.checked_mul(size_of::<T>().max(1)))
        .is_some_and(|bytes| bytes <= isize::MAX as usize);
    if !fits {
        return Err(Error::InvalidArgument {
            routine,
            what: "shape",
            reason: format!(
                "{:?} is too large (its size in bytes overflows isize)",
                shape.raw_dim().slice()
            ),
        });
    }
    let n = shape.raw_dim().size();
    let v = crate::alloc::try_vec(routine, n, elem)?;
    Array::from_shape_vec(shape, v).map_err(|e| {
        Error::Unsupported(format!("{routine}: internal error shaping the result: {e}"))
    })
}
