//! `cargo xtask test`, second half: the Python package and the Spark example.
//!
//! When `python3` is there: a venv in `target/python-venv` (reused), the pinned
//! requirements of `crates/depeche-python/requirements-test.txt` installed with
//! pip (skipped when already installed), the `depeche` binary and the wheel
//! built from the same sources (`cargo build --release -p depeche-runner`, then
//! `maturin build --release` into the same target dir), the wheel installed,
//! and pytest run on `crates/depeche-python/tests` (package tests, then Spark
//! in local mode against `depeche run`).
//!
//! Skips (with a loud message, not an error): no `python3`, no `venv` module,
//! or pip cannot reach the package registry. Fails when a build or a test fails.

use crate::common::workspace_root;
use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

const REQUIREMENTS: &str = "crates/depeche-python/requirements-test.txt";
/// Written in the venv once the requirements above are installed.
const STAMP: &str = ".depeche-requirements";

/// What pip prints when the registry cannot be reached at all.
const NETWORK_ERRORS: &[&str] = &[
    "NewConnectionError",
    "Temporary failure in name resolution",
    "Name or service not known",
    "Network is unreachable",
    "Connection refused",
    "ConnectTimeoutError",
    "ProxyError",
    "Max retries exceeded",
];

pub fn test() -> Result<()> {
    let started = Instant::now();
    let root = workspace_root();
    let Some(python3) = find_python() else {
        eprintln!("python tests skipped: python3 not found");
        return Ok(());
    };
    let venv = target_dir(&root).join("python-venv");
    let python = venv.join("bin").join("python");
    if !python.is_file() && !make_venv(&python3, &venv)? {
        return Ok(());
    }
    if !install_requirements(&root, &venv, &python)? {
        return Ok(());
    }
    let binary = venv.join("bin").join("depeche");
    let wheel = build_binary_and_wheel(&root, &python, &binary)?;
    step("pip install the wheel", || {
        run(Command::new(&python)
            .args(["-m", "pip", "install", "--quiet", "--force-reinstall", "--no-deps"])
            .arg(&wheel))
    })?;
    step("pytest crates/depeche-python/tests", || {
        run(Command::new(&python)
            .args(["-m", "pytest", "-q", "-p", "no:cacheprovider", "crates/depeche-python/tests"])
            .env("DEPECHE_BIN", &binary)
            .env("PYSPARK_PYTHON", &python)
            .current_dir(&root))
    })?;
    eprintln!("python tests passed in {:.0} s", started.elapsed().as_secs_f64());
    Ok(())
}

fn find_python() -> Option<PathBuf> {
    let ok = Command::new("python3").arg("--version").output().is_ok_and(|o| o.status.success());
    ok.then(|| PathBuf::from("python3"))
}

/// The cargo target dir (`$CARGO_TARGET_DIR` or `target/`).
fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|p| if p.is_absolute() { p } else { root.join(p) })
        .unwrap_or_else(|| root.join("target"))
}

/// Creates the venv; `false` (skip) when this python has no working venv.
fn make_venv(python3: &Path, venv: &Path) -> Result<bool> {
    eprintln!("$ python3 -m venv {}", venv.display());
    let out = Command::new(python3).args(["-m", "venv"]).arg(venv).output()?;
    if !out.status.success() {
        eprintln!("{}", String::from_utf8_lossy(&out.stderr));
        eprintln!("!!! python tests SKIPPED: `python3 -m venv` failed (install python3-venv) !!!");
        let _ = std::fs::remove_dir_all(venv);
        return Ok(false);
    }
    Ok(true)
}

