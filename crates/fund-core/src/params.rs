//! URL state: every reader-adjustable value, the framing, the current step,
//! the theme and the embed choice, kept in the page's query string.
//!
//! [`to_query`] writes **every** parameter in full (not only the ones that
//! differ from the defaults), in a fixed order, so a later change of
//! defaults never changes what an old link shows. [`parse`] restores a
//! [`UrlState`] from a query string: a parameter that is malformed or out of
//! range is named in a [`ParamNotice`] (for a visible notice on the page)
//! and falls back to its default; unknown parameters are ignored without a
//! notice; nothing panics, whatever the query string holds.
//!
//! Splitting and percent-decoding (`+` is a space; invalid UTF-8 becomes
//! U+FFFD) and writing are done by the `form_urlencoded` crate, the
//! WHATWG `application/x-www-form-urlencoded` parser and serializer.
//!
//! # URL parameters
//!
//! [`PARAMS`] lists them with their meaning, in the order [`to_query`]
//! writes them:
//!
//! | parameter | meaning |
//! | --- | --- |
//! | `framing` | which framing is shown: `article` or `record` |
//! | `step` | the current step, counted from 1 |
//! | `a.treasuries` | article framing: Treasuries share, percent of the fund |
//! | `a.direct` | article framing: direct-investment share, percent of the fund |
//! | `a.split` | article framing: percent of the rest going to the first remainder bucket (agency bonds/MBS); the second (index funds) gets the rest |
//! | `r.direct` | record framing: equity share, percent of the fund |
//! | `r.split` | record framing: percent of the rest going to the first remainder bucket (loans); the second (guarantees) gets the rest |
//! | `usdjpy` | yen per US dollar (50–500) |
//! | `y.<bucket-id>` | annual yield of that bucket, percent (0–25); one per bucket of both framings, e.g. `y.treasuries`, `y.loans` |
//! | `p.principal` | profit split: principal, billions of dollars (above 0, at most 550) |
//! | `p.yield` | profit split: the project's annual cash yield, percent (0–50) |
//! | `p.benchmark` | profit split: benchmark rate, percent (0–20) |
//! | `p.spread` | profit split: risk spread over the benchmark, percent (0–20) |
//! | `p.years` | profit split: horizon, whole years (1–50) |
//! | `f.amount` | yield effect: amount bought or sold, billions of dollars (0–550), or `auto` to follow the Treasuries part |
//! | `f.months` | yield effect: months the flow is spread over (1–120) |
//! | `f.dir` | yield effect: `buy` or `sell` |
//! | `theme` | colour theme: `auto`, `light` or `dark` |
//! | `lang` | language of the page: `en` or `ja` (a page in the other language sends the reader to its counterpart) |
//! | `controls` | embeds only: which controls an embedded chart shows: `all`, `compact` (the chart's main controls) or `none` (written only when set) |
//! | `embed` | show one chart alone, for embedding: one of the page's embed slugs (written only when set) |
//!
//! Numbers are plain decimals (`75`, `1.5`, `0.25`; a leading `-` is
//! read, so `-0` is 0 and `-1` is out of range; no exponents, no
//! thousands separators; surrounding spaces are ignored). Names and
//! keywords are case-sensitive. Parameter names are short and stable:
//! links in the wild depend on them.
//!
//! **Duplicates: the first occurrence wins** (as `URLSearchParams.get`
//! does); later ones are ignored and a notice says so.
//!
//! Values longer than [`MAX_VALUE_CHARS`] characters are refused without
//! being echoed in full. A notice shows at most [`EXCERPT_CHARS`]
//! characters of a value, with control and invisible formatting characters
//! removed and `< > " ' \` & “ ” ‘ ’` replaced by `?`; names of unknown
//! parameters are never echoed.

use crate::error::CoreError;
use crate::framing::{builtin, BucketRole, Framing, FramingId};
use crate::lang::Lang;
use crate::model::Model;
use crate::money::Usd;
use crate::msg;
use crate::scenario::Inputs;
use crate::yields::{FlowDirection, YieldEffectInputs};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use std::fmt;

/// The longest value (in characters) that is read; longer ones are refused.
pub const MAX_VALUE_CHARS: usize = 64;

/// The most characters of a value a notice shows (an ellipsis included).
pub const EXCERPT_CHARS: usize = 24;

