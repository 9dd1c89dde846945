//! Stance cues: which side, if any, speaks in a sentence.
//!
//! A sentence is split into independent clauses (at `;` and at `, while`,
//! `, whereas`, `, but`, `, yet`). In each clause the analysis looks for one
//! *voice*: who makes a claim, and for which side.
//!
//! - An **actor** (`critics`, `opponents`, `proponents`, `supporters`, ...) that
//!   heads the subject (within the first few words of the clause, with no
//!   preposition or verb before it) followed by a **verb of contention**
//!   (`argue`, `warn`, `counter`, ...) or a verb that takes a `that` clause
//!   (`maintain that`, `say that`). The subject's head decides the side:
//!   `critics of the opponents argue` is con, `supporters of the critics argue`
//!   is pro.
//! - A **phrase** that names a side without a noun (`The concern is that`,
//!   `Some worry that`).
//! - A **reply** (`The response is that`, `Others counter`): the side opposite
//!   to the previous voice of the same block.
//! - A **weasel claim** (`Some argue that ...`): con only when the claim names a
//!   harm (`harm`, `undermine`, `costly`, ...).
//!
//! Traps handled: a negated verb (`critics do not dispute that`) attributes no
//! claim; a cue in a sentence-initial subordinate clause (`When critics accuse
//! X, advocates argue ...`) is skipped, so the main clause decides; connectives
//! (`by contrast`, `however`) are skipped; two coordinated actors of opposite
//! sides (`critics and supporters alike`) give no side; `critics` alone, which
//! also names reviewers, counts only with verbs of contention or `maintain that`,
//! never with `said`/`noted`/`praised` (`critics praised the painting`, `was well
//! received by critics` and `critical acclaim` are reception, not a side).
//!
//! # What the analysis cannot see
//! It reads words, not meaning. It does not resolve pronouns (`They argue` after
//! a sentence about critics has no side), named people or organisations (`The
//! ACLU argues`, `Smith contends`), reported speech without a cue word, quoted
//! opinions, irony, or a side implied by content alone (`Alliances drag states
//! into wars.`). It does not parse: a subject longer than a few words, a verb far
//! from its subject, or a clause boundary without punctuation can hide a voice.
//! Which side is "pro" is the side the cue names (proponents *of something*); it
//! does not know what the something is, so two debates in one block are one.
//! The lexicons are in `data/stance-cues.tsv` and `data/words-to-watch.tsv`,
//! each entry with the guideline it comes from.
//!
//! - [`lexicon`]: the stance cue lexicon, parsed once, and phrase matching;
//! - [`voices`]: clauses and the voice of each;
//! - [`watch`]: words to watch.

pub mod lexicon;
pub mod predicates;
pub mod voices;
pub mod watch;

pub use predicates::{Subject, tag_tokens};
pub use voices::{RawVoice, voices_in, voices_with};
pub use watch::{Around, EditorialHit, editorial_hits, editorial_hits_around, editorial_hits_in};
