-- Source records of parties, the keys each record carried, merge rules and un-merges.
--
-- A profile's attributes are derived from its party source records by the survivorship rule of each
-- taxonomy field, so a merge, an un-merge or a changed rule recomputes them exactly. Every record
-- (party or event) keeps the identity keys it carried, which is what lets an un-merge tell which
-- records belong to which side.

create table profile_source (
  system       text not null,
  entity       text not null,
  source_id    text not null,
  stream       text not null,
  profile_id   uuid not null references profile (id),
  observed_at  timestamptz not null,
  keys         text[] not null,           -- type:value, every key the record carried (after the block list)
  fields       jsonb not null,            -- name -> latest value: a record that sends only some fields keeps the others
  field_times  jsonb not null,            -- name -> when that value was first observed
  primary key (system, entity, source_id)
);
create index profile_source_profile_idx on profile_source (profile_id);

alter table profile_event add column keys text[] not null default '{}';

alter table profile_merge add column rule text not null default 'all key types merge';
alter table profile_merge add column sources_moved jsonb not null default '[]'::jsonb;  -- [[system, entity, sourceId]]
alter table profile_merge add column unmerged_at timestamptz;
alter table profile_merge add column unmerged_by text;
alter table profile_merge add column unmerge_comment text;

-- Pairs an admin split apart: a later record bridging them again does not merge them.
create table profile_separation (
  profile_a  uuid not null,                -- the smaller id of the pair
  profile_b  uuid not null,
  merge_id   bigint not null references profile_merge (id),
  created_at timestamptz not null default now(),
  primary key (profile_a, profile_b)
);

-- Profiles written before this migration keep their attributes: each provenance found in them
-- becomes one source record holding the values it won (without keys, so an un-merge keeps such
-- records on the survivor).
insert into profile_source (system, entity, source_id, stream, profile_id, observed_at, keys, fields, field_times)
select a.value ->> 'system', 'party', coalesce(a.value ->> 'sourceId', 'migrated:' || p.id), min(a.value ->> 'stream'),
       p.id, max((a.value ->> 'observedAt')::timestamptz), '{}', jsonb_object_agg(a.key, a.value -> 'value'),
       jsonb_object_agg(a.key, a.value -> 'observedAt')
from profile p cross join lateral jsonb_each(p.attributes) a
group by p.id, a.value ->> 'system', coalesce(a.value ->> 'sourceId', 'migrated:' || p.id)
on conflict do nothing;
