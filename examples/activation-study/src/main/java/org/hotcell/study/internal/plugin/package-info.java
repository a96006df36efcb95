/** Activation plugin jars from {@code --plugins DIR}: a module layer per modular jar, else META-INF/services. */
package org.hotcell.study.internal.plugin;
