package ma.amo.tariffs.web;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import ma.amo.shared.PageOf;
import ma.amo.tariffs.MedicinesGuide;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Public services", description = "Open without logging in: the follow-up of requests and the medicines guide")
@RestController
@RequestMapping("/api/v1/public/medicines")
class MedicinesGuideController {

	private final MedicinesGuide guide;

	MedicinesGuideController(MedicinesGuide guide) {
		this.guide = guide;
	}

	@Operation(summary = "The medicines guide: search the referential in force (today, or on a date) by name, DCI, form or therapeutic class",
			description = "Any part of a word, accents and case aside; at least one filter; pages of 50 at most. Each "
					+ "medicine with its prices, reimbursement rate, base for CNSS and CNOPS and its generic group.")
	@GetMapping
	PageOf<MedicinesGuide.Entry> search(@RequestParam(required = false) String name,
			@RequestParam(required = false) String dci, @RequestParam(required = false) String form,
			@RequestParam(required = false) String therapeuticClass,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		PageOf.check(page, size, 50);
		return guide.search(name, dci, form, therapeuticClass, date, page, size);
	}
}
