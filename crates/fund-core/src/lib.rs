//! The explainer's allocation core: pure, exact, web-free.
#![deny(missing_docs)]

pub mod error;
pub mod format;
pub mod money;
pub mod share;

pub use error::CoreError;
pub use money::{Usd, Yen};
pub use share::{Share, ShareRange};
