package ma.amo.pathway.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import ma.amo.audit.AuditEntry.Action;
import ma.amo.audit.Audited;
import ma.amo.pathway.NewReferral;
import ma.amo.pathway.Referral;
import ma.amo.pathway.Referrals;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Referrals", description = "Referrals of the coordinated care pathway, cited by a specialist's claim")
@RestController
@RequestMapping("/api/v1/referrals")
class ReferralController {

	private final Referrals referrals;

	ReferralController(Referrals referrals) {
		this.referrals = referrals;
	}

	@Operation(summary = "Write a referral in the signed-in provider's name (a general practitioner or a public "
			+ "primary-care establishment) to a specialty, and on the public pathway to a hospital",
			description = "referredOn is today by default; validUntil defaults to parameter pathway.referral-validity-days "
					+ "after it and may not exceed pathway.referral-longest-days. The claim of the specialist cites the id.")
	@Audited(record = "REFERRAL", returned = "id", action = Action.CHANGE, purpose = "CARE_PATHWAY")
	@ApiResponse(responseCode = "201", description = "The referral recorded, with the id a claim cites")
	@ApiResponse(responseCode = "409", description = "The signed-in provider is not a first contact of the pathway, or the "
			+ "hospital named is primary care")
	@PostMapping
	ResponseEntity<Referral> write(@RequestBody NewReferral body) {
		Referral referral = referrals.write(body);
		return ResponseEntity.created(URI.create("/api/v1/referrals/" + referral.id())).body(referral);
	}

	@Operation(summary = "A referral (a provider reads those it wrote or that send a patient to it)")
	@Audited(record = "REFERRAL", id = "id", purpose = "CARE_PATHWAY")
	@GetMapping("/{id}")
	Referral referral(@PathVariable long id) {
		return referrals.referral(id);
	}

	@Operation(summary = "A patient's referrals, newest first")
	@Audited(record = "REFERRAL", returned = "id", purpose = "CARE_PATHWAY")
	@GetMapping
	List<Referral> ofPatient(@RequestParam(required = false) String patientIdcs) {
		return referrals.ofPatient(patientIdcs);
	}
}
