//! Which charts exist, and how the core's derived figures become each chart's model.
//!
//! Plain functions of plain types: the components only call [`render`] inside a memo.

use fund_charts::charts::{
    allocation::Allocation as AllocationChart, context::Context, income::Income,
};
use fund_charts::scene::Anchor;
#[cfg(not(target_arch = "wasm32"))]
use fund_charts::Tracker;
use fund_charts::{
    Banner, BannerKind, BucketFigure, Chart, ChartSvg, ChartText, ContextFigure, DataTable,
    EstimateFigure, Framings, IncomeFigure, Mark, Paint, ProfitPoint, ProfitSplit, RenderOptions,
    Scene, Theme, Waffle, YieldEffect,
};
use fund_core::allocation::Allocation;
use fund_core::figures;
use fund_core::framing::{builtin, BucketRole, FramingId};
use fund_core::model::Derived;
use fund_core::{msg, Lang};

/// Every chart the explainer can show, in the order of the chart tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChartId {
    /// 10×10 squares of the $550 billion.
    Waffle,
    /// Dollars by bucket, with the article's ranges.
    Allocation,
    /// Annual income by bucket.
    Income,
    /// The Treasuries part beside Japan's holdings and the whole market.
    Context,
    /// The article's framing beside the record's.
    Framings,
    /// Cumulative cash to Japan and to the US under the deal's split.
    ProfitSplit,
    /// Implied change in Treasury yields, by study.
    YieldEffect,
    /// Money selected for projects over time against the ceiling and the deadline.
    Tracker,
}

impl ChartId {
    /// The charts of the walkthrough's panel.
    pub const WALKTHROUGH: [ChartId; 4] = [
        ChartId::Waffle,
        ChartId::Allocation,
        ChartId::Income,
        ChartId::Context,
    ];
    /// Every chart, including the record section's.
    pub const ALL: [ChartId; 8] = [
        ChartId::Waffle,
        ChartId::Allocation,
        ChartId::Income,
        ChartId::Context,
        ChartId::Framings,
        ChartId::ProfitSplit,
        ChartId::YieldEffect,
        ChartId::Tracker,
    ];

    /// The slug used in URLs, data and test ids: `"waffle"`.
    pub fn slug(self) -> &'static str {
        match self {
            ChartId::Waffle => "waffle",
            ChartId::Allocation => "allocation",
            ChartId::Income => "income",
            ChartId::Context => "context",
            ChartId::Framings => "framings",
            ChartId::ProfitSplit => "profit-split",
            ChartId::YieldEffect => "yield-effect",
            ChartId::Tracker => "tracker",
        }
    }

    /// Reads a slug; `None` for anything else.
    pub fn from_slug(s: &str) -> Option<ChartId> {
        Self::ALL.into_iter().find(|c| c.slug() == s)
    }

    /// The short name on the chart's tab (and in file and embed titles), in `lang`.
    pub fn tab_label(self, lang: Lang) -> &'static str {
        use msg::tab;
        match self {
            ChartId::Waffle => tab::waffle(lang),
            ChartId::Allocation => tab::allocation(lang),
            ChartId::Income => tab::income(lang),
            ChartId::Context => tab::context(lang),
            ChartId::Framings => tab::framings(lang),
            ChartId::ProfitSplit => tab::profit_split(lang),
            ChartId::YieldEffect => tab::yield_effect(lang),
            ChartId::Tracker => tab::tracker(lang),
        }
    }

    /// Whether the chart follows the reader's numbers (every chart but the tracker, which
    /// follows the record's data only).
    pub fn is_live(self) -> bool {
        self != ChartId::Tracker
    }

    /// Whether the chart's drawing (its static layer, banner included) follows the framing
    /// shown: the framings chart draws both framings, the tracker the record only, and the
    /// profit split and the yield illustration do not use the framing at all.
    pub fn follows_framing(self) -> bool {
        !matches!(
            self,
            ChartId::Framings | ChartId::Tracker | ChartId::ProfitSplit | ChartId::YieldEffect
        )
    }
}

