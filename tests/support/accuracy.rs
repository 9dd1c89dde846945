//! Accuracy of encyclint's reading, measured on labelled real text.
//!
//! Shared by `tests/accuracy.rs` (floors under `cargo test`) and
//! `examples/accuracy.rs` (figures and misses grouped by class).
//!
//! - **See targets**: the 1,257 FOLDOC `See` sentences in
//!   `fixtures/accuracy/foldoc/`, each read as the lead of a tiny plain-text
//!   article titled by its headword; the targets found are compared with the
//!   ones FOLDOC's editors braced (`|` separates accepted spellings).
//! - **Headings**: the same article in plain text and in Markdown; the plain
//!   text reading must find the heading sequence the Markdown reading finds.

#![allow(dead_code)] // each user takes the parts it needs

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use encyclint::index::TitleIndex;
use encyclint::settings::Settings;
use encyclint::source::{Format, SourceFile};

/// The half of `fixtures/accuracy/stance-dev.tsv` an article belongs to: `a`
/// (studied) or `b` (held out, unread), by FNV-1a over its name, stable
/// across runs, platforms and versions. One definition for every user, so
/// the halves cannot drift apart.
pub fn stance_half(article: &str) -> char {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in article.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    if h.is_multiple_of(2) { 'a' } else { 'b' }
}

/// A voice as the debate examples print it: `CON~[actor|cue]` (`~` when weak).
pub fn voice_tag(v: &encyclint::model::Voice) -> String {
    format!(
        "{}{}[{}|{}]",
        match v.stance {
            encyclint::model::Stance::Pro => "PRO",
            encyclint::model::Stance::Con => "CON",
        },
        if v.weak { "~" } else { "" },
        v.actor.as_deref().unwrap_or("-"),
        v.cue.text
    )
}

/// The crate root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared` beside the checkout, when it exists.
pub fn shared() -> Option<PathBuf> {
    let p = root().join("../shared");
    p.is_dir().then_some(p)
}

/// One labelled `See` sentence.
#[derive(Debug, Clone)]
pub struct SeeRow {
    /// The dictionary entry it comes from.
    pub headword: String,
    /// The sentence.
    pub sentence: String,
    /// Expected targets, each with its accepted spellings.
    pub targets: Vec<Vec<String>>,
}

/// The FOLDOC rows.
pub fn foldoc_rows() -> Vec<SeeRow> {
    let text = std::fs::read_to_string(root().join("fixtures/accuracy/foldoc/foldoc-see.tsv"))
        .expect("fixtures/accuracy/foldoc/foldoc-see.tsv");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut f = l.split('\t');
            let (h, s, t) = (f.next()?, f.next()?, f.next()?);
            Some(SeeRow {
                headword: h.to_string(),
                sentence: s.to_string(),
                targets: t
                    .split(';')
                    .map(|alts| alts.split('|').map(str::to_string).collect())
                    .collect(),
            })
        })
        .collect()
}

/// FOLDOC's headwords as a title index.
pub fn foldoc_index() -> TitleIndex {
    let text = std::fs::read_to_string(root().join("fixtures/accuracy/foldoc/foldoc.titles.txt"))
        .expect("fixtures/accuracy/foldoc/foldoc.titles.txt");
    TitleIndex::from_titles(text.lines().filter(|l| !l.trim().is_empty()), [])
}

/// The targets encyclint reads in `sentence`, in order.
pub fn see_targets(headword: &str, sentence: &str, index: Option<&TitleIndex>) -> Vec<String> {
    let text = format!("{headword}\n{sentence}\n");
    let src = SourceFile::new("entry.txt", text, Format::Text);
    let article = encyclint::analysis::article(&src, index, &Settings::default());
    article
        .references()
        .iter()
        .map(|r| r.target().to_string())
        .collect()
}

/// Why a `See` sentence was read wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum SeeClass {
    /// Two or more expected targets came out as one.
    Merged,
    /// One expected target came out in pieces.
    Split,
    /// A target came out with prose around it.
    Prose,
    /// An expected target was not found at all.
    Missed,
    /// A target was found that names nothing expected.
    Spurious,
}

