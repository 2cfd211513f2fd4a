package io.outcomepay.app.support;

import io.outcomepay.app.OutcomePayApplication;
import io.outcomepay.app.kafka.KafkaClients;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that run the whole application on the test PostgreSQL and Kafka. All share one Spring
 * context (same configuration), so one set of event processors owns the tokens.
 */
@SpringBootTest(classes = OutcomePayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase.DATABASE::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("outcomepay.home", TestDatabase.HOME::toString);
        registry.add("outcomepay.ingest-batch-size", () -> "4");
        registry.add(KafkaClients.BOOTSTRAP_PROPERTY, TestKafka.BROKER::bootstrapServers);
    }
}
