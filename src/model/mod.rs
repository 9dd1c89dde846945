//! The typed section model: what `encyclint parse FILE` prints and what the
//! policy schema validates.
//!
//! Plain serde data. Every node carries a [`Span`] into the original file, so a
//! schema error found at any JSON pointer can be mapped back to a line. The
//! parsers build it, the analyses fill in the facts ([`facts`]), and rules
//! only read it. No checks
//! live here, and nothing here imports a layer above it.

use serde::Serialize;

use crate::source::Format;
use crate::span::Span;

pub mod facts;

pub use crate::source::SharedText;
use crate::source::TextBuf;

pub use facts::{
    ArticleFacts, BalanceFacts, Cue, ReferenceFacts, SectionFacts, Stance, Voice, WatchCategory,
    WordToWatch,
};

/// One parsed article.
#[derive(Debug, Clone, Serialize)]
pub struct Article {
    /// The path as given.
    pub path: String,
    /// Input format.
    pub format: Format,
    /// The whole file.
    pub span: Span,
    /// The title line (plain text) or first `#` heading (Markdown); `None` when missing.
    pub title: Option<Title>,
    /// Blocks before the first section heading.
    pub lead: Vec<Block>,
    /// Top-level sections, in order; deeper headings nest in `subsections`.
    pub sections: Vec<Section>,
    /// Facts the analyses computed, for rules and the policy schema.
    pub facts: ArticleFacts,
}

/// The article title.
#[derive(Debug, Clone, Serialize)]
pub struct Title {
    /// The title with wiki chrome removed.
    pub text: String,
    /// The whole title line, markup and chrome included.
    pub span: Span,
    /// Just the title text.
    pub text_span: Span,
    /// Chrome found and removed (`Edit`, `[edit]`, ...).
    pub artifacts: Vec<Artifact>,
}

/// Wiki chrome stuck to a title or heading by a copy from a web page.
#[derive(Debug, Clone, Serialize)]
pub struct Artifact {
    /// The chrome as written, e.g. `Edit`.
    pub text: String,
    /// Where it is.
    pub span: Span,
}

/// A section heading.
#[derive(Debug, Clone, Serialize)]
pub struct Heading {
    /// The heading text, chrome removed.
    pub text: String,
    /// 2 for a plain-text heading line or `##`; deeper for `###` and below.
    pub level: u8,
    /// The whole heading line.
    pub span: Span,
    /// Just the heading text.
    pub text_span: Span,
    /// Chrome found and removed.
    pub artifacts: Vec<Artifact>,
}

/// What a section is for, from its heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// Ordinary content.
    General,
    /// A debate: controversies, criticism, reception, arguments for and against.
    Controversy,
    /// "See also".
    SeeAlso,
    /// References, notes, sources, bibliography, further reading.
    References,
    /// External links.
    ExternalLinks,
}

/// A section: a heading and what follows it up to the next heading of the same
/// or a higher level.
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    /// The heading.
    pub heading: Heading,
    /// What the heading says the section is for.
    pub kind: SectionKind,
    /// From the heading to the end of the last block (subsections included).
    pub span: Span,
    /// Paragraphs and items directly under the heading.
    pub blocks: Vec<Block>,
    /// Deeper sections (Markdown `###` under `##`).
    pub subsections: Vec<Section>,
    /// What the section shows a reader that is not prose, in wikitext:
    /// templates, tables, galleries, reference lists on lines of their own
    /// (a `References` section that holds `{{Reflist}}` is not empty).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub non_prose: Vec<Span>,
    /// Facts about this section alone (subsections excluded).
    pub facts: SectionFacts,
}

/// A block of content.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Block {
    /// Running prose.
    Paragraph(Paragraph),
    /// `Label: body`, or a bullet/list entry (then `label` is `None`). Boxed:
    /// an item is 144 bytes and a paragraph 72, and a block is as large as
    /// its largest kind.
    Item(Box<Item>),
}

impl Block {
    /// The span of the whole block.
    #[must_use]
    pub fn span(&self) -> Span {
        match self {
            Block::Paragraph(p) => p.span,
            Block::Item(i) => i.span,
        }
    }

