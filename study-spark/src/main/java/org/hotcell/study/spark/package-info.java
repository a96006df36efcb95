/**
 * The activation study on Apache Spark: {@link org.hotcell.study.spark.SparkRunCluster}, the
 * {@link org.hotcell.study.cluster.RunCluster} that {@code hotcell study --spark MASTER} finds with ServiceLoader.
 * Each run is one task of one partition; a task calls {@link org.hotcell.study.cluster.RunWorker#run}, so a run's
 * result is the one it has in process.
 *
 * <p>This package lives on the class path only: Spark's jars split packages, so they cannot be modules, and the
 * module has no {@code module-info}.
 */
package org.hotcell.study.spark;
