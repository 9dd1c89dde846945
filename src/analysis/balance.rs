//! Pro/con balance: which side each sentence speaks for, and per-section and
//! per-article tallies that rules and the policy schema read.
//!
//! Each sentence gets its *voices* ([`super::stance`] finds them): a sentence
//! usually has none or one, and may have two (`critics argue ...; supporters
//! respond ...`). The sentence's `stance`, `actor` and `cue` are those of its
//! last voice, the side that has the last word in it.
//!
//! Per block (a paragraph or an item) the voices, in order, make its debate:
//! a block where both sides speak is an *exchange*, and the side of its last
//! voice has the *last word*. A section's facts add up its own blocks
//! (subsections excluded); the article's add up every block, lead included.
//!
//! A section is a controversy section when its heading says so (see
//! [`crate::parse::section_kind`], plus `balance.controversy_headings` from the
//! settings), or when its blocks are mostly exchanges (at least two, and more
//! than half of its blocks), as in a "Reception" section of for-and-against items.

use super::stance;
use crate::model::{
    Article, BalanceFacts, Block, Cue, Section, SectionKind, Stance, Voice, WordToWatch,
};
use crate::settings::Settings;
use crate::span::Span;

/// The voices of a block, in order, each with its sentence index.
#[must_use]
pub fn block_voices(b: &Block) -> Vec<(usize, &Voice)> {
    b.sentences()
        .iter()
        .enumerate()
        .flat_map(|(i, s)| s.voices().iter().map(move |v| (i, v)))
        .collect()
}

/// Voices read from what is reported or from the flow of the text count only
/// in debates: elsewhere they are removed (and each sentence's side with them).
fn drop_weak_voices(b: &mut Block) {
    for s in b.sentences_mut() {
        if s.voices().iter().any(|v| v.weak) {
            s.retain_voices(|v| !v.weak);
        }
    }
}

/// The tally of one block.
#[must_use]
pub fn block_facts(b: &Block) -> BalanceFacts {
    block_facts_where(b, |_| true)
}

/// The tally of one block, counting only the voices `keep` accepts.
pub fn block_facts_where(b: &Block, keep: impl Fn(&Voice) -> bool) -> BalanceFacts {
    let mut f = BalanceFacts::default();
    for s in b.sentences() {
        let voices: Vec<&Voice> = s.voices().iter().filter(|v| keep(v)).collect();
        if voices.is_empty() {
            continue;
        }
        f.attributed_sentences += 1;
        for side in [Stance::Pro, Stance::Con] {
            if !voices.iter().any(|v| v.stance == side) {
                continue;
            }
            let words: usize = voices
                .iter()
                .filter(|v| v.stance == side)
                .map(|v| v.words)
                .sum();
            match side {
                Stance::Pro => {
                    f.pro_sentences += 1;
                    f.pro_words += words;
                }
                Stance::Con => {
                    f.con_sentences += 1;
                    f.con_words += words;
                }
            }
        }
    }
    let voices: Vec<&Voice> = block_voices(b)
        .into_iter()
        .map(|(_, v)| v)
        .filter(|v| keep(v))
        .collect();
    let has = |s: Stance| voices.iter().any(|v| v.stance == s);
    if has(Stance::Pro) && has(Stance::Con) {
        f.exchanges = 1;
        match voices.last().map(|v| v.stance) {
            Some(Stance::Pro) => f.last_word_pro = 1,
            Some(Stance::Con) => f.last_word_con = 1,
            None => {}
        }
    } else if !voices.is_empty() {
        f.one_sided_blocks = 1;
    }
    f
}

/// Whether a heading names a controversy by one of the configured extra cues.
fn extra_heading_cue(heading: &str, extra: &[String]) -> bool {
    let h = heading.to_lowercase();
    let hw: Vec<&str> = h
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    extra.iter().any(|cue| {
        let cw: Vec<String> = cue
            .to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(String::from)
            .collect();
        !cw.is_empty()
            && hw
                .windows(cw.len())
                .any(|win| win.iter().zip(&cw).all(|(a, b)| *a == b))
    })
}

