/**
 * Running a study's runs elsewhere: the {@link org.hotcell.study.cluster.RunCluster} service interface a cluster
 * runner (the Spark one in {@code study-spark}) implements, and {@link
 * org.hotcell.study.cluster.RunWorker}, the entry point its tasks call.
 */
@Version("0.1.0")
package org.hotcell.study.cluster;

import org.osgi.annotation.versioning.Version;
