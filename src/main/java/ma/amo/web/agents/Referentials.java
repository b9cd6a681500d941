package ma.amo.web.agents;

import static ma.amo.shared.Viewer.Role.ADMINISTRATOR;
import static ma.amo.shared.Viewer.Role.FINANCE;
import static ma.amo.shared.Viewer.Role.MEDICAL_REVIEWER;
import static ma.amo.shared.Viewer.Role.PAYER_AGENT;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import ma.amo.providers.ProviderDirectory;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.Viewer.Role;
import ma.amo.tariffs.TariffVersions;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The referentials' browsers for the agents: the acts of the tariff in force (code or label) and the establishments
 * (name, typo-tolerant, or INPE); the medicines have their own page ({@link MedicinesPage}). They name no person:
 * nothing to audit.
 */
@Controller
@RequestMapping("/agents")
class Referentials {

	static final Set<Role> ROLES = EnumSet.of(PAYER_AGENT, MEDICAL_REVIEWER, FINANCE, ADMINISTRATOR);
	static final int MAX_LENGTH = 60;
	private static final int SHOWN = 50;

	private final TariffVersions tariffs;
	private final ProviderDirectory directory;
	private final MessageSource messages;
	private final Clock clock;

	Referentials(TariffVersions tariffs, ProviderDirectory directory,
			MessageSource messages, Clock clock) {
		this.tariffs = tariffs;
		this.directory = directory;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/actes")
	String acts(@RequestParam(required = false) String q, Model model, Locale locale) {
		LocalDate today = LocalDate.now(clock);
		Optional<TariffVersions.Version> inForce = tariffs.versions().stream()
			.filter(v -> "PUBLISHED".equals(v.status()) && !v.effectiveFrom().isAfter(today)).findFirst();
		model.addAttribute("version", inForce.orElse(null));
		return search(q, model, locale, "agents/acts", text -> inForce
			.map(v -> tariffs.acts(v.id(), text, null, 0, SHOWN).content()).orElse(List.of()));
	}

	@GetMapping("/etablissements")
	String establishments(@RequestParam(required = false) String q, Model model, Locale locale) {
		return search(q, model, locale, "agents/establishments", text -> directory.search(text.matches("\\d{9}")
				? new ProviderDirectory.EstablishmentQuery(null, text, null, null, null, null)
				: new ProviderDirectory.EstablishmentQuery(text, null, null, null, null, null), 0, SHOWN).content());
	}

	/** The search text is bounded and of printable characters; an empty one shows the form alone. */
	private String search(String q, Model model, Locale locale, String view,
			java.util.function.Function<String, List<?>> find) {
		String text = q == null ? "" : q.strip();
		model.addAttribute("q", text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) : text);
		model.addAttribute("searched", !text.isEmpty());
		model.addAttribute("problems", List.of());
		model.addAttribute("found", List.of());
		if (text.length() > MAX_LENGTH) {
			model.addAttribute("problems", Problems.one("q", "max-length", messages, locale));
		}
		else if (text.chars().anyMatch(Character::isISOControl)) {
			model.addAttribute("problems", Problems.one("q", "charset", messages, locale));
		}
		else if (!text.isEmpty()) {
			try {
				model.addAttribute("found", find.apply(text));
			}
			catch (InvalidInput invalid) {
				model.addAttribute("problems", Problems.of(invalid, messages, locale));
			}
		}
		return view;
	}
}
