//! `cargo xtask eval stance` (and training, where the extractor has a model).

use anyhow::{bail, Result};

use crate::EvalArgs;

pub fn eval(_args: &EvalArgs) -> Result<()> {
    bail!("evaluation of stance is not implemented yet")
}
