//! The charts crate's one error type.

use thiserror::Error;

/// Why a chart could not be drawn. Renderers never panic; they return this,
/// and [`crate::Chart::full_svg`] turns it into a "Chart unavailable" SVG.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ChartError {
    /// plotters refused a drawing operation, or the recorder refused what it was handed (a
    /// colour that is not a palette role).
    #[error("chart drawing failed: {0}")]
    Drawing(String),
}

impl ChartError {
    pub(crate) fn drawing(e: impl std::fmt::Display) -> Self {
        ChartError::Drawing(e.to_string())
    }
}