/// A sentence read wrong.
#[derive(Debug, Clone)]
pub struct SeeMiss {
    /// The first reason.
    pub class: SeeClass,
    /// The row.
    pub row: SeeRow,
    /// What was read.
    pub got: Vec<String>,
}

/// Figures over a set of `See` sentences.
#[derive(Debug, Clone, Default)]
pub struct SeeReport {
    /// Sentences.
    pub sentences: usize,
    /// Sentences whose targets were read exactly.
    pub exact: usize,
    /// Expected targets found.
    pub true_pos: usize,
    /// Targets found that were not expected.
    pub false_pos: usize,
    /// Expected targets not found.
    pub false_neg: usize,
    /// Every sentence read wrong.
    pub misses: Vec<SeeMiss>,
}

impl SeeReport {
    /// Share of expected targets found.
    pub fn recall(&self) -> f64 {
        ratio(self.true_pos, self.true_pos + self.false_neg)
    }

    /// Share of targets found that were expected.
    pub fn precision(&self) -> f64 {
        ratio(self.true_pos, self.true_pos + self.false_pos)
    }

    /// Misses by class.
    pub fn by_class(&self) -> BTreeMap<SeeClass, Vec<&SeeMiss>> {
        let mut out: BTreeMap<SeeClass, Vec<&SeeMiss>> = BTreeMap::new();
        for m in &self.misses {
            out.entry(m.class).or_default().push(m);
        }
        out
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Read every row and compare.
pub fn see_report(rows: &[SeeRow], index: Option<&TitleIndex>) -> SeeReport {
    let mut r = SeeReport::default();
    for row in rows {
        let got = see_targets(&row.headword, &row.sentence, index);
        let got_n: Vec<String> = got.iter().map(|g| norm(g)).collect();
        let mut matched = vec![false; got_n.len()];
        let mut tp = 0;
        for alts in &row.targets {
            let hit = got_n
                .iter()
                .enumerate()
                .find(|(i, g)| !matched[*i] && alts.iter().any(|a| norm(a) == **g));
            if let Some((i, _)) = hit {
                matched[i] = true;
                tp += 1;
            }
        }
        let fp = matched.iter().filter(|m| !**m).count();
        let fn_ = row.targets.len() - tp;
        r.sentences += 1;
        r.true_pos += tp;
        r.false_pos += fp;
        r.false_neg += fn_;
        if fp == 0 && fn_ == 0 {
            r.exact += 1;
        } else {
            let class = classify(row, &got_n, &matched);
            r.misses.push(SeeMiss {
                class,
                row: row.clone(),
                got,
            });
        }
    }
    r
}

fn classify(row: &SeeRow, got: &[String], matched: &[bool]) -> SeeClass {
    let expected: Vec<String> = row.targets.iter().map(|a| norm(&a[0])).collect();
    let contains_word = |hay: &str, needle: &str| {
        let h = format!(" {} ", hay.to_lowercase());
        let n = format!(" {} ", needle.to_lowercase());
        h.contains(&n)
    };
    for (g, m) in got.iter().zip(matched) {
        if *m {
            continue;
        }
        let inside: Vec<&String> = expected.iter().filter(|e| contains_word(g, e)).collect();
        if inside.len() >= 2 {
            return SeeClass::Merged;
        }
        if inside.len() == 1 {
            return SeeClass::Prose;
        }
        if expected.iter().any(|e| contains_word(e, g)) {
            return SeeClass::Split;
        }
    }
    if got.len() < expected.len() || matched.iter().all(|m| *m) {
        SeeClass::Missed
    } else {
        SeeClass::Spurious
    }
}

/// The heading texts of an article in reading order (every level).
pub fn headings(text: &str, format: Format) -> Vec<String> {
    let name = if format == Format::Markdown {
        "a.md"
    } else {
        "a.txt"
    };
    let src = SourceFile::new(name, text, format);
    let article = encyclint::parse::parse(&src, &encyclint::parse::ParseOptions::default());
    article
        .sections_flat()
        .iter()
        .map(|s| norm(&s.heading.text))
        .collect()
}

/// How the plain-text headings differ from the Markdown ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum HeadingClass {
    /// Plain text reads a heading where Markdown has none.
    Extra,
    /// Plain text misses a Markdown heading.
    Missing,
    /// Both, or the same count in another order.
    Mixed,
    /// Only Markdown "headings" that are a licence notice (`This article
    /// incorporates public domain material from ...`): the converter made the
    /// notice's line a heading; the plain-text reading of it as text is right.
    /// Still not counted as identical; reported apart.
    MarkdownNotice,
    /// Only Markdown "headings" that are cross-reference hatnotes (and
    /// licence notices), at least one hatnote: `See the alkane heat of
    /// formation table for detailed data`, `For X, see Y`. The plain-text
    /// reading never takes a `See ...` line for a heading, which is right.
    /// Still not counted as identical; reported apart.
    MarkdownHatnote,
}

/// A licence notice the benchmark's Markdown marks as a heading.
pub fn is_licence_notice(h: &str) -> bool {
    h.starts_with("This article incorporates")
}

/// A cross-reference hatnote the benchmark's Markdown marks as a heading:
/// a line that opens with `See ` (other than the heading `See also`
/// itself), or reads `For ..., see ...`.
pub fn is_hatnote(h: &str) -> bool {
    let see = h.starts_with("See ") && !h.eq_ignore_ascii_case("see also");
    let for_see = h.starts_with("For ") && h.contains(", see ");
    see || for_see
}

/// A pair read differently.
#[derive(Debug, Clone)]
pub struct HeadingMiss {
    /// The article.
    pub name: String,
    /// Why.
    pub class: HeadingClass,
    /// Headings plain text found that Markdown did not.
    pub extra: Vec<String>,
    /// Markdown headings plain text did not find.
    pub missing: Vec<String>,
}

/// Figures over article pairs.
#[derive(Debug, Clone, Default)]
pub struct HeadingReport {
    /// Pairs compared.
    pub pairs: usize,
    /// Pairs with identical heading sequences.
    pub identical: usize,
    /// Pairs that differ only by Markdown headings that are licence notices
    /// ([`HeadingClass::MarkdownNotice`]), not in `identical`.
    pub notice_only: usize,
    /// Pairs that differ only by Markdown headings that are hatnotes or
    /// licence notices, one hatnote at least
    /// ([`HeadingClass::MarkdownHatnote`]), not in `identical`.
    pub hatnote_only: usize,
    /// The others.
    pub misses: Vec<HeadingMiss>,
}

impl HeadingReport {
    /// Share of identical pairs.
    pub fn rate(&self) -> f64 {
        ratio(self.identical, self.pairs)
    }

