//! Running a LAPACK call on a thread with a large stack, where the backend
//! needs one: OpenBLAS's threaded LU (`?getrf`, and `?gesv` through it).
//!
//! OpenBLAS's `getrf_parallel` puts a `job` array of `O(MAX_CPU_NUMBER²)`
//! bytes on the calling thread's stack at each level of its recursion
//! (OpenBLAS issues #246, #1082, #3229). It runs when OpenBLAS uses more
//! than one thread and `m·n ≥ 10000` (`interface/lapack/getrf.c`; from
//! `?gesv` at every order in 0.3.21, with `n² ≥ 10000` in later
//! releases); it then needs more than the 2 MiB of a thread from
//! `std::thread::spawn` (or of a test thread), where it overflows the stack
//! and crashes the process. Measured with Debian's OpenBLAS 0.3.21
//! (MAX_THREADS=64, 2 threads), `dgetrf`/`dgesv` on threads with a given
//! stack: `dgetrf` needs nothing at n = 99 (256 KiB suffice) and more than
//! 2 MiB from n = 100 on, more than 4 MiB at n = 2000 (crashed once at
//! 4 MiB, ran at 8 MiB); `dgesv` needs more than 2 MiB already at n = 32,
//! and failed once at 4 MiB for n = 500; 8 MiB ran every case up to
//! n = 2000. With one OpenBLAS thread both ran at n = 2000 in 512 KiB, and
//! `dpotrf` at n = 2000 ran in 256 KiB with 2 threads (no hop there). With
//! one OpenBLAS thread the serial `getrf_single` runs, which needs little stack; reference
//! LAPACK (with reference BLAS or BLIS) recurses with small frames. MKL's
//! need was not measured, so MKL keeps the large stack too.
//!
//! Such a call made from a thread whose stack is smaller than
//! [`LARGE_STACK`] runs on a helper thread that has that much. Helpers are
//! started on first need and kept: each call borrows an idle one (or starts
//! one) and gives it back, so that concurrent callers do not queue behind
//! one helper and a sequence of calls pays one thread start, not one each.

use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Mutex, OnceLock};

/// OpenBLAS runs `?getrf` (and `?gesv`) in parallel from `m·n ≥ 10000` on.
pub(crate) const GETRF_PARALLEL_MIN: usize = 10_000;

/// The stack a helper thread gets, and below which a call moves to one.
const LARGE_STACK: usize = 8 << 20;

/// Idle helpers kept for later calls (more are started when callers run
/// concurrently, and end when given back to a full list).
const MAX_IDLE: usize = 4;

/// Whether an LU factorization (`?getrf`, `?gesv`) of an `m × n` matrix
/// with `elements = m·n` needs a larger stack than this thread has.
pub(crate) fn lu_needs_large_stack(elements: usize) -> bool {
    elements >= GETRF_PARALLEL_MIN
        && threaded_lu_needs_large_stack()
        && current_stack_size().is_none_or(|s| s < LARGE_STACK)
}

/// Whether the backend's threaded LU runs now (more than one BLAS thread)
/// and needs a large stack when it does. OpenBLAS's `?getrf` goes threaded
/// from `m·n ≥ 10⁴` on; its `?gesv` did at every order up to some release
/// after 0.3.21, which is why `solve` keeps to `?getrf` + `?getrs` below
/// that size here.
pub(crate) fn threaded_lu_needs_large_stack() -> bool {
    lapack_needs_large_stack() && crate::backend::num_threads() > 1
}

/// Whether the LAPACK that runs is one whose threaded LU needs a large
/// stack (OpenBLAS measured; MKL unmeasured, kept as it was).
fn lapack_needs_large_stack() -> bool {
    static NEEDS: OnceLock<bool> = OnceLock::new();
    *NEEDS.get_or_init(|| matches!(crate::backend().lapack_detected, "openblas" | "mkl"))
}

thread_local! {
    static STACK_SIZE: Cell<Option<Option<usize>>> = const { Cell::new(None) };
}

