//! Each validation rule, shown to reject a deliberately broken copy of the content.

use fund_content::{
    Content, ContentError, IsoDate, LiveKey, Paragraph, Segment, CLAIMS_JSON, RECORD_JSON,
    SOURCES_JSON, STEPS_JSON, TIMELINE_JSON, TRANCHES_JSON,
};
use serde_json::{json, Value};

/// The embedded files as JSON values, to break one at a time.
struct Files {
    sources: Value,
    claims: Value,
    steps: Value,
    timeline: Value,
    record: Value,
    tranches: Value,
}

fn files() -> Files {
    let v = |s: &str| serde_json::from_str::<Value>(s).expect("embedded JSON parses");
    Files {
        sources: v(SOURCES_JSON),
        claims: v(CLAIMS_JSON),
        steps: v(STEPS_JSON),
        timeline: v(TIMELINE_JSON),
        record: v(RECORD_JSON),
        tranches: v(TRANCHES_JSON),
    }
}

impl Files {
    fn load(&self) -> Result<Content, ContentError> {
        Content::from_json(
            &self.sources.to_string(),
            &self.claims.to_string(),
            &self.steps.to_string(),
            &self.timeline.to_string(),
            &self.record.to_string(),
            &self.tranches.to_string(),
        )
    }

    fn find<'a>(list: &'a mut Value, id: &str) -> &'a mut Value {
        list.as_array_mut()
            .and_then(|a| a.iter_mut().find(|x| x["id"] == id))
            .unwrap_or_else(|| panic!("no item {id}"))
    }

    fn source(&mut self, id: &str) -> &mut Value {
        Self::find(&mut self.sources, id)
    }

    fn claim(&mut self, id: &str) -> &mut Value {
        Self::find(&mut self.claims, id)
    }

    fn step(&mut self, id: &str) -> &mut Value {
        Self::find(&mut self.steps, id)
    }

    fn entry(&mut self, id: &str) -> &mut Value {
        Self::find(&mut self.timeline, id)
    }

    fn push(list: &mut Value, item: Value) {
        list.as_array_mut().expect("a list").push(item);
    }
}

fn err(files: &Files) -> ContentError {
    match files.load() {
        Ok(_) => panic!("broken content was accepted"),
        Err(e) => e,
    }
}

fn json_err(files: &Files, file: &str, needle: &str) {
    match err(files) {
        ContentError::Json { file: f, message } => {
            assert_eq!(f, file);
            assert!(message.contains(needle), "{message:?} lacks {needle:?}");
        }
        other => panic!("expected a JSON error in {file}, got {other:?}"),
    }
}

#[test]
fn unchanged_copy_is_accepted() {
    assert!(files().load().is_ok());
}

#[test]
fn malformed_json_names_the_file() {
    let mut f = files();
    f.timeline = Value::String("not a list".into());
    json_err(&f, "timeline", "");
    let bad = Content::from_json(
        SOURCES_JSON,
        "[",
        STEPS_JSON,
        TIMELINE_JSON,
        RECORD_JSON,
        TRANCHES_JSON,
    );
    assert!(matches!(
        bad,
        Err(ContentError::Json { file: "claims", .. })
    ));
}

#[test]
fn unknown_fields_and_values_are_refused() {
    let mut f = files();
    f.source("tic-table5")["link"] = json!("https://example.com/");
    json_err(&f, "sources", "unknown field");

    let mut f = files();
    f.claim("direct-share")["verdict"] = json!("mostly-true");
    json_err(&f, "claims", "mostly-true");

    let mut f = files();
    f.source("tic-table5")["quality"] = json!("A");
    json_err(&f, "sources", "unknown variant");

    let mut f = files();
    f.step("step-1")["chart"] = json!("pie");
    json_err(&f, "steps", "pie");

    let mut f = files();
    f.step("step-1")["preset"] = json!("extreme");
    json_err(&f, "steps", "extreme");
}

