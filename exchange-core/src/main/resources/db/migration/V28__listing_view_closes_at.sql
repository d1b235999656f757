-- A listing's closing time is projected into its row: the listing view sets it from the events
-- that move it (bidding opens, the timed period starts, a resume shifts it, the close clears it)
-- and the bid book from the bids that restart the countdown, in the bids' own transaction. Each
-- write carries the sequence number of the event it comes from and never replaces a later one,
-- so the two writers, in whatever order they run, leave the latest event's closing time.
ALTER TABLE listing_view
    ADD COLUMN closes_at         TIMESTAMPTZ,
    ADD COLUMN closes_at_version BIGINT NOT NULL DEFAULT 0;

UPDATE listing_view
   SET closes_at = CASE jsonb_typeof(document -> 'closesAt')
                     WHEN 'string' THEN (document ->> 'closesAt')::timestamptz
                     WHEN 'number' THEN to_timestamp((document ->> 'closesAt')::numeric)
                   END,
       closes_at_version = version;

-- a countdown that bids have restarted since the document last moved it
UPDATE listing_view v
   SET closes_at = b.extended_to,
       closes_at_version = GREATEST(v.version, b.listing_version)
  FROM (SELECT DISTINCT ON (listing_id) listing_id, extended_to, listing_version
          FROM bid_view
         WHERE extended_to IS NOT NULL
         ORDER BY listing_id, number DESC) b
 WHERE b.listing_id = v.id
   AND v.status = 'COUNTDOWN'
   AND (v.closes_at IS NULL OR b.extended_to > v.closes_at);
