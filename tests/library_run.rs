//! The library's run ([`encyclint::session::check_json`], what the Python
//! binding's `check_paths` calls) gives the CLI's JSON report byte for byte,
//! and a run in batches adds up to the same summary.

use std::path::PathBuf;

use assert_cmd::Command;
use encyclint::session::{self, Options, Session, Totals};
use encyclint::source::DEFAULT_MAX_FILE_SIZE;

fn opts() -> Options {
    Options {
        max_file_size: DEFAULT_MAX_FILE_SIZE,
        cwd: std::env::current_dir().ok(),
        ..Options::default()
    }
}

fn cli(args: &[&str]) -> Vec<u8> {
    Command::cargo_bin("encyclint")
        .unwrap()
        .args(["check", "--format", "json", "--color", "never"])
        .args(args)
        .output()
        .unwrap()
        .stdout
}

#[test]
fn check_json_is_the_cli_report() {
    for (paths, select) in [
        (vec!["fixtures/"], None),
        (vec!["fixtures/defense-cooperation.txt"], None),
        (vec!["fixtures/references"], Some("R")),
        (vec!["fixtures/references"], Some("R006")),
        // A MediaWiki dump: one result per article page, as the CLI's.
        (vec!["fixtures/wikitext/paintings-small.xml"], None),
        (vec!["fixtures/wikitext/paintings-small.xml"], Some("R")),
        (vec!["fixtures/wikitext"], None),
        (vec!["fixtures/wikitext"], Some("R006")),
    ] {
        let mut o = opts();
        let mut args: Vec<&str> = paths.clone();
        if let Some(s) = select {
            o.select = vec![s.to_string()];
            args.extend(["--select", s]);
        }
        let paths: Vec<PathBuf> = paths.iter().map(PathBuf::from).collect();
        for threads in [1, 3] {
            let lib = session::check_json(&o, &paths, threads, None).unwrap();
            assert_eq!(
                String::from_utf8(lib).unwrap(),
                String::from_utf8(cli(&args)).unwrap(),
                "{args:?} on {threads} threads"
            );
        }
    }
}

#[test]
fn a_run_in_batches_adds_up_to_the_cli_summary() {
    let full: serde_json::Value = serde_json::from_slice(&cli(&["fixtures/"])).unwrap();
    let mut driver = Session::new(&opts()).unwrap();
    let inputs = driver.discover(&[PathBuf::from("fixtures/")], None);
    let index = driver.run_index(&inputs, None).unwrap();
    let mut worker = Session::new(&opts()).unwrap();
    worker.index = index.clone();
    let mut totals = Totals::default();
    let mut diagnostics = Vec::new();
    for batch in inputs.to_vec().chunks(7) {
        let (results, t) = worker.check_batch(batch, 2);
        totals.add(&t);
        diagnostics.extend(results.into_iter().map(|r| r.diagnostics.len()));
    }
    driver.index = index;
    let tail = driver.totals_tail(&totals, None);
    assert_eq!(tail["summary"], full["summary"]);
    assert_eq!(tail["notes"], full["notes"]);
    assert_eq!(
        diagnostics.iter().sum::<usize>(),
        full["diagnostics"].as_array().unwrap().len()
    );
}

#[test]
fn a_dump_is_checked_page_by_page() {
    let dump = "fixtures/wikitext/paintings-small.xml";
    let report: serde_json::Value = serde_json::from_slice(
        &session::check_json(&opts(), &[PathBuf::from(dump)], 2, None).unwrap(),
    )
    .unwrap();
    let diags = report["diagnostics"].as_array().unwrap();
    assert!(!diags.is_empty());
    assert!(
        diags
            .iter()
            .all(|d| d["file"] == dump && d["page"].is_string())
    );
    assert!(report["summary"]["files"].as_u64().unwrap() > 1, "{report}");
    // In batches: the dump's pages are the batch's results.
    let mut s = Session::new(&opts()).unwrap();
    let inputs = s.discover(&[PathBuf::from(dump)], None);
    s.index = s.run_index(&inputs, None).unwrap();
    let (results, totals) = s.check_batch(&inputs.to_vec(), 2);
    assert_eq!(
        results.len() as u64,
        report["summary"]["files"].as_u64().unwrap()
    );
    assert_eq!(totals.files, results.len());
    assert_eq!(s.totals_tail(&totals, None)["summary"], report["summary"]);
}

#[test]
fn setup_errors_carry_the_cli_message() {
    let o = Options {
        select: vec!["nope".into()],
        ..opts()
    };
    let e = session::check_json(&o, &[PathBuf::from("fixtures/")], 1, None).unwrap_err();
    let out = Command::cargo_bin("encyclint")
        .unwrap()
        .args(["check", "--select", "nope", "fixtures/"])
        .output()
        .unwrap();
    assert_eq!(
        format!("{e}\n"),
        String::from_utf8(out.stderr).unwrap(),
        "same message as the CLI"
    );
}