#[test]
fn duplicate_ids_are_refused() {
    let mut f = files();
    let copy = f.source("tic-table5").clone();
    Files::push(&mut f.sources, copy);
    assert!(matches!(err(&f), ContentError::DuplicateId { id, .. } if id == "tic-table5"));

    let mut f = files();
    let copy = f.claim("agency-mbs").clone();
    Files::push(&mut f.claims, copy);
    assert!(matches!(err(&f), ContentError::DuplicateId { id, .. } if id == "agency-mbs"));

    let mut f = files();
    let copy = f.entry("mou-signed").clone();
    Files::push(&mut f.timeline, copy);
    assert!(matches!(err(&f), ContentError::DuplicateId { id, .. } if id == "mou-signed"));

    let mut f = files();
    let copy = f.record[0].clone();
    Files::push(&mut f.record, copy);
    assert!(matches!(err(&f), ContentError::DuplicateId { .. }));

    let mut f = files();
    f.step("step-1")["claims"] = json!([
        "direct-share",
        "size-550bn",
        "japan-directs",
        "reserves-large",
        "direct-share"
    ]);
    assert!(matches!(err(&f), ContentError::DuplicateId { id, .. } if id == "direct-share"));

    let mut f = files();
    f.claim("agency-mbs")["sources"] = json!(["stlfed-2025-11", "stlfed-2025-11"]);
    assert!(matches!(err(&f), ContentError::DuplicateId { id, .. } if id == "stlfed-2025-11"));
}

#[test]
fn ids_must_be_slugs() {
    let mut f = files();
    f.source("tic-table5")["id"] = json!("TIC table 5");
    assert!(matches!(
        err(&f),
        ContentError::BadId { kind: "source", .. }
    ));

    let mut f = files();
    f.entry("mou-signed")["id"] = json!("mou_signed");
    assert!(matches!(
        err(&f),
        ContentError::BadId {
            kind: "timeline",
            ..
        }
    ));
}

#[test]
fn unknown_sources_are_refused_everywhere() {
    let mut f = files();
    f.claim("agency-mbs")["sources"] = json!(["stlfed-2025-11", "no-such-source"]);
    assert!(
        matches!(err(&f), ContentError::UnknownSource { source_id, .. } if source_id == "no-such-source")
    );

    let mut f = files();
    f.entry("mou-signed")["sources"] = json!(["no-such-source"]);
    assert!(matches!(err(&f), ContentError::UnknownSource { .. }));

    let mut f = files();
    f.record[0]["sources"] = json!(["no-such-source"]);
    assert!(matches!(err(&f), ContentError::UnknownSource { .. }));
}

#[test]
fn items_without_sources_are_refused() {
    let mut f = files();
    f.claim("agency-mbs")["sources"] = json!([]);
    assert!(matches!(err(&f), ContentError::NoSources { .. }));

    let mut f = files();
    f.entry("deadline")["sources"] = json!([]);
    assert!(matches!(err(&f), ContentError::NoSources { .. }));
}

#[test]
fn every_source_must_be_cited() {
    let mut f = files();
    Files::push(
        &mut f.sources,
        json!({
            "id": "lonely", "publisher": {"en": "Nobody", "ja": "誰か"}, "title": "Uncited",
            "date": "2025-01-01", "quality": "P", "facts_section": "2.1"
        }),
    );
    assert!(matches!(err(&f), ContentError::UncitedSource { id } if id == "lonely"));

    // A source only the core cites counts as cited, but must exist.
    let mut f = files();
    f.sources
        .as_array_mut()
        .unwrap()
        .retain(|s| s["id"] != "gurufocus-divyield-2025-06");
    assert!(matches!(
        err(&f),
        ContentError::UnknownSource { source_id, .. } if source_id == "gurufocus-divyield-2025-06"
    ));
}