fn section_balance(s: &mut Section, settings: &Settings) {
    if s.kind == SectionKind::General
        && extra_heading_cue(&s.heading.text, &settings.balance.controversy_headings)
    {
        s.kind = SectionKind::Controversy;
    }
    // Whether the section is a debate is decided on the voices read from
    // predicates and named sides alone.
    let mut strong = BalanceFacts::default();
    for b in &s.blocks {
        strong.add(&block_facts_where(b, |v| !v.weak));
    }
    let sentences: usize = s.blocks.iter().map(|b| b.sentences().len()).sum();
    let mostly_exchanges = strong.exchanges >= 2 && strong.exchanges * 2 > s.blocks.len();
    // Criticism that its heading does not announce: three or more sentences
    // where a side speaks, at least one of them against, a third of the section.
    let criticised = strong.attributed_sentences >= 3
        && strong.con_sentences >= 1
        && strong.attributed_sentences * 3 >= sentences;
    let controversy = s.kind == SectionKind::Controversy || mostly_exchanges || criticised;
    // A section that appraises its subject (`Legacy`, `Assessment`,
    // `Reputation`) is read like a reception: what is reported there is a
    // judgement. It is no debate for the balance rules.
    if !controversy && !appraisal_heading(&s.heading.text) {
        for b in &mut s.blocks {
            drop_weak_voices(b);
        }
    }
    let mut f = BalanceFacts::default();
    for b in &s.blocks {
        f.add(&block_facts(b));
    }
    f.controversy = controversy;
    s.facts.balance = f;
    for sub in &mut s.subsections {
        section_balance(sub, settings);
    }
}

/// Words of a heading for a section that appraises its subject: its legacy,
/// its reputation, assessments of it.
const APPRAISAL_HEADING_WORDS: &[&str] = &[
    "legacy",
    "assessment",
    "assessments",
    "appraisal",
    "appraisals",
    "evaluation",
    "evaluations",
    "reputation",
    "historiography",
];

/// Whether a heading names an appraisal of the subject (`Legacy`,
/// `Historical assessment`, `Reputation and legacy`).
fn appraisal_heading(heading: &str) -> bool {
    heading.split(|c: char| !c.is_alphanumeric()).any(|w| {
        APPRAISAL_HEADING_WORDS
            .iter()
            .any(|a| a.eq_ignore_ascii_case(w))
    })
}

/// Verbs of speech that, with a comma, end a paragraph introducing a block
/// quotation (`Veteran film reviewer Roger Ebert wrote,`).
const SPEECH_VERBS: &str = "wrote writes said says stated states declared declares remarked \
    observed commented added explained recalled concluded argued noted replied answered reads read \
    announced insisted asserted warned";

/// Whether a paragraph introduces the quotation set after it: it ends in `:`
/// or in a verb of speech and a comma (`Heisenberg says,`). Only the last
/// word: `, he said, and left.` ends in a full stop.
fn introduces_quotation(text: &str) -> bool {
    let t = text.trim_end();
    if t.ends_with(':') {
        return true;
    }
    let Some(t) = t.strip_suffix(',') else {
        return false;
    };
    let last = t.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    SPEECH_VERBS
        .split_whitespace()
        .any(|v| v.eq_ignore_ascii_case(last))
}

/// Whether a paragraph is signed at its end, as a quotation set apart is
/// (`... even though they had developed all the methods required.—Anil
/// Nerode, Cornell University`): after a sentence's end, a dash and a
/// capitalised name with no sentence of its own. Not a dash inside a sentence
/// (`the Euler–MacLaurin formula`) nor a closing clause (`... in 1990 — the
/// last year of the war.`).
/// The most bytes of a signature after its dash, with the dash and spaces.
const SIGNATURE_BYTES: usize = 160;

fn signed_at_end(text: &str) -> bool {
    let t = text.trim_end();
    // A signature is short: its dash is sought in the last bytes only, not
    // through the whole paragraph.
    // Both dashes are three bytes in UTF-8: E2 80 94 and E2 80 93.
    let bytes = t.as_bytes();
    let from = bytes.len().saturating_sub(SIGNATURE_BYTES);
    let mut end = bytes.len();
    let dash = loop {
        let Some(k) = memchr::memrchr(0xE2, &bytes[from..end]).map(|k| from + k) else {
            return false;
        };
        if bytes.get(k + 1) == Some(&0x80) && matches!(bytes.get(k + 2), Some(0x93 | 0x94)) {
            break k;
        }
        end = k;
    };
    let body = t[..dash].trim_end();
    let sign = t[dash + 3..].trim_start();
    body.ends_with(['.', '!', '?', '"', '”', '…'])
        && sign.starts_with(|c: char| c.is_uppercase())
        && sign.len() <= 120
        && !sign.ends_with(['.', '!', '?'])
        && sign.split_whitespace().count() <= 12
}

