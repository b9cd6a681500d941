package ma.amo.web.portal;

import java.util.List;

import ma.amo.shared.AccessRefused;
import ma.amo.shared.InvalidInput;
import ma.amo.shared.NotFound;
import ma.amo.shared.RuleBroken;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the portal's pages answer when a business service refuses: a page in French with the status of the refusal
 * (404 for a record that does not exist, 403 for one outside the viewer's family or INPE, 400 for a malformed
 * identifier, 409 for a rule), never a JSON problem or a stack trace in the browser. The layout still shows the
 * viewer's menu.
 */
@ControllerAdvice(basePackageClasses = PortalErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalErrors {

	@ExceptionHandler(NotFound.class)
	ModelAndView notFound(NotFound e) {
		return page(HttpStatus.NOT_FOUND, "portal.error.notFound");
	}

	@ExceptionHandler(AccessRefused.class)
	ModelAndView refused(AccessRefused e) {
		return page(HttpStatus.FORBIDDEN, "portal.error.refused");
	}

	@ExceptionHandler(InvalidInput.class)
	ModelAndView invalid(InvalidInput e) {
		ModelAndView page = page(HttpStatus.BAD_REQUEST, "portal.error.invalid");
		page.addObject("details", FrenchProblems.of(e).values());
		return page;
	}

	@ExceptionHandler(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
	ModelAndView malformed(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException e) {
		return page(HttpStatus.BAD_REQUEST, "portal.error.invalid");
	}

	@ExceptionHandler(RuleBroken.class)
	ModelAndView broken(RuleBroken e) {
		ModelAndView page = page(HttpStatus.CONFLICT, "portal.error.rule");
		page.addObject("details", FrenchProblems.of(e).values());
		return page;
	}

	private ModelAndView page(HttpStatus status, String message) {
		ModelAndView page = new ModelAndView("portal/error", status);
		page.addObject("message", message);
		page.addObject("details", List.of());
		return page;
	}
}
