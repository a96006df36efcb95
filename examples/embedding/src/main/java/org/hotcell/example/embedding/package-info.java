/**
 * The embedding example: {@link org.hotcell.example.embedding.ForwardDemo} runs one fixed LSTM forward pass
 * through any {@link org.hotcell.core.registry.Registry}; {@link org.hotcell.example.embedding.Main} runs it on
 * the module path.
 */
@Version("0.1.0")
package org.hotcell.example.embedding;

import org.osgi.annotation.versioning.Version;
