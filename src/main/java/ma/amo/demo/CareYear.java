package ma.amo.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import ma.amo.claims.ClaimKind;
import ma.amo.claims.ClaimRequest;

/**
 * A year of care drawn for the demo population: feuilles de soins (general practitioners' and specialists'
 * consultations, pharmacy sheets of the medicines referential, laboratory and imaging sheets) and invoices in tiers
 * payant (private clinics, public hospitals signed by their doctors; Tadamon patients are mostly cared for in public
 * hospitals), with the provider drawn in the patient's region, filed within the legal delays, and one member claim in
 * fifty filed late. Patients with an ALD exemption claim their medicines under it.
 */
final class CareYear {

	/**
	 * A patient: the rights holder's regime, where they live, their exemption if any, and the days their enrolment
	 * covers (care is drawn there, but for a few claims of persons whose rights were not open, refused with the reason).
	 */
	record Patient(String idcs, String regime, String region, Integer aldCode, String exemptionNumber, LocalDate since,
			LocalDate until) {
	}

	/** The claims drawn anywhere in the year, whatever the patient's rights on the day. */
	private static final double ANY_DAY = 0.03;

	/** A medicine of the referential and its public price. */
	record Medicine(String code, String dci, BigDecimal price) {
	}

	/** The providers of one region (falling back on the whole country when a region has none of a kind). */
	record Providers(Map<String, List<String>> gps, Map<String, List<String>> specialists,
			Map<String, List<String>> pharmacies, Map<String, List<String>> laboratories,
			Map<String, List<String>> radiology, Map<String, List<String>> clinics,
			Map<String, List<String[]>> hospitals) {
	}

	private static final ClaimRequest.Attachment PRESCRIPTION = new ClaimRequest.Attachment(
			ClaimRequest.AttachmentType.PRESCRIPTION, "ordonnance.pdf", 1, null);
	private static final ClaimRequest.Attachment INVOICE = new ClaimRequest.Attachment(
			ClaimRequest.AttachmentType.INVOICE, "facture.pdf", 1, null);
	/** The member claims filed late, for the reason to show (the legal delay is 60 days). */
	private static final double LATE = 0.02;

	private final Providers providers;
	private final List<Medicine> medicines;
	private final Random random;
	private final LocalDate today;

	CareYear(Providers providers, List<Medicine> medicines, Random random, LocalDate today) {
		this.providers = providers;
		this.medicines = medicines;
		this.random = random;
		this.today = today;
	}

	/** {@code count} claims over the 365 days before today, by month of care, each month in order of filing. */
	Map<YearMonth, List<ClaimRequest>> draw(List<Patient> patients, int count) {
		Map<YearMonth, List<ClaimRequest>> months = new TreeMap<>();
		for (int i = 0; i < count; i++) {
			Patient patient = patients.get(random.nextInt(patients.size()));
			LocalDate care = careDay(patient);
			ClaimRequest claim = claim(patient, care);
			months.computeIfAbsent(YearMonth.from(care), m -> new ArrayList<>()).add(claim);
		}
		months.values().forEach(claims -> claims.sort(Comparator.comparing(ClaimRequest::filedOn)));
		return months;
	}

	/**
	 * The care of the demo's own accounts, added to {@code months}: each month of the year, a claim of the insured
	 * person of the {@code assure} account (when their rights were open that month) and invoices of the clinic of the
	 * {@code prestataire} account for patients of the private regimes, so that their pages show a year of activity.
	 */
	void addForDemoAccounts(Map<YearMonth, List<ClaimRequest>> months, Patient member, String clinic,
			List<Patient> patients) {
		List<Patient> insured = patients.stream().filter(p -> !"TADAMON".equals(p.regime())).toList();
		for (int back = 12; back >= 1; back--) {
			YearMonth month = YearMonth.from(today).minusMonths(back);
			if (member != null) {
				LocalDate care = dayIn(month, member);
				if (care != null) {
					months.computeIfAbsent(month, m -> new ArrayList<>()).add(claim(member, care));
				}
			}
			for (int i = 0; clinic != null && !insured.isEmpty() && i < 3; i++) {
				Patient patient = insured.get(random.nextInt(insured.size()));
				LocalDate care = dayIn(month, patient);
				if (care != null) {
					months.computeIfAbsent(month, m -> new ArrayList<>()).add(invoice(patient, care, clinic, clinic,
							List.of(new ClaimRequest.Line("Cs", null, null, null, new BigDecimal("300")),
									new ClaimRequest.Line("Z", BigDecimal.valueOf(10 + 5 * random.nextInt(4)), null, null,
											new BigDecimal("250")))));
				}
			}
		}
		months.values().forEach(claims -> claims.sort(Comparator.comparing(ClaimRequest::filedOn)));
	}

