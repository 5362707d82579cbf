package paiban.compose;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The page filler's stacks for one group of a band, remembered while it expands one partial page. The band
 * shapes of a wide page put a group of the same width and height, opening with the same piece, after the
 * same pieces already taken, into many shapes (on eight columns 4+4, 4+2+2, 2+4+2 …), and the search for its
 * best stack is a pure function of the partial page and those few things. The memory is dropped when the
 * filler moves on to another partial page, so it never holds more than one state's stacks.
 *
 * @param <S> the partial page (compared by identity: it is the object being expanded)
 * @param <P> the page's spec
 * @param <K> the stack found
 */
final class GroupStacks<S, P, K> {

    /** The search that finds a group's stack, null when no stack fills it. */
    @FunctionalInterface
    interface Search<S, P, K> {
        K stack(S state, P spec, int w, int h, boolean foot, Set<Piece> used, Piece first, int firstPs, Rank rank);
    }

    /** What the search depends on besides the state and spec: {@code used} is a copy, as the caller goes on to add to it. */
    private record Key(int w, int h, boolean foot, Used used, Piece first, int firstPs, Rank rank) {
        // written out: the record's own methods go through method handles the launcher's C1 does not inline (see ModuleBuilder.Key)
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.w == w && k.h == h && k.foot == foot && k.firstPs == firstPs && k.rank == rank
                    && java.util.Objects.equals(k.first, first) && java.util.Objects.equals(k.used, used);
        }

        @Override
        public int hashCode() {
            int x = 31 * w + h;
            x = 31 * x + (foot ? 1 : 0);
            x = 31 * x + java.util.Objects.hashCode(used);
            x = 31 * x + java.util.Objects.hashCode(first);
            x = 31 * x + firstPs;
            return 31 * x + (rank == null ? -1 : rank.ordinal());
        }
    }

    /**
     * The pieces already taken in the band, as one key: the same objects, in any order. Within one partial page
     * every piece waiting is one object, so comparing them by identity finds every stack found before; a copy
     * made as a set, hashing each piece, was a tenth of a broadsheet composition.
     */
    private static final class Used {
        private final Piece[] pieces;
        private final int hash;

        Used(Set<Piece> used) {
            pieces = used.toArray(new Piece[0]);
            int h = 0;
            for (Piece p : pieces) h += System.identityHashCode(p);
            hash = h;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Used u) || u.hash != hash || u.pieces.length != pieces.length) return false;
            for (Piece p : pieces) {
                boolean found = false;
                for (Piece q : u.pieces) found |= p == q;
                if (!found) return false;
            }
            return true;
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private S state;
    private P spec;
    private final Map<Key, Object> found = new HashMap<>();
    private static final Object NONE = new Object();

    @SuppressWarnings("unchecked")
    K stack(S s, P sp, int w, int h, boolean foot, Set<Piece> used, Piece first, int firstPs, Rank rank,
            Search<S, P, K> search) {
        if (s != state || sp != spec) {
            found.clear();
            state = s;
            spec = sp;
        }
        Key key = new Key(w, h, foot, new Used(used), first, firstPs, rank);
        Object k = found.get(key);
        if (k == null) {
            K made = search.stack(s, sp, w, h, foot, used, first, firstPs, rank);
            found.put(key, made == null ? NONE : made);
            return made;
        }
        return k == NONE ? null : (K) k;
    }
}
