-- Auctions: idempotency keys (command side), registrations and bids (read models).

CREATE TABLE idempotency_key (
    scope      VARCHAR(200) NOT NULL,
    key        VARCHAR(100) NOT NULL,
    answer     VARCHAR(200) NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (scope, key)
);

CREATE TABLE registration_view (
    id               VARCHAR(64) PRIMARY KEY,
    listing_id       VARCHAR(64) NOT NULL,
    organization_id  VARCHAR(64) NOT NULL,
    bidder_code      VARCHAR(16) NOT NULL,
    status           VARCHAR(32) NOT NULL,
    deposit          BIGINT      NOT NULL,
    currency         CHAR(3)     NOT NULL,
    deposit_received BIGINT,
    bank_reference   VARCHAR(100),
    deposit_status   VARCHAR(16) NOT NULL,
    refusal_reason   TEXT,
    registered_at    TIMESTAMPTZ NOT NULL,
    qualified_at     TIMESTAMPTZ,
    listing_version  BIGINT      NOT NULL
);
CREATE INDEX registration_view_listing ON registration_view (listing_id);

CREATE TABLE bid_view (
    id              VARCHAR(64) PRIMARY KEY,
    listing_id      VARCHAR(64) NOT NULL,
    number          BIGINT      NOT NULL,
    registration_id VARCHAR(64) NOT NULL,
    organization_id VARCHAR(64) NOT NULL,
    bidder_code     VARCHAR(16) NOT NULL,
    amount          BIGINT      NOT NULL,
    currency        CHAR(3)     NOT NULL,
    placed_at       TIMESTAMPTZ NOT NULL,
    sealed          BOOLEAN     NOT NULL,
    superseded      BOOLEAN     NOT NULL DEFAULT FALSE,
    extended_to     TIMESTAMPTZ,
    listing_version BIGINT      NOT NULL,
    UNIQUE (listing_id, number)
);
CREATE INDEX bid_view_listing ON bid_view (listing_id, number DESC);
