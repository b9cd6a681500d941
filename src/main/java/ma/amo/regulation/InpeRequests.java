package ma.amo.regulation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import ma.amo.providers.Profession;
import ma.amo.providers.ProviderDirectory;
import ma.amo.providers.Sector;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.NotFound;
import ma.amo.shared.PageOf;
import ma.amo.shared.RuleBroken;
import ma.amo.shared.SearchFilters;
import ma.amo.shared.Viewer;
import ma.amo.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests for an INPE. The regulator's desk files them from the applicant's papers (an applicant has no INPE yet,
 * so no provider account, and an open form would let anyone file in another's name); duplicates of a request not
 * refused (same order registration in the same profession, same establishment authorisation) are refused at filing.
 * A regulator asks for more or refuses with a reason; approval takes two regulator accounts, and issues the INPE by
 * registering the provider in the directory (eight digits and the Luhn check digit, as every INPE).
 */
@Service
public class InpeRequests {

	private static final String COLUMNS = """
			id, reference, kind, status, last_name, first_name, profession, specialty, diploma_reference, order_number,
			  name, category, sector, authorisation_reference, address, region, province, commune, filed_by, filed_on,
			  approval_proposed_by, decided_by, decided_on, refusal_reason, inpe""";

	private final JdbcClient jdbc;
	private final ProviderDirectory directory;
	private final Clock clock;

	InpeRequests(JdbcClient jdbc, ProviderDirectory directory, Clock clock) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.clock = clock;
	}

	/** A request filed: the request, and the follow-up code handed to the applicant once (only its hash is kept). */
	@io.swagger.v3.oas.annotations.media.Schema(name = "InpeRequestFiled")
	public record Filed(InpeRequest request, String followUpCode) {
	}

	@Transactional
	public Filed file(NewInpeRequest r) {
		check(r);
		duplicates(r);
		String actor = Viewer.actingAccount();
		LocalDate today = LocalDate.now(clock);
		String code = FollowUpCode.draw();
		boolean professional = r.kind() == InpeRequest.Kind.PROFESSIONAL;
		long id = jdbc.sql("select nextval('inpe_request_id_seq')").query(Long.class).single();
		String reference = "DI-" + today.getYear() + "-" + String.format("%06d", id);
		jdbc.sql("""
				insert into inpe_request (id, reference, follow_up_hash, kind, status, last_name, first_name, profession,
				  specialty, diploma_reference, order_number, name, category, sector, authorisation_reference, address,
				  region, province, commune, filed_by, filed_on)
				values (?, ?, ?, ?, 'FILED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, reference, FollowUpCode.hash(code), r.kind().name(),
					professional ? strip(r.lastName()) : null, professional ? strip(r.firstName()) : null,
					professional ? r.profession().name() : null, professional ? strip(r.specialty()) : null,
					professional ? strip(r.diplomaReference()) : null, professional ? strip(r.orderNumber()) : null,
					professional ? null : strip(r.name()), professional ? null : r.category(),
					professional ? null : r.sector().name(), professional ? null : strip(r.authorisationReference()),
					professional ? null : strip(r.address()), r.region(), strip(r.province()), strip(r.commune()), actor,
					today)
			.update();
		step(id, InpeRequest.Status.FILED, actor, null);
		return new Filed(request(id), code);
	}

	/** Asks the applicant for more (the message says what), from a request under examination. */
	@Transactional
	public InpeRequest requestInformation(long id, String message) {
		String text = InvalidInput.requiredText("message", message, 2000);
		InpeRequest request = locked(id);
		return move(request, request.informationRequested(), text);
	}

	/** Records the applicant's answer brought to the desk: the request is examined again. */
	@Transactional
	public InpeRequest answer(long id, String message) {
		String text = InvalidInput.requiredText("message", message, 2000);
		InpeRequest request = locked(id);
		return move(request, request.answered(), text);
	}

	/** A first regulator proposes to approve: a second one approves. */
	@Transactional
	public InpeRequest proposeApproval(long id) {
		InpeRequest request = locked(id);
		InpeRequest.Status next = request.approvalProposed();
		jdbc.sql("update inpe_request set approval_proposed_by = ? where id = ?").params(Viewer.actingAccount(), id).update();
		return move(request, next, null);
	}

	/**
	 * The second regulator approves: the provider is registered in the directory, active from today, and the INPE it
	 * receives is the request's. An establishment already in the directory (same sector, place, name and category) is
	 * a duplicate: nothing is issued.
	 */
	@Transactional
	public InpeRequest approve(long id) {
		InpeRequest request = locked(id);
		String checker = Viewer.actingAccount();
		InpeRequest.Status next = request.approved(checker);
		LocalDate today = LocalDate.now(clock);
		String inpe;
		if (request.kind() == InpeRequest.Kind.PROFESSIONAL) {
			inpe = directory.register(new ProviderDirectory.NewProfessional(request.lastName(), request.firstName(),
					request.profession(), request.specialty(), request.region(), request.province(), request.commune()),
					today).inpe();
		}
		else {
			ProviderDirectory.Registered<ma.amo.providers.Establishment> registered = directory.register(
					new ProviderDirectory.NewEstablishment(request.name(), request.category(), request.sector(),
							request.region(), request.province(), request.commune()), today);
			if (!registered.created()) {
				throw new RuleBroken("name", "duplicate-establishment", "the establishment is already in the directory with INPE "
						+ registered.provider().inpe());
			}
			inpe = registered.provider().inpe();
		}
		jdbc.sql("update inpe_request set inpe = ?, decided_by = ?, decided_on = ?, status = ? where id = ?")
			.params(inpe, checker, today, next.name(), id).update();
		step(id, next, checker, "INPE attribué : " + inpe);
		return request(id);
	}

	/** Refuses the request with the reason given to the applicant. */
	@Transactional
	public InpeRequest refuse(long id, String reason) {
		String text = InvalidInput.requiredText("reason", reason, 2000);
		InpeRequest request = locked(id);
		InpeRequest.Status next = request.refused();
		jdbc.sql("update inpe_request set refusal_reason = ?, decided_by = ?, decided_on = ? where id = ?")
			.params(text, Viewer.actingAccount(), LocalDate.now(clock), id).update();
		return move(request, next, text);
	}

	public InpeRequest request(long id) {
		return find(id).orElseThrow(() -> new NotFound("id", "no INPE request " + id));
	}

	/** Requests, oldest first in a status (the regulator's queue), or all newest first. */
	public PageOf<InpeRequest> requests(InpeRequest.Status status, int page, int size) {
		SearchFilters filters = new SearchFilters().add("status = :status", "status", status == null ? null : status.name());
		return filters.page(jdbc, "select " + COLUMNS + " from inpe_request",
				status == null ? "filed_on desc, id desc" : "filed_on, id", page, size,
				(rs, n) -> request(rs, List.of()));
	}

	/** What the applicant sees with the reference and the code: the status, the dates and the messages. */
	@io.swagger.v3.oas.annotations.media.Schema(name = "InpeRequestFollowUp")
	public record FollowUp(String reference, InpeRequest.Kind kind, InpeRequest.Status status, LocalDate filedOn,
			LocalDate decidedOn, String refusalReason, String inpe, List<FollowUpStep> steps) {
	}

	@io.swagger.v3.oas.annotations.media.Schema(name = "InpeRequestFollowUpStep")
	public record FollowUpStep(java.time.Instant at, InpeRequest.Status status, String message) {
	}

	/** The request for its applicant; an unknown reference and a wrong code answer the same, so neither is learnt. */
	public FollowUp followUp(String reference, String code) {
		String hash = reference == null || reference.length() > 30 ? null
				: jdbc.sql("select follow_up_hash from inpe_request where reference = ?").param(reference)
					.query(String.class).optional().orElse(null);
		if (hash == null || !FollowUpCode.matches(code, hash)) {
			throw new NotFound("reference", "no request with this reference and code");
		}
		InpeRequest r = request(jdbc.sql("select id from inpe_request where reference = ?").param(reference)
			.query(Long.class).single());
		return new FollowUp(r.reference(), r.kind(), r.status(), r.filedOn(), r.decidedOn(), r.refusalReason(), r.inpe(),
				r.steps().stream().map(s -> new FollowUpStep(s.at(), s.status(), s.message())).toList());
	}

	private InpeRequest move(InpeRequest request, InpeRequest.Status next, String message) {
		jdbc.sql("update inpe_request set status = ? where id = ?").params(next.name(), request.id()).update();
		step(request.id(), next, Viewer.actingAccount(), message);
		return request(request.id());
	}

	private void step(long id, InpeRequest.Status status, String actor, String message) {
		jdbc.sql("insert into inpe_request_step (request_id, at, status, actor, message) values (?, clock_timestamp(), ?, ?, ?)")
			.params(id, status.name(), actor, message).update();
	}

	private InpeRequest locked(long id) {
		jdbc.sql("select id from inpe_request where id = ? for update").param(id).query(Long.class).optional()
			.orElseThrow(() -> new NotFound("id", "no INPE request " + id));
		return request(id);
	}

	private Optional<InpeRequest> find(long id) {
		List<InpeRequest.Step> steps = jdbc.sql("select at, status, actor, message from inpe_request_step where request_id = ? order by at")
			.param(id)
			.query((rs, n) -> new InpeRequest.Step(rs.getTimestamp(1).toInstant(), InpeRequest.Status.valueOf(rs.getString(2)),
					rs.getString(3), rs.getString(4)))
			.list();
		return jdbc.sql("select " + COLUMNS + " from inpe_request where id = ?").param(id)
			.query((rs, n) -> request(rs, steps)).optional();
	}

	private void check(NewInpeRequest r) {
		if (r == null || r.kind() == null) {
			throw new InvalidInput("kind", "required", "PROFESSIONAL or ESTABLISHMENT");
		}
		List<Violation> violations = new ArrayList<>();
		if (r.kind() == InpeRequest.Kind.PROFESSIONAL) {
			required(violations, "lastName", r.lastName());
			required(violations, "firstName", r.firstName());
			required(violations, "diplomaReference", r.diplomaReference());
			if (r.profession() == null) {
				violations.add(new Violation("profession", "required", "is required"));
			}
			else if ((r.profession() == Profession.SPECIALIST) != (r.specialty() != null && !r.specialty().isBlank())) {
				violations.add(new Violation("specialty", "specialists-only", "a specialist has a specialty, other professions none"));
			}
			if (r.orderNumber() == null || !r.orderNumber().strip().matches("[A-Za-z0-9][A-Za-z0-9/ .-]{0,29}")) {
				violations.add(new Violation("orderNumber", "order-number",
						"the registration number at the professional order: letters, digits, / . - and spaces, 30 at most"));
			}
		}
		else {
			required(violations, "name", r.name());
			required(violations, "address", r.address());
			if (!ProviderDirectory.CATEGORIES.contains(r.category())) {
				violations.add(new Violation("category", "category", "must be one of " + String.join(", ", ProviderDirectory.CATEGORIES)));
			}
			if (r.sector() == null) {
				violations.add(new Violation("sector", "required", "PUBLIC or PRIVATE"));
			}
			if (r.authorisationReference() == null || !r.authorisationReference().strip().matches("[A-Za-z0-9][A-Za-z0-9/ .-]{0,99}")) {
				violations.add(new Violation("authorisationReference", "authorisation",
						"the reference of the authorisation to open: letters, digits, / . - and spaces"));
			}
		}
		if (!ProviderDirectory.REGIONS.contains(r.region())) {
			violations.add(new Violation("region", "region", "must be one of the twelve regions"));
		}
		required(violations, "province", r.province());
		required(violations, "commune", r.commune());
		if (!violations.isEmpty()) {
			throw new InvalidInput(violations);
		}
	}

	/** A second request for the same order registration or authorisation, unless the first was refused. */
	private void duplicates(NewInpeRequest r) {
		Optional<String> earlier = r.kind() == InpeRequest.Kind.PROFESSIONAL
				? jdbc.sql("""
						select reference from inpe_request where kind = 'PROFESSIONAL' and status <> 'REFUSED'
						  and profession = ? and upper(order_number) = upper(?)""")
					.params(r.profession().name(), r.orderNumber().strip()).query(String.class).optional()
				: jdbc.sql("""
						select reference from inpe_request where kind = 'ESTABLISHMENT' and status <> 'REFUSED'
						  and upper(authorisation_reference) = upper(?)""")
					.param(r.authorisationReference().strip()).query(String.class).optional();
		if (earlier.isPresent()) {
			boolean professional = r.kind() == InpeRequest.Kind.PROFESSIONAL;
			throw new RuleBroken(professional ? "orderNumber" : "authorisationReference", "duplicate",
					(professional ? "this order registration" : "this authorisation") + " is already the subject of request "
							+ earlier.get());
		}
	}

	private static void required(List<Violation> violations, String field, String value) {
		if (value == null || value.isBlank()) {
			violations.add(new Violation(field, "required", "is required"));
		}
	}

	private static String strip(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static InpeRequest request(ResultSet rs, List<InpeRequest.Step> steps) throws SQLException {
		String profession = rs.getString("profession");
		String sector = rs.getString("sector");
		return new InpeRequest(rs.getLong("id"), rs.getString("reference"), InpeRequest.Kind.valueOf(rs.getString("kind")),
				InpeRequest.Status.valueOf(rs.getString("status")), rs.getString("last_name"), rs.getString("first_name"),
				profession == null ? null : Profession.valueOf(profession), rs.getString("specialty"),
				rs.getString("diploma_reference"), rs.getString("order_number"), rs.getString("name"),
				rs.getString("category"), sector == null ? null : Sector.valueOf(sector),
				rs.getString("authorisation_reference"), rs.getString("address"), rs.getString("region"),
				rs.getString("province"), rs.getString("commune"), rs.getString("filed_by"),
				rs.getObject("filed_on", LocalDate.class), rs.getString("approval_proposed_by"), rs.getString("decided_by"),
				rs.getObject("decided_on", LocalDate.class), rs.getString("refusal_reason"), rs.getString("inpe"), steps);
	}
}
