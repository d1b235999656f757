-- Login security (issue 13, section 4): throttled failed logins, their audit, revocable API tokens
-- and disabled users. Everything here is shared by all nodes on this database.

ALTER TABLE app_user ADD COLUMN disabled_at TIMESTAMPTZ;

ALTER TABLE api_token ADD COLUMN revoked_at   TIMESTAMPTZ;
ALTER TABLE api_token ADD COLUMN last_used_at TIMESTAMPTZ;
CREATE INDEX api_token_user ON api_token (user_id);

-- Failed logins per key ('user:<name>' or 'address:<ip>'): how many in a row, and until when
-- the key is locked out. A successful login deletes its keys' rows.
CREATE TABLE login_throttle (
    key             VARCHAR(120) PRIMARY KEY,
    failures        INT          NOT NULL,
    last_failure_at TIMESTAMPTZ  NOT NULL,
    locked_until    TIMESTAMPTZ
);

-- Every refused credential, for operators: who was tried, from where, and why it failed.
CREATE TABLE login_failure (
    id       BIGSERIAL    PRIMARY KEY,
    at       TIMESTAMPTZ  NOT NULL,
    method   VARCHAR(16)  NOT NULL,
    username VARCHAR(64),
    address  VARCHAR(64)  NOT NULL,
    reason   VARCHAR(32)  NOT NULL
);
CREATE INDEX login_failure_at ON login_failure (at);
CREATE INDEX login_failure_username ON login_failure (username, at);
