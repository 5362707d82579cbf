/**
 * Test tools shared by every stage's tests: {@link paiban.testing.TestIssues} writes issue folders
 * (issue.yaml, articles, photos made with ImageIO) in a line or two, and {@link paiban.testing.Mutator}
 * fuzzes a reader with seeded mutations of valid input, and {@link paiban.testing.PrintedGlyphs} lists the
 * glyphs a PDF shows for tests that measure the printed page. They never touch the network or anything
 * outside the temporary folder a test gives them.
 */
package paiban.testing;
