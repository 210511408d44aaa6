//! The charts, one module each: a model (plain figures in) implementing
//! [`crate::Chart`] (SVG out).

pub mod allocation;
pub mod context;
pub mod income;
pub mod waffle;
