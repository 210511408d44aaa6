//! The page's DOM contract: every hook one side writes and the other finds. The components
//! (`fund-page`) and the prerender (`fund-site`) write these test ids, `data-*` attributes,
//! classes and ids; the browser client finds elements by them. Neither side imports the other;
//! both name the hook here, so a renamed hook cannot leave one side behind.
//!
//! A button's meaning travels as an [`Action`] in its `data-action` attribute (written with
//! [`Action::to_attr`], read with [`Action::parse`]); test ids are for tests and for finding
//! the element a state is shown on, never for deciding what a click does. A new chart needs
//! no new hook: every per-chart hook is built from its [`ChartId`].

use crate::charts::ChartId;
use crate::controls::ControlKey;
use crate::export::Format;
use crate::theme::ThemeChoice;
use fund_core::framing::FramingId;
use fund_core::model::Preset;
use fund_core::yields::FlowDirection;

/// Attribute names.
pub mod attr {
    /// The test id (end-to-end tests, and the elements whose state the client shows).
    pub const TESTID: &str = "data-testid";
    /// What a button asks for: an [`super::Action`].
    pub const ACTION: &str = "data-action";
    /// A chart figure's chart ([`super::ChartId::slug`]).
    pub const CHART: &str = "data-chart";
    /// An inline number's key (`fund_content::LiveKey`).
    pub const LIVE: &str = "data-live";
    /// A number control's key ([`super::ControlKey::slug`]).
    pub const CONTROL: &str = "data-control";
    /// The framing a source line (or a yield control) belongs to.
    pub const FRAMING: &str = "data-framing";
    /// The walkthrough panel's chart for each step, as slugs separated by spaces.
    pub const STEP_CHARTS: &str = "data-step-charts";
    /// On `#app` of an embed page: its chart's slug.
    pub const EMBED: &str = "data-embed";
    /// On `#app`: the relative path to the explainer's root.
    pub const ROOT: &str = "data-root";
    /// A source link's source id.
    pub const SOURCE: &str = "data-source";
    /// A chart drawing's fingerprint of its static layer, as prerendered.
    pub const STATIC_PRINT: &str = "data-static";
    /// A chart drawing's fingerprint of its marks layer, as prerendered.
    pub const MARKS_PRINT: &str = "data-marks";
    /// A chart figure's fingerprint of its words and table, as prerendered.
    pub const WORDS_PRINT: &str = "data-words";
    /// On a control whose last value was refused (set and removed by the client).
    pub const REFUSED: &str = "data-refused";
    /// On `<html>`: the theme chosen.
    pub const THEME: &str = "data-theme";
    /// On `<body>` until the client has taken the page over.
    pub const PRERENDERED: &str = "data-prerendered";

    /// The names the components write on every full page, for the test that they do (`#app`'s
    /// and `<body>`'s are the prerender's).
    pub const ON_THE_PAGE: [&str; 11] = [
        TESTID,
        ACTION,
        CHART,
        LIVE,
        CONTROL,
        FRAMING,
        STEP_CHARTS,
        SOURCE,
        STATIC_PRINT,
        MARKS_PRINT,
        WORDS_PRINT,
    ];
}

