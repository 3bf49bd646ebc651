//! `cargo xtask eval entities` (and training, where the extractor has a model).

use anyhow::{bail, Result};

use crate::{EvalArgs, TrainArgs};

pub fn eval(_args: &EvalArgs) -> Result<()> {
    bail!("evaluation of entities is not implemented yet")
}

pub fn train(_args: &TrainArgs) -> Result<()> {
    bail!("training of entities is not implemented yet")
}
