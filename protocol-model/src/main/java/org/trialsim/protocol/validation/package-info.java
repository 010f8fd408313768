/**
 * Validation of protocols: every problem at once, each at a JSON pointer with a plain sentence.
 * Structural checks (required fields, empty entries, citations) walk the model generically;
 * semantic checks cover values out of range, references to things that do not exist, conditions
 * that do not type-check, decision points that leave some patients without a route, unreachable
 * nodes, and pathways that loop.
 */
package org.trialsim.protocol.validation;
