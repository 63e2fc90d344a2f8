package io.flowdoctor.diagnosis;

/** Who has to act beyond the flow's maker, from nobody to Microsoft support; the highest level fired wins. */
public enum EscalationLevel {
    NONE,
    SELF_HELP,
    COMMUNITY,
    ADMIN,
    SUPPORT
}
