package ma.amo.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import ma.amo.approvals.Approval;
import ma.amo.approvals.ApprovalRequest;
import ma.amo.approvals.ApprovalStatus;
import ma.amo.approvals.CareType;
import ma.amo.approvals.PriorApprovals;
import ma.amo.approvals.PriorApprovals.Decision;
import ma.amo.approvals.PriorApprovals.Verdict;
import ma.amo.claims.ClaimKind;
import ma.amo.claims.ClaimRequest;

/**
 * The demo's prior approvals, asked by private clinics through their information systems and decided by the medical
 * reviewer, so that each state has examples: pending, a question asked (and one answered, pending again), rejected,
 * approved, approved then extended, and approved then consumed by the clinic's invoice. A request may only ask for
 * care from 30 days back, so these are the last month's: the approvals module dates them at the platform's now.
 */
final class DemoApprovals {

	/** What each planned approval becomes, in the order they are drawn. */
	enum Fate {
		CONSUMED, APPROVED, EXTENDED, PENDING, QUESTION, ANSWERED, REJECTED
	}

	private static final Fate[] CYCLE = { Fate.CONSUMED, Fate.APPROVED, Fate.PENDING, Fate.CONSUMED, Fate.QUESTION,
			Fate.REJECTED, Fate.CONSUMED, Fate.EXTENDED, Fate.ANSWERED, Fate.CONSUMED };

	private final PriorApprovals approvals;
	private final Map<ApprovalStatus, Integer> byStatus = new EnumMap<>(ApprovalStatus.class);
	private int extended;

	DemoApprovals(PriorApprovals approvals) {
		this.approvals = approvals;
	}

	/**
	 * Asks for and decides {@code count} approvals for patients among {@code patients} at clinics among
	 * {@code clinics}; answers the clinics' invoices for the care of the approvals to be consumed, to submit with the
	 * last month's claims. Every other cycle of fates is asked by {@code own} (the demo provider account's clinic, when
	 * not null), so that its list of requests shows each state, over more than one page.
	 */
	List<ClaimRequest> make(int count, List<String> patients, List<String> clinics, String own, Random random,
			LocalDate today) {
		List<ClaimRequest> invoices = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Fate fate = CYCLE[i % CYCLE.length];
			String patient = patients.get(random.nextInt(patients.size()));
			// Drawn in any case: the rest of the demo draws the same numbers whichever clinic asks.
			String drawn = clinics.get(random.nextInt(clinics.size()));
			String clinic = own != null && (i / CYCLE.length) % 2 == 0 ? own : drawn;
			// Consumed care took place already; the other requests are for care starting soon.
			LocalDate start = fate == Fate.CONSUMED ? today.minusDays(5 + random.nextInt(20))
					: today.plusDays(random.nextInt(20));
			double kind = random.nextDouble();
			CareType type = kind < 0.4 ? CareType.SURGERY : kind < 0.7 ? CareType.HOSPITAL_STAY : CareType.PHYSIOTHERAPY;
			ClaimRequest.Line act = switch (type) {
				case SURGERY -> new ClaimRequest.Line(random.nextBoolean() ? "APPENDICECTOMIE" : "HERNIE", null, null, null,
						new BigDecimal(random.nextBoolean() ? "3000" : "3500"));
				case HOSPITAL_STAY -> new ClaimRequest.Line("ACCOUCHEMENT", null, null, null, new BigDecimal("4000"));
				default -> new ClaimRequest.Line("AMM", null, null, null, new BigDecimal("50.00"));
			};
			Integer sessions = type.series() ? 10 : null;
			String key = "demo-approval-" + (i + 1);
			Approval filed = Acting.as(Acting.establishment(clinic), () -> approvals.request(key, new ApprovalRequest(
					patient, clinic, type, start, type == CareType.HOSPITAL_STAY ? 2 + random.nextInt(3) : null, sessions,
					null, List.of(new ApprovalRequest.Line(act.actCode(), null, null, null, act.billed())),
					"Indication posée en consultation, compte rendu joint", List.of(new ApprovalRequest.Attachment(
							ApprovalRequest.AttachmentType.MEDICAL_REPORT, "compte-rendu.pdf", 2, null)), null))
				.approval());
			Approval last = filed.status() == ApprovalStatus.PENDING ? decide(filed, fate, start, sessions) : filed;
			byStatus.merge(last.status(), 1, Integer::sum);
			if (fate == Fate.CONSUMED && last.status() == ApprovalStatus.APPROVED) {
				int invoiced = sessions == null ? 1 : sessions;
				for (int s = 0; s < invoiced && !start.plusDays(2L * s).isAfter(today); s++) {
					LocalDate care = start.plusDays(2L * s);
					invoices.add(new ClaimRequest(ClaimKind.PROVIDER_INVOICE, patient, care,
							care.plusDays(1 + random.nextInt(3)).isAfter(today) ? today : care.plusDays(1),
							clinic, null, clinic, null, null, true, last.reference(), List.of(new ClaimRequest.Attachment(
									ClaimRequest.AttachmentType.INVOICE, "facture.pdf", 2, null)), List.of(act)));
				}
			}
		}
		return invoices;
	}

	private Approval decide(Approval filed, Fate fate, LocalDate start, Integer sessions) {
		String reference = filed.reference();
		BigDecimal covered = filed.estimateCovered() == null ? new BigDecimal("1000.00") : filed.estimateCovered().amount();
		BigDecimal estimated = covered.multiply(BigDecimal.valueOf(sessions == null ? 1 : sessions));
		BigDecimal amount = estimated.signum() > 0 ? estimated : new BigDecimal("1000.00");
		Approval.Grant grant = new Approval.Grant(amount, start, start.plusDays(30), sessions);
		return switch (fate) {
			case PENDING -> filed;
			case QUESTION -> reviewer(reference, new Decision(Verdict.MORE_INFORMATION_REQUESTED, null,
					"Joindre le compte rendu opératoire et le bilan préopératoire"));
			case ANSWERED -> {
				reviewer(reference, new Decision(Verdict.MORE_INFORMATION_REQUESTED, null,
						"Préciser la durée prévue du séjour"));
				yield Acting.as(Acting.establishment(filed.establishmentInpe()), () -> approvals.answer(reference,
						"Compte rendu et bilan joints ; durée prévue confirmée"));
			}
			case REJECTED -> reviewer(reference, new Decision(Verdict.REJECTED, null,
					"Indication non justifiée par le dossier médical"));
			case EXTENDED -> {
				reviewer(reference, new Decision(Verdict.APPROVED, grant, null));
				extended++;
				yield Acting.as(Acting.MEDICAL_REVIEWER, () -> approvals.extend(reference,
						new Approval.Grant(new BigDecimal("500.00"), null, start.plusDays(60),
								sessions == null ? null : 5), "Prolongation demandée par l'établissement"));
			}
			case CONSUMED, APPROVED -> reviewer(reference, new Decision(Verdict.APPROVED, grant, null));
		};
	}

	private Approval reviewer(String reference, Decision decision) {
		return Acting.as(Acting.MEDICAL_REVIEWER, () -> approvals.decide(reference, decision));
	}

	Map<ApprovalStatus, Integer> byStatus() {
		return byStatus;
	}

	int extended() {
		return extended;
	}
}