    /// Share of pairs identical once the Markdown's licence-notice and hatnote
    /// "headings" are set aside (reported beside [`Self::rate`], never
    /// instead of it).
    pub fn rate_without_notices(&self) -> f64 {
        ratio(
            self.identical + self.notice_only + self.hatnote_only,
            self.pairs,
        )
    }

    /// Add one pair.
    pub fn add(&mut self, name: &str, txt: &str, md: &str) {
        let t = headings(txt, Format::Text);
        let m = headings(md, Format::Markdown);
        self.pairs += 1;
        if t == m {
            self.identical += 1;
            return;
        }
        let extra: Vec<String> = multiset_minus(&t, &m);
        let missing: Vec<String> = multiset_minus(&m, &t);
        let class = match (extra.is_empty(), missing.is_empty()) {
            (true, false) if missing.iter().all(|h| is_licence_notice(h)) => {
                self.notice_only += 1;
                HeadingClass::MarkdownNotice
            }
            (true, false)
                if missing
                    .iter()
                    .all(|h| is_licence_notice(h) || is_hatnote(h)) =>
            {
                self.hatnote_only += 1;
                HeadingClass::MarkdownHatnote
            }
            (false, true) => HeadingClass::Extra,
            (true, false) => HeadingClass::Missing,
            _ => HeadingClass::Mixed,
        };
        self.misses.push(HeadingMiss {
            name: name.to_string(),
            class,
            extra,
            missing,
        });
    }
}

fn multiset_minus(a: &[String], b: &[String]) -> Vec<String> {
    let mut rest: Vec<&String> = b.iter().collect();
    let mut out = Vec::new();
    for x in a {
        match rest.iter().position(|y| *y == x) {
            Some(i) => {
                rest.remove(i);
            }
            None => out.push(x.clone()),
        }
    }
    out
}

/// The 147 shared article pairs (`../shared/corpus/wiki/{txt,md}`), when present.
pub fn wiki_pairs() -> Option<Vec<(String, String, String)>> {
    let dir = shared()?.join("corpus/wiki");
    let mut names: Vec<String> = std::fs::read_dir(dir.join("md"))
        .ok()?
        .filter_map(|e| {
            let p = e.ok()?.path();
            Some(p.file_stem()?.to_string_lossy().into_owned())
        })
        .collect();
    names.sort();
    let mut out = Vec::new();
    for n in names {
        let md = std::fs::read_to_string(dir.join("md").join(format!("{n}.md"))).ok()?;
        let txt = std::fs::read_to_string(dir.join("txt").join(format!("{n}.txt"))).ok()?;
        out.push((n, txt, md));
    }
    Some(out)
}

/// The first `n` benchmark pairs by name (`limit: None` for all 3,210), read
/// from the tarball in `../shared/corpus`, when present.
pub fn benchmark_pairs(limit: Option<usize>) -> Option<Vec<(String, String, String)>> {
    let path = shared()?.join("corpus/enwiki-2015-3210.tar.gz");
    read_pairs(&path, limit)
}

fn read_pairs(path: &Path, limit: Option<usize>) -> Option<Vec<(String, String, String)>> {
    let file = std::fs::File::open(path).ok()?;
    let mut archive = tar::Archive::new(flate2::read::GzDecoder::new(file));
    let mut md: BTreeMap<String, String> = BTreeMap::new();
    let mut txt: BTreeMap<String, String> = BTreeMap::new();
    for entry in archive.entries().ok()? {
        let mut e = entry.ok()?;
        let p = e.path().ok()?.to_string_lossy().into_owned();
        let (map, stem) = if let Some(s) = p.strip_prefix("md/enwiki_wx/") {
            (&mut md, s.strip_suffix(".md"))
        } else if let Some(s) = p.strip_prefix("txt/enwiki_wx/") {
            (&mut txt, s.strip_suffix(".txt"))
        } else {
            continue;
        };
        let Some(stem) = stem else { continue };
        let mut s = String::new();
        if e.read_to_string(&mut s).is_ok() {
            map.insert(stem.to_string(), s);
        }
    }
    let out: Vec<(String, String, String)> = md
        .into_iter()
        .filter_map(|(n, m)| txt.remove(&n).map(|t| (n, t, m)))
        .take(limit.unwrap_or(usize::MAX))
        .collect();
    Some(out)
}

/// One labelled sentence of a real debate section (`fixtures/accuracy/stance-dev.tsv`).
#[derive(Debug, Clone)]
pub struct StanceRow {
    /// The article (the subject).
    pub article: String,
    /// The section heading.
    pub section: String,
    /// Paragraph index within the section.
    pub para: usize,
    /// `pro`, `con` or `none`.
    pub stance: String,
    /// Who holds it, as labelled.
    pub actor: String,
    /// The sentence.
    pub sentence: String,
}

/// The stance development set (`stance-dev.tsv`: halves `a` and `b`).
pub fn stance_rows() -> Vec<StanceRow> {
    stance_rows_of("stance-dev.tsv").expect("fixtures/accuracy/stance-dev.tsv")
}

/// A stance set of `fixtures/accuracy/` by file name (`stance-dev-c.tsv`
/// is set c, labelled in session 16), or `None` when it is not there.
pub fn stance_rows_of(file: &str) -> Option<Vec<StanceRow>> {
    let text = std::fs::read_to_string(root().join("fixtures/accuracy").join(file)).ok()?;
    let rows = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f.len() == 8).then(|| StanceRow {
                article: f[0].to_string(),
                section: f[1].to_string(),
                para: f[2].parse().unwrap_or(0),
                stance: f[4].to_string(),
                actor: f[5].to_string(),
                sentence: f[7].to_string(),
            })
        })
        .collect();
    Some(rows)
}

