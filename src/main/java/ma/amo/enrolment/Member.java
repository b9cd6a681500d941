package ma.amo.enrolment;

import java.time.LocalDate;

import ma.amo.shared.Masking;

/** A person registered at a payer body (assuré principal). */
public record Member(long id, String idcs, PayerBody payerBody, String registrationNumber, LocalDate registeredOn) {

	@Override
	public String toString() {
		return "Member[id=" + id + ", idcs=" + Masking.idcs(idcs) + ", payerBody=" + payerBody + ", registrationNumber="
				+ registrationNumber + "]";
	}
}
