//! Scenarios: one share per bucket of a framing, always adding up to exactly 100%.

use crate::error::CoreError;
use crate::framing::{Bucket, BucketRole, Framing, FramingId};
use crate::share::Share;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The reader's raw settings, as percentages, before validation.
///
/// These are plain numbers as a slider or URL gives them; nothing is
/// checked until [`Scenario::from_inputs`] turns them into a scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inputs {
    /// Percent of the total in the Treasuries bucket (ignored if the framing has none).
    pub treasuries: Decimal,
    /// Percent of the total in the direct bucket.
    pub direct: Decimal,
    /// Percent of the remainder (what is left after Treasuries and direct)
    /// that goes to the first remainder bucket; the second gets the rest.
    pub remainder_split: Decimal,
}

/// A validated share for every bucket of one framing, in bucket order,
/// adding up to exactly 100.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Scenario {
    framing: FramingId,
    shares: Vec<(String, Share)>,
}

impl Scenario {
    /// Makes a scenario from one `(bucket id, percent)` pair per bucket.
    ///
    /// Refuses an unknown or repeated bucket, a missing bucket, a share
    /// outside 0–100, and shares that do not add up to exactly 100.
    /// Each share may have at most [`MAX_INPUT_PLACES`] decimal places.
    pub fn new(framing: &Framing, shares: &[(&str, Decimal)]) -> Result<Scenario, CoreError> {
        Self::build(framing, shares, true)
    }

    fn build(
        framing: &Framing,
        shares: &[(&str, Decimal)],
        check_places: bool,
    ) -> Result<Scenario, CoreError> {
        for (i, (id, _)) in shares.iter().enumerate() {
            if framing.bucket(id).is_none() {
                return Err(CoreError::UnknownBucket {
                    framing: framing.id().as_str().to_string(),
                    bucket: id.chars().take(60).collect(),
                });
            }
            if shares[..i].iter().any(|(other, _)| other == id) {
                return Err(CoreError::DuplicateBucket {
                    bucket: id.to_string(),
                });
            }
        }
        let mut out = Vec::with_capacity(framing.buckets().len());
        let mut total = Decimal::ZERO;
        for b in framing.buckets() {
            let value = shares
                .iter()
                .find(|(id, _)| *id == b.id())
                .map(|(_, v)| *v)
                .ok_or_else(|| CoreError::MissingBucket {
                    framing: framing.id().as_str().to_string(),
                    bucket: b.id().to_string(),
                })?;
            let share = if check_places {
                bucket_share(b, value)?
            } else {
                share_unchecked_places(b, value)?
            };
            // Each share is 0–100 and there are few buckets: no overflow.
            total += share.percent();
            out.push((b.id().to_string(), share));
        }
        if total != Decimal::ONE_HUNDRED {
            return Err(CoreError::ScenarioTotal {
                total: total.normalize(),
            });
        }
        Ok(Scenario {
            framing: framing.id(),
            shares: out,
        })
    }

    /// Makes a scenario from the reader's inputs.
    ///
    /// The Treasuries bucket (if any) gets `treasuries`, the direct bucket
    /// `direct`; the remainder `100 − treasuries − direct` is split: the first
    /// remainder bucket gets `remainder × remainder_split / 100`, the second
    /// the rest, so the total is exactly 100. If Treasuries and direct
    /// together exceed 100, the error names the direct bucket.
    pub fn from_inputs(framing: &Framing, inputs: &Inputs) -> Result<Scenario, CoreError> {
        Self::from_inputs_blaming(framing, inputs, BucketRole::Direct)
    }

