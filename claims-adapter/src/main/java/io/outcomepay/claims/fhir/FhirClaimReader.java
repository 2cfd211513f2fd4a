package io.outcomepay.claims.fhir;

import io.outcomepay.billing.limits.Decimals;
import io.outcomepay.billing.limits.InvalidValue;
import io.outcomepay.claims.intake.BoundedLines;
import io.outcomepay.billing.limits.Limits;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import io.outcomepay.billing.encounter.api.ClaimDetails;
import io.outcomepay.billing.encounter.api.SourceRef;
import io.outcomepay.claims.intake.IntakeItem;
import io.outcomepay.claims.intake.NormalizedClaim;
import io.outcomepay.claims.intake.Pseudonymizer;
import io.outcomepay.claims.intake.Rejection;
import io.outcomepay.claims.intake.StreamedClaimReader;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.ExplanationOfBenefit;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reads FHIR R4 Claim and ExplanationOfBenefit resources (CARIN Blue Button profiles): a single
 * resource, a Bundle of them, or NDJSON bulk export one resource per line (streamed). Hospital =
 * provider NPI (us-npi identifier, contained Organization or logical reference), patient = the
 * patient reference or identifier (pseudonymized), admission and discharge = supportingInfo
 * admissionperiod or billablePeriod, DRG = supportingInfo drg (or CMS clm_drg_cd) or a diagnosis
 * packageCode, billed = total submitted (EOB) or total (Claim), allowed = total eligible (EOB) or,
 * like an 837, the charge until the payer's covered amount is known. Status cancelled or
 * entered-in-error voids the claim; related.relationship prior makes it a replacement.
 * Positions are the resource's line (NDJSON) or entry number (Bundle).
 */
public final class FhirClaimReader extends StreamedClaimReader {

    private static final FhirContextHolder CONTEXT = new FhirContextHolder();
    private static final String NPI = "http://hl7.org/fhir/sid/us-npi";

    private final BoundedLines lines;
    private final Predicate<String> knownDrg;
    private final Pseudonymizer pseudonymizer;
    private final IParser parser;
    private final Deque<IntakeItem> ready = new ArrayDeque<>();
    private long line;
    private boolean finished;

    private FhirClaimReader(String sourceName, InputStream in, long totalBytes, Predicate<String> knownDrg,
                            Pseudonymizer pseudonymizer) {
        super(sourceName, in, totalBytes);
        this.lines = new BoundedLines(new InputStreamReader(input(), StandardCharsets.UTF_8), Limits.MAX_FHIR_DOCUMENT_CHARS);
        this.knownDrg = knownDrg;
        this.pseudonymizer = pseudonymizer;
        // An invalid primitive (say meta.lastUpdated) does not sink the claim; the fields settlement
        // needs are checked one by one below.
        this.parser = CONTEXT.get().newJsonParser()
                .setParserErrorHandler(new LenientErrorHandler().setErrorOnInvalidValue(false));
    }