/// A chart ready to show: its SVG layers, its words and its data table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderedChart {
    /// Which chart.
    pub id: ChartId,
    /// The drawing, in two layers.
    pub svg: ChartSvg,
    /// Caption, description, source ids.
    pub text: ChartText,
    /// The "Show data" table.
    pub table: DataTable,
    /// What the drawing shows (the article's claim, the record, an illustration) and the
    /// record's date, as drawn at the top of the chart; downloads carry it too.
    pub banner: Banner,
}

fn dedup(mut ids: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    ids.retain(|id| seen.insert(id.clone()));
    ids
}

/// The palette index of a bucket: by framing and role, so the same idea keeps its colour across
/// charts (direct investment and the record's equity share one colour; no record bucket reuses
/// the Treasuries colour).
pub fn colour(framing: FramingId, role: BucketRole) -> usize {
    match (framing, role) {
        (_, BucketRole::Direct) => 3,
        (FramingId::Article, BucketRole::Treasuries) => 0,
        (FramingId::Article, BucketRole::RemainderFirst) => 1,
        (FramingId::Article, BucketRole::RemainderSecond) => 2,
        (FramingId::Record, BucketRole::RemainderFirst) => 4,
        // Olive, not sky blue: nothing in the record may be mistaken for the Treasuries blue.
        (FramingId::Record, BucketRole::RemainderSecond) => 6,
        (FramingId::Record, BucketRole::Treasuries) => 5,
    }
}

fn bucket_figures(a: &Allocation, lang: Lang) -> Vec<BucketFigure> {
    bucket_figures_as(a, lang, false)
}

/// The buckets' figures, with their amounts as shown (rounded so a column adds up) or, for
/// tables that set framings side by side, exact (so one share never shows as two amounts).
fn bucket_figures_as(a: &Allocation, lang: Lang, exact: bool) -> Vec<BucketFigure> {
    a.rows()
        .iter()
        .map(|r| BucketFigure {
            id: r.bucket().to_string(),
            label: r.label(lang).to_string(),
            short_label: r.short_label(lang).to_string(),
            amount: if exact { r.amount() } else { r.shown_amount() },
            share: r.share(),
            range: r.range(),
            colour: colour(a.framing(), r.role()),
        })
        .collect()
}

fn allocation_sources(d: &Derived) -> Vec<String> {
    let f = d.framing();
    let mut ids: Vec<String> = f.total_sources().to_vec();
    for b in f.buckets() {
        ids.extend(b.sources().iter().cloned());
    }
    dedup(ids)
}

fn draw(id: ChartId, model: &ChartModel, options: &RenderOptions, lang: Lang) -> RenderedChart {
    let chart = model.chart();
    let banner = model.banner().draw(options).ok();
    let offset = banner.as_ref().map_or(0, |b| b.height);
    // A drawing error leaves an empty chart whose title says so, never a nested document.
    let text = model.text(lang);
    let svg = match chart.render(options) {
        Ok(svg) => ChartSvg {
            title: text.description.clone(),
            height: svg.height + offset,
            static_layer: with_banner(banner.as_ref(), &svg.static_layer),
            offset,
            ..svg
        },
        Err(_) => ChartSvg {
            kind: chart.kind(),
            width: options.layout_width(),
            height: 40 + offset,
            theme: options.theme,
            id: options.id.clone(),
            title: msg::page::chart_unavailable(lang).to_string(),
            static_layer: with_banner(banner.as_ref(), &Scene::default()),
            marks: unavailable_mark(lang),
            offset,
        },
    };
    RenderedChart {
        id,
        svg,
        text,
        table: model.table(),
        banner: model.banner().clone(),
    }
}

