//! The page's markup: Leptos components rendered to HTML at build time (the `ssr` feature, used
//! by `crates/fund-site`) for every language, page and embed page.
//!
//! The components are views of plain data ([`PageCtx`]): the reader's model at the default
//! state, the derived figures, the language and the page's place in the site. They draw every
//! word, chart, table and control the reader sees before any script runs. In the browser,
//! the wasm-only `client` module takes the same elements over (found by their `data-testid` and `data-*`
//! hooks) and keeps them in step with the reader's numbers, using the same plain functions
//! ([`crate::charts`], [`crate::controls`], [`crate::live`], …) that drew them here.

pub mod chart;
pub mod claims;
pub mod context;
pub mod controls;
pub mod dialog;
pub mod notices;
pub mod page;
pub mod record;
pub mod references;
pub mod toolbar;
pub mod walkthrough;

pub use context::{ctx, EmbedCtx, PageCtx};
