//! The depeche runner: a registry of extractors, a pipeline that runs a plan
//! of them over one document with panic isolation, streaming input readers,
//! output writers (JSON Lines, JSON, TSV, HTML) and the `depeche` command line.
//!
//! Extractors from outside the workspace plug in by registering with a
//! [`Registry`] and calling [`cli::main_with`] from their own binary (see
//! `examples/depeche-hashtags`).

pub mod cli;
pub mod html;
pub mod input;
pub mod output;
pub mod pipeline;
pub mod registry;

pub use input::{InputDoc, InputError, InputItem};
pub use pipeline::{Outcome, Pipeline, Record};
pub use registry::Registry;

/// The built-in demo article (the seed article of the project), analysed when
/// `depeche run` is given no input.
pub const DEMO_ARTICLE: &str = include_str!("../../../fixtures/000_ee3f1e022047f0f8.txt");
/// The id of the demo article in the output.
pub const DEMO_ID: &str = "demo/000_ee3f1e022047f0f8.txt";
