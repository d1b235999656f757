-- Nodes of the exchange sharing this database: each one beats every few seconds, so the others
-- know how many share the tracking processors' segments.
CREATE TABLE cluster_node (
    id           VARCHAR(200) PRIMARY KEY,
    started_at   TIMESTAMPTZ  NOT NULL,
    heartbeat_at TIMESTAMPTZ  NOT NULL
);
