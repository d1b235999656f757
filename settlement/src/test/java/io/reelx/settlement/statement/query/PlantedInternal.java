package io.reelx.settlement.statement.query;

/** Another context's internal class, for SettlementArchitectureTest's planted offender (never used). */
public class PlantedInternal {}
