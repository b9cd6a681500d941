package ma.amo.conventions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import ma.amo.providers.Inpe;
import ma.amo.providers.Professional;
import ma.amo.providers.ProviderDirectory;
import ma.amo.shared.InputBounds;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.NotFound;
import ma.amo.shared.PageOf;
import ma.amo.shared.RuleBroken;
import ma.amo.shared.SearchFilters;
import ma.amo.shared.Viewer;
import ma.amo.shared.Violation;
import ma.amo.tariffs.TariffVersions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The conventions on record: a regulator proposes one, a second regulator signs it off; providers adhere to and
 * withdraw from a convention with their professional body; and the convention in force on a date for a provider and
 * a payer body, which tiers payant requires. A convention applies a published tariff version: the claims are priced
 * with the version in force on the date of care, so a version still proposed or rejected is refused at the proposal.
 */
@Service
public class Conventions {

	/** Letters, digits and hyphens; the directory's own periods are numbered with the reserved prefix. */
	public static final Pattern NUMBER = Pattern.compile("[A-Za-z0-9-]{1,40}");
	static final String DIRECTORY_PREFIX = "ANNUAIRE-";

	private static final String COLUMNS = """
			number, title, payer_body, professional_body, establishment_inpe, tariff_version_id, start_date, end_date,
			  signed_on, signatories, status, proposed_by, approved_by, origin""";

	private final JdbcClient jdbc;
	private final ProviderDirectory directory;
	private final TariffVersions tariffs;
	private final Clock clock;
	private final ConventionCovers covers;

	Conventions(JdbcClient jdbc, ProviderDirectory directory, TariffVersions tariffs, Clock clock,
			ConventionCovers covers) {
		this.jdbc = jdbc;
		this.covers = covers;
		this.directory = directory;
		this.tariffs = tariffs;
		this.clock = clock;
	}

	/** A convention as proposed: exactly one of professionalBody and establishmentInpe. */
	@Schema(name = "ConventionProposal")
	public record Proposal(@Size(max = 40) String number, @Size(max = 200) String title, @Size(max = 10) String payerBody,
			ProfessionalBody professionalBody, @Size(max = 9) String establishmentInpe, Long tariffVersionId,
			LocalDate startDate, LocalDate endDate, LocalDate signedOn, @Size(max = 500) String signatories) {
	}

