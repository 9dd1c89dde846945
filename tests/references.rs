//! CLI tests for reference resolution (issue 4), on the real binary.

use assert_cmd::Command;
use serde_json::Value;

const FIX: &str = "fixtures/references";

fn encyclint() -> Command {
    Command::cargo_bin("encyclint").expect("binary")
}

fn json(args: &[&str]) -> (Value, i32) {
    let out = encyclint().args(args).output().expect("run");
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    (v, out.status.code().unwrap_or(-1))
}

fn codes(v: &Value) -> Vec<String> {
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn quatnum_gets_r001_with_quantum_and_a_fix_in_json() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("light.txt");
    std::fs::write(
        &article,
        "Light\nLight is both a wave and a particle.\nSee Photon and Quatnum.\n",
    )
    .unwrap();
    let titles = dir.path().join("titles.txt");
    std::fs::write(&titles, "Photon\nQuantum\n").unwrap();
    let (v, code) = json(&[
        "check",
        article.to_str().unwrap(),
        "--titles",
        titles.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "a warning does not fail the run");
    let d = &v["diagnostics"][0];
    assert_eq!(d["code"], "R001");
    assert_eq!(d["severity"], "warning");
    assert_eq!(d["span"]["line"], 3);
    assert_eq!(d["span"]["column"], 16);
    assert!(d["help"].as_str().unwrap().contains("`Quantum`"));
    assert_eq!(d["fix"]["edits"][0]["text"], "Quantum");
    assert_eq!(d["fix"]["applicability"], "unsafe");
    let notes = v["notes"].as_array().unwrap();
    assert!(
        notes[0]
            .as_str()
            .unwrap()
            .starts_with("references: 2 found, 1 resolved (50.0%), 1 unresolved")
    );
}

#[test]
fn complete_index_makes_unresolved_an_error() {
    let file = format!("{FIX}/unresolved-reference.txt");
    let titles = format!("{FIX}/titles.txt");
    let (v, code) = json(&[
        "check",
        &file,
        "--titles",
        &titles,
        "--complete-index",
        "--format",
        "json",
    ]);
    assert_eq!(code, 1);
    assert_eq!(v["diagnostics"][0]["severity"], "error");
}

#[test]
fn without_an_index_references_are_not_judged_and_the_summary_says_so_once() {
    let file = format!("{FIX}/unresolved-reference.txt");
    let (v, code) = json(&["check", &file, "--format", "json"]);
    assert_eq!(code, 0);
    assert!(codes(&v).iter().all(|c| c != "R001" && c != "R005"));
    let notes = v["notes"].as_array().unwrap();
    assert_eq!(notes.len(), 1);
    assert!(notes[0].as_str().unwrap().contains("not judged"));
}

#[test]
fn corpus_mode_flags_the_orphan_only() {
    let (v, _) = json(&[
        "check",
        &format!("{FIX}/corpus"),
        "--titles",
        &format!("{FIX}/titles.txt"),
        "--select",
        "ALL",
        "--format",
        "json",
    ]);
    let r006: Vec<&Value> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "R006")
        .collect();
    assert_eq!(r006.len(), 1);
    assert!(r006[0]["file"].as_str().unwrap().ends_with("energy.txt"));
    assert_eq!(r006[0]["severity"], "info");
}

#[test]
fn prebuilt_index_gives_the_same_report_as_the_text_list() {
    let dir = tempfile::tempdir().unwrap();
    let idx = dir.path().join("titles.idx");
    encyclint()
        .args([
            "index",
            "build",
            &format!("{FIX}/titles.txt"),
            "--aliases",
            &format!("{FIX}/aliases.tsv"),
            "-o",
        ])
        .arg(&idx)
        .assert()
        .success();
    let file = format!("{FIX}/non-canonical-reference.txt");
    let (a, _) = json(&[
        "check",
        &file,
        "--titles",
        &format!("{FIX}/titles.txt"),
        "--aliases",
        &format!("{FIX}/aliases.tsv"),
        "--format",
        "json",
    ]);
    let (b, _) = json(&[
        "check",
        &file,
        "--titles",
        idx.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(a["diagnostics"], b["diagnostics"]);
    assert_eq!(codes(&b), ["R005", "R005"]);
}

#[test]
fn gzip_titles_are_read() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let gz = dir.path().join("titles.txt.gz");
    let mut enc = flate2::write::GzEncoder::new(
        std::fs::File::create(&gz).unwrap(),
        flate2::Compression::default(),
    );
    enc.write_all(b"Photon\nQuantum\n").unwrap();
    enc.finish().unwrap();
    let (v, _) = json(&[
        "check",
        &format!("{FIX}/unresolved-reference.txt"),
        "--titles",
        gz.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(codes(&v), ["R001"]);
}

#[test]
fn bad_index_sources_exit_2_with_a_named_error() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.idx");
    std::fs::write(&bad, b"ENCYIDX1 truncated").unwrap();
    let file = format!("{FIX}/unresolved-reference.txt");
    encyclint()
        .args(["check", &file, "--titles"])
        .arg(&bad)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("bad.idx"));
    encyclint()
        .args(["check", &file, "--titles", "/nonexistent/titles.txt"])
        .assert()
        .code(2);
    std::fs::write(&bad, [0xff, 0xfe, 0x00]).unwrap();
    encyclint()
        .args(["check", &file, "--aliases"])
        .arg(&bad)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("UTF-8"));
}

#[test]
fn output_is_identical_with_one_thread_and_many() {
    let run = |threads: &str| {
        encyclint()
            .args([
                "check",
                FIX,
                "--titles",
                &format!("{FIX}/titles.txt"),
                "--format",
                "json",
                "--threads",
                threads,
            ])
            .output()
            .unwrap()
            .stdout
    };
    assert_eq!(run("1"), run("4"));
}
