/**
 * What every stage shares and no stage owns: {@link paiban.core.PaibanException} (the user's error, said
 * in the user's words) and {@link paiban.core.Workers} (one thread per core for the whole process).
 * It sits below the stages: it imports none of them, so no stage reaches back through it.
 */
package paiban.core;
