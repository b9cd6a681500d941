package ma.amo.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Lets a change of language through only for the languages the interface has (French, Arabic). */
final class LanguageGuard implements HandlerInterceptor {

	private final LocaleChangeInterceptor change;

	LanguageGuard(LocaleChangeInterceptor change) {
		this.change = change;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws jakarta.servlet.ServletException {
		String asked = request.getParameter(change.getParamName());
		if (asked == null || !WebSetup.LANGUAGES.stream().anyMatch(l -> l.getLanguage().equals(asked))) {
			return true;
		}
		return change.preHandle(request, response, handler);
	}
}
