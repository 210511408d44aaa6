//! Live numbers inside the walkthrough's text. The steps describe the ARTICLE's reasoning, so
//! their numbers always come from the article's framing, whichever framing the charts show.

use fund_content::LiveKey;
use fund_core::allocation::Allocation;
use fund_core::format;
use fund_core::framing::{BucketRole, FramingId};
use fund_core::model::{Derived, Model};

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

fn row_text(a: &Allocation, role: BucketRole, amount: bool) -> String {
    match a.row_by_role(role) {
        Some(r) if amount => format::usd(r.amount()),
        Some(r) => format::share(r.share()),
        None => "—".to_string(),
    }
}

/// The text of one live number, e.g. `"$412.5 billion"` for [`LiveKey::TreasuriesAmount`].
pub fn live_value(key: LiveKey, article: &Derived) -> String {
    let a = article.allocation();
    match key {
        LiveKey::Total => format::usd(a.total()),
        LiveKey::TreasuriesShare => row_text(a, BucketRole::Treasuries, false),
        LiveKey::TreasuriesAmount => row_text(a, BucketRole::Treasuries, true),
        LiveKey::DirectShare => row_text(a, BucketRole::Direct, false),
        LiveKey::DirectAmount => row_text(a, BucketRole::Direct, true),
        LiveKey::AgencyShare => row_text(a, BucketRole::RemainderFirst, false),
        LiveKey::AgencyAmount => row_text(a, BucketRole::RemainderFirst, true),
        LiveKey::IndexShare => row_text(a, BucketRole::RemainderSecond, false),
        LiveKey::IndexAmount => row_text(a, BucketRole::RemainderSecond, true),
        LiveKey::TreasuriesYen => {
            format::yen(a.treasuries_amount().to_yen(article.usdjpy().rate()))
        }
        LiveKey::TreasuriesIncome => a
            .row_by_role(BucketRole::Treasuries)
            .and_then(|r| article.income().row(r.bucket()))
            .map(|r| format::usd(r.income()))
            .unwrap_or_else(|| "—".to_string()),
        LiveKey::TotalIncome => format::usd(article.income().total()),
        LiveKey::ShareOfJapanHoldings => format::percent(article.scale().percent_of_holdings()),
        LiveKey::ShareOfMarket => format::percent(article.scale().percent_of_market()),
        LiveKey::Usdjpy => format::usdjpy(article.usdjpy().rate()),
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
        assert_eq!(live_value(LiveKey::Total, &d), "$550 billion");
        assert_eq!(live_value(LiveKey::TreasuriesShare, &d), "75%");
        assert_eq!(live_value(LiveKey::TreasuriesAmount, &d), "$412.5 billion");
        assert_eq!(live_value(LiveKey::DirectShare, &d), "1.5%");
        assert_eq!(live_value(LiveKey::DirectAmount, &d), "$8.3 billion");
    }

    #[test]
    fn numbers_follow_the_sliders() {
        let mut m = Model::default();
        m.set_treasuries(Decimal::from(80)).unwrap();
        let d = article_view(&m);
        assert_eq!(live_value(LiveKey::TreasuriesAmount, &d), "$440 billion");
        // 80% of $550 bn = $440 bn; at ¥156.8 per $ that is ¥68.992 trillion.
        assert_eq!(live_value(LiveKey::TreasuriesYen, &d), "¥69 trillion");
    }

    #[test]
    fn record_framing_keeps_the_steps_on_the_article() {
        let mut m = Model::default();
        m.set_framing(FramingId::Record).unwrap();
        let d = article_view(&m);
        assert_eq!(d.framing().id(), FramingId::Article);
        assert_eq!(live_value(LiveKey::TreasuriesShare, &d), "75%");
        for key in LiveKey::ALL {
            assert!(!live_value(key, &d).is_empty());
        }
    }
}
