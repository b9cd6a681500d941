package ma.amo.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The page a person lands on after signing in: what their role can do, as the menu lists it. */
@Controller
class HomePage {

	@GetMapping("/")
	String home() {
		return "home";
	}
}
