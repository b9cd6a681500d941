package ma.amo.enrolment.web;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import ma.amo.audit.Audited;
import ma.amo.audit.AuditEntry.Action;
import ma.amo.enrolment.SocialTargeting;
import ma.amo.enrolment.SocialTargeting.Decision;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Tadamon and Achamil", description = "Registration from the social register (RSU)")
@RestController
@RequestMapping("/api/v1")
class TargetingController {

	private final SocialTargeting targeting;

	TargetingController(SocialTargeting targeting) {
		this.targeting = targeting;
	}

	@Operation(summary = "Register a household in Tadamon: REGISTERED, or REJECTED with the reason")
	@Audited(record = "PERSON", returned = "registered", action = Action.CHANGE, purpose = "SOCIAL_TARGETING")
	@PostMapping("/tadamon/registrations")
	Decision tadamon(@RequestBody HouseholdRequest body) {
		return targeting.tadamon(body.householdId(), body.date(), body.headIdcs(), body.spouseIdcs());
	}

	@Operation(summary = "Register a person in Achamil: REGISTERED with the monthly amount, or REJECTED with the reason")
	@Audited(record = "MEMBER", returned = "memberRegistrationNumber", action = Action.CHANGE, purpose = "SOCIAL_TARGETING")
	@PostMapping("/achamil/registrations")
	Decision achamil(@RequestBody PersonRequest body) {
		return targeting.achamil(body.idcs(), body.date());
	}

	record HouseholdRequest(@Size(max = 30) String householdId, LocalDate date, @Size(max = 10) String headIdcs,
			@Size(max = 10) String spouseIdcs) {
	}

	record PersonRequest(@Size(max = 10) String idcs, LocalDate date) {
	}
}