/// Class names the client finds elements by (or sets).
pub mod class {
    /// A chart drawing's wrapper, one per layout.
    pub const CHART_SVG: &str = "chart-svg";
    /// The wide layout's wrapper.
    pub const LAYOUT_WIDE: &str = "layout-wide";
    /// The narrow layout's wrapper.
    pub const LAYOUT_NARROW: &str = "layout-narrow";
    /// The chart's static layer (`fund_charts::svg` writes it).
    pub const STATIC_LAYER: &str = "fund-chart-static";
    /// The chart's marks layer (`fund_charts::svg` writes it).
    pub const MARKS_LAYER: &str = "fund-chart-marks";
    /// A chart's caption.
    pub const CAPTION: &str = "caption";
    /// A chart's description under the drawing.
    pub const DESCRIPTION: &str = "chart-description";
    /// A chart's line of sources (one per framing, or one for both).
    pub const SOURCE_LINE: &str = "source-line";
    /// A chart's "Show data" disclosure.
    pub const DATA: &str = "data";
    /// The walkthrough's chart panel.
    pub const PANEL: &str = "panel";
    /// A walkthrough step (`<article>`).
    pub const STEP: &str = "step";
    /// A number control.
    pub const CONTROL: &str = "control";
    /// A control's label words.
    pub const LABEL_TEXT: &str = "label-text";
    /// A control's hint.
    pub const HINT: &str = "hint";
    /// A control's refusal message.
    pub const ERROR: &str = "error";
    /// An inline number.
    pub const LIVE: &str = "live";
    /// A copy button's status line.
    pub const COPY_STATUS: &str = "copy-status";
    /// The embed dialog's preview frame.
    pub const EMBED_PREVIEW: &str = "embed-preview";
    /// On `<html>` once the client runs.
    pub const APP: &str = "app";

    /// The class of a chart wrapper drawn for `layout`.
    pub fn layout(layout: u32) -> &'static str {
        if layout == crate::layout::NARROW_LAYOUT {
            LAYOUT_NARROW
        } else {
            LAYOUT_WIDE
        }
    }
}

/// Element ids.
pub mod id {
    use super::ChartId;

    /// The element holding the page (written by the prerender).
    pub const APP: &str = "app";

    /// Chart `c`'s citation panel.
    pub fn cite_panel(c: ChartId) -> String {
        format!("cite-panel-{}", c.slug())
    }
}

/// Test ids (`data-testid` values). The values are what the end-to-end tests find.
pub mod testid {
    use super::{ChartId, ControlKey, FlowDirection, Format, FramingId, Preset, ThemeChoice};

    /// Chart `c`'s figure.
    pub fn chart(c: ChartId) -> String {
        format!("chart-{}", c.slug())
    }
    /// The walkthrough panel's tab for chart `c`.
    pub fn tab(c: ChartId) -> String {
        format!("tab-{}", c.slug())
    }
    /// Chart `c`'s data table.
    pub fn table(c: ChartId) -> String {
        format!("table-{}", c.slug())
    }
    /// Chart `c`'s description.
    pub fn description(c: ChartId) -> String {
        format!("description-{}", c.slug())
    }
    /// Chart `c`'s Embed button.
    pub fn embed(c: ChartId) -> String {
        format!("embed-{}", c.slug())
    }
    /// Chart `c`'s Cite button.
    pub fn cite(c: ChartId) -> String {
        format!("cite-{}", c.slug())
    }
    /// Chart `c`'s citation text.
    pub fn cite_text(c: ChartId) -> String {
        format!("cite-text-{}", c.slug())
    }
    /// Chart `c`'s "Copy citation" button.
    pub fn cite_copy(c: ChartId) -> String {
        format!("cite-copy-{}", c.slug())
    }
    /// Chart `c`'s status line for its actions (a download that failed).
    pub fn actions_status(c: ChartId) -> String {
        format!("actions-status-{}", c.slug())
    }
    /// Chart `c`'s download link for `format`.
    pub fn download(c: ChartId, format: Format) -> String {
        format!("download-{}-{}", c.slug(), format.ext())
    }
    /// Control `key`'s slider.
    pub fn slider(key: ControlKey) -> String {
        format!("slider-{}", key.slug())
    }
    /// Control `key`'s typed-value box.
    pub fn text_box(key: ControlKey) -> String {
        format!("input-{}", key.slug())
    }
    /// Control `key`'s refusal message.
    pub fn error(key: ControlKey) -> String {
        format!("error-{}", key.slug())
    }
    /// The framing switch's button for `f`.
    pub fn framing(f: FramingId) -> String {
        format!("framing-{}", f.as_str())
    }
    /// The theme switch's button for `t`.
    pub fn theme(t: ThemeChoice) -> String {
        format!("theme-{}", t.as_str())
    }
    /// Preset `p`'s button.
    pub fn preset(p: Preset) -> String {
        format!("preset-{}", super::preset_slug(p))
    }
    /// The flow direction's button for `d`.
    pub fn flow(d: FlowDirection) -> String {
        format!("flow-{}", super::flow_slug(d))
    }
    /// The timeline's entry `entry` (its content id).
    pub fn timeline_entry(entry: &str) -> String {
        format!("timeline-{entry}")
    }

