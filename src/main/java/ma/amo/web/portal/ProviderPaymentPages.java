package ma.amo.web.portal;

import java.util.List;

import ma.amo.audit.AuditEntry;
import ma.amo.audit.AuditTrail;
import ma.amo.payments.ProviderPayments;
import ma.amo.payments.StatementPdf;
import ma.amo.payments.Statements;
import ma.amo.shared.Viewer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * An establishment's payments (tiers payant): the transfers of the payment batches to its INPE, newest first, each with
 * the claims it pays, and the bordereau of a transfer as the payments module prints it (PDF). The payments module keeps
 * a provider to its own transfers.
 */
@Controller
@RequestMapping("/prestataire/paiements")
class ProviderPaymentPages {

	/** The transfers one page shows: a year of monthly batches and more. */
	private static final int SHOWN = 50;

	private final ProviderPayments payments;
	private final Statements statements;
	private final StatementPdf pdf;
	private final AuditTrail trail;

	ProviderPaymentPages(ProviderPayments payments, Statements statements, StatementPdf pdf, AuditTrail trail) {
		this.payments = payments;
		this.statements = statements;
		this.pdf = pdf;
		this.trail = trail;
	}

	@GetMapping
	String payments(Model model) {
		List<ProviderPayments.ProviderPayment> found = payments.search(null, null, null, SHOWN);
		trail.record(Viewer.actingAccount(), AuditEntry.Action.READ, "PAYMENT_BATCH",
				found.stream().map(p -> Long.toString(p.batchId())).toList(), "STATEMENT");
		model.addAttribute("payments", found);
		return "portal/provider-payments";
	}

	@GetMapping("/{batchId}/bordereau.pdf")
	ResponseEntity<byte[]> statement(@PathVariable long batchId) {
		String inpe = Viewer.current().map(Viewer::inpe).orElse("");
		Statements.TransferStatement statement = statements.ofTransfer(batchId, inpe);
		trail.record(Viewer.actingAccount(), AuditEntry.Action.READ, "PAYMENT_BATCH", Long.toString(batchId), "STATEMENT");
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
			.header("Content-Disposition", "attachment; filename=\"bordereau-" + statement.batchReference() + ".pdf\"")
			.body(pdf.transfer(statement));
	}
}
