//! Balance rules (B001-B005): owned by the balance branch; an empty module so this branch builds.
