//! `cargo xtask eval stance` (and training, where the extractor has a model).

use anyhow::{bail, Result};

use crate::{EvalArgs, TrainArgs};

pub fn eval(_args: &EvalArgs) -> Result<()> {
    bail!("evaluation of stance is not implemented yet")
}

pub fn train(_args: &TrainArgs) -> Result<()> {
    bail!("training of stance is not implemented yet")
}