    /// The sentences of the block (an item's body).
    #[must_use]
    pub fn sentences(&self) -> &[Sentence] {
        match self {
            Block::Paragraph(p) => &p.sentences,
            Block::Item(i) => &i.sentences,
        }
    }

    /// Mutable sentences, for the analyses that annotate them.
    pub fn sentences_mut(&mut self) -> &mut [Sentence] {
        match self {
            Block::Paragraph(p) => &mut p.sentences,
            Block::Item(i) => &mut i.sentences,
        }
    }

    /// The references found in the block.
    #[must_use]
    pub fn refs(&self) -> &[Reference] {
        match self {
            Block::Paragraph(p) => &p.refs,
            Block::Item(i) => &i.refs,
        }
    }

    /// The `See` lists written in the block.
    #[must_use]
    pub fn ref_lists(&self) -> &[ReferenceList] {
        match self {
            Block::Paragraph(p) => &p.ref_lists,
            Block::Item(i) => &i.ref_lists,
        }
    }

    /// Mutable references, for resolution against the title index.
    pub fn refs_mut(&mut self) -> &mut [Reference] {
        match self {
            Block::Paragraph(p) => &mut p.refs,
            Block::Item(i) => &mut i.refs,
        }
    }

    /// Keep only the references `keep` accepts.
    pub fn retain_refs(&mut self, keep: impl FnMut(&Reference) -> bool) {
        let refs = match self {
            Block::Paragraph(p) => &mut p.refs,
            Block::Item(i) => &mut i.refs,
        };
        let mut v = std::mem::take(refs).into_vec();
        v.retain(keep);
        *refs = v.into_boxed_slice();
    }
}

/// Running prose.
#[derive(Debug, Clone, Serialize)]
pub struct Paragraph {
    /// The text with markup removed and whitespace collapsed.
    pub text: SharedText,
    /// The whole paragraph.
    pub span: Span,
    /// Its sentences.
    pub sentences: Box<[Sentence]>,
    /// `See X` references and links in it.
    pub refs: Box<[Reference]>,
    /// The `See` lists written in it, with any problems (R002).
    pub ref_lists: Box<[ReferenceList]>,
}

/// `Label: body`, or a bare bullet or list entry.
#[derive(Debug, Clone, Serialize)]
pub struct Item {
    /// The label before the colon, or `None` for a bare list entry.
    pub label: Option<String>,
    /// Where the label is.
    pub label_span: Option<Span>,
    /// The body after the colon (the whole entry when there is no label).
    pub body: SharedText,
    /// Where the body is.
    pub body_span: Span,
    /// The whole item, bullet included.
    pub span: Span,
    /// The bullet or list marker (`•`, `-`, `*`, `1.`), if any.
    pub bullet: Option<String>,
    /// Sentences of the body.
    pub sentences: Box<[Sentence]>,
    /// `See X` references and links in it.
    pub refs: Box<[Reference]>,
    /// The `See` lists written in it, with any problems (R002).
    pub ref_lists: Box<[ReferenceList]>,
}

/// One sentence, with the sides that speak in it and its words to watch when
/// the analyses find any.
///
/// Most sentences have neither, so both live behind one pointer that is `None`
/// for them: a sentence is 48 bytes, not the 160 it was when every one held
/// two vectors and its last voice's side, actor and cue a second time. That
/// matters on a file of a million short `See X.` sentences. Its JSON is what it
/// always was: `text`, `span`, `stance`, `actor`, `cue` (the last voice's),
/// `voices` and `watch`.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// The sentence text, whitespace collapsed: a range of its block's text.
    pub text: SharedText,
    /// Where it is.
    pub span: Span,
    /// Voices and words to watch; `None` while both are empty.
    heard: Option<Box<Heard>>,
}

/// What the analyses found in a sentence.
#[derive(Debug, Clone, Default)]
struct Heard {
    voices: Vec<Voice>,
    watch: Vec<WordToWatch>,
}

