package ma.amo.payments;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import ma.amo.shared.InvalidInput;

/**
 * Reads a bank's return file, streaming and hardened: an ISO 20022 Customer Payment Status Report
 * ({@code pain.002.001.10}) or Bank-to-Customer Debit/Credit Notification ({@code camt.054.001.08}), told apart by the
 * namespace of their {@code Document}. A document type declaration is refused (no entity of any kind is expanded),
 * as are a file over {@link #MAX_BYTES}, more than {@link #MAX_ELEMENTS} elements, elements nested deeper than
 * {@link #MAX_DEPTH} and a value over {@link #MAX_TEXT} characters. What the file says is only read here, each
 * statement named by its place in the file ({@code TxInfAndSts[3]}, counted from 0); {@link BankReturns} checks it
 * against the batches.
 */
final class BankReturnFile {

	static final String PAIN_002 = "pain.002.001.10";
	static final String CAMT_054 = "camt.054.001.08";
	private static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:";

	static final int MAX_BYTES = 50 * 1024 * 1024;
	static final int MAX_ELEMENTS = 5_000_000;
	static final int MAX_DEPTH = 32;
	static final int MAX_TEXT = 500;

	private static final Pattern ID = Pattern.compile("[\\p{L}\\p{N} /?:().,'+-]{1,35}");
	private static final Pattern CODE = Pattern.compile("[A-Z0-9]{4}");
	private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
	private static final Set<String> ACCEPTED = Set.of("ACCP", "ACSC", "ACSP", "ACWC", "ACCC", "ACFC");
	private static final Set<String> WAITING = Set.of("ACTC", "RCVD", "PDNG", "PART");

	/** What the bank says of a transfer, or with {@code endToEndId} null, of every transfer of the batch. */
	enum Outcome {
		SETTLED, REJECTED, WAITING
	}

	/**
	 * One statement of the file.
	 *
	 * @param path where it is in the file, e.g. {@code TxInfAndSts[3]}
	 * @param batchField the field that names the batch, e.g. {@code OrgnlGrpInfAndSts.OrgnlMsgId}
	 */
	record Statement(String path, String batchField, String batchReference, String endToEndId, Outcome outcome,
			String reasonCode, BigDecimal amount, String currency) {
	}

	record Parsed(String format, String messageId, List<Statement> statements) {
	}

	private BankReturnFile() {
	}

	static Parsed read(byte[] file) {
		if (file == null || file.length == 0) {
			throw new InvalidInput("body", "required", "the bank return file is empty");
		}
		if (file.length > MAX_BYTES) {
			throw new InvalidInput("body", "max-size", "a bank return file is at most " + MAX_BYTES / (1024 * 1024) + " MB");
		}
		XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		try {
			XMLStreamReader xml = factory.createXMLStreamReader(new ByteArrayInputStream(file));
			try {
				return new Reader(xml).read();
			}
			finally {
				xml.close();
			}
		}
		catch (XMLStreamException e) {
			throw new InvalidInput("body", "xml", "the bank return file is not well-formed XML: "
					+ (e.getLocation() == null ? "" : "line " + e.getLocation().getLineNumber() + ", ") + "refused");
		}
	}

	/** One pass over the document, keeping only the element path and the statement being read. */
	private static final class Reader {

		private final XMLStreamReader xml;
		private final Deque<String> path = new ArrayDeque<>();
		private final List<Statement> statements = new ArrayList<>();
		private final StringBuilder text = new StringBuilder();
		private String format;
		private String messageId;
		private int elements;
		// The statement being read, and the group or payment block around it.
		private Fields tx;
		private Fields group;
		private Fields block;
		private int txCount;
		private int blockTxs;
		private int groupTxs;
		private String entryStatus;
		private int entries;

		Reader(XMLStreamReader xml) {
			this.xml = xml;
		}

		Parsed read() throws XMLStreamException {
			while (xml.hasNext()) {
				int event = xml.next();
				switch (event) {
					case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.ENTITY_DECLARATION ->
						throw new InvalidInput("body", "no-dtd", "a bank return file may not declare a document type or entities");
					case XMLStreamConstants.START_ELEMENT -> start();
					case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
						if (text.length() + xml.getTextLength() > MAX_TEXT) {
							throw new InvalidInput(where(), "max-length", "a value of a bank return file is at most "
									+ MAX_TEXT + " characters");
						}
						text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
					}
					case XMLStreamConstants.END_ELEMENT -> end();
					default -> {
					}
				}
			}
			if (messageId == null) {
				throw new InvalidInput("GrpHdr.MsgId", "required", "the file has no message identifier");
			}
			return new Parsed(format, messageId, statements);
		}

