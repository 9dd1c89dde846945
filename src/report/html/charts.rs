//! The charts of the HTML report: the figures they need, taken from the
//! article model in the worker thread, and the inline SVG that draws them.
//!
//! Every chart is an `<svg role="img">` whose first children are a `<title>`
//! (its name) and a `<desc>` (every number it shows, in words), followed by a
//! visible `<figcaption>` with the same figures. The sides and states are told
//! apart by pattern and by text as well as by colour, so a greyscale print
//! keeps them apart: the patterns are defined once per page ([`DEFS`]).

use std::fmt::Write as _;

use crate::analysis::balance::block_facts;
use crate::analysis::references::is_non_canonical;
use crate::diagnostic::Severity;
use crate::model::{Article, Stance};
use crate::source::SourceFile;

use super::{esc, esc_html, plural};

/// The patterns every chart fills with, defined once at the top of the page.
pub const DEFS: &str = r##"<svg class="defs" aria-hidden="true" focusable="false" width="0" height="0"><defs>
<pattern id="fill-pro" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#1d4f91"/></pattern>
<pattern id="fill-con" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="#fbe3c6"/><rect width="3" height="8" fill="#b45309"/></pattern>
<pattern id="fill-ok" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#2f6b3a"/></pattern>
<pattern id="fill-odd" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#fdf0c2"/><circle cx="4" cy="4" r="2" fill="#8a6100"/></pattern>
<pattern id="fill-bad" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#f9d7d9"/><path d="M0 0L8 8M8 0L0 8" stroke="#a4262c" stroke-width="1.6"/></pattern>
<pattern id="fill-none" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#e8e8e8"/><path d="M0 4H8" stroke="#8a8a8a" stroke-width="1"/></pattern>
<pattern id="fill-error" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#a4262c"/></pattern>
<pattern id="fill-warning" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="#fdf0c2"/><rect width="3" height="8" fill="#8a6100"/></pattern>
<pattern id="fill-info" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#dbe7f6"/><circle cx="4" cy="4" r="1.6" fill="#1d4f91"/></pattern>
</defs></svg>
"##;

/// The figures of one article that the HTML report draws.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleCharts {
    /// The controversy sections, in order.
    pub debates: Vec<Debate>,
    /// The article's references by state.
    pub references: References,
}

/// One controversy section: the words each side holds and who had the last
/// word in each exchange.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Debate {
    /// The heading, as the model has it (untrusted text).
    pub heading: String,
    /// The 1-based line of the heading.
    pub line: usize,
    /// Words the proponents speak in the section's own blocks.
    pub pro_words: usize,
    /// Words the critics speak.
    pub con_words: usize,
    /// The side with the last word in each exchange (a block where both sides
    /// speak), in source order.
    pub last_words: Vec<Stance>,
}

/// An article's references by state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct References {
    /// References found.
    pub total: usize,
    /// Whether they were judged against a title index.
    pub judged: bool,
    /// Resolved to their canonical title as written.
    pub resolved: usize,
    /// Resolved only by case or through a redirect.
    pub non_canonical: usize,
    /// Not resolved.
    pub unresolved: usize,
}

impl ArticleCharts {
    /// The figures of `article`, whose spans point into `src`.
    #[must_use]
    pub fn of(article: &Article, src: &SourceFile) -> Self {
        let debates = article
            .sections_flat()
            .into_iter()
            .filter(|s| s.facts.balance.controversy)
            .map(|s| Debate {
                heading: s.heading.text.clone(),
                line: src.lines.line_col(&src.text, s.heading.span.start()).line,
                pro_words: s.facts.balance.pro_words,
                con_words: s.facts.balance.con_words,
                last_words: s
                    .blocks
                    .iter()
                    .map(block_facts)
                    .filter(|f| f.exchanges > 0)
                    .filter_map(|f| {
                        if f.last_word_pro > 0 {
                            Some(Stance::Pro)
                        } else if f.last_word_con > 0 {
                            Some(Stance::Con)
                        } else {
                            None
                        }
                    })
                    .collect(),
            })
            .collect();
        let facts = &article.facts.references;
        let refs = article.references();
        let non_canonical = refs.iter().filter(|r| is_non_canonical(r)).count();
        let resolved = facts.resolved.unwrap_or(0);
        Self {
            debates,
            references: References {
                total: facts.total,
                judged: facts.judged,
                resolved: resolved.saturating_sub(non_canonical),
                non_canonical,
                unresolved: facts.unresolved.unwrap_or(0),
            },
        }
    }
}