/// The most tokens of a sentence read at once. The longest of the 146,806
/// sentences in a third of the benchmark articles has 314 (words and
/// punctuation); past this a sentence is not prose.
const PROSE_TOKENS: usize = 1_000;

/// The most bytes of a sentence whose tokens are held at once (see
/// [`crate::text::token_chunks`]); prose sentences are a few hundred bytes,
/// and the tokens of one of 50 MB took ten times its size.
const GIANT_SENTENCE: usize = 64 * 1024;

/// Find the voices of every sentence and fill the balance facts of every
/// section and of the article. `text` is the source the spans point into.
pub fn analyse(article: &mut Article, text: &str, settings: &Settings) {
    let lead = article
        .lead
        .first()
        .and_then(|b| b.sentences().first())
        .map_or("", |s| s.text.as_str());
    let subject = stance::Subject::of_title(article.title.as_ref().map_or("", |t| t.text.as_str()))
        .with_makers(lead);
    // A paragraph right after one that ends in `:` (`He told the crowd:`) or
    // in a speech verb and a comma (`Roger Ebert wrote,`) is most often a
    // block quotation whose marks a conversion lost; not across a heading
    // (`... by use of his Theorem XXX:` then `## Later developments`). A
    // paragraph signed at its end (`... the methods required.—Anil Nerode`)
    // is one too.
    let mut after_intro = false;
    article.for_each_block_in_section_mut(|b, first_in_section| {
        let block_quote = matches!(&*b, Block::Paragraph(p)
            if (after_intro && !first_in_section) || signed_at_end(&p.text));
        after_intro = introduces_quotation(match &*b {
            Block::Paragraph(p) => &p.text,
            Block::Item(i) => &i.body,
        });
        let mut prev = None;
        // Whether the side in `prev` was itself read from reported words.
        let mut prev_reported = false;
        // Who spoke last in this block: `he`, `she`, `they` and a quotation
        // that runs on into the next sentence are theirs.
        let mut last_actor: Option<String> = None;
        // Quotation marks are tracked across the block: a quotation may span sentences.
        let mut quoted = false;
        let mut at = b.span().clamp_to(text).start();
        // One tokenisation serves both the voices and the words to watch; the
        // words to watch also look at the sentences on either side. Only those
        // three are held (`window`: before, this one, after), not the whole
        // block's: a block of a million sentences held them all at once.
        let spans: Vec<Span> = b.sentences().iter().map(|s| s.span).collect();
        // A "sentence" of more than `GIANT_SENTENCE` bytes is no prose: only
        // its first window of tokens is held (its voices and its neighbours'
        // context read no further), and its words to watch are found window
        // by window as it is tokenised (`token_chunks`).
        let tokens_of = |n: usize| {
            spans.get(n).map(|sp| {
                let s = sp.clamp_to(text).slice(text);
                let mut toks = if s.len() > GIANT_SENTENCE {
                    crate::text::token_chunks(s, PROSE_TOKENS)
                        .next()
                        .unwrap_or_default()
                } else {
                    crate::text::tokenize(s)
                };
                // Each word looked up once for the stance passes.
                stance::tag_tokens(&mut toks);
                toks
            })
        };
        let mut window: [Option<Vec<crate::text::Tok>>; 3] = [None, None, tokens_of(0)];
        for (n, s) in b.sentences_mut().iter_mut().enumerate() {
            window.rotate_left(1);
            window[2] = tokens_of(n + 1);
            let this = window[1].as_deref().unwrap_or_default();
            let base = s.span.clamp_to(text);
            let slice = base.slice(text);
            if base.start() >= at {
                quoted = crate::text::opens_quote(&text[at..base.start()], quoted);
            }
            // A "sentence" longer than prose ever is (a file of words with no
            // full stop) is read in windows: the rules look back and ahead
            // within a sentence, which on one of millions of words was
            // quadratic. Its words to watch are found window by window, its
            // voices in its first window only.
            let toks = &this[..this.len().min(PROSE_TOKENS)];
            let around = stance::Around {
                before: window[0].as_deref(),
                after: window[2].as_deref(),
            };
            // A block quotation is quoted words throughout: the quotation
            // marks inside it are the quoted text's own, so they do not
            // toggle it (`... four "principles" which it is argued ...`).
            let hits: Vec<stance::EditorialHit> = if block_quote {
                Vec::new()
            } else if slice.len() > GIANT_SENTENCE {
                crate::text::token_chunks(slice, PROSE_TOKENS)
                    .flat_map(|w| {
                        stance::editorial_hits_around(&w, around, quoted, &settings.watch)
                    })
                    .collect()
            } else {
                this.chunks(PROSE_TOKENS)
                    .flat_map(|w| stance::editorial_hits_around(w, around, quoted, &settings.watch))
                    .collect()
            };
            s.set_watch(
                hits.into_iter()
                    .map(|h| {
                        let span = Span::new(base.start() + h.start, base.start() + h.end);
                        WordToWatch {
                            text: collapse(span.slice(text)),
                            span,
                            source: h.source,
                            why: h.why,
                            category: h.category,
                        }
                    })
                    .collect(),
            );
            let started_quoted = quoted;
            quoted = crate::text::opens_quote(slice, quoted);
            at = at.max(base.end());
            let mut raw = stance::voices_with(toks, prev, Some((slice, &subject)));
            // A quotation begun by the last speaker, or `He added ...`, goes on
            // in their voice: its side is what its words say.
            let opens_with_pronoun = toks
                .first()
                .is_some_and(|t| matches!(t.lower.as_str(), "he" | "she" | "they"));
            // A quotation is someone's speech even where its speaker took no
            // side yet (`Qin Gang claimed, "..."`, a block quotation after
            // `Canby wrote:`): its side is what its own words say. (Carrying the
            // side of one sentence of a quotation to the next, without words of
            // its own, was tried and read asides as sides: `But of course!`.)
            // A sentence that is all one quotation, after a speaker in the
            // block, is theirs too.
            let in_quote =
                started_quoted || block_quote || (last_actor.is_some() && whole_quotation(toks));
            // `Ayn Rand, a vocal opponent of collectivism, argued ... She argued
            // that "... no tyrant ever rose to power except on the claim of the
            // common good."`: the same speaker again, with a reporting verb that
            // takes no side, keeps the side just read; the words reported
            // (`the common good`, a negated `tyrant`) are weaker evidence than
            // who says them. A contrast marker or a verb with a side of its own
            // (`She praised ...`) still turns it, and a side that was itself
            // read from reported words is not carried (`X argued that ... He
            // also argued that ... is an "absurdity"`).
            if opens_with_pronoun
                && !prev_reported
                && let Some(side) = prev
                && let [only] = raw.as_mut_slice()
                && only.stance != side
                && only.actor.is_some_and(|(a, _)| a == toks[0].start)
                && reports_neutrally(&slice[only.cue.0..only.cue.1])
                && contrast_marker(toks).is_none()
            {
                only.stance = side;
            }
            let continued = if raw.is_empty()
                && (in_quote || (opens_with_pronoun && last_actor.is_some() && prev.is_some()))
            {
                stance::predicates::continued_voice(toks)
            } else {
                None
            };
            if let (Some(st), Some(first), Some(last)) =
                (continued, toks.first(), toks.iter().rev().find(|t| t.word))
            {
                let end = if opens_with_pronoun {
                    first.end
                } else {
                    last.end
                };
                raw.push(stance::RawVoice {
                    stance: st,
                    actor: None,
                    cue: (first.start, end),
                    words: crate::text::words_in(toks),
                    weak: true,
                });
            }
            // `However, X ...`, `X found, however, ...`: a sentence that
            // answers the voice before it without a side of its own words.
            if raw.is_empty()
                && let Some(before) = prev
                && let Some(marker) = contrast_marker(toks)
            {
                raw.push(stance::RawVoice {
                    stance: before.other(),
                    actor: None,
                    cue: marker,
                    words: crate::text::words_in(toks),
                    weak: true,
                });
            }
            s.set_voices(
                raw.into_iter()
                    .map(|v| {
                        let cue_span = Span::new(base.start() + v.cue.0, base.start() + v.cue.1);
                        let actor = match v.actor.map(|(a, e)| slice[a..e].to_string()) {
                            Some(a) if stance::predicates::is_pronoun(&a) => {
                                last_actor.clone().or(Some(a))
                            }
                            Some(a) => Some(a),
                            None if in_quote || opens_with_pronoun => last_actor.clone(),
                            None => None,
                        };
                        Voice {
                            stance: v.stance,
                            actor,
                            cue: Cue {
                                text: collapse(&slice[v.cue.0..v.cue.1]),
                                span: cue_span,
                            },
                            words: v.words,
                            weak: v.weak,
                        }
                    })
                    .collect(),
            );
            if let Some(a) = s.voices().iter().rev().find_map(|v| v.actor.clone()) {
                last_actor = Some(a);
            }

            if let Some(last) = s.voices().last() {
                prev = Some(last.stance);
                prev_reported = reports_neutrally(&last.cue.text);
            }
        }
        retractions(b, text, &subject);
    });
    for b in &mut article.lead {
        drop_weak_voices(b);
    }
    for s in &mut article.sections {
        section_balance(s, settings);
    }
    let mut f = BalanceFacts::default();
    for b in article.blocks() {
        f.add(&block_facts(b));
    }
    f.controversy = article
        .sections_flat()
        .iter()
        .any(|s| s.facts.balance.controversy);
    article.facts.balance = f;
}