/// The static layer under the banner: the banner's marks, then the chart's own static layer
/// moved down by the banner's height.
fn with_banner(banner: Option<&fund_charts::BannerLayer>, static_layer: &Scene) -> Scene {
    match banner {
        Some(b) => {
            let mut scene = b.scene.clone();
            scene.append_below(static_layer, b.height);
            scene
        }
        None => static_layer.clone(),
    }
}

/// What a chart's figures are drawn with: the charts crate's model of each chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChartBody {
    /// The waffle.
    Waffle(Waffle),
    /// Dollars by bucket, with the amounts in yen for its table.
    Allocation(AllocationChart, YenColumn),
    /// Income by bucket.
    Income(Income),
    /// Scale context.
    Context(Context),
    /// The two framings.
    Framings(Framings),
    /// The profit split.
    ProfitSplit(ProfitSplit),
    /// The yield effect.
    YieldEffect(YieldEffect),
    /// The deal tracker (from the record's data, not the reader's numbers). Drawn at build time
    /// only: the browser never redraws it, so neither it nor the record's data is in the wasm.
    #[cfg(not(target_arch = "wasm32"))]
    Tracker(Tracker),
}

/// One chart's model: the figures it draws and the banner that says what they are (the
/// article's claim, the record, or an illustration), comparable, so the page can skip drawing a
/// chart whose figures did not change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartModel {
    body: ChartBody,
    banner: Banner,
}

/// A column of yen amounts at the reader's USD/JPY, added to a chart's data table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YenColumn {
    header: String,
    cells: Vec<String>,
}

impl YenColumn {
    fn of(d: &Derived, lang: Lang) -> YenColumn {
        let rate = d.usdjpy().rate();
        YenColumn {
            header: msg::page::yen_column(lang, &fund_core::format::usdjpy(rate, lang)),
            // Each bucket as shown, in yen: the yen figures follow the dollar figures shown.
            cells: d
                .allocation()
                .rows()
                .iter()
                .map(|r| fund_core::format::yen(r.shown_amount().to_yen(rate), lang))
                .collect(),
        }
    }
}

impl ChartModel {
    /// A model of `body` under `banner`.
    pub fn new(body: ChartBody, banner: Banner) -> Self {
        ChartModel { body, banner }
    }

    /// The figures drawn.
    pub fn body(&self) -> &ChartBody {
        &self.body
    }

    /// The banner at the top of the drawing.
    pub fn banner(&self) -> &Banner {
        &self.banner
    }

    /// The view box height at a layout width, the banner included.
    pub fn height(&self, width: u32) -> u32 {
        let opts = RenderOptions::new(width, Theme::Light);
        let banner = self.banner.draw(&opts).map_or(0, |b| b.height);
        self.chart().height(opts.layout_width()) + banner
    }

    /// The chart's words, as the page, the SVG's title and the downloads show them: a chart
    /// drawn as the article's claim says so in its caption and description too (the framings
    /// chart names both framings already).
    pub fn text(&self, lang: Lang) -> ChartText {
        let mut t = self.chart().text().clone();
        if self.banner.kind == BannerKind::Claim && !matches!(self.body, ChartBody::Framings(_)) {
            t.caption = msg::banner::caption_claim(lang, &t.caption);
            t.description = msg::banner::description_claim(lang, &t.description);
        }
        t
    }

    /// The "Show data" table: the chart's own, plus the yen column where there is one.
    pub fn table(&self) -> DataTable {
        let mut table = self.chart().table();
        if let ChartBody::Allocation(_, yen) = &self.body {
            if yen.cells.len() == table.rows.len() {
                table.columns.push(yen.header.clone());
                for (row, cell) in table.rows.iter_mut().zip(&yen.cells) {
                    row.push(cell.clone());
                }
            }
        }
        table
    }

    /// The model as the charts crate's renderer.
    pub fn chart(&self) -> &dyn Chart {
        match &self.body {
            ChartBody::Waffle(c) => c,
            ChartBody::Allocation(c, _) => c,
            ChartBody::Income(c) => c,
            ChartBody::Context(c) => c,
            ChartBody::Framings(c) => c,
            ChartBody::ProfitSplit(c) => c,
            ChartBody::YieldEffect(c) => c,
            #[cfg(not(target_arch = "wasm32"))]
            ChartBody::Tracker(c) => c,
        }
    }
}

