/**
 * The benchmark's own programs, run by {@code bench/run} and never by the test suite: the workload
 * generator (issues of N pages from the sample's copy, and the same copy as HTML for the peers) and
 * the warm harness (one JVM building an issue again and again). They read and build issues only
 * through the product's public entry points.
 */
package paiban.bench;
