//! The one place that starts threads: an order-preserving parallel map over scoped
//! threads, shared by the stages that work one document (or one group) at a time, and
//! a join of two tasks. Output is in input order, so it never depends on the number of
//! threads.

/// How many threads `threads` means: `0` is every available core.
pub(crate) fn threads(threads: usize) -> usize {
    match threads {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    }
}

/// `items.iter().map(f).collect()` on up to `threads` scoped threads (`0`: every core),
/// each taking a contiguous chunk; sequential below `min_items` items, where starting
/// threads costs more than it saves.
pub(crate) fn map<T: Sync, U: Send>(
    items: &[T],
    threads: usize,
    min_items: usize,
    f: impl Fn(&T) -> U + Sync,
) -> Vec<U> {
    let threads = self::threads(threads).clamp(1, items.len().max(1));
    if threads == 1 || items.len() < min_items {
        return items.iter().map(f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    let f = &f;
    let mut out = Vec::with_capacity(items.len());
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(f).collect::<Vec<U>>()))
            .collect();
        for h in handles {
            // a worker only panics on a bug; surface it rather than lose items
            out.extend(h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        }
    });
    out
}

/// Runs `background` on another thread while `here` runs on this one (both here when
/// `threads` is 1; `0` is every core), and returns both results. `here` may report
/// progress: it stays on the calling thread.
pub(crate) fn join<A: Send, B>(
    threads: usize,
    background: impl FnOnce() -> A + Send,
    here: impl FnOnce() -> B,
) -> (A, B) {
    if self::threads(threads) == 1 {
        let b = here();
        return (background(), b);
    }
    std::thread::scope(|scope| {
        let a = scope.spawn(background);
        let b = here();
        // a worker only panics on a bug; surface it
        let a = a.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
        (a, b)
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn keeps_order_for_any_thread_count() {
        let items: Vec<u32> = (0..1000).collect();
        let want: Vec<u32> = items.iter().map(|x| x * 3).collect();
        for t in [1, 2, 3, 7, 64] {
            assert_eq!(super::map(&items, t, 0, |x| x * 3), want);
        }
    }

    #[test]
    fn join_gives_both_results_for_any_thread_count() {
        for t in [0, 1, 2] {
            assert_eq!(super::join(t, || 1 + 1, || "here"), (2, "here"));
        }
    }
}
