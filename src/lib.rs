//! wegwijs: tells Dutch frontline professionals whom to work with and what to do next when
//! they meet social tensions, polarisation, radicalisation or troublesome youth groups.
//!
//! Data flows one way: a rule file is loaded into a [`graph::Graph`] (checked by [`check`]),
//! a [`query::Query`] walks it in the [`engine`], the outcome becomes a [`plan::Plan`], and a
//! renderer in [`render`] lays the plan out. [`cmd`] wires these to the command line defined in
//! [`cli`]; only [`render`], [`check::report`] and [`cmd`] write, and only to writers they are
//! given.
//!
//! Two leaves sit below everything: [`location`] (paths and positions in a JSON document) and
//! [`text`] (making untrusted text safe for a terminal). No file or top-level module imports
//! itself back; a unit test (`src/imports.rs`) holds that.

#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod ask;
pub mod batch;
pub mod check;
pub mod cli;
pub mod cmd;
pub mod config;
pub mod date;
pub mod diagnostic;
pub mod diff;
pub mod echo;
pub mod engine;
#[cfg(test)]
mod every_message;
pub mod exit;
pub mod export;
pub mod graph;
pub mod i18n;
#[cfg(test)]
mod imports;
pub mod location;
pub mod output;
pub mod picture;
pub mod plan;
pub mod query;
pub mod render;
pub mod review;
pub mod ruletest;
pub mod schema;
pub mod starter;
pub mod suggest;
pub mod synth;
pub mod text;
pub mod walks;
