//! Facts the analyses compute and store in the model: counts, the pro/con
//! balance, the voices and cues of sentences, words to watch, reference totals.
//!
//! Plain data, like the rest of the model: the computing lives in
//! analyses (the `analysis` module), which fill these in.

use serde::Serialize;

use crate::span::Span;

/// Counts for one section.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SectionFacts {
    /// Words in the section's own blocks.
    pub words: usize,
    /// Sentences in its own blocks.
    pub sentences: usize,
    /// Paragraph blocks.
    pub paragraphs: usize,
    /// Item blocks.
    pub items: usize,
    /// References in its own blocks.
    pub references: usize,
    /// The pro/con analysis of this section.
    pub balance: BalanceFacts,
}

/// Counts and analyses for the whole article.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ArticleFacts {
    /// Words in the lead and all sections.
    pub words: usize,
    /// Sentences.
    pub sentences: usize,
    /// Paragraph blocks.
    pub paragraphs: usize,
    /// Item blocks.
    pub items: usize,
    /// Sections at every level.
    pub sections: usize,
    /// Reference resolution totals.
    pub references: ReferenceFacts,
    /// The pro/con analysis over the whole article.
    pub balance: BalanceFacts,
}

/// Reference resolution totals for an article.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ReferenceFacts {
    /// References found.
    pub total: usize,
    /// Whether references were judged (a title index was available).
    pub judged: bool,
    /// References that resolve (`null` when not judged).
    pub resolved: Option<usize>,
    /// References that do not (`null` when not judged).
    pub unresolved: Option<usize>,
}

/// A side of a debate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    /// Proponents, supporters, advocates, defenders.
    Pro,
    /// Critics, opponents, skeptics, detractors.
    Con,
}

impl Stance {
    /// The side named for a reader: `proponents` or `critics`.
    #[must_use]
    pub fn people(self) -> &'static str {
        match self {
            Stance::Pro => "proponents",
            Stance::Con => "critics",
        }
    }

    /// The other side.
    #[must_use]
    pub fn other(self) -> Stance {
        match self {
            Stance::Pro => Stance::Con,
            Stance::Con => Stance::Pro,
        }
    }
}

/// One side speaking in a sentence.
#[derive(Debug, Clone, Serialize)]
pub struct Voice {
    /// The side.
    pub stance: Stance,
    /// Who speaks, as written (`Critics`), or `null` for a phrase (`The concern is`).
    pub actor: Option<String>,
    /// The words that decided the side (`Critics, by contrast, argue`).
    pub cue: Cue,
    /// Words of the clause this side speaks in (the whole sentence when it is the only voice).
    pub words: usize,
    /// Read from what is reported or from the flow of the text, not from a
    /// predicate with a side; kept only in debates (not part of the model's JSON).
    #[serde(skip)]
    pub weak: bool,
}

/// Tallies of attributed speech in a section or article.
#[derive(Debug, Clone, Default, Serialize)]
pub struct BalanceFacts {
    /// A controversy section (by heading or because its blocks are mostly
    /// exchanges); for the article, whether it has one.
    pub controversy: bool,
    /// Sentences in which at least one side speaks.
    pub attributed_sentences: usize,
    /// Sentences in which the pro side speaks.
    pub pro_sentences: usize,
    /// Sentences in which the con side speaks.
    pub con_sentences: usize,
    /// Words the pro side speaks.
    pub pro_words: usize,
    /// Words the con side speaks.
    pub con_words: usize,
    /// Blocks in which both sides speak.
    pub exchanges: usize,
    /// Exchanges whose last voice is pro.
    pub last_word_pro: usize,
    /// Exchanges whose last voice is con.
    pub last_word_con: usize,
    /// Blocks in which only one side speaks.
    pub one_sided_blocks: usize,
}

impl BalanceFacts {
    /// Sentences of one side.
    #[must_use]
    pub fn sentences(&self, s: Stance) -> usize {
        match s {
            Stance::Pro => self.pro_sentences,
            Stance::Con => self.con_sentences,
        }
    }

    /// Words of one side.
    #[must_use]
    pub fn words(&self, s: Stance) -> usize {
        match s {
            Stance::Pro => self.pro_words,
            Stance::Con => self.con_words,
        }
    }

    /// Exchanges one side closes.
    #[must_use]
    pub fn last_words(&self, s: Stance) -> usize {
        match s {
            Stance::Pro => self.last_word_pro,
            Stance::Con => self.last_word_con,
        }
    }

    /// Add another tally to this one.
    pub fn add(&mut self, o: &BalanceFacts) {
        self.attributed_sentences += o.attributed_sentences;
        self.pro_sentences += o.pro_sentences;
        self.con_sentences += o.con_sentences;
        self.pro_words += o.pro_words;
        self.con_words += o.con_words;
        self.exchanges += o.exchanges;
        self.last_word_pro += o.last_word_pro;
        self.last_word_con += o.last_word_con;
        self.one_sided_blocks += o.one_sided_blocks;
    }
}

/// The words that decided a sentence's stance.
#[derive(Debug, Clone, Serialize)]
pub struct Cue {
    /// The cue as written.
    pub text: String,
    /// Where it is.
    pub span: Span,
}

/// The kinds of words to watch, after Wikipedia's Manual of Style (MOS:WTW).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum WatchCategory {
    /// Praise without attribution (`legendary`, `world-renowned`).
    Puffery,
    /// A contentious label in the article's voice (`X is a cult`).
    Label,
    /// A view without its holder (`some people say`, `research has shown`).
    Weasel,
    /// Doubt in the article's voice (`so-called`, `supposedly`, `alleged`).
    Doubt,
    /// The article's own comment (`of course`, `ironically`, `clearly,`).
    Editorial,
    /// A loaded word for "said" (`admitted`, `revealed`, `claimed that`).
    Said,
    /// A euphemism (`passed away`, `collateral damage`).
    Euphemism,
    /// A cliché (`the lion's share`).
    Cliche,
}

impl WatchCategory {
    /// Every category, in order.
    pub const ALL: [WatchCategory; 8] = [
        WatchCategory::Puffery,
        WatchCategory::Label,
        WatchCategory::Weasel,
        WatchCategory::Doubt,
        WatchCategory::Editorial,
        WatchCategory::Said,
        WatchCategory::Euphemism,
        WatchCategory::Cliche,
    ];

    /// The lower-case name (`puffery`).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            WatchCategory::Puffery => "puffery",
            WatchCategory::Label => "label",
            WatchCategory::Weasel => "weasel",
            WatchCategory::Doubt => "doubt",
            WatchCategory::Editorial => "editorial",
            WatchCategory::Said => "said",
            WatchCategory::Euphemism => "euphemism",
            WatchCategory::Cliche => "cliche",
        }
    }

    /// The category named `s`, if any.
    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// Editorial phrasing found in a sentence.
#[derive(Debug, Clone, Serialize)]
pub struct WordToWatch {
    /// The phrase as written.
    pub text: String,
    /// Where it is.
    pub span: Span,
    /// The guideline that lists it (e.g. `MOS:EDITORIAL`).
    pub source: String,
    /// Why it is editorial.
    pub why: String,
    /// Which kind of word to watch it is.
    pub category: WatchCategory,
}
