//! Clauses and their voices: who makes a claim, and for which side.

use super::lexicon::{
    LEXICON, S_CONNECTIVE, S_NEGATION, S_PHRASE, S_REPLY, S_SUBORDINATOR, S_VERB, S_WEASEL,
    T_ACTOR, T_BLOCKER, T_COORDINATOR, T_HARM, VerbKind, match_any, may_be,
};
use super::predicates::{Subject, predicate_voice, verb_side};
use crate::model::Stance;
#[cfg(test)]
use crate::text::tokenize;
use crate::text::{Tok, words_in};

fn is_negation(t: &Tok) -> bool {
    t.word && (t.lower.ends_with("n't") || t.lower == "cannot")
}

/// One side speaking in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawVoice {
    pub stance: Stance,
    /// The actor as written, e.g. `Critics`; `None` for a phrase.
    pub actor: Option<(usize, usize)>,
    /// From the first to the last token of the cue (byte range in the text).
    pub cue: (usize, usize),
    /// Words of the clause the voice speaks in.
    pub words: usize,
    /// Read from what is reported or from the flow of the text rather than
    /// from a predicate with a side: counted only in sections that are debates.
    pub weak: bool,
}

/// Clause ranges (token indices) of a sentence.
fn clauses(toks: &[Tok]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if !t.word && t.lower == ";" {
            out.push((start, i));
            start = i + 1;
        } else if !t.word
            && t.lower == ","
            && toks
                .get(i + 1)
                .is_some_and(|n| matches!(n.lower.as_str(), "while" | "whereas" | "but" | "yet"))
            && !aside(toks, i + 2)
        {
            out.push((start, i));
            start = i + 2;
            i += 1;
        } else if !t.word
            && t.lower == ","
            && toks.get(i + 1).is_some_and(|n| n.lower == "and")
            && toks.get(i + 2).is_some_and(new_speaker)
        {
            // `X praised the film, and Y called it a failure`: a clause with
            // its own speaker after `, and` is read as its own clause.
            out.push((start, i));
            start = i + 2;
            i += 1;
        }
        i += 1;
    }
    out.push((start, toks.len()));
    out.retain(|(s, e)| s < e);
    out
}

/// `Smith wrote that the acting was fine, but the plot was a mess`: a clause
/// after `, but` or `, yet` with no voice of its own goes on in the words of
/// the speaker reported before it, and overturns them when its evaluative
/// words take the other side.
fn overturned(toks: &[Tok], lo: usize, hi: usize, last: Option<&RawVoice>) -> Option<RawVoice> {
    let last = last.filter(|v| v.weak && v.actor.is_some())?;
    if lo == 0 || !matches!(toks[lo - 1].lower.as_str(), "but" | "yet") {
        return None;
    }
    let st = super::predicates::continued_voice(&toks[lo..hi]).filter(|&s| s != last.stance)?;
    Some(RawVoice {
        stance: st,
        actor: last.actor,
        cue: (
            toks[lo].start,
            toks[lo..hi].iter().rev().find(|t| t.word)?.end,
        ),
        words: words_in(&toks[lo..hi]),
        weak: true,
    })
}

/// Whether a word after `, and` opens a clause with a speaker of its own: a
/// name (`, and Ebert wrote`) or a pronoun or group that speaks (`, and
/// critics called it`, `, and it questioned whether ...`), not a list's next
/// item (`, and customer service`).
fn new_speaker(t: &Tok) -> bool {
    t.word
        && (t.cap
            || matches!(
                t.lower.as_str(),
                "he" | "she"
                    | "it"
                    | "they"
                    | "critics"
                    | "reviewers"
                    | "others"
                    | "opponents"
                    | "supporters"
                    | "proponents"
                    | "detractors"
                    | "defenders"
            ))
}

