//! A tiny benchmark harness (std only, no criterion): warm up, calibrate a batch size so one
//! sample takes about a millisecond, take many samples, report per-iteration median, p95, min and
//! mean. Shared by fund-core's and fund-charts' benches (`#[path]`-included there).
//!
//! Environment:
//! - `BENCH_TIME_MS`: measuring time per benchmark (default 1000; the warm-up is a fifth of it).
//! - `BENCH_NATIVE_OUT`: if set, one JSON line per benchmark is appended to that file.
//!
//! Arguments: any argument not starting with `-` is a substring filter on benchmark names
//! (`cargo bench -p fund-core --bench core -- derive`).
#![allow(dead_code)]

use std::hint::black_box;
use std::io::Write;
use std::time::{Duration, Instant};

/// One benchmark's result, per iteration, in nanoseconds.
pub struct Stats {
    pub name: String,
    pub median_ns: f64,
    pub p95_ns: f64,
    pub min_ns: f64,
    pub mean_ns: f64,
    pub samples: usize,
    pub iters_per_sample: u64,
}

pub struct Bencher {
    group: &'static str,
    filters: Vec<String>,
    time: Duration,
    out: Option<std::fs::File>,
    results: Vec<Stats>,
}

/// Formats nanoseconds with a sensible unit.
pub fn fmt_ns(ns: f64) -> String {
    if ns < 1_000.0 {
        format!("{ns:.0} ns")
    } else if ns < 1_000_000.0 {
        format!("{:.2} µs", ns / 1_000.0)
    } else {
        format!("{:.2} ms", ns / 1_000_000.0)
    }
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = (p / 100.0 * (sorted.len() - 1) as f64).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

impl Bencher {
    pub fn new(group: &'static str) -> Bencher {
        let filters = std::env::args()
            .skip(1)
            .filter(|a| !a.starts_with('-'))
            .collect();
        let ms = std::env::var("BENCH_TIME_MS")
            .ok()
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(1000)
            .max(10);
        let out = std::env::var_os("BENCH_NATIVE_OUT").and_then(|p| {
            std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(p)
                .ok()
        });
        println!(
            "\n{group}: per-iteration time ({} ms per benchmark, {} build)",
            ms,
            if cfg!(debug_assertions) {
                "DEBUG"
            } else {
                "optimised"
            }
        );
        println!(
            "{:<44} {:>11} {:>11} {:>11} {:>9}",
            "benchmark", "median", "p95", "min", "samples"
        );
        Bencher {
            group,
            filters,
            time: Duration::from_millis(ms),
            out,
            results: Vec::new(),
        }
    }

    /// Times `f`, which should return something derived from its work (passed to `black_box`).
    pub fn bench<T>(&mut self, name: &str, mut f: impl FnMut() -> T) {
        if !self.filters.is_empty() && !self.filters.iter().any(|x| name.contains(x.as_str())) {
            return;
        }
        // Warm up, and estimate one iteration's cost.
        let warm = self.time / 5;
        let start = Instant::now();
        let mut n: u64 = 0;
        while start.elapsed() < warm || n < 3 {
            black_box(f());
            n += 1;
        }
        let per_iter = start.elapsed().as_secs_f64() / n as f64;
        // Batch so one sample is ~1 ms (at least one iteration), then sample until time is up
        // (at least 30 samples, at most 5000).
        let batch = ((1e-3 / per_iter).floor() as u64).max(1);
        let mut samples = Vec::new();
        let start = Instant::now();
        while (start.elapsed() < self.time || samples.len() < 30) && samples.len() < 5000 {
            let t = Instant::now();
            for _ in 0..batch {
                black_box(f());
            }
            samples.push(t.elapsed().as_secs_f64() * 1e9 / batch as f64);
        }
        let mean = samples.iter().sum::<f64>() / samples.len() as f64;
        samples.sort_by(|a, b| a.total_cmp(b));
        let s = Stats {
            name: name.to_string(),
            median_ns: percentile(&samples, 50.0),
            p95_ns: percentile(&samples, 95.0),
            min_ns: samples[0],
            mean_ns: mean,
            samples: samples.len(),
            iters_per_sample: batch,
        };
        println!(
            "{:<44} {:>11} {:>11} {:>11} {:>9}",
            s.name,
            fmt_ns(s.median_ns),
            fmt_ns(s.p95_ns),
            fmt_ns(s.min_ns),
            format!("{}×{}", s.samples, s.iters_per_sample)
        );
        if let Some(out) = self.out.as_mut() {
            let _ = writeln!(
                out,
                "{{\"group\":\"{}\",\"name\":\"{}\",\"median_ns\":{:.1},\"p95_ns\":{:.1},\"min_ns\":{:.1},\"mean_ns\":{:.1},\"samples\":{},\"iters_per_sample\":{}}}",
                self.group, s.name, s.median_ns, s.p95_ns, s.min_ns, s.mean_ns, s.samples, s.iters_per_sample
            );
        }
        self.results.push(s);
    }
}