impl Sentence {
    /// A sentence with no voices and no words to watch yet.
    #[must_use]
    pub fn new(text: SharedText, span: Span) -> Self {
        Self {
            text,
            span,
            heard: None,
        }
    }

    /// Every side that speaks in the sentence, in order: `Critics argue ...;
    /// supporters respond ...` has two. The last one is the sentence's side.
    #[must_use]
    pub fn voices(&self) -> &[Voice] {
        self.heard.as_deref().map_or(&[], |h| &h.voices)
    }

    /// Words to watch outside quotations (editorial, weasel and peacock
    /// phrasing, from `data/words-to-watch.tsv`); B005 reports them.
    #[must_use]
    pub fn watch(&self) -> &[WordToWatch] {
        self.heard.as_deref().map_or(&[], |h| &h.watch)
    }

    /// Replace the voices.
    pub fn set_voices(&mut self, voices: Vec<Voice>) {
        if voices.is_empty() && self.heard.is_none() {
            return;
        }
        self.update(|h| h.voices = voices);
    }

    /// Replace the words to watch.
    pub fn set_watch(&mut self, watch: Vec<WordToWatch>) {
        if watch.is_empty() && self.heard.is_none() {
            return;
        }
        self.update(|h| h.watch = watch);
    }

    /// Keep only the voices `keep` accepts.
    pub fn retain_voices(&mut self, keep: impl FnMut(&Voice) -> bool) {
        if self.heard.is_some() {
            self.update(|h| h.voices.retain(keep));
        }
    }

    /// Change what was heard, and drop the box again when it ends up empty.
    fn update(&mut self, f: impl FnOnce(&mut Heard)) {
        let h = self.heard.get_or_insert_with(Box::default);
        f(h);
        if h.voices.is_empty() && h.watch.is_empty() {
            self.heard = None;
        }
    }

    /// `pro` or `con` when an attributed side speaks (the last voice's side).
    #[must_use]
    pub fn stance(&self) -> Option<Stance> {
        self.voices().last().map(|v| v.stance)
    }

    /// Who speaks, as written (`critics`, `proponents`): the last voice's actor.
    #[must_use]
    pub fn actor(&self) -> Option<&str> {
        self.voices().last().and_then(|v| v.actor.as_deref())
    }

    /// The cue that decided the stance: the last voice's.
    #[must_use]
    pub fn cue(&self) -> Option<&Cue> {
        self.voices().last().map(|v| &v.cue)
    }
}

/// The model's JSON of a sentence: the fields in the order they were always
/// written, `stance`, `actor` and `cue` taken from the last voice.
impl Serialize for Sentence {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = serializer.serialize_struct("Sentence", 7)?;
        st.serialize_field("text", &self.text)?;
        st.serialize_field("span", &self.span)?;
        st.serialize_field("stance", &self.stance())?;
        st.serialize_field("actor", &self.actor())?;
        st.serialize_field("cue", &self.cue())?;
        st.serialize_field("voices", self.voices())?;
        st.serialize_field("watch", self.watch())?;
        st.end()
    }
}

/// How a reference was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReferenceKind {
    /// `See X.`
    See,
    /// `See also X.` or an entry of a "See also" section.
    SeeAlso,
    /// `[[X]]` in Markdown.
    Wikilink,
    /// `[text](X.md)` in Markdown, `[[X]]` or `[[X|label]]` in wikitext.
    Link,
    /// A wikitext hatnote template: `{{Main|X}}`, `{{See also|X|Y}}`,
    /// `{{Further|X}}`, `{{Details|X}}`.
    Hatnote,
}