/// Builds one chart's model from the derived figures, with its words in `lang`. Native only (the
/// browser uses [`build_live`]).
#[cfg(not(target_arch = "wasm32"))]
pub fn build(id: ChartId, d: &Derived, lang: Lang) -> ChartModel {
    match build_live(id, d, lang) {
        Some(model) => model,
        None => ChartModel::new(
            ChartBody::Tracker(Tracker::new(
                crate::record_view::tracker(lang).clone(),
                crate::record_view::tracker_sources(),
                lang,
            )),
            banner(ChartId::Tracker, d.allocation().framing(), lang),
        ),
    }
}

/// [`build`] for the charts that follow the reader's numbers; `None` for the tracker. The
/// browser only calls this, so the record's data (and its reader) stay out of the WebAssembly.
pub fn build_live(id: ChartId, d: &Derived, lang: Lang) -> Option<ChartModel> {
    let body = build_body(id, d, lang)?;
    Some(ChartModel::new(
        body,
        banner(id, d.allocation().framing(), lang),
    ))
}

/// Which kind of drawing chart `id` is under `framing`, and the sentence its banner says.
pub fn banner_words(id: ChartId, framing: FramingId, lang: Lang) -> (BannerKind, &'static str) {
    use fund_core::msg::banner as b;
    match (id, framing) {
        (
            ChartId::Waffle | ChartId::Allocation | ChartId::Income | ChartId::Context,
            FramingId::Article,
        ) => (BannerKind::Claim, b::claim(lang)),
        (ChartId::Income, FramingId::Record) => (BannerKind::Illustration, b::record_income(lang)),
        (ChartId::Context, FramingId::Record) => (BannerKind::Record, b::record_context(lang)),
        (ChartId::Waffle | ChartId::Allocation, FramingId::Record) => {
            (BannerKind::Record, b::record(lang))
        }
        (ChartId::Framings, _) => (BannerKind::Claim, b::framings(lang)),
        (ChartId::ProfitSplit, _) => (BannerKind::Illustration, b::profit(lang)),
        (ChartId::YieldEffect, _) => (BannerKind::Claim, b::yields(lang)),
        (ChartId::Tracker, _) => (BannerKind::Record, b::tracker(lang)),
    }
}

/// The banner of chart `id` under `framing`: what the drawing is, and the record's date.
pub fn banner(id: ChartId, framing: FramingId, lang: Lang) -> Banner {
    let (kind, line) = banner_words(id, framing, lang);
    Banner {
        kind,
        line: line.to_string(),
        as_of: figures::record_as_of_line(lang),
    }
}

