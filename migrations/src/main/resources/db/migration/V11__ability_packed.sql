-- The logistic tracker's evidence (engine Ability, ~270 numbers per learner) is read by every
-- practice request and written by every answer: as JSON, turning those numbers into text and back
-- was a fifth of the application's CPU under load. It is kept packed instead: for each of its four
-- lists in order (precision, information, successes, failures) a 4-byte count, then that many
-- 8-byte IEEE doubles, all big-endian (store/AbilityBytes). Existing evidence is converted, not lost.
CREATE FUNCTION pg_temp.packed(numbers jsonb) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$
    SELECT int4send(jsonb_array_length(numbers))
        || coalesce((SELECT string_agg(float8send(n::float8), ''::bytea ORDER BY i)
                     FROM jsonb_array_elements_text(numbers) WITH ORDINALITY AS e(n, i)), ''::bytea)
$$;

ALTER TABLE learner_model ADD COLUMN ability_packed bytea;

-- A shape that is not four lists of numbers gives NULL: the tracker starts afresh, as it did
-- before for evidence it could not read.
UPDATE learner_model
SET ability_packed = pg_temp.packed(ability -> 'precision') || pg_temp.packed(ability -> 'information')
        || pg_temp.packed(ability -> 'successes') || pg_temp.packed(ability -> 'failures')
WHERE ability IS NOT NULL
  AND jsonb_typeof(ability -> 'precision') = 'array' AND jsonb_typeof(ability -> 'information') = 'array'
  AND jsonb_typeof(ability -> 'successes') = 'array' AND jsonb_typeof(ability -> 'failures') = 'array';

ALTER TABLE learner_model DROP COLUMN ability;
ALTER TABLE learner_model RENAME COLUMN ability_packed TO ability;
