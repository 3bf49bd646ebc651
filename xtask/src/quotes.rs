//! `cargo xtask eval quotes` (and training, where the extractor has a model).

use anyhow::{bail, Result};

use crate::EvalArgs;

pub fn eval(_args: &EvalArgs) -> Result<()> {
    bail!("evaluation of quotes is not implemented yet")
}