/// Every URL parameter, `(name, meaning)`, in the order [`to_query`] writes
/// them. `y.<bucket-id>` stands for one parameter per bucket of both
/// framings (see [`param_names`] for the full list).
pub const PARAMS: &[(&str, &str)] = &[
    ("framing", "which framing is shown: `article` or `record`"),
    ("step", "the current step, counted from 1"),
    (
        "a.treasuries",
        "article framing: Treasuries share, percent of the fund",
    ),
    (
        "a.direct",
        "article framing: direct-investment share, percent of the fund",
    ),
    (
        "a.split",
        "article framing: percent of the rest going to the first remainder bucket \
         (agency bonds/MBS); the second (index funds) gets the rest",
    ),
    (
        "r.direct",
        "record framing: equity share, percent of the fund",
    ),
    (
        "r.split",
        "record framing: percent of the rest going to the first remainder bucket \
         (loans); the second (guarantees) gets the rest",
    ),
    ("usdjpy", "yen per US dollar (50–500)"),
    (
        "y.<bucket-id>",
        "annual yield of that bucket, percent (0–25); one per bucket of both framings, \
         e.g. `y.treasuries`, `y.loans`",
    ),
    (
        "p.principal",
        "profit split: principal, billions of dollars (above 0, at most 550)",
    ),
    (
        "p.yield",
        "profit split: the project's annual cash yield, percent (0–50)",
    ),
    (
        "p.benchmark",
        "profit split: benchmark rate, percent (0–20)",
    ),
    (
        "p.spread",
        "profit split: risk spread over the benchmark, percent (0–20)",
    ),
    ("p.years", "profit split: horizon, whole years (1–50)"),
    (
        "f.amount",
        "yield effect: amount bought or sold, billions of dollars (0–550), \
         or `auto` to follow the Treasuries part",
    ),
    (
        "f.months",
        "yield effect: months the flow is spread over (1–120)",
    ),
    ("f.dir", "yield effect: `buy` or `sell`"),
    ("theme", "colour theme: `auto`, `light` or `dark`"),
    ("lang", "language of the page: `en` or `ja` (a page in the other language sends the reader to its counterpart)"),
    (
        "controls",
        "embeds only: which controls an embedded chart shows: `all`, `compact` (the chart's main controls) or `none` (written only when set)",
    ),
    (
        "embed",
        "show one chart alone, for embedding: one of the page's embed slugs \
         (written only when set)",
    ),
];

/// The colour theme asked for in the URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ThemeParam {
    /// Follow the reader's system setting.
    #[default]
    Auto,
    /// Light colours.
    Light,
    /// Dark colours.
    Dark,
}

impl ThemeParam {
    /// All themes, in the order a picker shows them.
    pub const ALL: [ThemeParam; 3] = [ThemeParam::Auto, ThemeParam::Light, ThemeParam::Dark];

    /// The value as written in the URL: `auto`, `light` or `dark`.
    pub fn as_str(self) -> &'static str {
        match self {
            ThemeParam::Auto => "auto",
            ThemeParam::Light => "light",
            ThemeParam::Dark => "dark",
        }
    }

    /// Reads `auto`, `light` or `dark` (exactly); anything else is `None`.
    pub fn parse(s: &str) -> Option<ThemeParam> {
        ThemeParam::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

/// How many controls an embedded chart shows (`controls=` in the URL).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ControlsParam {
    /// Every control the chart has.
    All,
    /// The chart's one or two main controls (the embed default).
    #[default]
    Compact,
    /// None: the chart, its words and sources only.
    None,
}

impl ControlsParam {
    /// All settings, in the order a picker shows them.
    pub const ALL: [ControlsParam; 3] = [
        ControlsParam::Compact,
        ControlsParam::All,
        ControlsParam::None,
    ];

    /// The value as written in the URL: `all`, `compact` or `none`.
    pub fn as_str(self) -> &'static str {
        match self {
            ControlsParam::All => "all",
            ControlsParam::Compact => "compact",
            ControlsParam::None => "none",
        }
    }

    /// Reads `all`, `compact` or `none` (exactly); anything else is `None`.
    pub fn parse(s: &str) -> Option<ControlsParam> {
        ControlsParam::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

/// Everything the query string carries: the reader's [`Model`] (framing,
/// inputs of both framings, yields of both framings, rate, profit and flow
/// inputs, current step), the theme and the embedded chart, if any.
///
/// Made with [`UrlState::new`], which drops the two values a link does not
/// carry because they have no effect on the page (see there), so that
/// `parse(&to_query(&s), ..)` gives back `s` exactly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlState {
    model: Model,
    theme: ThemeParam,
    embed: Option<String>,
    lang: Option<Lang>,
    controls: Option<ControlsParam>,
}

impl Default for UrlState {
    /// The default model, the automatic theme, no embed.
    fn default() -> Self {
        UrlState::new(Model::default(), ThemeParam::Auto, None)
    }
}

