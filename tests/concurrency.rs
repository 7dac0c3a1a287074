//! lapis may be called from several threads at once, whatever the backend
//! (OpenBLAS's threaded build is not re-entrant: lapis serializes calls
//! into it while it runs more than one thread, see `backend::serial`).

mod common;
use common::*;
use lapis::blas::{Transpose, Uplo, gemm};
use lapis::linalg::eigh;
use ndarray::Array2;

fn hermitian(rng: &mut Rng, n: usize) -> Array2<f32> {
    let a = rng.matrix::<f32>(n, n);
    &a + &a.t()
}

#[test]
fn concurrent_eigh_and_gemm_give_the_serial_results() {
    let mut rng = Rng::new(5);
    let mats: Vec<Array2<f32>> = [17, 33, 40, 64]
        .iter()
        .map(|&n| hermitian(&mut rng, n))
        .collect();
    let big = rng.matrix::<f64>(300, 300);
    let want_w: Vec<_> = mats
        .iter()
        .map(|a| eigh(a, Uplo::Lower).unwrap().0)
        .collect();
    let mut want_c = Array2::<f64>::zeros((300, 300));
    gemm(
        Transpose::NoTrans,
        Transpose::Trans,
        1.0,
        &big,
        &big,
        0.0,
        &mut want_c,
    )
    .unwrap();
    std::thread::scope(|s| {
        for t in 0..8 {
            let (mats, want_w, big, want_c) = (&mats, &want_w, &big, &want_c);
            s.spawn(move || {
                for round in 0..60 {
                    let i = (t + round) % mats.len();
                    let (w, _) = eigh(&mats[i], Uplo::Lower).expect("eigh converges");
                    assert_close1(&w, &want_w[i], 64, "eigh under concurrency");
                    if round % 10 == 0 {
                        let mut c = Array2::<f64>::zeros((300, 300));
                        gemm(
                            Transpose::NoTrans,
                            Transpose::Trans,
                            1.0,
                            big,
                            big,
                            0.0,
                            &mut c,
                        )
                        .unwrap();
                        assert_close2(&c, want_c, 300, "gemm under concurrency");
                    }
                }
            });
        }
    });
}
