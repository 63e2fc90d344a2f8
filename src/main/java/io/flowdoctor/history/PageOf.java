package io.flowdoctor.history;

import java.util.List;

/** One page of a list: its items, where it is, and how many there are in all. */
public record PageOf<T>(List<T> items, int page, int size, long total) {
}
