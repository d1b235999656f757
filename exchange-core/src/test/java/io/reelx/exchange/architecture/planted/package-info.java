/**
 * Deliberate offenders against the house rules ({@code HouseRules}), one context per package as in
 * main: ContextArchitectureTest runs the same rules over them to prove that each rule can fail.
 * Nothing here is used elsewhere.
 */
package io.reelx.exchange.architecture.planted;
