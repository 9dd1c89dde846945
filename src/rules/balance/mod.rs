//! Balance rules (B): pro/con coverage of debates. They read the facts of
//! `crate::analysis::balance`; they never re-scan the text.
