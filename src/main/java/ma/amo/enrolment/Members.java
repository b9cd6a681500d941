package ma.amo.enrolment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import ma.amo.shared.SearchFilters;
import ma.amo.shared.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Members, their regime periods, declared days, suspensions and dependants, in PostgreSQL. */
@Repository
class Members {

	private static final String MEMBER = "select id, idcs, payer_body, registration_number, registered_on from member ";
	private static final String ENROLMENT = "select id, member_id, regime, start_date, end_date, end_reason, waiting_waived from enrolment ";
	private static final String DEPENDANT = "select id, member_id, idcs, relation, start_date, end_date, end_reason, student_until, disabled from dependant ";

	private final JdbcClient jdbc;

	Members(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Member> byRegistrationNumber(String registrationNumber) {
		return jdbc.sql(MEMBER + "where registration_number = ?").param(registrationNumber).query(Members::member).optional();
	}

	List<Member> byIdcs(String idcs) {
		return jdbc.sql(MEMBER + "where idcs = ? order by payer_body").param(idcs).query(Members::member).list();
	}

	Optional<Member> byPayer(PayerBody payer, String idcs) {
		return jdbc.sql(MEMBER + "where payer_body = ? and idcs = ?").params(payer.name(), idcs).query(Members::member).optional();
	}

	List<Member> page(Viewer viewer, int page, int size) {
		SearchFilters scope = scope(viewer);
		return jdbc.sql(MEMBER + scope.where() + " order by id limit :size offset :offset").params(scope.params())
			.param("size", size).param("offset", (long) page * size).query(Members::member).list();
	}

	long count(Viewer viewer) {
		SearchFilters scope = scope(viewer);
		return jdbc.sql("select count(*) from member" + scope.where()).params(scope.params()).query(Long.class).single();
	}

	/**
	 * The members a viewer's scope covers, as for one member read by its number: an agent's payer body's, and their
	 * region's (where the person lives in the register) when the agent has one.
	 */
	private static SearchFilters scope(Viewer viewer) {
		SearchFilters filters = new SearchFilters();
		if (viewer != null && viewer.role() == Viewer.Role.PAYER_AGENT) {
			filters.add("payer_body = :payerBody", "payerBody", viewer.payerBody())
				.add("exists (select 1 from person p where p.idcs = member.idcs and p.region = :region)", "region",
						viewer.region());
		}
		return filters;
	}

	Member register(String idcs, PayerBody payer, LocalDate on) {
		long number = jdbc.sql("select nextval(?)").param(payer == PayerBody.CNSS ? "registration_cnss" : "registration_cnops")
			.query(Long.class).single();
		String registration = RegistrationNumber.of(number);
		long id = jdbc.sql("insert into member (idcs, payer_body, registration_number, registered_on) values (?, ?, ?, ?) returning id")
			.params(idcs, payer.name(), registration, on).query(Long.class).single();
		return new Member(id, idcs, payer, registration, on);
	}

	/** The periods in a regime covering a date, with their members, in registration order. */
	List<MemberEnrolment.Enrolled> enrolledOn(Regime regime, LocalDate date) {
		return jdbc.sql("""
				select m.id, m.idcs, m.payer_body, m.registration_number, m.registered_on, e.id, e.member_id, e.regime,
				  e.start_date, e.end_date, e.end_reason, e.waiting_waived
				from enrolment e join member m on m.id = e.member_id
				where e.regime = ? and e.start_date <= ? and (e.end_date is null or e.end_date >= ?)
				order by m.registration_number""")
			.params(regime.name(), date, date)
			.query((rs, n) -> {
				String reason = rs.getString(11);
				return new MemberEnrolment.Enrolled(member(rs, n), new Enrolment(rs.getLong(6), rs.getLong(7),
						Regime.valueOf(rs.getString(8)), rs.getObject(9, LocalDate.class), rs.getObject(10, LocalDate.class),
						reason == null ? null : Enrolment.EndReason.valueOf(reason), rs.getBoolean(12)));
			})
			.list();
	}

	/** Every regime period of the person, across payer bodies, oldest first. */
	List<Enrolment> enrolmentsOfPerson(String idcs) {
		return jdbc.sql(ENROLMENT + "where member_id in (select id from member where idcs = ?) order by start_date")
			.param(idcs).query(Members::enrolment).list();
	}

	List<Enrolment> enrolmentsOfMember(long memberId) {
		return jdbc.sql(ENROLMENT + "where member_id = ? order by start_date").param(memberId).query(Members::enrolment).list();
	}

	Optional<Enrolment> enrolment(long id) {
		return jdbc.sql(ENROLMENT + "where id = ?").param(id).query(Members::enrolment).optional();
	}

	Enrolment insert(long memberId, Regime regime, LocalDate start, boolean waitingWaived) {
		long id = jdbc.sql("insert into enrolment (member_id, regime, start_date, waiting_waived) values (?, ?, ?, ?) returning id")
			.params(memberId, regime.name(), start, waitingWaived).query(Long.class).single();
		return new Enrolment(id, memberId, regime, start, null, null, waitingWaived);
	}

	void end(long enrolmentId, LocalDate end, Enrolment.EndReason reason) {
		jdbc.sql("update enrolment set end_date = ?, end_reason = ?, changed_at = now() where id = ?").params(end, reason.name(), enrolmentId).update();
	}

	List<Suspension> suspensions(long enrolmentId) {
		return jdbc.sql("select id, enrolment_id, start_date, end_date, reason from rights_suspension where enrolment_id = ? order by start_date")
			.param(enrolmentId)
			.query((rs, n) -> new Suspension(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
					rs.getObject(4, LocalDate.class), rs.getString(5)))
			.list();
	}

	Suspension suspend(long enrolmentId, LocalDate start, LocalDate end, String reason) {
		long id = jdbc.sql("insert into rights_suspension (enrolment_id, start_date, end_date, reason) values (?, ?, ?, ?) returning id")
			.params(enrolmentId, start, end, reason).query(Long.class).single();
		return new Suspension(id, enrolmentId, start, end, reason);
	}

	List<Dependant> dependantsOf(long memberId) {
		return jdbc.sql(DEPENDANT + "where member_id = ? order by start_date, id").param(memberId).query(Members::dependant).list();
	}

	List<Dependant> linksOfPerson(String idcs) {
		return jdbc.sql(DEPENDANT + "where idcs = ?").param(idcs).query(Members::dependant).list();
	}

	Optional<Dependant> dependant(long id) {
		return jdbc.sql(DEPENDANT + "where id = ?").param(id).query(Members::dependant).optional();
	}

	Dependant attach(long memberId, String idcs, Dependant.Relation relation, LocalDate start, LocalDate studentUntil,
			boolean disabled) {
		long id = jdbc.sql("""
				insert into dependant (member_id, idcs, relation, start_date, student_until, disabled)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(memberId, idcs, relation.name(), start, studentUntil, disabled).query(Long.class).single();
		return new Dependant(id, memberId, idcs, relation, start, null, null, studentUntil, disabled);
	}

	void detach(long dependantId, LocalDate end, Dependant.EndReason reason) {
		jdbc.sql("update dependant set end_date = ?, end_reason = ?, changed_at = now() where id = ?").params(end, reason.name(), dependantId).update();
	}

	void certifyStudies(long dependantId, LocalDate studentUntil) {
		jdbc.sql("update dependant set student_until = ?, changed_at = now() where id = ?").params(studentUntil, dependantId).update();
	}

	static Member member(ResultSet rs, int n) throws SQLException {
		return new Member(rs.getLong(1), rs.getString(2), PayerBody.valueOf(rs.getString(3)), rs.getString(4),
				rs.getObject(5, LocalDate.class));
	}

	static Enrolment enrolment(ResultSet rs, int n) throws SQLException {
		String reason = rs.getString(6);
		return new Enrolment(rs.getLong(1), rs.getLong(2), Regime.valueOf(rs.getString(3)), rs.getObject(4, LocalDate.class),
				rs.getObject(5, LocalDate.class), reason == null ? null : Enrolment.EndReason.valueOf(reason), rs.getBoolean(7));
	}

	static Dependant dependant(ResultSet rs, int n) throws SQLException {
		String reason = rs.getString(7);
		return new Dependant(rs.getLong(1), rs.getLong(2), rs.getString(3), Dependant.Relation.valueOf(rs.getString(4)),
				rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class),
				reason == null ? null : Dependant.EndReason.valueOf(reason), rs.getObject(8, LocalDate.class), rs.getBoolean(9));
	}
}