impl UrlState {
    /// Wraps a model, a theme and an embed slug.
    ///
    /// Two values of the model have no effect on the page and are not
    /// carried by the URL, so they are reset here to their defaults: the
    /// Treasuries share stored for a framing that has no Treasuries bucket,
    /// and the flow amount stored while the amount follows the Treasuries
    /// part (`f.amount=auto`; the months and direction are kept).
    pub fn new(mut model: Model, theme: ThemeParam, embed: Option<String>) -> UrlState {
        for id in FramingId::ALL {
            let framing = builtin(id);
            if framing.bucket_by_role(BucketRole::Treasuries).is_none() {
                let mut inputs = model.inputs_for(id);
                inputs.treasuries = framing.default_inputs().treasuries;
                // The other inputs were valid and the default Treasuries
                // share is ignored by this framing: cannot be refused.
                let _ = model.set_inputs_for(id, inputs);
            }
        }
        if model.flow_follows_treasuries() {
            // The default amount is valid: cannot be refused.
            let _ = model.set_flow_amount(YieldEffectInputs::default().amount());
            let _ = model.set_flow_follows_treasuries(true);
        }
        UrlState {
            model,
            theme,
            embed,
            lang: None,
            controls: None,
        }
    }

    /// The same state, in a language (written as `lang=`).
    pub fn with_lang(mut self, lang: Option<Lang>) -> UrlState {
        self.lang = lang;
        self
    }

    /// The same state, with an embed's controls setting (written as `controls=`).
    pub fn with_controls(mut self, controls: Option<ControlsParam>) -> UrlState {
        self.controls = controls;
        self
    }

    /// The language asked for, if any.
    pub fn lang(&self) -> Option<Lang> {
        self.lang
    }

    /// The embed's controls setting asked for, if any.
    pub fn controls(&self) -> Option<ControlsParam> {
        self.controls
    }

    /// The reader's model.
    pub fn model(&self) -> &Model {
        &self.model
    }
    /// The model, taken out.
    pub fn into_model(self) -> Model {
        self.model
    }
    /// The current step, counted from 0 (the URL counts from 1); the same as
    /// `self.model().step()`.
    pub fn step(&self) -> usize {
        self.model.step()
    }
    /// The theme.
    pub fn theme(&self) -> ThemeParam {
        self.theme
    }
    /// The slug of the chart shown alone, if any.
    pub fn embed(&self) -> Option<&str> {
        self.embed.as_deref()
    }
}

/// One parameter that was malformed, out of range or repeated, for a
/// visible notice. Its text is plain (show it as text, never as HTML), and
/// the name and value excerpt are short and cleaned (see the module docs).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParamNotice {
    param: String,
    value_excerpt: String,
    problem: Problem,
    fallback: Fallback,
}

/// What was wrong with a value.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Problem {
    Bad(Bad),
    TooLong,
    NoValue,
    NotFraming,
    NeitherNumberNorAuto,
    NotDirection,
    NotStep(usize),
    NotTheme,
    NotLang,
    NotControls,
    NotChart,
    Core(CoreError),
    Repeated(usize),
}

/// What is used instead.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Fallback {
    Default(DefaultValue),
    WholePage,
    FirstOnly,
}

/// A parameter's default, as a notice names it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum DefaultValue {
    None,
    Auto,
    Percent(String),
    Billions(Decimal),
    Yen(Decimal),
    Plain(String),
}

impl DefaultValue {
    fn text(&self, lang: Lang) -> String {
        match self {
            DefaultValue::None => msg::param::no_default(lang).to_string(),
            DefaultValue::Auto => msg::param::auto_amount(lang).to_string(),
            DefaultValue::Percent(v) => format!("{v}%"),
            DefaultValue::Billions(b) => {
                let dollars = b.checked_mul(Decimal::from(1_000_000_000u64)).unwrap_or(*b);
                crate::format::usd(Usd::new(dollars), lang)
            }
            DefaultValue::Yen(v) => crate::format::usdjpy(*v, lang),
            DefaultValue::Plain(v) => v.clone(),
        }
    }
}

impl Problem {
    fn text(&self, lang: Lang) -> String {
        use msg::param as m;
        match self {
            Problem::Bad(b) => b.text(lang).to_string(),
            Problem::TooLong => m::too_long(lang, &MAX_VALUE_CHARS.to_string()),
            Problem::NoValue => m::no_value(lang).to_string(),
            Problem::NotFraming => m::not_framing(lang).to_string(),
            Problem::NeitherNumberNorAuto => m::not_number_or_auto(lang).to_string(),
            Problem::NotDirection => m::not_direction(lang).to_string(),
            Problem::NotStep(count) => m::not_step(lang, &count.to_string()),
            Problem::NotTheme => m::not_theme(lang).to_string(),
            Problem::NotLang => m::not_lang(lang).to_string(),
            Problem::NotControls => m::not_controls(lang).to_string(),
            Problem::NotChart => m::not_chart(lang).to_string(),
            Problem::Core(e) => m::refused(lang, &e.message(lang)),
            Problem::Repeated(count) => count.to_string(),
        }
    }
}

