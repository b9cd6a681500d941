package ma.amo.enrolment.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import ma.amo.audit.Audited;
import ma.amo.audit.AuditEntry.Action;
import ma.amo.enrolment.Dependant;
import ma.amo.enrolment.Enrolment;
import ma.amo.enrolment.Member;
import ma.amo.enrolment.MemberEnrolment;
import ma.amo.enrolment.Regime;
import ma.amo.shared.PageOf;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Members", description = "Members (assurés), their regime periods, declared days and dependants")
@RestController
@RequestMapping("/api/v1")
class MemberController {

	private final MemberEnrolment enrolment;

	MemberController(MemberEnrolment enrolment) {
		this.enrolment = enrolment;
	}

	@Operation(summary = "Enrol a person in a regime",
			description = "Registers the person at the regime's payer body if needed; a regime period still running "
					+ "ends the day before (REGIME_CHANGE). waitingWaived: moving because of a job change.")
	@Audited(record = "MEMBER", returned = "member.registrationNumber", action = Action.CHANGE, purpose = "MEMBER_MANAGEMENT")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "The member enrolled")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "404", description = "No person with this IDCS")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = "The person cannot be enrolled then (dead, or already in the regime)")
	@PostMapping("/enrolments")
	ResponseEntity<MemberView> enrol(@RequestBody NewEnrolment body) {
		MemberEnrolment.Enrolled enrolled = enrolment.enrol(body.idcs(), body.regime(), body.startDate(),
				Boolean.TRUE.equals(body.waitingWaived()));
		return ResponseEntity.created(URI.create("/api/v1/members/" + enrolled.member().registrationNumber()))
			.body(view(enrolled.member()));
	}

	@Operation(summary = "Regime periods of a person, across payer bodies")
	@Audited(record = "PERSON", id = "idcs", purpose = "MEMBER_MANAGEMENT")
	@GetMapping("/enrolments")
	List<Enrolment> enrolments(@RequestParam String idcs) {
		return enrolment.enrolmentsOfPerson(idcs);
	}

	@Operation(summary = "End a regime period (CONDITIONS_ENDED keeps rights where the regime says; DEATH)")
	@Audited(record = "ENROLMENT", id = "id", action = Action.CHANGE, purpose = "MEMBER_MANAGEMENT")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The period ended")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = "The period already ended")
	@PostMapping("/enrolments/{id}/end")
	Enrolment end(@PathVariable long id, @RequestBody EndOfPeriod body) {
		return enrolment.end(id, body.endDate(), body.reason());
	}

	@Operation(summary = "Suspend an enrolment's rights (end date optional)")
	@Audited(record = "ENROLMENT", id = "id", action = Action.CHANGE, purpose = "MEMBER_MANAGEMENT")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "The suspension recorded")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = "The enrolment does not run on the start date")
	@PostMapping("/enrolments/{id}/suspensions")
	ResponseEntity<?> suspend(@PathVariable long id, @RequestBody NewSuspension body) {
		return ResponseEntity.status(201).body(enrolment.suspend(id, body.startDate(), body.endDate(), body.reason()));
	}

	@Operation(summary = "Suspensions of an enrolment")
	@Audited(record = "ENROLMENT", id = "id", purpose = "MEMBER_MANAGEMENT")
	@GetMapping("/enrolments/{id}/suspensions")
	List<?> suspensions(@PathVariable long id) {
		return enrolment.suspensionsOf(id);
	}

	@Operation(summary = "Members in registration order")
	@Audited(record = "MEMBER", returned = "registrationNumber", purpose = "MEMBER_MANAGEMENT")
	@GetMapping("/members")
	PageOf<Member> members(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		PageOf.check(page, size, 500);
		return PageOf.of(enrolment.members(page, size), page, size, enrolment.countMembers());
	}

	@Operation(summary = "A member with their regime periods and dependants")
	@Audited(record = "MEMBER", id = "registrationNumber", purpose = "MEMBER_MANAGEMENT")
	@GetMapping("/members/{registrationNumber}")
	MemberView member(@PathVariable String registrationNumber) {
		return view(enrolment.member(registrationNumber));
	}

	@Operation(summary = "Attach a spouse or child to a member")
	@Audited(record = "MEMBER", id = "registrationNumber", action = Action.CHANGE, purpose = "MEMBER_MANAGEMENT")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "The dependant attached")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = "The person is already a dependant or cannot be one then")
	@PostMapping("/members/{registrationNumber}/dependants")
	ResponseEntity<Dependant> attach(@PathVariable String registrationNumber, @RequestBody NewDependant body) {
		Dependant dependant = enrolment.attach(registrationNumber, body.idcs(), body.relation(), body.startDate(),
				body.studentUntil(), Boolean.TRUE.equals(body.disabled()));
		return ResponseEntity.created(URI.create("/api/v1/dependants/" + dependant.id())).body(dependant);
	}

	@Operation(summary = "A member's dependants, current and past")
	@Audited(record = "MEMBER", id = "registrationNumber", purpose = "MEMBER_MANAGEMENT")
	@GetMapping("/members/{registrationNumber}/dependants")
	List<Dependant> dependants(@PathVariable String registrationNumber) {
		return enrolment.dependantsOf(enrolment.member(registrationNumber));
	}

	@Operation(summary = "One dependant link")
	@Audited(record = "DEPENDANT", id = "id", purpose = "MEMBER_MANAGEMENT")
	@GetMapping("/dependants/{id}")
	Dependant dependant(@PathVariable long id) {
		return enrolment.dependant(id);
	}

	@Operation(summary = "End a dependant link (DIVORCE keeps a spouse covered 12 months)")
	@Audited(record = "DEPENDANT", id = "id", action = Action.CHANGE, purpose = "MEMBER_MANAGEMENT")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The link ended")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = "The link already ended, or only a spouse divorces")
	@PostMapping("/dependants/{id}/end")
	Dependant detach(@PathVariable long id, @RequestBody EndOfLink body) {
		return enrolment.detach(id, body.endDate(), body.reason());
	}

	@Operation(summary = "Record a child's student certificate (cover up to 26 while it runs)")
	@Audited(record = "DEPENDANT", id = "id", action = Action.CHANGE, purpose = "MEMBER_MANAGEMENT")
	@PutMapping("/dependants/{id}/student-until")
	Dependant certifyStudies(@PathVariable long id, @RequestBody StudentCertificate body) {
		return enrolment.certifyStudies(id, body.studentUntil());
	}

	private MemberView view(Member member) {
		return new MemberView(member, enrolment.enrolmentsOf(member), enrolment.dependantsOf(member));
	}

	record MemberView(Member member, List<Enrolment> enrolments, List<Dependant> dependants) {
	}

	record NewEnrolment(@Size(max = 10) String idcs, Regime regime, LocalDate startDate, Boolean waitingWaived) {
	}

	/** REGIME_CHANGE is not offered: enrolling in the new regime ends the period with it. */
	record EndOfPeriod(LocalDate endDate,
			@io.swagger.v3.oas.annotations.media.Schema(allowableValues = { "CONDITIONS_ENDED", "DEATH" }) Enrolment.EndReason reason) {
	}

	record NewSuspension(LocalDate startDate, LocalDate endDate, @Size(max = 1000) String reason) {
	}

	record NewDependant(@Size(max = 10) String idcs, Dependant.Relation relation, LocalDate startDate, LocalDate studentUntil,
			Boolean disabled) {
	}

	record EndOfLink(LocalDate endDate, Dependant.EndReason reason) {
	}

	record StudentCertificate(LocalDate studentUntil) {
	}
}
