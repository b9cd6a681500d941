package ma.amo.pathway;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import ma.amo.parameters.ParameterValues;
import ma.amo.population.PopulationRegister;
import ma.amo.providers.Establishment;
import ma.amo.providers.Inpe;
import ma.amo.providers.Profession;
import ma.amo.providers.ProviderDirectory;
import ma.amo.providers.Sector;
import ma.amo.shared.AccessRefused;
import ma.amo.shared.InputBounds;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.NotFound;
import ma.amo.shared.PageOf;
import ma.amo.shared.RuleBroken;
import ma.amo.shared.Viewer;
import ma.amo.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Referrals of the coordinated care pathway: written by the first contact (a general practitioner, or a public
 * primary-care establishment: centres de santé and rural dispensaries), read by the payer's agents, the medical
 * reviewers and the providers who wrote them or receive them, and checked when a specialist's claim cites one
 * (amo-rules.md, "Procedures and deadlines": specialist care without referral is a pathway breach).
 */
@Service
public class Referrals {

	/** The ministry's primary-care categories (ESSP): urban and rural health centres and rural dispensaries. */
	static final Set<String> PRIMARY_CARE = Set.of("CSR-1", "CSR-2", "CSU-1", "CSU-2", "DR");

	private static final String COLUMNS = """
			id, patient_idcs, referrer_inpe, referrer_kind, to_specialty, to_establishment_inpe, reason, referred_on,
			  valid_until, recorded_by, recorded_at""";

	private final JdbcClient jdbc;
	private final ProviderDirectory directory;
	private final ParameterValues parameters;
	private final PopulationRegister register;
	private final Clock clock;

