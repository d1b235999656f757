-- Browser sessions of the web workspace (issue 14). The cookie carries a random token; only its
-- SHA-256 is stored, so a leaked table opens no session. Every node on this database sees every
-- session: no sticky sessions. A session ends at logout, after its idle timeout or at its
-- absolute lifetime; rows past their end are deleted now and then.
CREATE TABLE web_session (
    token_sha256 CHAR(64)    PRIMARY KEY,
    user_id      VARCHAR(64) NOT NULL REFERENCES app_user (id),
    csrf_token   VARCHAR(64) NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    last_seen_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX web_session_user ON web_session (user_id);
CREATE INDEX web_session_last_seen ON web_session (last_seen_at);
