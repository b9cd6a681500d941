package ma.amo.regulation.web;


import ma.amo.shared.AccessRefused;
import ma.amo.shared.NotFound;
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

	/** The layout finds the viewer, the menu and the language itself ({@code ma.amo.web.PageModel}). */
	private ModelAndView page(HttpStatus status, String message) {
		ModelAndView page = new ModelAndView("regulation/error", status);
		page.addObject("message", message);
		return page;
	}
}
