//! Three outside up/down.

pattern_settings!();

candle_pattern!(
    /// Three outside up/down: an engulfing candle, then a close beyond it in its direction
    /// (+100 up: white engulfing black, -100 down: black engulfing white).
    Cdl3Outside, candles: 3, sums: 0,
    |cfg| (3, []),
    |w, _pen| {
        let (first, second, third) = (w.c(2), w.c(1), w.c(0));
        let up = second.white()
            & first.black()
            & (second.close > first.open)
            & (second.open < first.close)
            & (third.close > second.close);
        let down = second.black()
            & first.white()
            & (second.open > first.close)
            & (second.close < first.open)
            & (third.close < second.close);
        if all(up | down) {
            second.color() * 100
        } else {
            0
        }
    }
);

pattern_spec!(
    "cdl3outside",
    "CDL3OUTSIDE",
    Cdl3Outside,
    "Three outside up/down: an engulfing candle followed by a close beyond it"
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires_both_ways() {
        let black = [101.0, 101.2, 99.8, 100.0];
        check(
            "cdl3outside",
            &[
                black,
                [99.5, 102.0, 99.4, 101.5],
                [101.5, 102.6, 101.4, 102.5],
            ],
            100,
        );
        let white = [100.0, 101.2, 99.8, 101.0];
        check(
            "cdl3outside",
            &[white, [101.5, 101.6, 99.0, 99.5], [99.5, 99.6, 98.4, 98.5]],
            -100,
        );
        check(
            "cdl3outside",
            &[white, [101.5, 101.6, 99.0, 99.5], [99.5, 99.9, 99.4, 99.8]],
            0,
        );
    }
}
