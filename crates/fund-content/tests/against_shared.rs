//! Cross-checks against the project's shared inputs: the sourced facts and the
//! article itself, read from `shared/` beside the repository (as CI lays it out) or from
//! `/work/shared`. In CI the files are there; set `REQUIRE_SHARED=1` to make their absence an error
//! instead of a skip.

use fund_content::{claims, record, sources, steps, timeline, tranches};
use std::collections::HashSet;

const FACTS: &str = "facts.md";
const FACTS_2026: &str = "facts-2026.md";
const FACTS_Q4: &str = "facts-2026-q4.md";
const SEED: &str = "seed/000_32faa848a7821660.txt";

/// Reads a file of `shared/`: beside the repository first, then `/work/shared`.
fn read(name: &str) -> Option<String> {
    let beside = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    for dir in [beside, std::path::PathBuf::from("/work/shared")] {
        if let Ok(text) = std::fs::read_to_string(dir.join(name)) {
            return Some(text);
        }
    }
    let required = std::env::var("REQUIRE_SHARED").is_ok_and(|v| !v.is_empty());
    assert!(!required, "shared/{name} not found beside the repository");
    eprintln!("skipped: shared/{name} not present");
    None
}

/// The sourced-facts files, one after the other (each 2026 addendum picks up its numbering
/// where the one before stops).
fn all_facts() -> Option<String> {
    Some(format!(
        "{}\n{}\n{}",
        read(FACTS)?,
        read(FACTS_2026)?,
        read(FACTS_Q4)?
    ))
}

#[test]
fn every_facts_section_exists() {
    let Some(facts) = all_facts() else { return };
    for s in sources() {
        let section = s.facts_section();
        let heading = format!("## {section}.");
        let item = format!("**{section} ");
        assert!(
            facts.contains(&heading) || facts.contains(&item),
            "{}: no section {section} in the facts",
            s.id()
        );
    }
}

#[test]
fn every_link_is_one_the_facts_give() {
    let Some(facts) = all_facts() else { return };
    for s in sources() {
        if let Some(url) = s.url() {
            let bare = url
                .trim_start_matches("https://")
                .trim_start_matches("http://");
            assert!(
                facts.contains(bare),
                "{}: link {url} is not in the facts",
                s.id()
            );
        }
    }
}

/// Lowercased words, with the spans we quote (in curly quotes) removed.
fn words(text: &str) -> Vec<String> {
    let mut out = String::new();
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '“' => quoted = true,
            '”' => quoted = false,
            _ if !quoted => out.push(c),
            _ => {}
        }
    }
    out.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

const RUN: usize = 6;

fn runs(text: &str) -> HashSet<Vec<String>> {
    words(text).windows(RUN).map(<[String]>::to_vec).collect()
}

#[test]
fn our_words_do_not_copy_the_article() {
    let Some(seed) = read(SEED) else { return };
    let article = runs(&seed);
    let mut ours: Vec<(String, String)> = Vec::new();
    // English is the language the article could be copied in.
    let en = fund_core::Lang::En;
    for s in steps() {
        ours.push((format!("{} title", s.id()), s.title(en).to_owned()));
        for (i, p) in s.paragraphs(en).iter().enumerate() {
            ours.push((
                format!("{} paragraph {}", s.id(), i + 1),
                p.fill(|_| "n".into()),
            ));
        }
    }
    for c in claims() {
        ours.push((format!("claim {}", c.id()), c.text(en).to_owned()));
        ours.push((format!("claim {} reason", c.id()), c.reason(en).to_owned()));
    }
    for t in timeline() {
        ours.push((format!("timeline {}", t.id()), t.detail(en).to_owned()));
        ours.push((format!("timeline {} title", t.id()), t.title(en).to_owned()));
    }
    for r in record() {
        ours.push((format!("record {}", r.id()), r.text(en).to_owned()));
    }
    for t in tranches().map(|t| t.tranches()).unwrap_or_default() {
        ours.push((format!("tranche {}", t.id()), t.title(en).to_owned()));
        for p in t.projects() {
            ours.push((format!("project {}", p.id()), p.name(en).to_owned()));
            if let Some(note) = p.note(en) {
                ours.push((format!("project {} note", p.id()), note.to_owned()));
            }
        }
    }
    let copied: Vec<String> = ours
        .iter()
        .flat_map(|(where_, text)| {
            runs(text)
                .into_iter()
                .filter(|run| article.contains(run))
                .map(move |run| format!("{where_}: {}", run.join(" ")))
        })
        .collect();
    assert!(
        copied.is_empty(),
        "runs of {RUN} words copied from the article:\n{}",
        copied.join("\n")
    );
}

#[test]
fn sources_from_2026_come_from_the_addendum() {
    // A source about 2026 events must point at a section the 2026 addendum actually has, and
    // an [X] item of the addendum never carries a link.
    let (Some(addendum), Some(q4)) = (read(FACTS_2026), read(FACTS_Q4)) else {
        return;
    };
    let addendum = format!("{addendum}\n{q4}");
    for s in sources() {
        let section = s.facts_section();
        let from_addendum = addendum.contains(&format!("**{section} "))
            && s.date().is_some_and(|d| d.year() >= 2026);
        if from_addendum && s.quality() == fund_content::Quality::Aggregator {
            assert!(s.url().is_none(), "{} is [X] and linked", s.id());
        }
    }
    let t = tranches().expect("tranches");
    assert_eq!(
        t.as_of().iso(),
        "2026-10-08",
        "the addendum stops in early October 2026"
    );
}
