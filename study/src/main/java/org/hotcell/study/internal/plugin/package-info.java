/** Activation plugin jars from {@code --plugins DIR}, loaded by hotcell-core's {@code PluginJar}. */
package org.hotcell.study.internal.plugin;
