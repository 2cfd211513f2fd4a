package io.outcomepay.app.embedded;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.utils.Time;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A real Kafka broker (KRaft, broker and controller in one process, from the kafka_2.13 jars) with
 * its log directory under the OutcomePay home, kept across runs like the embedded PostgreSQL. One
 * node, so every replication factor is 1; the cluster id is stored beside the logs.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private final KafkaRaftServer server;
    private final int port;

    private EmbeddedKafka(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** @param port the client port (the controller listens on the next one), or 0 for free ports */
    public static EmbeddedKafka start(Path home, int port) {
        Path logs = home.resolve("kafka");
        int brokerPort = port > 0 ? port : freePort();
        int controllerPort = port > 0 ? port + 1 : freePort();
        try {
            Files.createDirectories(logs);
            Properties config = new Properties();
            config.put("process.roles", "broker,controller");
            config.put("node.id", "1");
            config.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
            config.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
            config.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
            config.put("controller.listener.names", "CONTROLLER");
            config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            config.put("inter.broker.listener.name", "PLAINTEXT");
            config.put("log.dirs", logs.toString());
            config.put("offsets.topic.replication.factor", "1");
            config.put("offsets.topic.num.partitions", "3");
            config.put("transaction.state.log.replication.factor", "1");
            config.put("transaction.state.log.min.isr", "1");
            config.put("share.coordinator.state.topic.replication.factor", "1");
            config.put("share.coordinator.state.topic.min.isr", "1");
            config.put("default.replication.factor", "1");
            config.put("num.partitions", "3");
            config.put("group.initial.rebalance.delay.ms", "0");
            config.put("auto.create.topics.enable", "false");
            // Every acknowledged record is on disk, as PostgreSQL's commits are.
            config.put("log.flush.interval.messages", "1");
            Path properties = logs.resolve("server.properties");
            try (var out = Files.newOutputStream(properties)) {
                config.store(out, "written by OutcomePay at each start of the embedded broker");
            }
            format(logs, properties);
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
            server.startup();
            return new EmbeddedKafka(server, brokerPort);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded Kafka broker in " + logs + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot start the embedded Kafka broker in " + logs + " on port " + brokerPort
                    + " (is another OutcomePay process using it?): " + e.getMessage(), e);
        }
    }

    /** Formats the log directory once; the cluster id stays in the directory's meta.properties. */
    private static void format(Path logs, Path properties) throws IOException {
        Path clusterIdFile = logs.resolve("cluster.id");
        if (!Files.exists(clusterIdFile)) {
            Files.writeString(clusterIdFile, org.apache.kafka.common.Uuid.randomUuid().toString());
        }
        String clusterId = Files.readString(clusterIdFile).strip();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            StorageTool.execute(new String[]{"format", "-t", clusterId, "-c", properties.toString(), "--ignore-formatted"}, out);
        } catch (Exception e) {
            throw new IllegalStateException("cannot format " + logs + ": " + e.getMessage() + " "
                    + output.toString(StandardCharsets.UTF_8), e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
