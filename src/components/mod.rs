//! Leptos components. Each connects signals to the plain types of the core, charts and content
//! crates; none holds logic of its own beyond wiring.

pub mod chart;
pub mod claims;
pub mod controls;
pub mod embed;
pub mod notices;
pub mod record;
pub mod references;
pub mod share;
pub mod toolbar;
pub mod walkthrough;
