//! The registry of live array handles: what a `lapis_array *` is.
//!
//! A handle C holds is not an address but a key, checked on every call
//! before anything is read:
//!
//! ```text
//!  63        56 55                              24 23                 0
//! +------------+----------------------------------+--------------------+
//! |  tag 0x1A  |  generation (32 bits)            |  slot index + 1    |
//! +------------+----------------------------------+--------------------+
//! ```
//!
//! - The tag byte makes the value a non-canonical x86-64/AArch64 address,
//!   so no real pointer (a `FILE *`, a freed `malloc` block, a stack
//!   address) is ever taken for a handle, and a handle passed to `free()`
//!   or dereferenced by mistake faults at once instead of corrupting memory.
//! - The slot holds the array (`Arc<NdArray>`) and the slot's generation.
//!   Freeing a handle empties the slot and bumps the generation, so every
//!   copy of the freed handle, and a second free, is recognised as stale
//!   and answered with `LAPIS_ERR_INVALID_HANDLE`. A slot whose 32-bit
//!   generation would wrap is retired, never reused: a freed handle can
//!   never name a later array.
//! - A call clones the `Arc` under the slot's lock and works on its clone,
//!   so a handle freed by another thread mid-call (a caller's race) leaves
//!   the running call with a live array; the memory goes when both are done.
//!
//! Slots live in segments of [`SEGMENT_LEN`] that are allocated on first
//! use and never freed (a segment is 16 KiB); each slot has its own lock,
//! so threads using different handles do not contend. The free list is a
//! stack: a freed slot is reused first, with its new generation.

use std::sync::atomic::{AtomicPtr, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use lapis::array::NdArray;

use crate::{Failure, FfiResult, lapis_array, lapis_status};

#[cfg(not(target_pointer_width = "64"))]
compile_error!("lapis's C handles encode a 64-bit key: 64-bit targets only");

const TAG: u64 = 0x1A << 56;
const TAG_MASK: u64 = 0xFF << 56;
const INDEX_BITS: u32 = 24;
const INDEX_MASK: u64 = (1 << INDEX_BITS) - 1;
/// Slots per segment.
const SEGMENT_LEN: usize = 1024;
/// Live handles at most: 2^24 − 1 (index 0 of the key is never used).
const MAX_SLOTS: usize = (1 << INDEX_BITS) - 1;
const SEGMENTS: usize = (MAX_SLOTS + 1) / SEGMENT_LEN;

#[derive(Default)]
struct Slot {
    generation: u32,
    array: Option<Arc<NdArray>>,
}

type Segment = [Mutex<Slot>; SEGMENT_LEN];

/// Segment pointers, null until the first slot in the segment is handed out.
static SEGMENT_TABLE: [AtomicPtr<Segment>; SEGMENTS] =
    [const { AtomicPtr::new(std::ptr::null_mut()) }; SEGMENTS];

/// Slots free for reuse, and the number ever handed out.
struct FreeList {
    free: Vec<u32>,
    used: u32,
}

static FREE_LIST: Mutex<FreeList> = Mutex::new(FreeList {
    free: Vec::new(),
    used: 0,
});

/// Locks ignoring poison: nothing panics while one of these locks is held
/// (the sections only move an `Arc` and compare integers).
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

fn segment(index: usize) -> Option<&'static Segment> {
    let p = SEGMENT_TABLE
        .get(index / SEGMENT_LEN)?
        .load(Ordering::Acquire);
    // SAFETY: a non-null entry was stored by `slot_for_new` from
    // `Box::into_raw` and is never freed or replaced, so it is valid for
    // the life of the process.
    unsafe { p.as_ref() }
}

fn slot(index: usize) -> Option<&'static Mutex<Slot>> {
    segment(index).map(|s| &s[index % SEGMENT_LEN])
}

