package io.outcomepay.app.config;

import io.outcomepay.billing.encounter.api.EncounterEvent.EncounterRecorded;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventSerializerTest {

    private final AxonStorageConfiguration configuration = new AxonStorageConfiguration();
    private final Serializer events = configuration.eventSerializer(new AnnotationRevisionResolver(),
            configuration.axonTokenTypes());
    private final Serializer axon = Jackson3Serializer.builder()
            .revisionResolver(new AnnotationRevisionResolver())
            .converter(new ChainingConverter(getClass().getClassLoader()))
            .jsonMapperBuilderCustomizer(configuration.axonTokenTypes())
            .build();

    @Test
    void resolvesEveryTypeAsAxonsSerializerDoesEveryTime() {
        for (SerializedType type : List.of(new SimpleSerializedType(EncounterRecorded.class.getName(), null),
                new SimpleSerializedType(MetaData.class.getName(), null),
                new SimpleSerializedType("io.outcomepay.NoSuchEvent", "2"), SerializedType.emptyType())) {
            Class<?> expected = axon.classForType(type);
            assertThat(events.classForType(type)).as(type.toString()).isEqualTo(expected);
            assertThat(events.classForType(new SimpleSerializedType(type.getName(), type.getRevision())))
                    .as("again: " + type).isEqualTo(expected);
        }
        assertThat(events.classForType(new SimpleSerializedType("io.outcomepay.NoSuchEvent", "2")))
                .isEqualTo(UnknownSerializedType.class);
    }

    @Test
    void writesAndReadsEventsAsAxonsSerializerDoes() {
        String json = """
                {"encounterId":"e-1","claim":{"claimId":"C-1","hospitalId":"H-1","patientPseudonym":"p",\
                "admitDate":"2026-01-01","dischargeDate":"2026-01-03","drg":"470","principalDx":null,\
                "billedAmount":200.00,"allowedAmount":100.50,"paidAmount":90.00,"currency":"USD",\
                "aiService":null,"aiAssisted":false,"dipGroup":null},"source":{"file":"f.csv","record":7}}""";
        SerializedObject<byte[]> stored = new SimpleSerializedObject<>(json.getBytes(StandardCharsets.UTF_8), byte[].class,
                EncounterRecorded.class.getName(), null);

        EncounterRecorded read = events.deserialize(stored);

        assertThat(read).isEqualTo(axon.<byte[], EncounterRecorded>deserialize(stored));
        assertThat(read.claim().allowedAmount()).isEqualByComparingTo("100.50").hasScaleOf(2);
        assertThat(events.serialize(read, byte[].class).getData()).isEqualTo(axon.serialize(read, byte[].class).getData());
    }
}
