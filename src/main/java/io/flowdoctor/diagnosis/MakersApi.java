package io.flowdoctor.diagnosis;

/**
 * Fact: the failing step calls an API that the maker wrote or chose (a custom connector, the HTTP action, an Azure
 * Function; {@code makersApi} in knowledge-base/connectors.yaml), so Microsoft support cannot fix what it answers.
 */
public record MakersApi() {
}
