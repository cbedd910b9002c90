-- Schema drift: versioned baselines per stream, the latest observed window, alerts and their audit trail.

create table drift_baseline (
  system      text not null,
  stream      text not null,
  version     int not null,
  origin      text not null,              -- DECLARED, LEARNED, ACCEPTED
  created_at  timestamptz not null,
  created_by  text not null,              -- drift-detector, or the token that accepted a change
  body        jsonb not null,             -- io.cxhub.drift.Baseline
  primary key (system, stream, version)
);

create table drift_window (
  system      text not null,
  stream      text not null,
  taken_at    timestamptz not null,
  body        jsonb not null,             -- io.cxhub.drift.StreamProfile: what an accept makes the new baseline
  primary key (system, stream)
);

create table drift_alert (
  id               bigserial primary key,
  system           text not null,
  stream           text not null,
  kind             text not null,
  old_fields       text[] not null,
  new_fields       text[] not null,
  dedup_key        text not null,         -- system/stream/kind/old/new: one live alert per drift
  severity         text not null,
  status           text not null,
  occurrences      bigint not null,
  windows          int not null,
  first_seen       timestamptz,
  last_seen        timestamptz,
  baseline_version int not null,
  latest           jsonb not null,        -- io.cxhub.drift.Drift of the latest window (evidence, affected, proposal)
  created_at       timestamptz not null,
  updated_at       timestamptz not null
);
create unique index drift_alert_live_key on drift_alert (dedup_key) where status in ('OPEN', 'ACKNOWLEDGED');
create index drift_alert_stream_idx on drift_alert (system, stream, status);

create table drift_alert_action (
  id        bigserial primary key,
  alert_id  bigint not null references drift_alert (id),
  action    text not null,
  actor     text not null,
  at        timestamptz not null,
  comment   text,
  detail    text
);
create index drift_alert_action_alert_idx on drift_alert_action (alert_id, id);