/// Per-side figures of the stance analysis.
#[derive(Debug, Clone, Default)]
pub struct StanceReport {
    /// (side, labelled, found, both agree).
    pub sides: Vec<(&'static str, usize, usize, usize)>,
    /// Sentences read wrong: (labelled, found, actor labelled, sentence).
    pub misses: Vec<(String, String, String, String)>,
}

impl StanceReport {
    /// Precision and recall of one side.
    pub fn of(&self, side: &str) -> (f64, f64) {
        let (_, labelled, found, agree) = self
            .sides
            .iter()
            .find(|s| s.0 == side)
            .copied()
            .unwrap_or_default();
        (ratio(agree, found), ratio(agree, labelled))
    }
}

/// Rebuild each labelled section as a Markdown article (title, a lead, the
/// heading, the paragraphs), analyse it, and compare every sentence's stance.
pub fn stance_report(rows: &[StanceRow]) -> StanceReport {
    let mut groups: Vec<(String, String, Vec<&StanceRow>)> = Vec::new();
    for r in rows {
        match groups.last_mut() {
            Some((a, s, v)) if *a == r.article && *s == r.section => v.push(r),
            _ => groups.push((r.article.clone(), r.section.clone(), vec![r])),
        }
    }
    let mut counts: BTreeMap<&'static str, (usize, usize, usize)> = BTreeMap::new();
    let mut misses = Vec::new();
    for (article, section, rows) in groups {
        let mut md =
            format!("# {article}\n\n{article} is the subject of this article.\n\n## {section}\n\n");
        let mut para = rows[0].para;
        for (i, r) in rows.iter().enumerate() {
            if i > 0 {
                md.push_str(if r.para == para { " " } else { "\n\n" });
            }
            para = r.para;
            md.push_str(&r.sentence);
        }
        md.push('\n');
        let src = SourceFile::new("a.md", md, Format::Markdown);
        let a = encyclint::analysis::article(&src, None, &Settings::default());
        let found: Vec<(String, String)> = a
            .sections
            .iter()
            .flat_map(|s| s.blocks.iter())
            .flat_map(|b| b.sentences().iter())
            .map(|s| {
                (
                    norm(&s.text),
                    s.stance()
                        .map_or("none", |st| match st {
                            encyclint::model::Stance::Pro => "pro",
                            encyclint::model::Stance::Con => "con",
                        })
                        .to_string(),
                )
            })
            .collect();
        for r in rows {
            let key = norm(&r.sentence);
            let got = found
                .iter()
                .find(|(t, _)| *t == key || t.starts_with(&key) || key.starts_with(t.as_str()))
                .map_or("none".to_string(), |(_, s)| s.clone());
            for side in ["pro", "con"] {
                let e = counts.entry(side).or_default();
                e.0 += usize::from(r.stance == side);
                e.1 += usize::from(got == side);
                e.2 += usize::from(r.stance == side && got == side);
            }
            if got != r.stance {
                misses.push((r.stance.clone(), got, r.actor.clone(), r.sentence.clone()));
            }
        }
    }
    StanceReport {
        sides: counts
            .into_iter()
            .map(|(k, (a, b, c))| (k, a, b, c))
            .collect(),
        misses,
    }
}

/// One written debate section (`fixtures/accuracy/debates-dev.tsv`).
#[derive(Debug, Clone)]
pub struct Debate {
    /// Case id.
    pub case: String,
    /// `one-sided-con`, `last-word-pro`, `last-word-con` or `balanced`.
    pub kind: String,
    /// The article title.
    pub subject: String,
    /// The section heading.
    pub heading: String,
    /// Paragraphs.
    pub paragraphs: Vec<String>,
}

/// The debate cases.
pub fn debates() -> Vec<Debate> {
    let text = std::fs::read_to_string(root().join("fixtures/accuracy/debates-dev.tsv"))
        .expect("fixtures/accuracy/debates-dev.tsv");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(debate_of_line)
        .collect()
}

/// One debate from its TSV line (`id`, `kind`, `Subject`, `Heading`, paragraphs
/// joined by a written `\n\n`); `None` for a line of another shape.
pub fn debate_of_line(l: &str) -> Option<Debate> {
    let f: Vec<&str> = l.split('\t').collect();
    (f.len() == 5).then(|| Debate {
        case: f[0].to_string(),
        kind: f[1].to_string(),
        subject: f[2].to_string(),
        heading: f[3].to_string(),
        paragraphs: f[4].split("\\n\\n").map(str::to_string).collect(),
    })
}

/// A debate as the plain-text article it is checked as: the subject as the
/// title, a lead naming it, the heading and the paragraphs.
pub fn debate_article(d: &Debate) -> SourceFile {
    let mut text = format!(
        "{}\n{} is the subject of this article.\n{}\n",
        d.subject, d.subject, d.heading
    );
    for p in &d.paragraphs {
        text.push_str(p);
        text.push('\n');
    }
    SourceFile::new("a.txt", text, Format::Text)
}

/// The balance codes (B001, B002, B003) each debate gets, as a plain-text article.
pub fn debate_findings(d: &Debate) -> Vec<String> {
    balance_codes(&debate_article(d), None)
}

/// The balance codes (B001, B002, B003) of an article, sorted and each once;
/// only those that start in `range` when one is given.
fn balance_codes(src: &SourceFile, range: Option<std::ops::Range<usize>>) -> Vec<String> {
    let settings = Settings::default();
    let policy = encyclint::schema::Policy::builtin();
    let cx = encyclint::linter::Context {
        settings: &settings,
        policy: &policy,
        titles: None,
    };
    let mut codes: Vec<String> = encyclint::linter::lint(src, &cx)
        .map(|l| l.diagnostics)
        .unwrap_or_default()
        .into_iter()
        .filter(|d| range.as_ref().is_none_or(|r| r.contains(&d.span.start())))
        .map(|d| d.code)
        .filter(|c| matches!(c.as_str(), "B001" | "B002" | "B003"))
        .collect();
    codes.sort();
    codes.dedup();
    codes
}

/// Whether a debate gets what its kind asks for: B001 on one-sided criticism,
/// B003 on a last word, none of B001-B003 on a balanced section.
pub fn debate_as_expected(d: &Debate, codes: &[String]) -> bool {
    match d.kind.as_str() {
        "one-sided-con" => codes.iter().any(|c| c == "B001"),
        "last-word-pro" | "last-word-con" => codes.iter().any(|c| c == "B003"),
        _ => codes.is_empty(),
    }
}

/// `(as expected, cases)` by kind without its side (`one-sided`, `last-word`,
/// `balanced`).
pub fn debate_table() -> BTreeMap<String, (usize, usize)> {
    let mut table: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for d in debates() {
        let ok = debate_as_expected(&d, &debate_findings(&d));
        let e = table
            .entry(d.kind.split('-').take(2).collect::<Vec<_>>().join("-"))
            .or_default();
        e.0 += usize::from(ok);
        e.1 += 1;
    }
    table
}

/// A written debate of set c (`fixtures/accuracy/debates-c.tsv`): written
/// blind to the rules, each for a real host article of `../shared/corpus/wiki`
/// about whose subject it is.
#[derive(Debug, Clone)]
pub struct HostedDebate {
    /// The debate (its subject is the host's title).
    pub debate: Debate,
    /// The host's file name in `../shared/corpus/wiki/md` (`.txt` in `txt/`).
    pub host: String,
}

/// The debates of set c.
pub fn debates_c() -> Vec<HostedDebate> {
    hosted_debates("debates-c.tsv")
}

/// The debates of set d (session 18, written blind like set c, after set c's
/// first round of fixes, and kept unread).
pub fn debates_d() -> Vec<HostedDebate> {
    hosted_debates("debates-d.tsv")
}

/// Hosted debates from a file of `fixtures/accuracy/`.
pub fn hosted_debates(file: &str) -> Vec<HostedDebate> {
    let path = root().join("fixtures/accuracy").join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f.len() == 6).then(|| HostedDebate {
                host: f[2].to_string(),
                debate: Debate {
                    case: f[0].to_string(),
                    kind: f[1].to_string(),
                    subject: f[3].to_string(),
                    heading: f[4].to_string(),
                    paragraphs: f[5].split("\\n\\n").map(str::to_string).collect(),
                },
            })
        })
        .collect()
}

