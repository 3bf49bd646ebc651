//! `cargo xtask test` second half: the Python package tests (not implemented yet).

use anyhow::Result;

pub fn test() -> Result<()> {
    eprintln!("python tests: none yet");
    Ok(())
}