/// Whether the words from `i` are an aside closed by a comma inside a clause
/// (`activists say its policies, while usually up to standards on paper,
/// are often ignored`): the next comma is followed by the clause's own verb.
fn aside(toks: &[Tok], i: usize) -> bool {
    let Some(comma) = toks[i.min(toks.len())..]
        .iter()
        .position(|t| !t.word && matches!(t.lower.as_str(), "," | ";" | "." | ":"))
        .map(|k| i + k)
    else {
        return false;
    };
    toks[comma].lower == ","
        && toks.get(comma + 1).is_some_and(|n| {
            n.word
                && matches!(
                    n.lower.as_str(),
                    "is" | "are"
                        | "was"
                        | "were"
                        | "has"
                        | "have"
                        | "had"
                        | "remain"
                        | "remains"
                        | "remained"
                        | "can"
                        | "could"
                        | "would"
                        | "will"
                        | "may"
                        | "might"
                        | "must"
                        | "should"
                        | "seem"
                        | "seems"
                        | "seemed"
                )
        })
}

fn skip_connectives(toks: &[Tok], mut i: usize, hi: usize) -> usize {
    let lx = &*LEXICON;
    while i < hi {
        let t = &toks[i];
        if !t.word && matches!(t.lower.as_str(), "," | "—" | "–" | "(" | ")") {
            i += 1;
        } else if let Some(j) = lx
            .may_start_in(t, S_CONNECTIVE)
            .then(|| match_any(toks, i, &lx.connectives))
            .flatten()
        {
            i = j;
        } else {
            break;
        }
    }
    i
}

/// The voice of one clause, if any.
fn clause_voice(
    toks: &[Tok],
    mut lo: usize,
    hi: usize,
    mut prev: Option<Stance>,
    first: bool,
) -> Option<Vec<RawVoice>> {
    let lx = &*LEXICON;
    let mut i = skip_connectives(toks, lo, hi);
    let mut sub = None;
    let starts = toks
        .get(i)
        .is_some_and(|t| lx.may_start_in(t, S_SUBORDINATOR));
    if let Some(j) = starts
        .then(|| match_any(toks, i, &lx.subordinators))
        .flatten()
        .filter(|_| first)
    {
        // A sentence-initial subordinate clause ends at its first comma; a voice
        // in it speaks first, and the main clause has the last word.
        let comma = (j..hi).find(|&k| !toks[k].word && toks[k].lower == ",")?;
        sub = clause_voice(toks, j, comma, prev, false)
            .and_then(|v| v.into_iter().next())
            .map(|mut v| {
                v.words = words_in(&toks[lo..=comma]);
                v
            });
        prev = sub.as_ref().map_or(prev, |v| Some(v.stance));
        i = skip_connectives(toks, comma + 1, hi);
        lo = comma + 1;
    }
    let main = main_voice(toks, i, lo, hi, prev);
    match (sub, main) {
        (Some(s), Some(m)) => Some(vec![s, m]),
        (Some(s), None) => Some(vec![s]),
        (None, Some(m)) => Some(vec![m]),
        (None, None) => None,
    }
}

