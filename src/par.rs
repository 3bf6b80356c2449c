//! Order-preserving parallel map over scoped threads, shared by the stages that work
//! one document (or one group) at a time. Output is in input order, so it never depends
//! on the number of threads.

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
}
