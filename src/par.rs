//! Order-preserving parallel work over scoped threads, the one thread helper of the
//! stages and the pipeline. Results come back in input order, so they never depend on
//! the number of threads.

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
    let parts = map_chunks(
        items,
        threads,
        min_items,
        |_, _| false,
        |part| part.iter().map(&f).collect::<Vec<U>>(),
    );
    let mut out = Vec::with_capacity(items.len());
    for part in parts {
        out.extend(part);
    }
    out
}

/// `f` on contiguous chunks of `items`, up to `threads` chunks (`0`: every core) of
/// about equal length, each on a scoped thread of its own; the results in chunk order.
/// A cut between two items is moved forward while `together(before, after)` holds, so
/// a chunk can set up shared state once (an index of its first document) for runs of
/// items that need it. One chunk, on the calling thread, below `min_items` items. Each
/// chunk gets its own state from `f`, so `f` must give results that do not depend on
/// where the cuts fall; then the output does not depend on the thread count.
pub(crate) fn map_chunks<T: Sync, U: Send>(
    items: &[T],
    threads: usize,
    min_items: usize,
    together: impl Fn(&T, &T) -> bool,
    f: impl Fn(&[T]) -> U + Sync,
) -> Vec<U> {
    let threads = self::threads(threads).clamp(1, items.len().max(1));
    if threads == 1 || items.len() < min_items {
        return vec![f(items)];
    }
    let step = items.len().div_ceil(threads);
    let mut cuts = vec![0];
    let mut at = 0;
    while at < items.len() {
        at = (at + step).min(items.len());
        while at < items.len() && together(&items[at - 1], &items[at]) {
            at += 1;
        }
        cuts.push(at);
    }
    let f = &f;
    let mut out = Vec::with_capacity(cuts.len() - 1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = cuts
            .windows(2)
            .map(|w| {
                let part = &items[w[0]..w[1]];
                scope.spawn(move || f(part))
            })
            .collect();
        for h in handles {
            // a worker only panics on a bug; surface it rather than lose items
            out.push(h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        }
    });
    out
}

/// `(a(), b())`, with `a` on a scoped thread of its own while `b` runs on the calling
/// thread, unless `threads` is 1 (then one after the other).
pub(crate) fn join<A: Send, B>(
    threads: usize,
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B,
) -> (A, B) {
    if self::threads(threads) == 1 {
        let x = a();
        return (x, b());
    }
    std::thread::scope(|scope| {
        let x = scope.spawn(a);
        let y = b();
        // a worker only panics on a bug; surface it
        let x = x.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
        (x, y)
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
    fn chunks_keep_runs_together_and_cover_every_item() {
        // runs of equal items: a chunk never starts inside one
        let items: Vec<u32> = (0..500).map(|i| i / 7).collect();
        for t in [1, 2, 3, 7, 64] {
            let parts = super::map_chunks(&items, t, 0, |a, b| a == b, |p| p.to_vec());
            assert!(parts.len() <= t.max(1));
            for w in parts.windows(2) {
                assert_ne!(w[0].last(), w[1].first());
            }
            assert_eq!(parts.concat(), items);
        }
        let none: Vec<Vec<u32>> = super::map_chunks(&[], 4, 0, |a: &u32, b| a == b, |p| p.to_vec());
        assert_eq!(none, vec![Vec::<u32>::new()]);
    }

    #[test]
    fn join_gives_both_results_for_any_thread_count() {
        for t in [0, 1, 2] {
            assert_eq!(super::join(t, || 1 + 1, || "here"), (2, "here"));
        }
    }
}
