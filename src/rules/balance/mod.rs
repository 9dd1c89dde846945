//! Balance rules (B): placeholder so the `refs` branch compiles on its own;
//! the balance branch replaces this file.
