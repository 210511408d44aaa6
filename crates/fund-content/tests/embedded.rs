//! The embedded content: it parses, validates and says what the explainer needs.

use fund_content::{
    claim, claims, claims_for_step, content, record, record_item, source, sources, step, steps,
    timeline, validate, Chart, LiveKey, Precision, Preset, Quality, Verdict, CITED_BY_CORE,
};
use fund_core::Lang;

#[test]
fn embedded_content_parses_and_validates() {
    if let Err(e) = validate() {
        panic!("embedded content is invalid: {e}");
    }
    assert!(content().is_ok());
    assert!(!sources().is_empty());
    assert!(!claims().is_empty());
    assert_eq!(steps().len(), 8);
    assert!(!timeline().is_empty());
    assert!(!record().is_empty());
}

#[test]
fn required_source_ids_exist() {
    let required = [
        "seed-article",
        "wh-factsheet-2025-07",
        "bloomberg-akazawa-2025-07",
        "reuters-akazawa-2025-10",
        "yomiuri-2025-08",
        "stlfed-2025-11",
        "hudson-2025-09",
        "ndtv-bloomberg-2025-09",
        "reuters-jbic-2025-09",
        "reuters-fxreserves-2025-07",
        "nation-fxreserves-2026-02",
        "tic-table5",
        "crs-rs22331",
        "fed-z1-l210",
        "cnbc-10y-2025-12",
        "calcrisk-mbs-2025-04",
        "gurufocus-divyield-2025-06",
        "reuters-gpif-2026-02",
        "bloomberg-yen-2025-04",
        "financetom-yen-2025-11",
        "beltran-2012",
        "kcfed-2025",
        "wh-factsheet-2025-09",
        "wh-factsheet-2025-10",
        "jiji-tranche-2026-02",
        "gpif-faq",
        "kyodo-nikkei",
        "ap-1995",
        "yomiuri-ageing-2024",
        "warnock-2005",
        "ft-45days",
    ];
    for id in required.iter().chain(CITED_BY_CORE) {
        assert!(source(id).is_some(), "missing source {id}");
    }
}

#[test]
fn source_facts_match_the_brief() {
    let expect = [
        (
            "wh-factsheet-2025-07",
            "1.1",
            "2025-07-23",
            Quality::Secondary,
        ),
        (
            "bloomberg-akazawa-2025-07",
            "1.3",
            "2025-07-28",
            Quality::Secondary,
        ),
        (
            "reuters-akazawa-2025-10",
            "1.4",
            "2025-10-01",
            Quality::Secondary,
        ),
        ("yomiuri-2025-08", "1.5", "2025-08-27", Quality::Secondary),
        ("stlfed-2025-11", "1.6", "2025-11", Quality::Primary),
        ("hudson-2025-09", "1.6", "2025-09-05", Quality::Secondary),
        ("ft-45days", "1.7", "2025-09-06", Quality::Aggregator),
        (
            "reuters-jbic-2025-09",
            "1.9",
            "2025-09-26",
            Quality::Secondary,
        ),
        (
            "ndtv-bloomberg-2025-09",
            "1.10",
            "2025-09-05",
            Quality::Secondary,
        ),
        (
            "jiji-tranche-2026-02",
            "1.11",
            "2026-02-18",
            Quality::Secondary,
        ),
        ("crs-rs22331", "2.2", "2026-04-22", Quality::Primary),
        ("fed-z1-l210", "2.3", "2026-01-09", Quality::Primary),
        ("beltran-2012", "3.1", "2012-01", Quality::Primary),
        ("cnbc-10y-2025-12", "4.1", "2025-12-31", Quality::Secondary),
        (
            "gurufocus-divyield-2025-06",
            "4.4",
            "2025-06-03",
            Quality::Aggregator,
        ),
        (
            "bloomberg-yen-2025-04",
            "6",
            "2025-04-22",
            Quality::Secondary,
        ),
    ];
    for (id, section, date, quality) in expect {
        let s = source(id).unwrap_or_else(|| panic!("missing {id}"));
        assert_eq!(s.facts_section(), section, "{id}");
        assert_eq!(s.date().map(|d| d.iso()).as_deref(), Some(date), "{id}");
        assert_eq!(s.quality(), quality, "{id}");
    }
}

