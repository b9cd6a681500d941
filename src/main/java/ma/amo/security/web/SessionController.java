package ma.amo.security.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import ma.amo.security.Sessions;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The sign-in of scripts and API clients: one code once, then a short-lived bearer token. */
@Tag(name = "Security", description = "Users, roles and the establishments' systems")
@RestController
@RequestMapping("/api/v1/sessions")
class SessionController {

	private final Sessions sessions;

	SessionController(Sessions sessions) {
		this.sessions = sessions;
	}

	/** @param code the authenticator's current code (agents), used once */
	record SignIn(String username, String password, String code) {
	}

	@Operation(summary = "Sign in with username, password and (agents) a one-time code; answers a short-lived bearer token",
			description = "Then call with Authorization: Bearer <accessToken> until it expires (expiresIn seconds). A "
					+ "code is accepted once: a second sign-in needs the next code.")
	@ApiResponse(responseCode = "201", description = "signed in: the token, its type and lifetime, and the account")
	@ApiResponse(responseCode = "400", description = "username or password missing")
	@ApiResponse(responseCode = "401", description = "wrong password, missing, wrong or already used code, or account locked")
	@PostMapping
	ResponseEntity<?> signIn(@RequestBody SignIn body) {
		try {
			return ResponseEntity.status(HttpStatus.CREATED)
				.body(sessions.signIn(body.username(), body.password(), body.code()));
		}
		catch (AuthenticationException e) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage());
			problem.setTitle("Authentication required");
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
		}
	}
}
