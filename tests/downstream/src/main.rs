//! Prints what `lapis::backend()` reports and exits non-zero unless it is
//! the backend this crate's feature asked for.

fn main() {
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