#[test]
fn aggregators_and_the_seed_are_never_linked() {
    for s in sources() {
        if s.quality() == Quality::Aggregator {
            assert!(s.url().is_none(), "{} is [X] and linked", s.id());
        }
    }
    let seed = source("seed-article").unwrap();
    assert!(seed.url().is_none());
    assert_eq!(
        seed.publisher(Lang::En),
        "The article under review (unsigned, undated)"
    );
    assert_eq!(seed.publisher(Lang::Ja), "検証対象の記事(筆者・日付不明)");
    // Reprints of White House fact sheets on non-news sites are cited unlinked.
    for id in [
        "wh-factsheet-2025-07",
        "wh-factsheet-2025-09",
        "wh-factsheet-2025-10",
    ] {
        let s = source(id).unwrap();
        assert_eq!(s.publisher(Lang::En), "The White House");
        assert!(s.url().is_none(), "{id}");
    }
}

#[test]
fn citations_read_naturally() {
    assert_eq!(
        source("bloomberg-akazawa-2025-07").unwrap().citation(Lang::En),
        "Bloomberg, reprinted by The Business Times, “Japan expects only 1% to 2% of $550 billion US fund to be investment”, 28 Jul 2025"
    );
    assert_eq!(
        source("stlfed-2025-11").unwrap().citation(Lang::En),
        "Federal Reserve Bank of St. Louis, On the Economy, “Analyzing Japan's $550 Billion Pledge to Invest in the U.S.”, Nov 2025"
    );
    assert_eq!(
        source("hudson-2025-09").unwrap().citation(Lang::En),
        "Will Chou, Hudson Institute, “Investing in Security and Success: Analysis of the US-Japan $550 Billion Strategic Investment Fund”, 5 Sep 2025"
    );
    let undated = source("seed-article").unwrap().citation(Lang::En);
    assert!(undated.ends_with(", undated (not confirmed)"), "{undated}");
    // A pointer-only source says it is not confirmed once, in its publisher…
    assert_eq!(
        source("ft-45days").unwrap().citation(Lang::En),
        "Financial Times (not confirmed: read only as a reprint), Report that Japan has 45 days to fund a project the President selects, or face higher tariffs, 6 Sep 2025"
    );
    assert_eq!(
        source("nhk-jbic-loans-2026-05").unwrap().citation(Lang::Ja),
        "NHK(未確認、二次情報のみ)、JBICと民間銀行が第1弾の3案件に3400億円超の融資契約を結んだとの報道(2026年5月1日)"
    );
    // …or, failing that, at the end; a news source never does.
    assert_eq!(
        source("seed-article").unwrap().citation(Lang::Ja),
        "検証対象の記事(筆者・日付不明)「Japan’s $550 Billion US Fund: Why Only 1–2% Will Go to Direct Investment」(日付不明)(未確認)"
    );
    let kyodo = source("kyodo-tranche2-2026-03").unwrap().citation(Lang::En);
    assert_eq!(
        kyodo,
        "Kyodo News, “Japan, U.S. unveil 3 new business projects worth $73 billion total”, 20 Mar 2026"
    );
    let described = source("cnbc-10y-2025-12").unwrap();
    assert!(described.title_is_description());
    assert!(!described.citation(Lang::En).contains('“'));
}

