-- Contracts: the listing offers awaiting an award (drafting side) and the contract register.

-- What each listing offered, kept by the contract-drafting processor until the award drafts
-- the contract from it (the award event carries the winner and price only).
CREATE TABLE contract_offer (
    listing_id VARCHAR(64) PRIMARY KEY,
    offer      JSONB       NOT NULL
);

-- Contracts as parties and finance read them; written in the same transaction as the events.
CREATE TABLE contract_view (
    id              VARCHAR(64) PRIMARY KEY,
    listing_id      VARCHAR(64) NOT NULL UNIQUE,
    licensor_org_id VARCHAR(64) NOT NULL,
    licensee_org_id VARCHAR(64) NOT NULL,
    status          VARCHAR(32) NOT NULL,
    document        JSONB       NOT NULL,
    version         BIGINT      NOT NULL,
    drafted_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX contract_view_licensor ON contract_view (licensor_org_id, status);
CREATE INDEX contract_view_licensee ON contract_view (licensee_org_id, status);
