package io.outcomepay.app;

import io.outcomepay.app.embedded.EmbeddedDatabase;
import io.outcomepay.app.embedded.EmbeddedKafka;
import io.outcomepay.app.kafka.KafkaClients;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One running OutcomePay: the embedded PostgreSQL (unless SPRING_DATASOURCE_URL names another
 * server) and the Spring context. Closing it stops both, the context first; so does the JVM's
 * shutdown (Ctrl-C, SIGTERM), through one hook, so the database never stops under the application.
 */
public final class OutcomePayRuntime implements AutoCloseable {

    public static final int DEFAULT_PG_PORT = 54329;
    public static final int DEFAULT_KAFKA_PORT = 19092;

    private final ConfigurableApplicationContext context;
    private final EmbeddedDatabase database;
    private final EmbeddedKafka kafka;
    private final Path home;
    private final AtomicBoolean closed = new AtomicBoolean();

    private OutcomePayRuntime(ConfigurableApplicationContext context, EmbeddedDatabase database, EmbeddedKafka kafka,
                              Path home) {
        this.context = context;
        this.database = database;
        this.kafka = kafka;
        this.home = home;
    }

    public static OutcomePayRuntime start(boolean web, Map<String, Object> extraProperties) {
        return start(web, extraProperties, false);
    }

    /**
     * @param withKafka also connect to Kafka: the cluster at KAFKA_BOOTSTRAP_SERVERS, else an
     *                  embedded broker under the home directory (port OUTCOMEPAY_KAFKA_PORT, 19092)
     */
    public static OutcomePayRuntime start(boolean web, Map<String, Object> extraProperties, boolean withKafka) {
        quietAxon();
        Path home = home();
        Map<String, Object> properties = new HashMap<>(extraProperties);
        properties.put("outcomepay.home", home.toString());
        EmbeddedDatabase database = null;
        if (!externalDatabase()) {
            database = EmbeddedDatabase.start(home, pgPort());
            properties.put("spring.datasource.url", database.jdbcUrl());
            properties.put("spring.datasource.username", "postgres");
            properties.put("spring.datasource.password", "");
        }
        EmbeddedKafka kafka = null;
        try {
            if (withKafka) {
                String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
                if (external != null && !external.isBlank()) {
                    properties.put(KafkaClients.BOOTSTRAP_PROPERTY, external.strip());
                } else {
                    kafka = EmbeddedKafka.start(home, kafkaPort());
                    properties.put(KafkaClients.BOOTSTRAP_PROPERTY, kafka.bootstrapServers());
                }
            }
            ConfigurableApplicationContext context = new SpringApplicationBuilder(OutcomePayApplication.class)
                    .web(web ? WebApplicationType.SERVLET : WebApplicationType.NONE)
                    .properties(properties)
                    .logStartupInfo(false)
                    .registerShutdownHook(false)
                    .run();
            OutcomePayRuntime runtime = new OutcomePayRuntime(context, database, kafka, home);
            java.lang.Runtime.getRuntime().addShutdownHook(new Thread(runtime::close, "outcomepay-shutdown"));
            return runtime;
        } catch (RuntimeException e) {
            if (kafka != null) {
                kafka.close();
            }
            if (database != null) {
                database.close();
            }
            throw e;
        }
    }

    /** Axon's update check and console banner stay off: no call leaves this machine. */
    public static void quietAxon() {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
    }

    /** $OUTCOMEPAY_HOME, or the system property outcomepay.home, or ./.outcomepay. */
    public static Path home() {
        String configured = System.getProperty("outcomepay.home", System.getenv("OUTCOMEPAY_HOME"));
        return Path.of(configured == null || configured.isBlank() ? ".outcomepay" : configured).toAbsolutePath().normalize();
    }

    static boolean externalDatabase() {
        String env = System.getenv("SPRING_DATASOURCE_URL");
        return (env != null && !env.isBlank()) || System.getProperty("spring.datasource.url") != null;
    }

    private static int kafkaPort() {
        String port = System.getenv("OUTCOMEPAY_KAFKA_PORT");
        return port == null || port.isBlank() ? DEFAULT_KAFKA_PORT : Integer.parseInt(port.strip());
    }

    private static int pgPort() {
        String port = System.getenv("OUTCOMEPAY_PG_PORT");
        return port == null || port.isBlank() ? DEFAULT_PG_PORT : Integer.parseInt(port.strip());
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public Path homeDirectory() {
        return home;
    }

    public String kafkaDescription() {
        String servers = context.getEnvironment().getProperty(KafkaClients.BOOTSTRAP_PROPERTY);
        return servers == null ? "Kafka off" : kafka != null ? "embedded Kafka on " + servers + ", logs in "
                + home.resolve("kafka") : "Kafka at " + servers + " (KAFKA_BOOTSTRAP_SERVERS)";
    }

    public String databaseDescription() {
        return database == null ? "external PostgreSQL (SPRING_DATASOURCE_URL)"
                : "embedded PostgreSQL on port " + database.port() + ", data in " + home.resolve("pgdata");
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            context.close();
        } finally {
            try {
                if (kafka != null) {
                    kafka.close();
                }
            } finally {
                if (database != null) {
                    database.close();
                }
            }
        }
    }
}
