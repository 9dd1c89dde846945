//! Reference rules (R): `See X` references. (Placeholder so the crate builds on
//! the balance branch; the references branch fills it in.)
