/**
 * Batch: builds many issues in one process. Takes issue folders and the build options; gives one
 * {@link paiban.batch.Outcome} per issue (built, skipped as up to date, or failed with its message).
 * It schedules and skips; it never typesets, composes or renders itself, and never lets one issue's
 * failure stop another.
 */
package paiban.batch;
