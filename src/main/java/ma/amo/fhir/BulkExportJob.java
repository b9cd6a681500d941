package ma.amo.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An export asked through {@code $export}: by which account, for which types and changes, as of which instant of the
 * database ({@code transactionTime}) and which business date (the rights are those of that day); limited to some
 * patients (their IDCS), or to none when {@code patients} is empty.
 */
record BulkExportJob(UUID id, String account, List<String> types, Instant since, Instant transactionTime,
		LocalDate rightsDate, String request, boolean cancelled, List<String> patients) {
}
