/**
 * The built-in protocols, shipped as YAML resources: Interfant-21, the Interfant-06 blinatumomab
 * pilot, COG AALL1331, AALL1121 and the CCCG day-19 MRD trial. Each parameter is traced to a
 * published figure or marked as an assumption.
 */
package org.trialsim.protocol.builtin;
