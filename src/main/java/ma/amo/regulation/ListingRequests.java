package ma.amo.regulation;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import ma.amo.shared.InvalidInput;
import ma.amo.shared.NotFound;
import ma.amo.shared.PageOf;
import ma.amo.shared.RuleBroken;
import ma.amo.shared.SearchFilters;
import ma.amo.shared.Viewer;
import ma.amo.shared.Violation;
import ma.amo.tariffs.Medicine;
import ma.amo.tariffs.MedicineReferential;
import ma.amo.tariffs.MedicineReferentials;
import ma.amo.tariffs.MedicinesGuide;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests to list a medicine in the reimbursed referential, followed through the Transparency Committee: filed,
 * complete (the file has every piece), examined at a session, the Committee's opinion, the decision, and at last the
 * published referential version that lists it. The regulator's desk files and moves them; the laboratory follows its
 * request with the reference and the code handed at filing.
 */
@Service
public class ListingRequests {

	private static final String COLUMNS = """
			id, reference, laboratory, code, product_name, dci, dosage, form, presentation, therapeutic_class,
			  brand_or_generic, proposed_ppv, proposed_ph, file_reference, status, filed_by, filed_on, completed_on,
			  session_date, opinion, opinion_on, decision, decision_on, published_version_id, published_from""";

	private final JdbcClient jdbc;
	private final MedicinesGuide guide;
	private final MedicineReferentials referentials;
	private final Clock clock;

	ListingRequests(JdbcClient jdbc, MedicinesGuide guide, MedicineReferentials referentials, Clock clock) {
		this.jdbc = jdbc;
		this.guide = guide;
		this.referentials = referentials;
		this.clock = clock;
	}

	@io.swagger.v3.oas.annotations.media.Schema(name = "ListingRequestFiled")
	public record Filed(ListingRequest request, String followUpCode) {
	}

	/**
	 * Files a request for a product not reimbursed today (absent from the referential in force, or listed at 0 %); a
	 * second request for the same code is a duplicate until the first is refused.
	 */
	@Transactional
	public Filed file(NewListingRequest r) {
		check(r);
		LocalDate today = LocalDate.now(clock);
		Optional<Medicine> listed = guide.inForce(r.code(), today);
		if (listed.isPresent() && listed.get().reimbursementRate().percent() > 0) {
			throw new RuleBroken("code", "already-reimbursed", "medicine " + r.code() + " is already reimbursed at "
					+ listed.get().reimbursementRate().percent() + " %");
		}
		Optional<String> earlier = jdbc.sql("select reference from listing_request where code = ? and decision is distinct from 'REFUSED'")
			.param(r.code()).query(String.class).optional();
		if (earlier.isPresent()) {
			throw new RuleBroken("code", "duplicate", "medicine " + r.code() + " is already the subject of request " + earlier.get());
		}
		String actor = Viewer.actingAccount();
		String code = FollowUpCode.draw();
		long id = jdbc.sql("select nextval('listing_request_id_seq')").query(Long.class).single();
		String reference = "DL-" + today.getYear() + "-" + String.format("%06d", id);
		jdbc.sql("""
				insert into listing_request (id, reference, follow_up_hash, laboratory, code, product_name, dci, dosage, form,
				  presentation, therapeutic_class, brand_or_generic, proposed_ppv, proposed_ph, file_reference, status,
				  filed_by, filed_on)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'FILED', ?, ?)""")
			.params(id, reference, FollowUpCode.hash(code), r.laboratory().strip(), r.code(), r.productName().strip(),
					r.dci().strip(), r.dosage().strip(), r.form().strip(), r.presentation().strip(),
					r.therapeuticClass() == null || r.therapeuticClass().isBlank() ? null : r.therapeuticClass().strip(),
					r.brandOrGeneric().toUpperCase(), r.proposedPpv(), r.proposedPh(), r.fileReference().strip(), actor, today)
			.update();
		step(id, ListingRequest.Status.FILED, today, actor, null);
		return new Filed(request(id), code);
	}

	/** A step of the Committee: its date, and the opinion or the decision at those steps. */
	@io.swagger.v3.oas.annotations.media.Schema(name = "ListingRequestStepTaken")
	public record StepTaken(ListingRequest.Status step, LocalDate date, ListingRequest.Opinion opinion,
			ListingRequest.Decision decision, String note) {
	}

