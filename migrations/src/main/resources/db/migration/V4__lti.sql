-- LTI 1.3 tool side: the tool's own signing keys, what launches teach the tool about a
-- platform's deployments, resource links and course services, and deep-linking requests in
-- flight. Everything an api node needs lives here, so that every node signs with the same keys,
-- publishes the same JWKS and accepts a launch that another node started.

-- A platform may let the tool learn deployments from signed launches instead of registering
-- each one by hand; off by default, so an unknown deployment_id is refused.
ALTER TABLE lti_platform ADD COLUMN learn_deployments boolean NOT NULL DEFAULT false;

-- The frame the platform named in lti_storage_target at the login initiation, when it offers
-- the LTI client-side storage postMessages: the launch can then check the state in that storage
-- when the state cookie does not come back (third-party cookies blocked in an iframe).
ALTER TABLE lti_launch_state ADD COLUMN storage_target text CHECK (storage_target <> '');

-- The tool's RSA signing keys. Exactly one key is current (retired_at IS NULL) and signs; a
-- retired key stays in the published JWKS until published_until, so that platforms holding
-- messages or cached key sets from before a rotation still verify them.
CREATE TABLE lti_tool_key (
    kid             text PRIMARY KEY CHECK (kid <> ''),
    private_jwk     text NOT NULL CHECK (private_jwk <> ''),
    public_jwk      jsonb NOT NULL CHECK (jsonb_typeof(public_jwk) = 'object'),
    created_at      timestamptz NOT NULL DEFAULT now(),
    retired_at      timestamptz,
    published_until timestamptz,
    CHECK ((retired_at IS NULL) = (published_until IS NULL)),
    CHECK (published_until IS NULL OR published_until >= retired_at)
);

CREATE UNIQUE INDEX lti_tool_key_one_current ON lti_tool_key ((retired_at IS NULL)) WHERE retired_at IS NULL;

-- The LTI resource link a practice set was placed as, with the line item the platform keeps its
-- grades in (the launch's AGS claim names it; null when the platform grants no AGS for the link).
CREATE TABLE lti_resource_link (
    practice_set_id  bigint PRIMARY KEY REFERENCES practice_set ON DELETE CASCADE,
    course_id        bigint NOT NULL REFERENCES course ON DELETE CASCADE,
    resource_link_id text NOT NULL CHECK (resource_link_id <> ''),
    title            text,
    line_item_url    text CHECK (line_item_url ~ '^https?://'),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (course_id, resource_link_id)
);

-- The course-wide LTI Advantage services of the latest launch in a course: the AGS line items
-- container with the scopes the platform granted, and the NRPS memberships URL.
CREATE TABLE lti_course_service (
    course_id       bigint PRIMARY KEY REFERENCES course ON DELETE CASCADE,
    line_items_url  text CHECK (line_items_url ~ '^https?://'),
    ags_scopes      text[] NOT NULL DEFAULT '{}',
    memberships_url text CHECK (memberships_url ~ '^https?://'),
    nrps_versions   text[] NOT NULL DEFAULT '{}',
    updated_at      timestamptz NOT NULL DEFAULT now()
);

-- A deep-linking request between the launch that opened the picker and the instructor's choice.
-- The picker form carries a random token; only its SHA-256 is kept. Used once.
CREATE TABLE lti_deep_link_request (
    token_sha256  text PRIMARY KEY CHECK (token_sha256 ~ '^[0-9a-f]{64}$'),
    platform_id   bigint NOT NULL REFERENCES lti_platform ON DELETE CASCADE,
    deployment_id text NOT NULL CHECK (deployment_id <> ''),
    course_id     bigint NOT NULL REFERENCES course ON DELETE CASCADE,
    user_id       bigint NOT NULL REFERENCES app_user ON DELETE CASCADE,
    return_url    text NOT NULL CHECK (return_url ~ '^https?://'),
    data          text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    expires_at    timestamptz NOT NULL,
    used_at       timestamptz,
    CHECK (expires_at > created_at)
);

CREATE INDEX lti_deep_link_request_expiry ON lti_deep_link_request (expires_at);
