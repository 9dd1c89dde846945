//! Work on many threads, results in input order, memory bounded.
//!
//! [`for_each_ordered`] runs a function on every item on `threads` worker
//! threads and hands each result to a sink on the calling thread in input
//! order, as soon as every earlier result was handed. A worker does not start
//! an item more than `window` items ahead of the last one handed, so at most
//! `window` results wait at any time, however many items there are and
//! however slow one of them is: a run's memory is that of a few files, and
//! its output the same bytes whatever the thread count.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, mpsc};

/// How many results may wait for an earlier one, per thread.
pub const WINDOW_PER_THREAD: usize = 64;

/// Run `work` on every item and give the results to `sink` in input order.
/// An error from `sink` stops the run (workers finish the item in hand) and
/// is returned.
///
/// # Errors
/// The first error of `sink`.
pub fn for_each_ordered<T, R, E>(
    items: &[T],
    threads: usize,
    work: impl Fn(usize, &T) -> R + Sync,
    mut sink: impl FnMut(usize, R) -> Result<(), E>,
) -> Result<(), E>
where
    T: Sync,
    R: Send,
{
    let threads = threads.clamp(1, items.len().max(1));
    if threads == 1 {
        for (i, item) in items.iter().enumerate() {
            sink(i, work(i, item))?;
        }
        return Ok(());
    }
    let window = threads * WINDOW_PER_THREAD;
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    // The number of results handed to the sink, and its change.
    let handed = Mutex::new(0usize);
    let moved = Condvar::new();
    let (tx, rx) = mpsc::sync_channel::<(usize, R)>(window);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let tx = tx.clone();
            let (next, stop, handed, moved, work) = (&next, &stop, &handed, &moved, &work);
            scope.spawn(move || {
                // A panic in `work` must not leave the others waiting for its
                // item: it stops the run, and the scope passes the panic on.
                let _stop_on_panic = OnUnwind(|| {
                    stop.store(true, Ordering::Relaxed);
                    moved.notify_all();
                });
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= items.len() {
                        break;
                    }
                    {
                        let mut h = handed.lock().unwrap_or_else(|e| e.into_inner());
                        while i >= *h + window && !stop.load(Ordering::Relaxed) {
                            h = moved.wait(h).unwrap_or_else(|e| e.into_inner());
                        }
                    }
                    if stop.load(Ordering::Relaxed) {
                        break;
                    }
                    if tx.send((i, work(i, &items[i]))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        let mut waiting: BTreeMap<usize, R> = BTreeMap::new();
        let mut expected = 0usize;
        let result = (|| {
            for (i, r) in &rx {
                waiting.insert(i, r);
                while let Some(r) = waiting.remove(&expected) {
                    sink(expected, r)?;
                    expected += 1;
                    *handed.lock().unwrap_or_else(|e| e.into_inner()) = expected;
                    moved.notify_all();
                }
            }
            Ok(())
        })();
        if result.is_err() {
            stop.store(true, Ordering::Relaxed);
            moved.notify_all();
            // Workers blocked on a full channel wake up when it is dropped.
            drop(rx);
        }
        result
    })
}

/// Runs its function when dropped during a panic.
struct OnUnwind<F: Fn()>(F);

impl<F: Fn()> Drop for OnUnwind<F> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            (self.0)();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_input_order_at_any_thread_count() {
        let items: Vec<u64> = (0..2_000).collect();
        for threads in [1, 2, 3, 8] {
            let mut seen = Vec::new();
            for_each_ordered(
                &items,
                threads,
                |i, x| {
                    // Uneven work, so results finish out of order.
                    if i % 7 == 0 {
                        std::thread::sleep(std::time::Duration::from_micros(50));
                    }
                    x * 2
                },
                |i, r| {
                    seen.push((i, r));
                    Ok::<(), ()>(())
                },
            )
            .unwrap();
            let want: Vec<(usize, u64)> = items.iter().map(|&x| (x as usize, x * 2)).collect();
            assert_eq!(seen, want, "{threads} threads");
        }
    }

    #[test]
    fn no_more_than_the_window_waits() {
        let items: Vec<usize> = (0..3_000).collect();
        let started = AtomicUsize::new(0);
        let mut most_ahead = 0;
        for_each_ordered(
            &items,
            2,
            |i, _| {
                started.fetch_max(i + 1, Ordering::SeqCst);
                // The first item is slow: everything else must wait for it.
                if i == 0 {
                    std::thread::sleep(std::time::Duration::from_millis(100));
                }
                i
            },
            |i, _| {
                most_ahead = most_ahead.max(started.load(Ordering::SeqCst) - i);
                Ok::<(), ()>(())
            },
        )
        .unwrap();
        assert!(
            most_ahead <= 2 * WINDOW_PER_THREAD + 2,
            "{most_ahead} items started ahead of the one handed"
        );
    }

    #[test]
    fn a_panic_in_work_is_passed_on_not_a_hang() {
        let items: Vec<usize> = (0..10_000).collect();
        let r = std::panic::catch_unwind(|| {
            for_each_ordered(
                &items,
                2,
                |i, _| assert!(i != 5, "boom"),
                |_, ()| Ok::<(), ()>(()),
            )
        });
        assert!(r.is_err());
    }

    #[test]
    fn a_sink_error_stops_the_run() {
        let items: Vec<usize> = (0..100_000).collect();
        let done = AtomicUsize::new(0);
        let r = for_each_ordered(
            &items,
            2,
            |_, x| {
                done.fetch_add(1, Ordering::SeqCst);
                *x
            },
            |i, _| if i == 10 { Err(i) } else { Ok(()) },
        );
        assert_eq!(r, Err(10));
        assert!(done.load(Ordering::SeqCst) < 1_000, "workers stopped");
    }
}
