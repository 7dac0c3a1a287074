//! Shared ownership: views outlive their base; foreign memory is wrapped
//! without copies and its release hook runs exactly once, after the last
//! view; `from_raw_parts` validates what it is given.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use lapis::array::{self, Idx, MemOrder, NdArray};
use lapis::{Complex32, Complex64, DType, Error};

#[test]
fn views_outlive_their_base() {
    let a = array::arange(0.0, 12.0, 1.0, DType::C128)
        .unwrap()
        .reshape(&[3, 4])
        .unwrap();
    let v = a.slice(&[Idx::step(-1), (1..3).into()]).unwrap();
    let im = a.t().imag();
    let re = v.real();
    drop(a);
    assert_eq!(
        v.to_vec::<Complex64>().unwrap(),
        [9.0, 10.0, 5.0, 6.0, 1.0, 2.0]
            .map(|x| Complex64::new(x, 0.0))
            .to_vec()
    );
    assert_eq!(
        re.to_vec::<f64>().unwrap(),
        vec![9.0, 10.0, 5.0, 6.0, 1.0, 2.0]
    );
    drop(v);
    assert_eq!(im.to_vec::<f64>().unwrap(), vec![0.0; 12]);
    assert_eq!(re.item::<f64>(&[2, 1]).unwrap(), 2.0);
}

/// Foreign memory: a leaked boxed slice and a hook that frees it and
/// counts its calls.
fn foreign(values: Vec<f64>, count: &Arc<AtomicUsize>) -> (*mut f64, lapis::array::ReleaseHook) {
    let len = values.len();
    let ptr = Box::into_raw(values.into_boxed_slice()) as *mut f64;
    let addr = ptr as usize;
    let n = count.clone();
    let hook = Box::new(move || {
        // SAFETY: rebuilds the leaked box, once (the hook is FnOnce).
        drop(unsafe { Box::from_raw(std::ptr::slice_from_raw_parts_mut(addr as *mut f64, len)) });
        n.fetch_add(1, Ordering::SeqCst);
    });
    (ptr, hook)
}

#[test]
fn foreign_memory_release_hook_runs_once_after_the_last_view() {
    let count = Arc::new(AtomicUsize::new(0));
    let mut store: Vec<f64> = (0..12).map(f64::from).collect();
    let ptr = store.as_mut_ptr();
    let n = count.clone();
    let hook: lapis::array::ReleaseHook = Box::new(move || {
        n.fetch_add(1, Ordering::SeqCst);
    });
    // A 3 × 4 Fortran-order view of the caller's memory.
    // SAFETY: `store` holds the 12 aligned f64s the 3 × 4 strides reach, outlives
    // every view (the last is dropped before it is read again), and is written
    // only through them meanwhile.
    let a = unsafe {
        NdArray::from_raw_parts(
            ptr as *mut u8,
            DType::F64,
            &[3, 4],
            &[8, 24],
            false,
            Some(hook),
        )
    }
    .unwrap();
    assert!(!a.owns_data() && a.is_f_contiguous() && a.is_writable() && !a.is_lapis_allocated());
    assert_eq!(a.data_ptr(), ptr as *const u8);
    let v = a.slice(&[1.into()]).unwrap();
    let mut t = a.t();
    let b = a.broadcast_to(&[2, 3, 4]).unwrap();
    drop(a);
    assert_eq!(count.load(Ordering::SeqCst), 0);
    assert_eq!(v.to_vec::<f64>().unwrap(), vec![1.0, 4.0, 7.0, 10.0]);
    t.set_item(&[3, 2], -1.0).unwrap();
    drop(v);
    drop(t);
    assert_eq!(b.item::<f64>(&[1, 2, 3]).unwrap(), -1.0);
    // A view sent to another thread, the last one dropped there.
    let handle = std::thread::spawn(move || b.slice(&[0.into()]).unwrap().size());
    assert_eq!(handle.join().unwrap(), 12);
    assert_eq!(count.load(Ordering::SeqCst), 1);
    assert_eq!(store[11], -1.0, "writes went to the caller's memory");
}