fn build_body(id: ChartId, d: &Derived, lang: Lang) -> Option<ChartBody> {
    let a = d.allocation();
    Some(match id {
        ChartId::Waffle => {
            let buckets = bucket_figures(a, lang)
                .into_iter()
                .zip(d.waffle().iter().map(|&n| n as u32))
                .collect();
            ChartBody::Waffle(Waffle::new(a.total(), buckets, allocation_sources(d), lang))
        }
        ChartId::Allocation => ChartBody::Allocation(
            AllocationChart::new(
                a.total(),
                bucket_figures(a, lang),
                allocation_sources(d),
                lang,
            ),
            YenColumn::of(d, lang),
        ),
        ChartId::Income => {
            let rows: Vec<IncomeFigure> = d
                .income()
                .rows()
                .iter()
                .map(|r| IncomeFigure {
                    label: r.label(lang).to_string(),
                    short_label: a
                        .row(r.bucket())
                        .map(|x| x.short_label(lang).to_string())
                        .unwrap_or_default(),
                    amount: r.amount(),
                    yield_pct: r.yield_percent(),
                    income: r.income(),
                    is_assumption: r.is_assumption(),
                    colour: a
                        .row(r.bucket())
                        .map(|x| colour(a.framing(), x.role()))
                        .unwrap_or(7),
                })
                .collect();
            let mut ids: Vec<String> = d
                .income()
                .rows()
                .iter()
                .flat_map(|r| r.sources().iter().cloned())
                .collect();
            ids.extend(allocation_sources(d));
            ChartBody::Income(Income::new(rows, dedup(ids), lang))
        }
        ChartId::Context => {
            let s = d.scale();
            let holdings = figures::japan_treasury_holdings();
            let market = figures::marketable_treasuries();
            let part_label = if s.has_treasuries_bucket() {
                msg::page::fund_part(lang)
            } else {
                msg::page::fund_part_none(lang)
            };
            let figs = vec![
                ContextFigure {
                    label: part_label.to_string(),
                    short_label: String::new(),
                    amount: s.treasuries_amount(),
                    note: d.framing().name(lang).to_string(),
                },
                ContextFigure {
                    label: msg::chart::context::holdings(lang).to_string(),
                    short_label: msg::chart::context::holdings_short(lang).to_string(),
                    amount: s.japan_holdings(),
                    note: msg::page::as_of(lang, holdings.as_of_in(lang)),
                },
                ContextFigure {
                    label: market.label_in(lang).to_string(),
                    short_label: msg::chart::context::market_short(lang).to_string(),
                    amount: s.marketable_total(),
                    note: msg::page::as_of(lang, market.as_of_in(lang)),
                },
            ];
            let mut ids: Vec<String> = s.sources().iter().map(|x| x.to_string()).collect();
            ids.extend(allocation_sources(d));
            ChartBody::Context(Context::new(figs, dedup(ids), lang))
        }
        ChartId::Framings => {
            let other = d.other_allocation();
            let (article, record) = if a.framing() == FramingId::Article {
                (a, other)
            } else {
                (other, a)
            };
            let mut ids: Vec<String> = Vec::new();
            for f in [FramingId::Article, FramingId::Record] {
                let fr = builtin(f);
                ids.extend(fr.total_sources().iter().cloned());
                for b in fr.buckets() {
                    ids.extend(b.sources().iter().cloned());
                }
            }
            let chart = Framings::new(
                (
                    builtin(FramingId::Article).name(lang).to_string(),
                    bucket_figures_as(article, lang, true),
                ),
                (
                    builtin(FramingId::Record).name(lang).to_string(),
                    bucket_figures_as(record, lang, true),
                ),
                dedup(ids),
                lang,
            )
            .with_short_names(
                msg::chart::framings::short_article(lang).to_string(),
                msg::chart::framings::short_record(lang).to_string(),
            );
            ChartBody::Framings(chart)
        }
        ChartId::ProfitSplit => {
            let s = d.profit();
            let points = s
                .years()
                .iter()
                .map(|y| ProfitPoint {
                    year: y.year(),
                    cum_japan: y.cumulative_japan(),
                    cum_us: y.cumulative_us(),
                })
                .collect();
            let ids = crate::record_view::PROFIT_SOURCES
                .iter()
                .map(|s| s.to_string())
                .collect();
            ChartBody::ProfitSplit(ProfitSplit::new(points, s.made_whole_year(), ids, lang))
        }
        ChartId::YieldEffect => {
            let e = d.yield_effect();
            let estimates = e
                .estimates()
                .iter()
                .map(|x| EstimateFigure {
                    label: x.label(lang).to_string(),
                    short_label: x.short_label(lang).to_string(),
                    note: x.study_note(lang).to_string(),
                    low_bp: x.low_bp(),
                    central_bp: Some(x.central_bp()),
                    high_bp: x.high_bp(),
                    beyond_measured: x.beyond_measured(),
                })
                .collect();
            let ids = dedup(
                e.estimates()
                    .iter()
                    .flat_map(|x| x.sources().iter().map(|s| s.to_string()))
                    .collect(),
            );
            ChartBody::YieldEffect(YieldEffect::new(estimates, ids, lang))
        }
        ChartId::Tracker => return None,
    })
}

