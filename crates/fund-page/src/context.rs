//! The plain data every component draws from (its own module, so the components depend on it
//! and it on nothing of theirs: dependencies point one way).

use fund_core::model::Model;
use fund_core::params::ControlsParam;
use fund_core::Lang;
use fund_view::charts::ChartId;
use fund_view::views::Views;

/// What an embed page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EmbedCtx {
    /// The chart.
    pub chart: ChartId,
    /// How many controls it shows.
    pub controls: ControlsParam,
}

/// Everything the components draw from: plain data, no signals.
#[derive(Debug, Clone)]
pub struct PageCtx {
    /// The page's language.
    pub lang: Lang,
    /// The reader's model (the default state at build time).
    pub model: Model,
    /// The model's derived figures.
    pub views: Views,
    /// The embedded chart, on an embed page.
    pub embed: Option<EmbedCtx>,
    /// The site's root, relative to this page: `./`, `../`, `../../` or `../../../`.
    pub root: String,
}

impl PageCtx {
    /// The context of a page at its default state ([`fund_view::url::default_model`]).
    pub fn new(lang: Lang, embed: Option<EmbedCtx>) -> PageCtx {
        let model = fund_view::url::default_model(embed.as_ref().map(|e| e.chart));
        let views = Views::of(&model);
        let depth = lang.dir().matches('/').count() + if embed.is_some() { 2 } else { 0 };
        PageCtx {
            lang,
            model,
            views,
            embed,
            root: if depth == 0 {
                "./".into()
            } else {
                "../".repeat(depth)
            },
        }
    }

    /// This language's explainer, relative to this page: `./` on it, `../../` from its embeds.
    pub fn home(&self) -> String {
        if self.embed.is_some() {
            "../../".into()
        } else {
            "./".into()
        }
    }

    /// The explainer in the other language, relative to this page.
    pub fn other_home(&self) -> String {
        format!("{}{}", self.root, self.lang.other().dir())
    }

    /// A file at the site's root (assets, downloads shared by both languages), relative to this
    /// page.
    pub fn asset(&self, path: &str) -> String {
        format!("{}{path}", self.root)
    }
}

/// The page's context (provided by the renderer; every component reads it).
pub fn ctx() -> PageCtx {
    leptos::prelude::expect_context::<PageCtx>()
}
