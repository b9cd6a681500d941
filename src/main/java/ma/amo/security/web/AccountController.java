package ma.amo.security.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import ma.amo.security.Accounts;
import ma.amo.security.SystemClients;
import ma.amo.shared.AccessRefused;
import ma.amo.shared.Viewer;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Security", description = "Users, roles and the establishments' systems")
@RestController
@RequestMapping("/api/v1")
class AccountController {

	private final Accounts accounts;
	private final SystemClients clients;

	AccountController(Accounts accounts, SystemClients clients) {
		this.accounts = accounts;
		this.clients = clients;
	}

	record NewClient(String inpe) {
	}

	@Operation(summary = "Create a user with a role and its scope; an agent's answer carries the TOTP secret, shown once")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "The account created (an agent's TOTP secret shown once)")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = "The username is taken")
	@PostMapping("/users")
	ResponseEntity<Accounts.Created> create(@RequestBody Accounts.NewAccount account) {
		Accounts.Created created = accounts.create(account);
		return ResponseEntity.created(URI.create("/api/v1/users/" + account.username())).body(created);
	}

	@Operation(summary = "Who the caller is: role and scope")
	@GetMapping("/users/me")
	Viewer me() {
		return Viewer.current().orElseThrow(() -> new AccessRefused("no user"));
	}

	@Operation(summary = "Issue OAuth2 client credentials to an establishment's information system (secret shown once)")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "The client created, its secret shown once")
	@PostMapping("/system-clients")
	ResponseEntity<SystemClients.Issued> issue(@RequestBody NewClient client) {
		return ResponseEntity.status(201).body(clients.issue(client.inpe()));
	}

	@Operation(summary = "The establishments' system clients (of one establishment with inpe), never their secrets")
	@ApiResponse(responseCode = "200", description = "the clients, oldest first")
	@ApiResponse(responseCode = "401", description = "not logged in")
	@ApiResponse(responseCode = "403", description = "not an administrator")
	@GetMapping("/system-clients")
	List<SystemClients.Client> clients(@RequestParam(required = false) String inpe) {
		return clients.clients(inpe == null || inpe.isBlank() ? null : inpe.strip());
	}

	@Operation(summary = "Disable a system client: no new token, and the tokens it holds are refused at once")
	@ApiResponse(responseCode = "200", description = "the client, disabled")
	@ApiResponse(responseCode = "401", description = "not logged in")
	@ApiResponse(responseCode = "403", description = "not an administrator")
	@ApiResponse(responseCode = "404", description = "no such client")
	@PostMapping("/system-clients/{clientId}/revocation")
	SystemClients.Client disable(@PathVariable String clientId) {
		return clients.disable(clientId);
	}

	@Operation(summary = "Rotate a system client's secret: the new secret is shown once; the old one and its tokens stop working")
	@ApiResponse(responseCode = "200", description = "the client with its new secret")
	@ApiResponse(responseCode = "401", description = "not logged in")
	@ApiResponse(responseCode = "403", description = "not an administrator")
	@ApiResponse(responseCode = "404", description = "no such client")
	@ApiResponse(responseCode = "409", description = "the client is disabled")
	@PostMapping("/system-clients/{clientId}/rotation")
	SystemClients.Issued rotate(@PathVariable String clientId) {
		return clients.rotate(clientId);
	}
}