#[test]
fn required_claims_have_the_agreed_verdicts() {
    let expect = [
        ("direct-share", Verdict::PartlySupported, "step-1"),
        ("treasuries-share", Verdict::Contradicted, "step-3"),
        ("agency-mbs", Verdict::NotFound, "step-3"),
        ("index-funds", Verdict::NotFound, "step-3"),
        ("japan-holds-1tn", Verdict::Supported, "step-3"),
        ("gpif-prefers-bonds", Verdict::Contradicted, "step-2"),
        ("bubble-1990s", Verdict::PartlySupported, "step-5"),
        ("japan-directs", Verdict::Contradicted, "step-1"),
        ("ai-not-immediate", Verdict::PartlySupported, "step-4"),
        ("yields-compress", Verdict::PartlySupported, "step-7"),
        ("strengthens-dollar", Verdict::NotFound, "step-6"),
        ("regulatory-reason", Verdict::NotFound, "step-2"),
    ];
    for (id, verdict, step_id) in expect {
        let c = claim(id).unwrap_or_else(|| panic!("missing claim {id}"));
        assert_eq!(c.verdict(), verdict, "{id}");
        assert_eq!(c.step(), step_id, "{id}");
    }
    assert!(claim("direct-share")
        .unwrap()
        .sources()
        .iter()
        .any(|s| s == "bloomberg-akazawa-2025-07"));
    assert!(claim("japan-holds-1tn")
        .unwrap()
        .sources()
        .iter()
        .any(|s| s == "tic-table5"));
    assert!(claim("gpif-prefers-bonds")
        .unwrap()
        .sources()
        .iter()
        .any(|s| s == "gpif-faq"));
}

#[test]
fn verdict_labels() {
    let labels: Vec<_> = Verdict::ALL.iter().map(|v| v.label(Lang::En)).collect();
    assert_eq!(
        labels,
        [
            "Supported",
            "Partly supported",
            "Contradicted",
            "Not found in sources"
        ]
    );
    assert_eq!(Verdict::PartlySupported.as_str(), "partly-supported");
}

#[test]
fn steps_follow_the_article_with_the_agreed_charts() {
    let charts: Vec<_> = steps().iter().map(|s| (s.id(), s.chart())).collect();
    assert_eq!(
        charts,
        [
            // Each step shows one of the walkthrough panel's four charts; the record's charts
            // (framings, profit split, yield effect, timeline) live in the record section.
            ("step-1", Chart::Waffle),
            ("step-2", Chart::Allocation),
            ("step-3", Chart::Allocation),
            ("step-4", Chart::Context),
            ("step-5", Chart::Income),
            ("step-6", Chart::Context),
            ("step-7", Chart::Income),
            ("step-8", Chart::Waffle),
        ]
    );
    assert_eq!(step("step-3").unwrap().preset(), Some(Preset::Mid));
}

#[test]
fn numbers_in_the_walkthrough_are_live() {
    let keys = |id: &str| -> Vec<LiveKey> {
        step(id)
            .unwrap()
            .paragraphs(Lang::En)
            .iter()
            .flat_map(|p| p.live_keys().collect::<Vec<_>>())
            .collect()
    };
    assert!(keys("step-1").contains(&LiveKey::DirectShare));
    assert!(keys("step-1").contains(&LiveKey::DirectAmount));
    for k in [
        LiveKey::TreasuriesShare,
        LiveKey::TreasuriesAmount,
        LiveKey::TreasuriesYen,
        LiveKey::Usdjpy,
        LiveKey::ShareOfJapanHoldings,
        LiveKey::ShareOfMarket,
        LiveKey::AgencyShare,
        LiveKey::IndexShare,
    ] {
        assert!(keys("step-3").contains(&k), "step-3 lacks {k}");
    }
    assert!(keys("step-4").contains(&LiveKey::IndexAmount));
    assert!(keys("step-7").contains(&LiveKey::TreasuriesAmount));
    // Filling the placeholders leaves no braces behind.
    for s in steps() {
        for p in s.paragraphs(Lang::En) {
            let filled = p.fill(|k| format!("<{}>", k.as_str().len()));
            assert!(!filled.contains(['{', '}']), "{}", s.id());
        }
    }
}

#[test]
fn claims_for_step_follows_the_step_list() {
    let ids: Vec<_> = claims_for_step("step-3").iter().map(|c| c.id()).collect();
    assert_eq!(ids.first(), Some(&"treasuries-share"));
    assert!(claims_for_step("step-404").is_empty());
    assert!(claims_for_step("step-8").is_empty());
    // Every claim is shown once: beside its own step and no other.
    for c in claims() {
        let shown: Vec<&str> = steps()
            .iter()
            .filter(|s| claims_for_step(s.id()).iter().any(|x| x.id() == c.id()))
            .map(|s| s.id())
            .collect();
        assert_eq!(shown, [c.step()], "{}", c.id());
    }
}

