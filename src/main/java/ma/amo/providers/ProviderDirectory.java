package ma.amo.providers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import ma.amo.parameters.ParameterValues;
import jakarta.validation.constraints.Size;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.NotFound;
import ma.amo.shared.PageOf;
import ma.amo.shared.RuleBroken;
import ma.amo.shared.SearchFilters;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The provider directory: registers establishments and professionals with a new INPE, records where professionals
 * practise, their conventions and status by date, and searches them.
 */
@Service
public class ProviderDirectory {

	private static final String ESTABLISHMENT = "inpe, name, category, sector, region, province, commune, territorial_health_group";
	private static final String PROFESSIONAL = "inpe, last_name, first_name, profession, specialty, region, province, commune";

	private final JdbcClient jdbc;
	private final ParameterValues parameters;

	ProviderDirectory(JdbcClient jdbc, ParameterValues parameters) {
		this.jdbc = jdbc;
		this.parameters = parameters;
	}

	/** What is needed to register an establishment; the INPE is assigned. */
	/** The twelve regions of the 2015 territorial division, written as the ministry's lists write them. */
	public static final List<String> REGIONS = List.of("Béni Mellal-Khénifra", "Casablanca-Settat", "Drâa-Tafilalet",
			"Eddakhla-Oued Eddahab", "Fès-Meknès", "Guelmim-Oued Noun", "Laayoune-Sakia El Hamra", "Marrakech-Safi",
			"Oriental", "Rabat-Salé-Kénitra", "Souss-Massa", "Tanger-Tetouan-Al Hoceima");

	/** The ministry's categories of public establishments (its 2022 lists), then those of the private sector. */
	public static final List<String> CATEGORIES = List.of("HP", "HR", "HIR", "HPr", "HPsyP", "CRO", "HPsyR", "CPU",
			"CSR-1", "CSR-2", "CSU-1", "CSU-2", "DR", "LSP", "CRSR", "CDTMR", "CLINIC", "PHARMACY", "LABORATORY",
			"RADIOLOGY", "OPTICIAN");

	private static void checkRegion(String region) {
		if (!REGIONS.contains(region)) {
			throw new InvalidInput("region", "region", "must be one of the twelve regions: " + String.join(", ", REGIONS));
		}
	}

	public record NewEstablishment(@Size(max = 200) String name, @Size(max = 10) String category, Sector sector,
			@Size(max = 100) String region, @Size(max = 100) String province, @Size(max = 100) String commune) {
	}

	/** What is needed to register a professional; the INPE is assigned. */
	public record NewProfessional(@Size(max = 100) String lastName, @Size(max = 100) String firstName,
			Profession profession, @Size(max = 100) String specialty, @Size(max = 100) String region,
			@Size(max = 100) String province, @Size(max = 100) String commune) {
	}