impl ParamNotice {
    fn new(param: &str, value: &str, problem: Problem, fallback: Fallback) -> ParamNotice {
        ParamNotice {
            param: excerpt(param),
            value_excerpt: excerpt(value),
            problem,
            fallback,
        }
    }
    /// The parameter's name (always a known name).
    pub fn param(&self) -> &str {
        &self.param
    }
    /// At most [`EXCERPT_CHARS`] cleaned characters of the value given.
    pub fn value_excerpt(&self) -> &str {
        &self.value_excerpt
    }
    /// The notice as one plain sentence in `lang`: the parameter and value, what was wrong and
    /// what is used instead, e.g. `“a.treasuries=abc” is not a number; using the default, 75%.`
    pub fn message(&self, lang: Lang) -> String {
        let (p, v) = (self.param.as_str(), self.value_excerpt.as_str());
        match (&self.fallback, &self.problem) {
            (Fallback::FirstOnly, Problem::Repeated(count)) => {
                msg::param::repeated(lang, p, v, &count.to_string())
            }
            (Fallback::WholePage, problem) => {
                msg::param::whole_page(lang, p, v, &problem.text(lang))
            }
            (Fallback::Default(d), Problem::Core(e)) => {
                msg::param::refused_default(lang, p, v, &e.message(lang), &d.text(lang))
            }
            (Fallback::Default(d), problem) => {
                msg::param::with_default(lang, p, v, &problem.text(lang), &d.text(lang))
            }
            (Fallback::FirstOnly, problem) => {
                msg::param::whole_page(lang, p, v, &problem.text(lang))
            }
        }
    }
}

impl fmt::Display for ParamNotice {
    /// The English [`ParamNotice::message`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// Characters dropped from an excerpt: controls and invisible formatting
/// (bidirectional overrides, zero-width characters, tags) and combining
/// marks that could pile up over one character.
fn is_dropped(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{0300}'..='\u{036F}'
                | '\u{061C}'
                | '\u{180E}'
                | '\u{1AB0}'..='\u{1AFF}'
                | '\u{1DC0}'..='\u{1DFF}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{20D0}'..='\u{20FF}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FE20}'..='\u{FE2F}'
                | '\u{FEFF}'
                | '\u{FFF9}'..='\u{FFFB}'
                | '\u{E0000}'..='\u{E0FFF}'
        )
}

/// A short, cleaned excerpt of `s`: at most [`EXCERPT_CHARS`] characters
/// (the last an ellipsis if cut), without dropped characters, with markup
/// and quote characters replaced by `?` and any whitespace by a space.
fn excerpt(s: &str) -> String {
    let mut out = String::new();
    let mut kept = s.chars().filter(|c| !is_dropped(*c)).peekable();
    let mut n = 0;
    while let Some(c) = kept.next() {
        if n + 1 == EXCERPT_CHARS && kept.peek().is_some() {
            out.push('…');
            break;
        }
        out.push(match c {
            '<' | '>' | '"' | '\'' | '`' | '&' | '“' | '”' | '‘' | '’' => '?',
            c if c.is_whitespace() => ' ',
            c => c,
        });
        n += 1;
    }
    out
}

// ----- the parameters -----

/// One of a framing's three inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Treasuries,
    Direct,
    Split,
}

impl Field {
    const ALL: [Field; 3] = [Field::Treasuries, Field::Direct, Field::Split];
    fn suffix(self) -> &'static str {
        match self {
            Field::Treasuries => "treasuries",
            Field::Direct => "direct",
            Field::Split => "split",
        }
    }
    fn get(self, i: &Inputs) -> Decimal {
        match self {
            Field::Treasuries => i.treasuries,
            Field::Direct => i.direct,
            Field::Split => i.remainder_split,
        }
    }
    fn set(self, i: &mut Inputs, v: Decimal) {
        match self {
            Field::Treasuries => i.treasuries = v,
            Field::Direct => i.direct = v,
            Field::Split => i.remainder_split = v,
        }
    }
}

/// A known parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Key {
    Framing,
    Step,
    Input(FramingId, Field),
    UsdJpy,
    /// A yield: framing and bucket index.
    Yield(FramingId, usize),
    Principal,
    CashYield,
    Benchmark,
    Spread,
    Years,
    FlowAmount,
    FlowMonths,
    FlowDir,
    Theme,
    Lang,
    Controls,
    Embed,
}

/// How a value is shown in "using the default, …".
#[derive(Debug, Clone, Copy)]
enum Unit {
    Percent,
    Billions,
    Yen,
    Plain,
}

