//! The memory behind an [`NdArray`](super::NdArray): one allocation (or one
//! span of foreign memory) shared by every array that views it, through an
//! `Arc`, with a run-time borrow flag that keeps typed views sound.
//!
//! Every `NdArray` made from another (slices, transposes, `real`, …) holds
//! a clone of the same `Arc<Buffer>`, so the memory lives until the last of
//! them is dropped, whichever order they are dropped in. Then the buffer
//! frees its allocation, or calls the foreign owner's release hook, exactly
//! once.
//!
//! Typed access hands out ndarray views, whose `&`/`&mut` semantics forbid
//! a mutable view that aliases any other view. Since several arrays may
//! share one buffer, the check is dynamic, like a `RefCell` (but atomic, so
//! arrays are `Send + Sync`): any number of shared borrows, or one mutable
//! borrow, per buffer at a time.

use std::alloc::{self, Layout};
use std::ptr::NonNull;
use std::sync::atomic::{AtomicIsize, Ordering};

use crate::alloc::PAD;
use crate::error::{Error, Result};

/// A hook called once when the last array viewing foreign memory is
/// dropped (for example to free the memory or decrement a reference count
/// held by the caller). It must not panic.
pub type ReleaseHook = Box<dyn FnOnce() + Send + 'static>;

/// What to do with the memory when the last array viewing it is dropped.
enum Release {
    /// Memory lapis allocated with the global allocator, with this layout
    /// (zero-size layouts were never allocated); the allocation begins
    /// `front` bytes before the buffer's start.
    Dealloc { layout: Layout, front: usize },
    /// Foreign memory, released by the caller's hook (if any).
    Foreign(Option<ReleaseHook>),
    /// Static memory: nothing to do.
    Static,
}

/// A span of memory shared by the arrays that view it.
pub(crate) struct Buffer {
    start: NonNull<u8>,
    release: Release,
    /// 0: free; n > 0: n shared borrows; -1: one mutable borrow.
    borrow: AtomicIsize,
}

// SAFETY: the buffer is plain memory; access to it goes through the borrow
// flag (typed views) or through raw kernels that hold a shared borrow while
// they read. The release hook is `Send` and is touched only in `drop`, which
// has exclusive access, so sharing `&Buffer` across threads is sound.
unsafe impl Send for Buffer {}
// SAFETY: as for `Send` just above: through `&Buffer` other threads reach
// only the atomic borrow flag and the start address.
unsafe impl Sync for Buffer {}

/// The largest alignment a lapis dtype needs (that of `f64`).
pub(crate) const MAX_ALIGN: usize = 8;

impl Buffer {
    /// Allocates `nbytes` bytes aligned to `align`, zeroed when asked (one
    /// `alloc_zeroed` call: calloc under the system allocator, so large
    /// zero buffers come straight from zeroed pages). `nbytes == 0`
    /// allocates nothing.
    pub(crate) fn alloc(
        routine: &'static str,
        nbytes: usize,
        align: usize,
        zeroed: bool,
    ) -> Result<Buffer> {
        let overflow = || Error::SizeOverflow {
            routine,
            shape: crate::error::Shape(vec![nbytes]),
            itemsize: 1,
        };
        if nbytes == 0 {
            return Ok(Buffer {
                start: dangling(align),
                release: Release::Dealloc {
                    layout: Layout::from_size_align(0, align).map_err(|_| overflow())?,
                    front: 0,
                },
                borrow: AtomicIsize::new(0),
            });
        }
        let total = nbytes.checked_add(2 * PAD).ok_or_else(overflow)?;
        let layout = Layout::from_size_align(total, align.max(PAD)).map_err(|_| overflow())?;
        // SAFETY: the layout has a non-zero size.
        let p = unsafe {
            if zeroed {
                alloc::alloc_zeroed(layout)
            } else {
                alloc::alloc(layout)
            }
        };
        if p.is_null() {
            return Err(Error::OutOfMemory { routine, nbytes });
        }
        // SAFETY: `PAD < total`, so the start lies inside the allocation.
        let start = unsafe { p.add(PAD) };
        advise_huge_pages(start, nbytes);
        crate::profile::note_alloc(nbytes);
        Ok(Buffer {
            start: NonNull::new(start).ok_or(Error::OutOfMemory { routine, nbytes })?,
            release: Release::Dealloc { layout, front: PAD },
            borrow: AtomicIsize::new(0),
        })
    }

    /// Takes over the allocation of a `Vec` without copying.
    pub(crate) fn from_vec<T>(v: Vec<T>) -> Buffer {
        let mut v = std::mem::ManuallyDrop::new(v);
        let cap = v.capacity();
        // A Vec's buffer was allocated by the global allocator with
        // `Layout::array::<T>(capacity)` (the contract of Vec::from_raw_parts),
        // so it is freed with that layout; zero-size layouts were never
        // allocated.
        let layout = Layout::array::<T>(cap).unwrap_or(Layout::new::<()>());
        let start = NonNull::new(v.as_mut_ptr() as *mut u8).unwrap_or(dangling(MAX_ALIGN));
        Buffer {
            start,
            release: Release::Dealloc { layout, front: 0 },
            borrow: AtomicIsize::new(0),
        }
    }

