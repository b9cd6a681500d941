package ma.amo.web;

import java.util.Comparator;
import java.util.List;

import ma.amo.shared.Viewer;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What every page's layout needs: who is signed in, the menu of their role, and the language and direction of the
 * text (Arabic is read right to left). The layout asks this bean itself ({@code ${@pageModel.menu()}}) rather than
 * finding these in each controller's model: a controller advice adding them would also run for every answer of the
 * REST API (a {@code @RestController} is a {@code @Controller}), where it was a tenth of the eligibility path's time,
 * and an error page rendered by an exception handler gets them all the same.
 */
@Component("pageModel")
public class PageModel {

	private final List<MenuEntry> entries;

	PageModel(List<MenuSection> sections) {
		this.entries = sections.stream().flatMap(s -> s.entries().stream())
			.sorted(Comparator.comparingInt(MenuEntry::order)).toList();
	}

	/** The pages of the signed-in viewer's role, in their order; none for a visitor. */
	public List<MenuEntry> menu() {
		return Viewer.current().map(viewer -> entries.stream().filter(e -> e.roles().contains(viewer.role())).toList())
			.orElse(List.of());
	}

	public Viewer viewer() {
		return Viewer.current().orElse(null);
	}

	/** {@code ar} or {@code fr}, from the locale chosen by the visitor ({@code ?lang=ar}). */
	public String language() {
		return "ar".equals(LocaleContextHolder.getLocale().getLanguage()) ? "ar" : "fr";
	}
}