/// Width of every chart's drawing area (SVG user units).
const WIDTH: usize = 640;

fn percent(part: usize, whole: usize) -> usize {
    (part * 100 + whole / 2).checked_div(whole).unwrap_or(0)
}

/// Open a figure: its caption first (a bold name and the figures in words),
/// then the SVG with its text alternatives; the caller draws, then closes it
/// with `</svg></figure>`.
fn open(out: &mut String, class: &str, height: usize, title: &str, desc: &str) {
    open_with(out, class, height, (title, desc), desc);
}

/// [`open`] with a caption shorter than the description (when a table next
/// to the chart shows the figures).
fn open_with(
    out: &mut String,
    class: &str,
    height: usize,
    (title, caption): (&str, &str),
    desc: &str,
) {
    let _ = write!(
        out,
        r#"<figure class="chart {class}"><figcaption><strong>{}</strong> {}</figcaption><svg role="img" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" preserveAspectRatio="xMinYMin meet"><title>{}</title><desc>{}</desc>"#,
        esc_html(title),
        esc_html(caption),
        esc(title),
        esc(desc)
    );
}

const CLOSE: &str = "</svg></figure>";

/// One filled bar segment; nothing for a zero width.
fn segment(out: &mut String, x: f64, y: usize, w: f64, h: usize, fill: &str) {
    if w > 0.0 {
        let _ = write!(
            out,
            r##"<rect x="{x:.1}" y="{y}" width="{w:.1}" height="{h}" fill="url(#fill-{fill})" stroke="#222" stroke-width="0.75"/>"##
        );
    }
}

fn label(out: &mut String, x: f64, y: usize, anchor: &str, s: &str) {
    let _ = write!(
        out,
        r#"<text x="{x:.1}" y="{y}" text-anchor="{anchor}">{}</text>"#,
        esc(s)
    );
}

/// A legend swatch with its text, at `x`; returns the x after it.
fn swatch(out: &mut String, x: f64, y: usize, fill: &str, s: &str) -> f64 {
    segment(out, x, y, 14.0, 14, fill);
    label(out, x + 19.0, y + 12, "start", s);
    // A rough width: 7 units a character at the chart's font size.
    x + 19.0 + 7.0 * s.chars().count() as f64 + 16.0
}