/// Appendix headings: a debate is inserted before the first of them.
const APPENDICES: &[&str] = &[
    "see also",
    "references",
    "notes",
    "external links",
    "further reading",
    "bibliography",
    "sources",
    "footnotes",
    "citations",
];

/// The host article with the debate inserted as a top-level section before its
/// first appendix section (or at its end), and the byte range of the inserted
/// section; `None` when `../shared` or the host is absent.
pub fn hosted_article(
    h: &HostedDebate,
    format: Format,
) -> Option<(SourceFile, std::ops::Range<usize>)> {
    let (dir, file, markdown) = match format {
        Format::Markdown => ("md", h.host.clone(), true),
        _ => (
            "txt",
            h.host.trim_end_matches(".md").to_string() + ".txt",
            false,
        ),
    };
    let host = std::fs::read_to_string(shared()?.join("corpus/wiki").join(dir).join(&file)).ok()?;
    let d = &h.debate;
    let section = if markdown {
        format!("## {}\n\n{}\n\n", d.heading, d.paragraphs.join("\n\n"))
    } else {
        format!("{}\n{}\n", d.heading, d.paragraphs.join("\n"))
    };
    let mut at = host.len();
    let mut offset = 0;
    for line in host.split_inclusive('\n') {
        let bare = if markdown {
            line.strip_prefix("## ").unwrap_or("")
        } else {
            line
        };
        if offset > 0 && APPENDICES.contains(&bare.trim().to_lowercase().as_str()) {
            at = offset;
            break;
        }
        offset += line.len();
    }
    let mut text = host[..at].to_string();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    if markdown && !text.ends_with("\n\n") {
        text.push('\n');
    }
    let start = text.len();
    text.push_str(&section);
    let end = text.len();
    text.push_str(&host[at..]);
    Some((SourceFile::new(file, text, format), start..end))
}