		private void start() {
			if (++elements > MAX_ELEMENTS) {
				throw new InvalidInput("body", "max-elements", "a bank return file has at most " + MAX_ELEMENTS + " elements");
			}
			if (path.size() >= MAX_DEPTH) {
				throw new InvalidInput(where(), "max-depth", "elements of a bank return file nest at most " + MAX_DEPTH + " deep");
			}
			String name = xml.getLocalName();
			if (path.isEmpty()) {
				String namespace = xml.getNamespaceURI();
				format = namespace == null || !namespace.startsWith(NAMESPACE) ? null : namespace.substring(NAMESPACE.length());
				if (!"Document".equals(name) || !(PAIN_002.equals(format) || CAMT_054.equals(format))) {
					throw new BankReturnRefused("Document", "file-type", "the file is neither a " + PAIN_002
							+ " status report nor a " + CAMT_054 + " notification (namespace " + namespace + ")");
				}
			}
			path.push(name);
			text.setLength(0);
			switch (name) {
				case "OrgnlGrpInfAndSts" -> {
					group = new Fields("OrgnlGrpInfAndSts");
					groupTxs = 0;
				}
				case "OrgnlPmtInfAndSts" -> {
					block = new Fields("OrgnlPmtInfAndSts");
					blockTxs = 0;
				}
				case "TxInfAndSts", "TxDtls" -> tx = new Fields(name + "[" + txCount++ + "]");
				case "Ntry" -> {
					entryStatus = null;
					entries++;
				}
				default -> {
				}
			}
			if (tx != null && ("InstdAmt".equals(name) || ("Amt".equals(name) && parentIs("TxDtls")))) {
				tx.currency = xml.getAttributeValue(null, "Ccy");
			}
		}

		private void end() {
			String name = path.peek();
			String value = text.toString().strip();
			text.setLength(0);
			Fields at = tx != null ? tx : block != null ? block : group;
			switch (name) {
				case "MsgId" -> {
					if (parentIs("GrpHdr")) {
						messageId = id("GrpHdr.MsgId", value);
					}
					else if (tx != null && parentIs("Refs")) {
						tx.reference = id(tx.name + ".Refs.MsgId", value);
						tx.referenceField = tx.name + ".Refs.MsgId";
					}
				}
				case "OrgnlMsgId" -> {
					if (group != null) {
						group.reference = id("OrgnlGrpInfAndSts.OrgnlMsgId", value);
					}
				}
				case "PmtInfId" -> {
					if (tx != null && parentIs("Refs") && tx.reference == null) {
						tx.reference = id(tx.name + ".Refs.PmtInfId", value);
						tx.referenceField = tx.name + ".Refs.PmtInfId";
					}
				}
				case "OrgnlEndToEndId", "EndToEndId" -> {
					if (tx != null) {
						tx.endToEndId = id(tx.name + "." + (parentIs("Refs") ? "Refs." : "") + name, value);
					}
				}
				case "GrpSts", "PmtInfSts", "TxSts" -> {
					if (at != null) {
						at.status = status(at.name + "." + name, value);
					}
				}
				case "Cd" -> {
					if (parentIs("Rsn") && at != null) {
						at.reason = code(at.name + ".Rsn.Cd", value);
					}
					else if (parentIs("Sts") && !format.startsWith("pain")) {
						entryStatus = value;
					}
				}
				case "RtrInf" -> {
					if (tx != null) {
						tx.returned = true;
					}
				}
				case "InstdAmt", "Amt" -> {
					if (tx != null && ("InstdAmt".equals(name) || parentIs("TxDtls"))) {
						tx.amount = amount(tx.name + "." + name, value);
						tx.currency = currency(tx.name + "." + name + ".Ccy", tx.currency);
					}
				}
				case "TxInfAndSts" -> {
					statements.add(painStatement(tx));
					tx = null;
					blockTxs++;
					groupTxs++;
				}
				case "TxDtls" -> {
					statements.add(camtStatement(tx));
					tx = null;
				}
				case "OrgnlPmtInfAndSts" -> {
					// A status for the whole payment block, without a line per transfer: it is every transfer's.
					if (blockTxs == 0 && block.status != null) {
						statements.add(blanket(block));
						groupTxs++;
					}
					block = null;
				}
				case "OrgnlGrpInfAndSts" -> {
					if (groupTxs == 0 && group.status != null) {
						statements.add(blanket(group));
					}
				}
				default -> {
				}
			}
			path.pop();
		}

