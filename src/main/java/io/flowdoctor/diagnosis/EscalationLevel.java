package io.flowdoctor.diagnosis;

/**
 * Who has to act beyond the flow's maker, from nobody to Microsoft support; which wins when rules disagree is
 * knowledge-base/precedence.yaml.
 * RESOURCE_OWNER: the owner of the site, list, vault or mailbox grants or changes something; ADMIN: the
 * environment or tenant administrator must act.
 */
public enum EscalationLevel {
    NONE,
    SELF_HELP,
    COMMUNITY,
    RESOURCE_OWNER,
    ADMIN,
    SUPPORT;

    /** Whether the failure needs a case that someone beyond the maker works: an administrator or support. */
    public boolean opensCase() {
        return this == ADMIN || this == SUPPORT;
    }
}
