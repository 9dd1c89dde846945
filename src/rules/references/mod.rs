//! Reference rules (R001-R006): owned by the references branch; an empty module so this branch builds.
