package ma.amo.web.agents;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ma.amo.shared.InvalidInput;
import ma.amo.shared.NotFound;
import ma.amo.shared.PageOf;
import ma.amo.tariffs.MedicinesGuide;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The agents' medicines browser: the same search as the public medicines guide (name, DCI, therapeutic class, any
 * part of the word, accents and case aside, on the trigram indexes), on the referential in force today or on a date
 * of care the agent gives, each medicine with its bases per payer body and its generic group. Names no person.
 */
@Controller
@RequestMapping("/agents/medicaments")
class MedicinesPage {

	static final int SHOWN = 20;
	/** Pages beyond this are never useful to a person reading the list: the filters narrow it instead. */
	static final int LAST_PAGE = 500;

	private final MedicinesGuide guide;
	private final MessageSource messages;
	private final Clock clock;

	MedicinesPage(MedicinesGuide guide, MessageSource messages, Clock clock) {
		this.guide = guide;
		this.messages = messages;
		this.clock = clock;
	}

	/** The form's values, bounded and shown back as typed. */
	record Asked(String name, String dci, String therapeuticClass, String date, int page) {

		boolean empty() {
			return name.isEmpty() && dci.isEmpty() && therapeuticClass.isEmpty();
		}
	}

	@GetMapping
	String medicines(@RequestParam(required = false) String name, @RequestParam(required = false) String dci,
			@RequestParam(name = "classe", required = false) String therapeuticClass,
			@RequestParam(required = false) String date, @RequestParam(required = false) String page, Model model,
			Locale locale) {
		List<Problems.Problem> problems = new ArrayList<>();
		Asked asked = new Asked(text("name", name, problems, locale), text("dci", dci, problems, locale),
				text("therapeuticClass", therapeuticClass, problems, locale), shown(date), page(page, problems, locale));
		LocalDate on = day(asked.date(), problems, locale);
		model.addAttribute("asked", asked);
		model.addAttribute("searched", !asked.empty());
		model.addAttribute("found", PageOf.of(List.of(), 0, SHOWN, 0));
		model.addAttribute("noReferential", false);
		if (problems.isEmpty() && !asked.empty()) {
			try {
				model.addAttribute("found", guide.search(blankToNull(asked.name()), blankToNull(asked.dci()), null,
						blankToNull(asked.therapeuticClass()), on, asked.page(), SHOWN));
			}
			catch (InvalidInput invalid) {
				problems.addAll(Problems.of(invalid, messages, locale));
			}
			catch (NotFound none) {
				model.addAttribute("noReferential", true);
			}
		}
		model.addAttribute("on", on);
		model.addAttribute("problems", problems);
		return "agents/medicines";
	}

	private String text(String field, String value, List<Problems.Problem> problems, Locale locale) {
		String text = value == null ? "" : value.strip();
		if (text.length() > Referentials.MAX_LENGTH) {
			problems.add(Problems.problem(field, "max-length", messages, locale));
			return text.substring(0, Referentials.MAX_LENGTH);
		}
		if (text.chars().anyMatch(Character::isISOControl)) {
			problems.add(Problems.problem(field, "charset", messages, locale));
			return "";
		}
		return text;
	}

	private static String shown(String date) {
		String text = date == null ? "" : date.strip();
		return text.length() > 10 ? text.substring(0, 10) : text;
	}

	/** The date of care (the browser's date field sends yyyy-MM-dd); today when none is given. */
	private LocalDate day(String date, List<Problems.Problem> problems, Locale locale) {
		if (date.isEmpty()) {
			return LocalDate.now(clock);
		}
		try {
			LocalDate day = LocalDate.parse(date);
			if (day.getYear() < 2000 || day.getYear() > 2100) {
				problems.add(Problems.problem("date", "range", messages, locale));
			}
			return day;
		}
		catch (DateTimeParseException notADate) {
			problems.add(Problems.problem("date", "date", messages, locale));
			return LocalDate.now(clock);
		}
	}

	private int page(String page, List<Problems.Problem> problems, Locale locale) {
		if (page == null || page.isBlank()) {
			return 0;
		}
		if (!page.strip().matches("\\d{1,4}") || Integer.parseInt(page.strip()) > LAST_PAGE) {
			problems.add(Problems.problem("page", "range", messages, locale));
			return 0;
		}
		return Integer.parseInt(page.strip());
	}

	private static String blankToNull(String text) {
		return text.isEmpty() ? null : text;
	}
}
