-- Computed trait values per profile (traits/*.yaml) and the state of each trait's backfill.

-- A row exists once a profile's value differed from the trait's value over no events (0, false, none)
-- or could change with time; a profile without a row has that value.
create table profile_trait (
  profile_id  uuid not null references profile (id) on delete cascade,  -- a merged-away profile takes its values along
  trait       text not null,
  value       jsonb,                     -- null: no value (an average or last of no events)
  computed_at timestamptz not null,      -- when value and next_change were last written
  next_change timestamptz,               -- when the value changes without a new event; null: not before one
  primary key (profile_id, trait)
);
create index profile_trait_next_change_idx on profile_trait (next_change) where next_change is not null;

-- One row per trait of the catalog. A trait whose fingerprint differs from the catalog's is
-- recomputed over every stored profile, in pages by profile id; the position survives restarts.
create table trait_definition (
  trait                text primary key,
  fingerprint          text not null,    -- of the definition the stored values were computed with
  backfill_after       uuid,             -- profiles up to this id are done; null: none yet
  backfill_done        bigint not null default 0,
  backfill_total       bigint,           -- profiles stored when the backfill started
  backfill_started_at  timestamptz,
  backfill_finished_at timestamptz       -- null while pending or running
);