/// A cross-reference to another article.
///
/// 24 bytes: the target, as written, is read through one thin pointer, to
/// the source (the target is then the source's bytes at `span`, as with
/// `See X.`) or to a text of its own, which also holds the canonical title
/// after the target once the reference resolves to one. A million `See Xn.`
/// sentences took 40 bytes a reference and a target of its own each, then
/// 32 with the canonical title behind a pointer of its own.
#[derive(Debug, Clone)]
pub struct Reference {
    /// The source, or the target's own text, then the canonical title (see
    /// `in_source` and `canon_at`).
    text: TextBuf,
    /// Where the target is written.
    pub span: Span,
    /// Where the canonical title starts in `text` (its own text, never the
    /// source); [`NO_CANONICAL`] when it has none.
    canon_at: u32,
    /// How it was written.
    pub kind: ReferenceKind,
    /// `true`/`false` once judged against a title index; `null` when no index was given.
    pub resolved: Option<bool>,
    /// Whether `text` is the source, read at `span`.
    in_source: bool,
}

/// [`Reference::canon_at`] of a reference with no canonical title.
const NO_CANONICAL: u32 = u32::MAX;

impl Reference {
    /// A reference to `target` written at `span`, not yet judged against an index.
    #[must_use]
    pub fn new(target: impl Into<String>, span: Span, kind: ReferenceKind) -> Self {
        Reference {
            text: TextBuf::new(target.into().into_boxed_str()),
            span,
            canon_at: NO_CANONICAL,
            kind,
            resolved: None,
            in_source: false,
        }
    }

    /// [`Self::new`], reading the target from `source` when the source has
    /// it, as it reads, at `span` (`See X.`): no text of its own is made, not
    /// even for a moment (a one-line file of a million `See X.` sentences held
    /// a million own targets at its peak before they were shared).
    #[must_use]
    pub(crate) fn new_in(
        target: &str,
        span: Span,
        kind: ReferenceKind,
        source: Option<&SharedText>,
    ) -> Self {
        match source.and_then(|src| src.whole_at(span.start(), span.end(), target)) {
            Some(text) => Reference {
                text,
                span,
                canon_at: NO_CANONICAL,
                kind,
                resolved: None,
                in_source: true,
            },
            None => Reference::new(target, span, kind),
        }
    }

    /// The article named, as written.
    #[must_use]
    pub fn target(&self) -> &str {
        if self.in_source {
            self.text
                .get(self.span.start()..self.span.end())
                .unwrap_or("")
        } else if self.canon_at == NO_CANONICAL {
            &self.text
        } else {
            self.text.get(..self.canon_at as usize).unwrap_or("")
        }
    }

    /// The canonical title it resolves to, when it resolves.
    #[must_use]
    pub fn canonical(&self) -> Option<&str> {
        if self.in_source || self.canon_at == NO_CANONICAL {
            return None;
        }
        self.text.get(self.canon_at as usize..)
    }

    /// Set or clear the canonical title. A reference read from the source
    /// takes a text of its own to hold it (the target, then the title).
    pub fn set_canonical(&mut self, canonical: Option<&str>) {
        match canonical {
            None if self.canon_at == NO_CANONICAL => {}
            None => {
                let target = self.target().to_string();
                self.text = TextBuf::new(target.into_boxed_str());
                self.canon_at = NO_CANONICAL;
            }
            Some(c) => {
                let target = self.target();
                // A target is a part of a file the gate admits (under 4 GiB);
                // past that, it keeps no canonical title rather than panic.
                let Ok(at) = u32::try_from(target.len()) else {
                    return;
                };
                if at == NO_CANONICAL {
                    return;
                }
                let mut both = String::with_capacity(target.len() + c.len());
                both.push_str(target);
                both.push_str(c);
                self.text = TextBuf::new(both.into_boxed_str());
                self.canon_at = at;
                self.in_source = false;
            }
        }
    }

    /// Read the target from `source` when the source has it, as it reads,
    /// where the reference is written (`See X.`): no text of its own.
    pub(crate) fn share_source(&mut self, source: &SharedText) {
        if self.in_source || self.canon_at != NO_CANONICAL {
            return;
        }
        let (s, e) = (self.span.start(), self.span.end());
        if let Some(buf) = source.whole_at(s, e, &self.text) {
            self.text = buf;
            self.in_source = true;
        }
    }
}

