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

/// Build `fixtures/references` into an index at `idx`.
fn build_index(idx: &std::path::Path, titles: &std::path::Path) {
    encyclint()
        .args(["index", "build"])
        .arg(titles)
        .args(["--aliases", &format!("{FIX}/aliases.tsv"), "-o"])
        .arg(idx)
        .assert()
        .success();
}

#[test]
fn damaged_truncated_and_old_index_files_exit_2_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let idx = dir.path().join("good.idx");
    build_index(&idx, std::path::Path::new(&format!("{FIX}/titles.txt")));
    let good = std::fs::read(&idx).unwrap();
    let file = format!("{FIX}/non-canonical-reference.txt");
    let mut cases: Vec<(String, Vec<u8>, &str)> = Vec::new();
    for cut in [8, 20, 8 + 12 * 8, good.len() / 2, good.len() - 1] {
        cases.push((format!("cut{cut}"), good[..cut].to_vec(), "truncated"));
    }
    for at in [8 + 12 * 8 + 1, good.len() / 2, good.len() - 1] {
        let mut b = good.clone();
        b[at] ^= 0x55;
        cases.push((format!("flip{at}"), b, "checksum"));
    }
    let mut longer = good.clone();
    longer.extend_from_slice(b"tail");
    cases.push(("longer".into(), longer, "corrupt"));
    let mut old = good.clone();
    old[7] = b'1';
    cases.push(("old".into(), old, "rebuild it with `encyclint index build`"));
    let mut header = good.clone();
    // The length of the first section (formats 3 and 4: the eighth word of the header).
    header[8 + 7 * 8..8 + 8 * 8].copy_from_slice(&u64::MAX.to_le_bytes());
    cases.push(("huge-section".into(), header, "corrupt index header"));
    for (name, bytes, why) in cases {
        let path = dir.path().join(format!("{name}.idx"));
        std::fs::write(&path, bytes).unwrap();
        let out = encyclint()
            .args(["check", &file, "--titles"])
            .arg(&path)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{name}: {stderr}");
        assert!(stderr.contains(&format!("{name}.idx")), "{name}: {stderr}");
        assert!(stderr.contains(why), "{name}: {stderr}");
    }
}

#[test]
fn a_changed_source_makes_the_index_stale_and_check_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let titles = dir.path().join("titles.txt");
    std::fs::copy(format!("{FIX}/titles.txt"), &titles).unwrap();
    let idx = dir.path().join("titles.idx");
    build_index(&idx, &titles);
    let file = format!("{FIX}/non-canonical-reference.txt");
    let stderr = || {
        let out = encyclint()
            .args(["check", &file, "--format", "json", "--titles"])
            .arg(&idx)
            .output()
            .unwrap();
        assert!(matches!(out.status.code(), Some(0 | 1)));
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    assert!(!stderr().contains("stale"));
    // Same bytes, a new modification time: not stale.
    let text = std::fs::read(&titles).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(&titles, &text).unwrap();
    assert!(!stderr().contains("stale"));
    let mut more = text.clone();
    more.extend_from_slice(b"Some New Title\n");
    std::fs::write(&titles, more).unwrap();
    let warned = stderr();
    assert!(warned.contains("titles.idx is stale"), "{warned}");
    assert!(warned.contains("titles.txt changed"), "{warned}");
}

#[test]
fn title_lists_over_a_limit_exit_2_with_the_line() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let file = format!("{FIX}/unresolved-reference.txt");
    let run = |path: &std::path::Path, flag: &str, env: Option<&str>| {
        let mut c = encyclint();
        c.args(["check", &file, flag]).arg(path);
        if let Some(v) = env {
            c.env("ENCYCLINT_INDEX_MAX_BYTES", v);
        }
        let out = c.output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let long = dir.path().join("long.txt");
    std::fs::write(&long, format!("Photon\n{}\n", "x".repeat(256))).unwrap();
    let e = run(&long, "--titles", None);
    assert!(e.contains("long.txt: line 2: a title of 256 bytes"), "{e}");
    let nul = dir.path().join("nul.txt");
    std::fs::write(&nul, b"Photon\nQuan\0tum\n").unwrap();
    assert!(run(&nul, "--titles", None).contains("line 2: control character U+0000 (NUL)"));
    let esc = dir.path().join("esc.tsv");
    std::fs::write(&esc, b"Quatnum\tQuan\x1btum\n").unwrap();
    assert!(run(&esc, "--aliases", None).contains("U+001B (escape)"));
    let oneline = dir.path().join("oneline.txt");
    std::fs::write(&oneline, "y".repeat(10_000)).unwrap();
    assert!(run(&oneline, "--titles", None).contains("without a line end"));
    let big = dir.path().join("big.txt");
    std::fs::write(&big, "Photon\n".repeat(100)).unwrap();
    assert!(run(&big, "--titles", Some("500")).contains("more than the limit of 500 bytes"));
    let bomb = dir.path().join("bomb.txt.gz");
    let mut enc = flate2::write::GzEncoder::new(
        std::fs::File::create(&bomb).unwrap(),
        flate2::Compression::best(),
    );
    enc.write_all("Photon\n".repeat(10_000).as_bytes()).unwrap();
    enc.finish().unwrap();
    let e = run(&bomb, "--titles", Some("5000"));
    assert!(
        e.contains("bomb.txt.gz: unpacks to more than the limit of 5000 bytes"),
        "{e}"
    );
}

#[test]
fn a_title_list_is_built_once_into_the_cache_and_rebuilt_when_it_changes() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let titles = dir.path().join("titles.txt");
    std::fs::write(&titles, "Photon\n").unwrap();
    let file = format!("{FIX}/unresolved-reference.txt");
    let run = || {
        let out = encyclint()
            .env("ENCYCLINT_INDEX_CACHE", &cache)
            .args(["check", &file, "--format", "json", "--titles"])
            .arg(&titles)
            .output()
            .unwrap();
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        (
            v["diagnostics"].clone(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let files = || -> Vec<std::path::PathBuf> {
        std::fs::read_dir(&cache)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect()
    };
    // The first run holds the list in memory and notes that it saw it; the
    // second, finding it unchanged, builds it into the cache.
    let (first, _) = run();
    let seen = files();
    assert_eq!(seen.len(), 1);
    assert!(seen[0].extension().is_some_and(|e| e == "seen"), "{seen:?}");
    assert_eq!(run().0, first);
    let built = files();
    assert_eq!(built.len(), 1, "the note is gone once the list is built");
    let cached = built[0].clone();
    assert!(cached.extension().is_some_and(|e| e == "idx"), "{cached:?}");
    let stamp = std::fs::metadata(&cached).unwrap().modified().unwrap();
    assert_eq!(run().0, first);
    assert_eq!(
        std::fs::metadata(&cached).unwrap().modified().unwrap(),
        stamp
    );
    // The list changes: the cache is not used, but rebuilt.
    std::fs::write(&titles, "Photon\nQuantum\n").unwrap();
    let (second, err) = run();
    assert_ne!(second, first);
    assert!(!err.contains("stale"), "{err}");
    let (with_text, _) = json(&[
        "check",
        &file,
        "--titles",
        titles.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(second, with_text["diagnostics"]);
    // A damaged cache is passed over and replaced.
    std::fs::write(&cached, b"ENCYIDX2 damaged").unwrap();
    assert_eq!(run().0, second);
    assert!(std::fs::read(&cached).unwrap().len() > 100);
}
