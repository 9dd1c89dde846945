//! B005 editorializing.

use crate::declare_rule;
use crate::diagnostic::{Applicability, Edit, Fix};
use crate::model::WatchCategory;
use crate::rules::{Findings, RuleContext};
use crate::span::Span;

declare_rule! {
    /// ## What it does
    /// Flags words to watch in the article's own voice, by category of Wikipedia's
    /// Manual of Style page "Words to watch" (MOS:WTW):
    ///
    /// | category | examples | default |
    /// |---|---|---|
    /// | `puffery` | `legendary`, `world-renowned`, `iconic`, `prestigious` | warning |
    /// | `label` | `X is a cult`, `were extremists`, `controversial` | warning |
    /// | `weasel` | `some people say`, `it is widely regarded`, `research has shown` | warning |
    /// | `doubt` | `so-called`, `supposedly`, `alleged` (outside a legal context) | warning |
    /// | `editorial` | `of course`, `ironically`, `Clearly,`, `it should be noted` | warning |
    /// | `said` | `admitted that`, `revealed that`, `claimed that`, `pointed out that` | info |
    /// | `euphemism` | `passed away`, `collateral damage` | info |
    /// | `cliche` | `the lion's share`, `stood the test of time` | info |
    ///
    /// Context keeps it precise: nothing inside quotation marks; nothing whose first word is
    /// capitalised in mid-sentence (`Iconic Records`, `the Great Depression`); no puffery,
    /// label or doubt that the sentence attributes to a named source (`Smith called the film
    /// brilliant`); other senses are excluded (`celebrated its anniversary`, `the alleged
    /// fraud` before a court, `so-called "redshift"`, `admitted to hospital`); openers
    /// (`Clearly,`) count only at the start of a clause before a comma, and labels only as
    /// what the subject is.
    ///
    /// ## Why is this bad?
    /// Such words state the writer's judgment as fact, praise without a source, hide who
    /// holds a view, cast doubt, or imply guilt where a neutral word would do. An
    /// encyclopedia attributes opinions and lets facts speak.
    ///
    /// ## Example
    /// ```text
    /// While it can be controversial, the practical record is that well-managed cooperation reduces risk.
    /// The legendary guitarist passed away in 1990.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// A 2019 RAND study argued that well-managed cooperation reduces risk.
    /// The guitarist, whom Rolling Stone called "legendary", died in 1990.
    /// ```
    ///
    /// ## How to fix
    /// Attribute the judgment to a named source, or delete the words and state the fact.
    /// Openers (`Clearly, `), `passed away` and loaded synonyms for *said* come with an
    /// unsafe fix (applied only on review: the meaning may shift).
    ///
    /// ## Options
    /// In `encyclint.toml`, `[words-to-watch]` sets each category's severity (`off` to
    /// silence it) and adds or removes phrases:
    /// `puffery = { severity = "info", add = ["truly great"] }`, `remove = ["arguably"]`. The built-in lists live in `data/words-to-watch.tsv`,
    /// each entry with its source.
    ///
    /// ## Guideline
    /// MOS:WTW (MOS:PUFFERY, MOS:LABEL, MOS:WEASEL, MOS:DOUBT, MOS:EDITORIAL, MOS:SAID,
    /// MOS:EUPHEMISM, MOS:CLICHE); WP:NPOV.
    pub Editorializing {
        code: "B005",
        name: "editorializing",
        family: Balance,
        severity: Warning,
        fix: Sometimes,
        since: "0.1.0",
        check: Some(check),
    }
}

fn help(category: WatchCategory) -> &'static str {
    match category {
        WatchCategory::Puffery => {
            "say what makes it notable, with a source, or attribute the praise"
        }
        WatchCategory::Label => {
            "describe what the subject does, or attribute the label to who uses it"
        }
        WatchCategory::Weasel => "name who holds the view, with a source",
        WatchCategory::Doubt => "state the fact plainly, or attribute the doubt to its source",
        WatchCategory::Editorial => {
            "attribute the judgment to a named source, or state the fact without it"
        }
        WatchCategory::Said => "use a neutral verb such as `said`",
        WatchCategory::Euphemism => "use the plain word",
        WatchCategory::Cliche => "say it plainly",
    }
}

