package ma.amo.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import ma.amo.protocols.ProtocolItem.Kind;
import ma.amo.protocols.ProtocolItem.Period;
import ma.amo.protocols.TherapeuticProtocols;
import ma.amo.protocols.TherapeuticProtocols.Item;
import ma.amo.protocols.TherapeuticProtocols.Proposal;
import ma.amo.shared.Viewer;

/**
 * The demo's therapeutic protocols, proposed by one regulator account and approved by the other as in use. No
 * published ANAM protocol text is among the project's sources (amo-rules.md), so these three are built from the data
 * the platform has (the TNR 2006 acts and key letters, the DCIs of the medicines sample) and the usual follow-up of
 * each condition; they take effect on 1 January 2024 and say so in their source. They belong to the demo only: a
 * real installation starts with the regulator's own protocols, not with these.
 */
final class DemoProtocols {

	static final Viewer REGULATOR = new Viewer("regulateur", Viewer.Role.REGULATOR, null, null, null, null);
	static final Viewer REGULATOR_CHECKER = new Viewer("regulateur.controle", Viewer.Role.REGULATOR, null, null, null, null);

	private static final LocalDate FROM = LocalDate.of(2024, 1, 1);

	/** Diabetes (9), severe hypertension (14), end-stage chronic kidney failure (17). */
	private static final Map<Integer, Proposal> PROTOCOLS = Map.of(
			9, new Proposal(9, FROM, null, "Protocole de démonstration du 01/01/2024 (suivi usuel du diabète; actes TNR 2006, DCI du GMR)",
					List.of(act("C", "Consultation du généraliste", 3, Period.QUARTER),
							act("Cs", "Consultation du spécialiste (endocrinologue)", 4, Period.YEAR),
							new Item(Kind.EXAMINATION, "B", "Biologie: glycémie, HbA1c, bilan lipidique et rénal", 2, Period.QUARTER),
							act("CsC", "Consultation de cardiologie avec ECG", 1, Period.YEAR),
							medicine("METFORMINE", "Metformine", 1), medicine("GLICLAZIDE", "Gliclazide", 1),
							medicine("INSULINE HUMAINE", "Insuline humaine", 2))),
			14, new Proposal(14, FROM, null, "Protocole de démonstration du 01/01/2024 (suivi usuel de l'hypertension artérielle sévère; actes TNR 2006, DCI du GMR)",
					List.of(act("C", "Consultation du généraliste", 2, Period.QUARTER),
							act("CsC", "Consultation de cardiologie avec ECG", 2, Period.YEAR),
							new Item(Kind.EXAMINATION, "B", "Biologie: kaliémie, créatininémie, bilan lipidique", 2, Period.YEAR),
							medicine("AMLODIPINE", "Amlodipine", 1), medicine("LOSARTAN", "Losartan", 1),
							medicine("LOSARTAN / HYDROCHLOROTHIAZIDE", "Losartan et hydrochlorothiazide", 1),
							medicine("FUROSEMIDE", "Furosémide", 1))),
			17, new Proposal(17, FROM, null, "Protocole de démonstration du 01/01/2024 (suivi usuel de l'insuffisance rénale chronique terminale; actes TNR 2006, DCI du GMR)",
					List.of(act("Cs", "Consultation du néphrologue", 1, Period.MONTH),
							new Item(Kind.EXAMINATION, "B", "Biologie: urée, créatinine, ionogramme, NFS", 2, Period.MONTH),
							new Item(Kind.EXAMINATION, "Z", "Imagerie: échographie rénale", 1, Period.YEAR),
							medicine("FUROSEMIDE", "Furosémide", 1), medicine("AMLODIPINE", "Amlodipine", 1))));

	private DemoProtocols() {
	}

	/** Proposes and approves the protocols of the conditions that have none yet. */
	static void load(TherapeuticProtocols protocols) {
		for (Proposal proposal : PROTOCOLS.values()) {
			if (protocols.versions(proposal.conditionCode(), null).isEmpty()) {
				long id = Acting.as(REGULATOR, () -> protocols.propose(proposal)).id();
				Acting.as(REGULATOR_CHECKER, () -> protocols.approve(id));
			}
		}
	}

	/** The DCIs of the medicines a condition's demo protocol covers; none for a condition without one. */
	static Set<String> medicines(Integer condition) {
		Proposal proposal = condition == null ? null : PROTOCOLS.get(condition);
		return proposal == null ? Set.of()
				: proposal.items().stream().filter(i -> i.kind() == Kind.MEDICINE).map(Item::code).collect(Collectors.toSet());
	}

	private static Item act(String code, String label, int count, Period period) {
		return new Item(Kind.ACT, code, label, count, period);
	}

	private static Item medicine(String dci, String label, int perMonth) {
		return new Item(Kind.MEDICINE, dci, label, perMonth, Period.MONTH);
	}
}
