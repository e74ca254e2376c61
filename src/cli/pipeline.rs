//! Work on a stream of items across threads, in bounded memory, with the
//! results handed back in input order.
//!
//! A reader thread produces the items, gathers them into small batches and
//! spawns the work on each batch into a rayon pool; the caller's thread
//! takes the results as they come, holds the early ones in a buffer keyed
//! by sequence number, and delivers them in order. A [`Window`] bounds what
//! is in flight (read but not yet delivered), by batches and by bytes, so
//! that the reader never runs ahead of the slowest batch by more than a
//! few, whatever the corpus size.

use std::collections::BTreeMap;
use std::io;
use std::sync::{mpsc, Condvar, Mutex};
use std::thread;

/// Batches in flight per worker thread.
const BATCHES_PER_JOB: usize = 4;

/// A batch closes at this many items or bytes, whichever comes first:
/// enough that handing it between threads costs little beside the work
/// (each hand-over is a few context switches), few enough that output
/// keeps flowing.
const BATCH_ITEMS: usize = 16;
const BATCH_BYTES: usize = 64 * 1024;

/// Bytes of input in flight at most (an item larger than this still goes
/// through, alone).
const WINDOW_BYTES: usize = 16 * 1024 * 1024;

/// Hands each item to the pipeline, with its size in bytes; an error ends
/// the reading (the pipeline was stopped).
pub type Emit<'a, I> = dyn FnMut(I, usize) -> io::Result<()> + 'a;

