-- The student model now blends knowledge tracing with a logistic tracker of the learner's own
-- ability and pace (engine Ability): its evidence is kept per learner and course, and
-- skill_mastery keeps knowledge tracing's own P(known) beside the blended p_mastery it shows.
ALTER TABLE learner_model
    ADD COLUMN ability jsonb CHECK (ability IS NULL OR jsonb_typeof(ability) = 'object');

-- NULL in rows written before: p_mastery was P(known) then.
ALTER TABLE skill_mastery
    ADD COLUMN p_known double precision CHECK (p_known BETWEEN 0 AND 1);
