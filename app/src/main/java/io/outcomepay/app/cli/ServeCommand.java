package io.outcomepay.app.cli;

import io.outcomepay.app.OutcomePayRuntime;
import io.outcomepay.app.kafka.KafkaIntakeService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the REST API (OpenAPI at /v3/api-docs, UI at /swagger-ui/index.html) until stopped,",
                "with the Kafka intake (outcomepay.claims, outcomepay.ai-usage) and the outbound events",
                "(outcomepay.events) on the embedded broker or KAFKA_BOOTSTRAP_SERVERS."})
public class ServeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--no-kafka", description = "without Kafka: no intake from the topics, no outbound events")
    boolean noKafka;

    @Override
    public Integer call() throws InterruptedException {
        OutcomePayRuntime runtime = OutcomePayRuntime.start(true, Map.of("server.port", port), !noKafka);
        if (!noKafka) {
            runtime.bean(KafkaIntakeService.class).start();
        }
        spec.commandLine().getOut().println("OutcomePay REST API on http://localhost:" + port + " ("
                + runtime.databaseDescription() + "; " + runtime.kafkaDescription() + "); Ctrl-C stops it");
        spec.commandLine().getOut().flush();
        // Runs until the JVM is stopped; the runtime's shutdown hook then closes it in order.
        new CountDownLatch(1).await();
        return 0;
    }
}