/// Runs `work` on every item that `read` emits, on `jobs` threads, and
/// calls `deliver` on the caller's thread with each item and its result,
/// in the order `read` emitted them. With one job everything runs on the
/// caller's thread. An error from `deliver` stops the reading and is
/// returned once the items in flight are done; an error from `read` is
/// returned after everything it emitted was delivered.
pub fn ordered<I: Send, R: Send>(
    jobs: usize,
    read: &mut (dyn FnMut(&mut Emit<'_, I>) -> io::Result<()> + Send),
    work: &(dyn Fn(&I) -> R + Sync),
    deliver: &mut dyn FnMut(I, R) -> io::Result<()>,
) -> io::Result<()> {
    if jobs <= 1 {
        return read(&mut |item, _| {
            let result = work(&item);
            deliver(item, result)
        });
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .thread_name(|i| format!("secondhand-{i}"))
        .build()
        .map_err(io::Error::other)?;
    let window = Window::new(BATCHES_PER_JOB * jobs, WINDOW_BYTES);
    let (done, results) = mpsc::channel::<(usize, usize, Vec<(I, R)>)>();
    thread::scope(|threads| {
        let (pool, window) = (&pool, &window);
        let reader = threads.spawn(move || {
            let done = done;
            let outcome = pool.in_place_scope(|jobs| {
                let mut next = 0usize;
                // Hands a batch to the pool; false once the window closed.
                let mut send = |batch: Batch<I>| {
                    if !window.enter(batch.bytes) {
                        return false;
                    }
                    let (done, n) = (done.clone(), next);
                    next += 1;
                    jobs.spawn(move |_| {
                        let Batch { items, bytes } = batch;
                        let results = items
                            .into_iter()
                            .map(|item| {
                                let result = work(&item);
                                (item, result)
                            })
                            .collect();
                        // The receiver is gone only when delivery failed.
                        let _ = done.send((n, bytes, results));
                    });
                    true
                };
                let mut batch = Batch::default();
                let outcome = read(&mut |item, size| {
                    batch.items.push(item);
                    batch.bytes = batch.bytes.saturating_add(size);
                    if batch.is_full() && !send(std::mem::take(&mut batch)) {
                        return Err(io::Error::other("stopped"));
                    }
                    Ok(())
                });
                // What was read before the end (or an error) is delivered.
                if !batch.items.is_empty() {
                    send(batch);
                }
                outcome
            });
            // However reading ended, nothing more is coming.
            window.close();
            outcome
        });
        let mut waiting = BTreeMap::new();
        let mut next = 0usize;
        let mut delivered = Ok(());
        'results: for (n, bytes, batch) in results {
            waiting.insert(n, (bytes, batch));
            while let Some((bytes, batch)) = waiting.remove(&next) {
                next += 1;
                for (item, result) in batch {
                    delivered = deliver(item, result);
                    if delivered.is_err() {
                        window.close();
                        break 'results;
                    }
                }
                window.leave(bytes);
            }
        }
        let read = reader
            .join()
            .unwrap_or_else(|_| Err(io::Error::other("the reader thread panicked")));
        delivered.and(read)
    })
}

/// Items handed to one worker together, so that the threads meet once a
/// batch rather than once an article.
struct Batch<I> {
    items: Vec<I>,
    bytes: usize,
}

impl<I> Default for Batch<I> {
    fn default() -> Self {
        Batch {
            items: Vec::new(),
            bytes: 0,
        }
    }
}

impl<I> Batch<I> {
    fn is_full(&self) -> bool {
        self.items.len() >= BATCH_ITEMS || self.bytes >= BATCH_BYTES
    }
}

/// What is in flight: items read but not yet delivered.
struct Window {
    state: Mutex<InFlight>,
    changed: Condvar,
    max_items: usize,
    max_bytes: usize,
}

#[derive(Default)]
struct InFlight {
    items: usize,
    bytes: usize,
    closed: bool,
}

impl Window {
    fn new(max_items: usize, max_bytes: usize) -> Window {
        Window {
            state: Mutex::new(InFlight::default()),
            changed: Condvar::new(),
            max_items: max_items.max(1),
            max_bytes,
        }
    }

    /// Waits until an item of `size` bytes fits (any item fits an empty
    /// window) and counts it in; false once the window is closed.
    fn enter(&self, size: usize) -> bool {
        let Ok(mut state) = self.state.lock() else {
            return false;
        };
        while !state.closed
            && state.items > 0
            && (state.items >= self.max_items || state.bytes.saturating_add(size) > self.max_bytes)
        {
            state = match self.changed.wait(state) {
                Ok(s) => s,
                Err(_) => return false,
            };
        }
        if state.closed {
            return false;
        }
        state.items += 1;
        state.bytes = state.bytes.saturating_add(size);
        true
    }

    fn leave(&self, size: usize) {
        if let Ok(mut state) = self.state.lock() {
            state.items = state.items.saturating_sub(1);
            state.bytes = state.bytes.saturating_sub(size);
        }
        self.changed.notify_all();
    }

    /// Lets a waiting reader go: nothing more enters.
    fn close(&self) {
        if let Ok(mut state) = self.state.lock() {
            state.closed = true;
        }
        self.changed.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    /// Runs items `0..n` through the pipeline, the work sleeping a little
    /// longer for some items so that they finish out of order.
    fn run(jobs: usize, n: usize, sizes: usize) -> (Vec<(usize, usize)>, usize) {
        let in_flight = AtomicUsize::new(0);
        let most = AtomicUsize::new(0);
        let mut read = |emit: &mut Emit<'_, usize>| {
            for i in 0..n {
                let now = in_flight.fetch_add(1, Ordering::SeqCst) + 1;
                most.fetch_max(now, Ordering::SeqCst);
                emit(i, sizes)?;
            }
            Ok(())
        };
        let work = |i: &usize| {
            thread::sleep(Duration::from_micros(((i * 7919) % 5) as u64 * 200));
            i * 2
        };
        let mut got = Vec::new();
        ordered(jobs, &mut read, &work, &mut |i, r| {
            got.push((i, r));
            in_flight.fetch_sub(1, Ordering::SeqCst);
            Ok(())
        })
        .unwrap();
        (got, most.load(Ordering::SeqCst))
    }

    #[test]
    fn results_come_in_input_order_whatever_the_jobs() {
        let want: Vec<(usize, usize)> = (0..200).map(|i| (i, i * 2)).collect();
        for jobs in [1, 2, 3, 8] {
            assert_eq!(run(jobs, 200, 10).0, want, "jobs {jobs}");
        }
    }

    #[test]
    fn items_in_flight_are_bounded_by_count() {
        let (got, most) = run(2, 300, 1);
        assert_eq!(got.len(), 300);
        // The reader may fill one more batch before the window stops it.
        assert!(
            most <= (BATCHES_PER_JOB * 2 + 1) * BATCH_ITEMS,
            "{most} in flight"
        );
    }

    #[test]
    fn items_in_flight_are_bounded_by_bytes() {
        let (got, most) = run(4, 50, WINDOW_BYTES / 2);
        assert_eq!(got.len(), 50);
        assert!(most <= 3, "{most} in flight");
    }

    #[test]
    fn an_item_larger_than_the_window_still_goes_through() {
        let (got, _) = run(2, 5, WINDOW_BYTES * 3);
        assert_eq!(got.len(), 5);
    }

    #[test]
    fn a_delivery_error_stops_the_reading_and_is_returned() {
        for jobs in [1, 2] {
            let read_count = AtomicUsize::new(0);
            let mut read = |emit: &mut Emit<'_, usize>| {
                for i in 0..10_000 {
                    read_count.fetch_add(1, Ordering::SeqCst);
                    emit(i, 1)?;
                }
                Ok(())
            };
            let mut delivered = 0;
            let err = ordered(jobs, &mut read, &|i: &usize| *i, &mut |_, _| {
                delivered += 1;
                if delivered == 3 {
                    Err(io::Error::new(io::ErrorKind::BrokenPipe, "closed"))
                } else {
                    Ok(())
                }
            })
            .unwrap_err();
            assert_eq!(err.kind(), io::ErrorKind::BrokenPipe);
            assert_eq!(delivered, 3);
            let most = (BATCHES_PER_JOB * jobs + 2) * BATCH_ITEMS;
            assert!(read_count.load(Ordering::SeqCst) < most, "jobs {jobs}");
        }
    }

    #[test]
    fn a_reading_error_comes_after_what_was_read() {
        let mut read = |emit: &mut Emit<'_, usize>| {
            emit(1, 1)?;
            emit(2, 1)?;
            Err(io::Error::other("disk gone"))
        };
        let mut got = Vec::new();
        let err = ordered(2, &mut read, &|i: &usize| *i, &mut |i, _| {
            got.push(i);
            Ok(())
        })
        .unwrap_err();
        assert_eq!(err.to_string(), "disk gone");
        assert_eq!(got, vec![1, 2]);
    }
}
