package ma.amo.audit;

import java.time.Instant;

/** The filters of a search of the audit trail; any may be null. {@code to} is exclusive. */
public record AuditSearch(String actor, String recordType, String recordId, String purpose, Instant from, Instant to) {
}
