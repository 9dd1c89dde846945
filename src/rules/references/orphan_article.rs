//! R006 orphan-article (corpus mode).

use std::collections::{BTreeMap, BTreeSet};

use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::index::title_key;
use crate::model::Article;
use crate::rules::{Findings, RuleContext};
use crate::span::Span;

declare_rule! {
    /// ## What it does
    /// Flags an article that no other checked article refers to, when several articles are checked together.
    ///
    /// Corpus mode only: it runs once after every article was checked, and only when more
    /// than one article is checked. An inbound reference is any resolved reference (a `See`
    /// list entry, wiki link or `.md` link) from another article, through a redirect or not;
    /// an article's references to itself do not count. Reported as information: in a partial
    /// corpus, the articles that would link to it may simply not be among those checked.
    ///
    /// ## Why is this bad?
    /// Readers reach articles by following references. An article nothing refers to is hard to
    /// find, and usually means the articles that should mention it do not.
    ///
    /// ## Example
    /// ```text
    /// photon.txt:   Photon / A quantum of light. See Quantum.
    /// quantum.txt:  Quantum / The smallest amount. See Energy.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// quantum.txt:  Quantum / The smallest amount. See Energy and Photon.
    /// ```
    ///
    /// ## How to fix
    /// Refer to the article from related articles (a `See` note or a "See also" entry), or
    /// merge it into one of them.
    ///
    /// ## Options
    /// Opt-in: it runs only when selected explicitly (`--select R006`, `--select orphan-article`
    /// or `--select ALL`), since in most runs nothing is meant to link to every checked article.
    /// Articles read from stdin take no part.
    ///
    /// ## Guideline
    /// Wikipedia: Orphan (WP:ORPHAN): an article with no links from other articles.
    pub OrphanArticle {
        code: "R006",
        name: "orphan-article",
        family: References,
        severity: Info,
        fix: None,
        since: "0.1.0",
        check: Some(check),
    }
}

/// Per article, nothing to do: R006 needs the whole corpus ([`check_corpus`]).
fn check(_cx: &RuleContext<'_>, _out: &mut Findings<'_>) {}

/// What R006 needs to know about one checked article.
#[derive(Debug, Clone, Default)]
pub struct CorpusArticle {
    /// The title as a MediaWiki page name, and where the title text is.
    pub title: Option<(String, Span)>,
    /// The canonical titles its resolved references name, each once.
    pub targets: BTreeSet<String>,
}

impl CorpusArticle {
    /// Collect from a checked article.
    #[must_use]
    pub fn of(article: &Article) -> Self {
        let title = article
            .title
            .as_ref()
            .map(|t| (title_key(&t.text), t.text_span))
            .filter(|(k, _)| !k.is_empty());
        let targets = article
            .iter_references()
            .filter_map(|r| r.canonical())
            .map(title_key)
            .collect();
        Self { title, targets }
    }
}

/// R006 over a corpus: `(article index, diagnostic)` for each article no
/// other article refers to. Nothing when fewer than two articles are given.
#[must_use]
pub fn check_corpus(articles: &[CorpusArticle]) -> Vec<(usize, Diagnostic)> {
    if articles.len() < 2 {
        return Vec::new();
    }
    let mut inbound: BTreeMap<&str, usize> = BTreeMap::new();
    for a in articles {
        let own = a.title.as_ref().map(|(k, _)| k.as_str());
        for t in &a.targets {
            if Some(t.as_str()) != own {
                *inbound.entry(t.as_str()).or_default() += 1;
            }
        }
    }
    let mut out = Vec::new();
    for (i, a) in articles.iter().enumerate() {
        let Some((key, span)) = &a.title else {
            continue;
        };
        if inbound.get(key.as_str()).copied().unwrap_or(0) == 0 {
            let shown: String = key.chars().take(80).collect();
            out.push((
                i,
                OrphanArticle::META
                    .diag(
                        *span,
                        format!("no other checked article refers to `{shown}`"),
                    )
                    .with_label("orphan")
                    .with_help(format!(
                        "refer to it from a related article (`See {shown}.`)"
                    )),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn art(title: &str, targets: &[&str]) -> CorpusArticle {
        CorpusArticle {
            title: Some((title.to_string(), Span::new(0, title.len()))),
            targets: targets.iter().map(|t| (*t).to_string()).collect(),
        }
    }

    #[test]
    fn only_unreferenced_articles_fire() {
        let corpus = [
            art("Photon", &["Quantum", "Photon"]),
            art("Quantum", &["Energy"]),
            art("Energy", &["Quantum"]),
        ];
        let d = check_corpus(&corpus);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].0, 0);
        assert_eq!(
            d[0].1.message,
            "no other checked article refers to `Photon`"
        );
    }

    #[test]
    fn a_single_article_is_never_an_orphan() {
        assert!(check_corpus(&[art("Photon", &[])]).is_empty());
        assert!(check_corpus(&[]).is_empty());
    }
}