impl Key {
    fn unit(self) -> Unit {
        match self {
            Key::Input(..) | Key::Yield(..) | Key::CashYield | Key::Benchmark | Key::Spread => {
                Unit::Percent
            }
            Key::Principal | Key::FlowAmount => Unit::Billions,
            Key::UsdJpy => Unit::Yen,
            _ => Unit::Plain,
        }
    }
}

fn prefix(id: FramingId) -> &'static str {
    match id {
        FramingId::Article => "a.",
        FramingId::Record => "r.",
    }
}

/// Every known parameter with its name, in writing order.
fn keys() -> Vec<(Key, String)> {
    let framings: Vec<&Framing> = FramingId::ALL.iter().map(|id| builtin(*id)).collect();
    let mut out = vec![
        (Key::Framing, "framing".to_string()),
        (Key::Step, "step".to_string()),
    ];
    for f in &framings {
        for field in Field::ALL {
            if field == Field::Treasuries && f.bucket_by_role(BucketRole::Treasuries).is_none() {
                continue;
            }
            out.push((
                Key::Input(f.id(), field),
                format!("{}{}", prefix(f.id()), field.suffix()),
            ));
        }
    }
    out.push((Key::UsdJpy, "usdjpy".to_string()));
    for f in &framings {
        for (i, b) in f.buckets().iter().enumerate() {
            out.push((Key::Yield(f.id(), i), format!("y.{}", b.id())));
        }
    }
    out.extend([
        (Key::Principal, "p.principal".to_string()),
        (Key::CashYield, "p.yield".to_string()),
        (Key::Benchmark, "p.benchmark".to_string()),
        (Key::Spread, "p.spread".to_string()),
        (Key::Years, "p.years".to_string()),
        (Key::FlowAmount, "f.amount".to_string()),
        (Key::FlowMonths, "f.months".to_string()),
        (Key::FlowDir, "f.dir".to_string()),
        (Key::Theme, "theme".to_string()),
        (Key::Lang, "lang".to_string()),
        (Key::Controls, "controls".to_string()),
        (Key::Embed, "embed".to_string()),
    ]);
    out
}

/// The full name of every parameter, in the order [`to_query`] writes them
/// (`y.<bucket-id>` expanded for the built-in framings).
pub fn param_names() -> Vec<String> {
    keys().into_iter().map(|(_, name)| name).collect()
}

/// The names of the parameters that change what the page shows beyond its look: the framing,
/// the step and every number (not `theme`, `lang`, `controls` or `embed`, which a page applies
/// before and without its WebAssembly). A page whose link has none of these shows exactly what
/// was prerendered.
pub fn state_param_names() -> Vec<String> {
    keys()
        .into_iter()
        .filter(|(k, _)| !matches!(k, Key::Theme | Key::Lang | Key::Controls | Key::Embed))
        .map(|(_, name)| name)
        .collect()
}

fn dec(d: Decimal) -> String {
    d.normalize().to_string()
}

fn direction_str(d: FlowDirection) -> &'static str {
    match d {
        FlowDirection::Buying => "buy",
        FlowDirection::Selling => "sell",
    }
}

/// The value `to_query` writes for `key`; `None` = not written.
fn value_of(state: &UrlState, key: Key) -> Option<String> {
    let m = &state.model;
    Some(match key {
        Key::Framing => m.framing().as_str().to_string(),
        Key::Step => m.step().saturating_add(1).to_string(),
        Key::Input(id, field) => dec(field.get(&m.inputs_for(id))),
        Key::UsdJpy => dec(m.usdjpy().rate()),
        Key::Yield(id, i) => dec(m.yields_for(id).entries().get(i)?.percent()),
        Key::Principal => dec(m.profit().principal().in_billions()),
        Key::CashYield => dec(m.profit().cash_yield_pct()),
        Key::Benchmark => dec(m.profit().benchmark_pct()),
        Key::Spread => dec(m.profit().spread_pct()),
        Key::Years => m.profit().horizon_years().to_string(),
        Key::FlowAmount => {
            if m.flow_follows_treasuries() {
                "auto".to_string()
            } else {
                dec(m.flow().amount().in_billions())
            }
        }
        Key::FlowMonths => m.flow().months().to_string(),
        Key::FlowDir => direction_str(m.flow().direction()).to_string(),
        Key::Theme => state.theme.as_str().to_string(),
        Key::Lang => state.lang?.as_str().to_string(),
        Key::Controls => state.controls?.as_str().to_string(),
        Key::Embed => state.embed.clone()?,
    })
}

/// The query string for `state`, without a leading `?`: every parameter,
/// in the order of [`PARAMS`], decimals in plain normalized form (`1.5`,
/// never `1.50` or `1.5e0`); `embed` only when set.
///
/// `parse(&to_query(&s), step_count, slugs)` gives back `s` with no notice
/// whenever `s`'s step is below `step_count` and its embed slug is among
/// `slugs`.
pub fn to_query(state: &UrlState) -> String {
    let mut ser = form_urlencoded::Serializer::new(String::new());
    for (key, name) in keys() {
        if let Some(v) = value_of(state, key) {
            ser.append_pair(&name, &v);
        }
    }
    ser.finish()
}