/// The model's JSON of a reference: `target`, `span`, `kind`, `resolved`,
/// `canonical`, as always.
impl Serialize for Reference {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = serializer.serialize_struct("Reference", 5)?;
        st.serialize_field("target", self.target())?;
        st.serialize_field("span", &self.span)?;
        st.serialize_field("kind", &self.kind)?;
        st.serialize_field("resolved", &self.resolved)?;
        st.serialize_field("canonical", &self.canonical())?;
        st.end()
    }
}

/// One written `See` list (`See X, Y, and Z.`), for R002.
#[derive(Debug, Clone, Serialize)]
pub struct ReferenceList {
    /// The whole sentence, `See` included.
    pub span: Span,
    /// What is wrong with it; empty when it is well formed.
    pub problems: ListProblems,
}

/// The problems of one `See` list: a slice to read, a JSON array to write.
///
/// One thin pointer that is null when the list is well formed (nearly
/// always), so a list is 16 bytes, not the 24 a `Box<[ListProblem]>` takes.
#[derive(Debug, Clone, Default)]
#[allow(clippy::box_collection)] // the box is the point: one thin pointer, usually null
pub struct ListProblems(Option<Box<Vec<ListProblem>>>);

impl From<Vec<ListProblem>> for ListProblems {
    fn from(v: Vec<ListProblem>) -> Self {
        if v.is_empty() {
            ListProblems(None)
        } else {
            ListProblems(Some(Box::new(v)))
        }
    }
}

impl std::ops::Deref for ListProblems {
    type Target = [ListProblem];
    fn deref(&self) -> &[ListProblem] {
        self.0.as_deref().map_or(&[], Vec::as_slice)
    }
}

impl<'a> IntoIterator for &'a ListProblems {
    type Item = &'a ListProblem;
    type IntoIter = std::slice::Iter<'a, ListProblem>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl Serialize for ListProblems {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

/// Something wrong with a `See` list.
#[derive(Debug, Clone, Serialize)]
pub struct ListProblem {
    /// What.
    pub kind: ListProblemKind,
    /// Where: the list, or the stray separator.
    pub span: Span,
}

/// Kinds of [`ListProblem`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ListProblemKind {
    /// `See .`: no target at all.
    Empty,
    /// `See , and X`, `See X,, Y`: an entry with nothing in it.
    EmptyEntry,
    /// `See X, Y,.`, `See X and.`: a separator with nothing after it.
    DanglingSeparator,
}

impl Article {
    /// All sections, depth first, with their nesting depth (0 = top level).
    #[must_use]
    pub fn sections_flat(&self) -> Vec<&Section> {
        let mut out = Vec::new();
        let mut stack: Vec<&Section> = self.sections.iter().rev().collect();
        while let Some(s) = stack.pop() {
            out.push(s);
            stack.extend(s.subsections.iter().rev());
        }
        out
    }

    /// Every block of the article in source order: lead first, then sections depth first.
    #[must_use]
    pub fn blocks(&self) -> Vec<&Block> {
        let mut out: Vec<&Block> = self.lead.iter().collect();
        for s in self.sections_flat() {
            out.extend(s.blocks.iter());
        }
        out
    }

    /// Apply `f` to every block mutably (lead, then sections depth first).
    pub fn for_each_block_mut(&mut self, mut f: impl FnMut(&mut Block)) {
        self.for_each_block_in_section_mut(|b, _| f(b));
    }

    /// [`Self::for_each_block_mut`], telling `f` whether the block is the
    /// first of the lead or of its section (a heading stands before it).
    pub fn for_each_block_in_section_mut(&mut self, mut f: impl FnMut(&mut Block, bool)) {
        for (n, b) in self.lead.iter_mut().enumerate() {
            f(b, n == 0);
        }
        let mut stack: Vec<&mut Section> = self.sections.iter_mut().rev().collect();
        while let Some(s) = stack.pop() {
            for (n, b) in s.blocks.iter_mut().enumerate() {
                f(b, n == 0);
            }
            stack.extend(s.subsections.iter_mut().rev());
        }
    }

    /// Every reference in source order.
    #[must_use]
    pub fn references(&self) -> Vec<&Reference> {
        self.iter_references().collect()
    }

