package io.flowdoctor.diagnosis;

/**
 * Fact derived by the escalation rules: the failure is a missing right on a resource that has an owner
 * (a site, list, file, vault or mailbox), so that owner, not the tenant administrator, can grant it.
 */
public record ResourceOwnerCanGrant() {
}