// ----- reading values -----

/// Why a value could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bad {
    NotNumber,
    TooLarge,
    TooPrecise,
    NotWhole,
    OutOfRange,
}

impl Bad {
    fn text(&self, lang: Lang) -> &'static str {
        match self {
            Bad::NotNumber => msg::param::not_number(lang),
            Bad::TooLarge => msg::param::too_large(lang),
            Bad::TooPrecise => msg::param::too_precise(lang),
            Bad::NotWhole => msg::param::not_whole(lang),
            Bad::OutOfRange => msg::param::out_of_range(lang),
        }
    }
}

/// Reads a plain decimal: optional `-`, digits, optional `.` and digits
/// (at least one digit in all); surrounding ASCII whitespace is ignored.
fn read_decimal(s: &str) -> Result<Decimal, Bad> {
    let t = s.trim_matches(|c: char| c.is_ascii_whitespace());
    let (negative, body) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    if !digits(int) || !digits(frac) || int.len() + frac.len() == 0 {
        return Err(Bad::NotNumber);
    }
    let int = int.trim_start_matches('0');
    let frac = frac.trim_end_matches('0');
    if int.len() > 29 {
        return Err(Bad::TooLarge);
    }
    let mut canonical = String::with_capacity(int.len() + frac.len() + 3);
    if negative {
        canonical.push('-');
    }
    canonical.push_str(if int.is_empty() { "0" } else { int });
    if !frac.is_empty() {
        canonical.push('.');
        canonical.push_str(frac);
    }
    match Decimal::from_str_exact(&canonical) {
        Ok(d) => Ok(d.normalize()),
        Err(_) if int.len() >= 29 => Err(Bad::TooLarge),
        Err(_) => Err(Bad::TooPrecise),
    }
}

/// Reads a whole number that fits a `u32`.
fn read_u32(s: &str) -> Result<u32, Bad> {
    let d = read_decimal(s)?;
    if !d.fract().is_zero() {
        return Err(Bad::NotWhole);
    }
    d.to_u32().ok_or(Bad::OutOfRange)
}

/// Reads a number of billions of dollars as dollars.
fn read_billions(s: &str) -> Result<Usd, Bad> {
    let b = read_decimal(s)?;
    b.checked_mul(Decimal::from(1_000_000_000u64))
        .map(|d| Usd::new(d.normalize()))
        .ok_or(Bad::TooLarge)
}

/// Collects notices while a state is being parsed.
struct Parser {
    keys: Vec<(Key, String)>,
    /// The first value given for each key.
    values: Vec<Option<String>>,
    /// How many times each key was given.
    counts: Vec<usize>,
    defaults: UrlState,
    notices: Vec<ParamNotice>,
}

impl Parser {
    fn index(&self, key: Key) -> Option<usize> {
        self.keys.iter().position(|(k, _)| *k == key)
    }

    fn name(&self, key: Key) -> &str {
        self.index(key)
            .and_then(|i| self.keys.get(i))
            .map(|(_, n)| n.as_str())
            .unwrap_or("")
    }

    /// The value given for `key`, if any; a notice (and `None`) if it is
    /// empty or too long.
    fn raw(&mut self, key: Key) -> Option<String> {
        let i = self.index(key)?;
        let v = self.values.get(i)?.clone()?;
        if v.chars().nth(MAX_VALUE_CHARS).is_some() {
            self.refuse(key, &v, Problem::TooLong);
            return None;
        }
        if v.is_empty() {
            self.refuse(key, &v, Problem::NoValue);
            return None;
        }
        Some(v)
    }

    fn default_value(&self, key: Key) -> DefaultValue {
        let Some(v) = value_of(&self.defaults, key) else {
            return DefaultValue::None;
        };
        match (key, key.unit()) {
            (Key::FlowAmount, _) if v == "auto" => DefaultValue::Auto,
            (_, Unit::Percent) => DefaultValue::Percent(v),
            (_, Unit::Billions) => v
                .parse::<Decimal>()
                .map(DefaultValue::Billions)
                .unwrap_or(DefaultValue::Plain(v)),
            (_, Unit::Yen) => v
                .parse::<Decimal>()
                .map(DefaultValue::Yen)
                .unwrap_or(DefaultValue::Plain(v)),
            (_, Unit::Plain) => DefaultValue::Plain(v),
        }
    }

    /// Records that `value` for `key` was refused.
    fn refuse(&mut self, key: Key, value: &str, problem: Problem) {
        let fallback = if key == Key::Embed {
            Fallback::WholePage
        } else {
            Fallback::Default(self.default_value(key))
        };
        let notice = ParamNotice::new(self.name(key), value, problem, fallback);
        self.notices.push(notice);
    }

