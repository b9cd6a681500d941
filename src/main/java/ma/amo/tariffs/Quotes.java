package ma.amo.tariffs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Size;
import ma.amo.enrolment.Regime;
import ma.amo.providers.ProviderDirectory;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.Money;
import ma.amo.shared.NotFound;
import ma.amo.shared.Rate;
import ma.amo.shared.Violation;
import org.springframework.stereotype.Service;

/**
 * What will be reimbursed for care, for a regime, on a date, and why. Per line: the base (reference tariff: key-letter
 * value × coefficient, a stay's daily rate × days or an item's flat amount × quantity; medicines: the payer's base ×
 * quantity), the rate of the regime for the care category, sector
 * and exemption, the covered amount = min(billed, base) × rate, and the patient share = billed − covered. This is the
 * one calculation the claims engine prices lines with.
 */
@Service
public class Quotes {

	/** The longest stay one line may bill, in days; a longer stay is billed in several invoices. */
	static final int MAX_STAY_DAYS = 365;

	private final ReferenceTariff tariff;
	private final MedicineReferentials medicines;
	private final ProviderDirectory providers;

	Quotes(ReferenceTariff tariff, MedicineReferentials medicines, ProviderDirectory providers) {
		this.tariff = tariff;
		this.medicines = medicines;
		this.providers = providers;
	}

	/** A care event to price: the establishment's INPE or, without one, its sector. */
	public record Request(Regime regime, LocalDate careDate, @Size(max = 9) String establishmentInpe,
			@Size(max = 10) String sector, Boolean exempted, @Size(max = 200) List<@Valid Line> lines) {

		/** Care covered by an ALD exemption (false when not said). */
		boolean exemption() {
			return Boolean.TRUE.equals(exempted);
		}
	}

	/**
	 * An act (code, and a coefficient when the act has none; for a stay, its days as quantity; for an item on a flat
	 * amount, its quantity) or a medicine (code and quantity), with the billed amount.
	 */
	@io.swagger.v3.oas.annotations.media.Schema(name = "QuoteRequestLine")
	public record Line(@Size(max = 20) String actCode, @Digits(integer = 4, fraction = 2) BigDecimal coefficient,
			@Size(max = 20) String medicineCode, @Max(100_000) Integer quantity,
			@Digits(integer = 9, fraction = 2) BigDecimal billed) {
	}

	/**
	 * A line priced: {@code rules} is each note as one French text ({@code CODE: text}), as the quote always gave it;
	 * {@code outcome}, {@code priorApprovalRequired} and {@code notes} say the same in types, for a program.
	 */
	public record QuotedLine(int line, String code, String label, String careCategory, Money billed, Money base,
			int ratePercent, Money covered, Money patientShare, List<String> rules, PricingOutcome outcome,
			boolean priorApprovalRequired, List<Note> notes) {

		QuotedLine(int line, String code, String label, String careCategory, Money billed, Money base, int ratePercent,
				Money covered, PricingOutcome outcome, List<Note> notes) {
			this(line, code, label, careCategory, billed, base, ratePercent, covered, billed.minus(covered),
					notes.stream().map(Note::french).toList(), outcome,
					notes.stream().anyMatch(n -> n.code() == PricingNote.PRIOR_APPROVAL_REQUIRED), List.copyOf(notes));
		}
	}

	/**
	 * A note on how a line was priced: its code, its French text (empty when the code says it all) and the figures
	 * used, by name (tariff version, key letter, value, coefficient, base, rate...).
	 */
	@io.swagger.v3.oas.annotations.media.Schema(name = "QuoteNote")
	public record Note(PricingNote code, String text, Map<String, Object> figures) {

		public Note {
			figures = figures == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(figures));
		}