	/**
	 * Registers an establishment active from {@code activeFrom}, or returns the one already registered with the same
	 * sector, place, name and category (so that importing a list twice registers nothing twice).
	 */
	@Transactional
	public Registered<Establishment> register(NewEstablishment e, LocalDate activeFrom) {
		if (!CATEGORIES.contains(e.category())) {
			throw new InvalidInput("category", "category", "must be one of " + String.join(", ", CATEGORIES));
		}
		checkRegion(e.region());
		Optional<Establishment> existing = jdbc.sql("select " + ESTABLISHMENT + " " + """
				 from establishment where sector = ? and region = ? and province = ? and commune = ? and name = ?
				 and category = ?""")
			.params(e.sector().name(), e.region(), e.province(), e.commune(), e.name(), e.category())
			.query(ProviderDirectory::establishment).optional();
		if (existing.isPresent()) {
			return new Registered<>(existing.get(), false);
		}
		String inpe = nextInpe();
		String group = e.sector() == Sector.PUBLIC ? "GST " + e.region() : null;
		jdbc.sql("insert into establishment (" + ESTABLISHMENT + ") values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(inpe, e.name(), e.category(), e.sector().name(), e.region(), e.province(), e.commune(), group)
			.update();
		status(inpe, ProviderStatus.ACTIVE, activeFrom, "registration");
		if (e.sector() == Sector.PUBLIC) {
			publicConventions(inpe, activeFrom);
		}
		return new Registered<>(establishment(inpe), true);
	}

	@Transactional
	public Professional register(NewProfessional p, LocalDate activeFrom) {
		checkRegion(p.region());
		if ((p.profession() == Profession.SPECIALIST) != (p.specialty() != null && !p.specialty().isBlank())) {
			throw new InvalidInput("specialty", "specialists-only", "a specialist has a specialty, other professions none");
		}
		String inpe = nextInpe();
		jdbc.sql("insert into professional (" + PROFESSIONAL + ") values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(inpe, p.lastName(), p.firstName(), p.profession().name(), p.specialty(), p.region(), p.province(),
					p.commune())
			.update();
		status(inpe, ProviderStatus.ACTIVE, activeFrom, "registration");
		return professional(inpe);
	}

	/** A registration's result: the establishment, and whether it is new. */
	public record Registered<T>(T provider, boolean created) {
	}

	/** Records that a professional practises in an establishment from {@code start}. */
	@Transactional
	public void practise(String professionalInpe, String establishmentInpe, LocalDate start) {
		professional(professionalInpe);
		establishment(establishmentInpe);
		jdbc.sql("insert into practice (professional_inpe, establishment_inpe, start_date) values (?, ?, ?) on conflict do nothing")
			.params(professionalInpe, establishmentInpe, start).update();
	}

	/**
	 * A public establishment bills CNSS and CNOPS under the national agreement between the payer bodies and the
	 * Ministry of Health: under convention with both from the date of parameter {@code providers.public-convention-start}
	 * (the start of the AMO by default), as in force when it is registered (amo-rules.md, "Public establishments and
	 * payments"). An establishment registered before any value is in force gets none.
	 */
	private void publicConventions(String inpe, LocalDate registeredOn) {
		LocalDate start;
		try {
			start = LocalDate.parse(parameters.text("providers.public-convention-start", registeredOn).strip());
		}
		catch (NotFound e) {
			return;
		}
		for (String payerBody : new String[] { "CNSS", "CNOPS" }) {
			jdbc.sql("insert into convention (inpe, payer_body, start_date, end_date) values (?, ?, ?, null)")
				.params(inpe, payerBody, start).update();
		}
	}

	/** Records a convention with a payer body from {@code start} to {@code end} (open-ended when null). */
	@Transactional
	public void convention(String inpe, String payerBody, LocalDate start, LocalDate end) {
		requireProvider(inpe);
		if (!"CNSS".equals(payerBody) && !"CNOPS".equals(payerBody)) {
			throw new InvalidInput("payerBody", "enum", "must be CNSS or CNOPS");
		}
		if (start == null) {
			throw new InvalidInput("startDate", "required", "is required");
		}
		if (end != null && end.isBefore(start)) {
			throw new InvalidInput("endDate", "after-start", "must not be before the start date");
		}
		boolean overlaps = jdbc.sql("""
				select exists (select 1 from convention where inpe = ? and payer_body = ?
				  and start_date <= coalesce(?::date, 'infinity') and coalesce(end_date, 'infinity') >= ?)""")
			.params(inpe, payerBody, end, start).query(Boolean.class).single();
		if (overlaps) {
			throw new RuleBroken("startDate", "no-overlap", "a convention with " + payerBody + " already covers part of this period");
		}
		jdbc.sql("insert into convention (inpe, payer_body, start_date, end_date) values (?, ?, ?, ?)")
			.params(inpe, payerBody, start, end).update();
	}

	/** Whether the provider is under convention with the payer body on {@code date}. */
	public boolean conventionedOn(String inpe, String payerBody, LocalDate date) {
		return jdbc.sql("""
				select exists (select 1 from convention where inpe = ? and payer_body = ? and start_date <= ?
				  and (end_date is null or end_date >= ?))""")
			.params(inpe, payerBody, date, date).query(Boolean.class).single();
	}

	/** Records a status (active, suspended, closed) from a date. */
	@Transactional
	public void status(String inpe, ProviderStatus status, LocalDate from, String reason) {
		if (status == null || from == null) {
			throw new InvalidInput(status == null ? "status" : "effectiveFrom", "required", "is required");
		}
		requireProvider(inpe);
		jdbc.sql("""
				insert into provider_status (inpe, status, effective_from, reason) values (?, ?, ?, ?)
				on conflict (inpe, effective_from) do update set status = excluded.status, reason = excluded.reason""")
			.params(inpe, status.name(), from, reason).update();
	}

	/** The provider's status on {@code date}; empty before it was registered. */
	public Optional<ProviderStatus> statusOn(String inpe, LocalDate date) {
		return jdbc.sql("select status from provider_status where inpe = ? and effective_from <= ? order by effective_from desc limit 1")
			.params(inpe, date).query(String.class).optional().map(ProviderStatus::valueOf);
	}

	/**
	 * The status history of each of these providers, by the date it took effect: what {@link #statusOn} answers for
	 * any date, read in one query for many providers (the claims adjudicated together). An unknown INPE has none.
	 */
	public Map<String, NavigableMap<LocalDate, ProviderStatus>> statusHistories(Collection<String> inpes) {
		Map<String, NavigableMap<LocalDate, ProviderStatus>> histories = new HashMap<>();
		String[] asked = inpes.stream().filter(Objects::nonNull).distinct().toArray(String[]::new);
		if (asked.length > 0) {
			jdbc.sql("select inpe, effective_from, status from provider_status where inpe = any(?)").param(asked)
				.query(rs -> {
					histories.computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
						.put(rs.getObject(2, LocalDate.class), ProviderStatus.valueOf(rs.getString(3)));
				});
		}
		return histories;
	}

	public Establishment establishment(String inpe) {
		checkInpe(inpe);
		return findEstablishment(inpe).orElseThrow(() -> new NotFound("inpe", "no establishment with INPE " + inpe));
	}

	/**
	 * Fresh planner statistics after registering providers in bulk: without them, PostgreSQL reads the whole table
	 * for a name search instead of using its trigram index (37 requests/s against 660 on the benchmark).
	 */
	public void refreshStatistics() {
		jdbc.sql("analyze establishment, professional").update();
	}

	/** The establishment with this INPE; empty for a professional or an unknown INPE. */
	public Optional<Establishment> findEstablishment(String inpe) {
		checkInpe(inpe);
		return jdbc.sql("select " + ESTABLISHMENT + " from establishment where inpe = ?").param(inpe)
			.query(ProviderDirectory::establishment).optional();
	}

	public Professional professional(String inpe) {
		checkInpe(inpe);
		return jdbc.sql("select " + PROFESSIONAL + " from professional where inpe = ?").param(inpe)
			.query(ProviderDirectory::professional).optional()
			.orElseThrow(() -> new NotFound("inpe", "no professional with INPE " + inpe));
	}

	/** Establishments where the professional practises on {@code date}. */
	public List<Establishment> practices(String professionalInpe, LocalDate date) {
		return jdbc.sql("select e." + ESTABLISHMENT.replace(", ", ", e.") + " " + """
				 from practice p join establishment e on e.inpe = p.establishment_inpe
				 where p.professional_inpe = ? and p.start_date <= ? and (p.end_date is null or p.end_date >= ?)
				 order by e.name""")
			.params(professionalInpe, date, date).query(ProviderDirectory::establishment).list();
	}

	/** Professionals practising in the establishment on {@code date}: who may sign its care. */
	public List<Professional> staff(String establishmentInpe, LocalDate date) {
		return jdbc.sql("select p." + PROFESSIONAL.replace(", ", ", p.") + " " + """
				 from practice x join professional p on p.inpe = x.professional_inpe
				 where x.establishment_inpe = ? and x.start_date <= ? and (x.end_date is null or x.end_date >= ?)
				 order by p.last_name, p.first_name""")
			.params(establishmentInpe, date, date).query(ProviderDirectory::professional).list();
	}

	/** Filters of an establishment search; all optional. */
	public record EstablishmentQuery(String name, String inpe, String category, Sector sector, String region,
			String commune) {
	}

	/**
	 * Establishments matching every given filter; a name matches without accents or case and with a typo or two,
	 * best matches first.
	 */
	@Transactional(readOnly = true)
	public PageOf<Establishment> search(EstablishmentQuery q, int page, int size) {
		SearchFilters.tolerateTypos(jdbc);
		SearchFilters filters = new SearchFilters()
			.add("folded(:name) <% folded(name)", "name", q.name())
			.add("inpe = :inpe", "inpe", q.inpe())
			.add("category = :category", "category", q.category())
			.add("sector = :sector", "sector", q.sector() == null ? null : q.sector().name())
			.add("region = :region", "region", q.region())
			.add("folded(commune) = folded(:commune)", "commune", q.commune());
		String order = filters.has("name") ? "word_similarity(folded(:name), folded(name)) desc, name" : "name";
		return filters.page(jdbc, "select " + ESTABLISHMENT + " from establishment", order, page, size,
				ProviderDirectory::establishment);
	}

	/** Professionals matching every given filter; the name is searched like establishment names. */
	@Transactional(readOnly = true)
	public PageOf<Professional> searchProfessionals(String name, String inpe, Profession profession, String specialty,
			String commune, int page, int size) {
		SearchFilters.tolerateTypos(jdbc);
		SearchFilters filters = new SearchFilters()
			.add("folded(:name) <% folded(last_name || ' ' || first_name)", "name", name)
			.add("inpe = :inpe", "inpe", inpe)
			.add("profession = :profession", "profession", profession == null ? null : profession.name())
			.add("folded(specialty) = folded(:specialty)", "specialty", specialty)
			.add("folded(commune) = folded(:commune)", "commune", commune);
		String order = filters.has("name")
				? "word_similarity(folded(:name), folded(last_name || ' ' || first_name)) desc, last_name, first_name"
				: "last_name, first_name";
		return filters.page(jdbc, "select " + PROFESSIONAL + " from professional", order, page, size,
				ProviderDirectory::professional);
	}

	private void requireProvider(String inpe) {
		checkInpe(inpe);
		boolean known = jdbc.sql("select exists (select 1 from establishment where inpe = ?) or exists (select 1 from professional where inpe = ?)")
			.params(inpe, inpe).query(Boolean.class).single();
		if (!known) {
			throw new NotFound("inpe", "no provider with INPE " + inpe);
		}
	}

	private static void checkInpe(String inpe) {
		String problem = Inpe.problem(inpe);
		if (problem != null) {
			throw new InvalidInput("inpe", "inpe", problem);
		}
	}

	private String nextInpe() {
		return Inpe.of(jdbc.sql("select nextval('inpe_number')").query(Long.class).single());
	}

	static Establishment establishment(ResultSet rs, int n) throws SQLException {
		return new Establishment(rs.getString(1), rs.getString(2), rs.getString(3), Sector.valueOf(rs.getString(4)),
				rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8));
	}

	static Professional professional(ResultSet rs, int n) throws SQLException {
		return new Professional(rs.getString(1), rs.getString(2), rs.getString(3), Profession.valueOf(rs.getString(4)),
				rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8));
	}
}
