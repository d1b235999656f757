-- Idempotency keys with the fingerprint of the request that first used them and the response it
-- was given (Stripe's semantics), for every keyed operation; they replace idempotency_key, which
-- kept an answer per scope without knowing the request.

CREATE TABLE idempotent_request (
    owner       VARCHAR(64)  NOT NULL,  -- the organisation the key belongs to
    key         VARCHAR(100) NOT NULL,
    fingerprint CHAR(64)     NOT NULL,  -- SHA-256 (hex) of user, method, path, query and body
    answer      VARCHAR(200),           -- id of what the first request created, written with it
    status      SMALLINT,               -- its response, once given
    location    VARCHAR(500),
    body        TEXT,
    created_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (owner, key)
);

DROP TABLE idempotency_key;
