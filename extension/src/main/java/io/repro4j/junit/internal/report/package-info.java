/**
 * The report after a test run: {@code report/report.json} and a static {@code index.html} regenerated from every
 * verdict under the results root, under a lock shared by every test JVM writing there.
 */
package io.repro4j.junit.internal.report;
