//! B003 last-word-asymmetry.

use crate::analysis::balance::{block_facts, block_voices};
use crate::declare_rule;

use crate::model::Stance;
use crate::rules::balance::{Judged, judged};
use crate::rules::{Findings, RuleContext};

declare_rule! {
    /// ## What it does
    /// Flags a section in which one side has the last word in most exchanges between the sides.
    ///
    /// An exchange is a paragraph or item in which both sides speak (`Critics fear that
    /// ... Proponents counter that ...`); its last word belongs to the side of its last
    /// attributed sentence or clause. A section with at least three exchanges is flagged
    /// when one side closes at least 80% of them. The message gives the count for the
    /// section and for the whole article; secondary labels mark each closing sentence.
    ///
    /// ## Why is this bad?
    /// The side that answers last looks like the side that won. When every exchange ends
    /// with the same side, the structure takes a position the text never states, which
    /// WP:STRUCTURE warns against ("a back-and-forth of rebuttals").
    ///
    /// ## Example
    /// ```text
    /// Debates
    /// Entanglement: Critics fear that commitments constrain. Proponents counter that alliances reduce risk.
    /// Exports: Critics argue that controls hamper sales. Defenders maintain that controls are essential.
    /// Escalation: Some worry that cooperation escalates. Advocates maintain that red lines prevent it.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// Exports: Defenders maintain that controls are essential; critics argue that they hamper sales.
    /// ```
    ///
    /// ## How to fix
    /// Vary the order, so that each side sometimes states its case first, or present the
    /// views side by side and end on the state of the evidence rather than on a rebuttal.
    ///
    /// ## Options
    /// - `balance.min_exchanges` (default 3): the fewest exchanges before a section is judged.
    /// - `balance.max_last_word_share` (default 0.8): the share of exchanges one side may close.
    ///
    /// ## Guideline
    /// WP:STRUCTURE; WP:NPOV ("Balancing aspects"); MOS:EDITORIAL.
    pub LastWordAsymmetry {
        code: "B003",
        name: "last-word-asymmetry",
        family: Balance,
        severity: Warning,
        fix: None,
        since: "0.1.0",
        check: Some(check),
    }
}

fn check(cx: &RuleContext<'_>, out: &mut Findings<'_>) {
    let opts = &cx.settings.balance;
    let whole = &cx.article.facts.balance;
    let title = cx.article.title.as_ref().map_or("", |t| t.text.as_str());
    for s in cx.article.sections_flat() {
        let f = &s.facts.balance;
        if f.exchanges < opts.min_exchanges.max(1) || judged(s, title) == Judged::No {
            continue;
        }
        let side = if f.last_word_pro >= f.last_word_con {
            Stance::Pro
        } else {
            Stance::Con
        };
        let n = f.last_words(side);
        if (n as f64) < opts.max_last_word_share * f.exchanges as f64 {
            continue;
        }
        let in_article = if whole.exchanges > f.exchanges {
            format!(
                " ({} of {} in the article)",
                whole.last_words(side),
                whole.exchanges
            )
        } else {
            String::new()
        };
        let mut d = LastWordAsymmetry::META
            .diag(
                s.heading.text_span,
                format!(
                    "the {} have the last word in {n} of {} exchanges in section `{}`{in_article}",
                    side.people(),
                    f.exchanges,
                    s.heading.text
                ),
            )
            .with_label(format!("every debate here ends with the {}", side.people()))
            .with_help(format!(
                "let the {} answer too, or end exchanges on the state of the evidence",
                side.other().people()
            ));
        for b in &s.blocks {
            if block_facts(b).exchanges == 0 {
                continue;
            }
            if let Some((_, v)) = block_voices(b).last() {
                d = d.with_secondary(v.cue.span, format!("the {} speak last", v.stance.people()));
            }
        }
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::balance::test_support::{assert_clean, assert_fires};
    use crate::source::Format;

    const DEBATE: &str = "Plan\nThe plan is a policy.\nDebates\nA: Critics fear that it constrains. Proponents counter that it reduces risk.\nB: The concern is that allies free-ride. The response is that budgets are open.\nC: Critics argue that controls hamper sales. Defenders maintain that controls are essential.\nD: Some worry that it escalates. Advocates maintain that red lines prevent it.\n";

    #[test]
    fn fires_with_the_count() {
        let d = assert_fires(Format::Text, DEBATE, "B003", 3);
        assert!(
            d.message
                .contains("the proponents have the last word in 4 of 4 exchanges"),
            "{}",
            d.message
        );
        assert_eq!(d.labels.len(), 4);
        let md = "# Plan\n\nThe plan is a policy.\n\n## Debates\n\n- **A**: Critics fear that it constrains. Proponents counter that it reduces risk.\n- **B**: Critics argue that controls hamper sales. Defenders maintain that controls are essential.\n- **C**: Some worry that it escalates. Advocates maintain that red lines prevent it.\n";
        assert_fires(Format::Markdown, md, "B003", 5);
    }

    #[test]
    fn clean_when_the_order_varies_or_too_few() {
        let t = "Plan\nThe plan is a policy.\nDebates\nA: Critics fear that it constrains. Proponents counter that it reduces risk.\nB: Supporters argue that budgets are open. Critics respond that they are not.\nC: Critics argue that controls hamper sales. Defenders maintain that controls are essential.\n";
        assert_clean(Format::Text, t, "B003");
        let t = "Plan\nThe plan is a policy.\nDebates\nA: Critics fear that it constrains. Proponents counter that it reduces risk.\nB: Critics argue that controls hamper sales. Defenders maintain that controls are essential.\n";
        assert_clean(Format::Text, t, "B003");
    }
}
