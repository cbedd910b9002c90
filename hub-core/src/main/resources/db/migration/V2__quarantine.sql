-- Records that could not be processed, held durably until replayed or discarded.

create table quarantine (
  id                 bigint generated always as identity primary key,
  system             text not null,
  stream             text not null,
  connector_instance text,
  stage              text not null check (stage in ('PARSE', 'DRIFT', 'MAPPING', 'IDENTITY')),
  reason             text not null,
  raw_text           text not null,
  cursor             text,
  received_at        timestamptz not null,
  status             text not null default 'HELD' check (status in ('HELD', 'REPLAYING', 'REPLAYED', 'DISCARDED')),
  status_at          timestamptz not null default now(),
  replaced_by        bigint references quarantine (id)  -- the entry that holds it again after a failed replay
);
create index quarantine_stream_idx on quarantine (system, stream, status, id);
create index quarantine_status_idx on quarantine (status, id);
