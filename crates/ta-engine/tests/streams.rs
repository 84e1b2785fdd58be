//! Live streams, snapshots and panels, for every catalog entry: each must give the batch
//! kernel's bits, whatever the mix of `open`, `update`, `peek`, `revise`, snapshots and
//! panel ticks that produced them.

mod common;

use common::{bars, batch_rows, inputs, param_sets, rows_of, same_bits, Data};
use ta_engine::catalog::{catalog, find, IndicatorSpec};
use ta_engine::execution::snapshot;
use ta_engine::{LivePanel, LiveStream, SnapshotProblem, TaError};

const N: usize = 300;

type Rows = Vec<Option<Vec<f64>>>;

/// Bars with a few incomplete ones (NaN or inf in every column), which every path skips.
fn data(seed: u64) -> Data {
    let mut d = bars(N, seed);
    for (row, bad) in [(37, f64::NAN), (38, f64::NAN), (201, f64::INFINITY)] {
        for column in &mut d {
            column[row] = bad;
        }
    }
    d
}

fn bar_at(series: &[&[f64]], row: usize) -> Vec<f64> {
    series.iter().map(|s| s[row]).collect()
}

fn update(stream: &mut LiveStream, bar: &[f64]) -> Option<Vec<f64>> {
    let mut out = vec![0.0; stream.spec().outputs.len()];
    stream.update(bar, &mut out).unwrap().then_some(out)
}

/// Rows at which to cut a series: before, at and after the warm-up, mid-way and the end.
fn cuts(lookback: usize) -> Vec<usize> {
    let mut cuts = vec![
        0,
        1,
        lookback.saturating_sub(1),
        lookback,
        lookback + 1,
        N / 2,
        N,
    ];
    cuts.retain(|&k| k <= N);
    cuts.sort_unstable();
    cuts.dedup();
    cuts
}

/// `open` on the first `k` rows, `update` over the rest.
fn opened_then_updated(
    spec: &'static IndicatorSpec,
    values: &[f64],
    series: &[&[f64]],
    k: usize,
    revisable: bool,
) -> Rows {
    let head: Vec<[&[f64]; 1]> = series.iter().map(|s| [&s[..k]]).collect();
    let head: Vec<&[&[f64]]> = head.iter().map(|c| c.as_slice()).collect();
    let (mut stream, batch) = LiveStream::open(spec, values, revisable, &head, None).unwrap();
    let mut rows = rows_of(&batch, k);
    rows.extend((k..N).map(|row| update(&mut stream, &bar_at(series, row))));
    rows
}

#[test]
fn open_then_update_equals_batch() {
    let d = data(5);
    for spec in catalog() {
        let series = inputs(spec, &d);
        for values in param_sets(spec) {
            let expected = batch_rows(spec, &values, &series, None);
            let lookback = spec.lookback(&values).unwrap();
            for k in cuts(lookback) {
                for revisable in [false, true] {
                    let got = opened_then_updated(spec, &values, &series, k, revisable);
                    assert!(
                        same_bits(&got, &expected),
                        "{} {values:?}: open({k}, revisable={revisable}) + update",
                        spec.name
                    );
                }
            }
        }
    }
}

#[test]
fn snapshots_resume_exactly() {
    let d = data(6);
    for spec in catalog() {
        let series = inputs(spec, &d);
        let values = spec.default_values();
        let expected = batch_rows(spec, &values, &series, None);
        let lookback = spec.lookback(&values).unwrap();
        for k in cuts(lookback) {
            for revisable in [false, true] {
                let mut stream = LiveStream::new(spec, &values, revisable).unwrap();
                let mut rows: Rows = (0..k)
                    .map(|row| update(&mut stream, &bar_at(&series, row)))
                    .collect();
                let bytes = stream.to_bytes().unwrap();
                let mut restored = LiveStream::from_bytes(&bytes)
                    .unwrap_or_else(|e| panic!("{} after {k} bars: {e}", spec.name));
                assert_eq!(restored.bars(), k as u64);
                assert_eq!(restored.revisable(), revisable);
                assert_eq!(
                    restored.to_bytes().unwrap(),
                    bytes,
                    "{}: re-encoding",
                    spec.name
                );
                if revisable && k > 0 {
                    // The restored stream can still revise the bar before the snapshot.
                    let mut out = vec![0.0; spec.outputs.len()];
                    let ready = restored.revise(&bar_at(&series, k - 1), &mut out).unwrap();
                    assert!(same_bits(&[ready.then_some(out)], &expected[k - 1..k]));
                }
                rows.extend((k..N).map(|row| update(&mut restored, &bar_at(&series, row))));
                assert!(
                    same_bits(&rows, &expected),
                    "{}: snapshot after {k} bars (revisable={revisable})",
                    spec.name
                );
            }
        }
    }
}