/// `The novelist Joanna Reid ... described it as "a cathedral of reading".
/// In 2018 she withdrew her support, ...`: a change of side by `he`, `she` or
/// `they` says which side its speaker took in the sentence before, when that
/// sentence reports a named speaker's words and no side was read in them.
fn retractions(b: &mut Block, text: &str, subject: &stance::Subject) {
    let sentences = b.sentences_mut();
    for n in 1..sentences.len() {
        let Some(v) = sentences[n].voices().first() else {
            continue;
        };
        let cue: Vec<String> = v
            .cue
            .text
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        let pronoun = v.actor.as_deref().is_some_and(|a| {
            a.split_whitespace()
                .last()
                .is_some_and(|w| matches!(w.to_lowercase().as_str(), "he" | "she" | "they"))
        });
        let retracts = cue.iter().any(|w| {
            matches!(
                w.as_str(),
                "withdrew" | "withdrawn" | "withdraws" | "withdrawing" | "dropped"
            )
        });
        if !pronoun || !retracts || !sentences[n - 1].voices().is_empty() {
            continue;
        }
        let before = v.stance.other();
        let prev = &mut sentences[n - 1];
        // Tokenised again here: this is rare, and the block's tokens are not kept.
        let prev_toks = crate::text::tokenize(prev.span.clamp_to(text).slice(text));
        let Some((actor, cue)) = stance::predicates::reporter(&prev_toks, subject) else {
            continue;
        };
        let base = prev.span.clamp_to(text);
        let slice = base.slice(text);
        let voice = Voice {
            stance: before,
            actor: Some(slice[actor.0..actor.1].to_string()),
            cue: Cue {
                text: collapse(&slice[cue.0..cue.1]),
                span: Span::new(base.start() + cue.0, base.start() + cue.1),
            },
            words: crate::text::words_in(&prev_toks),
            weak: true,
        };
        // The sentence had no voice (checked above): this is its only one.
        prev.set_voices(vec![voice]);
    }
}

