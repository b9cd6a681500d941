package ma.amo.web.portal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import ma.amo.audit.AuditEntry.Action;
import ma.amo.audit.AuditTrail;
import ma.amo.pathway.NewReferral;
import ma.amo.pathway.Referral;
import ma.amo.pathway.Referrals;
import ma.amo.shared.AccessRefused;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.NotFound;
import ma.amo.shared.PageOf;
import ma.amo.shared.RuleBroken;
import ma.amo.shared.Viewer;
import ma.amo.shared.Violation;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A first contact's referrals in the provider portal: the form that records one (patient's IDCS, specialty, on the
 * public pathway the hospital, valid until) in the signed-in provider's name, and the referrals it wrote, newest
 * first, with the number a specialist's claim cites. The service decides who may refer and checks the patient is in
 * the register; its refusals are shown beside the field they name.
 */
@Controller
@RequestMapping("/prestataire/orientations")
class ReferralPages {

	private static final int PAGE_SIZE = 25;

	private final Referrals referrals;
	private final AuditTrail trail;
	private final MessageSource messages;
	private final Clock clock;

	ReferralPages(Referrals referrals, AuditTrail trail, MessageSource messages, Clock clock) {
		this.referrals = referrals;
		this.trail = trail;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping
	String referrals(@RequestParam(required = false) String page, @RequestParam(required = false) String ecrite,
			Model model) {
		model.addAttribute("writtenId", ecrite != null && ecrite.matches("\\d{1,12}") ? ecrite : null);
		return show(model, page, Map.of(), Map.of());
	}

	@PostMapping
	String write(@RequestParam MultiValueMap<String, String> form, Model model, Locale locale) {
		Map<String, String> typed = new LinkedHashMap<>();
		Map<String, String> rules = new LinkedHashMap<>();
		for (String field : new String[] { "patientIdcs", "toSpecialty", "toEstablishmentInpe", "reason", "validUntil" }) {
			String value = form.getFirst(field);
			typed.put(field, value == null ? "" : value.length() > 1_000 ? value.substring(0, 1_000) : value);
		}
		String idcs = typed.get("patientIdcs").strip();
		if (!idcs.matches("[0-9]{10}")) {
			rules.put("patientIdcs", idcs.isEmpty() ? "required" : "idcs");
		}
		String specialty = bounded(rules, "toSpecialty", typed.get("toSpecialty"), 100, true);
		String hospital = typed.get("toEstablishmentInpe").strip();
		if (!hospital.isEmpty() && !hospital.matches("[0-9]{9}")) {
			rules.put("toEstablishmentInpe", "inpe");
		}
		String reason = bounded(rules, "reason", typed.get("reason"), 1000, false);
		LocalDate validUntil = null;
		String until = typed.get("validUntil").strip();
		if (!until.isEmpty()) {
			try {
				validUntil = until.length() == 10 ? LocalDate.parse(until) : null;
			}
			catch (DateTimeParseException e) {
				validUntil = null;
			}
			if (validUntil == null) {
				rules.put("validUntil", "date");
			}
		}
		Map<String, String> errors = new LinkedHashMap<>();
		rules.forEach((field, rule) -> errors.put(field, describe(field, rule, locale)));
		if (errors.isEmpty()) {
			try {
				Referral written = referrals.write(new NewReferral(idcs, specialty, hospital.isEmpty() ? null : hospital,
						reason, LocalDate.now(clock), validUntil));
				trail.record(Viewer.actingAccount(), Action.CHANGE, "REFERRAL", String.valueOf(written.id()), "CARE_PATHWAY");
				return "redirect:/prestataire/orientations?ecrite=" + written.id();
			}
			catch (InvalidInput invalid) {
				invalid.violations().forEach(v -> errors.putIfAbsent(field(v), describe(field(v), v.rule(), locale)));
			}
			catch (RuleBroken broken) {
				errors.put(broken.field(), describe(broken.field(), broken.rule(), locale));
			}
			catch (NotFound missing) {
				errors.put(missing.field(), describe(missing.field(), "not-found", locale));
			}
			catch (AccessRefused refused) {
				errors.put("referrer", describe("referrer", "first-contact", locale));
			}
		}
		return show(model, null, typed, errors);
	}

	private String show(Model model, String page, Map<String, String> typed, Map<String, String> errors) {
		int number = page != null && page.matches("\\d{1,5}") ? Integer.parseInt(page) : 0;
		PageOf<Referral> written = referrals.written(number, PAGE_SIZE);
		trail.record(Viewer.actingAccount(), Action.READ, "REFERRAL",
				written.content().stream().map(r -> String.valueOf(r.id())).toList(), "CARE_PATHWAY");
		model.addAttribute("written", written);
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("form", typed);
		model.addAttribute("errors", errors);
		return "portal/provider-referrals";
	}

	private static String field(Violation v) {
		return v.field() == null ? "page" : v.field();
	}

	private static String bounded(Map<String, String> rules, String field, String typed, int max, boolean required) {
		String value = typed.strip();
		if (value.isEmpty()) {
			if (required) {
				rules.put(field, "required");
			}
			return null;
		}
		if (value.length() > max) {
			rules.put(field, "max-length");
			return null;
		}
		if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r')) {
			rules.put(field, "characters");
			return null;
		}
		return value;
	}

	private String describe(String field, String rule, Locale locale) {
		String label = messages.getMessage("regulation.field." + field, null, field, locale);
		String text = messages.getMessage("regulation.rule." + rule, null, null, locale);
		return label + " : " + (text == null ? messages.getMessage("regulation.rule.other", null, locale) : text);
	}
}