#[test]
fn revise_replaces_the_last_bar() {
    let d = data(7);
    for spec in catalog() {
        let series = inputs(spec, &d);
        let values = spec.default_values();
        let expected = batch_rows(spec, &values, &series, None);
        let mut stream = LiveStream::new(spec, &values, true).unwrap();
        let mut out = vec![0.0; spec.outputs.len()];
        let rows: Rows = (0..N)
            .map(|row| {
                let right = bar_at(&series, row);
                // A forming bar revised twice (once to an incomplete bar) before it closes.
                let forming: Vec<f64> = right.iter().map(|v| v * 1.003).collect();
                stream.update(&forming, &mut out).unwrap();
                let mut gap = forming.clone();
                gap[0] = f64::NAN;
                stream.revise(&gap, &mut out).unwrap();
                stream
                    .revise(&right, &mut out)
                    .unwrap()
                    .then(|| out.clone())
            })
            .collect();
        assert!(same_bits(&rows, &expected), "{}", spec.name);
    }
}

#[test]
fn revise_needs_a_revisable_stream_with_a_bar() {
    let spec = find("rsi").unwrap();
    let mut out = [0.0];
    let mut plain = LiveStream::new(spec, &spec.default_values(), false).unwrap();
    let mut fresh = LiveStream::new(spec, &spec.default_values(), true).unwrap();
    for stream in [&mut plain, &mut fresh] {
        let err = stream.revise(&[1.0], &mut out).unwrap_err();
        assert_eq!(err.code(), "invalid_state");
    }
}

#[test]
fn peek_commits_nothing() {
    let d = data(8);
    for spec in catalog() {
        let series = inputs(spec, &d);
        let values = spec.default_values();
        let expected = batch_rows(spec, &values, &series, None);
        let mut stream = LiveStream::new(spec, &values, false).unwrap();
        let mut peeked = vec![0.0; spec.outputs.len()];
        let rows: Rows = (0..N)
            .map(|row| {
                let bar = bar_at(&series, row);
                let other: Vec<f64> = bar.iter().map(|v| v * 0.997).collect();
                stream.peek(&other, &mut peeked).unwrap();
                let ready = stream.peek(&bar, &mut peeked).unwrap();
                let got = update(&mut stream, &bar);
                assert!(same_bits(
                    &[ready.then(|| peeked.clone())],
                    std::slice::from_ref(&got)
                ));
                got
            })
            .collect();
        assert!(same_bits(&rows, &expected), "{}", spec.name);
    }
}

#[test]
fn panel_equals_separate_streams() {
    let symbols: Vec<Data> = (0..3).map(|s| data(20 + s)).collect();
    for spec in catalog() {
        let values = spec.default_values();
        let series: Vec<Vec<&[f64]>> = symbols.iter().map(|d| inputs(spec, d)).collect();
        let mut panel = LivePanel::new(spec, &values, 2).unwrap();
        let mut streams: Vec<LiveStream> = (0..3)
            .map(|_| LiveStream::new(spec, &values, false).unwrap())
            .collect();
        let outputs = spec.outputs.len();
        for row in 0..N {
            if row == 40 {
                // A third symbol joins late, from its own first bar.
                panel.add(1);
            }
            let live = panel.symbols();
            // Symbol 1 has no bar on every seventh tick.
            let has_bar: Vec<bool> = (0..live).map(|s| s != 1 || row % 7 != 0).collect();
            let columns: Vec<Vec<f64>> = (0..spec.inputs.len())
                .map(|k| {
                    (0..live)
                        .map(|s| series[s][k][if s == 2 { row - 40 } else { row }])
                        .collect()
                })
                .collect();
            let inputs: Vec<&[f64]> = columns.iter().map(Vec::as_slice).collect();
            let mut out = vec![vec![0.0; live]; outputs];
            let mut out_refs: Vec<&mut [f64]> = out.iter_mut().map(Vec::as_mut_slice).collect();
            panel
                .update(&inputs, Some(&has_bar), &mut out_refs)
                .unwrap();
            for s in 0..live {
                let expected = has_bar[s]
                    .then(|| update(&mut streams[s], &bar_at(&inputs, s)))
                    .flatten();
                let got = panel.ready()[s].then(|| out.iter().map(|o| o[s]).collect());
                assert!(
                    same_bits(&[got], &[expected]),
                    "{} symbol {s} tick {row}",
                    spec.name
                );
            }
        }
        panel.remove(0).unwrap();
        assert_eq!(panel.symbols(), 2);
    }
}

