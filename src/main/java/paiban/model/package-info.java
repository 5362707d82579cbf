/**
 * The issue model every stage shares: Issue, Article, Photo, Block and the editor's plan.
 * Plain immutable records; they hold copy as text, never as markup.
 */
package paiban.model;
