//! The charts, one module each: a model (plain figures in) implementing
//! [`crate::Chart`] (SVG out).

pub mod allocation;
pub mod context;
pub mod framings;
pub mod income;
pub mod profit_split;
pub mod tracker;
pub mod waffle;
pub mod yield_effect;