/// The balance codes (B001, B002, B003) found inside the inserted section of a
/// hosted debate; `None` when the host is absent.
pub fn hosted_findings(h: &HostedDebate, format: Format) -> Option<Vec<String>> {
    let (src, range) = hosted_article(h, format)?;
    Some(balance_codes(&src, Some(range)))
}

/// `(as expected, cases)` by kind without its side (`one-sided`, ...).
pub type DebateTable = BTreeMap<String, (usize, usize)>;

/// A case id and the balance codes it got.
pub type CaseCodes = (String, Vec<String>);

/// `(as expected, cases)` by kind without its side for set c in one format,
/// and the cases not as expected with their codes; `None` without `../shared`.
pub fn debate_c_table(format: Format) -> Option<(DebateTable, Vec<CaseCodes>)> {
    hosted_table(&debates_c(), format)
}

/// [`debate_c_table`] for any hosted debates.
pub fn hosted_table(
    debates: &[HostedDebate],
    format: Format,
) -> Option<(DebateTable, Vec<CaseCodes>)> {
    let mut table: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut wrong = Vec::new();
    for h in debates {
        let codes = hosted_findings(h, format)?;
        let ok = debate_as_expected(&h.debate, &codes);
        if !ok {
            wrong.push((h.debate.case.clone(), codes));
        }
        let e = table
            .entry(
                h.debate
                    .kind
                    .split('-')
                    .take(2)
                    .collect::<Vec<_>>()
                    .join("-"),
            )
            .or_default();
        e.0 += usize::from(ok);
        e.1 += 1;
    }
    Some((table, wrong))
}

