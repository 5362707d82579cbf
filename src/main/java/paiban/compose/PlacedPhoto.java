package paiban.compose;

import paiban.model.Photo;

/** A photo's frame on the page, in points from the type area's top-left; the photo is cropped to it. */
public record PlacedPhoto(Photo photo, float x, float y, float width, float height) {
}