	/** A day of {@code month}, within the year before today, when the patient's rights run; null when there is none. */
	private LocalDate dayIn(YearMonth month, Patient p) {
		LocalDate first = month.atDay(1).isBefore(today.minusDays(365)) ? today.minusDays(365) : month.atDay(1);
		first = first.isBefore(p.since()) ? p.since() : first;
		LocalDate last = month.atEndOfMonth().isBefore(today.minusDays(1)) ? month.atEndOfMonth() : today.minusDays(1);
		if (p.until() != null && p.until().isBefore(last)) {
			last = p.until();
		}
		long days = java.time.temporal.ChronoUnit.DAYS.between(first, last);
		return days < 0 ? null : first.plusDays(random.nextLong(days + 1));
	}

	private LocalDate careDay(Patient p) {
		LocalDate first = today.minusDays(365);
		LocalDate last = today.minusDays(1);
		if (random.nextDouble() >= ANY_DAY) {
			first = p.since().isAfter(first) ? p.since() : first;
			last = p.until() != null && p.until().isBefore(last) ? p.until() : last;
		}
		long days = java.time.temporal.ChronoUnit.DAYS.between(first, last);
		return days <= 0 ? today.minusDays(1 + random.nextInt(365)) : first.plusDays(random.nextLong(days + 1));
	}

	private ClaimRequest claim(Patient p, LocalDate care) {
		double draw = random.nextDouble();
		boolean tadamon = "TADAMON".equals(p.regime());
		if (p.aldCode() != null && draw < 0.6) {
			return sheet(p, care, pick(providers.pharmacies(), p), false, treatment(p, 2 + random.nextInt(2)));
		}
		if (tadamon ? draw < 0.65 : draw < 0.07) {
			String[] hospital = pick(providers.hospitals(), p);
			boolean specialist = random.nextDouble() < 0.3;
			List<ClaimRequest.Line> lines = new ArrayList<>();
			lines.add(new ClaimRequest.Line(specialist ? "Cs" : "C", null, null, null, new BigDecimal(specialist ? "150" : "80")));
			if (random.nextDouble() < 0.4) {
				// An examination beside the consultation: imaging, or now and then biology, which the tariff leaves
				// without a value, so that the invoice is partly approved with the reason on that line.
				lines.add(random.nextInt(4) == 0
						? new ClaimRequest.Line("B", BigDecimal.valueOf(40 + 20 * random.nextInt(4)), null, null, new BigDecimal("60"))
						: new ClaimRequest.Line("Z", BigDecimal.valueOf(15 + 5 * random.nextInt(4)), null, null,
								new BigDecimal("250")));
			}
			return invoice(p, care, specialist ? hospital[2] : hospital[1], hospital[0], lines);
		}
		if (draw < 0.13) {
			String clinic = pick(providers.clinics(), p);
			return invoice(p, care, clinic, clinic, List.of(new ClaimRequest.Line("Cs", null, null, null, new BigDecimal("300")),
					new ClaimRequest.Line("Z", BigDecimal.valueOf(10 + 5 * random.nextInt(4)), null, null, new BigDecimal("250"))));
		}
		if (draw < 0.48) {
			return sheet(p, care, pick(providers.gps(), p), false,
					List.of(new ClaimRequest.Line("C", null, null, null, BigDecimal.valueOf(80 + 20 * random.nextInt(4)))));
		}
		if (draw < 0.62) {
			return sheet(p, care, pick(providers.specialists(), p), random.nextDouble() < 0.75,
					List.of(new ClaimRequest.Line("Cs", null, null, null, BigDecimal.valueOf(200 + 50 * random.nextInt(4)))));
		}
		if (draw < 0.85) {
			return sheet(p, care, pick(providers.pharmacies(), p), false, medicineLines(1 + random.nextInt(3)));
		}
		if (draw < 0.95) {
			List<ClaimRequest.Line> lines = new ArrayList<>();
			// Biology (B) has no value in the national tariff (amo-rules.md): one laboratory sheet in ten bills it and is
			// refused with that reason; the others are pathology examinations (P, 1.10 DH), which the tariff values.
			boolean biology = random.nextInt(10) == 0;
			for (int i = 0; i < 1 + random.nextInt(3); i++) {
				lines.add(biology
						? new ClaimRequest.Line("B", BigDecimal.valueOf(40 + 20 * random.nextInt(5)), null, null, new BigDecimal("100"))
						: new ClaimRequest.Line("P", BigDecimal.valueOf(100 + 50 * random.nextInt(4)), null, null,
								new BigDecimal("250")));
			}
			return sheet(p, care, pick(providers.laboratories(), p), false, lines);
		}
		return sheet(p, care, pick(providers.radiology(), p), false,
				List.of(new ClaimRequest.Line("Z", BigDecimal.valueOf(15 + 5 * random.nextInt(4)), null, null, new BigDecimal("200"))));
	}

