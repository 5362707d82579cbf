package paiban.finish;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSObject;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Consumer;

/** Visits every dictionary (streams included) reachable from a root once, in a fixed order. */
final class CosWalk {

    private CosWalk() {
    }

    static void dictionaries(COSBase root, Consumer<COSDictionary> visitor) {
        Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<COSBase> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            COSBase b = todo.pop();
            if (b instanceof COSObject o) {
                b = o.getObject();
            }
            if (b == null || !seen.add(b)) {
                continue;
            }
            if (b instanceof COSDictionary d) {
                visitor.accept(d);
                for (COSBase v : d.getValues()) todo.push(v);
            } else if (b instanceof COSArray a) {
                for (int i = 0; i < a.size(); i++) todo.push(a.get(i));
            }
        }
    }
}