#[test]
fn timeline_has_the_key_dates_in_order() {
    let dates: Vec<String> = timeline().iter().map(|t| t.date().iso()).collect();
    for d in [
        "2025-07-22",
        "2025-07-26",
        "2025-09-04",
        "2025-09-05",
        "2025-09-26",
        "2025-10-01",
        "2025-10-28",
        "2026-02-17",
        "2029-01-19",
    ] {
        assert!(dates.iter().any(|x| x == d), "timeline lacks {d}");
    }
    assert!(timeline()
        .iter()
        .all(|t| t.date().precision() == Precision::Day));
    assert!(timeline().windows(2).all(|w| w[0].date() <= w[1].date()));
    let unconfirmed = timeline()
        .iter()
        .find(|t| t.date().iso() == "2025-08-13")
        .unwrap();
    assert!(unconfirmed.title(Lang::En).starts_with("Unconfirmed"));
    assert!(unconfirmed
        .sources()
        .iter()
        .all(|s| source(s).unwrap().url().is_none()));
}

#[test]
fn record_leads_with_the_deal_in_brief() {
    let brief = &record()[0];
    assert_eq!(brief.id(), "record-brief");
    assert_eq!(
        record_item("record-brief").map(|r| r.id()),
        Some("record-brief")
    );
    for word in ["loans", "guarantees", "President", "1–2%"] {
        assert!(brief.text(Lang::En).contains(word), "{word}");
    }
    assert!(!brief.sources().is_empty());
}

#[test]
fn the_record_reaches_2026_and_labels_what_is_unconfirmed() {
    let t = fund_content::tranches().expect("tranches parse");
    assert_eq!(t.as_of().iso(), "2026-10-08");
    let dates: Vec<String> = timeline().iter().map(|t| t.date().iso()).collect();
    for d in [
        "2025-12-26",
        "2026-02-08",
        "2026-02-20",
        "2026-02-24",
        "2026-03-19",
        "2026-05-01",
        "2026-07-24",
        "2026-09-07",
        "2026-09-18",
        "2026-10-08",
    ] {
        assert!(dates.iter().any(|x| x == d), "timeline lacks {d}");
    }
    // Items known only second-hand say so in their title, and are never linked.
    for e in timeline() {
        let only_x = e
            .sources()
            .iter()
            .all(|s| source(s).unwrap().quality() == Quality::Aggregator);
        assert_eq!(
            only_x,
            e.title(Lang::En).starts_with("Unconfirmed: "),
            "{}",
            e.id()
        );
    }
    // The timeline runs to the record's as-of date (the deadline aside).
    let last = timeline()
        .iter()
        .filter(|e| e.date() <= t.as_of())
        .map(|e| e.date())
        .max()
        .unwrap();
    assert_eq!(last, t.as_of());
    // The second tranche: $73 billion for three projects, announced as candidates, never
    // confirmed; no per-project amounts, so one entry for the three (q4 §1.21).
    let second = &t.tranches()[1];
    assert_eq!(second.total_billion(), Some("73".parse().unwrap()));
    assert!(second
        .projects()
        .iter()
        .all(|p| p.status() == fund_content::AmountStatus::Candidate));
    for id in ["kyodo-tranche2-2026-03", "nhk-tranche2-2026-03"] {
        assert!(second.sources().iter().any(|s| s == id), "{id}");
    }
    // Dropped: ZeroHedge, and any live blog, from everything a reader sees.
    for s in sources() {
        for lang in Lang::ALL {
            assert!(!s.citation(lang).contains("ZeroHedge"), "{}", s.id());
            assert!(!s.citation(lang).contains("ゼロヘッジ"), "{}", s.id());
        }
    }
    assert_eq!(t.reviewed().iso(), "2026-12-07");
    // No claim says it was checked after the record was.
    for c in claims() {
        assert!(c.reviewed() <= t.reviewed(), "{}", c.id());
    }
}