	/**
	 * Records the next step, dated on or after the step before it and not after today: COMPLETE, EXAMINED (the date is
	 * the Committee's session), OPINION (favourable or not), DECISION (listed or refused). Publication is
	 * {@link #published}.
	 */
	@Transactional
	public ListingRequest take(long id, StepTaken s) {
		if (s == null || s.step() == null || s.date() == null) {
			throw new InvalidInput(s == null || s.step() == null ? "step" : "date", "required", "is required");
		}
		if (s.step() == ListingRequest.Status.FILED || s.step() == ListingRequest.Status.PUBLISHED) {
			throw new InvalidInput("step", "committee-step", "COMPLETE, EXAMINED, OPINION or DECISION; publication cites its version");
		}
		if (s.note() != null && s.note().length() > 2000) {
			throw new InvalidInput("note", "max-length", "at most 2000 characters");
		}
		ListingRequest request = locked(id);
		ListingRequest.Status step = request.next(s.step());
		dated(request, s.date());
		String column = switch (step) {
			case COMPLETE -> "completed_on";
			case EXAMINED -> "session_date";
			case OPINION -> "opinion_on";
			default -> "decision_on";
		};
		if (step == ListingRequest.Status.OPINION && s.opinion() == null) {
			throw new InvalidInput("opinion", "required", "FAVOURABLE or UNFAVOURABLE");
		}
		if (step == ListingRequest.Status.DECISION && s.decision() == null) {
			throw new InvalidInput("decision", "required", "LISTED or REFUSED");
		}
		jdbc.sql("update listing_request set status = ?, " + column + " = ?, opinion = coalesce(?, opinion), decision = coalesce(?, decision) where id = ?")
			.params(step.name(), s.date(), step == ListingRequest.Status.OPINION ? s.opinion().name() : null,
					step == ListingRequest.Status.DECISION ? s.decision().name() : null, id)
			.update();
		String note = s.note() == null || s.note().isBlank() ? null : s.note().strip();
		if (step == ListingRequest.Status.OPINION) {
			note = "avis " + (s.opinion() == ListingRequest.Opinion.FAVOURABLE ? "favorable" : "défavorable") + (note == null ? "" : " : " + note);
		}
		if (step == ListingRequest.Status.DECISION) {
			note = (s.decision() == ListingRequest.Decision.LISTED ? "inscription décidée" : "inscription refusée") + (note == null ? "" : " : " + note);
		}
		step(id, step, s.date(), Viewer.actingAccount(), note);
		return request(id);
	}

	/**
	 * Closes a request decided LISTED with the published referential version that lists the product, reimbursed:
	 * the request is published from that version's effective date.
	 */
	@Transactional
	public ListingRequest published(long id, Long versionId) {
		if (versionId == null || versionId < 1) {
			throw new InvalidInput("versionId", "required", "the id of the published medicines referential version");
		}
		ListingRequest request = locked(id);
		request.next(ListingRequest.Status.PUBLISHED);
		if (request.decision() != ListingRequest.Decision.LISTED) {
			throw new RuleBroken("decision", "listed", "only a request decided LISTED is published");
		}
		MedicineReferential version = referentials.referential(versionId);
		if (version.status() != MedicineReferential.Status.PUBLISHED) {
			throw new RuleBroken("versionId", "published-version", "version " + versionId + " is " + version.status());
		}
		Medicine medicine = guide.inVersion(versionId, request.code()).orElseThrow(() -> new RuleBroken("versionId",
				"lists-the-product", "version " + versionId + " does not list " + request.code()));
		if (medicine.reimbursementRate().percent() == 0) {
			throw new RuleBroken("versionId", "lists-the-product", "version " + versionId + " lists " + request.code() + " at 0 %");
		}
		if (version.effectiveFrom().isBefore(request.decisionOn())) {
			throw new RuleBroken("versionId", "after-decision", "version " + versionId + " takes effect before the decision");
		}
		jdbc.sql("update listing_request set status = 'PUBLISHED', published_version_id = ?, published_from = ? where id = ?")
			.params(versionId, version.effectiveFrom(), id).update();
		step(id, ListingRequest.Status.PUBLISHED, version.effectiveFrom(), Viewer.actingAccount(),
				"publié dans la version " + versionId + " du référentiel, au taux de " + medicine.reimbursementRate().percent() + " %");
		return request(id);
	}

	public ListingRequest request(long id) {
		return find(id).orElseThrow(() -> new NotFound("id", "no listing request " + id));
	}

	public PageOf<ListingRequest> requests(ListingRequest.Status status, int page, int size) {
		SearchFilters filters = new SearchFilters().add("status = :status", "status", status == null ? null : status.name());
		return filters.page(jdbc, "select " + COLUMNS + " from listing_request",
				status == null ? "filed_on desc, id desc" : "filed_on, id", page, size, (rs, n) -> request(rs, List.of()));
	}

	/** What the laboratory sees: the steps with their dates and notes. */
	@io.swagger.v3.oas.annotations.media.Schema(name = "ListingRequestFollowUp")
	public record FollowUp(String reference, String code, String productName, ListingRequest.Status status,
			ListingRequest.Decision decision, Long publishedVersionId, LocalDate publishedFrom,
			List<FollowUpStep> steps) {
	}

	@io.swagger.v3.oas.annotations.media.Schema(name = "ListingFollowUpStep")
	public record FollowUpStep(ListingRequest.Status status, LocalDate onDate, String note) {
	}