#[test]
fn aggregator_sources_carry_no_link() {
    let mut f = files();
    f.source("ft-45days")["url"] = json!("https://www.ft.com/content/x");
    assert!(matches!(err(&f), ContentError::LinkedAggregator { id } if id == "ft-45days"));
}

#[test]
fn links_must_be_https_on_allowed_hosts() {
    let cases = [
        "http://www.nysun.com/article/x",
        "https://preview.deepnewz.com/japan/japan-signals-bigger-stake",
        "https://t-room.us/finance/fact-sheet",
        "https://www.mitrade.com/insights/news/live-news/article-3-774254-20250422",
        "javascript:alert(1)",
        "https://exa mple.com/",
    ];
    for url in cases {
        let mut f = files();
        f.source("nysun-2025-07")["url"] = json!(url);
        assert!(
            matches!(err(&f), ContentError::BadUrl { .. }),
            "{url} was accepted"
        );
    }
    // Plain http is fine for the Fed, as the facts cite it.
    let mut f = files();
    f.source("beltran-2012")["url"] =
        json!("http://www.federalreserve.gov/pubs/ifdp/2012/1041/default.htm");
    assert!(f.load().is_ok());
}

#[test]
fn sources_need_a_good_section_and_a_date_or_note() {
    let mut f = files();
    f.source("tic-table5")["facts_section"] = json!("§2.1");
    assert!(matches!(err(&f), ContentError::BadSection { .. }));

    let mut f = files();
    f.source("gpif-faq").as_object_mut().unwrap().remove("note");
    assert!(matches!(err(&f), ContentError::UndatedWithoutNote { id } if id == "gpif-faq"));
}

#[test]
fn bad_dates_are_refused() {
    for bad in [
        "2025-02-29",
        "2025-13",
        "25-07-01",
        "2025/07/01",
        "2025-7-1",
        "",
    ] {
        let mut f = files();
        f.source("tic-table5")["date"] = json!(bad);
        json_err(&f, "sources", "date");
    }
    let mut f = files();
    f.entry("mou-signed")["date"] = json!("2025-09-31");
    json_err(&f, "timeline", "no such day");
}

#[test]
fn timeline_needs_full_dates_in_order() {
    let mut f = files();
    f.entry("mou-signed")["date"] = json!("2025-09");
    assert!(matches!(err(&f), ContentError::TimelineDatePrecision { id } if id == "mou-signed"));

    let mut f = files();
    f.entry("deadline")["date"] = json!("2025-01-01");
    assert!(matches!(err(&f), ContentError::TimelineOrder { id } if id == "deadline"));
}

#[test]
fn claims_and_steps_must_point_at_each_other() {
    let mut f = files();
    f.claim("agency-mbs")["step"] = json!("step-99");
    assert!(matches!(err(&f), ContentError::UnknownStep { step, .. } if step == "step-99"));

    let mut f = files();
    f.step("step-8")["claims"] = json!(["no-such-claim"]);
    assert!(
        matches!(err(&f), ContentError::UnknownClaim { claim, .. } if claim == "no-such-claim")
    );

    let mut f = files();
    f.step("step-3")["claims"] = json!([
        "treasuries-share",
        "index-funds",
        "japan-holds-1tn",
        "adds-to-holdings",
        "direct-sectors"
    ]);
    assert!(matches!(
        err(&f),
        ContentError::ClaimMissingFromStep { claim, step } if claim == "agency-mbs" && step == "step-3"
    ));

    // Each claim is shown once: a second step listing it is refused.
    let mut f = files();
    f.step("step-8")["claims"] = json!(["treasuries-share"]);
    assert!(matches!(
        err(&f),
        ContentError::ClaimShownTwice { claim, step, home }
            if claim == "treasuries-share" && step == "step-8" && home == "step-3"
    ));
}

