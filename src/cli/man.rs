//! The manual page.