/// Words that must never name a publisher: the places we read a source second-hand are not
/// its publisher, and the project's own jargon is not for readers.
const UNPUBLISHABLE: [&str; 12] = [
    "repositor",
    "github",
    "aggregator",
    "ai news",
    "ai-written",
    "ai digest",
    "digest",
    "summarised by",
    "live blog",
    "live update",
    "seed",
    "zerohedge",
];
const UNPUBLISHABLE_JA: [&str; 8] = [
    "リポジトリ",
    "まとめサイト",
    "AI",
    "ダイジェスト",
    "ライブブログ",
    "ライブ更新",
    "シード",
    "ゼロヘッジ",
];

#[test]
fn publishers_are_original_publishers_and_pointer_only_sources_say_not_confirmed() {
    for s in sources() {
        let en = s.publisher(Lang::En).to_lowercase();
        for w in UNPUBLISHABLE {
            assert!(!en.contains(w), "{}: publisher {en:?} names {w:?}", s.id());
        }
        let ja = s.publisher(Lang::Ja);
        for w in UNPUBLISHABLE_JA {
            assert!(!ja.contains(w), "{}: publisher {ja:?} names {w:?}", s.id());
        }
        // Project jargon and live blogs stay out of titles and notes too.
        for lang in Lang::ALL {
            let texts = [Some(s.title(lang)), s.note(lang)];
            for t in texts.into_iter().flatten() {
                let lower = t.to_lowercase();
                for w in [
                    "seed",
                    "live blog",
                    "repositor",
                    "ai-written",
                    "ライブブログ",
                    "リポジトリ",
                ] {
                    assert!(!lower.contains(w), "{}: {t:?} names {w:?}", s.id());
                }
            }
        }
        for lang in Lang::ALL {
            let marker = fund_content::not_confirmed_marker(lang);
            let citation = s.citation(lang);
            if s.quality() == Quality::Aggregator {
                // Never a plain source: the full citation says so, and so does the publisher
                // (all that source lines and social cards show), the article itself aside.
                assert!(citation.contains(marker), "{}: {citation}", s.id());
                assert_eq!(citation.matches(marker).count(), 1, "{citation}");
                if s.id() != "seed-article" {
                    assert!(
                        s.publisher(lang).contains(marker),
                        "{}: {}",
                        s.id(),
                        s.publisher(lang)
                    );
                }
            } else {
                assert!(!citation.contains(marker), "{}: {citation}", s.id());
            }
        }
    }
}

#[test]
fn the_renamed_sources_cite_their_original_publishers() {
    let expect = [
        (
            "repos-tic-2026",
            "US Department of the Treasury, TIC release",
        ),
        (
            "repos-intervention-2026",
            "Japan's Ministry of Finance data, as reported by CNBC",
        ),
        ("nhk-jbic-loans-2026-05", "NHK"),
        ("tvasahi-2025-08", "TV Asahi"),
        ("gurufocus-divyield-2025-06", "GuruFocus"),
        ("ft-45days", "Financial Times"),
        ("bloomberg-smr-2026-03", "Bloomberg"),
    ];
    for (id, publisher) in expect {
        let s = source(id).unwrap_or_else(|| panic!("missing {id}"));
        assert!(s.publisher(Lang::En).starts_with(publisher), "{id}");
    }
    let cnbc = source("repos-intervention-2026").unwrap();
    assert_eq!(cnbc.date().map(|d| d.iso()).as_deref(), Some("2026-09-07"));
    // Bloomberg's reactor story is a news report now, and may be linked.
    assert_eq!(
        source("bloomberg-smr-2026-03").unwrap().quality(),
        Quality::Secondary
    );
}

#[test]
fn the_charts_record_date_is_the_trackers() {
    // Every chart's banner states fund_core::figures::RECORD_AS_OF; it must be the record's.
    let (y, m, d) = fund_core::figures::RECORD_AS_OF;
    assert_eq!(
        fund_content::tranches().unwrap().as_of().iso(),
        format!("{y:04}-{m:02}-{d:02}")
    );
}
