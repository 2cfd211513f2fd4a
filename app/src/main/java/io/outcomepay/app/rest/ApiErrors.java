package io.outcomepay.app.rest;

import io.outcomepay.billing.contract.Contract;
import io.outcomepay.billing.period.application.SettlingPeriod;
import io.outcomepay.app.OutcomePay;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.Map;

/** Errors as {"error": "..."} with the one-line reason a user can act on. */
@RestControllerAdvice
public class ApiErrors {

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException e) {
        return error(HttpStatus.BAD_REQUEST, e);
    }

    @ExceptionHandler(Contract.ContractConflict.class)
    ResponseEntity<Map<String, String>> conflict(Contract.ContractConflict e) {
        return error(HttpStatus.CONFLICT, e);
    }

    @ExceptionHandler(SettlingPeriod.SettlementRefused.class)
    ResponseEntity<Map<String, String>> refused(SettlingPeriod.SettlementRefused e) {
        return error(HttpStatus.UNPROCESSABLE_CONTENT, e);
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<Map<String, String>> notFound(NotFound e) {
        return error(HttpStatus.NOT_FOUND, e);
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, Exception e) {
        return ResponseEntity.status(status).body(Map.of("error", OutcomePay.oneLine(e)));
    }

    /** The resource named in the path does not exist. */
    public static class NotFound extends RuntimeException {
        public NotFound(String message) {
            super(message);
        }
    }
}