		/** The note as one text, {@code CODE: text}, as reasons are read. */
		public String french() {
			return text.isEmpty() ? code.name() : code.name() + ": " + text;
		}
	}

	/** Figures in the order given: name, value, name, value... */
	private static Map<String, Object> figures(Object... namesAndValues) {
		Map<String, Object> figures = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			Object value = namesAndValues[i + 1];
			figures.put((String) namesAndValues[i], value instanceof Money money ? money.amount() : value);
		}
		return figures;
	}

	public record Quotation(Regime regime, String payerBody, LocalDate careDate, String sector, List<QuotedLine> lines,
			Money billed, Money covered, Money patientShare) {
	}

	public Quotation quote(Request request) {
		List<Violation> violations = check(request);
		if (!violations.isEmpty()) {
			throw new InvalidInput(violations);
		}
		String sector = request.establishmentInpe() != null
				? providers.establishment(request.establishmentInpe()).sector().name() : request.sector();
		String payer = request.regime().payerBody().name();
		List<QuotedLine> quoted = new ArrayList<>();
		for (int i = 0; i < request.lines().size(); i++) {
			Line line = request.lines().get(i);
			quoted.add(line.actCode() != null ? act(i, line, request, payer, sector) : medicine(i, line, request, payer, sector));
		}
		Money billed = quoted.stream().map(QuotedLine::billed).reduce(Money.ZERO, Money::plus);
		Money covered = quoted.stream().map(QuotedLine::covered).reduce(Money.ZERO, Money::plus);
		return new Quotation(request.regime(), payer, request.careDate(), sector, quoted, billed, covered,
				billed.minus(covered));
	}

	private QuotedLine act(int i, Line line, Request request, String payer, String sector) {
		ReferenceTariff.Act act = tariff.act(line.actCode(), request.careDate()).orElseThrow(() -> new InvalidInput(
				"lines[" + i + "].actCode", "known-act", "no act " + line.actCode() + " in the tariff in force on " + request.careDate()));
		Money billed = new Money(line.billed());
		List<Note> notes = new ArrayList<>();
		notes.add(new Note(PricingNote.TARIFF_VERSION, act.versionName(), figures("tariffVersion", act.versionName())));
		act = named(i, act, line, notes);
		if (act.excluded()) {
			notes.add(new Note(PricingNote.EXCLUDED_ACT, act.label() + " n'est pas pris en charge", figures("act", act.code())));
			return new QuotedLine(i, act.code(), act.label(), act.careCategory(), billed, Money.ZERO, 0, Money.ZERO,
					PricingOutcome.EXCLUDED_ACT, notes);
		}
		if (act.pricedBy() != ReferenceTariff.PricedBy.KEY_LETTER) {
			return onAmount(i, act, line, billed, request, sector, notes);
		}
		BigDecimal coefficient = line.coefficient() != null ? line.coefficient() : act.coefficient();
		if (coefficient == null) {
			throw new InvalidInput("lines[" + i + "].coefficient", "required", "act " + act.code() + " needs a coefficient on the line");
		}
		ReferenceTariff.KeyLetterValue letter = tariff.keyLetter(act.versionId(), act.keyLetter(), payer, sector);
		if (letter.value().isEmpty()) {
			notes.add(new Note(PricingNote.KEY_LETTER_WITHOUT_VALUE, act.keyLetter() + " n'a pas de valeur dans "
					+ act.versionName(), figures("keyLetter", act.keyLetter(), "tariffVersion", act.versionName())));
			return new QuotedLine(i, act.code(), act.label(), act.careCategory(), billed, Money.ZERO, 0, Money.ZERO,
					PricingOutcome.KEY_LETTER_WITHOUT_VALUE, notes);
		}
		Money value = letter.value().get();
		Money base = value.times(coefficient);
		notes.add(new Note(PricingNote.BASE, act.keyLetter() + " " + value.amount() + " × "
				+ coefficient.stripTrailingZeros().toPlainString() + " = " + base.amount(),
				figures("keyLetter", act.keyLetter(), "value", value, "coefficient", coefficient, "base", base)));
		return approvalAndRate(i, act, billed, base, request, sector, notes);
	}

	/**
	 * A stay on its daily rate × the days (the line's quantity, 1 to 365, required), or an item on its flat amount ×
	 * the quantity (1 when not said).
	 */
	private QuotedLine onAmount(int i, ReferenceTariff.Act act, Line line, Money billed, Request request, String sector,
			List<Note> notes) {
		boolean stay = act.pricedBy() == ReferenceTariff.PricedBy.DAILY_RATE;
		if (stay && (line.quantity() == null || line.quantity() < 1 || line.quantity() > MAX_STAY_DAYS)) {
			throw new InvalidInput("lines[" + i + "].quantity", "range", "a stay of " + act.code()
					+ " needs its number of days as quantity, from 1 to " + MAX_STAY_DAYS);
		}
		int quantity = line.quantity() == null ? 1 : line.quantity();
		if (quantity < 1) {
			throw new InvalidInput("lines[" + i + "].quantity", "positive", "must be 1 or more");
		}
		if (act.amount().isEmpty()) {
			notes.add(new Note(PricingNote.AMOUNT_WITHOUT_VALUE, act.label() + " n'a pas de "
					+ (stay ? "tarif journalier" : "forfait") + " dans " + act.versionName(),
					figures("act", act.code(), "tariffVersion", act.versionName())));
			return new QuotedLine(i, act.code(), act.label(), act.careCategory(), billed, Money.ZERO, 0, Money.ZERO,
					PricingOutcome.AMOUNT_WITHOUT_VALUE, notes);
		}
		Money amount = act.amount().get();
		Money base = amount.times(BigDecimal.valueOf(quantity));
		notes.add(stay
				? new Note(PricingNote.DAILY_RATE, amount.amount() + " DH par jour × " + quantity + " jour"
						+ (quantity > 1 ? "s" : "") + " = " + base.amount(), figures("dailyRate", amount, "days", quantity, "base", base))
				: new Note(PricingNote.FLAT_AMOUNT, "forfait " + amount.amount() + " DH × " + quantity + " = " + base.amount(),
						figures("flatAmount", amount, "quantity", quantity, "base", base)));
		return approvalAndRate(i, act, billed, base, request, sector, notes);
	}

	private QuotedLine approvalAndRate(int i, ReferenceTariff.Act act, Money billed, Money base, Request request,
			String sector, List<Note> notes) {
		if (act.priorApproval()) {
			notes.add(new Note(PricingNote.PRIOR_APPROVAL_REQUIRED, "", figures("act", act.code())));
		}
		Rate rate = tariff.coverage(request.regime().name(), act.careCategory(), sector, request.exemption(), request.careDate());
		return priced(i, act.code(), act.label(), billed, base, rate, act.careCategory(), request, notes);
	}

	/**
	 * A line sent as a key letter and a coefficient that is a named act of the version (K 70: the appendicectomy) is
	 * priced as that act, at its care category's rate and with its prior approval, never at the letter's generic
	 * category; when the letter and coefficient are several named acts, the line must name the act.
	 */
	private ReferenceTariff.Act named(int i, ReferenceTariff.Act act, Line line, List<Note> notes) {
		if (act.coefficient() != null || !act.code().equals(act.keyLetter()) || line.coefficient() == null) {
			return act;
		}
		List<ReferenceTariff.Act> named = tariff.namedActs(act.versionId(), act.keyLetter(), line.coefficient());
		String sent = act.keyLetter() + " " + line.coefficient().stripTrailingZeros().toPlainString();
		if (named.size() > 1) {
			throw new InvalidInput("lines[" + i + "].actCode", "named-act", sent + " is one of the named acts "
					+ String.join(", ", named.stream().map(ReferenceTariff.Act::code).toList()) + ": send the act's code");
		}
		if (named.isEmpty()) {
			return act;
		}
		ReferenceTariff.Act found = named.getFirst();
		notes.add(new Note(PricingNote.NAMED_ACT, sent + " est l'acte " + found.code() + " (" + found.label()
				+ "), tarifé comme tel", figures("keyLetter", act.keyLetter(), "coefficient", line.coefficient(), "act", found.code())));
		return found;
	}

	private QuotedLine medicine(int i, Line line, Request request, String payer, String sector) {
		MedicineBase medicine;
		try {
			medicine = medicines.base(line.medicineCode(), payer, request.careDate());
		}
		catch (NotFound e) {
			throw new InvalidInput("lines[" + i + "].medicineCode", "known-medicine", e.getMessage());
		}
		Money billed = new Money(line.billed());
		Money base = medicine.base().times(BigDecimal.valueOf(line.quantity()));
		List<Note> notes = new ArrayList<>();
		notes.add(new Note(PricingNote.MEDICINE_BASE, medicine.explanation() + " × " + line.quantity(),
				figures("unitBase", medicine.base(), "quantity", line.quantity(), "base", base)));
		if (medicine.rate().fraction().signum() == 0) {
			notes.add(new Note(PricingNote.NOT_REIMBURSABLE_MEDICINE, "0 % dans le référentiel",
					figures("referentialRate", 0)));
			return new QuotedLine(i, medicine.medicine().code(), medicine.medicine().name(), "MEDICINES", billed, base, 0,
					Money.ZERO, PricingOutcome.NOT_REIMBURSABLE_MEDICINE, notes);
		}
		Rate rate = tariff.coverage(request.regime().name(), "MEDICINES", sector, request.exemption(), request.careDate());
		return priced(i, medicine.medicine().code(), medicine.medicine().name(), billed, base, rate, "MEDICINES", request,
				notes);
	}

	private static QuotedLine priced(int i, String code, String label, Money billed, Money base, Rate rate,
			String category, Request request, List<Note> notes) {
		if (billed.compareTo(base) > 0) {
			notes.add(new Note(PricingNote.BILLED_ABOVE_BASE, "remboursement sur la base " + base.amount()
					+ " DH, pas sur le montant facturé; le dépassement de " + billed.minus(base).amount()
					+ " DH reste à la charge du patient", figures("billed", billed, "base", base, "above", billed.minus(base))));
		}
		notes.add(new Note(PricingNote.RATE, request.regime().french() + ", " + CareCategory.french(category)
				+ (request.exemption() ? ", exonéré" : "") + ", " + rate, figures("regime", request.regime().name(),
						"careCategory", category, "exempted", request.exemption(), "ratePercent", rate.percent())));
		Money covered = billed.min(base).times(rate);
		return new QuotedLine(i, code, label, category, billed, base, rate.percent(), covered, PricingOutcome.PRICED,
				notes);
	}

	private static List<Violation> check(Request request) {
		List<Violation> violations = new ArrayList<>();
		if (request.regime() == null) {
			violations.add(new Violation("regime", "required", "is required"));
		}
		if (request.careDate() == null) {
			violations.add(new Violation("careDate", "required", "is required"));
		}
		if (request.establishmentInpe() == null && !"PUBLIC".equals(request.sector()) && !"PRIVATE".equals(request.sector())) {
			violations.add(new Violation("sector", "required", "give an establishmentInpe or a sector (PUBLIC or PRIVATE)"));
		}
		if (request.lines() == null || request.lines().isEmpty()) {
			violations.add(new Violation("lines", "not-empty", "at least one line is required"));
			return violations;
		}
		for (int i = 0; i < request.lines().size(); i++) {
			Line line = request.lines().get(i);
			String at = "lines[" + i + "].";
			if (line == null) {
				violations.add(new Violation("lines[" + i + "]", "required", "is required"));
				continue;
			}
			if ((line.actCode() == null) == (line.medicineCode() == null)) {
				violations.add(new Violation(at + "actCode", "one-code", "give either an actCode or a medicineCode"));
			}
			if (line.billed() == null) {
				violations.add(new Violation(at + "billed", "required", "is required"));
			}
			else if (line.billed().signum() < 0) {
				violations.add(new Violation(at + "billed", "positive", "must not be negative"));
			}
			if (line.coefficient() != null && line.coefficient().signum() <= 0) {
				violations.add(new Violation(at + "coefficient", "positive", "must be above 0"));
			}
			if (line.medicineCode() != null && (line.quantity() == null || line.quantity() < 1)) {
				violations.add(new Violation(at + "quantity", "positive", "a medicine line needs a quantity of 1 or more"));
			}
		}
		return violations;
	}
}
