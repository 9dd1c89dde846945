//! S003 missing-lead (schema-backed).

use crate::declare_rule;

declare_rule! {
    /// ## What it does
    /// Flags an article with no lead: no paragraph between the title and the first section heading.
    ///
    /// ## Why is this bad?
    /// The lead introduces the topic and summarises the most important points; many readers
    /// read nothing else, and previews and search snippets are made from it.
    ///
    /// ## Example
    /// ```text
    /// Defense Cooperation
    /// Core principles
    /// Deterrence: ...
    /// ```
    ///
    /// ## How to fix
    /// Write one to four paragraphs before the first heading that define the subject and
    /// summarise the body.
    ///
    /// ## Schema
    /// `/properties/lead` of `schema/article.schema.json`: `"minItems": 1`.
    ///
    /// ## Guideline
    /// Wikipedia Manual of Style: Lead section (MOS:LEAD).
    pub MissingLead {
        code: "S003",
        name: "missing-lead",
        family: Structure,
        severity: Warning,
        fix: None,
        since: "0.1.0",
        check: None,
    }
}
