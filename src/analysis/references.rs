//! Reference resolution: each `See X` judged against the title index.
//!
//! Sets `resolved`/`canonical` on every [`Reference`] and the article totals.
//! Without an index nothing is judged: references keep `resolved: null` and
//! the facts say `judged: false`, so neither rules nor a policy flag them.

use crate::index::{TitleIndex, title_key};
use crate::model::{Article, Reference};

/// Judge every reference of `article` against `index`.
pub fn resolve(article: &mut Article, index: Option<&TitleIndex>) {
    let Some(index) = index else {
        let f = &mut article.facts.references;
        f.judged = false;
        f.resolved = None;
        f.unresolved = None;
        return;
    };
    let (mut yes, mut no) = (0usize, 0usize);
    article.for_each_block_mut(|b| {
        for r in b.refs_mut() {
            match index.resolve(r.target()) {
                Some(res) => {
                    r.resolved = Some(true);
                    r.set_canonical(Some(&res.canonical));
                    yes += 1;
                }
                None => {
                    r.resolved = Some(false);
                    r.set_canonical(None);
                    no += 1;
                }
            }
        }
    });
    let f = &mut article.facts.references;
    f.judged = true;
    f.resolved = Some(yes);
    f.unresolved = Some(no);
}

/// Whether a resolved reference names its title only by case or through a
/// redirect (what R005 flags). First-letter case, `_` and spacing do not count,
/// as in MediaWiki.
#[must_use]
pub fn is_non_canonical(r: &Reference) -> bool {
    match (&r.resolved, r.canonical()) {
        (Some(true), Some(c)) => *title_key(r.target()) != *c,
        _ => false,
    }
}

/// The key two references are "the same target" by: the canonical title when
/// resolved, else the case-folded title key.
#[must_use]
pub fn target_key(r: &Reference) -> String {
    match r.canonical() {
        Some(c) => c.to_string(),
        None => crate::index::fold_key(r.target()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::Settings;
    use crate::source::{Format, SourceFile};

    fn article(text: &str, index: Option<&TitleIndex>) -> Article {
        let src = SourceFile::new("a.txt", text, Format::Text);
        crate::analysis::article(&src, index, &Settings::default())
    }

    #[test]
    fn without_an_index_nothing_is_judged() {
        let a = article("Light\nLight is a wave. See Photon and Quatnum.\n", None);
        assert!(!a.facts.references.judged);
        assert_eq!(a.facts.references.total, 2);
        assert_eq!(a.facts.references.resolved, None);
        assert!(a.references().iter().all(|r| r.resolved.is_none()));
    }

    #[test]
    fn with_an_index_each_reference_is_judged() {
        let ix = TitleIndex::from_titles(["Photon", "Quantum"], [("Light particle", "Photon")]);
        let a = article(
            "Light\nLight is a wave. See photon, Light particle and Quatnum.\n",
            Some(&ix),
        );
        let f = &a.facts.references;
        assert!(f.judged);
        assert_eq!((f.total, f.resolved, f.unresolved), (3, Some(2), Some(1)));
        let refs = a.references();
        assert_eq!(refs[0].canonical(), Some("Photon"));
        assert!(!is_non_canonical(refs[0]));
        assert!(is_non_canonical(refs[1]));
        assert_eq!(refs[2].resolved, Some(false));
    }
}