    /// As [`Scenario::from_inputs`], but if Treasuries plus direct exceed
    /// 100 the error names the bucket with role `blame` (the one the reader
    /// just moved).
    pub fn from_inputs_blaming(
        framing: &Framing,
        inputs: &Inputs,
        blame: BucketRole,
    ) -> Result<Scenario, CoreError> {
        let direct_b = require(framing, BucketRole::Direct)?;
        require(framing, BucketRole::RemainderFirst)?;
        require(framing, BucketRole::RemainderSecond)?;
        let treasuries_b = framing.bucket_by_role(BucketRole::Treasuries);

        let direct = bucket_share(direct_b, inputs.direct)?;
        let treasuries = match treasuries_b {
            Some(b) => bucket_share(b, inputs.treasuries)?,
            None => Share::ZERO,
        };
        let split = Share::new(inputs.remainder_split).map_err(|_| CoreError::OutOfRange {
            field: crate::error::Field::RemainderSplit,
            value: inputs.remainder_split,
            min: Decimal::ZERO,
            max: Decimal::ONE_HUNDRED,
        })?;
        check_places(
            || crate::error::Field::RemainderSplit,
            inputs.remainder_split,
        )?;
        let fixed = treasuries.percent() + direct.percent();
        if fixed > Decimal::ONE_HUNDRED {
            // Only reachable when there is a Treasuries bucket.
            let t = treasuries_b.unwrap_or(direct_b);
            let (over, over_v, other, other_v) = if blame == BucketRole::Treasuries {
                (t, treasuries, direct_b, direct)
            } else {
                (direct_b, direct, t, treasuries)
            };
            return Err(CoreError::SharesExceedWhole {
                bucket: over.id().to_string(),
                label: over.label_text().clone(),
                value: over_v.percent(),
                other_label: other.label_text().clone(),
                other_value: other_v.percent(),
            });
        }
        let remainder = Decimal::ONE_HUNDRED - fixed;
        // remainder and split are both 0–100, so the product cannot overflow.
        let first = (remainder * split.percent() / Decimal::ONE_HUNDRED).min(remainder);
        let second = remainder - first;
        let mut shares = Vec::with_capacity(framing.buckets().len());
        for b in framing.buckets() {
            let value = match b.role() {
                BucketRole::Treasuries => treasuries.percent(),
                BucketRole::Direct => direct.percent(),
                BucketRole::RemainderFirst => first,
                BucketRole::RemainderSecond => second,
            };
            shares.push((b.id(), value));
        }
        // Treasuries and direct were checked above; the remainder shares may
        // carry more decimal places than a reader may type, so skip that check.
        Scenario::build(framing, &shares, false)
    }

    /// The framing's default scenario (its default shares).
    ///
    /// Infallible: a framing is only made after checking its defaults form a
    /// valid scenario.
    pub fn defaults(framing: &Framing) -> Scenario {
        Scenario {
            framing: framing.id(),
            shares: framing
                .buckets()
                .iter()
                .map(|b| (b.id().to_string(), b.default_share()))
                .collect(),
        }
    }

    /// Which framing the scenario is for.
    pub fn framing(&self) -> FramingId {
        self.framing
    }

    /// The share of `bucket_id`, if the scenario has that bucket.
    pub fn share_of(&self, bucket_id: &str) -> Option<Share> {
        self.shares
            .iter()
            .find(|(id, _)| id == bucket_id)
            .map(|(_, s)| *s)
    }

    /// `(bucket id, share)` in bucket order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, Share)> + '_ {
        self.shares.iter().map(|(id, s)| (id.as_str(), *s))
    }
}

fn require(framing: &Framing, role: BucketRole) -> Result<&Bucket, CoreError> {
    framing
        .bucket_by_role(role)
        .ok_or_else(|| CoreError::InvalidFraming {
            framing: framing.id().as_str().to_string(),
            problem: format!("it has no {role:?} bucket"),
        })
}

/// The most decimal places a reader-given share or split may have (so that
/// every sum and split stays exact within `Decimal`'s 28 digits).
pub const MAX_INPUT_PLACES: u32 = 12;

/// Refuses `value` if it has more than [`MAX_INPUT_PLACES`] decimal places.
pub(crate) fn check_places(
    field: impl FnOnce() -> crate::error::Field,
    value: Decimal,
) -> Result<(), CoreError> {
    if value.normalize().scale() > MAX_INPUT_PLACES {
        return Err(CoreError::TooManyDecimals {
            field: field(),
            value,
            max_places: MAX_INPUT_PLACES,
        });
    }
    Ok(())
}

fn bucket_share(b: &Bucket, value: Decimal) -> Result<Share, CoreError> {
    let share = share_unchecked_places(b, value)?;
    check_places(
        || crate::error::Field::BucketShare(b.label_text().clone()),
        value,
    )?;
    Ok(share)
}

fn share_unchecked_places(b: &Bucket, value: Decimal) -> Result<Share, CoreError> {
    Share::new(value).map_err(|_| CoreError::BucketShareOutOfBounds {
        bucket: b.id().to_string(),
        label: b.label_text().clone(),
        value,
    })
}
