-- Settlement: agreements, the double-entry ledger, revenue reports, statements, FX rates,
-- invoices, bank receipts, discrepancies and payouts. Written by the settlement module's stores
-- (io.reelx.settlement.*.query); transfers and statements are never updated, only added.

-- One per active contract: who pays, who is paid, on which terms (SettlementTerms as JSON).
CREATE TABLE settlement_agreement (
    contract_id     VARCHAR(64) PRIMARY KEY,
    currency        CHAR(3)     NOT NULL,
    licensor_org_id VARCHAR(64) NOT NULL,
    licensee_org_id VARCHAR(64) NOT NULL,
    terms           JSONB       NOT NULL,
    position        JSONB       NOT NULL,
    opened_at       TIMESTAMPTZ NOT NULL,
    ends_on         DATE,                          -- last day covered, once terminated or expired
    updated_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX settlement_agreement_licensor ON settlement_agreement (licensor_org_id);
CREATE INDEX settlement_agreement_licensee ON settlement_agreement (licensee_org_id);

-- Ledger accounts with their four running totals (TigerBeetle-style), in minor units.
CREATE TABLE ledger_account (
    id              VARCHAR(160) PRIMARY KEY,      -- kind:owner:currency
    kind            VARCHAR(32)  NOT NULL,
    owner           VARCHAR(100) NOT NULL,
    currency        CHAR(3)      NOT NULL,
    debits_pending  BIGINT       NOT NULL DEFAULT 0,
    debits_posted   BIGINT       NOT NULL DEFAULT 0,
    credits_pending BIGINT       NOT NULL DEFAULT 0,
    credits_posted  BIGINT       NOT NULL DEFAULT 0,
    CHECK (debits_pending >= 0 AND credits_pending >= 0)
);
CREATE INDEX ledger_account_owner ON ledger_account (owner);

-- Immutable transfers; the id is the idempotency key. hold_state is set on PENDING transfers
-- only (PENDING -> POSTED | VOIDED) and is the one column that ever changes.
CREATE TABLE ledger_transfer (
    id          VARCHAR(200) PRIMARY KEY,
    debit       VARCHAR(160) NOT NULL REFERENCES ledger_account (id),
    credit      VARCHAR(160) NOT NULL REFERENCES ledger_account (id),
    amount      BIGINT       NOT NULL CHECK (amount >= 0),
    currency    CHAR(3)      NOT NULL,
    code        VARCHAR(40)  NOT NULL,
    phase       VARCHAR(16)  NOT NULL,
    pending_id  VARCHAR(200) REFERENCES ledger_transfer (id),
    hold_state  VARCHAR(16),
    created_at  TIMESTAMPTZ  NOT NULL,
    resolved_at TIMESTAMPTZ,
    seq         BIGSERIAL    NOT NULL UNIQUE
);
CREATE INDEX ledger_transfer_debit ON ledger_transfer (debit, seq);
CREATE INDEX ledger_transfer_credit ON ledger_transfer (credit, seq);

-- Revenue reports as submitted (their totals: the lines are validated and streamed, not kept).
CREATE TABLE revenue_report (
    contract_id      VARCHAR(64) NOT NULL,
    period           CHAR(7)     NOT NULL,
    version          INT         NOT NULL,
    currency         CHAR(3)     NOT NULL,
    declared_payable BIGINT      NOT NULL,
    lines            BIGINT      NOT NULL,
    views            BIGINT      NOT NULL,
    watch_hours      NUMERIC     NOT NULL,
    gross            BIGINT      NOT NULL,
    content_sha256   CHAR(64)    NOT NULL,
    submitted_by     VARCHAR(64) NOT NULL,
    submitted_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (contract_id, period, version)
);

-- One statement per report version; the breakdown as JSON, the headline figures as columns.
CREATE TABLE settlement_statement (
    id            VARCHAR(120) PRIMARY KEY,          -- contract/period/vN
    contract_id   VARCHAR(64)  NOT NULL,
    period        CHAR(7)      NOT NULL,
    version       INT          NOT NULL,
    currency      CHAR(3)      NOT NULL,
    gross         BIGINT       NOT NULL,
    share         BIGINT       NOT NULL,
    payable       BIGINT       NOT NULL,
    declared      BIGINT       NOT NULL,
    breakdown     JSONB        NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    UNIQUE (contract_id, period, version)
);

-- FX rates maintained by finance: one unit of from_currency is rate units of to_currency.
CREATE TABLE fx_rate (
    from_currency CHAR(3)     NOT NULL,
    to_currency   CHAR(3)     NOT NULL,
    rate          NUMERIC     NOT NULL CHECK (rate > 0),
    set_by        VARCHAR(64) NOT NULL,
    set_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (from_currency, to_currency)
);

-- What counterparties were asked to pay (contract price balance, MG advance, statement payables).
CREATE TABLE settlement_invoice (
    number        VARCHAR(160) PRIMARY KEY,
    contract_id   VARCHAR(64)  NOT NULL,
    counterparty  VARCHAR(64)  NOT NULL,
    amount        BIGINT       NOT NULL,
    currency      CHAR(3)      NOT NULL,
    kind          VARCHAR(32)  NOT NULL,
    period        CHAR(7),
    issued_at     TIMESTAMPTZ  NOT NULL
);
CREATE INDEX settlement_invoice_counterparty ON settlement_invoice (counterparty, currency);

-- Bank receipts recorded by finance; the id is the request's idempotency key.
CREATE TABLE bank_receipt (
    id             VARCHAR(100) PRIMARY KEY,
    counterparty   VARCHAR(64)  NOT NULL,
    amount         BIGINT       NOT NULL CHECK (amount > 0),
    currency       CHAR(3)      NOT NULL,
    bank_reference VARCHAR(100) NOT NULL,
    invoice_number VARCHAR(160),
    period         CHAR(7),
    received_on    DATE         NOT NULL,
    recorded_by    VARCHAR(64)  NOT NULL,
    recorded_at    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX bank_receipt_counterparty ON bank_receipt (counterparty, currency);

-- Mismatches found by reconciliation; resolved once, never deleted.
CREATE TABLE settlement_discrepancy (
    id            VARCHAR(200) PRIMARY KEY,
    kind          VARCHAR(32)  NOT NULL,
    period        CHAR(7),
    subject       VARCHAR(200) NOT NULL,
    contract_id   VARCHAR(64),
    counterparty  VARCHAR(64),
    expected      BIGINT       NOT NULL,
    actual        BIGINT       NOT NULL,
    currency      CHAR(3)      NOT NULL,
    explanation   TEXT         NOT NULL,
    details       JSONB        NOT NULL,
    outcome       VARCHAR(32),
    reason        TEXT,
    resolved_by   VARCHAR(64),
    resolved_at   TIMESTAMPTZ,
    found_at      TIMESTAMPTZ  NOT NULL
);

-- Payouts to organisations: requested, then approved by finance (which posts the transfer).
CREATE TABLE settlement_payout (
    id              VARCHAR(100) PRIMARY KEY,
    organization_id VARCHAR(64)  NOT NULL,
    amount          BIGINT       NOT NULL CHECK (amount > 0),
    currency        CHAR(3)      NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    requested_by    VARCHAR(64)  NOT NULL,
    requested_at    TIMESTAMPTZ  NOT NULL,
    approved_by     VARCHAR(64),
    approved_at     TIMESTAMPTZ
);

-- Deposits as the settlement intake saw them (the listing events name no licensor).
CREATE TABLE settlement_deposit (
    registration_id VARCHAR(64) PRIMARY KEY,
    listing_id      VARCHAR(64) NOT NULL,
    platform_org_id VARCHAR(64) NOT NULL,
    amount          BIGINT      NOT NULL,
    currency        CHAR(3)     NOT NULL,
    state           VARCHAR(16) NOT NULL
);
CREATE INDEX settlement_deposit_listing ON settlement_deposit (listing_id, platform_org_id);
CREATE TABLE settlement_listing (
    listing_id     VARCHAR(64) PRIMARY KEY,
    holder_org_id  VARCHAR(64) NOT NULL
);