	public FollowUp followUp(String reference, String code) {
		String hash = reference == null || reference.length() > 30 ? null
				: jdbc.sql("select follow_up_hash from listing_request where reference = ?").param(reference)
					.query(String.class).optional().orElse(null);
		if (hash == null || !FollowUpCode.matches(code, hash)) {
			throw new NotFound("reference", "no request with this reference and code");
		}
		ListingRequest r = request(jdbc.sql("select id from listing_request where reference = ?").param(reference)
			.query(Long.class).single());
		return new FollowUp(r.reference(), r.code(), r.productName(), r.status(), r.decision(), r.publishedVersionId(),
				r.publishedFrom(), r.steps().stream().map(s -> new FollowUpStep(s.status(), s.onDate(), s.note())).toList());
	}

	private void dated(ListingRequest request, LocalDate date) {
		if (date.isAfter(LocalDate.now(clock))) {
			throw new InvalidInput("date", "past-or-present", "a step is recorded once taken: not after today");
		}
		if (date.isBefore(request.lastDate())) {
			throw new InvalidInput("date", "after-previous-step", "not before the previous step, on " + request.lastDate());
		}
	}

	private void check(NewListingRequest r) {
		if (r == null) {
			throw new InvalidInput("body", "required", "is required");
		}
		List<Violation> violations = new ArrayList<>();
		String[][] required = { { "laboratory", r.laboratory() }, { "productName", r.productName() }, { "dci", r.dci() },
				{ "dosage", r.dosage() }, { "form", r.form() }, { "presentation", r.presentation() },
				{ "fileReference", r.fileReference() } };
		for (String[] field : required) {
			if (field[1] == null || field[1].isBlank()) {
				violations.add(new Violation(field[0], "required", "is required"));
			}
		}
		if (r.code() == null || !r.code().matches("[0-9]{13}")) {
			violations.add(new Violation("code", "ean13", "the product's EAN-13 code: 13 digits"));
		}
		if (r.brandOrGeneric() == null || !r.brandOrGeneric().matches("[PGpg]")) {
			violations.add(new Violation("brandOrGeneric", "enum", "P (brand) or G (generic)"));
		}
		if (r.proposedPpv() == null) {
			violations.add(new Violation("proposedPpv", "required", "the public price proposed, in dirhams"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInput(violations);
		}
	}

	private void step(long id, ListingRequest.Status status, LocalDate on, String actor, String note) {
		jdbc.sql("insert into listing_request_step (request_id, at, status, on_date, actor, note) values (?, clock_timestamp(), ?, ?, ?, ?)")
			.params(id, status.name(), on, actor, note).update();
	}

	private ListingRequest locked(long id) {
		jdbc.sql("select id from listing_request where id = ? for update").param(id).query(Long.class).optional()
			.orElseThrow(() -> new NotFound("id", "no listing request " + id));
		return request(id);
	}

	private Optional<ListingRequest> find(long id) {
		List<ListingRequest.Step> steps = jdbc.sql("select at, status, on_date, actor, note from listing_request_step where request_id = ? order by at")
			.param(id)
			.query((rs, n) -> new ListingRequest.Step(rs.getTimestamp(1).toInstant(),
					ListingRequest.Status.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class), rs.getString(4),
					rs.getString(5)))
			.list();
		return jdbc.sql("select " + COLUMNS + " from listing_request where id = ?").param(id)
			.query((rs, n) -> request(rs, steps)).optional();
	}

	private static ListingRequest request(ResultSet rs, List<ListingRequest.Step> steps) throws SQLException {
		String opinion = rs.getString("opinion");
		String decision = rs.getString("decision");
		BigDecimal ph = rs.getBigDecimal("proposed_ph");
		return new ListingRequest(rs.getLong("id"), rs.getString("reference"), rs.getString("laboratory"),
				rs.getString("code"), rs.getString("product_name"), rs.getString("dci"), rs.getString("dosage"),
				rs.getString("form"), rs.getString("presentation"), rs.getString("therapeutic_class"),
				rs.getString("brand_or_generic").charAt(0), rs.getBigDecimal("proposed_ppv"), ph,
				rs.getString("file_reference"), ListingRequest.Status.valueOf(rs.getString("status")),
				rs.getString("filed_by"), rs.getObject("filed_on", LocalDate.class),
				rs.getObject("completed_on", LocalDate.class), rs.getObject("session_date", LocalDate.class),
				opinion == null ? null : ListingRequest.Opinion.valueOf(opinion), rs.getObject("opinion_on", LocalDate.class),
				decision == null ? null : ListingRequest.Decision.valueOf(decision),
				rs.getObject("decision_on", LocalDate.class), (Long) rs.getObject("published_version_id"),
				rs.getObject("published_from", LocalDate.class), steps);
	}
}
