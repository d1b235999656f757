/**
 * What operators watch: the market's own meters (Prometheus at {@code /actuator/prometheus}, for
 * operators only) and what {@code /actuator/info} says about the running build.
 */
package io.reelx.exchange.operations.metrics;
