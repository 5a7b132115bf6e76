-- Practice over HTTP: who is working through which set, the hints and solutions each learner
-- saw, and the parts of the student model that skill_mastery and misconception_belief of V1 do
-- not hold (the knowledge-tracing counters and the model's attempt count).

-- A learner's run through one practice set, with the counters its progress is computed from
-- (kept here rather than counted per request: every submit reads them).
CREATE TABLE practice_enrollment (
    course_id       bigint NOT NULL REFERENCES course ON DELETE CASCADE,
    user_id         bigint NOT NULL REFERENCES app_user ON DELETE CASCADE,
    practice_set_id bigint NOT NULL REFERENCES practice_set ON DELETE CASCADE,
    started_at      timestamptz NOT NULL DEFAULT now(),
    completed_at    timestamptz,
    items_attempted integer NOT NULL DEFAULT 0 CHECK (items_attempted >= 0),
    items_correct   integer NOT NULL DEFAULT 0 CHECK (items_correct >= 0),
    PRIMARY KEY (course_id, user_id, practice_set_id),
    CHECK (items_correct <= items_attempted),
    CHECK (completed_at IS NULL OR completed_at >= started_at)
);

CREATE INDEX practice_enrollment_set ON practice_enrollment (practice_set_id);

-- The state of an item served: first graded answer, solved, solution shown. An item is open
-- (served again by "next") until it has a graded answer or its solution was shown.
ALTER TABLE item_served
    ADD COLUMN answered_at      timestamptz,
    ADD COLUMN solved_at        timestamptz,
    ADD COLUMN solution_shown_at timestamptz,
    ADD COLUMN hints_shown      smallint NOT NULL DEFAULT 0 CHECK (hints_shown BETWEEN 0 AND 3);

-- "next" looks for the open item of a learner in a set.
CREATE INDEX item_served_open ON item_served (course_id, user_id, practice_set_id)
    WHERE answered_at IS NULL AND solution_shown_at IS NULL;

-- Each hint a learner revealed, in order: step 1 (nudge), 2 (pointer), 3 (worked step).
CREATE TABLE hint_reveal (
    item_id     bigint NOT NULL REFERENCES item_served ON DELETE CASCADE,
    step        smallint NOT NULL CHECK (step BETWEEN 1 AND 3),
    revealed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (item_id, step)
);

-- A worked solution shown: after the item was solved, or as giving up on it.
CREATE TABLE solution_view (
    item_id      bigint PRIMARY KEY REFERENCES item_served ON DELETE CASCADE,
    viewed_at    timestamptz NOT NULL DEFAULT now(),
    after_solved boolean NOT NULL
);

-- The knowledge-tracing counters of each skill (engine SkillState), beside its probability.
ALTER TABLE skill_mastery
    ADD COLUMN last_practised integer NOT NULL DEFAULT 0 CHECK (last_practised >= 0),
    ADD COLUMN streak         integer NOT NULL DEFAULT 0 CHECK (streak >= 0),
    ADD COLUMN reviews_passed integer NOT NULL DEFAULT 0 CHECK (reviews_passed >= 0);

-- One row per learner and course: how many answers the student model has taken in, and the row
-- a submit locks so that two answers of one learner update the model one after the other.
CREATE TABLE learner_model (
    course_id  bigint NOT NULL REFERENCES course ON DELETE CASCADE,
    user_id    bigint NOT NULL REFERENCES app_user ON DELETE CASCADE,
    attempts   integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (course_id, user_id)
);

CREATE INDEX practice_set_course ON practice_set (course_id);
