//! Stick sandwich.

pattern_settings!(Equal);

candle_pattern!(
    /// Stick sandwich: a black candle, a white candle trading above its close, then a black
    /// candle closing at (about) the first close. +100.
    CdlStickSandwich, candles: 3, sums: 1,
    |cfg| (cfg.period(Equal) + 2, [Total::before(&cfg, Equal, 2)]),
    |w, _pen| {
        let (first, second, third) = (w.c(2), w.c(1), w.c(0));
        let shape = first.black() & second.white() & third.black() & (second.low > first.close);
        if !all(shape) {
            return 0;
        }
        let equal = w.avg(0, 2);
        if third.close <= first.close + equal && third.close >= first.close - equal {
            100
        } else {
            0
        }
    }
);

pattern_spec!(
    "cdlsticksandwich",
    "CDLSTICKSANDWICH",
    CdlStickSandwich,
    "Stick sandwich: two black candles closing at the same price around a white one"
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires() {
        let first = [102.0, 102.2, 99.8, 100.0];
        let second = [100.5, 102.6, 100.2, 102.5];
        check(
            "cdlsticksandwich",
            &[first, second, [102.4, 102.5, 99.9, 100.02]],
            100,
        );
        check(
            "cdlsticksandwich",
            &[first, second, [102.4, 102.5, 100.4, 100.5]],
            0,
        );
    }
}