/// Whether a sentence is all one quotation (`"These banks can undermine
/// ... communities."`): it opens with a quotation mark that does not close
/// before its last words. A quoted title that opens it (`"Doom" was ...`)
/// is not.
fn whole_quotation(toks: &[crate::text::Tok]) -> bool {
    let quote = |t: &crate::text::Tok| !t.word && matches!(t.lower.as_str(), "\"" | "“" | "”");
    toks.first().is_some_and(quote)
        && toks[1..]
            .iter()
            .position(quote)
            .is_none_or(|k| k + 1 + 3 >= toks.len())
}

/// Whether a cue ends in a verb that reports without taking a side (`She
/// argued`, `He further claimed`, `They wrote`).
fn reports_neutrally(cue: &str) -> bool {
    cue.split_whitespace().last().is_some_and(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "argued"
                | "argues"
                | "claimed"
                | "claims"
                | "said"
                | "says"
                | "wrote"
                | "writes"
                | "stated"
                | "states"
                | "noted"
                | "notes"
                | "added"
                | "adds"
                | "contended"
                | "contends"
                | "maintained"
                | "maintains"
                | "asserted"
                | "asserts"
                | "insisted"
                | "insists"
                | "observed"
                | "observes"
                | "explained"
                | "explains"
                | "suggested"
                | "suggests"
                | "believed"
                | "believes"
                | "thought"
                | "thinks"
        )
    })
}

