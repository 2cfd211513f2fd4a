package io.outcomepay.app.support;

import io.outcomepay.app.embedded.EmbeddedKafka;

/** One real Kafka broker (embedded KRaft) per test JVM, on free ports, in the test home. */
public final class TestKafka {

    public static final EmbeddedKafka BROKER;

    static {
        BROKER = EmbeddedKafka.start(TestDatabase.HOME, 0);
        java.lang.Runtime.getRuntime().addShutdownHook(new Thread(BROKER::close));
    }

    private TestKafka() {
    }
}
