//! Dark cloud cover.

pattern_settings!(penetration = 0.5; BodyLong);

candle_pattern!(
    /// Dark cloud cover: a long white candle, then a black one opening above its high and
    /// closing within its body, below the close by `penetration` of the body. -100.
    CdlDarkCloudCover, candles: 2, sums: 1,
    |cfg| (cfg.period(BodyLong) + 1, [Total::before(&cfg, BodyLong, 1)]),
    |w, penetration| {
        let (first, second) = (w.c(1), w.c(0));
        let shape = first.white()
            & second.black()
            & (second.open > first.high)
            & (second.close > first.open)
            & (second.close < first.close - first.body() * penetration);
        if all(shape) && first.body() > w.avg(0, 1) {
            -100
        } else {
            0
        }
    }
);

pattern_spec!(
    "cdldarkcloudcover",
    "CDLDARKCLOUDCOVER",
    CdlDarkCloudCover,
    "Dark cloud cover: a black candle opening above a long white one and closing deep into it"
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires() {
        check(
            "cdldarkcloudcover",
            &[[100.0, 103.2, 99.8, 103.0], [103.5, 103.6, 100.8, 101.0]],
            -100,
        );
        check(
            "cdldarkcloudcover",
            &[[100.0, 103.2, 99.8, 103.0], [103.5, 103.6, 101.8, 102.0]],
            0,
        );
    }
}
