package ma.amo.conventions;

import java.time.LocalDate;

/**
 * A convention: its parties (the payer body and either a professional body or one establishment), the tariff version
 * it applies, its dates, signature and status on the day it is read. {@code origin} says whether it is a record of
 * the regulator or a convention period of the provider directory (then without tariff version: the one in force).
 */
public record Convention(String number, String title, String payerBody, ProfessionalBody professionalBody,
		String establishmentInpe, Long tariffVersionId, LocalDate startDate, LocalDate endDate, LocalDate signedOn,
		String signatories, Status status, String proposedBy, String approvedBy, Origin origin) {

	/** Draft until a second regulator signs it off, then signed, in force between its dates, terminated after. */
	public enum Status {
		DRAFT, SIGNED, IN_FORCE, TERMINATED
	}

	public enum Origin {
		RECORD, DIRECTORY
	}

	static Status status(String stored, LocalDate start, LocalDate end, LocalDate today) {
		if ("DRAFT".equals(stored)) {
			return Status.DRAFT;
		}
		if (end != null && end.isBefore(today)) {
			return Status.TERMINATED;
		}
		return start.isAfter(today) ? Status.SIGNED : Status.IN_FORCE;
	}

	/** A provider's adherence: covered from {@code adheredOn} to the day before {@code withdrawnOn}. */
	public record Adherence(String inpe, LocalDate adheredOn, LocalDate withdrawnOn, String recordedBy) {
	}

	/** The convention under which a provider invoices a payer body on a date, and how: its own or an adherence. */
	public record Cover(String number, Long tariffVersionId, String coveredInpe, boolean adherence) {
	}
}