    fn refuse_core(&mut self, key: Key, value: &str, e: &CoreError) {
        self.refuse(key, value, Problem::Core(e.clone()));
    }

    /// Reads `key` with `read` and hands the result to `apply`; a notice if
    /// either refuses.
    fn number<T>(
        &mut self,
        model: &mut Model,
        key: Key,
        read: impl FnOnce(&str) -> Result<T, Bad>,
        apply: impl FnOnce(&mut Model, T) -> Result<(), CoreError>,
    ) {
        let Some(raw) = self.raw(key) else { return };
        match read(&raw) {
            Err(bad) => self.refuse(key, &raw, Problem::Bad(bad)),
            Ok(v) => {
                if let Err(e) = apply(model, v) {
                    self.refuse_core(key, &raw, &e);
                }
            }
        }
    }

    /// Reads one framing's inputs, validated first one by one, then as a
    /// whole.
    fn inputs(&mut self, model: &mut Model, id: FramingId) {
        let defaults = builtin(id).default_inputs();
        let mut given: Vec<(Field, Decimal, String)> = Vec::new();
        for field in Field::ALL {
            let key = Key::Input(id, field);
            if self.index(key).is_none() {
                continue;
            }
            let Some(raw) = self.raw(key) else { continue };
            let v = match read_decimal(&raw) {
                Ok(v) => v,
                Err(bad) => {
                    self.refuse(key, &raw, Problem::Bad(bad));
                    continue;
                }
            };
            // Alone, with the other fixed share at 0, so that only this
            // value can be at fault.
            let mut probe = Inputs {
                treasuries: Decimal::ZERO,
                direct: Decimal::ZERO,
                remainder_split: defaults.remainder_split,
            };
            field.set(&mut probe, v);
            match Model::default().set_inputs_for(id, probe) {
                Ok(()) => given.push((field, v, raw)),
                Err(e) => self.refuse_core(key, &raw, &e),
            }
        }
        let combine = |given: &[(Field, Decimal, String)]| {
            let mut inputs = defaults;
            for (field, v, _) in given {
                field.set(&mut inputs, *v);
            }
            inputs
        };
        if let Err(e) = model.set_inputs_for(id, combine(&given)) {
            // Each value is fine alone, so the shares do not fit together:
            // the given shares fall back; a given split is kept.
            let (shares, rest): (Vec<_>, Vec<_>) = given
                .into_iter()
                .partition(|(field, _, _)| *field != Field::Split);
            for (field, _, raw) in &shares {
                self.refuse_core(Key::Input(id, *field), raw, &e);
            }
            if let Err(e) = model.set_inputs_for(id, combine(&rest)) {
                for (field, _, raw) in &rest {
                    self.refuse_core(Key::Input(id, *field), raw, &e);
                }
                // The framing's defaults are valid.
                let _ = model.set_inputs_for(id, defaults);
            }
        }
    }

    fn choice<T>(&mut self, key: Key, options: &[(&str, T)], reason: Problem) -> Option<T>
    where
        T: Copy,
    {
        let raw = self.raw(key)?;
        match options.iter().find(|(s, _)| *s == raw) {
            Some((_, v)) => Some(*v),
            None => {
                self.refuse(key, &raw, reason);
                None
            }
        }
    }
}

