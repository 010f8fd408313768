/**
 * The condition language of protocol files: short expressions a trial designer can read, such as
 * {@code mrd >= 5e-4 and risk == "MR"}, parsed when a protocol is loaded (errors carry the column),
 * type-checked against the protocol's variables, and compiled to fast predicates over a patient's
 * state vector. The language has comparisons, {@code and}, {@code or}, {@code not}, {@code in [...]}
 * and literals; it has no functions, assignments or loops, so a protocol file can never run code.
 */
package org.trialsim.protocol.condition;
