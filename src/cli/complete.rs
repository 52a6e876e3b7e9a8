//! Shell completions.
