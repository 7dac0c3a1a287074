//! Prints what `lapis::backend()` reports and exits non-zero unless it is
//! the backend this crate's feature asked for.

fn main() {
    // One BLAS call first: on a mismatch it prints lapis's own warning.
    let x = ndarray::array![1.0, 2.0, 3.0];
    let dot = lapis::blas::dot(&x, &x).expect("a valid dot product");
    println!("dot: {dot}");
    let info = lapis::backend();
    println!("{info}");
    println!("status: {}", info.status.as_str());
    match lapis_downstream::asked_for() {
        Some(asked) if asked == info.name && info.status == lapis::BackendStatus::Match => {}
        Some(asked) => {
            eprintln!("asked for {asked}, running {info}");
            std::process::exit(1);
        }
        None => {}
    }
}