/// Words that turn a sentence against the one before it.
const CONTRAST: &[&[&str]] = &[
    &["however"],
    &["nevertheless"],
    &["nonetheless"],
    &["by", "contrast"],
    &["in", "contrast"],
    &["on", "the", "other", "hand"],
    &["in", "response"],
    &["conversely"],
];

/// Where a contrast marker is among the first words of a sentence (`However,
/// ...`, `X found, however, ...`), as a byte range.
fn contrast_marker(toks: &[crate::text::Tok]) -> Option<(usize, usize)> {
    let words: Vec<&crate::text::Tok> = toks.iter().filter(|t| t.word).take(14).collect();
    for i in 0..words.len() {
        for m in CONTRAST {
            if words.len() >= i + m.len()
                && words[i..i + m.len()]
                    .iter()
                    .zip(*m)
                    .all(|(t, w)| t.lower == *w)
            {
                return Some((words[i].start, words[i + m.len() - 1].end));
            }
        }
    }
    None
}

/// The cue as a reader sees it: white space collapsed, Markdown emphasis removed.
fn collapse(s: &str) -> String {
    s.replace(['*', '_', '`'], "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use crate::model::Article;
    use crate::settings::Settings;
    use crate::source::{Format, SourceFile};

    use crate::model::Stance;

    /// The side each sentence of a block is read with.
    fn stances(b: &crate::model::Block) -> Vec<Option<Stance>> {
        b.sentences().iter().map(|x| x.stance()).collect()
    }

    fn parse(fmt: Format, text: &str, settings: &Settings) -> Article {
        let src = SourceFile::new(
            if fmt == Format::Text { "a.txt" } else { "a.md" },
            text,
            fmt,
        );
        crate::analysis::article(&src, None, settings)
    }

    #[test]
    fn a_sentence_longer_than_prose_is_read_in_windows() {
        // 1,500 words with no full stop (3,000 tokens with the commas): the
        // unattributed `critics argue` of the third window is found as well as
        // that of the first, and a side is read in the first window only.
        let mut words: Vec<String> = (0..1_500).map(|i| format!("item{i},")).collect();
        words[0] = "Critics argue that the plan failed,".to_string();
        words[1_450] = "critics argue that the plan failed,".to_string();
        let md = format!("# Plan\n\n{} end.\n", words.join(" "));
        let a = parse(Format::Markdown, &md, &Settings::default());
        let s = &a.lead[0].sentences()[0];
        let watch = watch_of(s);
        assert_eq!(watch, ["Critics argue", "critics argue"]);
        let sides: Vec<Stance> = s.voices().iter().map(|v| v.stance).collect();
        assert_eq!(sides, [Stance::Con]);
    }

    const SEED_PART: &str = "Alliances\nAlliances are treaties.\nControversies\nEntanglement: Critics fear that commitments constrain. Proponents counter that alliances reduce risk.\nFree riders: The concern is that some allies free-ride. The response is that budgets are transparent.\nExports: Critics argue that controls hamper sales. Defenders maintain that controls are essential.\nValues: There is debate over values. Proponents emphasize that norms are shared.\n";

    #[test]
    fn exchanges_and_last_words() {
        let a = parse(Format::Text, SEED_PART, &Settings::default());
        let s = &a.sections[0];
        let f = &s.facts.balance;
        assert!(f.controversy);
        assert_eq!((f.exchanges, f.last_word_pro, f.last_word_con), (3, 3, 0));
        assert_eq!(
            (f.pro_sentences, f.con_sentences, f.attributed_sentences),
            (4, 3, 7)
        );
        assert_eq!(f.one_sided_blocks, 1);
        assert!(f.pro_words > f.con_words);
        let read = stances(&s.blocks[1]);
        assert_eq!(read, vec![Some(Stance::Con), Some(Stance::Pro)]);
        assert_eq!(a.facts.balance.exchanges, 3);
        assert!(a.facts.balance.controversy);
    }

    #[test]
    fn the_same_speaker_with_a_neutral_verb_keeps_the_side_just_read() {
        let md = "# Protectionism\n\nLead.\n\n## Criticism\n\nThe economist Mara Voss, a persistent opponent of protectionism, argued that it raised prices. She argued that \"no tyrant ever rose to power except by promising the common good.\"\n\n## Reception\n\nThe reviewer Tom Hale criticized the policy. He praised its intentions.\n";
        let a = parse(Format::Markdown, md, &Settings::default());
        let kept = stances(&a.sections[0].blocks[0]);
        assert_eq!(kept, vec![Some(Stance::Con), Some(Stance::Con)]);
        // A verb with a side of its own still turns it.
        let turned = stances(&a.sections[1].blocks[0]);
        assert_eq!(turned, vec![Some(Stance::Con), Some(Stance::Pro)]);
        // A side read from reported words is not carried: each reported
        // sentence is read by its own words.
        let md = "# Plan\n\nLead.\n\n## Criticism\n\nThe historian Ann Bell argued that the plan was a failure. She argued that its aims were a success.\n";
        let a = parse(Format::Markdown, md, &Settings::default());
        let own = stances(&a.sections[0].blocks[0]);
        assert_eq!(own, vec![Some(Stance::Con), Some(Stance::Pro)]);
    }

    #[test]
    fn a_change_of_side_says_the_side_taken_before() {
        let md = "# Parkview Library\n\nLead.\n\n## Reception\n\nThe library was praised by the jury. The council was critical of it.\n\nThe novelist Joanna Reid described it as \"a cathedral of reading\". In 2018 she withdrew her support.\n\nThe novelist Joanna Reid described it as \"a cathedral of reading\". In 2018 the council withdrew its support.\n";
        let a = parse(Format::Markdown, md, &Settings::default());
        let s = &a.sections[0];
        assert_eq!(
            stances(&s.blocks[1]),
            vec![Some(Stance::Pro), Some(Stance::Con)]
        );
        assert_eq!(
            s.blocks[1].sentences()[0].actor(),
            Some("The novelist Joanna Reid")
        );
        // Someone else withdrawing says nothing of the novelist.
        assert_eq!(stances(&s.blocks[2]), vec![None, Some(Stance::Con)]);
    }

    #[test]
    fn cue_spans_point_into_the_source() {
        let a = parse(Format::Text, SEED_PART, &Settings::default());
        for b in a.blocks() {
            for s in b.sentences() {
                for v in s.voices() {
                    let got = v.cue.span.slice(SEED_PART);
                    assert_eq!(got, v.cue.text);
                }
            }
        }
        let md = "# T\n\nLead.\n\n## Views\n\n- **Cost**: *Critics* argue that it is dear.\n  Supporters respond that it pays.\n";
        let a = parse(Format::Markdown, md, &Settings::default());
        let b = &a.sections[0].blocks[0];
        let v = &b.sentences()[0].voices()[0];
        assert_eq!(v.cue.span.slice(md), "Critics* argue");
        assert_eq!(v.cue.text, "Critics argue");
        assert_eq!(b.sentences()[1].stance(), Some(Stance::Pro));
    }

    #[test]
    fn a_quotation_speaks_by_its_own_words_even_from_a_speaker_without_a_side() {
        // The speaker's first sentence takes no side; the quotation it opens
        // goes on, and its next sentence is read by its own words.
        let md = "# Asian Development Bank\n\nLead.\n\n## Criticism\n\nThe bank was criticised by Oxfam. Qin Gang claimed, \"The bank acted on a plan. The move undermines the interests of its members.\" The bank reviewed the plan.\n";
        let a = parse(Format::Markdown, md, &Settings::default());
        let st = stances(&a.sections[0].blocks[0]);
        assert_eq!(st[2], Some(Stance::Con), "{st:?}");
        // A sentence outside any quotation, with no speaker, is no side.
        assert_eq!(st[3], None, "{st:?}");
        // A block quotation after `X wrote:` too.
        let md = "# Blazing Saddles\n\nLead.\n\n## Criticism\n\nThe film was criticised by Canby. Canby wrote:\n\nIts use of anarchy recalls not the great comedies, but the middling ones. Mr. Allen's comedy recalls Keaton.\n";
        let a = parse(Format::Markdown, md, &Settings::default());
        let st = stances(&a.sections[0].blocks[1]);
        assert_eq!(st, vec![Some(Stance::Con), None]);
    }

    #[test]
    fn a_sentence_that_is_all_one_quotation_is_its_speakers() {
        // After a speaker, a sentence all in quotation marks goes on in their
        // voice and is read by its own words.
        let md = "# Harbour Bank\n\nLead.\n\n## Criticism\n\nOxfam has criticized the bank. \"Its projects can undermine the rights of poor communities.\"\n\nThe bank opened in 1966. \"Its projects can undermine the rights of poor communities.\"\n\nOxfam has criticized the bank. \"Harbour\" is its name in English.\n";
        let a = parse(Format::Markdown, md, &Settings::default());
        let s = &a.sections[0];
        assert_eq!(
            stances(&s.blocks[0]),
            vec![Some(Stance::Con), Some(Stance::Con)]
        );
        assert_eq!(s.blocks[0].sentences()[1].actor(), Some("Oxfam"));
        // Near cases: no speaker before it; a quoted title that opens a
        // sentence of fact.
        assert_eq!(stances(&s.blocks[1]), vec![None, None]);
        assert_eq!(stances(&s.blocks[2]), vec![Some(Stance::Con), None]);
    }

    #[test]
    fn mostly_exchanges_make_a_controversy_and_extra_headings_too() {
        let t = "T\nLead.\nReception\nA: Critics argue that it fails. Supporters respond that it works.\nB: Critics argue that it costs. Supporters respond that it pays.\n";
        let a = parse(Format::Text, t, &Settings::default());
        assert!(a.sections[0].facts.balance.controversy);
        let t = "T\nLead.\nPolicy debates and views\nIt is argued.\n";
        let mut st = Settings::default();
        assert!(
            !parse(Format::Text, "T\nLead.\nViews\nText here.\n", &st).sections[0]
                .facts
                .balance
                .controversy
        );
        st.balance.controversy_headings = vec!["views".into()];
        assert!(
            parse(Format::Text, "T\nLead.\nViews\nText here.\n", &st).sections[0]
                .facts
                .balance
                .controversy
        );
        assert!(
            parse(Format::Text, t, &st).sections[0]
                .facts
                .balance
                .controversy
        );
    }

    /// The words to watch found in a sentence, as written.
    fn watch_of(s: &crate::model::Sentence) -> Vec<&str> {
        s.watch().iter().map(|w| w.text.as_str()).collect()
    }

    #[test]
    fn a_block_quotation_is_quoted_throughout_and_ends_at_a_heading() {
        // The paragraph after `wrote:` is a quotation whose marks were lost:
        // the marks inside it are its own and do not let the article speak.
        let md = "# T\n\n## History\n\nGandy writes:\n\nThis leads to four \"principles which it is argued, any machine must satisfy.\"\n";
        let a = parse(Format::Markdown, md, &Settings::default());
        let watch = watch_of(&a.sections[0].blocks[1].sentences()[0]);
        assert!(watch.is_empty(), "{watch:?}");
        // A heading ends it: the paragraph under the next heading is the
        // article's own, though the last before the heading ends in `:`.
        let md = "# T\n\n## History\n\nThe terms are these:\n\n## Later\n\nIt has been said that the acts were aimed at Gallatin.\n";
        let a = parse(Format::Markdown, md, &Settings::default());
        let watch = watch_of(&a.sections[1].blocks[0].sentences()[0]);
        assert_eq!(watch, ["It has been said"]);
    }

    #[test]
    fn a_quotation_after_a_speech_verb_and_a_comma_or_signed_at_its_end_is_quoted() {
        let watch = |md: &str, block: usize| -> Vec<String> {
            let a = parse(Format::Markdown, md, &Settings::default());
            a.sections[0].blocks[block]
                .sentences()
                .iter()
                .flat_map(|s| s.watch().iter().map(|w| w.text.clone()))
                .collect()
        };
        // After `X wrote,` the paragraph is the quotation.
        let md = "# T

## Reception

Veteran film reviewer Roger Ebert wrote,

... stung by criticisms that the second half of his masterpiece was racist, Griffith tried to make amends.
";
        assert!(watch(md, 1).is_empty(), "{:?}", watch(md, 1));
        // Near case: a paragraph that ends in a comma after another word.
        let md = "# T

## Reception

In the years after the release, and in the decades since,

the film was hailed as a masterpiece of the silent era.
";
        assert_eq!(watch(md, 1), ["masterpiece"]);
        // A paragraph signed at its end is a quotation.
        let md = "# T

## Views

Prejudice has caused famous mathematicians to fail to solve famous problems.—Anil Nerode, Cornell University
";
        assert!(watch(md, 0).is_empty(), "{:?}", watch(md, 0));
        // Near cases: a dash inside a name, a clause after a dash.
        let md = "# T

## Views

The famous Euler–MacLaurin formula can be written as

The famous bridge was rebuilt in 1990 — the last year of the war.
";
        assert_eq!(watch(md, 0), ["famous"]);
        assert_eq!(watch(md, 1), ["famous"]);
    }
}
