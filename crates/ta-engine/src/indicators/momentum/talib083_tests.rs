//! Checks shared by the functions TA-Lib 0.8.3 added (momentum and volume families).

use crate::catalog::find;

/// (name, parameters, lookback): each lookback is the NaN prefix TA-Lib 0.8.3 produces.
const LOOKBACKS: &[(&str, &[f64], usize)] = &[
    ("ibs", &[], 0),
    ("cg", &[10.0], 9),
    ("cg", &[2.0], 1),
    ("cti", &[20.0], 19),
    ("cti", &[2.0], 1),
    ("chop", &[14.0], 14),
    ("chop", &[2.0], 2),
    ("choptr", &[14.0], 14),
    ("choptr", &[3.0], 3),
    ("si", &[3.0], 1),
    ("asi", &[3.0], 0),
    ("fisher", &[10.0], 9),
    ("fisher", &[2.0], 1),
    ("dosc", &[14.0, 5.0, 3.0, 9.0], 28),
    ("dosc", &[2.0, 2.0, 2.0, 2.0], 5),
    ("dosc", &[7.0, 4.0, 6.0, 3.0], 17),
    ("pso", &[8.0, 5.0], 15),
    ("pso", &[1.0, 1.0], 0),
    ("pso", &[14.0, 3.0], 17),
    (
        "kst",
        &[10.0, 15.0, 20.0, 30.0, 10.0, 10.0, 10.0, 15.0, 9.0],
        52,
    ),
    ("kst", &[1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0], 1),
    (
        "kst",
        &[30.0, 20.0, 15.0, 10.0, 3.0, 3.0, 3.0, 3.0, 3.0],
        34,
    ),
    (
        "kstext",
        &[
            10.0, 15.0, 20.0, 30.0, 10.0, 10.0, 10.0, 15.0, 9.0, 0.0, 0.0,
        ],
        52,
    ),
    (
        "kstext",
        &[
            10.0, 15.0, 20.0, 30.0, 10.0, 10.0, 10.0, 15.0, 9.0, 3.0, 8.0,
        ],
        106,
    ),
    (
        "kstext",
        &[2.0, 3.0, 4.0, 5.0, 2.0, 2.0, 2.0, 2.0, 2.0, 6.0, 1.0],
        8,
    ),
    ("crsi", &[3.0, 2.0, 100.0], 101),
    ("crsi", &[2.0, 2.0, 2.0], 3),
    ("crsi", &[14.0, 3.0, 5.0], 14),
    ("crsi", &[2.0, 9.0, 4.0], 10),
    ("stc", &[23.0, 50.0, 10.0], 67),
    ("stc", &[50.0, 23.0, 10.0], 67),
    ("stc", &[2.0, 2.0, 2.0], 3),
    ("stc", &[3.0, 9.0, 30.0], 66),
    ("sqzmom", &[20.0, 2.0, 20.0, 2.0, 1.5, 1.0], 38),
    ("sqzmom", &[30.0, 2.0, 5.0, 2.0, 1.5, 1.0], 29),
    ("sqzmom", &[2.0, 2.0, 2.0, 2.0, 1.5, 1.0], 2),
    ("sqzmom", &[3.0, 1.0, 10.0, 1.0, 1.0, 1.0], 18),
    ("wavetrend", &[10.0, 21.0, 4.0], 41),
    ("wavetrend", &[2.0, 1.0, 1.0], 2),
    ("wavetrend", &[5.0, 3.0, 9.0], 18),
    ("emv", &[14.0, 10000.0], 14),
    ("emv", &[1.0, 1.0], 1),
    ("kvo", &[34.0, 55.0, 13.0], 55),
    ("kvo", &[2.0, 2.0, 2.0], 2),
    ("kvo", &[5.0, 3.0, 9.0], 9),
];

/// A deterministic OHLCV-like series with flat stretches and repeated closes.
fn bars(n: usize) -> [Vec<f64>; 5] {
    let mut s: u64 = 17;
    let mut next = move || {
        s = s
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (s >> 11) as f64 / (1u64 << 53) as f64
    };
    let (mut open, mut high, mut low, mut close, mut volume) =
        (vec![], vec![], vec![], vec![], vec![]);
    let mut c = 100.0;
    for i in 0..n {
        if !(120..140).contains(&i) {
            c += ((next() * 8.0).floor() - 3.5) * 0.25;
        }
        let (up, down) = ((next() * 3.0).floor() * 0.25, (next() * 3.0).floor() * 0.25);
        open.push(c - 0.25);
        high.push(c + up);
        low.push(c - down);
        close.push(c);
        volume.push((next() * 5.0).floor() * 100.0);
    }
    [open, high, low, close, volume]
}

fn inputs<'a>(name: &str, data: &'a [Vec<f64>; 5], rows: usize) -> Vec<&'a [f64]> {
    find(name)
        .unwrap()
        .inputs
        .iter()
        .map(|i| {
            let k = match i.as_str() {
                "open" => 0,
                "high" => 1,
                "low" => 2,
                "volume" => 4,
                _ => 3,
            };
            &data[k][..rows]
        })
        .collect()
}

#[test]
fn lookbacks_match_talib_083() {
    for &(name, params, want) in LOOKBACKS {
        let spec = find(name).unwrap();
        assert_eq!(spec.lookback(params).unwrap(), want, "{name} {params:?}");
        let data = bars(200);
        let batch = spec.run(params, &inputs(name, &data, 200), None).unwrap();
        assert_eq!(
            batch.validity,
            crate::Validity::Prefix(want),
            "{name} {params:?}"
        );
        assert!(
            batch
                .outputs
                .iter()
                .all(|o| o[want..].iter().all(|v| v.is_finite())),
            "{name} {params:?}"
        );
    }
}

/// A row depends on that row and the ones before it only: cutting the series after it
/// changes nothing.
#[test]
fn no_look_ahead() {
    let data = bars(240);
    for &(name, params, _) in LOOKBACKS {
        let spec = find(name).unwrap();
        let full = spec.run(params, &inputs(name, &data, 240), None).unwrap();
        for rows in [1, 2, 5, 30, 57, 131, 200] {
            let part = spec.run(params, &inputs(name, &data, rows), None).unwrap();
            for (a, b) in part.outputs.iter().zip(&full.outputs) {
                assert!(
                    a.iter().zip(b).all(|(x, y)| x.to_bits() == y.to_bits()),
                    "{name} {params:?} cut at {rows}"
                );
            }
        }
    }
}