#[test]
fn panel_checks_its_arrays() {
    let spec = find("atr").unwrap();
    let mut panel = LivePanel::new(spec, &spec.default_values(), 3).unwrap();
    let x = [1.0, 2.0, 3.0];
    let mut out = [0.0; 3];
    let err = panel.update(&[&x, &x], None, &mut [&mut out]).unwrap_err();
    assert_eq!(err.code(), "arity");
    let err = panel
        .update(&[&x, &x, &x[..2]], None, &mut [&mut out])
        .unwrap_err();
    assert_eq!(err.code(), "length_mismatch");
    assert_eq!(panel.remove(3).unwrap_err().code(), "invalid_state");
}

fn problem(result: Result<LiveStream, TaError>) -> SnapshotProblem {
    match result {
        Err(TaError::Snapshot { problem, .. }) => problem,
        other => panic!("expected a refused snapshot, got {other:?}"),
    }
}

/// A stream of `name` (defaults) after 60 bars.
fn snapshot_of(name: &str, revisable: bool) -> Vec<u8> {
    let spec = find(name).unwrap();
    let d = data(9);
    let series = inputs(spec, &d);
    let mut stream = LiveStream::new(spec, &spec.default_values(), revisable).unwrap();
    for row in 0..60 {
        update(&mut stream, &bar_at(&series, row));
    }
    stream.to_bytes().unwrap()
}

/// Rewrites a snapshot's header (and recomputes its checksum).
fn with_header(bytes: &[u8], edit: impl FnOnce(&mut snapshot::Header)) -> Vec<u8> {
    let frame = snapshot::read(bytes).unwrap();
    let mut header = frame.header.clone();
    edit(&mut header);
    snapshot::write(&header, frame.state, frame.previous).unwrap()
}