/// The voice of a main clause starting at token `i` (`lo..hi` is the clause).
fn main_voice(
    toks: &[Tok],
    i: usize,
    lo: usize,
    hi: usize,
    prev: Option<Stance>,
) -> Option<RawVoice> {
    let lx = &*LEXICON;
    if i >= hi {
        return None;
    }
    let words = words_in(&toks[lo..hi]);
    let span = |a: usize, b: usize| (toks[a].start, toks[b - 1].end);
    // No phrase, reply or weasel claim starts at a word that starts none
    // of its list.
    let starts = |list: u16| lx.may_start_in(&toks[i], list);
    if let Some((j, st)) = starts(S_PHRASE).then(|| lx.phrase_at(toks, i)).flatten() {
        return Some(RawVoice {
            stance: st,
            actor: None,
            cue: span(i, j),
            words,
            weak: false,
        });
    }
    if let Some(j) = starts(S_REPLY)
        .then(|| match_any(toks, i, &lx.replies))
        .flatten()
    {
        let st = match prev? {
            Stance::Pro => Stance::Con,
            Stance::Con => Stance::Pro,
        };
        return Some(RawVoice {
            stance: st,
            actor: None,
            cue: span(i, j),
            words,
            weak: false,
        });
    }
    if let Some(j) = starts(S_WEASEL)
        .then(|| match_any(toks, i, &lx.weasel_claims))
        .flatten()
    {
        let harmful = toks[j..hi]
            .iter()
            .any(|t| t.word && may_be(t, T_HARM) && lx.harms.contains(t.lower.as_str()));
        return harmful.then(|| RawVoice {
            stance: Stance::Con,
            actor: None,
            cue: span(i, j),
            words,
            weak: false,
        });
    }
    // The head of the subject: the first actor among the first few words, with
    // nothing before it that shows it is not the subject.
    let mut found = None;
    for (k, t) in toks.iter().enumerate().take(hi.min(i + 5)).skip(i) {
        if !t.word {
            return None;
        }
        if let Some(&(st, strict)) = may_be(t, T_ACTOR)
            .then(|| lx.actors.get(t.lower.as_str()))
            .flatten()
        {
            // `The critic Sophie Grant`: a named reviewer, not the side the
            // word names; the predicate decides (see `predicates`).
            if toks.get(k + 1).is_some_and(|n| n.word && n.cap) {
                return None;
            }
            found = Some((k, st, strict));
            break;
        }
        if (may_be(t, T_BLOCKER) && lx.blockers.contains(t.lower.as_str())) || is_negation(t) {
            return None;
        }
    }
    let (k, st, strict) = found?;
    // `critics and supporters alike`: no side.
    if toks
        .get(k + 1)
        .is_some_and(|t| may_be(t, T_COORDINATOR) && lx.coordinators.contains(t.lower.as_str()))
    {
        let other = toks[k + 2..hi.min(k + 5)]
            .iter()
            .filter(|t| may_be(t, T_ACTOR))
            .find_map(|t| lx.actors.get(t.lower.as_str()));
        if other.is_some_and(|o| o.0 != st) {
            return None;
        }
    }
    let mut negated = false;
    let mut j = k + 1;
    while j < hi.min(k + 18) {
        let t = &toks[j];
        if is_negation(t)
            || (lx.may_start_in(t, S_NEGATION) && match_any(toks, j, &lx.negations).is_some())
        {
            negated = true;
        }
        if let Some((end, kind)) = lx
            .may_start_in(t, S_VERB)
            .then(|| lx.verb_at(toks, j))
            .flatten()
        {
            if negated {
                return None;
            }
            // `Supporters' groups condemned the proposal`, `Transit advocates
            // counter that ...` (after a defence): a verb whose own side is
            // the other one says that the noun names another cause than the
            // subject's; the predicate decides.
            if toks[k + 1..end]
                .iter()
                .any(|t| t.word && verb_side(t, prev).is_some_and(|v| v != st))
            {
                return None;
            }
            let takes_that = toks[end..hi.min(end + 4)]
                .iter()
                .any(|t| t.word && t.lower == "that");
            let ok = match kind {
                VerbKind::Claim => true,
                VerbKind::That => takes_that,
                VerbKind::Say => !strict,
                VerbKind::Report => takes_that && !strict,
            };
            return ok.then(|| RawVoice {
                stance: st,
                actor: Some((toks[k].start, toks[k].end)),
                cue: span(k, end),
                words,
                weak: false,
            });
        }
        if t.word
            && matches!(
                t.lower.as_str(),
                "who" | "which" | "whom" | "whose" | "is" | "are" | "was" | "were"
            )
        {
            return None;
        }
        j += 1;
    }
    None
}

/// Every voice of a sentence, in order. `prev` is the side of the last voice
/// earlier in the same block (for replies). Byte ranges are relative to `text`;
/// a sentence with one voice gives that voice all its words.
#[cfg(test)]
pub(crate) fn voices(text: &str, prev: Option<Stance>) -> Vec<RawVoice> {
    voices_in(&tokenize(text), prev)
}

/// Every voice of a sentence, over tokens already made (the analysis tokenises each sentence once).
pub fn voices_in(toks: &[Tok], mut prev: Option<Stance>) -> Vec<RawVoice> {
    voices_with(toks, prev.take(), None)
}

