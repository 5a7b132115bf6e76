package org.chainwise.api.lti.advantage;

/** The OAuth 2 scopes of the LTI Advantage services the tool asks platforms for. */
public final class ServiceScopes {

    /** AGS: post scores to a line item. */
    public static final String SCORE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
    /** AGS: read and manage the tool's line items. */
    public static final String LINE_ITEM = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";
    /** AGS: read line items. */
    public static final String LINE_ITEM_READ_ONLY = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly";
    /** AGS: read results. */
    public static final String RESULT_READ_ONLY = "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly";
    /** NRPS: read the context's memberships. */
    public static final String CONTEXT_MEMBERSHIP_READ_ONLY =
            "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";

    private ServiceScopes() {
    }
}