#[test]
fn steps_must_be_numbered_in_order() {
    let mut f = files();
    f.steps.as_array_mut().unwrap().swap(1, 2);
    assert!(matches!(
        err(&f),
        ContentError::StepOrder { position: 2, .. }
    ));

    let mut f = files();
    f.step("step-1")["id"] = json!("step-01");
    assert!(matches!(
        err(&f),
        ContentError::StepOrder { position: 1, .. }
    ));
}

#[test]
fn steps_need_two_to_four_paragraphs() {
    let mut f = files();
    f.step("step-8")["paragraphs"]["en"] = json!(["Only one paragraph."]);
    assert!(matches!(
        err(&f),
        ContentError::ParagraphCount { count: 1, .. }
    ));

    let mut f = files();
    f.step("step-8")["paragraphs"]["ja"] = json!(["一。", "二。", "三。", "四。", "五。"]);
    assert!(matches!(
        err(&f),
        ContentError::ParagraphCount { count: 5, .. }
    ));
}

#[test]
fn translations_must_match_the_english() {
    // A paragraph more in one language.
    let mut f = files();
    let ja = f.step("step-3")["paragraphs"]["ja"]
        .as_array()
        .unwrap()
        .clone();
    let mut fewer = ja.clone();
    fewer.pop();
    f.step("step-3")["paragraphs"]["ja"] = json!(fewer);
    let e = err(&f);
    assert!(matches!(e, ContentError::Translation { .. }), "{e:?}");
    // The same number of paragraphs, but a different live number.
    let mut f = files();
    let en = f.step("step-3")["paragraphs"]["en"]
        .as_array()
        .unwrap()
        .clone();
    let mut ja = f.step("step-3")["paragraphs"]["ja"]
        .as_array()
        .unwrap()
        .clone();
    ja[0] = json!(ja[0]
        .as_str()
        .unwrap()
        .replace("{treasuries_yen}", "{total}"));
    assert_eq!(en.len(), ja.len());
    f.step("step-3")["paragraphs"]["ja"] = json!(ja);
    let e = err(&f);
    assert!(
        matches!(&e, ContentError::Translation { reason, .. } if reason.contains("treasuries_yen")),
        "{e:?}"
    );
    // A text with one language missing is malformed.
    let mut f = files();
    f.claim("agency-mbs")["claim"] = json!({"en": "Japan buys MBS."});
    json_err(&f, "claims", "ja");
}

#[test]
fn bad_placeholders_are_refused() {
    for (bad, needle) in [
        ("At {treasury_share}, a typo.", "unknown placeholder"),
        ("An open {total brace.", "opening brace"),
        ("A close total} brace.", "closing brace"),
        ("Nested {{total}} braces.", "opening brace"),
        ("Empty {} braces.", "empty"),
    ] {
        let mut f = files();
        f.step("step-8")["paragraphs"]["en"] = json!(["Fine.", bad]);
        json_err(&f, "steps", needle);
    }
}

#[test]
fn texts_must_be_plain() {
    let cases = [
        "Japan <b>bought</b> Treasuries.",
        "Japan **bought** Treasuries.",
        "Japan bought {total} of Treasuries.",
        "Japan bought\nTreasuries.",
        " Japan bought Treasuries.",
        "Japan &amp; Treasuries.",
    ];
    for bad in cases {
        let mut f = files();
        f.claim("agency-mbs")["claim"]["en"] = json!(bad);
        let e = err(&f);
        assert!(
            matches!(e, ContentError::NotPlainText { .. }),
            "{bad:?}: {e:?}"
        );
    }
    let mut f = files();
    f.step("step-8")["paragraphs"]["ja"] = json!(["問題なし。", "<i>マークアップ</i>は{total}。"]);
    assert!(matches!(err(&f), ContentError::NotPlainText { .. }));

    let mut f = files();
    f.entry("mou-signed")["detail"]["en"] = json!("[MOU](https://example.com) signed.");
    assert!(matches!(err(&f), ContentError::NotPlainText { .. }));

    let mut f = files();
    f.record[0]["text"]["ja"] = json!("");
    assert!(matches!(err(&f), ContentError::Empty { .. }));
}