/// The render options of a chart at a layout width and theme (the theme colours standalone
/// documents only: the page's drawing is the same in every theme).
pub fn options(id: ChartId, width: u32, theme: Theme) -> RenderOptions {
    RenderOptions::new(width, theme).with_id(format!("chart-{}", id.slug()))
}

/// Builds and draws one chart from the derived figures, at a layout width and theme, in `lang`.
#[cfg(not(target_arch = "wasm32"))]
pub fn render(id: ChartId, d: &Derived, width: u32, theme: Theme, lang: Lang) -> RenderedChart {
    draw(id, &build(id, d, lang), &options(id, width, theme), lang)
}

/// Draws a chart model already built (its words are in the model's language).
pub fn render_model(
    id: ChartId,
    model: &ChartModel,
    width: u32,
    theme: Theme,
    lang: Lang,
) -> RenderedChart {
    draw(id, model, &options(id, width, theme), lang)
}

/// What changes with the numbers: the marks, the view box and the words (the table is
/// [`ChartModel::table`], built only where it is shown).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartParts {
    /// View box width.
    pub width: u32,
    /// View box height.
    pub height: u32,
    /// The marks layer.
    pub marks: Scene,
    /// How far the marks are moved down, below the banner (px in the view box).
    pub offset: u32,
    /// Caption, description, source ids.
    pub text: ChartText,
}

/// Draws only what changes with the numbers (the page keeps the static layer between inputs).
#[cfg(not(target_arch = "wasm32"))]
pub fn render_parts(id: ChartId, d: &Derived, width: u32, lang: Lang) -> ChartParts {
    parts_of(id, &build(id, d, lang), width, lang)
}

/// [`render_parts`] for a model already built.
pub fn parts_of(id: ChartId, model: &ChartModel, width: u32, lang: Lang) -> ChartParts {
    let chart = model.chart();
    let opts = options(id, width, Theme::Light);
    let w = opts.layout_width();
    let offset = model.banner().draw(&opts).map_or(0, |b| b.height);
    ChartParts {
        width: w,
        height: chart.height(w) + offset,
        marks: chart
            .marks(&opts)
            .unwrap_or_else(|_| unavailable_mark(lang)),
        offset,
        text: model.text(lang),
    }
}

/// Draws the static layer: what depends only on the layout and the framing.
#[cfg(not(target_arch = "wasm32"))]
pub fn render_static(id: ChartId, d: &Derived, width: u32, lang: Lang) -> Scene {
    static_of(id, &build(id, d, lang), width)
}

/// [`render_static`] for a model already built.
pub fn static_of(id: ChartId, model: &ChartModel, width: u32) -> Scene {
    let opts = options(id, width, Theme::Light);
    let banner = model.banner().draw(&opts).ok();
    with_banner(
        banner.as_ref(),
        &model.chart().static_layer(&opts).unwrap_or_default(),
    )
}

/// What a chart shows when drawing fails.
fn unavailable_mark(lang: Lang) -> Scene {
    Scene::new(vec![Mark::Text {
        x: 8,
        y: 24,
        text: msg::page::chart_unavailable(lang).to_string(),
        size_cpx: 1400,
        anchor: Anchor::Start,
        bold: false,
        paint: Paint::Text,
    }])
}