/// The plain replacement, when one is safe to offer for review.
fn replacement(category: WatchCategory, written: &str) -> Option<String> {
    let lower = written.to_lowercase();
    let plain = match (category, lower.as_str()) {
        (WatchCategory::Euphemism, "passed away" | "passed on") => "died",
        (WatchCategory::Euphemism, "laid to rest") => "buried",
        (WatchCategory::Said, w)
            if w.ends_with(" that")
                && [
                    "admitted",
                    "confessed",
                    "conceded",
                    "revealed",
                    "insisted",
                    "claimed",
                ]
                .iter()
                .any(|v| w.starts_with(v)) =>
        {
            "said that"
        }
        (WatchCategory::Said, w)
            if w.ends_with(" that")
                && [
                    "admits",
                    "confesses",
                    "concedes",
                    "reveals",
                    "insists",
                    "claims",
                ]
                .iter()
                .any(|v| w.starts_with(v)) =>
        {
            "says that"
        }
        (WatchCategory::Said, "pointed out that") => "said that",
        (WatchCategory::Said, "points out that") => "says that",
        _ => return None,
    };
    Some(plain.to_string())
}

fn check(cx: &RuleContext<'_>, out: &mut Findings<'_>) {
    let text: &str = &cx.source.text;
    // The analysis found the words to watch (outside quotations); report them.
    for b in cx.article.blocks() {
        for s in b.sentences() {
            for w in s.watch() {
                if cx.settings.watch.off.contains(&w.category) {
                    continue;
                }
                let mut d = Editorializing::META
                    .diag(
                        w.span,
                        format!(
                            "`{}` is {}: {} ({})",
                            w.text,
                            w.category.as_str(),
                            w.why,
                            w.source
                        ),
                    )
                    .with_label(format!("words to watch: {}", w.category.as_str()))
                    .with_help(help(w.category));
                d.severity = cx.settings.watch.severity_of(w.category);
                let fix = if w.category == WatchCategory::Editorial {
                    opener_removal(text, w.span)
                } else {
                    replacement(w.category, w.span.slice(text)).map(|new| Fix {
                        title: format!("replace with `{new}`"),
                        applicability: Applicability::Unsafe,
                        edits: vec![Edit {
                            span: w.span,
                            text: new,
                        }],
                    })
                };
                if let Some(fix) = fix {
                    d = d.with_fix(fix);
                }
                out.push(d);
            }
        }
    }
}

/// `Clearly, it works.` → `It works.`: remove an opener and its comma and
/// capitalise what follows, when the opener starts the sentence.
fn opener_removal(text: &str, span: Span) -> Option<Fix> {
    let rest = &text[span.end().min(text.len())..];
    let after = rest.strip_prefix(", ")?;
    let at_start = text[..span.start()]
        .chars()
        .next_back()
        .is_none_or(|c| c == '\n' || c == '\r' || matches!(c, ' ' | '"' | '*' | '-' | ':'))
        && text[..span.start()]
            .trim_end()
            .ends_with(['.', '!', '?', '\n', ':'])
        || span.start() == 0
        || text[..span.start()].ends_with('\n');
    if !at_start {
        return None;
    }
    let first = after.chars().next()?;
    let upper: String = first.to_uppercase().collect();
    let cut = Span::new(span.start(), span.end() + 2 + first.len_utf8());
    Some(Fix {
        title: format!("remove `{}`", span.slice(text)),
        applicability: Applicability::Unsafe,
        edits: vec![Edit {
            span: cut,
            text: upper,
        }],
    })
}

#[cfg(test)]
mod tests {
    use crate::rules::balance::test_support::{assert_clean, assert_fires};
    use crate::source::Format;

    #[test]
    fn fires_on_editorial_phrases() {
        let t = "Plan\nWhile it is disputed, the practical record is that it works.\n";
        let d = assert_fires(Format::Text, t, "B005", 2);
        assert!(
            d.message.starts_with("`the practical record is that`"),
            "{}",
            d.message
        );
        let md = "# Plan\n\nThe plan works.\nClearly, it is the best plan.\n";
        assert_fires(Format::Markdown, md, "B005", 4);
    }

    #[test]
    fn clean_text() {
        let t = "Plan\nThe plan is clearly visible from space, as a matter of course. He said \"of course\" twice.\n";
        assert_clean(Format::Text, t, "B005");
        let t =
            "Plan\nHe wrote: \"It is new. Of course it is. Clearly, it works.\" Then he left.\n";
        assert_clean(Format::Text, t, "B005");
    }
}
