-- Payouts are recorded as events (requested, approved, refused); the row is their projection.
-- A refused payout keeps who refused it, when and why.
ALTER TABLE settlement_payout
    ADD COLUMN refused_by     VARCHAR(64),
    ADD COLUMN refused_at     TIMESTAMPTZ,
    ADD COLUMN refusal_reason TEXT;
