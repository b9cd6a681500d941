package ma.amo.enrolment;

import java.time.LocalDate;

/** A person registered at a payer body (assuré principal). */
public record Member(long id, String idcs, PayerBody payerBody, String registrationNumber, LocalDate registeredOn) {
}
