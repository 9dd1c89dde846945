//! Plain-text headings against a hand-adjudicated set
//! (`fixtures/accuracy/headings-adjudicated.tsv`, see its README): 160
//! benchmark articles past the first 600, each line a heading of the article
//! as a careful reader judged it (the Markdown reading, corrected where it is
//! wrong). The articles' text comes from `../shared/corpus`.
//!
//! Shared by `tests/accuracy.rs` and `examples/accuracy.rs`.

#![allow(dead_code)] // each user takes the parts it needs

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::PathBuf;

use encyclint::source::{Format, SourceFile};

/// One adjudicated article.
#[derive(Debug, Clone)]
pub struct Adjudicated {
    /// File stem in the benchmark set.
    pub name: String,
    /// `dev` or `dev2` (may be looked at while designing) or `held` or
    /// `held2` (not looked at).
    pub half: String,
    /// 1-based line numbers of its headings, with their text.
    pub headings: BTreeMap<usize, String>,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The adjudicated set, one entry an article, in file order.
pub fn adjudicated() -> Vec<Adjudicated> {
    let text = std::fs::read_to_string(root().join("fixtures/accuracy/headings-adjudicated.tsv"))
        .expect("fixtures/accuracy/headings-adjudicated.tsv");
    let mut out: Vec<Adjudicated> = Vec::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 5, "bad row {line:?}");
        if out.last().is_none_or(|a| a.name != f[0]) {
            out.push(Adjudicated {
                name: f[0].to_string(),
                half: f[1].to_string(),
                headings: BTreeMap::new(),
            });
        }
        let a = out.last_mut().expect("pushed");
        if matches!(f[4], "kept" | "added") {
            a.headings
                .insert(f[2].parse().expect("line number"), f[3].to_string());
        }
    }
    out
}

/// The plain-text files of the named benchmark articles, from the tarball in
/// `../shared/corpus` (or `BENCH_TXT`, a directory of `NAME.txt`).
pub fn texts(names: &BTreeSet<String>) -> Option<BTreeMap<String, String>> {
    if let Ok(dir) = std::env::var("BENCH_TXT") {
        let mut out = BTreeMap::new();
        for n in names {
            out.insert(
                n.clone(),
                std::fs::read_to_string(PathBuf::from(&dir).join(format!("{n}.txt"))).ok()?,
            );
        }
        return Some(out);
    }
    let path = root().join("../shared/corpus/enwiki-2015-3210.tar.gz");
    let file = std::fs::File::open(path).ok()?;
    let mut archive = tar::Archive::new(flate2::read::GzDecoder::new(file));
    let mut out = BTreeMap::new();
    for entry in archive.entries().ok()? {
        let mut e = entry.ok()?;
        let p = e.path().ok()?.to_string_lossy().into_owned();
        let Some(stem) = p
            .strip_prefix("txt/enwiki_wx/")
            .and_then(|s| s.strip_suffix(".txt"))
        else {
            continue;
        };
        if names.contains(stem) {
            let mut s = String::new();
            e.read_to_string(&mut s).ok()?;
            out.insert(stem.to_string(), s);
        }
    }
    (out.len() == names.len()).then_some(out)
}

/// The 1-based line numbers of the headings the plain-text reading finds.
pub fn heading_lines(text: &str) -> BTreeMap<usize, String> {
    let src = SourceFile::new("a.txt", text, Format::Text);
    let article = encyclint::parse::parse(&src, &encyclint::parse::ParseOptions::default());
    article
        .sections_flat()
        .iter()
        .map(|s| {
            let at = s.heading.span.start();
            let line = 1 + text.as_bytes()[..at]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            (line, s.heading.text.clone())
        })
        .collect()
}

/// A heading the reading got wrong.
#[derive(Debug, Clone)]
pub struct Miss {
    /// The article.
    pub name: String,
    /// Its half.
    pub half: String,
    /// The line.
    pub line: usize,
    /// Its text.
    pub text: String,
    /// `true`: read as a heading and is none; `false`: a heading not read.
    pub extra: bool,
}

/// Figures for one half (or all).
#[derive(Debug, Clone, Copy, Default)]
pub struct Figures {
    /// Articles.
    pub articles: usize,
    /// Articles whose heading lines are exactly right.
    pub exact: usize,
    /// Headings read that are headings.
    pub true_pos: usize,
    /// Headings read that are not.
    pub false_pos: usize,
    /// Headings not read.
    pub false_neg: usize,
}

impl Figures {
    /// Share of articles exactly right.
    pub fn rate(&self) -> f64 {
        self.exact as f64 / self.articles.max(1) as f64
    }
    /// Heading precision.
    pub fn precision(&self) -> f64 {
        self.true_pos as f64 / (self.true_pos + self.false_pos).max(1) as f64
    }
    /// Heading recall.
    pub fn recall(&self) -> f64 {
        self.true_pos as f64 / (self.true_pos + self.false_neg).max(1) as f64
    }
    /// The figures of two halves together.
    pub fn plus(self, o: Figures) -> Figures {
        Figures {
            articles: self.articles + o.articles,
            exact: self.exact + o.exact,
            true_pos: self.true_pos + o.true_pos,
            false_pos: self.false_pos + o.false_pos,
            false_neg: self.false_neg + o.false_neg,
        }
    }
}

/// The reading measured on the set: figures by half (`dev`, `held`, `dev2`,
/// `held2`, `all`)
/// and the misses.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// By half, and `all`.
    pub by_half: BTreeMap<String, Figures>,
    /// Every wrong line.
    pub misses: Vec<Miss>,
}

/// Measure; `None` without the benchmark set.
pub fn report() -> Option<Report> {
    let set = adjudicated();
    let names: BTreeSet<String> = set.iter().map(|a| a.name.clone()).collect();
    let texts = texts(&names)?;
    let mut r = Report::default();
    for a in &set {
        let got = heading_lines(&texts[&a.name]);
        let mut f = Figures {
            articles: 1,
            ..Figures::default()
        };
        let miss = |line: usize, text: &str, extra: bool| Miss {
            name: a.name.clone(),
            half: a.half.clone(),
            line,
            text: text.to_string(),
            extra,
        };
        for (line, text) in &got {
            if a.headings.contains_key(line) {
                f.true_pos += 1;
            } else {
                f.false_pos += 1;
                r.misses.push(miss(*line, text, true));
            }
        }
        for (line, text) in &a.headings {
            if !got.contains_key(line) {
                f.false_neg += 1;
                r.misses.push(miss(*line, text, false));
            }
        }
        f.exact = usize::from(f.false_pos == 0 && f.false_neg == 0);
        for key in [a.half.as_str(), "all"] {
            let e = r.by_half.entry(key.to_string()).or_default();
            e.articles += f.articles;
            e.exact += f.exact;
            e.true_pos += f.true_pos;
            e.false_pos += f.false_pos;
            e.false_neg += f.false_neg;
        }
    }
    Some(r)
}
