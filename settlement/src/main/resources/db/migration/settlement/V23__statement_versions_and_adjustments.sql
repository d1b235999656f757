-- Restatements cascade (issue 15): restating a period re-rates every later period, so a period's
-- statement versions no longer follow its report versions one to one.
--  * revenue_report.statement_id: the statement a report version produced (null on rows written
--    before: those produced contract/period/v<report version>);
--  * settlement_statement.adjustment: what a version changes against the one it replaces, per
--    field and per payee (StatementAdjustment as JSON; null on a period's first statement).
ALTER TABLE revenue_report ADD COLUMN statement_id VARCHAR(120);
ALTER TABLE settlement_statement ADD COLUMN adjustment JSONB;
