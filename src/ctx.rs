//! The shared reactive context every component reads. It depends only on plain modules, so
//! components and the app root both point here and never at each other.

use crate::theme::ThemeChoice;
use crate::views::Views;
use fund_charts::Theme;
use fund_core::model::Model;
use leptos::prelude::*;

/// Chart layout width on narrow screens, in CSS px.
pub const NARROW_LAYOUT: u32 = 360;
/// Chart layout width on wide screens, in CSS px.
pub const WIDE_LAYOUT: u32 = 640;
/// Viewports narrower than this (CSS px) get the narrow layout; the stylesheet's phone rules
/// use the same breakpoint.
pub const NARROW_BELOW: f64 = 600.0;

/// The signals every component reads. Components connect these to plain types; all logic is in
/// the core, the charts crate and this crate's plain modules.
#[derive(Clone, Copy)]
pub struct Ctx {
    /// The reader's state.
    pub model: RwSignal<Model>,
    /// The one derived value (a memo of `model`) that feeds every chart, table and sentence.
    pub views: Memo<Views>,
    /// Index of the current walkthrough step. Kept apart from the model (whose own step is only
    /// filled in when the URL is written) so that moving between steps re-derives no figures.
    pub step: RwSignal<usize>,
    /// A chart tab the reader picked, overriding the step's chart until the step changes.
    pub chart_override: RwSignal<Option<crate::charts::ChartId>>,
    /// The reader's theme choice.
    pub theme_choice: RwSignal<ThemeChoice>,
    /// Whether the system prefers a dark scheme.
    pub system_dark: RwSignal<bool>,
    /// Whether the page is being printed (charts are then drawn in light colours).
    pub printing: RwSignal<bool>,
    /// The chart theme actually used (the choice resolved against the system).
    pub theme: Memo<Theme>,
    /// The width charts are laid out for.
    pub layout_width: RwSignal<u32>,
    /// False while the page is being prerendered to static HTML: controls are then drawn inert,
    /// with a line saying they need JavaScript, and charts in both layouts.
    pub live: bool,
}

impl Ctx {
    /// Makes the signals from a starting model, step and theme, reading the browser's viewport
    /// and colour scheme (or the prerender's defaults: wide, light).
    pub fn new(model: Model, step: usize, theme: ThemeChoice) -> Ctx {
        let model = RwSignal::new(model);
        let views = Memo::new(move |_| model.with(Views::of));
        let theme_choice = RwSignal::new(theme);
        let system_dark = RwSignal::new(crate::browser::prefers_dark());
        let printing = RwSignal::new(false);
        let theme = Memo::new(move |_| {
            if printing.get() {
                Theme::Light
            } else {
                crate::theme::resolve(theme_choice.get(), system_dark.get())
            }
        });
        Ctx {
            model,
            views,
            step: RwSignal::new(step),
            chart_override: RwSignal::new(None),
            theme_choice,
            system_dark,
            printing,
            theme,
            layout_width: RwSignal::new(layout_for(crate::browser::viewport_width())),
            live: crate::browser::is_live(),
        }
    }

    /// Moves to step `i` (clamped to the walkthrough), dropping any chart-tab override.
    pub fn go_to_step(&self, i: usize) {
        let last = fund_content::steps().len().saturating_sub(1);
        let i = i.min(last);
        if self.step.get_untracked() != i {
            self.step.set(i);
            self.chart_override.set(None);
        }
    }

    /// Applies a model change the core validates; returns the core's message on refusal.
    pub fn update_model<E: std::fmt::Display>(
        &self,
        f: impl FnOnce(&mut Model) -> Result<(), E>,
    ) -> Result<(), String> {
        let mut candidate = self.model.get_untracked();
        f(&mut candidate).map_err(|e| e.to_string())?;
        self.model.set(candidate);
        Ok(())
    }
}

/// The chart layout width for a viewport width.
pub fn layout_for(viewport: f64) -> u32 {
    if viewport < NARROW_BELOW {
        NARROW_LAYOUT
    } else {
        WIDE_LAYOUT
    }
}