	Referrals(JdbcClient jdbc, ProviderDirectory directory, ParameterValues parameters, PopulationRegister register,
			Clock clock) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.parameters = parameters;
		this.register = register;
		this.clock = clock;
	}

	/**
	 * Records a referral written by the signed-in provider, who must be a general practitioner or a public
	 * primary-care establishment; a referral to a hospital names a public establishment that is not primary care.
	 */
	@Transactional
	public Referral write(NewReferral r) {
		Viewer viewer = Viewer.current().filter(v -> v.role() == Viewer.Role.PROVIDER && v.inpe() != null)
			.orElseThrow(() -> new AccessRefused("only a provider's account writes a referral"));
		LocalDate today = LocalDate.now(clock);
		List<Violation> violations = new ArrayList<>();
		if (r == null) {
			throw new InvalidInput("body", "required", "is required");
		}
		if (r.patientIdcs() == null || !r.patientIdcs().matches("[0-9]{10}")) {
			violations.add(new Violation("patientIdcs", "idcs", "must be the patient's IDCS of 10 digits"));
		}
		if (r.toSpecialty() == null || r.toSpecialty().isBlank()) {
			violations.add(new Violation("toSpecialty", "required", "is required"));
		}
		String establishmentProblem = r.toEstablishmentInpe() == null ? null : Inpe.problem(r.toEstablishmentInpe());
		if (establishmentProblem != null) {
			violations.add(new Violation("toEstablishmentInpe", "inpe", establishmentProblem));
		}
		LocalDate referredOn = r.referredOn() == null ? today : r.referredOn();
		if (referredOn.isAfter(today) || InputBounds.dateProblem(referredOn) != null) {
			violations.add(new Violation("referredOn", "past-or-present", "must be a date up to today"));
		}
		LocalDate validUntil = r.validUntil() == null
				? referredOn.plusDays(parameters.integer("pathway.referral-validity-days", referredOn))
				: r.validUntil();
		int longest = parameters.integer("pathway.referral-longest-days", referredOn);
		if (validUntil.isBefore(referredOn) || validUntil.isAfter(referredOn.plusDays(longest))) {
			violations.add(new Violation("validUntil", "validity",
					"must be between the referral's date and " + longest + " days after it"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInput(violations);
		}
		// A referral for an IDCS the register does not know would wait for a patient who never comes: a typing slip
		// is caught here, while the doctor still has the patient's card in hand.
		if (register.person(r.patientIdcs()).isEmpty()) {
			throw new InvalidInput("patientIdcs", "known-patient", "no person with IDCS " + r.patientIdcs() + " in the register");
		}
		Referral.ReferrerKind kind = referrerKind(viewer.inpe(), referredOn);
		if (r.toEstablishmentInpe() != null) {
			Establishment hospital = directory.findEstablishment(r.toEstablishmentInpe())
				.orElseThrow(() -> new NotFound("toEstablishmentInpe", "no establishment with INPE " + r.toEstablishmentInpe()));
			if (PRIMARY_CARE.contains(hospital.category())) {
				throw new RuleBroken("toEstablishmentInpe", "second-line",
						"a referral goes to care beyond primary care, not to another " + hospital.category());
			}
		}
		long id = jdbc.sql("""
				insert into referral (patient_idcs, referrer_inpe, referrer_kind, to_specialty, to_establishment_inpe,
				  reason, referred_on, valid_until, recorded_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(r.patientIdcs(), viewer.inpe(), kind.name(), r.toSpecialty().strip(), r.toEstablishmentInpe(),
					r.reason() == null || r.reason().isBlank() ? null : r.reason().strip(), referredOn, validUntil,
					viewer.name())
			.query(Long.class).single();
		return find(id).orElseThrow();
	}

	private Referral.ReferrerKind referrerKind(String inpe, LocalDate on) {
		try {
			if (directory.professional(inpe).profession() == Profession.GENERAL_PRACTITIONER) {
				return Referral.ReferrerKind.GENERAL_PRACTITIONER;
			}
		}
		catch (NotFound notAProfessional) {
			Optional<Establishment> establishment = directory.findEstablishment(inpe);
			if (establishment.isPresent() && establishment.get().sector() == Sector.PUBLIC
					&& PRIMARY_CARE.contains(establishment.get().category())) {
				return Referral.ReferrerKind.PRIMARY_CARE_ESTABLISHMENT;
			}
		}
		throw new RuleBroken("referrer", "first-contact",
				"only a general practitioner or a public primary-care establishment refers a patient (" + on + ")");
	}

	/**
	 * A referral, for whoever may read it: agents and medical reviewers, and among providers the one who wrote it or
	 * the hospital it sends the patient to.
	 */
	public Referral referral(long id) {
		Referral referral = find(id).orElseThrow(() -> new NotFound("id", "no referral " + id));
		Viewer.current().filter(v -> v.role() == Viewer.Role.PROVIDER).ifPresent(v -> Viewer.require(
				v.inpe() != null && (v.inpe().equals(referral.referrerInpe()) || v.inpe().equals(referral.toEstablishmentInpe())),
				"referral " + id + " was neither written by nor addressed to this provider"));
		return referral;
	}

	/** The referrals the signed-in provider wrote, newest first: the doctor's or the centre's own list. */
	public PageOf<Referral> written(int page, int size) {
		Viewer viewer = Viewer.current().filter(v -> v.role() == Viewer.Role.PROVIDER && v.inpe() != null)
			.orElseThrow(() -> new AccessRefused("only a provider's account has referrals it wrote"));
		PageOf.check(page, size, 100);
		long total = jdbc.sql("select count(*) from referral where referrer_inpe = ?").param(viewer.inpe())
			.query(Long.class).single();
		List<Referral> content = jdbc.sql("select " + COLUMNS
				+ " from referral where referrer_inpe = ? order by referred_on desc, id desc limit ? offset ?")
			.params(viewer.inpe(), size, (long) page * size).query(Referrals::referral).list();
		return PageOf.of(content, page, size, total);
	}

	/** A patient's referrals, newest first. */
	public List<Referral> ofPatient(String idcs) {
		if (idcs == null || !idcs.matches("[0-9]{10}")) {
			throw new InvalidInput("patientIdcs", "idcs", "must be the patient's IDCS of 10 digits");
		}
		return jdbc.sql("select " + COLUMNS + " from referral where patient_idcs = ? order by referred_on desc, id desc limit 500")
			.param(idcs).query(Referrals::referral).list();
	}

	/**
	 * Whether the referral cited by a claim covers the care: it exists, is the patient's, sends to the specialty of
	 * the professional who gave the care (case and accents aside), to the establishment of the care when it names one,
	 * and the care falls between the day it was written and its end of validity.
	 */
	public ReferralCheck check(long id, String patientIdcs, String specialty, String establishmentInpe, LocalDate careDate) {
		Optional<Referral> found = find(id);
		if (found.isEmpty()) {
			return ReferralCheck.refused(id, "unknown", "orientation n° " + id + " inconnue");
		}
		Referral r = found.get();
		if (!r.patientIdcs().equals(patientIdcs)) {
			return ReferralCheck.refused(id, "other-patient", "orientation n° " + id + " établie pour un autre patient");
		}
		if (specialty == null || !folded(r.toSpecialty()).equals(folded(specialty))) {
			return ReferralCheck.refused(id, "other-specialty",
					"orientation n° " + id + " vers " + r.toSpecialty() + ", non vers " + (specialty == null ? "cette discipline" : specialty));
		}
		if (r.toEstablishmentInpe() != null && !r.toEstablishmentInpe().equals(establishmentInpe)) {
			return ReferralCheck.refused(id, "other-establishment",
					"orientation n° " + id + " vers l'établissement " + r.toEstablishmentInpe());
		}
		if (careDate.isBefore(r.referredOn())) {
			return ReferralCheck.refused(id, "not-yet-valid",
					"orientation n° " + id + " établie le " + r.referredOn() + ", après les soins");
		}
		if (careDate.isAfter(r.validUntil())) {
			return ReferralCheck.refused(id, "expired", "orientation n° " + id + " expirée le " + r.validUntil());
		}
		return ReferralCheck.compliant(id);
	}

	private Optional<Referral> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from referral where id = ?").param(id).query(Referrals::referral).optional();
	}

	static String folded(String text) {
		return Normalizer.normalize(text.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
	}

	private static Referral referral(ResultSet rs, int n) throws SQLException {
		return new Referral(rs.getLong("id"), rs.getString("patient_idcs"), rs.getString("referrer_inpe"),
				Referral.ReferrerKind.valueOf(rs.getString("referrer_kind")), rs.getString("to_specialty"),
				rs.getString("to_establishment_inpe"), rs.getString("reason"), rs.getObject("referred_on", LocalDate.class),
				rs.getObject("valid_until", LocalDate.class), rs.getString("recorded_by"),
				rs.getTimestamp("recorded_at").toInstant());
	}
}
