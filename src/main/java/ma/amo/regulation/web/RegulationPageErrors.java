package ma.amo.regulation.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import ma.amo.shared.AccessRefused;
import ma.amo.shared.NotFound;
import ma.amo.shared.Viewer;
import ma.amo.web.MenuEntry;
import ma.amo.web.MenuSection;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the regulator's pages and the public pages answer for a request that does not exist or may not be read: a page
 * in the reader's language with the status, never the REST API's JSON problem (this advice is limited to the pages,
 * the REST controllers of the package keep theirs) nor a stack trace.
 */
@ControllerAdvice(assignableTypes = { InpeRequestPages.class, ListingRequestPages.class, ReferentialChangePages.class,
		PublicServicePages.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class RegulationPageErrors {

	private final List<MenuEntry> entries;

	RegulationPageErrors(List<MenuSection> sections) {
		this.entries = sections.stream().flatMap(s -> s.entries().stream()).sorted(Comparator.comparingInt(MenuEntry::order))
			.toList();
	}

	@ExceptionHandler(NotFound.class)
	ModelAndView notFound(NotFound e) {
		return page(HttpStatus.NOT_FOUND, "regulation.error.notFound");
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ModelAndView malformed(MethodArgumentTypeMismatchException e) {
		return page(HttpStatus.BAD_REQUEST, "regulation.error.invalid");
	}

	@ExceptionHandler(AccessRefused.class)
	ModelAndView refused(AccessRefused e) {
		return page(HttpStatus.FORBIDDEN, "regulation.error.refused");
	}

	private ModelAndView page(HttpStatus status, String message) {
		ModelAndView page = new ModelAndView("regulation/error", status);
		Viewer viewer = Viewer.current().orElse(null);
		Locale locale = LocaleContextHolder.getLocale();
		boolean arabic = "ar".equals(locale.getLanguage());
		page.addObject("viewer", viewer);
		page.addObject("menu", viewer == null ? List.of()
				: entries.stream().filter(e -> e.roles().contains(viewer.role())).toList());
		page.addObject("direction", arabic ? "rtl" : "ltr");
		page.addObject("language", arabic ? "ar" : "fr");
		page.addObject("message", message);
		return page;
	}
}
