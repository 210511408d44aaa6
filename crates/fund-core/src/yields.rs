//! How much buying or selling Treasuries might move yields (facts §3).
//!
//! The studies measure one-month flows of a given size. Scaling their
//! estimates linearly to other flows is the explainer's illustration, not
//! the papers' own claim; [`illustration_note`] says so for the page.

use crate::error::CoreError;
use crate::money::Usd;
use rust_decimal::Decimal;
use serde::Serialize;

/// What the page must say beside any scaled estimate, in `lang`.
pub fn illustration_note(lang: crate::lang::Lang) -> &'static str {
    crate::msg::note::illustration(lang)
}

/// The most months a flow may be spread over.
pub const MAX_MONTHS: u32 = 120;

/// Whether Treasuries are bought (yields fall) or sold (yields rise).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FlowDirection {
    /// Buying: pushes yields down (negative basis points).
    Buying,
    /// Selling: pushes yields up (positive basis points).
    Selling,
}

/// A validated flow: an amount spread evenly over some months.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct YieldEffectInputs {
    amount: Usd,
    months: u32,
    direction: FlowDirection,
}

impl YieldEffectInputs {
    /// Refuses an amount below $0 or above $550 billion (or with fractions
    /// of a cent), and months outside 1–120.
    pub fn new(
        amount: Usd,
        months: u32,
        direction: FlowDirection,
    ) -> Result<YieldEffectInputs, CoreError> {
        let max = crate::profit::MAX_PRINCIPAL_DOLLARS;
        let a = amount.dollars();
        if a < Decimal::ZERO || a > max {
            return Err(CoreError::OutOfRange {
                field: crate::error::Field::FlowAmount,
                value: a,
                min: Decimal::ZERO,
                max,
            });
        }
        if a.normalize().scale() > 2 {
            return Err(CoreError::TooManyDecimals {
                field: crate::error::Field::FlowAmount,
                value: a,
                max_places: 2,
            });
        }
        if !(1..=MAX_MONTHS).contains(&months) {
            return Err(CoreError::OutOfRange {
                field: crate::error::Field::FlowMonths,
                value: Decimal::from(months),
                min: Decimal::ONE,
                max: Decimal::from(MAX_MONTHS),
            });
        }
        Ok(YieldEffectInputs {
            amount: Usd::new(a.normalize()),
            months,
            direction,
        })
    }

    /// The total amount.
    pub fn amount(&self) -> Usd {
        self.amount
    }
    /// Over how many months.
    pub fn months(&self) -> u32 {
        self.months
    }
    /// Buying or selling.
    pub fn direction(&self) -> FlowDirection {
        self.direction
    }
    /// A copy with another amount, validated.
    pub fn with_amount(self, amount: Usd) -> Result<YieldEffectInputs, CoreError> {
        YieldEffectInputs::new(amount, self.months, self.direction)
    }
    /// A copy with another number of months, validated.
    pub fn with_months(self, months: u32) -> Result<YieldEffectInputs, CoreError> {
        YieldEffectInputs::new(self.amount, months, self.direction)
    }
    /// A copy with another direction.
    pub fn with_direction(self, direction: FlowDirection) -> YieldEffectInputs {
        YieldEffectInputs { direction, ..self }
    }
}

impl Default for YieldEffectInputs {
    /// The article's Treasuries part, $412.5 billion (75% of $550 billion), bought over 40 months
    /// (about Sep 2025 to Jan 2029).
    fn default() -> Self {
        YieldEffectInputs {
            amount: Usd::new(Decimal::from(412_500_000_000u64)),
            months: 40,
            direction: FlowDirection::Buying,
        }
    }
}

/// One study's estimate for a one-month flow of `basis` dollars, unsigned, in basis points.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StudyEstimate {
    /// A stable id, e.g. `"beltran-short-run"`.
    pub id: &'static str,
    /// What the estimate is, in words.
    pub label: &'static str,
    /// The one-month flow the estimate is for.
    pub basis: Usd,
    /// Low end, basis points.
    pub low_bp: Decimal,
    /// Central value, basis points.
    pub central_bp: Decimal,
    /// High end, basis points.
    pub high_bp: Decimal,
    /// Source ids.
    pub sources: &'static [&'static str],
}

fn bn(b: u64) -> Usd {
    Usd::new(Decimal::from(b) * Decimal::from(1_000_000_000u64))
}

/// The estimates the explainer scales: Beltran et al. (2012) short and long
/// run for $100 billion in one month, and the Kansas City Fed (2025) survey
/// for $141 billion in one month.
pub fn study_estimates() -> Vec<StudyEstimate> {
    vec![
        StudyEstimate {
            id: "beltran-short-run",
            label: "Beltran et al. (2012), 5-year yield, short run",
            basis: bn(100),
            low_bp: Decimal::from(40),
            central_bp: Decimal::from(50),
            high_bp: Decimal::from(60),
            sources: &["beltran-2012"],
        },
        StudyEstimate {
            id: "beltran-long-run",
            label: "Beltran et al. (2012), 5-year yield, long run",
            basis: bn(100),
            low_bp: Decimal::from(20),
            central_bp: Decimal::from(20),
            high_bp: Decimal::from(20),
            sources: &["beltran-2012"],
        },
        StudyEstimate {
            id: "kcfed-survey",
            label: "Kansas City Fed (2025), average across studies",
            basis: bn(141),
            low_bp: Decimal::from(25),
            central_bp: Decimal::from(57),
            high_bp: Decimal::from(101),
            sources: &["kcfed-2025"],
        },
    ]
}