    /// The allocation's reset button.
    pub const PRESET_RESET: &str = "preset-reset";
    /// The walkthrough's Previous button.
    pub const STEP_PREV: &str = "step-prev";
    /// The walkthrough's Next button.
    pub const STEP_NEXT: &str = "step-next";
    /// The walkthrough's "Step n of m".
    pub const STEP_POSITION: &str = "step-position";
    /// The check box: the flow follows the Treasuries share.
    pub const FLOW_FOLLOW: &str = "toggle-flow-follow";
    /// The notice listing refused link parameters.
    pub const NOTICE_PARAMS: &str = "notice-params";
    /// Its dismiss button.
    pub const NOTICE_DISMISS: &str = "notice-dismiss";
    /// The framing's description under the switch.
    pub const FRAMING_DESCRIPTION: &str = "framing-description";
    /// The framing's note on the remainder.
    pub const REMAINDER_NOTE: &str = "remainder-note";
    /// The profit split's summary (a live region).
    pub const PROFIT_SUMMARY: &str = "profit-summary";
    /// The profit split's table.
    pub const PROFIT_TABLE: &str = "profit-table";
    /// The yield illustration's summary (a live region).
    pub const YIELD_SUMMARY: &str = "yield-summary";
    /// The timeline card.
    pub const TIMELINE: &str = "timeline";
    /// The timeline's Previous button.
    pub const TIMELINE_PREV: &str = "timeline-prev";
    /// The timeline's Next button.
    pub const TIMELINE_NEXT: &str = "timeline-next";
    /// The timeline's position line.
    pub const TIMELINE_POSITION: &str = "timeline-position";
    /// The link to the page in the other language.
    pub const LANG_SWITCH: &str = "lang-switch";
    /// An embed's link to the full explainer.
    pub const EMBED_LINK: &str = "embed-link";
    /// The embed dialog.
    pub const EMBED_DIALOG: &str = "embed-dialog";
    /// The dialog's note on the chart it is for.
    pub const EMBED_NOTE: &str = "embed-note";
    /// The dialog's status line (copied, or press Ctrl+C).
    pub const EMBED_STATUS: &str = "embed-status";
    /// The dialog's framing option.
    pub const EMBED_OPTION_FRAMING: &str = "embed-option-framing";
    /// The dialog's controls option.
    pub const EMBED_OPTION_CONTROLS: &str = "embed-option-controls";
    /// The dialog's theme option.
    pub const EMBED_OPTION_THEME: &str = "embed-option-theme";
    /// The dialog's language option.
    pub const EMBED_OPTION_LANG: &str = "embed-option-lang";
    /// The dialog's preview width.
    pub const EMBED_PREVIEW_WIDTH: &str = "embed-preview-width";
    /// The box the preview frame goes in.
    pub const EMBED_PREVIEW_FRAME: &str = "embed-preview-frame";
    /// The preview `<iframe>` (made by the client).
    pub const EMBED_PREVIEW: &str = "embed-preview";
    /// The dialog's Close button.
    pub const EMBED_CLOSE: &str = "embed-close";
}

/// `[name="value"]`: a selector for an attribute's value (values are slugs and ids, which need no
/// escaping).
pub fn attr_is(name: &str, value: &str) -> String {
    format!("[{name}=\"{value}\"]")
}

