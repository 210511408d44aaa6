//! Pixel scales and "nice" tick values (f64: pixel geometry only).

use rust_decimal::prelude::{FromPrimitive, ToPrimitive};
use rust_decimal::Decimal;

/// A decimal as f64 for drawing; 0 if it cannot be represented.
pub(crate) fn f(d: Decimal) -> f64 {
    d.to_f64().filter(|v| v.is_finite()).unwrap_or(0.0)
}

/// An f64 tick value as a decimal, for formatting; 0 if not representable.
pub(crate) fn dec(v: f64) -> Decimal {
    Decimal::from_f64(v).unwrap_or(Decimal::ZERO)
}

/// Maps a domain linearly onto a pixel range.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Linear {
    d0: f64,
    d1: f64,
    r0: f64,
    r1: f64,
}

impl Linear {
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Self {
        let ok = |v: f64| if v.is_finite() { v } else { 0.0 };
        Linear {
            d0: ok(domain.0),
            d1: ok(domain.1),
            r0: ok(range.0),
            r1: ok(range.1),
        }
    }

    pub fn map(&self, v: f64) -> f64 {
        let v = if v.is_finite() { v } else { 0.0 };
        let span = self.d1 - self.d0;
        if span.abs() < f64::MIN_POSITIVE || !span.is_finite() {
            return self.r0;
        }
        let t = ((v - self.d0) / span).clamp(-0.05, 1.05);
        self.r0 + t * (self.r1 - self.r0)
    }
}

/// A step of 1, 2, 2.5 or 5 times a power of ten giving about `count` steps over `span`.
pub(crate) fn nice_step(span: f64, count: usize) -> f64 {
    if !(span.is_finite() && span > 0.0) {
        return 1.0;
    }
    let raw = span / count.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    for m in [1.0, 2.0, 2.5, 5.0, 10.0] {
        if m * mag >= raw * 0.999_999 {
            return m * mag;
        }
    }
    10.0 * mag
}

/// A domain widened to whole steps, with the ticks in it. Always at least
/// one unit wide, so a zero or empty domain still draws.
pub(crate) fn nice_domain(lo: f64, hi: f64, count: usize) -> (f64, f64, Vec<f64>) {
    let (lo, hi) = (
        if lo.is_finite() { lo } else { 0.0 },
        if hi.is_finite() { hi } else { 0.0 },
    );
    let (lo, hi) = if hi > lo {
        (lo, hi)
    } else {
        (lo.min(0.0), lo.max(0.0) + 1.0)
    };
    let step = nice_step(hi - lo, count);
    let start = (lo / step).floor() * step;
    let end = (hi / step).ceil() * step;
    let mut ticks = Vec::new();
    let mut i = 0.0;
    while i < 60.0 {
        let v = start + i * step;
        if v > end + step * 1e-9 {
            break;
        }
        ticks.push(if v.abs() < step * 1e-9 { 0.0 } else { v });
        i += 1.0;
    }
    (start, end, ticks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_domains() {
        let (lo, hi, ticks) = nice_domain(0.0, 550.0, 6);
        assert_eq!((lo, hi), (0.0, 600.0));
        assert_eq!(ticks, vec![0.0, 100.0, 200.0, 300.0, 400.0, 500.0, 600.0]);
        let (lo, hi, ticks) = nice_domain(-23.0, 4.0, 4);
        assert!(lo <= -23.0 && hi >= 4.0 && ticks.contains(&0.0));
        let (lo, hi, _) = nice_domain(0.0, 0.0, 5);
        assert!(hi > lo);
        let (_, _, ticks) = nice_domain(f64::NAN, f64::INFINITY, 5);
        assert!(!ticks.is_empty());
        let (_, _, ticks) = nice_domain(0.0, 1e30, 5);
        assert!(ticks.len() < 60);
    }

    #[test]
    fn linear_maps_and_survives_zero_span() {
        let s = Linear::new((0.0, 100.0), (10.0, 110.0));
        assert_eq!(s.map(50.0), 60.0);
        let z = Linear::new((5.0, 5.0), (10.0, 110.0));
        assert_eq!(z.map(5.0), 10.0);
    }
}