#[test]
fn foreign_memory_with_negative_and_odd_strides() {
    let count = Arc::new(AtomicUsize::new(0));
    let (ptr, hook) = foreign((0..10).map(f64::from).collect(), &count);
    // Reversed and read-only: the pointer is the first logical element.
    // SAFETY: `ptr` is the start of the leaked 10-element box; 9 is its last
    // element.
    let last = unsafe { ptr.add(9) };
    // SAFETY: the 5 elements at stride −2 from the last are inside the leaked
    // box, which lives until the hook runs; nothing else writes it.
    let a = unsafe {
        NdArray::from_raw_parts(last as *mut u8, DType::F64, &[5], &[-16], true, Some(hook))
    }
    .unwrap();
    assert_eq!(a.to_vec::<f64>().unwrap(), vec![9.0, 7.0, 5.0, 3.0, 1.0]);
    {
        let v = a.view::<f64>().unwrap();
        assert_eq!(v.strides(), &[-2]);
    }
    let mut s = a.slice(&[Idx::step(-1)]).unwrap();
    assert!(!s.is_writable());
    assert!(matches!(s.view_mut::<f64>(), Err(Error::ReadOnly { .. })));
    assert!(matches!(s.set_item(&[0], 1.0), Err(Error::ReadOnly { .. })));
    assert_eq!(
        s.copy(MemOrder::C).unwrap().to_vec::<f64>().unwrap(),
        vec![1.0, 3.0, 5.0, 7.0, 9.0]
    );
    drop(a);
    drop(s);
    assert_eq!(count.load(Ordering::SeqCst), 1);

    // complex64 elements 12 bytes apart: aligned (4) but not a multiple of
    // the itemsize (8): typed views refuse, copies work.
    let mut raw = vec![0f32; 9];
    for (k, x) in raw.iter_mut().enumerate() {
        *x = k as f32;
    }
    // SAFETY: `raw` holds 9 aligned f32s; the 3 complex64 elements at byte
    // stride 12 end at byte 32 of 36. Read-only, and `raw` outlives `a`.
    let a = unsafe {
        NdArray::from_raw_parts(
            raw.as_mut_ptr() as *mut u8,
            DType::C64,
            &[3],
            &[12],
            true,
            None,
        )
    }
    .unwrap();
    assert!(matches!(
        a.view::<Complex32>(),
        Err(Error::StrideNotMultiple {
            axis: 0,
            stride: 12,
            ..
        })
    ));
    assert!(a.strides_elems().is_err());
    let c = a.copy(MemOrder::C).unwrap();
    assert_eq!(
        c.to_vec::<Complex32>().unwrap(),
        vec![
            Complex32::new(0.0, 1.0),
            Complex32::new(3.0, 4.0),
            Complex32::new(6.0, 7.0)
        ]
    );
    assert_eq!(
        a.real().copy(MemOrder::C).unwrap().to_vec::<f32>().unwrap(),
        vec![0.0, 3.0, 6.0]
    );

    // Writable but overlapping (stride 0): readable, not mutably viewable.
    let mut one = [5.0f64];
    // SAFETY: every index maps to `one[0]`, an aligned f64 that outlives `o` and
    // is touched only through it.
    let mut o = unsafe {
        NdArray::from_raw_parts(
            one.as_mut_ptr() as *mut u8,
            DType::F64,
            &[4],
            &[0],
            false,
            None,
        )
    }
    .unwrap();
    assert_eq!(o.to_vec::<f64>().unwrap(), vec![5.0; 4]);
    assert!(matches!(
        o.view_mut::<f64>(),
        Err(Error::OverlappingOutput { .. })
    ));
}

#[test]
fn from_raw_parts_validates_and_leaves_the_hook_uncalled_on_error() {
    let count = Arc::new(AtomicUsize::new(0));
    let mut buf = vec![0f64; 16];
    let p = buf.as_mut_ptr() as *mut u8;
    let make = |ptr: *mut u8, dtype: DType, shape: &[usize], strides: &[isize]| {
        let n = count.clone();
        let hook: lapis::array::ReleaseHook = Box::new(move || {
            n.fetch_add(1, Ordering::SeqCst);
        });
        // SAFETY: the cases that succeed address at most the first 4 elements of
        // `buf`, which outlives every array made here and is written only after they
        // are dropped; the failing cases return before using `ptr`.
        unsafe { NdArray::from_raw_parts(ptr, dtype, shape, strides, false, Some(hook)) }
    };
    let cases: Vec<(Result<NdArray, Error>, &str)> = vec![
        (
            make(p.wrapping_add(4), DType::F64, &[2], &[8]),
            "Misaligned",
        ),
        (make(p, DType::F64, &[2], &[12]), "Misaligned"),
        (
            make(std::ptr::null_mut(), DType::F32, &[2], &[4]),
            "InvalidArgument",
        ),
        (make(p, DType::F32, &[2, 2], &[4]), "ShapeMismatch"),
        (
            make(p, DType::F64, &[3, 1 << 40], &[8, (isize::MAX / 4) & !7]),
            "SizeOverflow",
        ),
        (
            make(p, DType::C128, &[usize::MAX / 2, 4], &[16, 16]),
            "SizeOverflow",
        ),
        (make(p, DType::F64, &[1; 33], &[8; 33]), "TooManyDimensions"),
    ];
    for (r, want) in cases {
        let e = r.unwrap_err();
        assert!(format!("{e:?}").starts_with(want), "{e:?} is not {want}");
    }
    assert_eq!(
        count.load(Ordering::SeqCst),
        0,
        "hooks of failed calls must not run"
    );
    // Empty arrays accept a null pointer; length-1 axes any stride.
    let e = make(std::ptr::null_mut(), DType::F64, &[0, 3], &[7, 3]).unwrap();
    assert_eq!(e.size(), 0);
    assert_eq!(e.to_vec::<f64>().unwrap(), Vec::<f64>::new());
    drop(e);
    let s = make(p, DType::F64, &[1, 4], &[3, 8]).unwrap();
    assert!(s.is_c_contiguous());
    drop(s);
    assert_eq!(count.load(Ordering::SeqCst), 2);
    buf[0] = 1.0;
}
