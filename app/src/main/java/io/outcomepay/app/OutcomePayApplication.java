package io.outcomepay.app;

import io.outcomepay.app.baseline.ShippedBaselines;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The Spring Boot assembly; aggregates are found in io.outcomepay.billing. */
@SpringBootApplication(scanBasePackages = {"io.outcomepay.app", "io.outcomepay.billing"})
public class OutcomePayApplication {

    @Bean
    public ShippedBaselines shippedBaselines(CommandGateway commands) {
        return new ShippedBaselines(commands);
    }
}
