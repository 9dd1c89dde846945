//! B001 one-sided-debate.

use crate::analysis::balance::{block_facts, block_voices};
use crate::declare_rule;

use crate::model::{Block, Stance};
use crate::rules::balance::{
    Judged, block_anchor, block_name, cue_list, judged, own_voice_replies, plural,
};
use crate::rules::{Findings, RuleContext};

declare_rule! {
    /// ## What it does
    /// Flags a controversy section, or an item of one, in which only one side of the debate speaks.
    ///
    /// A section is judged when it is a controversy section (by its heading, such as
    /// `Criticism` or `Controversies and debates`, or because its items are mostly
    /// exchanges between the sides) and at least two of its sentences are attributed to
    /// a side (`critics argue`, `proponents counter`, `the concern is`, and in real
    /// debates a named source with a predicate: `X accused the group of ...`, `the play
    /// was criticised by X`, `X wrote that ...`). It is flagged when all of them speak
    /// against the subject (criticism with no reply; a section of praise alone is not
    /// flagged, since reporting the acclaim the sources give is due weight). In a
    /// section whose other items set the sides against each
    /// other, an item where only one side speaks is flagged too when that side already
    /// holds 60% or more of the section's attributed words (in an even debate a
    /// one-sided paragraph is a turn of it).
    ///
    /// ## Why is this bad?
    /// Neutral point of view means representing the significant views on a dispute. A
    /// "Criticism" section of critics only, or a debate whose one item has only the
    /// proponents' answer, states one side and leaves the reader to guess the other.
    ///
    /// ## Example
    /// ```text
    /// Controversies
    /// Entanglement: Critics fear that commitments constrain decisions. Proponents counter that alliances reduce risk.
    /// Costs: Critics argue that burdens are unfair. Supporters respond that budgets are transparent.
    /// Values: There is debate over values. Proponents emphasize that norms are shared.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// Values: There is debate over values. Critics argue that partners with poor records are armed; proponents emphasize that norms are shared.
    /// ```
    ///
    /// ## How to fix
    /// Add the other side's view, attributed and sourced, or merge the section's content
    /// into the article where it belongs (WP:CSECTION).
    ///
    /// ## Options
    /// `balance.controversy_headings`: extra heading words that make a section a controversy
    /// section. The analysis and its limits are described in `src/analysis/stance/`.
    /// A policy schema can constrain the same facts (`facts.balance.pro_sentences`,
    /// `con_sentences`, `controversy` on each section).
    ///
    /// ## Guideline
    /// WP:NPOV ("Balancing aspects", "Due and undue weight"); WP:STRUCTURE; WP:CSECTION.
    pub OneSidedDebate {
        code: "B001",
        name: "one-sided-debate",
        family: Balance,
        severity: Warning,
        fix: None,
        since: "0.1.0",
        check: Some(check),
    }
}