/// A slot index for a new handle: a freed one, or the next never used
/// (allocating its segment on first use).
fn slot_for_new() -> FfiResult<usize> {
    let mut fl = lock(&FREE_LIST);
    if let Some(i) = fl.free.pop() {
        return Ok(i as usize);
    }
    let i = fl.used as usize;
    if i >= MAX_SLOTS {
        return Err(Failure::new(
            lapis_status::LAPIS_ERR_OUT_OF_MEMORY,
            format!("too many live lapis_array handles (the limit is {MAX_SLOTS}); free some"),
        ));
    }
    let entry = &SEGMENT_TABLE[i / SEGMENT_LEN];
    if entry.load(Ordering::Acquire).is_null() {
        // Under the free-list lock: no other thread allocates this segment.
        let seg: Box<Segment> = Box::new(std::array::from_fn(|_| Mutex::new(Slot::default())));
        entry.store(Box::into_raw(seg), Ordering::Release);
    }
    // Room for every slot to be free at once (the list is empty here), so
    // that freeing, which must not fail, never allocates.
    if fl.free.try_reserve(i + 1).is_err() {
        return Err(Failure::new(
            lapis_status::LAPIS_ERR_OUT_OF_MEMORY,
            "out of memory for a new lapis_array handle",
        ));
    }
    fl.used += 1;
    Ok(i)
}

fn key(index: usize, generation: u32) -> *mut lapis_array {
    let k = TAG | (u64::from(generation) << INDEX_BITS) | (index as u64 + 1);
    // The key is an integer dressed as a pointer; it is never dereferenced.
    k as usize as *mut lapis_array
}

/// Registers `a` and returns its new handle.
pub(crate) fn register(a: NdArray) -> FfiResult<*mut lapis_array> {
    let index = slot_for_new()?;
    let s = slot(index).expect("slot_for_new allocated the segment");
    let mut s = lock(s);
    s.array = Some(Arc::new(a));
    Ok(key(index, s.generation))
}

/// What is wrong with a value that is not a live handle.
enum Stale {
    Freed,
    NotAHandle,
}

fn decode(h: *const lapis_array) -> Result<(usize, u32), Stale> {
    let k = h as usize as u64;
    if k & TAG_MASK != TAG || k & INDEX_MASK == 0 {
        return Err(Stale::NotAHandle);
    }
    let index = (k & INDEX_MASK) as usize - 1;
    let generation = ((k & !TAG_MASK) >> INDEX_BITS) as u32;
    Ok((index, generation))
}

fn invalid(routine: &str, name: &str, h: *const lapis_array, why: Stale) -> Failure {
    let what = match why {
        Stale::Freed => "a freed lapis_array handle (used after lapis_array_free, or freed twice)",
        Stale::NotAHandle => "not a lapis_array handle (never returned by lapis)",
    };
    Failure::new(
        lapis_status::LAPIS_ERR_INVALID_HANDLE,
        format!("{routine}: argument '{name}' ({h:p}) is {what}"),
    )
}

/// The array behind a handle, shared for the duration of a call. NULL is
/// reported as a NULL argument; anything else that is not a live handle
/// as `LAPIS_ERR_INVALID_HANDLE`. Nothing at `h` is ever read.
pub(crate) fn lookup(routine: &str, name: &str, h: *const lapis_array) -> FfiResult<Arc<NdArray>> {
    if h.is_null() {
        return Err(Failure::null(routine, name));
    }
    let (index, generation) = decode(h).map_err(|why| invalid(routine, name, h, why))?;
    let Some(s) = slot(index) else {
        return Err(invalid(routine, name, h, Stale::NotAHandle));
    };
    let s = lock(s);
    match &s.array {
        Some(a) if s.generation == generation => Ok(Arc::clone(a)),
        _ if generation <= s.generation => Err(invalid(routine, name, h, Stale::Freed)),
        _ => Err(invalid(routine, name, h, Stale::NotAHandle)),
    }
}

/// Frees a handle: NULL is a no-op; a stale or foreign value is reported
/// and nothing is freed. The array's memory goes when the last call using
/// it returns.
pub(crate) fn release(routine: &str, name: &str, h: *mut lapis_array) -> FfiResult {
    if h.is_null() {
        return Ok(());
    }
    let (index, generation) = decode(h).map_err(|why| invalid(routine, name, h, why))?;
    let Some(s) = slot(index) else {
        return Err(invalid(routine, name, h, Stale::NotAHandle));
    };
    let array = {
        let mut s = lock(s);
        if s.generation != generation || s.array.is_none() {
            let why = if generation <= s.generation {
                Stale::Freed
            } else {
                Stale::NotAHandle
            };
            return Err(invalid(routine, name, h, why));
        }
        let array = s.array.take();
        match s.generation.checked_add(1) {
            Some(g) => {
                s.generation = g;
                // Capacity was reserved when the slot was first handed out.
                lock(&FREE_LIST).free.push(index as u32);
            }
            // Retired: this slot's 2^32 keys are used up.
            None => s.generation = u32::MAX,
        }
        array
    };
    drop(array);
    Ok(())
}

