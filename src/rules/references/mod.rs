//! Reference rules (R): `See X` references against the title index.
