-- Profiles, the identity graph (key -> profile), the timeline and the record of merges.

create table profile (
  id          uuid primary key,          -- time-ordered (UUIDv7), so id order is creation order
  created_at  timestamptz not null,
  updated_at  timestamptz not null,
  -- name -> {value, system, stream, sourceId, observedAt}: the surviving value and where it came from
  attributes  jsonb not null default '{}'::jsonb
);
create index profile_created_idx on profile (created_at, id);

create table identity (
  key_type   text not null,
  key_value  text not null,
  profile_id uuid not null references profile (id),
  system     text not null,              -- the system that first brought the key
  first_seen timestamptz not null,
  primary key (key_type, key_value)      -- one key, one profile: what makes concurrent writers converge
);
create index identity_profile_idx on identity (profile_id);

create table profile_event (
  id           bigint generated always as identity primary key,
  system       text not null,
  entity       text not null,
  source_id    text not null,
  stream       text not null,
  profile_id   uuid not null references profile (id),
  occurred_at  timestamptz not null,
  data         jsonb not null,
  content_hash text not null,            -- sha-256 of the canonical data: a replay with equal content writes nothing
  recorded_at  timestamptz not null default now(),
  updated_at   timestamptz not null default now(),
  constraint profile_event_source_uq unique (system, entity, source_id)
);
create index profile_event_timeline_idx on profile_event (profile_id, occurred_at desc, id desc);
create index profile_event_entity_idx on profile_event (profile_id, entity);

-- One row per profile merged away. Everything needed to undo it later is kept here, because the
-- merged profile row itself is deleted.
create table profile_merge (
  id                bigint generated always as identity primary key,
  survivor_id       uuid not null,       -- no foreign key: the survivor may be merged away later too
  merged_id         uuid not null,
  merged_created_at timestamptz not null,
  merged_attributes jsonb not null,
  identities_moved  jsonb not null,      -- [{key, system, firstSeen}]
  events_moved      bigint[] not null,   -- profile_event ids
  cause_system      text not null,
  cause_stream      text not null,
  cause_source_id   text,
  cause_entity      text not null,
  cause_key         text not null,       -- type:value of the key that pointed at the merged profile
  merged_at         timestamptz not null default now()
);
create index profile_merge_survivor_idx on profile_merge (survivor_id);
create index profile_merge_merged_idx on profile_merge (merged_id);
