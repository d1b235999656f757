-- The listing's version (its ETag) moves with every event, bids included. Kept apart from the
-- listing document so a busy auction updates a tiny row instead of rewriting the document.
CREATE TABLE listing_version (
    id      VARCHAR(64) PRIMARY KEY,
    version BIGINT      NOT NULL
);
