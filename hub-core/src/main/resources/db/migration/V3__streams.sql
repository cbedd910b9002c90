-- Incremental positions of connector instances, and per-stream counters for stream health.

create table stream_cursor (
  connector_instance text not null,
  stream             text not null,
  system             text,               -- lets stream health show the cursors of a system's stream
  cursor             text not null,
  committed_at       timestamptz not null,
  primary key (connector_instance, stream)
);
create index stream_cursor_system_idx on stream_cursor (system, stream);

create table stream_stats (
  system              text not null,
  stream              text not null,
  records             bigint not null default 0,
  quarantined         bigint not null default 0,
  last_record_at      timestamptz,
  last_quarantined_at timestamptz,
  primary key (system, stream)
);