// Native: these draw the tracker too, which only the build-time renderer has.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use fund_core::framing::FramingId;
    use fund_core::model::Model;
    use fund_core::Lang;
    use rust_decimal::Decimal;

    #[test]
    fn a_chart_whose_drawing_changes_with_the_framing_says_it_follows_it() {
        // The client redraws a static layer on a framing switch only for the charts that say
        // so: a chart that draws differently per framing and did not say so would keep the other
        // framing's drawing.
        for id in ChartId::ALL.into_iter().filter(|c| c.is_live()) {
            let layers: Vec<fund_charts::Scene> = FramingId::ALL
                .into_iter()
                .map(|f| {
                    let mut m = Model::default();
                    m.set_framing(f).unwrap();
                    let model = build_live(id, &m.derive(), Lang::En).unwrap();
                    static_of(id, &model, crate::layout::WIDE_LAYOUT)
                })
                .collect();
            let differs = layers.windows(2).any(|w| w[0] != w[1]);
            assert_eq!(differs, id.follows_framing(), "{id:?}");
        }
        assert!(!ChartId::Tracker.follows_framing());
    }

    #[test]
    fn slugs_round_trip() {
        for c in ChartId::ALL {
            assert_eq!(ChartId::from_slug(c.slug()), Some(c));
        }
        assert_eq!(ChartId::from_slug("<svg onload=alert(1)>"), None);
    }

    #[test]
    fn every_chart_draws_with_text_table_and_sources() {
        let d = Model::default().derive();
        for c in ChartId::ALL {
            for theme in [Theme::Light, Theme::Dark] {
                let r = render(c, &d, 640, theme, Lang::En);
                assert!(r.svg.full_svg().starts_with("<svg"), "{c:?}");
                assert!(!r.svg.marks.is_empty(), "{c:?} has no marks");
                assert!(
                    !r.text.caption.is_empty() && !r.text.description.is_empty(),
                    "{c:?}"
                );
                assert!(!r.text.source_ids.is_empty(), "{c:?} cites nothing");
                assert!(!r.table.rows.is_empty(), "{c:?} has an empty table");
            }
        }
    }

    #[test]
    fn static_layers_ignore_the_numbers() {
        // The page draws each static layer once per layout, theme and framing, and only redraws
        // the marks on input: that is only right if no static layer depends on the numbers.
        let base = Model::default();
        let mut moved = Model::default();
        moved.set_treasuries(Decimal::from(71)).unwrap();
        moved.set_direct(Decimal::from(3)).unwrap();
        moved.set_remainder_split(Decimal::from(20)).unwrap();
        moved.set_yield("treasuries", Decimal::from(6)).unwrap();
        moved.set_profit_cash_yield(Decimal::from(9)).unwrap();
        moved.set_flow_months(3).unwrap();
        let (a, b) = (base.derive(), moved.derive());
        for c in ChartId::ALL {
            for w in [360, 640] {
                assert_eq!(
                    render_static(c, &a, w, Lang::En),
                    render_static(c, &b, w, Lang::En),
                    "{c:?} at {w}"
                );
                // The tracker follows the record's data, not the reader's numbers (its static
                // layer is checked against different figures in fund-charts' tests).
                if c != ChartId::Tracker {
                    assert_ne!(
                        render_parts(c, &a, w, Lang::En).marks,
                        render_parts(c, &b, w, Lang::En).marks,
                        "{c:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn parts_and_static_make_the_whole_chart() {
        let d = Model::default().derive();
        for c in ChartId::ALL {
            let whole = render(c, &d, 640, Theme::Light, Lang::En);
            let parts = render_parts(c, &d, 640, Lang::En);
            assert_eq!(whole.svg.marks, parts.marks, "{c:?}");
            assert_eq!(
                whole.svg.static_layer,
                render_static(c, &d, 640, Lang::En),
                "{c:?}"
            );
            assert_eq!(
                (whole.svg.width, whole.svg.height),
                (parts.width, parts.height),
                "{c:?}"
            );
        }
    }

    /// The text of every `<text>` element of an SVG fragment (entities left as written).
    fn svg_texts(svg: &str) -> Vec<String> {
        svg.split("<text")
            .skip(1)
            .filter_map(|rest| {
                let body = &rest[rest.find('>')? + 1..];
                Some(body[..body.find("</text>")?].trim().to_string())
            })
            .collect()
    }

    #[test]
    fn generated_words_read_cleanly_in_every_chart_and_framing() {
        // A first-time reader saw "The article's framing framing" and ", This fund's …": every
        // chart's caption, description, drawn labels and table cells, in both framings and at
        // phone and desktop widths, must be free of doubled words, and sentences free of
        // capitals after commas.
        let mut problems = Vec::new();
        for framing in FramingId::ALL {
            let mut m = Model::default();
            m.set_framing(framing).unwrap();
            let d = m.derive();
            for (c, lang) in ChartId::ALL
                .into_iter()
                .flat_map(|c| Lang::ALL.into_iter().map(move |l| (c, l)))
            {
                for width in [360, 800] {
                    let r = render(c, &d, width, Theme::Light, lang);
                    let whole = r.svg.full_svg();
                    let mut texts = vec![r.text.caption.clone(), r.text.description.clone()];
                    texts.extend(svg_texts(&whole));
                    texts.extend(r.table.columns.iter().cloned());
                    texts.extend(r.table.rows.iter().flatten().cloned());
                    for t in &texts {
                        for p in fund_charts::prose_problems(t) {
                            problems.push(format!("{c:?} ({framing:?}, {lang:?}, {width}px): {p}"));
                        }
                    }
                    assert!(
                        !r.text.description.contains(" framing framing"),
                        "{c:?}: {}",
                        r.text.description
                    );
                }
            }
        }
        assert!(problems.is_empty(), "{problems:#?}");
    }

    #[test]
    fn scale_chart_names_the_framing_once() {
        let r = render(
            ChartId::Context,
            &Model::default().derive(),
            640,
            Theme::Light,
            Lang::En,
        );
        let texts = svg_texts(&r.svg.full_svg());
        assert!(
            texts
                .iter()
                .any(|t| t.contains("The article&apos;s framing")
                    || t.contains("The article's framing")),
            "{texts:?}"
        );
        assert!(
            texts.iter().all(|t| !t.contains("framing framing")),
            "{texts:?}"
        );
        // Drawn in the article's framing, the description says first that this is its claim.
        assert!(
            r.text.description.starts_with(
                "The article’s claim, which no source supports. The article's Treasury share ("
            ),
            "{}",
            r.text.description
        );
    }

    #[test]
    fn allocation_table_has_yen_at_the_readers_rate() {
        let mut m = Model::default();
        m.set_usdjpy(Decimal::from(150)).unwrap();
        let t = render(
            ChartId::Allocation,
            &m.derive(),
            640,
            Theme::Light,
            Lang::En,
        )
        .table;
        assert_eq!(
            t.columns.last().map(String::as_str),
            Some("In yen (at ¥150 per $)")
        );
        // $412.5 billion at ¥150 per $ is ¥61.875 trillion.
        assert_eq!(t.rows[0].last().map(String::as_str), Some("¥61.9 trillion"));
        assert!(t.rows.iter().all(|r| r.len() == t.columns.len()));
    }

    #[test]
    fn charts_follow_the_model() {
        let mut m = Model::default();
        let before = render(
            ChartId::Allocation,
            &m.derive(),
            640,
            Theme::Light,
            Lang::En,
        );
        m.set_treasuries(Decimal::from(70)).unwrap();
        let after = render(
            ChartId::Allocation,
            &m.derive(),
            640,
            Theme::Light,
            Lang::En,
        );
        assert_ne!(before.svg.marks, after.svg.marks);
        assert!(
            after.text.description.contains("$385 billion"),
            "{}",
            after.text.description
        );
    }

    #[test]
    fn record_framing_charts_name_its_buckets() {
        let mut m = Model::default();
        m.set_framing(FramingId::Record).unwrap();
        let r = render(
            ChartId::Allocation,
            &m.derive(),
            640,
            Theme::Light,
            Lang::En,
        );
        let labels: Vec<&str> = r.table.rows.iter().map(|row| row[0].as_str()).collect();
        assert!(
            labels.iter().any(|l| l.to_lowercase().contains("loan")),
            "{labels:?}"
        );
    }
}
