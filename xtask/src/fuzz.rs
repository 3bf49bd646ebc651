//! `cargo xtask fuzz --seconds N [TARGET ...]`: runs the cargo-fuzz targets in
//! `fuzz/` one after the other (libFuzzer, coverage-guided). Needs
//! `cargo install cargo-fuzz`; the stable toolchain is used with
//! `RUSTC_BOOTSTRAP=1` and no sanitizer. Crashes land in `fuzz/artifacts/`;
//! copy the interesting inputs to `fuzz/regressions/` so the test suite replays them.

use crate::common::workspace_root;
use anyhow::{bail, Result};
use std::process::Command;

pub const TARGETS: &[&str] = &["segment", "json_input", "numbers", "entities", "quotes", "stance"];

#[derive(clap::Args, Debug, Clone)]
pub struct FuzzArgs {
    /// Targets to run (default: all).
    pub targets: Vec<String>,
    /// Seconds per target.
    #[arg(long, default_value_t = 60)]
    pub seconds: u64,
}

pub fn fuzz(args: &FuzzArgs) -> Result<()> {
    let targets: Vec<&str> =
        if args.targets.is_empty() { TARGETS.to_vec() } else { args.targets.iter().map(String::as_str).collect() };
    let root = workspace_root();
    for target in targets {
        eprintln!("fuzzing {target} for {} s", args.seconds);
        let status = Command::new(env!("CARGO"))
            .args(["fuzz", "run", "--fuzz-dir", "fuzz", "--sanitizer", "none", "--release", target, "--"])
            .arg(format!("-max_total_time={}", args.seconds))
            .env("RUSTC_BOOTSTRAP", "1")
            .current_dir(&root)
            .status();
        match status {
            Ok(s) if s.success() => {}
            Ok(_) => bail!("fuzz target `{target}` failed: see fuzz/artifacts/{target}/"),
            Err(e) => bail!("cannot run cargo fuzz ({e}); install it with `cargo install cargo-fuzz`"),
        }
    }
    Ok(())
}