/// One labelled sentence of `fixtures/accuracy/words-to-watch.tsv`.
#[derive(Debug, Clone)]
pub struct WatchRow {
    /// `w0001`...
    pub id: String,
    /// A category, or `none`.
    pub label: String,
    /// `enwiki:Title` or `mos-example`.
    pub origin: String,
    /// The sentence.
    pub sentence: String,
}

/// The words-to-watch set.
pub fn watch_rows() -> Vec<WatchRow> {
    let text = std::fs::read_to_string(root().join("fixtures/accuracy/words-to-watch.tsv"))
        .expect("fixtures/accuracy/words-to-watch.tsv");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f.len() == 5).then(|| WatchRow {
                id: f[0].to_string(),
                label: f[1].to_string(),
                origin: f[3].to_string(),
                sentence: f[4].to_string(),
            })
        })
        .collect()
}

/// The categories B005 finds in one sentence read as an article's lead.
pub fn watch_categories(sentence: &str) -> Vec<String> {
    let text = format!("Article\n{sentence}\n");
    let src = SourceFile::new("a.txt", text, Format::Text);
    let a = encyclint::analysis::article(&src, None, &Settings::default());
    a.blocks()
        .iter()
        .flat_map(|b| b.sentences().iter())
        .flat_map(|s| s.watch().iter())
        .map(|w| format!("{}:{}", w.category.as_str(), w.text.to_lowercase()))
        .collect()
}

