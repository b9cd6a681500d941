package ma.amo.enrolment.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Size;
import ma.amo.audit.AuditEntry.Action;
import ma.amo.audit.Audited;
import ma.amo.enrolment.targeting.AchamilOffer;
import ma.amo.enrolment.targeting.HouseholdAnswers;
import ma.amo.enrolment.targeting.HouseholdTargeting;
import ma.amo.enrolment.targeting.HouseholdTargeting.ThresholdEffect;
import ma.amo.enrolment.targeting.TargetingRun;
import ma.amo.population.PopulationRegister;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.PageOf;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Tadamon targeting in bulk", description = "Answers to the Interior ministry's household files, targeting "
		+ "passes after each RSU extract and threshold change, Achamil offers")
@RestController
@RequestMapping("/api/v1")
class HouseholdTargetingController {

	private final HouseholdTargeting targeting;
	private final HouseholdAnswers answers;
	private final PopulationRegister register;

	HouseholdTargetingController(HouseholdTargeting targeting, HouseholdAnswers answers, PopulationRegister register) {
		this.targeting = targeting;
		this.answers = answers;
		this.register = register;
	}

	@Operation(summary = "The answer file of a household file (CSV): per household its decision, reason and registration numbers",
			description = "Columns: " + HouseholdAnswers.HEADER + ". decision is REGISTERED, REJECTED or LEFT (left Tadamon "
					+ "since, when a later RSU extract or threshold moved the household; the Achamil monthly amount offered is then given).")
	@ApiResponse(responseCode = "200", description = "the answer file, one line per household of the file")
	@ApiResponse(responseCode = "400", description = "the import job is not a household file")
	@ApiResponse(responseCode = "404", description = "no such import job")
	@ApiResponse(responseCode = "409", description = "the households of the file are not targeted yet")
	@Audited(record = "HOUSEHOLD_FILE", id = "id", purpose = "SOCIAL_TARGETING")
	@GetMapping("/tadamon/household-files/{id}/answers")
	void answers(@PathVariable long id, HttpServletResponse response) throws IOException {
		answers.checkReady(id);
		response.setContentType("text/csv");
		response.setCharacterEncoding("UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"reponses-foyers-" + id + ".csv\"");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		answers.write(id, out);
		out.flush();
	}

	@Operation(summary = "Targeting passes, newest first: after household files, RSU extracts and threshold changes")
	@ApiResponse(responseCode = "200", description = "a page of passes with their counts")
	@ApiResponse(responseCode = "400", description = "page or size out of range")
	@GetMapping("/tadamon/targeting-runs")
	PageOf<TargetingRun> runs(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		PageOf.check(page, size, 200);
		return targeting.runs(page, size);
	}

	@Operation(summary = "One targeting pass: its cause, status and counts")
	@ApiResponse(responseCode = "200", description = "the pass")
	@ApiResponse(responseCode = "404", description = "no such pass")
	@GetMapping("/tadamon/targeting-runs/{id}")
	TargetingRun run(@PathVariable long id) {
		return targeting.run(id);
	}

	@Operation(summary = "Count, without changing anything, the households a new Tadamon threshold would move in and out")
	@ApiResponse(responseCode = "200", description = "the households that would enter and leave Tadamon")
	@ApiResponse(responseCode = "400", description = "a date or value out of range")
	@PostMapping("/tadamon/threshold-changes/dry-run")
	ThresholdEffect dryRun(@RequestBody ThresholdChange body) {
		return targeting.dryRun(body.effectiveFrom(), body.value());
	}

	@Operation(summary = "Record a new Tadamon threshold and target every household that applied on that date",
			description = "Households now below enter Tadamon from the date; those now at or above leave it the day before "
					+ "and receive an Achamil offer. Runs to its end before answering.")
	@ApiResponse(responseCode = "200", description = "the completed pass with its counts")
	@ApiResponse(responseCode = "400", description = "a date or value out of range")
	@PostMapping("/tadamon/threshold-changes")
	TargetingRun change(@RequestBody ThresholdChange body) {
		return targeting.changeThreshold(body.effectiveFrom(), body.value());
	}

	@Operation(summary = "Achamil offers made to members who left Tadamon, newest first, by household or person")
	@ApiResponse(responseCode = "200", description = "a page of offers")
	@ApiResponse(responseCode = "400", description = "a malformed IDCS, household or page")
	@Audited(record = "PERSON", returned = "idcs", purpose = "SOCIAL_TARGETING")
	@GetMapping("/achamil/offers")
	PageOf<AchamilOffer> offers(@RequestParam(required = false) String householdId,
			@RequestParam(required = false) String idcs, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		PageOf.check(page, size, 200);
		if (householdId != null && householdId.length() > 40) {
			throw new InvalidInput("householdId", "length", "is longer than 40 characters");
		}
		if (idcs != null) {
			register.checkIdcs("idcs", idcs);
		}
		return answers.offers(householdId, idcs, page, size);
	}

	record ThresholdChange(LocalDate effectiveFrom, BigDecimal value) {
	}
}