		private Statement painStatement(Fields line) {
			if (line.endToEndId == null) {
				throw new InvalidInput(line.name + ".OrgnlEndToEndId", "required", "each transaction status names its transfer");
			}
			if (line.status == null) {
				throw new InvalidInput(line.name + ".TxSts", "required", "each transaction status has its status");
			}
			return new Statement(line.name, "OrgnlGrpInfAndSts.OrgnlMsgId", group == null ? null : group.reference,
					line.endToEndId, line.status, line.reason, line.amount, line.currency);
		}

		private Statement camtStatement(Fields line) {
			if (line.endToEndId == null) {
				throw new InvalidInput(line.name + ".Refs.EndToEndId", "required", "each transaction names its transfer");
			}
			Outcome outcome = line.returned ? Outcome.REJECTED
					: "BOOK".equals(entryStatus) ? Outcome.SETTLED : Outcome.WAITING;
			return new Statement(line.name, line.referenceField == null ? line.name + ".Refs.PmtInfId" : line.referenceField,
					line.reference, line.endToEndId, outcome, line.reason, line.amount, line.currency);
		}

		private Statement blanket(Fields level) {
			return new Statement(level.name, "OrgnlGrpInfAndSts.OrgnlMsgId", group == null ? null : group.reference, null,
					level.status, level.status == Outcome.REJECTED ? (level.reason != null ? level.reason : group.reason) : null,
					null, null);
		}

		private boolean parentIs(String name) {
			// The stack holds the element being closed or opened on top; its parent is just under it.
			var it = path.iterator();
			if (!it.hasNext()) {
				return false;
			}
			it.next();
			return it.hasNext() && name.equals(it.next());
		}

		private String where() {
			List<String> names = new ArrayList<>(path);
			java.util.Collections.reverse(names);
			return names.isEmpty() ? "body" : String.join(".", names);
		}

		private static String id(String field, String value) {
			if (!ID.matcher(value).matches()) {
				throw new InvalidInput(field, "max-35-text", "must be 1 to 35 characters of the ISO 20022 set");
			}
			return value;
		}

		private static String code(String field, String value) {
			if (!CODE.matcher(value).matches()) {
				throw new InvalidInput(field, "reason-code", "must be a 4-character ISO 20022 reason code");
			}
			return value;
		}

		private static String currency(String field, String value) {
			if (value == null || !CURRENCY.matcher(value).matches()) {
				throw new InvalidInput(field, "currency", "must be a 3-letter ISO 4217 currency code");
			}
			return value;
		}

		private static BigDecimal amount(String field, String value) {
			if (value.length() > 19) {
				throw new InvalidInput(field, "amount", "must be an amount of at most 18 digits");
			}
			try {
				BigDecimal amount = new BigDecimal(value);
				if (amount.signum() <= 0 || amount.scale() > 5 || amount.precision() > 18) {
					throw new InvalidInput(field, "amount", "must be a positive amount of at most 18 digits, 5 decimals");
				}
				return amount;
			}
			catch (NumberFormatException e) {
				throw new InvalidInput(field, "amount", "must be a decimal amount");
			}
		}

		private static Outcome status(String field, String value) {
			if ("RJCT".equals(value)) {
				return Outcome.REJECTED;
			}
			if (ACCEPTED.contains(value)) {
				return Outcome.SETTLED;
			}
			if (WAITING.contains(value)) {
				return Outcome.WAITING;
			}
			throw new InvalidInput(field, "status", "must be an ISO 20022 status code (ACCP, ACSC, ACSP, ACWC, RJCT, PDNG...)");
		}
	}

	/** What is read of one statement, or of its payment block or group. */
	private static final class Fields {

		final String name;
		String reference;
		String referenceField;
		String endToEndId;
		Outcome status;
		String reason;
		BigDecimal amount;
		String currency;
		boolean returned;

		Fields(String name) {
			this.name = name;
		}
	}
}
