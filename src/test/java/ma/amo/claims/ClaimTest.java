package ma.amo.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import ma.amo.claims.Claim.Outcome;
import ma.amo.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each step of a claim's life is allowed from some statuses only; every other one is refused, naming the rule. */
class ClaimTest {

	/** A consultation of 80 DH filed by a member, in the given status, its line with the given outcome. */
	static Claim consultation(ClaimStatus status, boolean setAside, Outcome outcome) {
		Money billed = new Money(new java.math.BigDecimal("80.00"));
		Claim.Line line = new Claim.Line(0, "C", java.math.BigDecimal.ONE, null, null, billed, outcome, billed, 70,
				new Money(new java.math.BigDecimal("56.00")), new Money(new java.math.BigDecimal("24.00")), Money.ZERO,
				List.of());
		return new Claim(41, ClaimKind.MEMBER_REIMBURSEMENT, status, "assure", "k-1", "100000000017",
				LocalDate.of(2026, 5, 4), LocalDate.of(2026, 5, 6), "INPE-GP", null, null, null, null, false, null,
				List.of(), "SALARIED_PRIVATE", "CNSS", "100000000017", billed, line.covered(), line.patientShare(),
				Money.ZERO, List.of(), Instant.parse("2026-05-06T08:00:00Z"), null, setAside, List.of(line), null);
	}

	static Claim in(ClaimStatus status) {
		return consultation(status, false, Outcome.ACCEPTED);
	}

	static void refused(Runnable step, String rule) {
		assertThatThrownBy(step::run).isInstanceOf(ClaimTransitionRefused.class)
			.satisfies(e -> assertThat(((ClaimTransitionRefused) e).rule()).isEqualTo(rule))
			.hasMessageContaining("claim 41 is");
	}

	@Test
	void aReceivedClaimIsDecidedByItsLinesOrSentToReview() {
		assertThat(in(ClaimStatus.RECEIVED).adjudicated(List.of(Outcome.ACCEPTED), List.of())).isEqualTo(ClaimStatus.APPROVED);
		assertThat(in(ClaimStatus.RECEIVED).adjudicated(List.of(Outcome.ACCEPTED, Outcome.REDUCED), List.of()))
			.isEqualTo(ClaimStatus.PARTIALLY_APPROVED);
		assertThat(in(ClaimStatus.RECEIVED).adjudicated(List.of(Outcome.REJECTED), List.of())).isEqualTo(ClaimStatus.REJECTED);
		assertThat(in(ClaimStatus.RECEIVED).adjudicated(List.of(Outcome.ACCEPTED), List.of("RANDOM_SAMPLE")))
			.isEqualTo(ClaimStatus.IN_REVIEW);
	}

	@ParameterizedTest
	@EnumSource(value = ClaimStatus.class, names = "RECEIVED", mode = EnumSource.Mode.EXCLUDE)
	void onlyAReceivedClaimIsAdjudicated(ClaimStatus status) {
		refused(() -> in(status).adjudicated(List.of(Outcome.ACCEPTED), List.of()), "received");
	}

	@Test
	void aSetAsideClaimIsNotAdjudicatedUntilItIsPutBack() {
		Claim aside = consultation(ClaimStatus.RECEIVED, true, null);
		refused(() -> aside.adjudicated(List.of(Outcome.ACCEPTED), List.of()), "received");
		assertThat(aside.putBack()).isEqualTo(ClaimStatus.RECEIVED);
	}

	@ParameterizedTest
	@EnumSource(ClaimStatus.class)
	void onlyASetAsideClaimIsPutBack(ClaimStatus status) {
		refused(() -> in(status).putBack(), "set-aside");
	}

	@Test
	void anAgentConfirmsAClaimInReviewByItsLinesOrRejectsIt() {
		assertThat(consultation(ClaimStatus.IN_REVIEW, false, Outcome.ACCEPTED).confirmed()).isEqualTo(ClaimStatus.APPROVED);
		assertThat(consultation(ClaimStatus.IN_REVIEW, false, Outcome.REDUCED).confirmed())
			.isEqualTo(ClaimStatus.PARTIALLY_APPROVED);
		assertThat(in(ClaimStatus.IN_REVIEW).rejected()).isEqualTo(ClaimStatus.REJECTED);
	}

	@ParameterizedTest
	@EnumSource(value = ClaimStatus.class, names = "IN_REVIEW", mode = EnumSource.Mode.EXCLUDE)
	void onlyAClaimInReviewIsConfirmedOrRejected(ClaimStatus status) {
		refused(() -> in(status).confirmed(), "in-review");
		refused(() -> in(status).rejected(), "in-review");
	}

	@ParameterizedTest
	@EnumSource(value = ClaimStatus.class, names = { "APPROVED", "PARTIALLY_APPROVED", "REJECTED", "PAID" })
	void aDecidedOrPaidClaimContestedGoesBackToReview(ClaimStatus status) {
		assertThat(in(status).contested()).isEqualTo(ClaimStatus.IN_REVIEW);
	}

	@ParameterizedTest
	@EnumSource(value = ClaimStatus.class, names = { "RECEIVED", "ADJUDICATED", "IN_REVIEW" })
	void aClaimNotDecidedYetCannotBeContested(ClaimStatus status) {
		refused(() -> in(status).contested(), "decided");
	}

	@ParameterizedTest
	@EnumSource(value = ClaimStatus.class, names = { "APPROVED", "PARTIALLY_APPROVED" })
	void anApprovedClaimIsPaid(ClaimStatus status) {
		assertThat(in(status).paid()).isEqualTo(ClaimStatus.PAID);
	}

	@ParameterizedTest
	@EnumSource(value = ClaimStatus.class, names = { "RECEIVED", "ADJUDICATED", "IN_REVIEW", "REJECTED", "PAID" })
	void aClaimNotApprovedOrAlreadyPaidIsNotPaid(ClaimStatus status) {
		refused(() -> in(status).paid(), "payable");
	}
}
