-- The first schema of everything Chainwise keeps. Never edit this file once applied:
-- change the schema with a new V<n>__*.sql migration.
--
-- Every table that belongs to a course carries course_id, so the tables can later be
-- distributed on it (Citus) without reshaping keys.

-- Stable names shared with the engine (org.chainwise.engine.diagnose.Misconception and
-- org.chainwise.engine.mastery.Skill). Lookup tables rather than CHECK lists, so that adding
-- one is an INSERT in a new migration and reports can join on them.
CREATE TABLE misconception (
    code        text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z_]*$'),
    description text NOT NULL
);

INSERT INTO misconception (code, description) VALUES
    ('OUTER_AT_X',             'f''(x)·g''(x): the outer derivative read at x, not at g(x)'),
    ('MISSING_INNER',          'f''(g(x)): an inner factor left out'),
    ('COMPOSED_DERIVATIVES',   'f''(g''(x)): derivatives composed instead of multiplied'),
    ('PRODUCT_RULE',           'f''(x)·g(x) + f(x)·g''(x): the composition treated as a product'),
    ('ADDED_NOT_MULTIPLIED',   'f''(g(x)) + g''(x)'),
    ('REVERSED_NESTING',       'the derivative of g(f(x)) instead'),
    ('WRONG_OUTER_DERIVATIVE', 'chain right, elementary derivative of f wrong'),
    ('OTHER',                  'wrong, and none of the above');

CREATE TABLE skill (
    code        text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z_]*$'),
    description text NOT NULL
);

INSERT INTO skill (code, description) VALUES
    ('DECOMPOSE',         'name the outer and the inner function'),
    ('OUTER_DERIVATIVE',  'elementary derivatives'),
    ('EVALUATE_AT_INNER', 'read the outer derivative at the inner function'),
    ('INNER_FACTOR',      'multiply by the derivative of the inner function'),
    ('MULTI_LAYER',       'chain through three or more layers'),
    ('CHAIN_VS_PRODUCT',  'tell a composition from a product'),
    ('GRAPH_PATHS',       'products along paths, sums over paths of a computation graph'),
    ('JACOBIAN',          'the multivariable chain rule as Jacobian products');

-- LTI 1.3 -------------------------------------------------------------------------------

CREATE TABLE lti_platform (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    issuer          text NOT NULL CHECK (issuer ~ '^https?://'),
    client_id       text NOT NULL CHECK (client_id <> ''),
    auth_login_url  text NOT NULL CHECK (auth_login_url ~ '^https?://'),
    auth_token_url  text NOT NULL CHECK (auth_token_url ~ '^https?://'),
    jwks_url        text NOT NULL CHECK (jwks_url ~ '^https?://'),
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (issuer, client_id)
);

CREATE TABLE lti_deployment (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    platform_id   bigint NOT NULL REFERENCES lti_platform ON DELETE CASCADE,
    deployment_id text NOT NULL CHECK (deployment_id <> ''),
    created_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (platform_id, deployment_id)
);

-- The state and nonce of an OIDC login in flight: written at the login initiation, consumed
-- once by the launch that carries the state back.
CREATE TABLE lti_launch_state (
    state           text PRIMARY KEY CHECK (length(state) >= 16),
    nonce           text NOT NULL CHECK (length(nonce) >= 16),
    platform_id     bigint NOT NULL REFERENCES lti_platform ON DELETE CASCADE,
    target_link_uri text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz NOT NULL,
    consumed_at     timestamptz,
    CHECK (expires_at > created_at)
);

CREATE INDEX lti_launch_state_expiry ON lti_launch_state (expires_at);

-- Nonces of id_tokens already accepted: the primary key makes a replayed token fail.
CREATE TABLE lti_nonce (
    platform_id bigint NOT NULL REFERENCES lti_platform ON DELETE CASCADE,
    nonce       text NOT NULL CHECK (nonce <> ''),
    expires_at  timestamptz NOT NULL,
    PRIMARY KEY (platform_id, nonce)
);

CREATE INDEX lti_nonce_expiry ON lti_nonce (expires_at);

-- Courses, people, roles -------------------------------------------------------------------

-- An LTI context: a course, or any other place the tool is launched from.
CREATE TABLE course (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    deployment_id  bigint NOT NULL REFERENCES lti_deployment ON DELETE CASCADE,
    lti_context_id text NOT NULL CHECK (lti_context_id <> ''),
    title          text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (deployment_id, lti_context_id)
);

