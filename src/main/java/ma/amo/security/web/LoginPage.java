package ma.amo.security.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The login form of browser sessions, in French: username, password, the authenticator's code for agents, and the
 * session's CSRF token, which every later form of the session must send back.
 */
@Controller
class LoginPage {

	@GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE)
	@ResponseBody
	String page(HttpServletRequest request) {
		CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		String error = request.getParameter("error") != null
				? "<p role=\"alert\">Identifiant, mot de passe ou code incorrect, ou compte verrouillé.</p>" : "";
		return """
				<!DOCTYPE html>
				<html lang="fr"><head><meta charset="utf-8"><title>Connexion · AMO</title></head>
				<body><main><h1>Connexion</h1>%s
				<form method="post" action="/login">
				<label>Identifiant <input name="username" autocomplete="username" required></label>
				<label>Mot de passe <input name="password" type="password" autocomplete="current-password" required></label>
				<label>Code de l'application d'authentification (agents) <input name="otp" inputmode="numeric" autocomplete="one-time-code"></label>
				<input type="hidden" name="%s" value="%s">
				<button type="submit">Se connecter</button>
				</form></main></body></html>
				""".formatted(error, HtmlUtils.htmlEscape(csrf.getParameterName()), HtmlUtils.htmlEscape(csrf.getToken()));
	}
}