    /// Foreign memory starting at `start`, released by `hook`.
    pub(crate) fn foreign(start: NonNull<u8>, hook: Option<ReleaseHook>) -> Buffer {
        Buffer {
            start,
            release: Release::Foreign(hook),
            borrow: AtomicIsize::new(0),
        }
    }

    /// Static, never-written memory (the zeros behind `imag` of a real array).
    pub(crate) fn statik(start: NonNull<u8>) -> Buffer {
        Buffer {
            start,
            release: Release::Static,
            borrow: AtomicIsize::new(0),
        }
    }

    /// The first byte of the memory.
    pub(crate) fn start(&self) -> *mut u8 {
        self.start.as_ptr()
    }

    /// Whether lapis allocated this memory (as opposed to foreign or static).
    pub(crate) fn is_allocated(&self) -> bool {
        matches!(self.release, Release::Dealloc { .. })
    }

    /// Takes a shared borrow, or says the buffer is mutably borrowed.
    pub(crate) fn borrow_shared(&self, routine: &'static str) -> Result<SharedBorrow<'_>> {
        let mut cur = self.borrow.load(Ordering::Relaxed);
        loop {
            if cur < 0 || cur == isize::MAX {
                return Err(Error::BorrowConflict {
                    routine,
                    mutably: true,
                });
            }
            match self.borrow.compare_exchange_weak(
                cur,
                cur + 1,
                Ordering::Acquire,
                Ordering::Relaxed,
            ) {
                Ok(_) => return Ok(SharedBorrow { flag: &self.borrow }),
                Err(now) => cur = now,
            }
        }
    }

    /// Takes the one mutable borrow, or says the buffer is borrowed.
    pub(crate) fn borrow_mut(&self, routine: &'static str) -> Result<MutBorrow<'_>> {
        match self
            .borrow
            .compare_exchange(0, -1, Ordering::Acquire, Ordering::Relaxed)
        {
            Ok(_) => Ok(MutBorrow { flag: &self.borrow }),
            Err(now) => Err(Error::BorrowConflict {
                routine,
                mutably: now < 0,
            }),
        }
    }
}

impl Drop for Buffer {
    fn drop(&mut self) {
        match &mut self.release {
            Release::Dealloc { layout, front } => {
                if layout.size() != 0 {
                    // SAFETY: allocated by the global allocator with this
                    // layout (by `alloc`, `front` bytes before the start, or
                    // by a Vec, at the start), freed only here.
                    unsafe { alloc::dealloc(self.start.as_ptr().sub(*front), *layout) }
                }
            }
            Release::Foreign(hook) => {
                if let Some(hook) = hook.take() {
                    hook();
                }
            }
            Release::Static => {}
        }
    }
}

/// A non-null, aligned pointer for empty buffers.
fn dangling(align: usize) -> NonNull<u8> {
    // An address equal to the alignment is aligned and never dereferenced.
    NonNull::new(align.max(1) as *mut u8).unwrap_or(NonNull::dangling())
}

/// A shared borrow of a buffer, released on drop.
pub(crate) struct SharedBorrow<'a> {
    flag: &'a AtomicIsize,
}

impl Drop for SharedBorrow<'_> {
    fn drop(&mut self) {
        self.flag.fetch_sub(1, Ordering::Release);
    }
}

/// The mutable borrow of a buffer, released on drop.
pub(crate) struct MutBorrow<'a> {
    flag: &'a AtomicIsize,
}

impl Drop for MutBorrow<'_> {
    fn drop(&mut self) {
        self.flag.store(0, Ordering::Release);
    }
}

/// Asks the kernel for transparent huge pages on the whole 2 MiB pages
/// inside a large allocation (as NumPy does from 4 MiB): a first write then
/// faults once per 2 MiB instead of once per 4 KiB, which dominates the
/// cost of filling a fresh multi-megabyte array. Advisory only: errors
/// (no THP support, `never` mode) are ignored and change nothing.
fn advise_huge_pages(p: *mut u8, nbytes: usize) {
    const HUGE: usize = 2 << 20;
    #[cfg(target_os = "linux")]
    if nbytes >= 2 * HUGE {
        let start = (p as usize).next_multiple_of(HUGE);
        let end = (p as usize + nbytes) & !(HUGE - 1);
        if end > start {
            // SAFETY: [start, end) lies inside the allocation just made;
            // madvise(MADV_HUGEPAGE) changes no contents.
            unsafe {
                libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_HUGEPAGE);
            }
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = (p, nbytes, HUGE);
}
