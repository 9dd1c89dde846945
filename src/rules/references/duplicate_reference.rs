//! R003 duplicate-reference.

use crate::analysis::references::target_key;
use crate::declare_rule;
use crate::model::Reference;

use crate::rules::{Findings, RuleContext};
use crate::span::Span;

declare_rule! {
    /// ## What it does
    /// Flags a reference that names the same article as an earlier reference of the same paragraph or item.
    ///
    /// Two references are the same when they resolve to the same title (so a redirect and its
    /// target are the same), or, when not resolved, when their titles match as MediaWiki
    /// page names, ignoring case.
    ///
    /// ## Why is this bad?
    /// The repeat adds nothing for the reader, and often hides a copy-and-paste slip where a
    /// different article was meant.
    ///
    /// ## Example
    /// ```text
    /// Optics: The study of light. See Photon, Lens, and photon.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// Optics: The study of light. See Photon and Lens.
    /// ```
    ///
    /// ## How to fix
    /// Remove the repeat, or replace it with the article that was meant.
    ///
    /// ## Options
    /// None.
    ///
    /// ## Guideline
    /// Wikipedia Manual of Style, linking (MOS:DUPLINK): link an article once per section.
    pub DuplicateReference {
        code: "R003",
        name: "duplicate-reference",
        family: References,
        severity: Warning,
        fix: None,
        since: "0.1.0",
        check: Some(check),
    }
}

/// Blocks with more references than this are checked through hashes of the
/// keys (see [`repeats_of_many`]); below it, by comparing each key with the
/// ones before.
const FEW: usize = 32;

fn check(cx: &RuleContext<'_>, out: &mut Findings<'_>) {
    for b in cx.article.blocks() {
        let refs = b.refs();
        let repeats = if refs.len() <= FEW {
            repeats_of_few(refs)
        } else {
            repeats_of_many(refs)
        };
        for (i, first) in repeats {
            let r = &refs[i];
            let shown: String = r.target().chars().take(80).collect();
            out.push(
                DuplicateReference::META
                    .diag(
                        r.span,
                        format!("`{shown}` is referred to twice in this block"),
                    )
                    .with_label("repeated here")
                    .with_secondary(first, "first referred to here")
                    .with_help("remove the repeat, or name the article that was meant"),
            );
        }
    }
}

/// Each reference that repeats an earlier one's key, with the span of the
/// first of that key, in order.
fn repeats_of_few(refs: &[Reference]) -> Vec<(usize, Span)> {
    let mut seen: Vec<(String, Span)> = Vec::new();
    let mut out = Vec::new();
    for (i, r) in refs.iter().enumerate() {
        let key = target_key(r);
        if key.is_empty() {
            continue;
        }
        match seen.iter().find(|(k, _)| *k == key) {
            Some(&(_, first)) => out.push((i, first)),
            None => seen.push((key, r.span)),
        }
    }
    out
}

/// [`repeats_of_few`] for a block of many references (a one-line file of a
/// million `See X.` sentences): the references sorted by a 32-bit hash of
/// their key, 8 bytes each, the keys of equal hashes compared one at a time.
/// A map from every key held a million strings in a tree, 66 MB, the peak of
/// such a file.
fn repeats_of_many(refs: &[Reference]) -> Vec<(usize, Span)> {
    let mut by_hash: Vec<(u32, u32)> = refs
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            let key = target_key(r);
            // Truncation meant: a hash; equal keys have equal hashes.
            let h = xxhash_rust::xxh3::xxh3_64(key.as_bytes()) as u32;
            (!key.is_empty()).then(|| (h, u32::try_from(i).unwrap_or(u32::MAX)))
        })
        .collect();
    by_hash.sort_unstable();
    let mut out = Vec::new();
    for group in by_hash.chunk_by(|a, b| a.0 == b.0) {
        if group.len() < 2 {
            continue;
        }
        // The distinct keys of the group (nearly always one), each with its
        // first reference's span; members in reference order.
        let mut keys: Vec<(String, Span)> = Vec::new();
        for &(_, i) in group {
            let r = &refs[i as usize];
            let key = target_key(r);
            match keys.iter().find(|(k, _)| *k == key) {
                Some(&(_, first)) => out.push((i as usize, first)),
                None => keys.push((key, r.span)),
            }
        }
    }
    out.sort_unstable_by_key(|&(i, _)| i);
    out
}

#[cfg(test)]
mod tests {
    use crate::rules::references::test_support::{line, lint};
    use crate::source::Format;

    #[test]
    fn same_target_twice_in_one_block() {
        let text = "Optics\nThe study of light. See Photon, Lens, and photon.\nSee Lens.\n";
        let d = lint(Format::Text, text, None, "R003");
        assert_eq!(d.len(), 1);
        assert_eq!(line(text, &d[0]), 2);
        assert_eq!(d[0].span.slice(text), "photon");
    }

    #[test]
    fn a_redirect_and_its_target_are_the_same() {
        let text = "Nations\nStates. See USA and United States.\n";
        let titles: &[&str] = &["United States"];
        let aliases: &[(&str, &str)] = &[("USA", "United States")];
        assert_eq!(
            lint(Format::Text, text, Some((titles, aliases)), "R003").len(),
            1
        );
    }

    #[test]
    fn a_block_of_many_references_finds_the_same_repeats() {
        // More than `FEW` references in one block: the hashed path, with the
        // same findings in the same order as the path for few.
        let mut text = String::from("Optics\n");
        for n in 0..50 {
            text.push_str(&format!("See T{}. ", n % 20));
        }
        text.push_str("See t3. See T3_. See Other.\n");
        let d = lint(Format::Text, &text, None, "R003");
        assert_eq!(d.len(), 30 + 2, "30 repeats of T0..T19, t3 and T3_");
        let starts: Vec<usize> = d.iter().map(|f| f.span.start()).collect();
        assert!(starts.is_sorted(), "in order of the text");
        assert_eq!(d[0].span.slice(&text), "T0");
        assert_eq!(d[31].span.slice(&text), "T3_");
        // The same references in blocks of few: as many repeats.
        let few: String = (0..50)
            .collect::<Vec<_>>()
            .chunks(25)
            .map(|c| {
                let line: Vec<String> = c.iter().map(|n| format!("See T{}.", n % 20)).collect();
                line.join(" ") + "\n"
            })
            .collect();
        let d = lint(Format::Text, &format!("Optics\n{few}"), None, "R003");
        assert_eq!(d.len(), 5 + 5, "25 of 20 titles in each block");
    }

    #[test]
    fn different_blocks_are_fine() {
        let text = "Optics\nThe study of light. See Photon.\nParticles. See Photon.\n";
        assert!(lint(Format::Text, text, None, "R003").is_empty());
        let md = "# Optics\n\nSee [[Photon]].\n\nSee [[Photon]].\n";
        assert!(lint(Format::Markdown, md, None, "R003").is_empty());
    }
}