#[test]
fn claims_are_single_sentences_with_short_reasons() {
    let mut f = files();
    f.claim("agency-mbs")["claim"]["en"] = json!("Japan buys MBS. It also buys bonds.");
    assert!(matches!(err(&f), ContentError::ClaimSentence { .. }));

    let mut f = files();
    f.claim("agency-mbs")["claim"]["en"] = json!("Japan buys MBS");
    assert!(matches!(err(&f), ContentError::ClaimSentence { .. }));

    // Japanese sentences end with 。 and hold one sentence.
    let mut f = files();
    f.claim("agency-mbs")["claim"]["ja"] = json!("日本はMBSを買う。債券も買う。");
    assert!(matches!(err(&f), ContentError::ClaimSentence { .. }));
    let mut f = files();
    f.claim("agency-mbs")["claim"]["ja"] = json!("日本はMBSを買う.");
    assert!(matches!(err(&f), ContentError::ClaimSentence { .. }));

    let mut f = files();
    f.claim("agency-mbs")["reason"]["en"] = json!("word ".repeat(80).trim());
    assert!(matches!(err(&f), ContentError::TooLong { .. }));
}

#[test]
fn paragraphs_parse_into_segments() {
    let p = Paragraph::parse("At {treasuries_share}, that is {treasuries_amount} of the {total}.")
        .unwrap();
    assert_eq!(
        p.segments(),
        [
            Segment::Text("At ".into()),
            Segment::Live(LiveKey::TreasuriesShare),
            Segment::Text(", that is ".into()),
            Segment::Live(LiveKey::TreasuriesAmount),
            Segment::Text(" of the ".into()),
            Segment::Live(LiveKey::Total),
            Segment::Text(".".into()),
        ]
    );
    assert_eq!(
        p.template(),
        "At {treasuries_share}, that is {treasuries_amount} of the {total}."
    );
    assert_eq!(
        p.fill(|k| match k {
            LiveKey::TreasuriesShare => "75%".into(),
            LiveKey::TreasuriesAmount => "$412.5 billion".into(),
            _ => "$550 billion".into(),
        }),
        "At 75%, that is $412.5 billion of the $550 billion."
    );
    let only = Paragraph::parse("{total}").unwrap();
    assert_eq!(only.segments(), [Segment::Live(LiveKey::Total)]);
    assert!(Paragraph::parse("No numbers.")
        .unwrap()
        .live_keys()
        .next()
        .is_none());
}

#[test]
fn live_keys_round_trip() {
    assert_eq!(LiveKey::ALL.len(), 15);
    for k in LiveKey::ALL {
        assert_eq!(k.as_str().parse::<LiveKey>(), Ok(k));
        let p = Paragraph::parse(&format!("x {{{}}} y", k.as_str())).unwrap();
        assert_eq!(p.live_keys().collect::<Vec<_>>(), [k]);
    }
    assert!("Total".parse::<LiveKey>().is_err());
    assert!("".parse::<LiveKey>().is_err());
}

#[test]
fn dates_parse_display_and_order() {
    let d: IsoDate = "2025-07-28".parse().unwrap();
    assert_eq!(d.to_string(), "28 Jul 2025");
    assert_eq!(d.iso(), "2025-07-28");
    assert_eq!(
        "2025-11".parse::<IsoDate>().unwrap().to_string(),
        "Nov 2025"
    );
    assert_eq!("2025".parse::<IsoDate>().unwrap().to_string(), "2025");
    assert!("2024-02-29".parse::<IsoDate>().is_ok());
    assert!("2100-02-29".parse::<IsoDate>().is_err());
    assert!("2000-02-29".parse::<IsoDate>().is_ok());
    for bad in [
        "2025-00",
        "2025-01-00",
        "2025-04-31",
        "2025-01-01-01",
        "0999",
        "20250",
    ] {
        assert!(bad.parse::<IsoDate>().is_err(), "{bad}");
    }
    let a: IsoDate = "2025-09".parse().unwrap();
    let b: IsoDate = "2025-09-01".parse().unwrap();
    let c: IsoDate = "2025-10-01".parse().unwrap();
    assert!(a < b && b < c);
}

