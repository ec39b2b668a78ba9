//! Warrant: map the arguments in articles.
//!
//! Data flows one way: articles are imported as [`model::Source`]s; every change is an
//! [`edit::Edit`] applied through the one [`edit::History`]; [`io`] loads and saves maps; the UI
//! only reads the map and submits edits.

pub mod analysis;
pub mod anchor;
pub mod check;
pub mod cli;
pub mod edit;
pub mod export;
pub mod frame;
pub mod import;
pub mod io;
pub mod layout;
pub mod model;
pub mod output;
pub mod samples;
pub mod story;
pub mod text;
pub mod ui;
pub mod view;
