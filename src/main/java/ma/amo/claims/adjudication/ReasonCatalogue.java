package ma.amo.claims.adjudication;

import java.util.ArrayList;
import java.util.List;

import ma.amo.tariffs.PricingNote;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Every code a claim line or a claim's review reasons can carry, each with its French label: the decisions of the
 * rules (in the order they run), the notes that show how a line was priced or why a rule did not apply (the figures
 * used: tariff version, base, rate...), and the review rules that send a claim to an agent. A reason on a line is an
 * {@link Explanation} (code, text, figures), stored as a row and read as {@code CODE: text}; its code is always one of
 * these.
 */
@Component
public class ReasonCatalogue {

	/** What a reason is: a rule's decision, a note on how the line was priced, or why an agent reviews the claim. */
	@NamedInterface("reason-codes")
	public enum Kind {
		DECISION, NOTE, REVIEW
	}

	/** A code with its kind, French label and source: what other modules publish of the catalogue (FHIR's CodeSystem). */
	@NamedInterface("reason-codes")
	public record Reason(String code, Kind kind, String label, String source) {
	}

	private final List<Reason> reasons;

	ReasonCatalogue(Rules rules) {
		List<Reason> all = new ArrayList<>();
		rules.catalogue().stream().filter(r -> r.kind() == Kind.DECISION)
			.forEach(r -> all.add(new Reason(r.code(), Kind.DECISION, r.label(), r.source())));
		all.add(new Reason("ALD_EXEMPTION", Kind.NOTE, "Exonération ALD valide à la date des soins: taux exonéré",
				"amo-rules.md, Long-term conditions"));
		all.add(new Reason("ALD_CONTINUITY", Kind.NOTE,
				"Droits d'un salarié suspendus: les soins de l'affection de longue durée exonérée restent couverts",
				"cnss.ma/fr/faq-page/45"));
		for (PricingNote note : PricingNote.values()) {
			all.add(new Reason(note.name(), Kind.NOTE, note.label(), "amo-rules.md, What is reimbursed; TNR 2006; GMR"));
		}
		rules.catalogue().stream().filter(r -> r.kind() == Kind.REVIEW)
			.forEach(r -> all.add(new Reason(r.code(), Kind.REVIEW, r.label(), r.source())));
		this.reasons = List.copyOf(all);
	}

	/** The decisions in the order the rules run, then the notes, then the review rules in the order they run. */
	public List<Reason> reasons() {
		return reasons;
	}
}
