//! Facts computed once per article after parsing: counts, balance, references.
//!
//! Rules and the policy schema read these facts; they never re-scan the text.

pub mod balance;
pub mod references;
pub mod stance;

use crate::index::{TitleIndex, TitleLookup};
use crate::model::{Article, Block, Section};
use crate::parse::{self, IsTitle, ParseOptions};
use crate::settings::Settings;
use crate::source::SourceFile;
use crate::text::word_count;

/// Parse and analyse one source: the article with every fact, as `encyclint
/// parse` prints it and as the policy and the rules read it. With an index,
/// `See` lists are split where known titles say so and every reference is judged.
#[must_use]
pub fn article(src: &SourceFile, index: Option<&TitleIndex>, settings: &Settings) -> Article {
    let is_title = |t: &str| index.is_some_and(|ix| ix.is_title(t));
    let parsed = parse::parse(
        src,
        &ParseOptions {
            titles: index.map(|_| &is_title as IsTitle<'_>),
        },
    );
    let mut article = analyse(parsed, &src.text, settings);
    references::resolve(&mut article, index);
    article
}

/// Compute every fact of a freshly parsed article; `text` is the source its spans point into.
#[must_use]
pub fn analyse(mut article: Article, text: &str, settings: &Settings) -> Article {
    count(&mut article);
    balance::analyse(&mut article, text, settings);
    article
}

fn block_words(b: &Block) -> usize {
    match b {
        Block::Paragraph(p) => word_count(&p.text),
        Block::Item(i) => word_count(&i.body),
    }
}

fn section_counts(s: &mut Section) {
    let f = &mut s.facts;
    f.words = s.blocks.iter().map(block_words).sum();
    f.sentences = s.blocks.iter().map(|b| b.sentences().len()).sum();
    f.paragraphs = s
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Paragraph(_)))
        .count();
    f.items = s
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Item(_)))
        .count();
    f.references = s.blocks.iter().map(|b| b.refs().len()).sum();
    for sub in &mut s.subsections {
        section_counts(sub);
    }
}

/// Fill the structural counts of the article and every section.
pub fn count(article: &mut Article) {
    for s in &mut article.sections {
        section_counts(s);
    }
    let blocks = article.blocks();
    // Each section's own words were just counted: add them up rather than recount.
    let words = article.lead.iter().map(block_words).sum::<usize>()
        + article
            .sections_flat()
            .iter()
            .map(|s| s.facts.words)
            .sum::<usize>();
    let sentences = blocks.iter().map(|b| b.sentences().len()).sum();
    let paragraphs = blocks
        .iter()
        .filter(|b| matches!(b, Block::Paragraph(_)))
        .count();
    let items = blocks
        .iter()
        .filter(|b| matches!(b, Block::Item(_)))
        .count();
    let total = blocks.iter().map(|b| b.refs().len()).sum();
    let sections = article.sections_flat().len();
    let f = &mut article.facts;
    f.words = words;
    f.sentences = sentences;
    f.paragraphs = paragraphs;
    f.items = items;
    f.sections = sections;
    f.references.total = total;
}
