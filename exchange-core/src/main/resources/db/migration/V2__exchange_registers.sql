-- Command-side registers (kept in the same transaction as the events that change them) and read models.

CREATE TABLE organization (
    id         VARCHAR(64)  PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    kind       VARCHAR(32)  NOT NULL,
    country    CHAR(2)      NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL
);
CREATE UNIQUE INDEX organization_name_uq ON organization (lower(name));

CREATE TABLE app_user (
    id              VARCHAR(64)  PRIMARY KEY,
    username        VARCHAR(40)  NOT NULL UNIQUE,
    display_name    VARCHAR(200) NOT NULL,
    organization_id VARCHAR(64)  NOT NULL REFERENCES organization (id),
    roles           TEXT[]       NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX app_user_org ON app_user (organization_id);

-- Password hashes never enter the event log (the audit trail is readable by auditors).
CREATE TABLE credential (
    user_id       VARCHAR(64)  PRIMARY KEY REFERENCES app_user (id),
    password_hash VARCHAR(200) NOT NULL,
    changed_at    TIMESTAMPTZ  NOT NULL
);

-- API tokens are stored as SHA-256 of the secret; the secret is shown once.
CREATE TABLE api_token (
    id           VARCHAR(64)  PRIMARY KEY,
    user_id      VARCHAR(64)  NOT NULL REFERENCES app_user (id),
    name         VARCHAR(80)  NOT NULL,
    token_sha256 CHAR(64)     NOT NULL UNIQUE,
    created_at   TIMESTAMPTZ  NOT NULL,
    expires_at   TIMESTAMPTZ  NOT NULL
);

CREATE TABLE title (
    id                  VARCHAR(64)  PRIMARY KEY,
    owner_org_id        VARCHAR(64)  NOT NULL,
    name                VARCHAR(300) NOT NULL,
    original_name       VARCHAR(300),
    kind                VARCHAR(32)  NOT NULL,
    episodes            INT          NOT NULL,
    minutes_per_episode INT          NOT NULL,
    original_language   CHAR(2)      NOT NULL,
    production_year     INT          NOT NULL,
    synopsis            TEXT,
    registered_at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX title_owner ON title (owner_org_id);

-- Rights held (chain of title). Together with rights_grant this is the rights register that
-- avails and listing submission read.
CREATE TABLE holding (
    id              VARCHAR(64) PRIMARY KEY,
    title_id        VARCHAR(64) NOT NULL REFERENCES title (id),
    territories     TEXT[]      NOT NULL,
    media           TEXT[]      NOT NULL,
    languages       TEXT[]      NOT NULL,
    term_start      DATE        NOT NULL,
    term_end        DATE        NOT NULL,
    exclusive       BOOLEAN     NOT NULL,
    sublicensable   BOOLEAN     NOT NULL,
    evidence_sha256 CHAR(64)    NOT NULL,
    evidence_note   TEXT,
    recorded_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX holding_title ON holding (title_id);

-- Licences given out by active contracts.
CREATE TABLE rights_grant (
    contract_id VARCHAR(64) PRIMARY KEY,
    title_id    VARCHAR(64) NOT NULL REFERENCES title (id),
    territories TEXT[]      NOT NULL,
    media       TEXT[]      NOT NULL,
    languages   TEXT[]      NOT NULL,
    term_start  DATE        NOT NULL,
    term_end    DATE        NOT NULL,
    exclusive   BOOLEAN     NOT NULL
);
CREATE INDEX rights_grant_title ON rights_grant (title_id);

-- Read model for listing search (tracking processor).
CREATE TABLE listing_view (
    id            VARCHAR(64)  PRIMARY KEY,
    title_id      VARCHAR(64)  NOT NULL,
    title_name    VARCHAR(300) NOT NULL,
    holder_org_id VARCHAR(64)  NOT NULL,
    status        VARCHAR(32)  NOT NULL,
    territories   TEXT[]       NOT NULL,
    media         TEXT[]       NOT NULL,
    document      JSONB        NOT NULL,
    published     BOOLEAN      NOT NULL DEFAULT FALSE,
    version       BIGINT       NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX listing_view_status ON listing_view (status, created_at);
CREATE INDEX listing_view_title ON listing_view (title_id);
CREATE INDEX listing_view_holder ON listing_view (holder_org_id);
CREATE INDEX listing_view_territories ON listing_view USING GIN (territories);
CREATE INDEX listing_view_media ON listing_view USING GIN (media);