fn check(cx: &RuleContext<'_>, out: &mut Findings<'_>) {
    let title = cx.article.title.as_ref().map_or("", |t| t.text.as_str());
    for s in cx.article.sections_flat() {
        let f = &s.facts.balance;
        if judged(s, title) == Judged::No {
            continue;
        }
        // The article's own answer (`However, ...` after the critics) is the
        // other side speaking.
        let (own_pro, _, own_con, _) = own_voice_replies(s);
        // Criticism with no reply at all (WP:CSECTION). A section of praise
        // only is not flagged: reporting acclaim the sources give is due weight.
        if f.attributed_sentences >= 2 && f.pro_sentences == 0 && own_pro == 0 {
            let side = Stance::Con;
            let mut d = OneSidedDebate::META
                .diag(
                    s.heading.text_span,
                    format!(
                        "only the {} speak in controversy section `{}`: {} attributed to them ({}), none to the {}",
                        side.people(),
                        s.heading.text,
                        plural(f.attributed_sentences, "sentence"),
                        cue_list(s, side, 3),
                        side.other().people()
                    ),
                )
                .with_label("a debate with one side")
                .with_help(format!("add the {}' view, attributed to them, or fold this section into the article", side.other().people()));
            for b in &s.blocks {
                for (_, v) in block_voices(b).into_iter().take(1) {
                    d = d.with_secondary(v.cue.span, format!("the {}", v.stance.people()));
                }
            }
            out.push(d);
            continue;
        }
        // One-sided paragraphs are judged only in a debate its heading
        // announces: reviews of a work alternate praise and pans by paragraph,
        // and a section made a debate by its content has another topic.
        if f.exchanges < 2 || judged(s, title) != Judged::Debate {
            continue;
        }
        for (n, b) in s.blocks.iter().enumerate() {
            let bf = block_facts(b);
            if bf.one_sided_blocks == 0 {
                continue;
            }
            let voices = block_voices(b);
            let Some((_, first)) = voices.first() else {
                continue;
            };
            let side = first.stance;
            // A chronological debate gives the sides in turns: a paragraph
            // next to one where the other side speaks is a turn of it. Labelled
            // items are each their own question: an item is a turn only next
            // to one where the other side alone speaks.
            let turn = [n.checked_sub(1), Some(n + 1)]
                .into_iter()
                .flatten()
                .filter_map(|m| s.blocks.get(m))
                .any(|o| {
                    let v = block_voices(o);
                    match b {
                        Block::Paragraph(_) => v.iter().any(|(_, v)| v.stance == side.other()),
                        Block::Item(_) => {
                            !v.is_empty() && v.iter().all(|(_, v)| v.stance == side.other())
                        }
                    }
                });
            let own = if side == Stance::Pro {
                own_con
            } else {
                own_pro
            };
            if turn || own > 0 {
                continue;
            }
            // A one-sided paragraph in an even debate is a turn of it; one
            // that adds to the side already holding most of the words tilts it.
            let total = f.pro_words + f.con_words;
            if total == 0 || f.words(side) * 5 < total * 3 {
                continue;
            }
            let cues: Vec<String> = voices
                .iter()
                .map(|(_, v)| format!("`{}`", v.cue.text))
                .collect();
            let mut d = OneSidedDebate::META
                .diag(
                    block_anchor(b),
                    format!(
                        "{} gives only the {}' view ({}) while {} of section `{}` set both sides against each other",
                        block_name(b),
                        side.people(),
                        cues.join(", "),
                        plural(f.exchanges, "other block"),
                        s.heading.text
                    ),
                )
                .with_label(format!("only the {} speak here", side.people()))
                .with_help(format!("state the {}' view too, or move this text out of the debate", side.other().people()));
            for (_, v) in voices {
                d = d.with_secondary(v.cue.span, format!("the {}", v.stance.people()));
            }
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::balance::test_support::{assert_clean, assert_fires};
    use crate::source::Format;

    #[test]
    fn fires_on_a_critics_only_section() {
        let t = "Plan\nThe plan is a policy.\nCriticism\nCritics argue that the plan is costly. Opponents warn that it fails.\n";
        let d = assert_fires(Format::Text, t, "B001", 3);
        assert!(
            d.message.contains("only the critics speak"),
            "{}",
            d.message
        );
        assert!(d.message.contains("2 sentences"), "{}", d.message);
    }

    #[test]
    fn fires_on_a_one_sided_item_among_exchanges() {
        let t = "Plan\nThe plan is a policy.\nDebates\nA: Critics argue that it costs. Supporters respond that it pays.\nB: Critics fear that it fails. Proponents counter that it works.\nC: There is debate. Proponents emphasize that it helps.\n";
        let d = assert_fires(Format::Text, t, "B001", 6);
        assert!(
            d.message
                .contains("item `C` gives only the proponents' view"),
            "{}",
            d.message
        );
        let md = "# Plan\n\nThe plan is a policy.\n\n## Debates\n\n- **A**: Critics argue that it costs. Supporters respond that it pays.\n- **B**: Critics fear that it fails. Proponents counter that it works.\n- **C**: There is debate. Proponents emphasize that it helps.\n";
        assert_fires(Format::Markdown, md, "B001", 9);
    }

    #[test]
    fn clean_when_no_debate_about_the_subject() {
        // A heading that names a historical dispute or one viewpoint.
        let t = "Plan\nThe plan is a policy.\nEutychian controversy\nCritics argue that the plan is costly. Opponents warn that it fails.\n";
        assert_clean(Format::Text, t, "B001");
        let t = "Plan\nThe plan is a policy.\nSocialist critique\nCritics argue that the plan is costly. Opponents warn that it fails.\n";
        assert_clean(Format::Text, t, "B001");
        // The subject's name and plain words keep a heading a debate.
        let t = "Plan\nThe plan is a policy.\nCriticism of the plan\nCritics argue that the plan is costly. Opponents warn that it fails.\n";
        assert_fires(Format::Text, t, "B001", 3);
        // The article answers the critics in its own voice.
        let t = "Plan\nThe plan is a policy.\nCriticism\nCritics argue that the plan is costly. Opponents warn that it fails.\n";
        assert_fires(Format::Text, t, "B001", 3);
        let md = "# Plan\n\nThe plan is a policy.\n\n## Criticism\n\nCritics argue that the plan is costly. Opponents warn that it fails.\n\nHowever, the plan has cut costs every year since 2001.\n";
        assert_clean(Format::Markdown, md, "B001");
    }

    #[test]
    fn a_paragraph_answered_by_the_next_is_a_turn() {
        let md = "# Plan\n\nThe plan is a policy.\n\n## Debates\n\nCritics argue that it costs. Supporters respond that it pays.\n\nCritics fear that it fails. Proponents counter that it works.\n\nProponents emphasize that it helps. Supporters add that it pays.\n\nCritics reply that it harms. Opponents warn that it fails.\n";
        assert_clean(Format::Markdown, md, "B001");
        // With no answer beside it, the paragraph tilts the debate.
        let md = "# Plan\n\nThe plan is a policy.\n\n## Debates\n\nCritics argue that it costs. Supporters respond that it pays.\n\nCritics fear that it fails. Proponents counter that it works.\n\nThe plan began in 2001.\n\nProponents emphasize that it helps. Supporters add that it pays.\n";
        assert_fires(Format::Markdown, md, "B001", 13);
        // Reviews alternate praise and pans paragraph by paragraph.
        let md = md.replace("## Debates", "## Reception");
        assert_clean(Format::Markdown, &md, "B001");
    }

    #[test]
    fn clean_when_both_sides_speak_or_no_debate() {
        let t = "Plan\nThe plan is a policy.\nCriticism\nCritics argue that the plan is costly. Supporters respond that it pays.\n";
        assert_clean(Format::Text, t, "B001");
        let t = "Plan\nThe plan is a policy.\nHistory\nCritics argue that the plan is costly. Opponents warn that it fails.\n";
        assert_clean(Format::Text, t, "B001");
        // One sentence of praise is no debate (two are: see the next test).
        let t = "Painting\nA painting.\nReception\nCritics praised the painting for its light.\n";
        assert_clean(Format::Text, t, "B001");
        // Negated claims are not a side.
        let t = "Plan\nThe plan is a policy.\nCriticism\nCritics do not dispute that it works. Critics argue that it costs.\n";
        assert_clean(Format::Text, t, "B001");
    }
}