/// `[data-testid="id"]`.
pub fn by_testid(id: &str) -> String {
    attr_is(attr::TESTID, id)
}

/// `[name]`: a selector for elements that carry attribute `name`.
pub fn has(name: &str) -> String {
    format!("[{name}]")
}

/// `.class`.
pub fn dot(class: &str) -> String {
    format!(".{class}")
}

fn preset_slug(p: Preset) -> &'static str {
    match p {
        Preset::Low => "low",
        Preset::Mid => "mid",
        Preset::High => "high",
    }
}

fn flow_slug(d: FlowDirection) -> &'static str {
    match d {
        FlowDirection::Buying => "buying",
        FlowDirection::Selling => "selling",
    }
}

/// One of the embed dialog's snippets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Snippet {
    /// The plain `<iframe>`.
    Iframe,
    /// The pym.js embed.
    Pym,
    /// The AMP embed.
    Amp,
    /// The script embed (our loader).
    Script,
}

impl Snippet {
    /// Every snippet, in the dialog's order.
    pub const ALL: [Snippet; 4] = [Snippet::Pym, Snippet::Amp, Snippet::Iframe, Snippet::Script];

    fn slug(self) -> &'static str {
        match self {
            Snippet::Iframe => "iframe",
            Snippet::Pym => "pym",
            Snippet::Amp => "amp",
            Snippet::Script => "script",
        }
    }

    /// The test id of its text field.
    pub fn field_testid(self) -> &'static str {
        match self {
            Snippet::Iframe => "embed-snippet",
            Snippet::Pym => "embed-snippet-pym",
            Snippet::Amp => "embed-snippet-amp",
            Snippet::Script => "embed-snippet-script",
        }
    }

    /// The test id of its Copy button.
    pub fn copy_testid(self) -> &'static str {
        match self {
            Snippet::Iframe => "embed-copy",
            Snippet::Pym => "embed-copy-pym",
            Snippet::Amp => "embed-copy-amp",
            Snippet::Script => "embed-copy-script",
        }
    }
}

/// What a button (or the flow check box) asks for. Components write it in `data-action`; the
/// client reads it back and acts, so a click is dispatched on a typed value, not on test ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Show this framing.
    Framing(FramingId),
    /// Use this theme.
    Theme(ThemeChoice),
    /// Apply this allocation preset.
    Preset(Preset),
    /// Back to the page's own defaults.
    Reset,
    /// The walkthrough's previous step.
    PrevStep,
    /// The walkthrough's next step.
    NextStep,
    /// Show this chart in the walkthrough's panel.
    Tab(ChartId),
    /// Set the flow direction.
    Flow(FlowDirection),
    /// The flow follows the Treasuries share, or not (the check box's state says which).
    FlowFollow,
    /// The timeline's previous entry.
    PrevEntry,
    /// The timeline's next entry.
    NextEntry,
    /// The timeline's entry at this index.
    Entry(usize),
    /// Dismiss the notice of refused link parameters.
    DismissNotice,
    /// Save this chart as a file in this format, with the reader's numbers.
    Download(ChartId, Format),
    /// Open the embed dialog for this chart.
    Embed(ChartId),
    /// Show or hide this chart's citation.
    Cite(ChartId),
    /// Copy this chart's citation.
    CopyCitation(ChartId),
    /// Copy one of the embed dialog's snippets.
    CopySnippet(Snippet),
    /// Close the embed dialog.
    CloseDialog,
}

