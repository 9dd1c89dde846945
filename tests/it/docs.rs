//! Every command shown in the docs runs: each `$ encyclint ...` line of a
//! `console` block is run from the crate root, and every line shown under it
//! must appear in what it prints (stdout and stderr). Commands on
//! `../shared` are skipped when it is not there.

use std::io::Write;

use crate::util::{root, run_in};

/// The docs whose commands are run.
const DOCS: &[&str] = &["docs/wikitext.md"];

/// `(command, lines shown under it)` of every `console` block.
fn commands(text: &str) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    let mut inside = false;
    for line in text.lines() {
        if line.starts_with("```") {
            inside = line.trim() == "```console";
            continue;
        }
        if !inside {
            continue;
        }
        if let Some(cmd) = line.strip_prefix("$ ") {
            out.push((cmd.to_string(), Vec::new()));
        } else if let Some(last) = out.last_mut()
            && !line.trim().is_empty()
        {
            last.1.push(line.to_string());
        }
    }
    out
}

#[test]
fn every_command_in_the_docs_runs_and_prints_what_is_shown() {
    let mut ran = 0;
    for doc in DOCS {
        let text = std::fs::read_to_string(root().join(doc)).unwrap();
        let cmds = commands(&text);
        assert!(!cmds.is_empty(), "{doc} shows no command");
        for (cmd, shown) in cmds {
            let words: Vec<&str> = cmd.split_whitespace().collect();
            assert_eq!(words[0], "encyclint", "{doc}: `{cmd}`");
            if words.iter().any(|w| w.starts_with("../shared")) && crate::util::shared().is_none() {
                let _ = writeln!(std::io::stderr(), "SKIPPED `{cmd}`: ../shared not found");
                continue;
            }
            let out = run_in(&root(), &words[1..]);
            assert_ne!(out.status.code(), Some(2), "{doc}: `{cmd}` failed");
            let all = format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            for l in shown {
                assert!(
                    all.contains(&l),
                    "{doc}: `{cmd}` does not print\n{l}\n---\n{all}"
                );
            }
            ran += 1;
        }
    }
    assert!(ran > 0);
}
