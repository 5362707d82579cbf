package paiban.finish;

import paiban.model.Article;
import paiban.model.Issue;
import paiban.model.Photo;

import java.util.HashMap;
import java.util.Map;

/**
 * Names a photo for messages, from its {@link Photo#id} as the render stage marked it: the file the editor
 * can replace and the article that places it.
 */
final class PhotoNames {

    private final Map<String, String> byId = new HashMap<>();

    PhotoNames(Issue issue) {
        for (Article a : issue.articles()) {
            for (Photo p : a.photos()) byId.putIfAbsent(p.id(), "photo " + p.name() + " (article " + a.slug() + ")");
        }
    }

    /** e.g. "photo photos/stamp.jpg (article sea)"; {@code fallback} for an image that is no photo of the copy. */
    String name(String id, String fallback) {
        return id == null ? fallback : byId.getOrDefault(id, fallback);
    }
}
