-- E-mail hardening: unsubscribe links that go stale, one-click unsubscribe headers, one sender per e-mail.

-- Raised each time the owner switches repair-tips e-mails on again; an unsubscribe link carries the
-- version it was sent under, so a link from before the re-subscription no longer unsubscribes.
alter table flow_state add column email_subscription_version bigint default 0 not null;

-- The e-mail's unsubscribe link, sent as its List-Unsubscribe header (RFC 2369, one-click RFC 8058).
alter table outbox_email add column unsubscribe_url varchar(8000);

-- Who is sending the e-mail and until when: a sender claims due e-mails (claim_id, claimed_until) before
-- it sends them, so that several instances never send the same one; a claim whose lease ran out (its
-- sender died) is taken over.
alter table outbox_email add column claim_id varchar(100);
alter table outbox_email add column claimed_until timestamp with time zone;

-- The head of each flow's queue (its oldest waiting e-mail) is what goes next.
create index outbox_email_flow_queue on outbox_email (flow_id, status, created_at);

-- Every accepted value fits its column: a subject holds a flow name of flowdoctor.limits.max-field-length
-- (1,024) characters and the tip's title; an answer explained by many rules, each naming long step names,
-- is larger than 400,000 characters.
alter table outbox_email alter column subject set data type varchar(4000);
alter table diagnosis_record alter column answer set data type varchar(1000000);
alter table diagnosis_record alter column request_summary set data type varchar(1000000);
alter table outbox_email alter column html set data type varchar(1000000);
alter table outbox_email alter column text set data type varchar(1000000);