/// The words each side holds in one controversy section, as a bar, and the
/// last word of each exchange, as a strip.
#[must_use]
pub fn debate(d: &Debate) -> String {
    let words = d.pro_words + d.con_words;
    let (pp, cp) = (percent(d.pro_words, words), percent(d.con_words, words));
    let pro_last = d.last_words.iter().filter(|s| **s == Stance::Pro).count();
    let con_last = d.last_words.len() - pro_last;
    let order: Vec<&str> = d
        .last_words
        .iter()
        .map(|s| match s {
            Stance::Pro => "proponents",
            Stance::Con => "critics",
        })
        .collect();
    let title = format!(
        "Balance of the debate in section “{}” (line {})",
        d.heading, d.line
    );
    let words_desc = if words == 0 {
        "No words are attributed to either side.".to_string()
    } else {
        format!(
            "Proponents hold {} ({pp}%), critics {} ({cp}%).",
            plural(d.pro_words, "word", "words"),
            plural(d.con_words, "word", "words")
        )
    };
    let last_desc = if d.last_words.is_empty() {
        "No exchange between the sides.".to_string()
    } else {
        format!(
            "Last word in {}: proponents {pro_last}, critics {con_last}; in order: {}.",
            plural(d.last_words.len(), "exchange", "exchanges"),
            order.join(", ")
        )
    };
    let mut out = String::new();
    open(
        &mut out,
        "debate",
        124,
        &title,
        &format!("{words_desc} {last_desc}"),
    );
    let w = WIDTH as f64;
    label(&mut out, 0.0, 14, "start", "Words held by each side");
    if words == 0 {
        segment(&mut out, 0.0, 22, w, 24, "none");
        label(&mut out, w / 2.0, 39, "middle", "no attributed words");
    } else {
        let pw = w * d.pro_words as f64 / words as f64;
        segment(&mut out, 0.0, 22, pw, 24, "pro");
        segment(&mut out, pw, 22, w - pw, 24, "con");
        // The even split, for reference.
        let _ = write!(
            out,
            r##"<line x1="{0:.1}" y1="18" x2="{0:.1}" y2="50" stroke="#222" stroke-dasharray="3 2"/>"##,
            w / 2.0
        );
    }
    let pro_text = format!("Proponents {} ({pp}%)", d.pro_words);
    let con_text = format!("Critics {} ({cp}%)", d.con_words);
    label(&mut out, 0.0, 64, "start", &pro_text);
    label(&mut out, w, 64, "end", &con_text);
    label(&mut out, 0.0, 86, "start", "Last word in each exchange");
    if d.last_words.is_empty() {
        label(&mut out, 200.0, 86, "start", "no exchange");
    } else {
        let n = d.last_words.len();
        let step = (w / n as f64).min(30.0);
        let cell = (step - 4.0).max(1.0);
        for (i, s) in d.last_words.iter().enumerate() {
            let x = i as f64 * step;
            let (fill, letter, side) = match s {
                Stance::Pro => ("pro", "P", "proponents"),
                Stance::Con => ("con", "C", "critics"),
            };
            let _ = write!(out, "<g><title>exchange {}: {side}</title>", i + 1);
            segment(&mut out, x, 94, cell, 24, fill);
            if cell >= 14.0 {
                let _ = write!(
                    out,
                    r#"<text class="on-{fill}" x="{:.1}" y="111" text-anchor="middle">{letter}</text>"#,
                    x + cell / 2.0
                );
            }
            out.push_str("</g>");
        }
    }
    out.push_str(CLOSE);
    out
}

/// An article's references: resolved, non-canonical, unresolved.
#[must_use]
pub fn references(r: &References) -> String {
    let desc = if r.total == 0 {
        "The article has no references.".to_string()
    } else if !r.judged {
        format!(
            "{} found, not judged: no title index.",
            plural(r.total, "reference", "references")
        )
    } else {
        format!(
            "{} found: {} resolved to the title as written, {} resolved only by case or through a redirect (non-canonical), {} unresolved.",
            plural(r.total, "reference", "references"),
            r.resolved,
            r.non_canonical,
            r.unresolved
        )
    };
    let judged = r.total > 0 && r.judged;
    let mut out = String::new();
    let height = if judged { 62 } else { 30 };
    open(&mut out, "refs", height, "References of the article", &desc);
    let w = WIDTH as f64;
    if !judged {
        segment(&mut out, 0.0, 4, w, 24, "none");
        let s = if r.total == 0 {
            "no references".to_string()
        } else {
            format!("{} not judged (no title index)", r.total)
        };
        label(&mut out, w / 2.0, 21, "middle", &s);
    } else {
        let mut x = 0.0;
        for (n, fill) in [
            (r.resolved, "ok"),
            (r.non_canonical, "odd"),
            (r.unresolved, "bad"),
        ] {
            let sw = w * n as f64 / r.total as f64;
            segment(&mut out, x, 4, sw, 24, fill);
            x += sw;
        }
        let mut x = 0.0;
        x = swatch(&mut out, x, 40, "ok", &format!("resolved {}", r.resolved));
        x = swatch(
            &mut out,
            x,
            40,
            "odd",
            &format!("non-canonical {}", r.non_canonical),
        );
        swatch(
            &mut out,
            x,
            40,
            "bad",
            &format!("unresolved {}", r.unresolved),
        );
    }
    out.push_str(CLOSE);
    out
}

/// One row of the run's chart: a rule, its name, its worst severity and its count.
#[derive(Debug, Clone)]
pub struct RuleCount {
    /// The code (untrusted: a policy schema names its own).
    pub code: String,
    /// The name.
    pub name: String,
    /// The worst severity it was reported at.
    pub severity: Severity,
    /// Findings.
    pub count: usize,
}

