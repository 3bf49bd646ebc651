//! `depeche-hashtags`: the full `depeche` command line plus the `social` extractor.

use depeche_runner::Registry;

fn main() {
    let registry = Registry::builtin().with(Box::new(depeche_hashtags::SocialExtractor));
    std::process::exit(depeche_runner::cli::main_with(registry));
}
