//! `cargo xtask eval entities` (and training, where the extractor has a model).

use anyhow::{bail, Result};

use crate::EvalArgs;

pub fn eval(_args: &EvalArgs) -> Result<()> {
    bail!("evaluation of entities is not implemented yet")
}