/// Findings per rule for the whole run.
#[must_use]
pub fn per_rule(rows: &[RuleCount]) -> String {
    let total: usize = rows.iter().map(|r| r.count).sum();
    let desc = if rows.is_empty() {
        "No findings.".to_string()
    } else {
        let list: Vec<String> = rows
            .iter()
            .map(|r| {
                format!(
                    "{} {} ({}): {}",
                    r.code,
                    r.name,
                    r.severity.as_str(),
                    r.count
                )
            })
            .collect();
        format!(
            "{} in all. {}.",
            plural(total, "finding", "findings"),
            list.join("; ")
        )
    };
    let caption = format!("{}.", plural(total, "finding", "findings"));
    let row = 24;
    let height = 30 + row * rows.len().max(1);
    let mut out = String::new();
    open_with(
        &mut out,
        "rules",
        height,
        ("Findings per rule", &caption),
        &desc,
    );
    let mut x = 0.0;
    for sev in [Severity::Error, Severity::Warning, Severity::Info] {
        x = swatch(&mut out, x, 2, sev.as_str(), sev.as_str());
    }
    if rows.is_empty() {
        label(&mut out, 0.0, 44, "start", "no findings");
    }
    let max = rows.iter().map(|r| r.count).max().unwrap_or(1).max(1);
    let (left, right) = (250.0, 50.0);
    let span = WIDTH as f64 - left - right;
    for (i, r) in rows.iter().enumerate() {
        let y = 26 + i * row;
        let name: String = format!("{} {}", r.code, r.name).chars().take(34).collect();
        label(&mut out, left - 8.0, y + 15, "end", &name);
        let bw = span * r.count as f64 / max as f64;
        segment(&mut out, left, y + 2, bw, row - 6, r.severity.as_str());
        label(
            &mut out,
            left + bw + 6.0,
            y + 15,
            "start",
            &r.count.to_string(),
        );
    }
    out.push_str(CLOSE);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::Settings;
    use crate::source::Format;

    fn charts(text: &str) -> ArticleCharts {
        let src = SourceFile::new("a.txt", text, Format::Text);
        let a = crate::analysis::article(&src, None, &Settings::default());
        ArticleCharts::of(&a, &src)
    }

    #[test]
    fn the_seed_debate_has_its_figures() {
        let seed = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fixtures/defense-cooperation.txt"
        ))
        .expect("seed");
        let c = charts(&seed);
        // The procurement section is a debate too: most of its blocks are exchanges.
        assert_eq!(c.debates.len(), 2, "{c:?}");
        assert_eq!(c.debates[0].line, 22);
        let d = &c.debates[1];
        assert_eq!(d.line, 26);
        assert_eq!((d.pro_words, d.pro_words + d.con_words), (127, 178));
        assert_eq!(d.last_words, vec![Stance::Pro; 4]);
        assert!(!c.references.judged);
    }

    #[test]
    fn strips_add_up_to_the_section_facts() {
        let t = "T\nLead.\nControversies\nA: Critics argue that it fails. Supporters respond that it works.\nB: Supporters argue that it pays. Critics respond that it costs.\nC: Critics argue that it is late.\n";
        let c = charts(t);
        assert_eq!(c.debates[0].last_words, vec![Stance::Pro, Stance::Con]);
        let svg = debate(&c.debates[0]);
        assert!(svg.contains("in order: proponents, critics."), "{svg}");
        assert_eq!(svg.matches("<title>exchange ").count(), 2);
    }

    #[test]
    fn references_split_into_three_states() {
        let ix = crate::index::TitleIndex::from_titles(
            ["Photon", "Quantum"],
            [("Light particle", "Photon")],
        );
        let src = SourceFile::new(
            "a.txt",
            "Light\nLight is a wave. See Photon, Light particle and Quatnum.\n",
            Format::Text,
        );
        let a = crate::analysis::article(&src, Some(&ix), &Settings::default());
        let r = ArticleCharts::of(&a, &src).references;
        assert_eq!(
            (r.total, r.resolved, r.non_canonical, r.unresolved),
            (3, 1, 1, 1)
        );
        let svg = references(&r);
        assert!(svg.contains("1 resolved only by case or through a redirect"));
    }

    #[test]
    fn empty_figures_still_say_so() {
        assert!(debate(&Debate::default()).contains("No words are attributed"));
        assert!(references(&References::default()).contains("no references"));
        assert!(per_rule(&[]).contains("No findings."));
    }
}
