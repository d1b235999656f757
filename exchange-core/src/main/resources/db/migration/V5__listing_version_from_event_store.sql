-- The listing's version (ETag) is read from the event store itself (the latest sequence number
-- of its stream, an index lookup), so no read model has to be touched for every bid.
DROP TABLE listing_version;