	/**
	 * An exempted patient's medicines: those of their condition's protocol (a line per medicine, as a month's
	 * treatment), so that their claims are covered under it; any medicines for a condition without a protocol.
	 */
	private List<ClaimRequest.Line> treatment(Patient p, int count) {
		Set<String> dcis = DemoProtocols.medicines(p.aldCode());
		List<Medicine> covered = medicines.stream().filter(m -> dcis.contains(m.dci())).toList();
		if (covered.isEmpty()) {
			return medicineLines(count);
		}
		List<String> chosen = new ArrayList<>(covered.stream().map(Medicine::dci).distinct().sorted().toList());
		Collections.shuffle(chosen, random);
		List<ClaimRequest.Line> lines = new ArrayList<>();
		for (String dci : chosen.subList(0, Math.min(count, chosen.size()))) {
			List<Medicine> forms = covered.stream().filter(m -> m.dci().equals(dci)).toList();
			Medicine medicine = forms.get(random.nextInt(forms.size()));
			lines.add(new ClaimRequest.Line(null, null, medicine.code(), 1, medicine.price()));
		}
		return lines;
	}

	private List<ClaimRequest.Line> medicineLines(int count) {
		List<ClaimRequest.Line> lines = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Medicine medicine = medicines.get(random.nextInt(medicines.size()));
			int quantity = 1 + random.nextInt(2);
			lines.add(new ClaimRequest.Line(null, null, medicine.code(), quantity,
					medicine.price().multiply(BigDecimal.valueOf(quantity))));
		}
		return lines;
	}

	private ClaimRequest sheet(Patient p, LocalDate care, String executing, boolean referral, List<ClaimRequest.Line> lines) {
		LocalDate filed;
		if (random.nextDouble() < LATE && care.isBefore(today.minusDays(75))) {
			filed = care.plusDays(61 + random.nextInt(14));
		}
		else {
			filed = filed(care, 30);
		}
		boolean exempted = p.aldCode() != null && lines.stream().anyMatch(l -> l.medicineCode() != null);
		return new ClaimRequest(ClaimKind.MEMBER_REIMBURSEMENT, p.idcs(), care, filed, executing, null, null,
				exempted ? p.aldCode() : null, exempted ? p.exemptionNumber() : null, referral, null, List.of(PRESCRIPTION),
				lines);
	}

	private ClaimRequest invoice(Patient p, LocalDate care, String executing, String establishment,
			List<ClaimRequest.Line> lines) {
		return new ClaimRequest(ClaimKind.PROVIDER_INVOICE, p.idcs(), care, filed(care, 20), executing, null,
				establishment, null, null, true, null, List.of(INVOICE), lines);
	}

	private LocalDate filed(LocalDate care, int within) {
		LocalDate filed = care.plusDays(1 + random.nextInt(within));
		return filed.isAfter(today) ? today : filed;
	}

	private <T> T pick(Map<String, List<T>> byRegion, Patient p) {
		List<T> local = byRegion.get(p.region());
		if (local == null || local.isEmpty()) {
			local = byRegion.values().stream().filter(l -> !l.isEmpty()).findFirst().orElseThrow();
		}
		return local.get(random.nextInt(local.size()));
	}
}
