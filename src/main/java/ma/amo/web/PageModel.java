package ma.amo.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import ma.amo.shared.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's layout needs, added to the model of every page controller: who is signed in, the menu of their
 * role, and the direction of the text (Arabic is read right to left).
 */
@ControllerAdvice(annotations = Controller.class)
class PageModel {

	private final List<MenuEntry> entries;

	PageModel(List<MenuSection> sections) {
		this.entries = sections.stream().flatMap(s -> s.entries().stream())
			.sorted(Comparator.comparingInt(MenuEntry::order)).toList();
	}

	@ModelAttribute("menu")
	List<MenuEntry> menu() {
		return Viewer.current().map(viewer -> entries.stream().filter(e -> e.roles().contains(viewer.role())).toList())
			.orElse(List.of());
	}

	@ModelAttribute("viewer")
	Viewer viewer() {
		return Viewer.current().orElse(null);
	}

	@ModelAttribute("direction")
	String direction(Locale locale) {
		return "ar".equals(locale.getLanguage()) ? "rtl" : "ltr";
	}

	@ModelAttribute("language")
	String language(Locale locale) {
		return "ar".equals(locale.getLanguage()) ? "ar" : "fr";
	}
}