/// One study's estimate scaled to the reader's monthly flow; signed
/// (negative = yields fall).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScaledEstimate {
    id: &'static str,
    label: &'static str,
    low_bp: Decimal,
    central_bp: Decimal,
    high_bp: Decimal,
    beyond_measured: bool,
    sources: &'static [&'static str],
}

impl ScaledEstimate {
    /// The study estimate's id.
    pub fn id(&self) -> &'static str {
        self.id
    }
    /// The study estimate's label, in `lang`.
    pub fn label(&self, lang: crate::lang::Lang) -> &'static str {
        use crate::msg::estimate as m;
        match self.id {
            "beltran-short-run" => m::beltran_short(lang),
            "beltran-long-run" => m::beltran_long(lang),
            "kcfed-survey" => m::kcfed(lang),
            _ => self.label,
        }
    }
    /// A shorter label for narrow layouts, in `lang`.
    pub fn short_label(&self, lang: crate::lang::Lang) -> &'static str {
        use crate::msg::estimate as m;
        match self.id {
            "beltran-short-run" => m::beltran_short_short(lang),
            "beltran-long-run" => m::beltran_long_short(lang),
            "kcfed-survey" => m::kcfed_short(lang),
            _ => self.label,
        }
    }
    /// The study's own figure, before any scaling, in `lang` (e.g. "40–60 bp for $100 billion
    /// in one month").
    pub fn study_note(&self, lang: crate::lang::Lang) -> &'static str {
        use crate::msg::estimate as m;
        match self.id {
            "beltran-short-run" => m::beltran_short_note(lang),
            "beltran-long-run" => m::beltran_long_note(lang),
            "kcfed-survey" => m::kcfed_note(lang),
            _ => "",
        }
    }
    /// Scaled low end in bp (smaller magnitude), signed.
    pub fn low_bp(&self) -> Decimal {
        self.low_bp
    }
    /// Scaled central value in bp, signed.
    pub fn central_bp(&self) -> Decimal {
        self.central_bp
    }
    /// Scaled high end in bp (larger magnitude), signed.
    pub fn high_bp(&self) -> Decimal {
        self.high_bp
    }
    /// Whether the monthly flow is larger than the study measured (an extrapolation).
    pub fn beyond_measured(&self) -> bool {
        self.beyond_measured
    }
    /// Source ids.
    pub fn sources(&self) -> &'static [&'static str] {
        self.sources
    }
}

/// The reader's flow and the scaled estimates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct YieldEffect {
    inputs: YieldEffectInputs,
    monthly_flow: Usd,
    estimates: Vec<ScaledEstimate>,
}

impl YieldEffect {
    /// The inputs used.
    pub fn inputs(&self) -> &YieldEffectInputs {
        &self.inputs
    }
    /// Amount per month (exact).
    pub fn monthly_flow(&self) -> Usd {
        self.monthly_flow
    }
    /// One scaled estimate per study estimate, in [`study_estimates`] order.
    pub fn estimates(&self) -> &[ScaledEstimate] {
        &self.estimates
    }
    /// Whether any estimate is an extrapolation beyond the measured flow.
    pub fn any_beyond_measured(&self) -> bool {
        self.estimates.iter().any(|e| e.beyond_measured)
    }
}

/// Scales each study estimate linearly to the monthly flow `amount / months`
/// (see [`illustration_note`]); buying gives negative basis points.
pub fn yield_effect(inputs: &YieldEffectInputs) -> YieldEffect {
    // amount ≤ 5.5e11 and months ≥ 1, bp ≤ 101: every product is tiny next to Decimal's range.
    let monthly = inputs.amount.dollars() / Decimal::from(inputs.months);
    let sign = match inputs.direction {
        FlowDirection::Buying => Decimal::NEGATIVE_ONE,
        FlowDirection::Selling => Decimal::ONE,
    };
    let estimates = study_estimates()
        .into_iter()
        .map(|s| {
            let basis = s.basis.dollars();
            let scale = |bp: Decimal| {
                let v = (sign * bp * monthly / basis).normalize();
                // Never a negative zero (it would print as "-0").
                if v.is_zero() {
                    Decimal::ZERO
                } else {
                    v
                }
            };
            ScaledEstimate {
                id: s.id,
                label: s.label,
                low_bp: scale(s.low_bp),
                central_bp: scale(s.central_bp),
                high_bp: scale(s.high_bp),
                beyond_measured: monthly > basis,
                sources: s.sources,
            }
        })
        .collect();
    YieldEffect {
        inputs: *inputs,
        monthly_flow: Usd::new(monthly.normalize()),
        estimates,
    }
}
