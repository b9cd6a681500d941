package ma.amo.claims.adjudication;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import ma.amo.protocols.ProtocolItem;
import ma.amo.protocols.ProtocolVersion;
import ma.amo.protocols.TherapeuticProtocols;
import ma.amo.tariffs.Medicine;
import ma.amo.tariffs.MedicinesGuide;
import ma.amo.tariffs.ReferenceTariff;
import org.springframework.stereotype.Component;

/**
 * Care under an ALD exemption follows the condition's therapeutic protocol in force on the date of care: a line whose
 * act, examination or medicine (by DCI) the protocol does not list, or which passes the item's frequency (the lines the
 * patient's claims for the condition covered in the same calendar month, quarter or year, this claim's earlier lines
 * included), keeps its exempted price and sends the claim to an agent, with the protocol's number, version and item.
 * A condition without a protocol in force that day changes nothing. The protocol is named by its number, not by its
 * condition: the reasons are read by more people than the medical reviewers (as for {@link LongTermConditionExemption}).
 * The approved protocols are read once for a chunk of claims. Source: issue 18, point 5 (the regulator's protocols).
 */
@Component
class TherapeuticProtocol implements Rule {

	private static final Object APPROVED = new Object();

	private final TherapeuticProtocols protocols;
	private final ReferenceTariff tariff;
	private final MedicinesGuide medicines;

	TherapeuticProtocol(TherapeuticProtocols protocols, ReferenceTariff tariff, MedicinesGuide medicines) {
		this.protocols = protocols;
		this.tariff = tariff;
		this.medicines = medicines;
	}

	public String code() {
		return "ALD_PROTOCOL";
	}

	public String label() {
		return "Soins d'une ALD hors du protocole thérapeutique en vigueur ou au-delà de sa fréquence";
	}

	public String source() {
		return "Protocoles thérapeutiques de l'ANAM par affection (issue 18); amo-rules.md, Long-term conditions";
	}

	@Override
	public ReasonCatalogue.Kind kind() {
		return ReasonCatalogue.Kind.REVIEW;
	}

	public void apply(Adjudicating claim) {
		Integer condition = claim.claim().aldCode();
		if (condition == null || !claim.exempted()) {
			return;
		}
		List<ProtocolVersion> approved = claim.lookup(APPROVED, protocols::approved);
		Optional<ProtocolVersion> inForce = ProtocolVersion.inForce(approved, condition, claim.careDate());
		if (inForce.isEmpty()) {
			return;
		}
		ProtocolVersion protocol = inForce.get();
		String named = "protocole n° " + protocol.id() + " version " + protocol.version() + " du "
				+ Dates.french(protocol.effectiveFrom());
		Map<Integer, Integer> inThisClaim = new HashMap<>();
		for (LineDecision line : claim.lines()) {
			if (line.rejected()) {
				continue;
			}
			String actCode = line.request().actCode();
			String medicineCode = line.request().medicineCode();
			ProtocolItem item = item(claim, protocol, actCode, medicineCode);
			if (item == null) {
				String why = "ligne " + line.line() + " (" + line.code() + ") hors du " + named;
				line.note(new Explanation(code(), why, Explanation.figures("protocol", protocol.id(), "version", protocol.version())));
				claim.review(this, why);
				continue;
			}
			LocalDate from = item.period().start(claim.careDate());
			long before = claim.conditionLinesSince(condition, from).stream()
				.filter(earlier -> item.equals(item(claim, protocol, earlier.actCode(), earlier.medicineCode())))
				.count();
			int here = inThisClaim.merge(item.position(), 1, Integer::sum);
			long count = before + here;
			if (count > item.maxCount()) {
				String why = "ligne " + line.line() + " (" + line.code() + ") au-delà de la fréquence du " + named + ", élément "
						+ item.position() + " " + item.label() + ": " + item.frequency() + ", " + (count - 1)
						+ " déjà pris en charge depuis le " + Dates.french(from);
				line.note(new Explanation(code(), why, Explanation.figures("protocol", protocol.id(), "version",
						protocol.version(), "item", item.position(), "maxCount", item.maxCount(), "period", item.period().name(),
						"alreadyCovered", count - 1)));
				claim.review(this, why);
			}
		}
	}

	/** The item of the protocol a line is for: by act code, then by the act's key letter; by DCI for a medicine. */
	private ProtocolItem item(Adjudicating claim, ProtocolVersion protocol, String actCode, String medicineCode) {
		if (actCode != null) {
			for (ProtocolItem item : protocol.items()) {
				if (item.act() && item.code().equals(actCode)) {
					return item;
				}
			}
			Optional<ReferenceTariff.Act> act = tariff.act(actCode, claim.careDate());
			String letter = act.map(ReferenceTariff.Act::keyLetter).orElse(null);
			return letter == null ? null : protocol.items().stream()
				.filter(i -> i.act() && i.code().equals(letter)).findFirst().orElse(null);
		}
		if (medicineCode == null) {
			return null;
		}
		Optional<Medicine> medicine = claim.lookup(new MedicineOn(medicineCode, claim.careDate()),
				() -> medicines.inForce(medicineCode, claim.careDate()));
		String dci = medicine.map(Medicine::dci).map(d -> d.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", " "))
			.orElse(null);
		return dci == null ? null : protocol.items().stream()
			.filter(i -> i.kind() == ProtocolItem.Kind.MEDICINE && i.code().equals(dci)).findFirst().orElse(null);
	}

	private record MedicineOn(String code, LocalDate date) {
	}
}
