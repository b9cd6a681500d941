package ma.amo.security.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The login form of browser sessions, in the page's language: username, password, the authenticator's code for
 * agents; the form carries the session's CSRF token, which every later form of the session must send back.
 */
@Controller
class LoginPage {

	@GetMapping("/login")
	String page(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
			Model model) {
		model.addAttribute("failed", error != null);
		model.addAttribute("loggedOut", logout != null);
		return "login";
	}
}
