//! Two crows.

pattern_settings!(BodyLong);

candle_pattern!(
    /// Two crows: a long white candle, a black body gapping up, then a black candle opening
    /// within the second body and closing within the first. -100.
    Cdl2Crows, candles: 3, sums: 1,
    |cfg| (cfg.period(BodyLong) + 2, [Total::before(&cfg, BodyLong, 2)]),
    |w, _pen| {
        let (first, second, third) = (w.c(2), w.c(1), w.c(0));
        let shape = first.white()
            & second.black()
            & body_gap_up(&second, &first)
            & third.black()
            & (third.open < second.open)
            & (third.open > second.close)
            & (third.close > first.open)
            & (third.close < first.close);
        if all(shape) && first.body() > w.avg(0, 2) {
            -100
        } else {
            0
        }
    }
);

pattern_spec!(
    "cdl2crows",
    "CDL2CROWS",
    Cdl2Crows,
    "Two crows: long white candle, black body gapping up, black candle closing into the first"
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires() {
        let first = [100.0, 103.2, 99.8, 103.0];
        let second = [104.5, 104.6, 103.4, 103.5];
        check(
            "cdl2crows",
            &[first, second, [104.0, 104.1, 101.9, 102.0]],
            -100,
        );
        check(
            "cdl2crows",
            &[first, second, [104.0, 104.1, 102.9, 103.2]],
            0,
        );
    }
}