	@Transactional
	public Convention propose(Proposal p) {
		if (p == null) {
			throw new InvalidInput("number", "required", "a convention is required");
		}
		List<Violation> violations = new ArrayList<>();
		if (p.number() == null || !NUMBER.matcher(p.number()).matches()) {
			violations.add(new Violation("number", "pattern", "letters, digits and hyphens, 1 to 40"));
		}
		else if (p.number().toUpperCase().startsWith(DIRECTORY_PREFIX)) {
			violations.add(new Violation("number", "reserved", "the prefix " + DIRECTORY_PREFIX + " numbers the directory's periods"));
		}
		text(violations, "title", p.title(), 200);
		text(violations, "signatories", p.signatories(), 500);
		if (!"CNSS".equals(p.payerBody()) && !"CNOPS".equals(p.payerBody())) {
			violations.add(new Violation("payerBody", "enum", "must be CNSS or CNOPS"));
		}
		if ((p.professionalBody() == null) == (p.establishmentInpe() == null)) {
			violations.add(new Violation("establishmentInpe", "one-party",
					"a convention is signed with a professional body or with one establishment, not both"));
		}
		else if (p.establishmentInpe() != null && Inpe.problem(p.establishmentInpe()) != null) {
			violations.add(new Violation("establishmentInpe", "inpe", Inpe.problem(p.establishmentInpe())));
		}
		if (p.tariffVersionId() == null) {
			violations.add(new Violation("tariffVersionId", "required", "the published tariff version the convention applies"));
		}
		date(violations, "startDate", p.startDate(), true);
		date(violations, "endDate", p.endDate(), false);
		date(violations, "signedOn", p.signedOn(), true);
		if (p.startDate() != null && p.endDate() != null && p.endDate().isBefore(p.startDate())) {
			violations.add(new Violation("endDate", "after-start", "must not be before the start date"));
		}
		if (p.signedOn() != null && p.signedOn().isAfter(LocalDate.now(clock))) {
			violations.add(new Violation("signedOn", "not-future", "a convention is proposed once signed"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInput(violations);
		}
		if (!published(p.tariffVersionId())) {
			throw new InvalidInput("tariffVersionId", "published", "must be a published version of the reference tariff");
		}
		if (p.establishmentInpe() != null) {
			directory.establishment(p.establishmentInpe());
		}
		if (jdbc.sql("select exists (select 1 from convention_record where upper(number) = upper(?))").param(p.number())
			.query(Boolean.class).single()) {
			throw new RuleBroken("number", "unique", "a convention numbered " + p.number() + " is already on record");
		}
		jdbc.sql("""
				insert into convention_record (number, title, payer_body, professional_body, establishment_inpe,
				  tariff_version_id, start_date, end_date, signed_on, signatories, status, proposed_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?)""")
			.params(p.number(), p.title().strip(), p.payerBody(),
					p.professionalBody() == null ? null : p.professionalBody().name(), p.establishmentInpe(),
					p.tariffVersionId(), p.startDate(), p.endDate(), p.signedOn(), p.signatories().strip(),
					Viewer.actingAccount())
			.update();
		return convention(p.number());
	}

	/**
	 * A second regulator signs the convention off; an establishment's own convention must not overlap another of
	 * the establishment with the same payer body (its directory periods included).
	 */
	@Transactional
	public Convention approve(String number) {
		Convention c = locked(number);
		String checker = Viewer.actingAccount();
		if (c.status() != Convention.Status.DRAFT) {
			throw new RuleBroken("number", "already-decided", "convention " + number + " is already signed off");
		}
		if (checker.equals(c.proposedBy())) {
			throw new RuleBroken("account", "maker-checker", "the regulator who proposed a convention cannot approve it");
		}
		if (c.establishmentInpe() != null && jdbc.sql("""
				select exists (select 1 from convention_register where establishment_inpe = ? and payer_body = ?
				  and status = 'SIGNED' and start_date <= coalesce(?::date, 'infinity')
				  and coalesce(end_date, 'infinity') >= ?)""")
			.params(c.establishmentInpe(), c.payerBody(), c.endDate(), c.startDate()).query(Boolean.class).single()) {
			throw new RuleBroken("number", "no-overlap", "the establishment already has a convention with "
					+ c.payerBody() + " over part of this period");
		}
		jdbc.sql("update convention_record set status = 'SIGNED', approved_by = ?, approved_at = now() where number = ?")
			.params(checker, c.number()).update();
		return convention(c.number());
	}

	/** A professional adheres to a signed convention of their professional body from a date within its period. */
	@Schema(name = "ConventionAdherenceRequest")
	public record AdherenceRequest(@Size(max = 9) String inpe, LocalDate adheredOn) {
	}

	@Transactional
	public Convention.Adherence adhere(String number, AdherenceRequest a) {
		Convention c = locked(number);
		if (c.professionalBody() == null || c.status() == Convention.Status.DRAFT) {
			throw new RuleBroken("number", "adherence", "providers adhere to a signed convention with a professional body");
		}
		List<Violation> violations = new ArrayList<>();
		String inpe = a == null ? null : a.inpe();
		if (Inpe.problem(inpe) != null) {
			violations.add(new Violation("inpe", "inpe", Inpe.problem(inpe)));
		}
		date(violations, "adheredOn", a == null ? null : a.adheredOn(), true);
		if (!violations.isEmpty()) {
			throw new InvalidInput(violations);
		}
		LocalDate on = a.adheredOn();
		if (on.isBefore(c.startDate()) || c.endDate() != null && on.isAfter(c.endDate())) {
			throw new InvalidInput("adheredOn", "within-convention", "must fall within the convention's period");
		}
		Professional professional = directory.professional(inpe);
		if (!c.professionalBody().represents(professional.profession())) {
			throw new InvalidInput("inpe", "profession", "a " + professional.profession() + " does not adhere through "
					+ c.professionalBody());
		}
		boolean overlaps = jdbc.sql("""
				select exists (select 1 from convention_adherence a join convention_record r on r.id = a.convention_id
				  where a.inpe = ? and r.payer_body = ?
				    and a.adhered_on < coalesce(?::date + 1, 'infinity')
				    and coalesce(least(a.withdrawn_on, r.end_date + 1), 'infinity') > ?)""")
			.params(inpe, c.payerBody(), c.endDate(), on).query(Boolean.class).single();
		if (overlaps) {
			throw new RuleBroken("inpe", "no-overlap", "the provider already adheres to a convention with " + c.payerBody()
					+ " over part of this period");
		}
		jdbc.sql("""
				insert into convention_adherence (convention_id, inpe, adhered_on, recorded_by)
				select id, ?, ?, ? from convention_record where number = ?""")
			.params(inpe, on, Viewer.actingAccount(), c.number()).update();
		return new Convention.Adherence(inpe, on, null, Viewer.actingAccount());
	}

	@Schema(name = "ConventionWithdrawal")
	public record Withdrawal(LocalDate withdrawnOn) {
	}

	/** The provider leaves the convention: no longer covered from {@code withdrawnOn}. */
	@Transactional
	public Convention.Adherence withdraw(String number, String inpe, Withdrawal w) {
		Convention c = locked(number);
		if (Inpe.problem(inpe) != null) {
			throw new InvalidInput("inpe", "inpe", Inpe.problem(inpe));
		}
		List<Violation> violations = new ArrayList<>();
		date(violations, "withdrawnOn", w == null ? null : w.withdrawnOn(), true);
		if (!violations.isEmpty()) {
			throw new InvalidInput(violations);
		}
		Convention.Adherence open = adherents(c.number()).stream()
			.filter(a -> a.inpe().equals(inpe) && a.withdrawnOn() == null).findFirst()
			.orElseThrow(() -> new NotFound("inpe", "provider " + inpe + " has no current adherence to " + c.number()));
		if (!w.withdrawnOn().isAfter(open.adheredOn())) {
			throw new InvalidInput("withdrawnOn", "after-adherence", "must be after the adherence date");
		}
		jdbc.sql("""
				update convention_adherence set withdrawn_on = ? where inpe = ? and adhered_on = ?
				  and convention_id = (select id from convention_record where number = ?)""")
			.params(w.withdrawnOn(), inpe, open.adheredOn(), c.number()).update();
		return new Convention.Adherence(inpe, open.adheredOn(), w.withdrawnOn(), open.recordedBy());
	}

	/** A convention by its number, records and directory periods alike. */
	public Convention convention(String number) {
		if (number == null || !NUMBER.matcher(number).matches()) {
			throw new InvalidInput("number", "pattern", "letters, digits and hyphens, 1 to 40");
		}
		return jdbc.sql("select " + COLUMNS + " from convention_register where number = ?").param(number)
			.query(this::row).optional().orElseThrow(() -> new NotFound("number", "no convention " + number));
	}

	/** The providers who adhere or adhered to a convention, the latest first. */
	public List<Convention.Adherence> adherents(String number) {
		return jdbc.sql("""
				select a.inpe, a.adhered_on, a.withdrawn_on, a.recorded_by from convention_adherence a
				join convention_record r on r.id = a.convention_id where r.number = ? order by a.adhered_on desc, a.inpe""")
			.param(number)
			.query((rs, n) -> new Convention.Adherence(rs.getString(1), rs.getObject(2, LocalDate.class),
					rs.getObject(3, LocalDate.class), rs.getString(4)))
			.list();
	}

	/**
	 * Conventions matching all the given filters: the payer body, a provider (the establishment party or an adherent),
	 * a text in the number or title; the regulator's records first, then the latest.
	 */
	public PageOf<Convention> search(String payerBody, String inpe, String text, int page, int size) {
		PageOf.check(page, size, 200);
		if (payerBody != null && !payerBody.isBlank() && !"CNSS".equals(payerBody) && !"CNOPS".equals(payerBody)) {
			throw new InvalidInput("payerBody", "enum", "must be CNSS or CNOPS");
		}
		if (inpe != null && !inpe.isBlank() && Inpe.problem(inpe) != null) {
			throw new InvalidInput("inpe", "inpe", Inpe.problem(inpe));
		}
		if (text != null && InputBounds.textProblem(text, 100) != null) {
			throw new InvalidInput("text", "text", InputBounds.textProblem(text, 100));
		}
		return new SearchFilters().add("payer_body = :payer", "payer", blankless(payerBody))
			.add("(establishment_inpe = :inpe or id in (select convention_id from convention_adherence where inpe = :inpe))",
					"inpe", blankless(inpe))
			.add("(folded(number) like folded(:text) or folded(title) like folded(:text))", "text",
					blankless(text) == null ? null : "%" + text.strip() + "%")
			.page(jdbc, "select " + COLUMNS + " from convention_register", "(origin = 'RECORD') desc, start_date desc, number",
					page, size, this::row);
	}

	/**
	 * The convention under which a provider invoices the payer body on {@code date}: the establishment's own (a
	 * record or a directory period), else the executing professional's adherence; empty when there is none.
	 */
	public Optional<Convention.Cover> coverOn(String executingInpe, String establishmentInpe, String payerBody, LocalDate date) {
		return covers.of(java.util.Arrays.asList(executingInpe, establishmentInpe))
			.on(executingInpe, establishmentInpe, payerBody, date);
	}

	/** The professional's latest withdrawal, on or before {@code date}, from a convention with the payer body. */
	public Optional<Convention.Cover> withdrawnBefore(String inpe, String payerBody, LocalDate date) {
		return jdbc.sql("""
				select r.number, r.tariff_version_id, a.inpe, a.withdrawn_on from convention_adherence a
				  join convention_record r on r.id = a.convention_id
				  where a.inpe = ? and r.payer_body = ? and a.withdrawn_on <= ? order by a.withdrawn_on desc limit 1""")
			.params(inpe, payerBody, date)
			.query((rs, n) -> new Convention.Cover(rs.getString(1), (Long) rs.getObject(2), rs.getString(3), true))
			.optional();
	}

	private boolean published(long versionId) {
		try {
			return "PUBLISHED".equals(tariffs.version(versionId).status());
		}
		catch (NotFound unknown) {
			return false;
		}
	}

	private Convention locked(String number) {
		Convention c = convention(number);
		if (c.origin() == Convention.Origin.DIRECTORY) {
			throw new RuleBroken("number", "directory-period", "a directory period is changed through referential changes");
		}
		jdbc.sql("select id from convention_record where number = ? for update").param(number).query(Long.class).single();
		return convention(number);
	}

	private Convention row(ResultSet rs, int n) throws SQLException {
		String body = rs.getString("professional_body");
		LocalDate start = rs.getObject("start_date", LocalDate.class);
		LocalDate end = rs.getObject("end_date", LocalDate.class);
		return new Convention(rs.getString("number"), rs.getString("title"), rs.getString("payer_body"),
				body == null ? null : ProfessionalBody.valueOf(body), rs.getString("establishment_inpe"),
				(Long) rs.getObject("tariff_version_id"), start, end, rs.getObject("signed_on", LocalDate.class),
				rs.getString("signatories"), Convention.status(rs.getString("status"), start, end, LocalDate.now(clock)),
				rs.getString("proposed_by"), rs.getString("approved_by"),
				Convention.Origin.valueOf(rs.getString("origin")));
	}

	private static void text(List<Violation> violations, String field, String value, int max) {
		if (value == null || value.isBlank()) {
			violations.add(new Violation(field, "required", "is required"));
		}
		else if (InputBounds.textProblem(value, max) != null) {
			violations.add(new Violation(field, "text", InputBounds.textProblem(value, max)));
		}
	}

	private static void date(List<Violation> violations, String field, LocalDate value, boolean required) {
		if (value == null ? required : InputBounds.dateProblem(value) != null) {
			violations.add(new Violation(field, value == null ? "required" : "date", "a date between 1900 and 2100"));
		}
	}

	private static String blankless(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