impl Action {
    /// The `data-action` value: a verb, then its arguments, separated by `:`.
    pub fn to_attr(self) -> String {
        match self {
            Action::Framing(f) => format!("framing:{}", f.as_str()),
            Action::Theme(t) => format!("theme:{}", t.as_str()),
            Action::Preset(p) => format!("preset:{}", preset_slug(p)),
            Action::Reset => "reset".into(),
            Action::PrevStep => "step:prev".into(),
            Action::NextStep => "step:next".into(),
            Action::Tab(c) => format!("tab:{}", c.slug()),
            Action::Flow(d) => format!("flow:{}", flow_slug(d)),
            Action::FlowFollow => "flow-follow".into(),
            Action::PrevEntry => "entry:prev".into(),
            Action::NextEntry => "entry:next".into(),
            Action::Entry(i) => format!("entry:{i}"),
            Action::DismissNotice => "dismiss-notice".into(),
            Action::Download(c, f) => format!("download:{}:{}", c.slug(), f.ext()),
            Action::Embed(c) => format!("embed:{}", c.slug()),
            Action::Cite(c) => format!("cite:{}", c.slug()),
            Action::CopyCitation(c) => format!("copy-citation:{}", c.slug()),
            Action::CopySnippet(s) => format!("copy-snippet:{}", s.slug()),
            Action::CloseDialog => "close-dialog".into(),
        }
    }

    /// Reads a `data-action` value; `None` for anything [`Action::to_attr`] does not write.
    pub fn parse(s: &str) -> Option<Action> {
        let (verb, arg) = s.split_once(':').unwrap_or((s, ""));
        let chart = || ChartId::from_slug(arg);
        Some(match (verb, arg) {
            ("reset", "") => Action::Reset,
            ("step", "prev") => Action::PrevStep,
            ("step", "next") => Action::NextStep,
            ("flow-follow", "") => Action::FlowFollow,
            ("entry", "prev") => Action::PrevEntry,
            ("entry", "next") => Action::NextEntry,
            ("dismiss-notice", "") => Action::DismissNotice,
            ("close-dialog", "") => Action::CloseDialog,
            ("framing", f) => Action::Framing(f.parse().ok()?),
            ("theme", t) => Action::Theme(ThemeChoice::parse(t)?),
            ("preset", p) => Action::Preset(*Preset::ALL.iter().find(|x| preset_slug(**x) == p)?),
            ("flow", d) => Action::Flow(
                *[FlowDirection::Buying, FlowDirection::Selling]
                    .iter()
                    .find(|x| flow_slug(**x) == d)?,
            ),
            ("entry", i) if !i.is_empty() && i.bytes().all(|b| b.is_ascii_digit()) => {
                Action::Entry(i.parse().ok()?)
            }
            ("download", rest) => {
                let (c, f) = rest.split_once(':')?;
                let format = *Format::ALL.iter().find(|x| x.ext() == f)?;
                Action::Download(ChartId::from_slug(c)?, format)
            }
            ("tab", _) => Action::Tab(chart()?),
            ("embed", _) => Action::Embed(chart()?),
            ("cite", _) => Action::Cite(chart()?),
            ("copy-citation", _) => Action::CopyCitation(chart()?),
            ("copy-snippet", s) => {
                Action::CopySnippet(*Snippet::ALL.iter().find(|x| x.slug() == s)?)
            }
            _ => return None,
        })
    }

    /// Whether the embed dialog handles it (the page's handler leaves it alone).
    pub fn in_dialog(self) -> bool {
        matches!(self, Action::CopySnippet(_) | Action::CloseDialog)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One of every action, each chart, format, framing, theme, preset, direction and snippet.
    fn every_action() -> Vec<Action> {
        let mut all = vec![
            Action::Reset,
            Action::PrevStep,
            Action::NextStep,
            Action::FlowFollow,
            Action::PrevEntry,
            Action::NextEntry,
            Action::Entry(0),
            Action::Entry(12),
            Action::DismissNotice,
            Action::CloseDialog,
        ];
        all.extend(FramingId::ALL.map(Action::Framing));
        all.extend(ThemeChoice::ALL.map(Action::Theme));
        all.extend(Preset::ALL.map(Action::Preset));
        all.extend([FlowDirection::Buying, FlowDirection::Selling].map(Action::Flow));
        all.extend(Snippet::ALL.map(Action::CopySnippet));
        for c in ChartId::ALL {
            all.extend([
                Action::Tab(c),
                Action::Embed(c),
                Action::Cite(c),
                Action::CopyCitation(c),
            ]);
            all.extend(Format::ALL.map(|f| Action::Download(c, f)));
        }
        all
    }

    #[test]
    fn every_action_reads_back_as_itself_and_no_two_share_a_value() {
        let all = every_action();
        let mut seen = std::collections::BTreeSet::new();
        for a in &all {
            let s = a.to_attr();
            assert_eq!(Action::parse(&s), Some(*a), "{s}");
            assert!(seen.insert(s.clone()), "{s} twice");
            // Attribute values and selectors need no escaping.
            assert!(
                s.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b':'),
                "{s}"
            );
        }
    }