/// [`voices_in`], and where the seed's phrasing finds no side, the predicate
/// of each clause (`X accused the group`, `the play was criticised by X`,
/// `X wrote that ...`) about `subject`. `text` is the tokenised sentence.
pub fn voices_with(
    toks: &[Tok],
    mut prev: Option<Stance>,
    about: Option<(&str, &Subject)>,
) -> Vec<RawVoice> {
    let mut out: Vec<RawVoice> = Vec::new();
    for (n, (lo, hi)) in clauses(toks).into_iter().enumerate() {
        let found = clause_voice(toks, lo, hi, prev, n == 0)
            .or_else(|| {
                let (_, subject) = about?;
                predicate_voice(toks, lo, hi, subject, prev).map(|v| vec![v])
            })
            .or_else(|| overturned(toks, lo, hi, out.last()).map(|v| vec![v]));
        for v in found.unwrap_or_default() {
            prev = Some(v.stance);
            out.push(v);
        }
    }
    // `X argued that ... popular ..., and he warned that ...`: a side read
    // only from the words X reports gives way to the other side that the
    // same speaker, taken up by a pronoun, says with a verb of their own.
    let pronoun_at = |v: &RawVoice| {
        v.actor.is_some_and(|(a, _)| {
            toks.iter()
                .find(|t| t.start == a)
                .is_some_and(|t| matches!(t.lower.as_str(), "he" | "she" | "they"))
        })
    };
    let overruled: Vec<bool> = (0..out.len())
        .map(|i| {
            out[i].weak
                && out[i + 1..]
                    .iter()
                    .any(|w| !w.weak && w.stance != out[i].stance && pronoun_at(w))
        })
        .collect();
    if overruled.contains(&true) {
        let mut keep = overruled.iter().map(|o| !o);
        out.retain(|_| keep.next().unwrap_or(true));
    }
    if out.len() == 1 {
        out[0].words = words_in(toks);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn side_of(s: &str) -> Option<Stance> {
        voices(s, None).last().map(|v| v.stance)
    }

    fn sides(s: &str) -> Vec<Stance> {
        voices(s, None).iter().map(|v| v.stance).collect()
    }

    #[test]
    fn actors_with_verbs_of_contention() {
        assert_eq!(
            side_of("Critics fear that commitments constrain decisions."),
            Some(Stance::Con)
        );
        assert_eq!(
            side_of("Proponents counter that alliances reduce risk."),
            Some(Stance::Pro)
        );
        assert_eq!(
            side_of("Some critics have long argued this."),
            Some(Stance::Con)
        );
        assert_eq!(
            side_of("Defenders maintain that controls are essential."),
            Some(Stance::Pro)
        );
        assert_eq!(
            side_of("Its opponents say that the plan fails."),
            Some(Stance::Con)
        );
    }

    #[test]
    fn phrases_and_replies() {
        assert_eq!(
            side_of("Some worry that cooperation could drum up alliances."),
            Some(Stance::Con)
        );
        assert_eq!(
            side_of("The concern is that allies free-ride."),
            Some(Stance::Con)
        );
        // A reply answers the previous voice; alone it has no side.
        assert_eq!(
            side_of("The response is that budgets are transparent."),
            None
        );
        assert_eq!(
            voices(
                "The response is that budgets are transparent.",
                Some(Stance::Con)
            )[0]
            .stance,
            Stance::Pro
        );
        assert_eq!(
            side_of("Some argue that the treaty would undermine sovereignty."),
            Some(Stance::Con)
        );
        assert_eq!(side_of("Some argue that the treaty is old."), None);
    }

    #[test]
    fn the_head_of_the_subject_decides() {
        assert_eq!(
            side_of("Critics of the opponents argue that the plan works."),
            Some(Stance::Con)
        );
        assert_eq!(
            side_of("Supporters of the critics argue that the plan fails."),
            Some(Stance::Pro)
        );
        assert_eq!(side_of("The arguments of critics are weak."), None);
        assert_eq!(
            side_of("Both critics and supporters argue that it matters."),
            None
        );
        assert_eq!(
            side_of("Critics and supporters alike argue that it matters."),
            None
        );
    }

    #[test]
    fn negation_is_no_claim() {
        assert_eq!(
            side_of("Critics do not dispute that alliances deter."),
            None
        );
        assert_eq!(side_of("Opponents have never argued that it failed."), None);
        assert_eq!(side_of("Critics don't dispute that alliances deter."), None);
    }

    #[test]
    fn the_main_clause_wins() {
        let s = "When critics accuse defense cooperation of being morally reckless, advocates argue that the alternative invites aggression.";
        // The subordinate clause speaks first; the main clause has the last word.
        assert_eq!(sides(s), vec![Stance::Con, Stance::Pro]);
        assert_eq!(side_of(s), Some(Stance::Pro));
        let s = "While its supporters argue that markets compete, opponents say that they collude.";
        assert_eq!(sides(s), vec![Stance::Pro, Stance::Con]);
        let s = "While it can be controversial—with critics warning of entanglements—the practical record is that it works.";
        assert_eq!(sides(s), vec![]);
    }

    #[test]
    fn both_sides_in_one_sentence() {
        let s = "Critics, by contrast, argue that alliances drag states into conflicts; supporters respond that commitments lessen wars.";
        assert_eq!(sides(s), vec![Stance::Con, Stance::Pro]);
        let s = "Critics argue that it is costly, while supporters contend that it saves lives.";
        assert_eq!(sides(s), vec![Stance::Con, Stance::Pro]);
        let s = "By contrast, supporters argue that it saves lives.";
        assert_eq!(sides(s), vec![Stance::Pro]);
    }

    #[test]
    fn an_aside_closed_by_a_comma_stays_in_its_clause() {
        let n = |s: &str| clauses(&tokenize(s)).len();
        // `, while ...,` followed by the clause's own verb is an aside.
        assert_eq!(
            n("Activists say its policies, while usually sound on paper, are often ignored."),
            1
        );
        // Near cases: a second clause with its own subject and verb.
        assert_eq!(
            n("Critics argue that it is costly, while supporters contend that it saves lives."),
            2
        );
        assert_eq!(
            n("Critics argue that it is costly, while supporters, in contrast, praise it."),
            2
        );
        // Read whole, the aside no longer takes the clause's speaker away.
        let subject = Subject::of_title("Harbour Bank");
        let s = "Activists say the bank's policies, while usually sound on paper, are often weak in practice.";
        let toks = tokenize(s);
        let v = voices_with(&toks, None, Some((s, &subject)));
        assert_eq!(v.last().map(|v| v.stance), Some(Stance::Con));
    }

    /// The side of each voice of `s`, in an article titled `Harbour Plan`.
    fn plan_sides(s: &str) -> Vec<Stance> {
        let subject = Subject::of_title("Harbour Plan");
        voices_with(&tokenize(s), None, Some((s, &subject)))
            .iter()
            .map(|v| v.stance)
            .collect()
    }

    /// The side of each voice of `s` after a voice of side `prev`, in an
    /// article titled `Harbour Plan`.
    fn plan_sides_after(s: &str, prev: Stance) -> Vec<Stance> {
        let subject = Subject::of_title("Harbour Plan");
        voices_with(&tokenize(s), Some(prev), Some((s, &subject)))
            .iter()
            .map(|v| v.stance)
            .collect()
    }

    #[test]
    fn a_side_noun_gives_way_to_a_verb_of_the_other_side() {
        // The noun names another cause (fans of a club, advocates of transit).
        assert_eq!(
            plan_sides("Supporters' groups condemned the plan."),
            vec![Stance::Con]
        );
        assert_eq!(
            plan_sides_after(
                "Transit advocates counter that the plan has fallen far behind.",
                Stance::Pro
            ),
            vec![Stance::Con]
        );
        // Near cases: the noun and the verb agree.
        assert_eq!(
            plan_sides("Supporters praised the plan."),
            vec![Stance::Pro]
        );
        assert_eq!(
            plan_sides_after("Supporters counter that the plan works.", Stance::Con),
            vec![Stance::Pro]
        );
        assert_eq!(
            plan_sides("Proponents argue that the plan works."),
            vec![Stance::Pro]
        );
    }

    #[test]
    fn a_reported_side_gives_way_to_the_same_speakers_own_verb() {
        // `popular`, reported, is overruled by what `he` does with a verb.
        assert_eq!(
            plan_sides(
                "Professor Alan Metcalfe argued that weighting votes by support would give popular legislators a veto, and he warned that the plan would entrench party leaders."
            ),
            vec![Stance::Con]
        );
        // Two named speakers keep their own sides.
        assert_eq!(
            plan_sides(
                "The architect Ann Bell praised the plan, and Mayor Tom Hale called it a failure."
            ),
            vec![Stance::Pro, Stance::Con]
        );
    }

    #[test]
    fn it_after_and_may_be_the_subject_of_the_clause_before() {
        assert_eq!(
            plan_sides(
                "A 1987 report by an ethics group was less charitable, and it questioned whether the advice was sound."
            ),
            vec![Stance::Con]
        );
        // `it` after the subject's own clause stays the subject.
        assert_eq!(
            plan_sides("The plan was praised by critics, and it won three awards."),
            vec![Stance::Pro, Stance::Pro]
        );
    }

    #[test]
    fn a_clause_after_and_with_its_own_speaker() {
        // Each speaker is read in their own clause; the second has the last word.
        assert_eq!(
            plan_sides(
                "The architect Ann Bell praised the plan, and Mayor Tom Hale called it a failure."
            ),
            vec![Stance::Pro, Stance::Con]
        );
        assert_eq!(
            plan_sides("The council praised the plan, and critics called it a failure."),
            vec![Stance::Pro, Stance::Con]
        );
        // Near cases: the next item of a list is no speaker.
        let n = |s: &str| clauses(&tokenize(s)).len();
        assert_eq!(
            n("The plan was criticised for its cost, its routes, and customer service."),
            1
        );
        assert_eq!(
            n("The plan was criticised for its cost, and its routes were redrawn."),
            1
        );
    }

    #[test]
    fn say_counts_for_sides_but_not_for_critics() {
        assert_eq!(
            side_of("Opponents say same-sex unions are not marriages."),
            Some(Stance::Con)
        );
        assert_eq!(
            side_of("Some people worry that rights conflict."),
            Some(Stance::Con)
        );
        assert_eq!(
            side_of("There is also concern that churches may be forced."),
            Some(Stance::Con)
        );
        assert_eq!(side_of("Critics said the film was too long."), None);
    }

    #[test]
    fn reception_is_not_a_side() {
        assert_eq!(side_of("Critics praised the painting for its light."), None);
        assert_eq!(side_of("The painting was well received by critics."), None);
        assert_eq!(side_of("It met with critical acclaim."), None);
        assert_eq!(side_of("Critics said that the film was too long."), None);
        assert_eq!(side_of("Critics noted that the colours had faded."), None);
        assert_eq!(side_of("The defenders held the fort for a week."), None);
    }

    #[test]
    fn cue_spans_are_in_the_text() {
        let s = "Critics,\n  by contrast, argue that it fails.";
        let v = &voices(s, None)[0];
        assert_eq!(&s[v.cue.0..v.cue.1], "Critics,\n  by contrast, argue");
        let (a, b) = v.actor.unwrap_or_default();
        assert_eq!(&s[a..b], "Critics");
    }

    #[test]
    fn a_clause_after_but_overturns_the_speaker_before_it() {
        // The speaker's words go on after `, but` and take the other side.
        assert_eq!(
            plan_sides("Smith wrote that the design was fine, but the costs were a mess."),
            vec![Stance::Pro, Stance::Con]
        );
        // Near cases: the same side after `but` adds nothing; a verb with a
        // side before it is no report to go on.
        assert_eq!(
            plan_sides("Smith wrote that the design was poor, but the costs were a mess."),
            vec![Stance::Con]
        );
        assert_eq!(
            plan_sides("The architect praised the plan, but the costs were a mess."),
            vec![Stance::Pro]
        );
    }

    #[test]
    fn no_panic_on_odd_text() {
        for s in [
            "",
            ";;;",
            ", while",
            "Critics",
            "critics ’",
            "Ünïcödé — critics — argue",
            "When critics argue",
        ] {
            let _ = voices(s, None);
            let _ = crate::analysis::stance::editorial_hits(s, false);
        }
    }
}
