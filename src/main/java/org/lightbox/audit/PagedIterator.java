package org.lightbox.audit;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;

/** Iterates a long ordered sequence fetched a page at a time, each page starting after the last key seen. */
public final class PagedIterator<T> implements Iterator<T> {
    private final LongFunction<List<T>> pageAfter;
    private final ToLongFunction<T> key;
    private List<T> page = List.of();
    private int index;
    private long lastKey;
    private boolean exhausted;

    public PagedIterator(LongFunction<List<T>> pageAfter, ToLongFunction<T> key) {
        this.pageAfter = pageAfter;
        this.key = key;
    }

    @Override
    public boolean hasNext() {
        if (index < page.size()) {
            return true;
        }
        if (exhausted) {
            return false;
        }
        page = pageAfter.apply(lastKey);
        index = 0;
        exhausted = page.isEmpty();
        return !exhausted;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        T item = page.get(index++);
        lastKey = key.applyAsLong(item);
        return item;
    }
}
