//! The `corroborate` command line (under construction).

fn main() {
    eprintln!("corroborate: not built yet");
    std::process::exit(2);
}
