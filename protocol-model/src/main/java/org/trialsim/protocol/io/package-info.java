/**
 * Reading and writing protocol files. {@link org.trialsim.protocol.io.ProtocolReader} turns YAML or
 * JSON into a validated {@link org.trialsim.protocol.Protocol}, reporting every problem at once with
 * its line and column, and rejecting hostile input (binary junk, huge files, alias bombs, deep
 * nesting) quickly and in bounded memory. {@link org.trialsim.protocol.io.ProtocolWriter} writes a
 * protocol back out; what it writes reads back to an equal protocol.
 */
package org.trialsim.protocol.io;