/// The number of live handles (for tests: every handle a test makes is
/// freed).
pub fn live_handles() -> usize {
    let used = lock(&FREE_LIST).used as usize;
    (0..used)
        .filter(|&i| slot(i).is_some_and(|s| lock(s).array.is_some()))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use lapis::dtype::DType;

    fn array(n: usize) -> NdArray {
        lapis::array::zeros(&[n], DType::F64).unwrap()
    }

    fn status(r: FfiResult<impl Sized>) -> lapis_status {
        match r {
            Ok(_) => lapis_status::LAPIS_OK,
            Err(f) => f.status,
        }
    }

    #[test]
    fn a_key_names_its_array_until_freed_and_never_again() {
        let h = register(array(3)).unwrap();
        assert_eq!(lookup("t", "a", h).unwrap().shape(), &[3]);
        release("t", "a", h).unwrap();
        let f = lookup("t", "a", h).unwrap_err();
        assert_eq!(f.status, lapis_status::LAPIS_ERR_INVALID_HANDLE);
        assert!(f.message.contains("t: argument 'a'") && f.message.contains("freed"));
        assert_eq!(
            status(release("t", "a", h)),
            lapis_status::LAPIS_ERR_INVALID_HANDLE
        );
        // The slot is reused (a stack) under a new generation.
        let h2 = register(array(5)).unwrap();
        assert_ne!(h, h2);
        assert_eq!(
            status(lookup("t", "a", h)),
            lapis_status::LAPIS_ERR_INVALID_HANDLE
        );
        assert_eq!(lookup("t", "a", h2).unwrap().shape(), &[5]);
        release("t", "a", h2).unwrap();
    }

    #[test]
    fn foreign_values_are_refused_without_being_read() {
        let x = 0u64;
        for v in [
            1usize,
            &x as *const u64 as usize,
            usize::MAX,
            (TAG as usize) | 0xFF_FFFF, // tagged, a slot never handed out
            TAG as usize,               // tagged, index 0
        ] {
            let f = lookup("t", "b", v as *const lapis_array).unwrap_err();
            assert_eq!(f.status, lapis_status::LAPIS_ERR_INVALID_HANDLE, "{v:#x}");
            assert!(
                f.message.contains("not a lapis_array handle"),
                "{}",
                f.message
            );
            assert_eq!(
                status(release("t", "b", v as *mut lapis_array)),
                lapis_status::LAPIS_ERR_INVALID_HANDLE
            );
        }
        assert_eq!(
            status(lookup("t", "b", std::ptr::null())),
            lapis_status::LAPIS_ERR_NULL_ARGUMENT
        );
        assert!(release("t", "b", std::ptr::null_mut()).is_ok());
    }

    #[test]
    fn a_call_in_flight_keeps_its_array_when_the_handle_is_freed() {
        let h = register(array(4)).unwrap();
        let held = lookup("t", "a", h).unwrap();
        release("t", "a", h).unwrap();
        assert_eq!(held.shape(), &[4]);
        assert_eq!(held.size(), 4);
    }

    #[test]
    fn threads_making_using_and_freeing_handles_never_see_each_others() {
        let threads: Vec<_> = (0..8)
            .map(|t| {
                std::thread::spawn(move || {
                    let mut stale = Vec::new();
                    for i in 0..2000 {
                        let n = 1 + (t * 7 + i) % 13;
                        let h = register(array(n)).unwrap();
                        assert_eq!(lookup("t", "a", h).unwrap().shape(), &[n]);
                        for &s in &stale {
                            assert_eq!(
                                status(lookup("t", "a", s)),
                                lapis_status::LAPIS_ERR_INVALID_HANDLE
                            );
                        }
                        release("t", "a", h).unwrap();
                        if i % 500 == 0 {
                            stale.push(h);
                        }
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
    }
}