/// Installs the pinned requirements unless the stamp says they are there;
/// `false` (skip) when pip cannot reach the registry.
fn install_requirements(root: &Path, venv: &Path, python: &Path) -> Result<bool> {
    let wanted = std::fs::read_to_string(root.join(REQUIREMENTS)).with_context(|| format!("reading {REQUIREMENTS}"))?;
    let stamp = venv.join(STAMP);
    if std::fs::read_to_string(&stamp).is_ok_and(|s| s == wanted) {
        return Ok(true);
    }
    let started = Instant::now();
    eprintln!("$ pip install -r {REQUIREMENTS}");
    let out = Command::new(python)
        .args(["-m", "pip", "install", "--quiet", "--timeout", "60", "--retries", "2", "-r"])
        .arg(root.join(REQUIREMENTS))
        .output()?;
    if !out.status.success() {
        let stderr = String::from_utf8_lossy(&out.stderr);
        eprintln!("{stderr}");
        if NETWORK_ERRORS.iter().any(|m| stderr.contains(m)) {
            eprintln!("!!! python tests SKIPPED: pip cannot reach the package registry !!!");
            return Ok(false);
        }
        bail!("pip install -r {REQUIREMENTS} failed");
    }
    std::fs::write(&stamp, wanted)?;
    eprintln!("  (pip install: {:.0} s)", started.elapsed().as_secs_f64());
    Ok(true)
}

/// Builds the `depeche` binary (copied to `binary`, so that the test compares
/// the wheel with this very build even if the shared target dir is rebuilt
/// meanwhile) and the wheel. The tests compare the two, so they must come
/// from the same sources: when the crates changed during the builds (other
/// people at work in the same checkout), both are built again.
fn build_binary_and_wheel(root: &Path, python: &Path, binary: &Path) -> Result<PathBuf> {
    let mut attempt = 1;
    loop {
        let before = source_stamp(&root.join("crates"));
        step("cargo build --release -p depeche-runner", || {
            run(Command::new(env!("CARGO")).args(["build", "--release", "-p", "depeche-runner"]).current_dir(root))
        })?;
        std::fs::copy(target_dir(root).join("release").join("depeche"), binary)
            .context("copying target/release/depeche into the venv")?;
        let wheel = step("maturin build --release", || build_wheel(root, python))?;
        if source_stamp(&root.join("crates")) == before {
            return Ok(wheel);
        }
        if attempt == 3 {
            eprintln!(
                "!!! the sources under crates/ kept changing during the builds: the binary and the wheel \
                 may differ, and so may their outputs in the tests !!!"
            );
            return Ok(wheel);
        }
        eprintln!("  sources changed during the builds: building again");
        attempt += 1;
    }
}

/// Newest modification time and number of the source files under `dir`
/// (build outputs and Python caches left out).
fn source_stamp(dir: &Path) -> (Option<std::time::SystemTime>, usize) {
    let mut newest = None;
    let mut count = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name();
            if name == "target" || name == "__pycache__" || name == ".pytest_cache" {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(modified) = entry.metadata().and_then(|m| m.modified()) {
                count += 1;
                newest = newest.max(Some(modified));
            }
        }
    }
    (newest, count)
}

/// Builds the wheel into `target/python-wheels` and returns its path.
fn build_wheel(root: &Path, python: &Path) -> Result<PathBuf> {
    let target = target_dir(root);
    let wheels = target.join("python-wheels");
    let _ = std::fs::remove_dir_all(&wheels);
    let maturin = python.with_file_name("maturin");
    run(Command::new(&maturin)
        .args(["build", "--release", "--interpreter"])
        .arg(python)
        .arg("--out")
        .arg(&wheels)
        // Same target dir as the workspace: the extractors built for the
        // `depeche` binary are reused.
        .env("CARGO_TARGET_DIR", &target)
        .env("CARGO", env!("CARGO"))
        .current_dir(root.join("crates/depeche-python")))?;
    let mut found: Vec<PathBuf> = std::fs::read_dir(&wheels)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "whl"))
        .collect();
    match found.len() {
        1 => Ok(found.remove(0)),
        n => bail!("expected one wheel in {}, found {n}", wheels.display()),
    }
}

/// Runs one named step, printing its duration.
fn step<T>(name: &str, f: impl FnOnce() -> Result<T>) -> Result<T> {
    eprintln!("$ {name}");
    let started = Instant::now();
    let value = f()?;
    eprintln!("  ({name}: {:.0} s)", started.elapsed().as_secs_f64());
    Ok(value)
}

fn run(command: &mut Command) -> Result<()> {
    let status = command.status().with_context(|| format!("cannot start {:?}", command.get_program()))?;
    if !status.success() {
        bail!("{:?} failed ({status})", command.get_program());
    }
    Ok(())
}
