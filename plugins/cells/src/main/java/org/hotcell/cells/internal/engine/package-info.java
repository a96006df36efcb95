/**
 * What the cells share: the time loop with lengths and directions, the input product over all steps, streaming
 * steps, the frame of BPTT, traces and workspaces. Not API.
 */
package org.hotcell.cells.internal.engine;