/// Figures over the words-to-watch set.
#[derive(Debug, Clone, Default)]
pub struct WatchReport {
    /// (category, labelled, flagged) over the rows an editor would flag.
    pub recall: Vec<(String, usize, usize)>,
    /// (group, rows, flagged) over the neutral rows: `hard` (w0676–w1483, neutral
    /// sentences holding a trigger word) and `plain` (w1484–w1827).
    pub neutral: Vec<(String, usize, usize)>,
    /// Neutral sentences flagged: (group, categories, sentence).
    pub false_alarms: Vec<(String, Vec<String>, String)>,
    /// Flaggable sentences missed: (category, sentence).
    pub misses: Vec<(String, String)>,
}

impl WatchReport {
    /// Share of flaggable sentences flagged, over every category.
    pub fn recall_all(&self) -> f64 {
        let (n, f) = self
            .recall
            .iter()
            .fold((0, 0), |(n, f), (_, a, b)| (n + a, f + b));
        ratio(f, n)
    }

    /// Share of a neutral group flagged.
    pub fn false_rate(&self, group: &str) -> f64 {
        self.neutral
            .iter()
            .find(|g| g.0 == group)
            .map_or(0.0, |(_, n, f)| ratio(*f, *n))
    }
}

/// Read every row.
pub fn watch_report(rows: &[WatchRow]) -> WatchReport {
    let mut rec: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut neu: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut r = WatchReport::default();
    for row in rows {
        let got = watch_categories(&row.sentence);
        let flagged = !got.is_empty();
        if row.label == "none" {
            let n: u32 = row.id.trim_start_matches('w').parse().unwrap_or(0);
            let group = if row.origin == "mos-example" {
                "mos"
            } else if n < 1484 {
                "hard"
            } else {
                "plain"
            };
            let e = neu.entry(group.to_string()).or_default();
            e.0 += 1;
            e.1 += usize::from(flagged);
            if flagged {
                r.false_alarms
                    .push((group.to_string(), got, row.sentence.clone()));
            }
        } else {
            let e = rec.entry(row.label.clone()).or_default();
            e.0 += 1;
            e.1 += usize::from(flagged);
            if !flagged {
                r.misses.push((row.label.clone(), row.sentence.clone()));
            }
        }
    }
    r.recall = rec.into_iter().map(|(k, (a, b))| (k, a, b)).collect();
    r.neutral = neu.into_iter().map(|(k, (a, b))| (k, a, b)).collect();
    r
}
