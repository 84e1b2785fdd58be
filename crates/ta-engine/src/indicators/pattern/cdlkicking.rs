//! Kicking.

use super::candle::{all, gap_down, gap_up, Window};

pattern_settings!(ShadowVeryShort, BodyLong);

candle_pattern!(
    /// Kicking: a marubozu, then an opposite-coloured marubozu gapping away from it (+100 when
    /// the second is white, -100 black).
    CdlKicking, candles: 2, sums: 4,
    |cfg| (
        cfg.period(ShadowVeryShort).max(cfg.period(BodyLong)) + 1,
        [
            Total::before(&cfg, ShadowVeryShort, 1),
            Total::before(&cfg, ShadowVeryShort, 0),
            Total::before(&cfg, BodyLong, 1),
            Total::before(&cfg, BodyLong, 0),
        ]
    ),
    |w, _pen| if kick(w) { w.c(0).color() * 100 } else { 0 }
);

/// Two opposite marubozu gapping apart (sums: very-short shadow for the first and second
/// candle, then long body for both), shared with the kicking-by-length pattern.
pub(super) fn kick(w: &Window<2, 4>) -> bool {
    let (first, second) = (w.c(1), w.c(0));
    let shape = (first.white() != second.white())
        & ((first.black() & gap_up(&second, &first)) | (first.white() & gap_down(&second, &first)));
    if !all(shape) {
        return false;
    }
    let (short_1, short_2) = (w.avg(0, 1), w.avg(1, 0));
    first.body() > w.avg(2, 1)
        && first.upper() < short_1
        && first.lower() < short_1
        && second.body() > w.avg(3, 0)
        && second.upper() < short_2
        && second.lower() < short_2
}

pattern_spec!(
    "cdlkicking",
    "CDLKICKING",
    CdlKicking,
    "Kicking: two opposite marubozu with a gap between them"
);

#[cfg(test)]
mod tests {
    use crate::indicators::pattern::testing::check;

    #[test]
    fn fires_both_ways() {
        let black = [103.0, 103.05, 99.95, 100.0];
        check("cdlkicking", &[black, [103.5, 106.55, 103.45, 106.5]], 100);
        let white = [100.0, 103.05, 99.95, 103.0];
        check("cdlkicking", &[white, [99.5, 99.55, 96.45, 96.5]], -100);
        check("cdlkicking", &[white, [99.5, 100.5, 96.45, 96.5]], 0);
    }
}