    public static FhirClaimReader open(Path file, Predicate<String> knownDrg, Pseudonymizer pseudonymizer) {
        try {
            return new FhirClaimReader(file.getFileName().toString(), Files.newInputStream(file), Files.size(file),
                    knownDrg, pseudonymizer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** @param totalBytes the stream's length for progress reporting, or -1 */
    public static FhirClaimReader of(String sourceName, InputStream in, long totalBytes, Predicate<String> knownDrg,
                                     Pseudonymizer pseudonymizer) {
        return new FhirClaimReader(sourceName, in, totalBytes, knownDrg, pseudonymizer);
    }

    /** FhirContext is costly to create: one per process, made on first use. */
    private static final class FhirContextHolder {
        private FhirContext context;

        synchronized FhirContext get() {
            if (context == null) {
                context = FhirContext.forR4();
            }
            return context;
        }
    }

    @Override
    public boolean hasNext() {
        while (ready.isEmpty() && !finished) {
            readMore();
        }
        return !ready.isEmpty();
    }

    @Override
    public IntakeItem next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return ready.poll();
    }

    /**
     * Reads the next NDJSON line, or, when the first line does not hold a whole resource, the
     * whole document (a pretty-printed resource or Bundle).
     */
    private void readMore() {
        long start = line + 1;
        try {
            String text = lines.readLine();
            if (text == null) {
                finished = true;
                return;
            }
            line++;
            if (text.isBlank()) {
                return;
            }
            String document = text;
            if (!looksComplete(text)) {
                StringBuilder whole = new StringBuilder(text).append('\n');
                String more;
                while ((more = lines.readLine()) != null) {
                    line++;
                    if (whole.length() + more.length() >= Limits.MAX_FHIR_DOCUMENT_CHARS) {
                        throw new BoundedLines.LineTooLong(line, Limits.MAX_FHIR_DOCUMENT_CHARS);
                    }
                    whole.append(more).append('\n');
                }
                document = whole.toString();
                finished = true;
            }
            resource(document, start);
        } catch (BoundedLines.LineTooLong tooLong) {
            // nothing of it is read (nor kept: it may hold raw patient ids); a document ends the file
            line = Math.max(line, tooLong.line());
            ready.add(new Rejection(sourceName(), start, "resource", "is longer than " + Limits.MAX_FHIR_DOCUMENT_CHARS
                    + " characters: send large sets as NDJSON, one resource per line",
                    "unread resource at " + sourceName() + ":" + start));
        } catch (IOException e) {
            throw new UncheckedIOException(sourceName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The first JSON number (outside strings) longer than 64 characters or with an exponent of more
     * than two digits, described; null when there is none.
     */
    static String numberOutOfRange(String json) {
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '-' || (c >= '0' && c <= '9')) {
                int start = i;
                int exponentDigits = -1;
                while (i < json.length() && "0123456789+-.eE".indexOf(json.charAt(i)) >= 0) {
                    char d = json.charAt(i);
                    if (d == 'e' || d == 'E') {
                        exponentDigits = 0;
                    } else if (exponentDigits >= 0 && d >= '0' && d <= '9') {
                        exponentDigits++;
                    }
                    i++;
                }
                int length = i - start;
                if (length > 64 || exponentDigits > 2) {
                    return "the number " + json.substring(start, Math.min(i, start + 24)) + (length > 24 ? "…" : "")
                            + " is outside the limits (at most 64 characters and an exponent of two digits)";
                }
                i--;
            }
        }
        return null;
    }

    private static boolean looksComplete(String text) {
        String t = text.strip();
        return t.startsWith("{") && t.endsWith("}") && t.length() > 2;
    }

    private void resource(String json, long position) {
        String outOfRange = numberOutOfRange(json);
        if (outOfRange != null) {
            // refused before the FHIR parser sees it: it expands such numbers (1E+999999999) in memory
            ready.add(new Rejection(sourceName(), position, "resource", outOfRange,
                    "unparseable resource at " + sourceName() + ":" + position));
            return;
        }
        IBaseResource parsed;
        try {
            parsed = parser.parseResource(json);
        } catch (DataFormatException | ClassCastException e) {
            // The resource text is not kept: it may hold a raw patient id.
            ready.add(new Rejection(sourceName(), position, "resource", "not a FHIR R4 resource: "
                    + oneLine(e.getMessage()), "unparseable resource at " + sourceName() + ":" + position));
            return;
        }
        if (parsed instanceof Bundle bundle) {
            int entry = 0;
            for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
                entry++;
                claim(e.getResource(), entry);
            }
        } else {
            claim((Resource) parsed, position);
        }
    }

    private void claim(Resource resource, long position) {
        try {
            if (resource instanceof ExplanationOfBenefit eob) {
                ready.add(fromEob(eob, position));
            } else if (resource instanceof Claim claim) {
                ready.add(fromClaim(claim, position));
            } else {
                throw new InvalidValue("resourceType", "is " + (resource == null ? "missing" : resource.fhirType())
                        + ", not Claim or ExplanationOfBenefit");
            }
        } catch (InvalidValue invalid) {
            String id = resource == null ? "" : resource.fhirType() + "/" + resource.getIdPart();
            ready.add(new Rejection(sourceName(), position, invalid.field(), invalid.reason(), id));
        }
    }

    private NormalizedClaim fromEob(ExplanationOfBenefit eob, long position) {
        String claimId = claimId(eob.getIdentifier(), eob.getIdPart());
        String hospital = npi(eob, eob.getProvider());
        SourceRef source = new SourceRef(sourceName(), position);
        if (eob.getStatus() == ExplanationOfBenefit.ExplanationOfBenefitStatus.CANCELLED
                || eob.getStatus() == ExplanationOfBenefit.ExplanationOfBenefitStatus.ENTEREDINERROR) {
            return new NormalizedClaim.Void(hospital, claimId + "#" + eob.getStatus().toCode(), claimId, source);
        }
        BigDecimal billed = null;
        BigDecimal allowed = null;
        String currency = null;
        for (ExplanationOfBenefit.TotalComponent total : eob.getTotal()) {
            if (has(total.getCategory(), "submitted")) {
                billed = amount(total.getAmount(), "total.submitted");
                currency = currency(total.getAmount());
            } else if (has(total.getCategory(), "eligible")) {
                allowed = amount(total.getAmount(), "total.eligible");
            }
        }
        if (billed == null) {
            throw new InvalidValue("total", "no submitted total");
        }
        BigDecimal paid = eob.getPayment().hasAmount() ? amount(eob.getPayment().getAmount(), "payment.amount")
                : BigDecimal.ZERO.setScale(2);
        Period stay = period(eob.getSupportingInfo().stream()
                .filter(s -> has(s.getCategory(), "admissionperiod") && s.hasTimingPeriod())
                .map(ExplanationOfBenefit.SupportingInformationComponent::getTimingPeriod).findFirst(), eob.getBillablePeriod());
        String drg = eob.getSupportingInfo().stream()
                .filter(s -> isDrg(s.getCategory(), s.getCode())).map(s -> code(s.getCode())).findFirst()
                .orElseGet(() -> eob.getDiagnosis().stream().filter(d -> d.hasPackageCode())
                        .map(d -> code(d.getPackageCode())).findFirst().orElse(null));
        String principal = eob.getDiagnosis().stream()
                .filter(d -> d.getType().stream().anyMatch(t -> has(t, "principal")) && d.hasDiagnosisCodeableConcept())
                .map(d -> code(d.getDiagnosisCodeableConcept())).findFirst().orElse(null);
        ClaimDetails details = details(claimId, hospital, patient(eob, eob.getPatient()), stay, drg, principal, billed,
                allowed == null ? billed : allowed, paid, currency).withPayer(insurer(eob, eob.getInsurer()));
        return related(eob.getRelated().stream().filter(r -> has(r.getRelationship(), "prior"))
                .map(r -> reference(r.getClaim(), r.getReference())).findFirst(), details, source);
    }

    private NormalizedClaim fromClaim(Claim claim, long position) {
        String claimId = claimId(claim.getIdentifier(), claim.getIdPart());
        String hospital = npi(claim, claim.getProvider());
        SourceRef source = new SourceRef(sourceName(), position);
        if (claim.getStatus() == Claim.ClaimStatus.CANCELLED || claim.getStatus() == Claim.ClaimStatus.ENTEREDINERROR) {
            return new NormalizedClaim.Void(hospital, claimId + "#" + claim.getStatus().toCode(), claimId, source);
        }
        if (!claim.hasTotal()) {
            throw new InvalidValue("total", "is missing");
        }
        BigDecimal billed = amount(claim.getTotal(), "total");
        Period stay = period(claim.getSupportingInfo().stream()
                .filter(s -> has(s.getCategory(), "admissionperiod") && s.hasTimingPeriod())
                .map(Claim.SupportingInformationComponent::getTimingPeriod).findFirst(), claim.getBillablePeriod());
        String drg = claim.getSupportingInfo().stream()
                .filter(s -> isDrg(s.getCategory(), s.getCode())).map(s -> code(s.getCode())).findFirst()
                .orElseGet(() -> claim.getDiagnosis().stream().filter(d -> d.hasPackageCode())
                        .map(d -> code(d.getPackageCode())).findFirst().orElse(null));
        String principal = claim.getDiagnosis().stream()
                .filter(d -> d.getType().stream().anyMatch(t -> has(t, "principal")) && d.hasDiagnosisCodeableConcept())
                .map(d -> code(d.getDiagnosisCodeableConcept())).findFirst().orElse(null);
        ClaimDetails details = details(claimId, hospital, patient(claim, claim.getPatient()), stay, drg, principal,
                billed, billed, BigDecimal.ZERO.setScale(2), currency(claim.getTotal()))
                .withPayer(insurer(claim, claim.getInsurer()));
        return related(claim.getRelated().stream().filter(r -> has(r.getRelationship(), "prior"))
                .map(r -> reference(r.getClaim(), r.getReference())).findFirst(), details, source);
    }

    private static NormalizedClaim related(Optional<String> prior, ClaimDetails details, SourceRef source) {
        if (prior.isPresent() && !prior.get().equals(details.claimId())) {
            return new NormalizedClaim.Replacement(prior.get(), details, source);
        }
        return new NormalizedClaim.Original(details, source);
    }

    private ClaimDetails details(String claimId, String hospital, String patient, Period stay, String drg,
                                 String principal, BigDecimal billed, BigDecimal allowed, BigDecimal paid, String currency) {
        if (!stay.hasStart() || !stay.hasEnd()) {
            throw new InvalidValue("billablePeriod", "needs a start and an end (or supportingInfo admissionperiod)");
        }
        LocalDate admitted = day(stay.getStartElement().getValueAsString(), "start");
        LocalDate discharged = day(stay.getEndElement().getValueAsString(), "end");
        if (discharged.isBefore(admitted)) {
            throw new InvalidValue("billablePeriod", "ends " + discharged + ", before it starts " + admitted);
        }
        if (drg != null && !knownDrg.test(drg)) {
            throw new InvalidValue("supportingInfo.drg", "unknown DRG '" + drg + "'");
        }
        return new ClaimDetails(claimId, hospital, pseudonymizer.pseudonym(patient), admitted, discharged, drg, principal,
                billed, allowed, paid, currency, null, false);
    }

    private static String claimId(List<Identifier> identifiers, String id) {
        return identifiers.stream()
                .filter(i -> i.getType().getCoding().stream().anyMatch(c -> "uc".equals(c.getCode())) && i.hasValue())
                .map(Identifier::getValue).findFirst()
                .orElseGet(() -> {
                    if (id == null || id.isBlank()) {
                        throw new InvalidValue("identifier", "no unique claim id (type uc) and no resource id");
                    }
                    return id;
                });
    }

    private static String npi(DomainResource resource, Reference provider) {
        if (provider.hasIdentifier() && provider.getIdentifier().hasValue()) {
            return provider.getIdentifier().getValue();
        }
        String ref = provider.getReference();
        if (ref != null && ref.startsWith("#")) {
            return resource.getContained().stream().filter(r -> r instanceof Organization && ref.substring(1).equals(r.getIdPart()))
                    .map(r -> (Organization) r).flatMap(o -> o.getIdentifier().stream())
                    .filter(i -> NPI.equals(i.getSystem()) && i.hasValue()).map(Identifier::getValue).findFirst()
                    .orElseThrow(() -> new InvalidValue("provider", "the contained provider has no NPI identifier"));
        }
        if (ref != null && !ref.isBlank()) {
            return ref.substring(ref.lastIndexOf('/') + 1);
        }
        throw new InvalidValue("provider", "is missing");
    }

    /**
     * The payer (Claim.insurer, ExplanationOfBenefit.insurer): its identifier, else the contained
     * Organization's first identifier (else its name), else the id its reference ends with; null
     * when there is none.
     */
    private static String insurer(DomainResource resource, Reference insurer) {
        if (insurer.hasIdentifier() && insurer.getIdentifier().hasValue()) {
            return insurer.getIdentifier().getValue();
        }
        String ref = insurer.getReference();
        if (ref != null && ref.startsWith("#")) {
            Organization org = resource.getContained().stream()
                    .filter(r -> r instanceof Organization && ref.substring(1).equals(r.getIdPart()))
                    .map(r -> (Organization) r).findFirst()
                    .orElseThrow(() -> new InvalidValue("insurer", "names " + ref + ", which is not contained"));
            return org.getIdentifier().stream().filter(Identifier::hasValue).map(Identifier::getValue).findFirst()
                    .orElseGet(() -> org.hasName() ? org.getName() : null);
        }
        return ref == null || ref.isBlank() ? null : ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static String patient(DomainResource resource, Reference patient) {
        if (patient.hasIdentifier() && patient.getIdentifier().hasValue()) {
            return patient.getIdentifier().getValue();
        }
        String ref = patient.getReference();
        if (ref != null && ref.startsWith("#")) {
            return resource.getContained().stream().filter(r -> r instanceof Patient && ref.substring(1).equals(r.getIdPart()))
                    .map(r -> (Patient) r).flatMap(p -> p.getIdentifier().stream()).filter(Identifier::hasValue)
                    .map(Identifier::getValue).findFirst()
                    .orElseThrow(() -> new InvalidValue("patient", "the contained patient has no identifier"));
        }
        if (ref != null && !ref.isBlank()) {
            return ref;
        }
        throw new InvalidValue("patient", "is missing");
    }

    private static String reference(Reference claim, Identifier reference) {
        if (claim.hasIdentifier() && claim.getIdentifier().hasValue()) {
            return claim.getIdentifier().getValue();
        }
        if (reference != null && reference.hasValue()) {
            return reference.getValue();
        }
        String ref = claim.getReference();
        return ref == null ? null : ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static boolean isDrg(CodeableConcept category, CodeableConcept code) {
        return has(category, "drg") || category.getCoding().stream().anyMatch(c -> c.getCode() != null
                && c.getCode().endsWith("clm_drg_cd")) || code.getCoding().stream().anyMatch(c -> c.getSystem() != null
                && (c.getSystem().endsWith("clm_drg_cd") || c.getSystem().contains("MS-DRG")));
    }

    private static boolean has(CodeableConcept concept, String code) {
        return concept.getCoding().stream().map(Coding::getCode).anyMatch(code::equals);
    }

    private static String code(CodeableConcept concept) {
        return concept.getCoding().stream().map(Coding::getCode).filter(c -> c != null && !c.isBlank()).findFirst()
                .orElse(null);
    }

    private static Period period(Optional<Period> admission, Period billable) {
        return admission.orElse(billable);
    }

    /** The calendar day as written (the first ten characters), whatever the JVM's time zone. */
    private static LocalDate day(String value, String which) {
        try {
            return LocalDate.parse(value.substring(0, Math.min(10, value.length())));
        } catch (RuntimeException e) {
            throw new InvalidValue("billablePeriod", which + " '" + value + "' is not a date");
        }
    }

    /** The amount as the resource's text has it (no exponent), at its currency's decimals. */
    private static BigDecimal amount(Money money, String field) {
        if (money == null || !money.hasValue()) {
            throw new InvalidValue(field, "has no value");
        }
        String code = currency(money);
        Limits.currencyDigits(field + ".currency", code);
        return Decimals.amount(field, money.getValueElement().getValueAsString(), java.util.Currency.getInstance(code));
    }

    private static String currency(Money money) {
        return money.hasCurrency() ? money.getCurrency() : "USD";
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s+", " ");
    }




    @Override
    public void close() {
        try {
            lines.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
