-- Cached logins (issue 17). Each node keeps the tokens, passwords and users it has checked in
-- memory and watches this one counter (a read of one row a few times a second): whenever something
-- a cached login depends on changes, the counter moves and every node drops its caches within a
-- second. The triggers catch every writer, the application and an operator's SQL alike.
CREATE TABLE identity_change (
    id      INT    PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO identity_change (id, version) VALUES (1, 0);

CREATE FUNCTION identity_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE identity_change SET version = version + 1 WHERE id = 1;
    RETURN NULL;
END
$$;

-- a token revoked, moved or deleted (its last use, written once a minute, is no change)
CREATE TRIGGER api_token_changed AFTER UPDATE OF revoked_at, expires_at, user_id, token_sha256 OR DELETE
    ON api_token FOR EACH STATEMENT EXECUTE FUNCTION identity_changed();
CREATE TRIGGER api_token_truncated AFTER TRUNCATE ON api_token
    FOR EACH STATEMENT EXECUTE FUNCTION identity_changed();
-- a user disabled, enabled, renamed, given other roles, or deleted (say by a rebuild)
CREATE TRIGGER app_user_changed AFTER UPDATE OR DELETE ON app_user
    FOR EACH STATEMENT EXECUTE FUNCTION identity_changed();
CREATE TRIGGER app_user_truncated AFTER TRUNCATE ON app_user
    FOR EACH STATEMENT EXECUTE FUNCTION identity_changed();
-- a password changed
CREATE TRIGGER credential_changed AFTER UPDATE OR DELETE ON credential
    FOR EACH STATEMENT EXECUTE FUNCTION identity_changed();
CREATE TRIGGER credential_truncated AFTER TRUNCATE ON credential
    FOR EACH STATEMENT EXECUTE FUNCTION identity_changed();
-- an organisation changed (GET /api/v1/me answers from the cache)
CREATE TRIGGER organization_changed AFTER UPDATE OR DELETE ON organization
    FOR EACH STATEMENT EXECUTE FUNCTION identity_changed();
CREATE TRIGGER organization_truncated AFTER TRUNCATE ON organization
    FOR EACH STATEMENT EXECUTE FUNCTION identity_changed();
-- a username or an address locked out: remembered logins must meet the lock too
CREATE TRIGGER login_throttle_locked AFTER INSERT OR UPDATE ON login_throttle
    FOR EACH ROW WHEN (NEW.locked_until IS NOT NULL) EXECUTE FUNCTION identity_changed();
