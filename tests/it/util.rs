//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};
use std::process::Output;

/// The crate root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The `encyclint` binary under test.
pub fn bin() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("encyclint").expect("binary built")
}

/// Run the binary with `args` in `dir`.
pub fn run_in(dir: &Path, args: &[&str]) -> Output {
    bin()
        .current_dir(dir)
        .args(args)
        .output()
        .expect("binary runs")
}

/// `../shared` beside the checkout, when it exists.
pub fn shared() -> Option<PathBuf> {
    let p = root().join("../shared");
    p.is_dir().then_some(p)
}
