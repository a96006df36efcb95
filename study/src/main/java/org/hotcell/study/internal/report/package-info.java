/**
 * The report: results.csv and curves.csv, XChart plots, the computed summary and the self-contained index.html.
 */
package org.hotcell.study.internal.report;