/// Reads a query string (with or without a leading `?`) into a
/// [`UrlState`], with a notice for every parameter that was malformed, out
/// of range or repeated; each such parameter keeps its default.
///
/// `step_count` is how many steps the page has (`step` must be 1 to
/// `step_count`; `step=1` is always accepted); `embed_slugs` are the
/// charts that can be shown alone. Unknown parameters are ignored without a
/// notice; the first of repeated parameters is used. Never panics.
pub fn parse(query: &str, step_count: usize, embed_slugs: &[&str]) -> (UrlState, Vec<ParamNotice>) {
    let query = query.strip_prefix('?').unwrap_or(query);
    let keys = keys();
    let mut values: Vec<Option<String>> = vec![None; keys.len()];
    let mut counts = vec![0usize; keys.len()];
    for (name, value) in form_urlencoded::parse(query.as_bytes()) {
        if let Some(i) = keys.iter().position(|(_, n)| *n == name) {
            if let (Some(slot), Some(count)) = (values.get_mut(i), counts.get_mut(i)) {
                if slot.is_none() {
                    // Keep at most one character past the limit: enough to
                    // know it is too long.
                    *slot = Some(value.chars().take(MAX_VALUE_CHARS + 1).collect());
                }
                *count = count.saturating_add(1);
            }
        }
    }
    let mut p = Parser {
        keys,
        values,
        counts,
        defaults: UrlState::default(),
        notices: Vec::new(),
    };
    let mut model = Model::default();

    if let Some(id) = p.choice(
        Key::Framing,
        &[
            ("article", FramingId::Article),
            ("record", FramingId::Record),
        ],
        Problem::NotFraming,
    ) {
        let _ = model.set_framing(id);
    }

    for id in FramingId::ALL {
        p.inputs(&mut model, id);
    }

    p.number(&mut model, Key::UsdJpy, read_decimal, |m, v| {
        m.set_usdjpy(v)
    });

    for id in FramingId::ALL {
        let framing = builtin(id);
        for (i, b) in framing.buckets().iter().enumerate() {
            p.number(&mut model, Key::Yield(id, i), read_decimal, |m, v| {
                m.set_yield_for(id, b.id(), v)
            });
        }
    }

    p.number(&mut model, Key::Principal, read_billions, |m, v| {
        m.set_profit_principal(v)
    });
    p.number(&mut model, Key::CashYield, read_decimal, |m, v| {
        m.set_profit_cash_yield(v)
    });
    p.number(&mut model, Key::Benchmark, read_decimal, |m, v| {
        m.set_profit_benchmark(v)
    });
    p.number(&mut model, Key::Spread, read_decimal, |m, v| {
        m.set_profit_spread(v)
    });
    p.number(&mut model, Key::Years, read_u32, |m, v| {
        m.set_profit_horizon(v)
    });

    if let Some(raw) = p.raw(Key::FlowAmount) {
        if raw != "auto" {
            match read_billions(&raw) {
                Err(Bad::NotNumber) => {
                    p.refuse(Key::FlowAmount, &raw, Problem::NeitherNumberNorAuto)
                }
                Err(bad) => p.refuse(Key::FlowAmount, &raw, Problem::Bad(bad)),
                Ok(v) => {
                    if let Err(e) = model.set_flow_amount(v) {
                        p.refuse_core(Key::FlowAmount, &raw, &e);
                    }
                }
            }
        }
    }
    p.number(&mut model, Key::FlowMonths, read_u32, |m, v| {
        m.set_flow_months(v)
    });
    if let Some(dir) = p.choice(
        Key::FlowDir,
        &[
            ("buy", FlowDirection::Buying),
            ("sell", FlowDirection::Selling),
        ],
        Problem::NotDirection,
    ) {
        let _ = model.set_flow_direction(dir);
    }

    if let Some(raw) = p.raw(Key::Step) {
        let reason = Problem::NotStep(step_count);
        match read_u32(&raw) {
            Err(Bad::OutOfRange | Bad::TooLarge) => p.refuse(Key::Step, &raw, reason),
            Err(bad) => p.refuse(Key::Step, &raw, Problem::Bad(bad)),
            Ok(0) => p.refuse(Key::Step, &raw, reason),
            Ok(n) => {
                let index = usize::try_from(n - 1).unwrap_or(usize::MAX);
                if index > 0 && model.set_step(index, step_count).is_err() {
                    p.refuse(Key::Step, &raw, reason);
                }
            }
        }
    }

    let theme = p
        .choice(
            Key::Theme,
            &[
                ("auto", ThemeParam::Auto),
                ("light", ThemeParam::Light),
                ("dark", ThemeParam::Dark),
            ],
            Problem::NotTheme,
        )
        .unwrap_or_default();

    let lang = p.choice(
        Key::Lang,
        &[("en", Lang::En), ("ja", Lang::Ja)],
        Problem::NotLang,
    );
    let controls = p.choice(
        Key::Controls,
        &[
            ("all", ControlsParam::All),
            ("compact", ControlsParam::Compact),
            ("none", ControlsParam::None),
        ],
        Problem::NotControls,
    );

    let embed = match p.raw(Key::Embed) {
        None => None,
        Some(raw) => match embed_slugs.iter().find(|s| **s == raw) {
            Some(s) => Some((*s).to_string()),
            None => {
                p.refuse(Key::Embed, &raw, Problem::NotChart);
                None
            }
        },
    };

    // Repeats, in parameter order.
    let repeated: Vec<(Key, String, usize)> = p
        .keys
        .iter()
        .zip(p.values.iter().zip(p.counts.iter()))
        .filter(|(_, (_, count))| **count > 1)
        .map(|((key, _), (value, count))| (*key, value.clone().unwrap_or_default(), *count))
        .collect();
    for (key, value, count) in repeated {
        let name = p.name(key).to_string();
        p.notices.push(ParamNotice::new(
            &name,
            &value,
            Problem::Repeated(count),
            Fallback::FirstOnly,
        ));
    }

    let state = UrlState::new(model, theme, embed)
        .with_lang(lang)
        .with_controls(controls);
    (state, p.notices)
}