#[test]
fn damaged_snapshots_are_refused() {
    let bytes = snapshot_of("bbands", true);
    for len in 0..bytes.len() {
        let p = problem(LiveStream::from_bytes(&bytes[..len]));
        assert!(
            matches!(
                p,
                SnapshotProblem::Truncated | SnapshotProblem::NotASnapshot
            ),
            "cut at {len}: {p:?}"
        );
    }
    for at in 0..bytes.len() {
        for bit in [0, 3, 7] {
            let mut flipped = bytes.clone();
            flipped[at] ^= 1 << bit;
            assert!(
                LiveStream::from_bytes(&flipped).is_err(),
                "bit {bit} of byte {at}"
            );
        }
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert_eq!(
        problem(LiveStream::from_bytes(&longer)),
        SnapshotProblem::Malformed
    );
}

#[test]
fn snapshots_from_elsewhere_are_refused() {
    let sma = snapshot_of("sma", false);
    let ema = snapshot_of("ema", false);
    assert_eq!(
        problem(LiveStream::from_bytes_of("ema", &sma)),
        SnapshotProblem::WrongIndicator
    );
    let mut newer = sma.clone();
    newer[4] = 2;
    let crc = crc32(&newer[..newer.len() - 4]);
    let at = newer.len() - 4;
    newer[at..].copy_from_slice(&crc.to_le_bytes());
    assert_eq!(
        problem(LiveStream::from_bytes(&newer)),
        SnapshotProblem::UnsupportedVersion
    );
    let future = with_header(&sma, |h| h.state_version += 1);
    assert_eq!(
        problem(LiveStream::from_bytes(&future)),
        SnapshotProblem::UnsupportedVersion
    );
    let unknown = with_header(&sma, |h| h.indicator = "nope".into());
    assert_eq!(
        problem(LiveStream::from_bytes(&unknown)),
        SnapshotProblem::Malformed
    );
    // SMA's window is as long as its period: a state for 30 bars does not fit a 29-bar SMA.
    let resized = with_header(&sma, |h| h.params[0].1 = 29.0);
    assert_eq!(
        problem(LiveStream::from_bytes(&resized)),
        SnapshotProblem::Malformed
    );
    // An EMA's state where an SMA's is expected.
    let frame = snapshot::read(&ema).unwrap();
    let sma_frame = snapshot::read(&sma).unwrap();
    let swapped = snapshot::write(&sma_frame.header, frame.state, None).unwrap();
    assert_eq!(
        problem(LiveStream::from_bytes(&swapped)),
        SnapshotProblem::Malformed
    );
    assert_eq!(
        problem(LiveStream::from_bytes(b"not a snapshot")),
        SnapshotProblem::NotASnapshot
    );
}

fn crc32(bytes: &[u8]) -> u32 {
    // Bitwise CRC-32 (IEEE), independent of the implementation under test.
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

#[test]
fn odd_values_in_a_state_round_trip() {
    // -0.0, subnormals and the ±inf sentinels of a rolling extreme come back bit for bit.
    for name in ["max", "min", "sum"] {
        let spec = find(name).unwrap();
        let mut stream = LiveStream::new(spec, &[3.0], false).unwrap();
        let mut out = [0.0];
        for v in [-0.0, f64::from_bits(1), -f64::from_bits(7), 0.0] {
            stream.update(&[v], &mut out).unwrap();
            let mut restored = LiveStream::from_bytes(&stream.to_bytes().unwrap()).unwrap();
            let (mut a, mut b) = ([0.0], [0.0]);
            for next in [-0.0, 5e-324, 1.0] {
                stream.clone().update(&[next], &mut a).unwrap();
                restored.clone().update(&[next], &mut b).unwrap();
                assert_eq!(a[0].to_bits(), b[0].to_bits(), "{name}");
            }
            restored.update(&[1.0], &mut b).unwrap();
        }
    }
}

#[test]
fn update_many_continues_from_any_state() {
    let d = data(10);
    for spec in catalog() {
        let series = inputs(spec, &d);
        let values = spec.default_values();
        let expected = batch_rows(spec, &values, &series, None);
        for revisable in [false, true] {
            let mut stream = LiveStream::new(spec, &values, revisable).unwrap();
            let mut rows: Rows = (0..50)
                .map(|row| update(&mut stream, &bar_at(&series, row)))
                .collect();
            let rest: Vec<[&[f64]; 1]> = series.iter().map(|s| [&s[50..]]).collect();
            let rest: Vec<&[&[f64]]> = rest.iter().map(|c| c.as_slice()).collect();
            let batch = stream.update_many(&rest, None).unwrap();
            rows.extend(rows_of(&batch, N - 50));
            assert!(same_bits(&rows, &expected), "{}", spec.name);
            assert_eq!(stream.bars(), N as u64);
            assert_eq!(stream.ready(), expected[N - 1].is_some());
        }
    }
}

/// Steps a restored stream as a feed would: peeks, updates and re-encodes it from its state
/// (when `from_state`) and from its previous state, which `revise` goes back to (when
/// `from_previous`).
fn exercise(stream: &LiveStream, from_state: bool, from_previous: bool) {
    let bars: Vec<Vec<f64>> = [100.0, 101.0]
        .iter()
        .map(|&v| vec![v; stream.spec().inputs.len()])
        .collect();
    let mut out = vec![0.0; stream.spec().outputs.len()];
    let mut run = |mut stream: LiveStream, revise: bool| {
        if revise {
            let _ = stream.revise(&bars[0], &mut out);
        }
        for bar in [&bars[0], &bars[1], &bars[0]] {
            stream.peek(bar, &mut out).unwrap();
            stream.update(bar, &mut out).unwrap();
        }
        stream.peek(&bars[1], &mut out).unwrap();
        stream.to_bytes().unwrap();
    };
    if from_state {
        run(stream.clone(), false);
    }
    if from_previous {
        run(stream.clone(), true);
    }
}

/// The message of a caught panic.
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "(no message)".into())
}

