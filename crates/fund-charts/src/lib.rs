//! Chart models and SVG renderers for the explainer: plain figures in, SVG
//! string out.
//!
//! Every chart is a *model* (a plain struct built from plain figures; money
//! and shares stay exact `Usd`/`Share`/`Decimal`) implementing [`Chart`], whose
//! methods are the *renderer*: they draw with plotters' SVG backend only, turn
//! amounts into `f64` pixel positions at draw time, and never panic — drawing
//! errors come back as [`ChartError`], and [`Chart::full_svg`] falls back to a
//! "Chart unavailable" SVG.
//!
//! Each chart draws two layers: a static layer (background, grid, labels) and
//! the marks (bars, squares, values), which [`ChartSvg::full_svg`] joins into
//! one accessible document (`viewBox`, `width="100%"`, `role="img"`, a
//! `<title>` holding the one-sentence description).
//!
//! Text: plotters is built without `ttf`, so the SVG backend writes `<text>`
//! elements (escaping `<>&"'` itself) and the browser picks the font. This
//! crate never asks plotters to measure text (on wasm32 plotters would measure
//! through the DOM); it lays labels out with its own width estimate.
#![deny(missing_docs)]

pub mod banner;
pub mod charts;
mod draw;
pub mod error;
pub mod figures;
mod layout;
pub mod recorder;
mod scale;
pub mod scene;
pub mod svg;
pub mod table;
pub mod theme;

pub use banner::{Banner, BannerKind, BannerLayer};
pub use charts::allocation::{Allocation, RangeStatus};
pub use charts::context::Context;
pub use charts::framings::{Framing, Framings};
pub use charts::income::Income;
pub use charts::profit_split::ProfitSplit;
pub use charts::tracker::Tracker;
pub use charts::waffle::Waffle;
pub use charts::yield_effect::{linear_note, YieldEffect};
pub use error::ChartError;
pub use figures::{BucketFigure, ContextFigure, EstimateFigure, IncomeFigure, ProfitPoint};
pub use scene::{Mark, Paint, PaintMode, Scene};
pub use svg::{unavailable_svg, Chart, ChartSvg, RenderOptions};
pub use table::{
    doubled_prefix, keeps_capital, mid_sentence, prose_problems, ChartText, DataTable,
};

/// Splits text into the units a line may not break inside (Latin words; single Japanese
/// characters, with closing punctuation kept to the character before it), each saying whether a
/// space came before it: for anything that wraps text the way the charts do.
pub fn line_units(text: &str) -> Vec<(bool, String)> {
    draw::break_units(text)
}
pub use theme::Theme;
