/**
 * What every stage shares and no stage owns: {@link paiban.core.PaibanException} (the user's error, said
 * in the user's words), {@link paiban.core.Workers} (one thread per core for the whole process), and the
 * small helpers several stages need said one way: {@link paiban.core.Unicode} (a character's U+ name, the
 * rule for joining Latin words across a line) and {@link paiban.core.Digests} (SHA-256).
 * It sits below the stages: it imports none of them, so no stage reaches back through it.
 */
package paiban.core;
