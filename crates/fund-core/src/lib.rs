//! The explainer's allocation core: pure, exact, web-free.
//!
//! Start at [`model::Model`]: the reader's state, whose
//! [`derive`](model::Model::derive) gives everything the page shows.
#![deny(missing_docs)]

pub mod allocation;
pub mod derived;
pub mod error;
pub mod figures;
pub mod format;
pub mod framing;
pub mod lang;
pub mod model;
pub mod money;
pub mod msg;
pub mod order;
pub mod params;
pub mod profit;
pub mod scenario;
pub mod share;
pub mod tracker;
pub mod yields;

pub use error::{CoreError, Field};
pub use lang::{Lang, Text};
pub use money::{Usd, Yen};
pub use share::{Share, ShareRange};
