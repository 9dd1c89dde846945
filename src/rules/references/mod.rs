//! Reference rules (R): `See X` references against the title index. They read
//! the resolution facts of the references analysis; they never re-scan the text.
