//! Allocation counts, with a counting global allocator: views, slicing,
//! transposes, broadcast_to and real/imag allocate nothing; `zeros(N, N)`
//! allocates its data once, with `alloc_zeroed`, of exactly `N·N·itemsize`
//! bytes, plus one small allocation: the `Arc` header of the shared buffer.
//!
//! Only allocations made by this test's thread inside a measured window
//! are counted, and the cases run in one `#[test]`, so the harness's own
//! allocations cannot interfere.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::atomic::{AtomicUsize, Ordering};

use lapis::array::{self, Idx};
use lapis::{Complex64, DType};

struct Counting;

static ALLOCS: AtomicUsize = AtomicUsize::new(0);
static ZEROED: AtomicUsize = AtomicUsize::new(0);
static BYTES: AtomicUsize = AtomicUsize::new(0);
static LARGEST: AtomicUsize = AtomicUsize::new(0);
static LARGEST_ZEROED: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    static TRACKING: Cell<bool> = const { Cell::new(false) };
}

fn tracked() -> bool {
    TRACKING.try_with(|t| t.get()).unwrap_or(false)
}

fn record(size: usize, zeroed: bool) {
    if tracked() {
        ALLOCS.fetch_add(1, Ordering::SeqCst);
        BYTES.fetch_add(size, Ordering::SeqCst);
        LARGEST.fetch_max(size, Ordering::SeqCst);
        if zeroed {
            ZEROED.fetch_add(1, Ordering::SeqCst);
            LARGEST_ZEROED.fetch_max(size, Ordering::SeqCst);
        }
    }
}

// SAFETY: every method forwards to `System` with the caller's arguments
// unchanged (the counting has no effect on the memory), so `System`'s
// `GlobalAlloc` guarantees carry over.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        record(layout.size(), false);
        // SAFETY: our caller meets `GlobalAlloc::alloc`'s contract, forwarded as is.
        unsafe { System.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        record(layout.size(), true);
        // SAFETY: our caller meets `alloc_zeroed`'s contract, forwarded as is.
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        record(new_size, false);
        // SAFETY: our caller meets `realloc`'s contract (`ptr` from this allocator,
        // that is from `System`), forwarded as is.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from this allocator, that is from `System`, with
        // `layout`.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

#[derive(Debug, PartialEq)]
struct Counts {
    allocs: usize,
    zeroed: usize,
    bytes: usize,
    largest: usize,
    largest_zeroed: usize,
}

/// Runs `f` and counts the allocations it makes on this thread.
fn count<R>(f: impl FnOnce() -> R) -> (R, Counts) {
    for c in [&ALLOCS, &ZEROED, &BYTES, &LARGEST, &LARGEST_ZEROED] {
        c.store(0, Ordering::SeqCst);
    }
    TRACKING.with(|t| t.set(true));
    let r = f();
    TRACKING.with(|t| t.set(false));
    let c = Counts {
        allocs: ALLOCS.load(Ordering::SeqCst),
        zeroed: ZEROED.load(Ordering::SeqCst),
        bytes: BYTES.load(Ordering::SeqCst),
        largest: LARGEST.load(Ordering::SeqCst),
        largest_zeroed: LARGEST_ZEROED.load(Ordering::SeqCst),
    };
    (r, c)
}

#[test]
fn allocation_counts() {
    // zeros(N, N): one alloc_zeroed of N·N·itemsize bytes plus lapis's
    // 64 bytes of slack at each end (buffer.rs: BLAS kernels that load one
    // element past an operand stay inside it), and one small allocation
    // (the Arc<Buffer> header: a few dozen bytes).
    const N: usize = 512;
    const SLACK: usize = 2 * 64;
    for d in DType::ALL {
        let (a, c) = count(|| array::zeros(&[N, N], d).unwrap());
        let data = N * N * d.itemsize() + SLACK;
        assert_eq!(c.zeroed, 1, "{d}: {c:?}");
        assert_eq!(c.largest_zeroed, data, "{d}: {c:?}");
        assert_eq!(c.allocs, 2, "{d}: data plus the Arc header, {c:?}");
        let header = c.bytes - data;
        assert!(header <= 128, "{d}: header of {header} bytes");
        eprintln!("zeros({N}, {N}) {d}: {c:?} (header {header} bytes)");
        drop(a);
    }

    let a = array::arange(0.0, 4096.0, 1.0, DType::C128)
        .unwrap()
        .reshape(&[16, 16, 16])
        .unwrap();
    let x = array::zeros(&[64, 64], DType::F64).unwrap();
    // imag of a real array shares one static zero buffer, created on first use.
    let ((), first) = count(|| drop(x.imag()));
    assert!(first.allocs <= 1, "{first:?}");

    let (n, c) = count(|| {
        let mut kept = 0usize;
        let s = a
            .slice(&[Idx::step(-2), 3.into(), Idx::NewAxis, Idx::Ellipsis])
            .unwrap();
        kept += s.size();
        let s = a
            .slice(&[
                Idx::slice(Some(1), Some(-1), 1),
                Idx::ALL,
                Idx::slice(Some(-1), None, -3),
            ])
            .unwrap();
        kept += s.ndim();
        kept += a.index_axis(-1, 2).unwrap().size();
        kept += a.t().size();
        kept += a.permute_axes(&[2, 0, 1]).unwrap().size();
        kept += a.swapaxes(0, 2).unwrap().size();
        kept += a.moveaxis(0, -1).unwrap().size();
        kept += a.broadcast_to(&[3, 16, 16, 16]).unwrap().size();
        kept += a
            .slice(&[0.into(), Idx::ALL, Idx::NewAxis])
            .unwrap()
            .squeeze()
            .size();
        kept += a.expand_dims(&[0, -1]).unwrap().ndim();
        kept += a.diagonal(1, 0, 2).unwrap().size();
        kept += a.real().size() + a.imag().size();
        kept += x.real().size() + x.imag().size();
        kept += a.new_view().size();
        kept += a.reshape(&[256, -1]).unwrap().size();
        kept += a
            .slice(&[Idx::ALL, Idx::step(2)])
            .unwrap()
            .reshape(&[-1, 16])
            .unwrap()
            .size();
        kept += a.ascontiguousarray().unwrap().size();
        kept += a.ravel(lapis::MemOrder::C).unwrap().size();
        // Typed views of up to 4 axes (ndarray keeps IxDyn inline up to 4).
        let v = a.view::<Complex64>().unwrap();
        kept += v.len();
        let r = a.real().slice(&[Idx::step(-1)]).unwrap();
        kept += r.view::<f64>().unwrap().len();
        kept += a.item::<Complex64>(&[1, 2, 3]).unwrap().re as usize;
        kept
    });
    assert!(n > 0);
    assert_eq!(c.allocs, 0, "views must not allocate: {c:?}");
}
