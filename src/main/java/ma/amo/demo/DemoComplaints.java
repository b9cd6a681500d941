package ma.amo.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import ma.amo.complaints.ComplaintHandling;
import ma.amo.complaints.ComplaintHandling.Step;
import ma.amo.complaints.ComplaintRequest;
import ma.amo.enrolment.Member;
import ma.amo.enrolment.MemberEnrolment;
import ma.amo.providers.Professional;
import ma.amo.providers.ProviderDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * After the demo population, files a handful of complaints through the complaints facade so that every step has an
 * example: one waiting within its clock, one overdue for acknowledgement, one from a provider overdue for its answer,
 * acknowledged, assigned with an internal note, answered and closed, escalated to the ANAM, and an access request
 * under loi 09-08. Each is filed under a fixed idempotency key: on a later start the first one comes back as a repeat
 * and nothing more is done.
 */
@Component
@Order(4)
@ConditionalOnProperty(name = "amo.demo.enabled", havingValue = "true")
class DemoComplaints implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoComplaints.class);
	private static final String AGENT = "agent.reclamations";

	private final ComplaintHandling complaints;
	private final MemberEnrolment enrolment;
	private final ProviderDirectory directory;
	private final Clock clock;

	DemoComplaints(ComplaintHandling complaints, MemberEnrolment enrolment, ProviderDirectory directory, Clock clock) {
		this.complaints = complaints;
		this.enrolment = enrolment;
		this.directory = directory;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<Member> members = enrolment.members(0, 7);
		List<Professional> professionals = directory.searchProfessionals(null, null, null, null, null, 0, 1).content();
		if (members.size() < 7 || professionals.isEmpty()) {
			return;
		}
		LocalDate today = LocalDate.now(clock);
		ComplaintHandling.Filed first = file("demo-complaint-1", insured(members.get(0), "REIMBURSEMENT_DELAY",
				"Remboursement en attente", "Ma feuille de soins du mois dernier n'est toujours pas remboursée.", today.minusDays(3)));
		if (first.repeated()) {
			return;
		}
		file("demo-complaint-2", insured(members.get(1), "REFUSAL", "Refus de remboursement d'une échographie",
				"L'échographie prescrite par mon médecin a été refusée sans explication.", today.minusDays(20)));

		long acknowledged = file("demo-complaint-3", insured(members.get(2), "RIGHTS", "Droits fermés",
				"Mes droits apparaissent fermés alors que mon employeur déclare mes salaires.", today.minusDays(30)))
			.complaint().id();
		complaints.acknowledge(acknowledged, new Step(AGENT, today.minusDays(28), "Accusé de réception envoyé par courrier"));

		long assigned = file("demo-complaint-4", insured(members.get(3), "PROVIDER_BEHAVIOUR", "Dépassement d'honoraires",
				"La clinique m'a demandé un complément en espèces non justifié.", today.minusDays(25))).complaint().id();
		complaints.acknowledge(assigned, new Step(AGENT, today.minusDays(24), null));
		complaints.assign(assigned, "inspecteur.medical", new Step("chef.service", today.minusDays(22), "Contrôle de la clinique"));
		complaints.note(assigned, "inspecteur.medical", "Deux réclamations similaires contre cet établissement cette année.");

		long closed = file("demo-complaint-5", insured(members.get(4), "REIMBURSEMENT_DELAY", "Retard de remboursement",
				"Dossier déposé il y a trois mois.", today.minusDays(50))).complaint().id();
		complaints.acknowledge(closed, new Step(AGENT, today.minusDays(45), null));
		complaints.answer(closed, new Step(AGENT, today.minusDays(30),
				"Votre dossier a été liquidé ; le virement a été émis ce jour."));
		complaints.close(closed, new Step(AGENT, today.minusDays(29), null));

		long escalated = file("demo-complaint-6", insured(members.get(5), "REFUSAL", "Refus de prise en charge d'une ALD",
				"Ma demande d'exonération pour maladie chronique a été refusée.", today.minusDays(45))).complaint().id();
		complaints.acknowledge(escalated, new Step(AGENT, today.minusDays(40), null));
		complaints.answer(escalated, new Step(AGENT, today.minusDays(20), "Le refus est confirmé par le médecin conseil."));
		complaints.escalate(escalated, new Step("chef.service", today.minusDays(10),
				"L'assurée conteste l'avis du médecin conseil : saisine de l'ANAM"));

		long access = file("demo-complaint-7", insured(members.get(6), "DATA_PROTECTION_ACCESS",
				"Accès à mes données", "Je demande la communication de toutes les données me concernant (loi 09-08).",
				today.minusDays(1))).complaint().id();
		complaints.acknowledge(access, new Step(AGENT, today, null));

		long provider = file("demo-complaint-8", new ComplaintRequest("PROVIDER", professionals.getFirst().inpe(),
				"REIMBURSEMENT_DELAY", "Factures tiers payant impayées",
				"Les factures du trimestre dernier ne sont pas réglées.", null, today.minusDays(65))).complaint().id();
		complaints.acknowledge(provider, new Step(AGENT, today.minusDays(55), null));
		log.info("Demo complaints: 8 filed, {} overdue today", complaints.overdue(today, 100).size());
	}

	private ComplaintHandling.Filed file(String key, ComplaintRequest request) {
		return complaints.file(key, request);
	}

	private static ComplaintRequest insured(Member member, String category, String subject, String description,
			LocalDate receivedOn) {
		return new ComplaintRequest("INSURED", member.idcs(), category, subject, description, null, receivedOn);
	}
}
