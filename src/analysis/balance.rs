//! Pro/con balance: which side each sentence speaks for, and per-section and
//! per-article tallies that rules and the policy schema read.
//!
//! (Filled in by the balance analysis; see the balance issue.)

use serde::Serialize;

/// A side of a debate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    /// Proponents, supporters, advocates, defenders.
    Pro,
    /// Critics, opponents, skeptics, detractors.
    Con,
}

/// Tallies of attributed speech in a section or article.
#[derive(Debug, Clone, Default, Serialize)]
pub struct BalanceFacts {
    /// Sentences attributed to the pro side.
    pub pro_sentences: usize,
    /// Sentences attributed to the con side.
    pub con_sentences: usize,
    /// Words in pro sentences.
    pub pro_words: usize,
    /// Words in con sentences.
    pub con_words: usize,
    /// Blocks in which both sides speak.
    pub exchanges: usize,
    /// Exchanges whose last attributed sentence is pro.
    pub last_word_pro: usize,
    /// Exchanges whose last attributed sentence is con.
    pub last_word_con: usize,
}
