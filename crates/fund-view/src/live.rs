//! Live numbers inside the walkthrough's text. The steps describe the ARTICLE's reasoning, so
//! their numbers always come from the article's framing, whichever framing the charts show.

use fund_content::LiveKey;
use fund_core::allocation::Allocation;
use fund_core::format;
use fund_core::framing::{BucketRole, FramingId};
use fund_core::model::{Derived, Model};
use fund_core::Lang;

/// The reader's state derived for the article's framing (the steps' numbers), whatever framing
/// is selected for the charts.
pub fn article_view(model: &Model) -> Derived {
    if model.framing() == FramingId::Article {
        return model.derive();
    }
    let mut m = model.clone();
    // Switching to a built-in framing cannot fail; if it ever did, the current view is still valid.
    let _ = m.set_framing(FramingId::Article);
    m.derive()
}

fn row_text(a: &Allocation, role: BucketRole, amount: bool, lang: Lang) -> String {
    match a.row_by_role(role) {
        Some(r) if amount => format::usd(r.shown_amount(), lang),
        Some(r) => format::share(r.share()),
        None => "—".to_string(),
    }
}

/// The text of one live number in `lang`, e.g. `"$412.5 billion"` (`"4125億ドル"`) for
/// [`LiveKey::TreasuriesAmount`].
pub fn live_value(key: LiveKey, article: &Derived, lang: Lang) -> String {
    let a = article.allocation();
    let row = |role, amount| row_text(a, role, amount, lang);
    match key {
        LiveKey::Total => format::usd(a.total(), lang),
        LiveKey::TreasuriesShare => row(BucketRole::Treasuries, false),
        LiveKey::TreasuriesAmount => row(BucketRole::Treasuries, true),
        LiveKey::DirectShare => row(BucketRole::Direct, false),
        LiveKey::DirectAmount => row(BucketRole::Direct, true),
        LiveKey::AgencyShare => row(BucketRole::RemainderFirst, false),
        LiveKey::AgencyAmount => row(BucketRole::RemainderFirst, true),
        LiveKey::IndexShare => row(BucketRole::RemainderSecond, false),
        LiveKey::IndexAmount => row(BucketRole::RemainderSecond, true),
        LiveKey::TreasuriesYen => format::yen(
            a.row_by_role(BucketRole::Treasuries)
                .map(|r| r.shown_amount())
                .unwrap_or(fund_core::Usd::ZERO)
                .to_yen(article.usdjpy().rate()),
            lang,
        ),
        LiveKey::TreasuriesIncome => a
            .row_by_role(BucketRole::Treasuries)
            .and_then(|r| article.income().row(r.bucket()))
            .map(|r| format::usd(r.income(), lang))
            .unwrap_or_else(|| "—".to_string()),
        LiveKey::TotalIncome => format::usd(article.income().total(), lang),
        LiveKey::ShareOfJapanHoldings => format::percent(article.scale().percent_of_holdings()),
        LiveKey::ShareOfMarket => format::percent(article.scale().percent_of_market()),
        LiveKey::Usdjpy => format::usdjpy(article.usdjpy().rate(), lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    #[test]
    fn defaults_read_as_the_article_mid_reading() {
        let m = Model::default();
        let d = article_view(&m);
        let en = |k| live_value(k, &d, Lang::En);
        assert_eq!(en(LiveKey::Total), "$550 billion");
        assert_eq!(en(LiveKey::TreasuriesShare), "75%");
        assert_eq!(en(LiveKey::TreasuriesAmount), "$412.5 billion");
        assert_eq!(en(LiveKey::DirectShare), "1.5%");
        assert_eq!(en(LiveKey::DirectAmount), "$8.3 billion");
        let ja = |k| live_value(k, &d, Lang::Ja);
        assert_eq!(ja(LiveKey::Total), "5500億ドル");
        assert_eq!(ja(LiveKey::TreasuriesAmount), "4125億ドル");
        assert_eq!(ja(LiveKey::DirectAmount), "83億ドル");
        assert_eq!(ja(LiveKey::Usdjpy), "1ドル=156.8円");
        // $412.5 bn at ¥156.8 = ¥64.68 trillion.
        assert_eq!(ja(LiveKey::TreasuriesYen), "約64.7兆円");
    }

    #[test]
    fn numbers_follow_the_sliders() {
        let mut m = Model::default();
        m.set_treasuries(Decimal::from(80)).unwrap();
        let d = article_view(&m);
        assert_eq!(
            live_value(LiveKey::TreasuriesAmount, &d, Lang::En),
            "$440 billion"
        );
        // 80% of $550 bn = $440 bn; at ¥156.8 per $ that is ¥68.992 trillion.
        assert_eq!(
            live_value(LiveKey::TreasuriesYen, &d, Lang::En),
            "¥69 trillion"
        );
    }

    #[test]
    fn record_framing_keeps_the_steps_on_the_article() {
        let mut m = Model::default();
        m.set_framing(FramingId::Record).unwrap();
        let d = article_view(&m);
        assert_eq!(d.framing().id(), FramingId::Article);
        assert_eq!(live_value(LiveKey::TreasuriesShare, &d, Lang::En), "75%");
        for key in LiveKey::ALL {
            for lang in Lang::ALL {
                assert!(!live_value(key, &d, lang).is_empty());
            }
        }
    }
}
