//! The `depeche` binary: the command line over the built-in extractors.

fn main() {
    // One line per panic instead of a backtrace dump: the runner already turns
    // a panicking extractor into an error record for that document.
    std::panic::set_hook(Box::new(|info| {
        if std::env::var_os("RUST_BACKTRACE").is_some() {
            eprintln!("depeche: {info}");
        }
    }));
    std::process::exit(depeche_runner::cli::main_with(depeche_runner::Registry::builtin()));
}
