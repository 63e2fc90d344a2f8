package io.flowdoctor.diagnosis;

/** How narrow the evidence behind a finding is; the most specific finding explains the failure. */
public enum Specificity {
    NONE,
    /** The HTTP status code alone. */
    STATUS_CODE,
    /** Wording that only restates a status: reason phrases such as "Not Found" and codes such as NotFound. */
    GENERIC,
    /**
     * A canonical signal of the message (knowledge-base/lexicon/): wording recognised in any language,
     * less telling than a phrase a rule names for its own cause.
     */
    SIGNAL,
    /** A characteristic phrase of the message. */
    MESSAGE_TEXT,
    /** A specific error code such as InvalidTemplate. */
    ERROR_CODE,
    /** A rule of the failing step's own connector. */
    CONNECTOR
}
