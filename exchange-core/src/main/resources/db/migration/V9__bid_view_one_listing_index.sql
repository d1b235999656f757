-- The unique (listing_id, number) index already serves every bid-book query on a listing, in
-- either direction; the second index only cost every accepted bid one more B-tree insertion.
DROP INDEX IF EXISTS bid_view_listing;