-- A person as one platform knows them (the id_token's sub claim).
CREATE TABLE app_user (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    platform_id bigint NOT NULL REFERENCES lti_platform ON DELETE CASCADE,
    subject     text NOT NULL CHECK (subject <> ''),
    name        text,
    email       text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (platform_id, subject)
);

CREATE TABLE course_role (
    course_id  bigint NOT NULL REFERENCES course ON DELETE CASCADE,
    user_id    bigint NOT NULL REFERENCES app_user ON DELETE CASCADE,
    role       text NOT NULL CHECK (role IN ('learner', 'instructor', 'teaching_assistant',
                                             'content_developer', 'administrator', 'mentor')),
    granted_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (course_id, user_id, role)
);

CREATE INDEX course_role_user ON course_role (user_id);

-- Practice --------------------------------------------------------------------------------

-- A practice set placed in a course (one LTI resource link), with the rule that completes it.
CREATE TABLE practice_set (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    course_id         bigint NOT NULL REFERENCES course ON DELETE CASCADE,
    resource_link_id  text NOT NULL CHECK (resource_link_id <> ''),
    definition_key    text NOT NULL CHECK (definition_key <> ''),
    title             text NOT NULL,
    completion_rule   text NOT NULL CHECK (completion_rule IN ('mastery', 'item_count')),
    mastery_threshold numeric(4, 3) CHECK (mastery_threshold > 0 AND mastery_threshold <= 1),
    required_items    integer CHECK (required_items > 0),
    created_at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (course_id, resource_link_id),
    CHECK ((completion_rule = 'mastery' AND mastery_threshold IS NOT NULL AND required_items IS NULL)
        OR (completion_rule = 'item_count' AND required_items IS NOT NULL AND mastery_threshold IS NULL))
);

CREATE TABLE practice_set_skill (
    practice_set_id bigint NOT NULL REFERENCES practice_set ON DELETE CASCADE,
    skill           text NOT NULL REFERENCES skill,
    PRIMARY KEY (practice_set_id, skill)
);

CREATE TABLE practice_set_family (
    practice_set_id bigint NOT NULL REFERENCES practice_set ON DELETE CASCADE,
    family          text NOT NULL CHECK (family ~ '^[a-z][a-z0-9_.-]*$'),
    PRIMARY KEY (practice_set_id, family)
);

-- An item as served to one student: reproducible from (family, parameters, seed).
CREATE TABLE item_served (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    course_id       bigint NOT NULL REFERENCES course ON DELETE CASCADE,
    user_id         bigint NOT NULL REFERENCES app_user ON DELETE CASCADE,
    practice_set_id bigint REFERENCES practice_set ON DELETE SET NULL,
    family          text NOT NULL CHECK (family ~ '^[a-z][a-z0-9_.-]*$'),
    parameters      jsonb NOT NULL CHECK (jsonb_typeof(parameters) = 'object'),
    seed            bigint NOT NULL,
    variant_key     text NOT NULL CHECK (variant_key <> ''),
    served_at       timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX item_served_course_user_time ON item_served (course_id, user_id, served_at);

-- One graded answer. The client makes submission_id once per submit, so a retried request
-- carries the same id and the UNIQUE constraint records it once.
CREATE TABLE attempt (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    course_id         bigint NOT NULL REFERENCES course ON DELETE CASCADE,
    user_id           bigint NOT NULL REFERENCES app_user ON DELETE CASCADE,
    item_id           bigint NOT NULL REFERENCES item_served ON DELETE CASCADE,
    submission_id     uuid NOT NULL,
    raw_answer        text NOT NULL CHECK (length(raw_answer) <= 2000),
    interpreted_text  text,
    interpreted_latex text,
    verdict           text NOT NULL CHECK (verdict IN ('correct', 'incorrect', 'invalid')),
    error_message     text,
    error_position    integer CHECK (error_position >= 0),
    hints_used        smallint NOT NULL DEFAULT 0 CHECK (hints_used BETWEEN 0 AND 3),
    started_at        timestamptz,
    submitted_at      timestamptz NOT NULL DEFAULT now(),
    grading_ms        double precision CHECK (grading_ms >= 0),
    UNIQUE (course_id, user_id, submission_id),
    CHECK (started_at IS NULL OR started_at <= submitted_at),
    -- An invalid answer has an error and no interpretation; a graded one the reverse.
    CHECK ((verdict = 'invalid' AND error_message IS NOT NULL AND interpreted_text IS NULL)
        OR (verdict <> 'invalid' AND error_message IS NULL
            AND interpreted_text IS NOT NULL AND interpreted_latex IS NOT NULL))
);

CREATE INDEX attempt_course_user_time ON attempt (course_id, user_id, submitted_at);
CREATE INDEX attempt_item ON attempt (item_id);

-- The misconceptions diagnosed in an incorrect attempt, most likely first (rank 1).
CREATE TABLE attempt_misconception (
    attempt_id  bigint NOT NULL REFERENCES attempt ON DELETE CASCADE,
    rank        smallint NOT NULL CHECK (rank >= 1),
    code        text NOT NULL REFERENCES misconception,
    layer       smallint CHECK (layer >= 1),
    explanation text NOT NULL,
    PRIMARY KEY (attempt_id, rank),
    UNIQUE (attempt_id, code, layer)
);

CREATE INDEX attempt_misconception_code ON attempt_misconception (code, attempt_id);

-- Student model -----------------------------------------------------------------------------

CREATE TABLE skill_mastery (
    course_id      bigint NOT NULL REFERENCES course ON DELETE CASCADE,
    user_id        bigint NOT NULL REFERENCES app_user ON DELETE CASCADE,
    skill          text NOT NULL REFERENCES skill,
    p_mastery      double precision NOT NULL CHECK (p_mastery BETWEEN 0 AND 1),
    evidence_count integer NOT NULL DEFAULT 0 CHECK (evidence_count >= 0),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (course_id, user_id, skill)
);

CREATE TABLE misconception_belief (
    course_id      bigint NOT NULL REFERENCES course ON DELETE CASCADE,
    user_id        bigint NOT NULL REFERENCES app_user ON DELETE CASCADE,
    code           text NOT NULL REFERENCES misconception,
    belief         double precision NOT NULL CHECK (belief BETWEEN 0 AND 1),
    evidence_count integer NOT NULL DEFAULT 0 CHECK (evidence_count >= 0),
    last_seen_at   timestamptz,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (course_id, user_id, code)
);

CREATE INDEX misconception_belief_code ON misconception_belief (course_id, code);

-- Research room -----------------------------------------------------------------------------

-- A note attached to one exact object, named by a key such as misconception:OUTER_AT_X,
-- item:<id>, concept:<slug>, equation:<slug> or demo:<state>.
CREATE TABLE research_note (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    author_id   bigint NOT NULL REFERENCES app_user ON DELETE CASCADE,
    course_id   bigint REFERENCES course ON DELETE CASCADE,
    object_key  text NOT NULL CHECK (object_key ~ '^(concept|equation|item|misconception|demo):\S+$'),
    question    text NOT NULL CHECK (question <> ''),
    evidence    text,
    resolution  text,
    next_action text,
    visibility  text NOT NULL DEFAULT 'private' CHECK (visibility IN ('private', 'shared')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CHECK (updated_at >= created_at)
);

CREATE INDEX research_note_object ON research_note (object_key);
CREATE INDEX research_note_author ON research_note (author_id);

-- Grade passback ----------------------------------------------------------------------------

-- Scores waiting to be sent to the platform's Assignment and Grade Service, so that a platform
-- outage delays grades instead of losing them; any api instance may claim a due row.
CREATE TABLE grade_outbox (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    course_id       bigint NOT NULL REFERENCES course ON DELETE CASCADE,
    user_id         bigint NOT NULL REFERENCES app_user ON DELETE CASCADE,
    practice_set_id bigint NOT NULL REFERENCES practice_set ON DELETE CASCADE,
    line_item_url   text NOT NULL CHECK (line_item_url ~ '^https?://'),
    score_given     double precision NOT NULL CHECK (score_given >= 0),
    score_maximum   double precision NOT NULL CHECK (score_maximum > 0),
    status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    attempts        integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_retry_at   timestamptz NOT NULL DEFAULT now(),
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    CHECK (score_given <= score_maximum),
    CHECK ((status = 'sent') = (sent_at IS NOT NULL))
);

CREATE INDEX grade_outbox_due ON grade_outbox (next_retry_at) WHERE status = 'pending';
