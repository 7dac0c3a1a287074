mod common;
use common::*;
use lapis::blas::{gemm, Transpose};
use lapis::Scalar;

fn gemm_all_layouts<T: Scalar>() {
    let mut rng = Rng::new(1);
    let (m, n, k) = (5, 4, 3);
    for ta in [Transpose::NoTrans, Transpose::Trans, Transpose::ConjTrans] {
        for tb in [Transpose::NoTrans, Transpose::Trans, Transpose::ConjTrans] {
            for la in Lay::ALL {
                for lb in Lay::ALL {
                    for lc in Lay::ALL {
                        let a0 = if ta == Transpose::NoTrans { rng.matrix::<T>(m, k) } else { rng.matrix::<T>(k, m) };
                        let b0 = if tb == Transpose::NoTrans { rng.matrix::<T>(k, n) } else { rng.matrix::<T>(n, k) };
                        let c0 = rng.matrix::<T>(m, n);
                        let (alpha, beta) = (rng.scalar::<T>(), rng.scalar::<T>());
                        let a = Mat::new(&a0, la);
                        let b = Mat::new(&b0, lb);
                        let mut c = Mat::new(&c0, lc);
                        let before = lapis::layout::copies_made();
                        gemm(ta, tb, alpha, &a.view(), &b.view(), beta, &mut c.view_mut()).unwrap();
                        let copies = lapis::layout::copies_made() - before;
                        let want = matmul(&op(&a0, ta), &op(&b0, tb)).mapv(|v| v * alpha) + c0.mapv(|v| v * beta);
                        assert_close2(&c.view(), &want, k, &format!("{ta:?} {tb:?} {la:?} {lb:?} {lc:?}"));
                        if la.blas_native() && lb.blas_native() && lc.blas_native() && !T::IS_COMPLEX {
                            assert_eq!(copies, 0, "{ta:?} {tb:?} {la:?} {lb:?} {lc:?}");
                        }
                    }
                }
            }
        }
    }
}
all_dtypes!(gemm_all_layouts);
