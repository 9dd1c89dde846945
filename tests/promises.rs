//! The promises of docs/promises.md that are not covered elsewhere: no network
//! code in the build, no writes without `--fix`, output independent of thread
//! count and of run.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

fn bin() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("encyclint").expect("binary built")
}

/// Crates that would mean network access is compiled in.
const NETWORK_CRATES: &[&str] = &[
    "reqwest",
    "hyper",
    "h2",
    "ureq",
    "curl",
    "isahc",
    "attohttpc",
    "rustls",
    "native-tls",
    "openssl",
    "tokio",
    "async-std",
    "surf",
];

#[test]
fn no_network_crate_is_in_the_build() {
    let lock =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.lock")).unwrap();
    let names: Vec<&str> = lock
        .lines()
        .filter_map(|l| l.strip_prefix("name = \""))
        .filter_map(|l| l.strip_suffix('"'))
        .collect();
    assert!(names.contains(&"jsonschema"), "lock file read");
    for bad in NETWORK_CRATES {
        assert!(
            !names.contains(bad),
            "`{bad}` is in Cargo.lock: encyclint promises no network"
        );
    }
}

/// Every path under `dir` with its bytes and modification time.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, (Vec<u8>, SystemTime)> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            let m = fs::symlink_metadata(&p).unwrap();
            if m.is_dir() {
                stack.push(p.clone());
                out.insert(p, (Vec::new(), m.modified().unwrap()));
            } else {
                out.insert(p.clone(), (fs::read(&p).unwrap(), m.modified().unwrap()));
            }
        }
    }
    out
}

#[test]
fn check_never_writes_without_fix() {
    let d = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for f in ["defense-cooperation.txt", "defense-cooperation.md"] {
        fs::copy(root.join("fixtures").join(f), d.path().join(f)).unwrap();
    }
    fs::write(d.path().join("bad.txt"), b"Title\n\xff\n").unwrap();
    fs::write(
        d.path().join("policy.json"),
        r#"{"properties": {"lead": {"minItems": 9}}}"#,
    )
    .unwrap();
    let before = snapshot(d.path());
    std::thread::sleep(Duration::from_millis(20));
    for args in [
        vec!["check", "."],
        vec!["check", "--format", "json", "."],
        vec!["check", "--format", "short", "--schema", "policy.json", "."],
        vec!["parse", "defense-cooperation.md"],
    ] {
        let out = bin().current_dir(d.path()).args(&args).output().unwrap();
        assert!(out.status.code().is_some(), "{args:?}");
    }
    assert_eq!(
        snapshot(d.path()),
        before,
        "no file was created, changed or touched"
    );
}

#[test]
fn output_does_not_depend_on_threads_or_run() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut seen: BTreeMap<&str, Vec<u8>> = BTreeMap::new();
    for threads in ["1", "4", "1", "3"] {
        for format in ["json", "human", "short", "html"] {
            let out = bin()
                .current_dir(root)
                .args([
                    "check",
                    "--color",
                    "never",
                    "--format",
                    format,
                    "--threads",
                    threads,
                    "fixtures",
                ])
                .output()
                .unwrap();
            let first = seen.entry(format).or_insert_with(|| out.stdout.clone());
            assert_eq!(
                first, &out.stdout,
                "--threads {threads} changed the {format} report"
            );
        }
    }
}
