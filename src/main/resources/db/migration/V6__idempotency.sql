-- Answers by idempotency key: a client that sends a request again (after a reset or a timeout) gets the
-- diagnosis it was given, not a second count of the failure. One row per flow and key, written in the
-- diagnosis' own transaction while the flow's row is locked, so two copies of a request sent at once are
-- counted once. Purged with the diagnoses (flowdoctor.history.retention).
-- key_hash: sha-256 hex of the key (the Idempotency-Key header, or the run id and the failing action).
-- request_hash: sha-256 hex of the request as sent; the same key with another request is refused.
create table idempotent_answer (
    flow_id      varchar(1024) not null,
    key_hash     varchar(64) not null,
    request_hash varchar(64) not null,
    diagnosis_id uuid not null,
    created_at   timestamp with time zone not null,
    primary key (flow_id, key_hash)
);
create index idempotent_answer_created on idempotent_answer (created_at);