fn tranche<'a>(files: &'a mut Files, id: &str) -> &'a mut Value {
    Files::find(&mut files.tranches["tranches"], id)
}

fn project<'a>(files: &'a mut Files, tranche_id: &str, id: &str) -> &'a mut Value {
    Files::find(&mut tranche(files, tranche_id)["projects"], id)
}

/// The error's message names the file and the entry.
fn names(e: &ContentError, file: &str, entry: &str) {
    let text = e.to_string();
    assert!(text.contains(file), "{text:?} does not name {file}");
    assert!(text.contains(entry), "{text:?} does not name {entry}");
}

#[test]
fn tracker_unknown_source_names_file_and_entry() {
    let mut f = files();
    project(&mut f, "tranche-1", "texas-gulflink")["sources"] = json!(["no-such-source"]);
    let e = err(&f);
    assert!(
        matches!(&e, ContentError::UnknownSource { source_id, .. } if source_id == "no-such-source")
    );
    names(&e, "tranches.json", "texas-gulflink");

    let mut f = files();
    f.entry("mou-signed")["sources"] = json!(["no-such-source"]);
    names(&err(&f), "timeline.json", "mou-signed");
}

#[test]
fn tracker_missing_date_names_file_and_entry() {
    let mut f = files();
    tranche(&mut f, "tranche-2")
        .as_object_mut()
        .unwrap()
        .remove("date");
    let e = err(&f);
    assert!(
        matches!(
            &e,
            ContentError::Json {
                file: "tranches",
                ..
            }
        ),
        "{e:?}"
    );
    names(&e, "tranches.json", "tranche-2");
    assert!(e.to_string().contains("missing field `date`"), "{e}");

    // A new timeline event without a date says which one.
    let mut f = files();
    Files::push(
        &mut f.timeline,
        json!({"id": "new-event", "title": {"en": "Something", "ja": "何か"}, "detail": {"en": "It happened.", "ja": "起きた。"}, "sources": ["stlfed-2025-11"]}),
    );
    let e = err(&f);
    names(&e, "timeline.json", "new-event");
    assert!(e.to_string().contains("date"), "{e}");

    // A bad date inside a project's tranche names both.
    let mut f = files();
    tranche(&mut f, "tranche-1")["date"] = json!("2026-02-30");
    let e = err(&f);
    names(&e, "tranches.json", "tranche-1");

    let mut f = files();
    tranche(&mut f, "tranche-1")["date"] = json!("2026-02");
    let e = err(&f);
    assert!(matches!(e, ContentError::TrackerDate { .. }), "{e:?}");
}

#[test]
fn tracker_figure_without_source_is_refused() {
    let mut f = files();
    project(&mut f, "tranche-1", "georgia-diamond")["sources"] = json!([]);
    let e = err(&f);
    assert!(
        matches!(e, ContentError::FigureWithoutSource { .. }),
        "{e:?}"
    );
    names(&e, "tranches.json", "georgia-diamond");
    assert!(e.to_string().contains("$0.6 billion"), "{e}");

    let mut f = files();
    tranche(&mut f, "tranche-1")["total_sources"] = json!([]);
    let e = err(&f);
    assert!(
        matches!(e, ContentError::FigureWithoutSource { .. }),
        "{e:?}"
    );
    names(&e, "tranches.json", "tranche-1");
}