std::thread_local! {
    /// Set on threads whose panics are expected (and caught), to keep them off the output.
    static QUIET: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f` with the panic hook silenced on threads marked [`QUIET`] (tests running meanwhile
/// keep their messages); the hook is restored after.
fn with_quiet_panics<T>(f: impl FnOnce() -> T) -> T {
    use std::panic::{set_hook, take_hook};
    use std::sync::Arc;
    let previous = Arc::new(take_hook());
    let inner = Arc::clone(&previous);
    set_hook(Box::new(move |info| {
        if !QUIET.with(|q| q.get()) {
            inner(info);
        }
    }));
    let result = f();
    drop(take_hook());
    if let Ok(previous) = Arc::try_unwrap(previous) {
        set_hook(previous);
    }
    result
}

#[test]
fn bit_flipped_states_never_panic() {
    // A snapshot whose checksum matches can still hold a damaged state (written by a faulty
    // program or disk): it must be refused, or restore to a stream that works, never to one
    // that panics later. One case per bit of the header and of both states (the checksum
    // recomputed), for every indicator; the cases are shared among threads.
    use std::panic::{catch_unwind, AssertUnwindSafe};
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Mutex;
    // Low bits change a small integer (an index, a count) by 1, 2, 4, 16 and 64. A previous
    // state passes the same checks as a state, and each of its cases decodes the state too:
    // there, one bit a byte, taking the five in turn.
    const BITS: [u8; 5] = [0, 1, 2, 4, 6];
    const SECTIONS: [&str; 3] = ["header", "state", "previous state"];
    let d = data(11);
    // Per indicator: its header (encoded alone), state and previous state after 60 bars.
    let snapshots: Vec<(&str, [Vec<u8>; 3])> = catalog()
        .iter()
        .map(|&spec| {
            let series = inputs(spec, &d);
            let mut stream = LiveStream::new(spec, &spec.default_values(), true).unwrap();
            for row in 0..60 {
                update(&mut stream, &bar_at(&series, row));
            }
            let bytes = stream.to_bytes().unwrap();
            let frame = snapshot::read(&bytes).unwrap();
            let header = rmp_serde::to_vec_named(&frame.header).unwrap();
            let parts = [
                header,
                frame.state.to_vec(),
                frame.previous.unwrap().to_vec(),
            ];
            (spec.name, parts)
        })
        .collect();
    let bytes: Vec<(usize, usize, usize)> = snapshots
        .iter()
        .enumerate()
        .flat_map(|(k, (_, parts))| {
            (0..3)
                .flat_map(move |section| (0..parts[section].len()).map(move |at| (k, section, at)))
        })
        .collect();
    let next = AtomicUsize::new(0);
    let cases = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    let work = || {
        QUIET.with(|q| q.set(true));
        while let Some(&(k, section, at)) = bytes.get(next.fetch_add(1, Ordering::Relaxed)) {
            let (name, parts) = &snapshots[k];
            let mut parts = parts.clone();
            let bits = match section {
                2 => &BITS[at % BITS.len()..][..1],
                _ => &BITS[..],
            };
            for &bit in bits {
                parts[section][at] ^= 1 << bit;
                // A header that no longer decodes cannot be framed (the framing is tested by
                // `damaged_snapshots_are_refused`). A damaged state is framed without the
                // previous state (only `revise` reads it; this spares decoding it again) and
                // stepped from itself; a damaged previous state is stepped through `revise`.
                if let Ok(header) = rmp_serde::from_slice(&parts[0]) {
                    let previous = (section != 1).then_some(parts[2].as_slice());
                    let framed = snapshot::write(&header, &parts[1], previous).unwrap();
                    cases.fetch_add(1, Ordering::Relaxed);
                    let result = catch_unwind(AssertUnwindSafe(|| {
                        if let Ok(restored) = LiveStream::from_bytes(&framed) {
                            exercise(&restored, section != 2, section != 1);
                        }
                    }));
                    if let Err(payload) = result {
                        let message = panic_message(&*payload);
                        failures
                            .lock()
                            .unwrap()
                            .push((k, section, at, bit, *name, message));
                    }
                }
                parts[section][at] ^= 1 << bit;
            }
        }
    };
    with_quiet_panics(|| {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        std::thread::scope(|s| {
            for _ in 0..threads {
                s.spawn(work);
            }
        });
    });
    let mut failures = failures.into_inner().unwrap();
    failures.sort();
    let first: Vec<String> = failures
        .iter()
        .take(20)
        .map(|(_, section, at, bit, name, message)| {
            format!(
                "{name}: {} byte {at} bit {bit}: {message}",
                SECTIONS[*section]
            )
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} bit-flipped snapshots panicked; the first:\n{}",
        failures.len(),
        cases.into_inner(),
        first.join("\n")
    );
}