    /// Every reference in source order, without collecting them (an article
    /// can hold a million).
    pub fn iter_references(&self) -> impl Iterator<Item = &Reference> {
        self.blocks().into_iter().flat_map(Block::refs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reference_reads_its_target_from_the_source_or_its_own_text() {
        assert_eq!(size_of::<Reference>(), 24);
        // A block's vectors are boxed slices (a pointer and a length each).
        assert_eq!(size_of::<Paragraph>(), 72);
        assert_eq!(size_of::<Block>(), 72);
        let src = SharedText::from("See Alpha. See Beta.".to_string());
        let mut r = Reference::new("Alpha", Span::new(4, 9), ReferenceKind::See);
        r.share_source(&src);
        assert!(r.in_source);
        assert_eq!(r.target(), "Alpha");
        // The source has other bytes there: the reference keeps its own text.
        let mut other = Reference::new("Gamma", Span::new(15, 20), ReferenceKind::See);
        other.share_source(&src);
        assert!(!other.in_source);
        assert_eq!(other.target(), "Gamma");
        // A part of a source is not a source: offsets would not be the span's.
        let (part, _) = src.share("See Beta.", 0);
        let mut beta = Reference::new("Beta", Span::new(15, 19), ReferenceKind::See);
        beta.share_source(&part);
        assert!(!beta.in_source);
        assert_eq!(
            serde_json::to_value(&r).unwrap(),
            serde_json::json!({"target": "Alpha", "span": Span::new(4, 9),
                "kind": "see", "resolved": null, "canonical": null})
        );
        // A canonical title: the reference takes a text of its own for it,
        // and reads the same target.
        r.resolved = Some(true);
        r.set_canonical(Some("Alpha (letter)"));
        assert!(!r.in_source);
        assert_eq!(
            (r.target(), r.canonical()),
            ("Alpha", Some("Alpha (letter)"))
        );
        assert_eq!(
            serde_json::to_value(&r).unwrap()["canonical"],
            serde_json::json!("Alpha (letter)")
        );
        // Sharing the source again keeps the title; clearing it keeps the target.
        r.share_source(&src);
        assert_eq!(r.canonical(), Some("Alpha (letter)"));
        r.set_canonical(None);
        assert_eq!((r.target(), r.canonical()), ("Alpha", None));
        // An own target with an empty canonical title is still a title.
        other.set_canonical(Some(""));
        assert_eq!((other.target(), other.canonical()), ("Gamma", Some("")));
    }

    fn voice(stance: Stance, actor: &str, weak: bool) -> Voice {
        Voice {
            stance,
            actor: Some(actor.to_string()),
            cue: Cue {
                text: actor.to_string(),
                span: Span::new(0, actor.len()),
            },
            words: 3,
            weak,
        }
    }

    #[test]
    fn a_sentence_holds_nothing_until_something_is_heard_and_reads_its_last_voice() {
        let mut s = Sentence::new(SharedText::from("Critics argue."), Span::new(0, 14));
        s.set_watch(Vec::new());
        s.set_voices(Vec::new());
        assert!(s.heard.is_none(), "no box for nothing heard");
        assert_eq!(
            (s.stance(), s.actor(), s.cue().is_none()),
            (None, None, true)
        );
        s.set_voices(vec![
            voice(Stance::Con, "Critics", false),
            voice(Stance::Pro, "Supporters", true),
        ]);
        assert_eq!(
            (s.stance(), s.actor()),
            (Some(Stance::Pro), Some("Supporters"))
        );
        s.retain_voices(|v| !v.weak);
        assert_eq!(
            (s.stance(), s.actor()),
            (Some(Stance::Con), Some("Critics"))
        );
        s.retain_voices(|_| false);
        assert!(s.heard.is_none(), "the box goes when it is empty again");
        let json = serde_json::to_value(&s).unwrap();
        let keys: Vec<&str> = json
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys,
            ["actor", "cue", "span", "stance", "text", "voices", "watch"],
            "the sentence's JSON keeps every field"
        );
    }
}