#[test]
fn tracker_amounts_must_add_up() {
    let mut f = files();
    project(&mut f, "tranche-1", "ohio-gas-power")["amount_billion"] = json!("33");
    let e = err(&f);
    assert!(
        matches!(&e, ContentError::AmountsDoNotAddUp { total, sum, .. } if total == "36" && sum == "35.7"),
        "{e:?}"
    );
    names(&e, "tranches.json", "tranche-1");

    let mut f = files();
    f.tranches["ceiling_billion"] = json!("50");
    assert!(matches!(err(&f), ContentError::OverCeiling { .. }));

    let mut f = files();
    project(&mut f, "tranche-2", "second-tranche-candidates")["amount_billion"] = json!("-1");
    assert!(matches!(err(&f), ContentError::BadAmount { .. }));

    // The candidates' total is Kyodo's $73 billion: the one entry must carry all of it.
    let mut f = files();
    project(&mut f, "tranche-2", "second-tranche-candidates")["amount_billion"] = json!("40");
    assert!(matches!(
        err(&f),
        ContentError::AmountsDoNotAddUp { total, sum, .. } if total == "73" && sum == "40"
    ));

    // Amounts are decimal strings; a misspelt one is refused with the entry named.
    let mut f = files();
    project(&mut f, "tranche-1", "ohio-gas-power")["amount_billion"] = json!("33,3");
    names(&err(&f), "tranches.json", "ohio-gas-power");
}

#[test]
fn aggregator_only_items_are_marked_unconfirmed() {
    // An amount known only from a pointer-only source may be shown as reported, never as
    // confirmed or as an announced candidate.
    for (status, refused) in [
        ("reported", false),
        ("candidate", true),
        ("confirmed", true),
    ] {
        let mut f = files();
        let p = project(&mut f, "tranche-2", "second-tranche-candidates");
        p["sources"] = json!(["nhk-jbic-loans-2026-05"]);
        p["status"] = json!(status);
        if refused {
            let e = err(&f);
            assert!(
                matches!(e, ContentError::ConfirmedFromAggregator { .. }),
                "{status}: {e:?}"
            );
            names(&e, "tranches.json", "second-tranche-candidates");
        } else {
            f.load()
                .expect("reported from a pointer-only source is allowed");
        }
    }
    let mut f = files();
    project(&mut f, "tranche-2", "second-tranche-candidates")["status"] = json!("selected");
    names(&err(&f), "tranches.json", "second-tranche-candidates");

    let mut f = files();
    f.entry("first-loans-signed")["title"]["en"] = json!("JBIC signs the first loan agreements");
    let e = err(&f);
    assert!(
        matches!(e, ContentError::UnconfirmedUnlabelled { .. }),
        "{e:?}"
    );
    names(&e, "timeline.json", "first-loans-signed");

    // The Japanese title is labelled too.
    let mut f = files();
    f.entry("first-loans-signed")["title"]["ja"] = json!("JBICが最初の融資契約に署名");
    assert!(matches!(
        err(&f),
        ContentError::UnconfirmedUnlabelled { .. }
    ));
}

#[test]
fn claims_carry_a_review_date_after_their_sources() {
    let mut f = files();
    f.claim("direct-share")["reviewed"] = json!("2025-08-01");
    let e = err(&f);
    assert!(
        matches!(e, ContentError::ReviewedBeforeSource { .. }),
        "{e:?}"
    );
    names(&e, "claims.json", "direct-share");

    let mut f = files();
    f.claim("direct-share")
        .as_object_mut()
        .unwrap()
        .remove("reviewed");
    names(&err(&f), "claims.json", "direct-share");
}

#[test]
fn tracker_dates_must_be_in_order() {
    let mut f = files();
    f.tranches["as_of"] = json!("2026-03-01");
    let e = err(&f);
    assert!(matches!(e, ContentError::TrackerDate { .. }), "{e:?}");
    names(&e, "tranches.json", "tranche-2");

    let mut f = files();
    f.tranches["reviewed"] = json!("2026-01-01");
    assert!(matches!(err(&f), ContentError::TrackerDate { .. }));
}