/// The size of the current thread's stack, if the platform says (cached:
/// for the main thread glibc reads `/proc/self/maps` to answer).
fn current_stack_size() -> Option<usize> {
    STACK_SIZE.with(|c| {
        if let Some(known) = c.get() {
            return known;
        }
        let size = query_stack_size();
        c.set(Some(size));
        size
    })
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn query_stack_size() -> Option<usize> {
    // SAFETY: attr is initialised by pthread_getattr_np before it is read
    // and destroyed once; pthread_self is always valid.
    unsafe {
        let mut attr: libc::pthread_attr_t = std::mem::zeroed();
        if libc::pthread_getattr_np(libc::pthread_self(), &mut attr) != 0 {
            return None;
        }
        let mut size = 0usize;
        let ok = libc::pthread_attr_getstacksize(&attr, &mut size) == 0;
        libc::pthread_attr_destroy(&mut attr);
        ok.then_some(size)
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn query_stack_size() -> Option<usize> {
    None
}

/// A job for a helper: runs a caller's closure and reports back.
type Job = Box<dyn FnOnce() + Send + 'static>;

/// An idle helper thread, fed through its channel.
struct Helper {
    jobs: Sender<Job>,
}

static IDLE: Mutex<Vec<Helper>> = Mutex::new(Vec::new());

impl Helper {
    /// An idle helper, or a new one; None if the OS refuses a thread.
    fn take() -> Option<Helper> {
        let idle = IDLE.lock().unwrap_or_else(|e| e.into_inner()).pop();
        idle.or_else(Helper::start)
    }

    fn start() -> Option<Helper> {
        let (jobs, inbox) = channel::<Job>();
        std::thread::Builder::new()
            .name("lapis-lapack".into())
            .stack_size(LARGE_STACK)
            .spawn(move || serve(inbox))
            .ok()?;
        Some(Helper { jobs })
    }

    /// Back to the idle list, or ended (its channel closed) if it is full.
    fn give_back(self) {
        let mut idle = IDLE.lock().unwrap_or_else(|e| e.into_inner());
        if idle.len() < MAX_IDLE {
            idle.push(self);
        }
    }
}

/// A helper's life: run jobs until its channel closes.
fn serve(inbox: Receiver<Job>) {
    while let Ok(job) = inbox.recv() {
        job();
    }
}

/// Runs `f` on a helper thread with a [`LARGE_STACK`] stack and returns
/// its result; here, on the calling thread, if no helper can be had. A
/// panic in `f` is caught on the helper and resumed here, as if `f` had
/// run here; the helper survives it.
pub(crate) fn on_large_stack<R: Send>(f: impl FnOnce() -> R + Send) -> R {
    let Some(helper) = Helper::take() else {
        return f();
    };
    // The helper stands in for this thread, pool-work mark included.
    let mark = crate::parallel::PoolMark::current();
    let (done, result) = channel::<std::thread::Result<R>>();
    let job = move || {
        let r = catch_unwind(AssertUnwindSafe(|| mark.within(f)));
        // The caller waits for this; it cannot have gone.
        let _ = done.send(r);
    };
    let job: Box<dyn FnOnce() + Send + '_> = Box::new(job);
    // SAFETY: the job borrows from this stack frame (`f`'s captures, the
    // result channel's type) for less than 'static. It is only run or
    // dropped by the helper, and this function does not return before the
    // job has finished with those borrows: `result.recv()` returns when the
    // job sent its result (its last use of them) or when the job was
    // dropped (its sender with it) without running. Both end its access.
    let job: Job = unsafe { std::mem::transmute::<Box<dyn FnOnce() + Send + '_>, Job>(job) };
    if let Err(returned) = helper.jobs.send(job) {
        // The helper is gone (it cannot be, while we hold its sender; but
        // then the job came back unrun): run it here.
        (returned.0)();
        return match result.recv() {
            Ok(Ok(r)) => r,
            Ok(Err(p)) => resume_unwind(p),
            Err(_) => unreachable!("the job ran here and sent its result"),
        };
    }
    let outcome = result.recv();
    helper.give_back();
    match outcome {
        Ok(Ok(r)) => r,
        Ok(Err(p)) => resume_unwind(p),
        // Only if the helper thread died between taking the job and
        // running it, which `serve` never does.
        Err(_) => panic!("lapis: the large-stack LAPACK helper lost a job"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helpers_run_jobs_and_are_reused() {
        let big = [1u8; 4096];
        for i in 0..20 {
            let (sum, stack) = on_large_stack(|| {
                let s: usize = big.iter().map(|&b| b as usize).sum();
                (s + i, current_stack_size())
            });
            assert_eq!(sum, 4096 + i);
            if let Some(s) = stack {
                assert!(s >= LARGE_STACK);
            }
        }
        assert!(IDLE.lock().unwrap().len() <= MAX_IDLE);
    }

    #[test]
    fn a_panic_comes_back_to_the_caller_and_the_helper_lives_on() {
        let r = catch_unwind(|| on_large_stack(|| panic!("boom")));
        assert!(r.is_err());
        assert_eq!(on_large_stack(|| 7), 7);
    }

    #[test]
    fn concurrent_callers_each_get_a_helper() {
        let threads: Vec<_> = (0..6)
            .map(|i| std::thread::spawn(move || on_large_stack(move || i * 2)))
            .collect();
        let got: Vec<_> = threads.into_iter().map(|t| t.join().unwrap()).collect();
        assert_eq!(got, vec![0, 2, 4, 6, 8, 10]);
    }
}