    #[test]
    fn actions_are_written_as_documented() {
        assert_eq!(Action::Tab(ChartId::Allocation).to_attr(), "tab:allocation");
        assert_eq!(
            Action::Download(ChartId::ProfitSplit, Format::Csv).to_attr(),
            "download:profit-split:csv"
        );
        assert_eq!(
            Action::Framing(FramingId::Record).to_attr(),
            "framing:record"
        );
        assert_eq!(Action::Entry(3).to_attr(), "entry:3");
        assert_eq!(
            Action::parse("preset:mid"),
            Some(Action::Preset(Preset::Mid))
        );
    }

    #[test]
    fn anything_else_is_refused() {
        for s in [
            "",
            "tab",
            "tab:",
            "tab:nope",
            "reset:now",
            "step",
            "step:sideways",
            "entry:",
            "entry:-1",
            "entry:+1",
            "entry:1x",
            "download:allocation",
            "download:allocation:gif",
            "download:nope:svg",
            "theme:purple",
            "framing:both",
            "preset:max",
            "flow:hold",
            "copy-snippet:iframe2",
            "close-dialog:x",
            "TAB:allocation",
            "tab-allocation",
        ] {
            assert_eq!(Action::parse(s), None, "{s:?}");
        }
    }

    #[test]
    fn dialog_actions_are_the_dialogs() {
        let (dialog, page): (Vec<_>, Vec<_>) =
            every_action().into_iter().partition(|a| a.in_dialog());
        assert_eq!(dialog.len(), Snippet::ALL.len() + 1);
        assert!(page.contains(&Action::Embed(ChartId::Waffle)));
    }

    #[test]
    fn test_ids_keep_the_values_the_end_to_end_tests_find() {
        assert_eq!(testid::chart(ChartId::Allocation), "chart-allocation");
        assert_eq!(testid::tab(ChartId::Waffle), "tab-waffle");
        assert_eq!(
            testid::download(ChartId::YieldEffect, Format::Json),
            "download-yield-effect-json"
        );
        assert_eq!(testid::preset(Preset::High), "preset-high");
        assert_eq!(testid::flow(FlowDirection::Selling), "flow-selling");
        assert_eq!(testid::theme(ThemeChoice::Dark), "theme-dark");
        assert_eq!(testid::framing(FramingId::Article), "framing-article");
        assert_eq!(by_testid(testid::STEP_NEXT), "[data-testid=\"step-next\"]");
        assert_eq!(Snippet::Iframe.copy_testid(), "embed-copy");
    }

    #[test]
    fn the_chart_layers_carry_the_classes_the_client_finds() {
        let views = crate::views::Views::of(&crate::url::default_model(None));
        let model =
            crate::charts::build_live(ChartId::Allocation, &views.current, fund_core::Lang::En)
                .expect("a live chart");
        let chart = crate::charts::render_model(
            ChartId::Allocation,
            &model,
            crate::layout::WIDE_LAYOUT,
            fund_charts::Theme::Light,
            fund_core::Lang::En,
        );
        let svg = chart.svg.full_svg();
        for class in [class::STATIC_LAYER, class::MARKS_LAYER] {
            assert!(svg.contains(&format!("class=\"{class}\"")), "{class}");
        }
    }
}
