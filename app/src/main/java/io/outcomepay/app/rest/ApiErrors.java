package io.outcomepay.app.rest;

import io.outcomepay.app.OutcomePay;
import io.outcomepay.billing.contract.Contract;
import io.outcomepay.billing.period.application.SettlingPeriod;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Errors as RFC 9457 problem details (application/problem+json): status, title, the one-line reason
 * a user can act on as detail, the request path as instance, and the field at fault when there is one.
 */
@RestControllerAdvice
public class ApiErrors {

    /** "field: reason", optionally after "event [3] " (an element of a posted list) or "request body: ". */
    private static final Pattern FIELD = Pattern.compile("^(?:event \\[\\d+] |request body: )?([a-z][a-z0-9_.-]*): ");

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, OutcomePay.oneLine(e), null, request);
    }

    /** A value outside the limits (docs/limits.md): 400 naming the field. */
    @ExceptionHandler(io.outcomepay.billing.limits.InvalidValue.class)
    ProblemDetail invalidValue(io.outcomepay.billing.limits.InvalidValue e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage(), e.field(), request);
    }

    /** A read model needed by the request has parked an event: no true answer until it is retried or evicted. */
    @ExceptionHandler(io.outcomepay.analytics.catchup.ReadModelCatchUp.ReadModelParked.class)
    ProblemDetail parked(io.outcomepay.analytics.catchup.ReadModelCatchUp.ReadModelParked e, HttpServletRequest request) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, OutcomePay.oneLine(e), null, request);
    }

    /** A body past its maximum ({@link RequestBodyLimit}), found however deep the reader that met it wrapped it. */
    @ExceptionHandler(RequestBodyLimit.TooLarge.class)
    ProblemDetail tooLarge(RequestBodyLimit.TooLarge e, HttpServletRequest request) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, e.getMessage(), null, request);
    }

    @ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
    ProblemDetail unreadable(org.springframework.http.converter.HttpMessageNotReadableException e,
                             HttpServletRequest request) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RequestBodyLimit.TooLarge tooLarge) {
                return tooLarge(tooLarge, request);
            }
        }
        return problem(HttpStatus.BAD_REQUEST, "body: " + OutcomePay.oneLine(e), "body", request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, e.getParameterName() + ": is required", e.getParameterName(), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, e.getName() + ": '" + e.getValue() + "' is not a valid "
                + (e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName()), e.getName(), request);
    }

    @ExceptionHandler(Contract.ContractConflict.class)
    ProblemDetail conflict(Contract.ContractConflict e, HttpServletRequest request) {
        return problem(HttpStatus.CONFLICT, OutcomePay.oneLine(e), null, request);
    }

    @ExceptionHandler(SettlingPeriod.SettlementRefused.class)
    ProblemDetail refused(SettlingPeriod.SettlementRefused e, HttpServletRequest request) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, OutcomePay.oneLine(e), null, request);
    }

    @ExceptionHandler(io.outcomepay.billing.period.api.PeriodRefused.class)
    ProblemDetail periodRefused(io.outcomepay.billing.period.api.PeriodRefused e, HttpServletRequest request) {
        // a missing actor or reason is bad input; any other refusal is the month's state
        String detail = OutcomePay.oneLine(e);
        boolean badInput = detail.startsWith("actor: ") || detail.startsWith("reason: ");
        return problem(badInput ? HttpStatus.BAD_REQUEST : HttpStatus.CONFLICT, detail, null, request);
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, OutcomePay.oneLine(e), null, request);
    }

    private static ProblemDetail problem(HttpStatus status, String detail, String field, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        String atFault = field;
        if (atFault == null) {
            Matcher m = FIELD.matcher(detail);
            atFault = m.find() ? m.group(1) : null;
        }
        if (atFault != null) {
            problem.setProperty("field", atFault);
        }
        return problem;
    }

    /** The resource named in the path does not exist. */
    public static class NotFound extends RuntimeException {
        public NotFound(String message) {
            super(message);
        }
    }
}
