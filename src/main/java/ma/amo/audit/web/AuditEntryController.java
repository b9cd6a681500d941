package ma.amo.audit.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import ma.amo.audit.AuditEntry;
import ma.amo.audit.AuditSearch;
import ma.amo.audit.AuditTrail;
import ma.amo.audit.RetentionPurge;
import ma.amo.audit.Verification;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.PageOf;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Audit trail", description = "Who read or changed which personal record, when and why (loi 09-08)")
@RestController
@RequestMapping("/api/v1/audit-entries")
class AuditEntryController {

	private static final ZoneId MOROCCO = ZoneId.of("Africa/Casablanca");

	private final AuditTrail trail;
	private final RetentionPurge retention;

	AuditEntryController(AuditTrail trail, RetentionPurge retention) {
		this.trail = trail;
		this.retention = retention;
	}

	@Operation(summary = "Entries of the audit trail, newest first",
			description = "Filters: actor, recordType, recordId, purpose; from (inclusive) and to (exclusive) as a date "
					+ "(midnight in Morocco) or a date-time with its offset.")
	@GetMapping
	PageOf<AuditEntry> search(@RequestParam(required = false) String actor,
			@RequestParam(required = false) String recordType, @RequestParam(required = false) String recordId,
			@RequestParam(required = false) String purpose, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		PageOf.check(page, size, 1000);
		return trail.search(search(actor, recordType, recordId, purpose, from, to), page, size);
	}

	@Operation(summary = "The entries matching the same filters as CSV, oldest first")
	@GetMapping("/export")
	void export(@RequestParam(required = false) String actor, @RequestParam(required = false) String recordType,
			@RequestParam(required = false) String recordId, @RequestParam(required = false) String purpose,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			HttpServletResponse response) throws IOException {
		AuditSearch search = search(actor, recordType, recordId, purpose, from, to);
		response.setContentType("text/csv");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setHeader("Content-Disposition", "attachment; filename=\"audit-entries.csv\"");
		trail.export(search, response.getWriter());
	}

	@Operation(summary = "Check the chain of seals: intact, or the first line edited or following a removed line",
			description = "The answer's head (lastSeq, lastHash) is to be kept outside the database; given back as "
					+ "lastSeq and lastHash at a later verification, it must still be found unchanged, which shows lines "
					+ "removed from the end of the chain.")
	@ApiResponse(responseCode = "200", description = "the verification, intact or with the first break")
	@ApiResponse(responseCode = "400", description = "lastSeq without lastHash, or the reverse")
	@ApiResponse(responseCode = "401", description = "not logged in")
	@ApiResponse(responseCode = "403", description = "not the data-protection officer")
	@GetMapping("/verification")
	Verification verification(@RequestParam(required = false) Long lastSeq,
			@RequestParam(required = false) String lastHash) {
		if ((lastSeq == null) != (lastHash == null || lastHash.isBlank())) {
			throw new InvalidInput(lastSeq == null ? "lastSeq" : "lastHash", "required",
					"the head kept earlier is given as both lastSeq and lastHash");
		}
		return lastSeq == null ? trail.verify() : trail.verify(lastSeq, lastHash.strip());
	}

	@Operation(summary = "Purge now the lines older than the retention period (parameter audit.retention-years)")
	@PostMapping("/purges")
	AuditTrail.Purge purge(HttpServletRequest request) {
		return retention.run(request.getUserPrincipal() == null ? "anonymous" : request.getUserPrincipal().getName());
	}

	private static AuditSearch search(String actor, String recordType, String recordId, String purpose, String from,
			String to) {
		return new AuditSearch(actor, recordType, recordId, purpose, instant("from", from), instant("to", to));
	}

	private static Instant instant(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(MOROCCO).toInstant()
					: OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException e) {
			throw new InvalidInput(field, "format",
					"'" + value + "' is not a date (yyyy-MM-dd) or a date-time with offset (2026-06-01T08:00:00Z)");
		}
	}
}
