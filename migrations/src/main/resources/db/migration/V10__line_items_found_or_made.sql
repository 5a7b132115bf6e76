-- Grades for resource links whose launches name only the AGS line items container, not a line item
-- (Moodle links without a grade item, links placed without deep linking): the tool finds the
-- link's line item in the container, or creates it, before the first score goes out.

-- A score queued before its link's line item is known: null until the sender finds or makes it
-- (then the sender reads the URL from lti_resource_link, where a launch's lineitem is kept too).
ALTER TABLE grade_outbox ALTER COLUMN line_item_url DROP NOT NULL;

-- line_item_lease_until: a node finding or creating the link's line item holds it until then, so
--   that two nodes (two learners' first scores) never create two line items; others wait for it.
-- line_item_problem: why the link has no line item and none can be made (the platform granted only
--   lineitem.readonly and lists none for the link); scores are not queued while it stands.
ALTER TABLE lti_resource_link
    ADD COLUMN line_item_lease_until timestamptz,
    ADD COLUMN line_item_problem     text;
