package io.outcomepay.billing.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages are declared one way: every event an aggregate applies is a record permitted by one
 * sealed interface in that aggregate's api package, and no command name is used by two aggregates.
 */
class EventsAreSealedRecordsTest {

    private static final JavaClasses BILLING = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.outcomepay.billing");

    private static List<Class<?>> aggregates() {
        List<Class<?>> aggregates = new ArrayList<>();
        BILLING.stream().filter(c -> c.isAnnotatedWith(Aggregate.class)).map(JavaClass::reflect).forEach(aggregates::add);
        return aggregates;
    }

    @Test
    void everyEventAnAggregateAppliesIsARecordOfASealedInterfaceInItsApiPackage() {
        List<String> problems = new ArrayList<>();
        for (Class<?> aggregate : aggregates()) {
            String api = aggregate.getPackageName() + ".api";
            Set<Class<?>> sealedInterfaces = new HashSet<>();
            for (Method handler : aggregate.getDeclaredMethods()) {
                if (!handler.isAnnotationPresent(EventSourcingHandler.class)) {
                    continue;
                }
                Class<?> event = handler.getParameterTypes()[0];
                List<Class<?>> sealed = Arrays.stream(event.getInterfaces()).filter(Class::isSealed).toList();
                if (!event.isRecord() || sealed.size() != 1 || !sealed.get(0).getPackageName().equals(api)) {
                    problems.add(aggregate.getSimpleName() + " applies " + event.getName()
                            + ": not a record of one sealed interface in " + api);
                } else {
                    sealedInterfaces.add(sealed.get(0));
                }
            }
            if (sealedInterfaces.size() > 1) {
                problems.add(aggregate.getSimpleName() + "'s events are of several interfaces: " + sealedInterfaces);
            }
        }

        assertThat(aggregates()).hasSizeGreaterThanOrEqualTo(7);
        assertThat(problems).isEmpty();
    }

    @Test
    void noCommandNameIsHandledByTwoAggregates() {
        List<String> names = new ArrayList<>();
        for (Class<?> aggregate : aggregates()) {
            for (Method handler : aggregate.getDeclaredMethods()) {
                if (handler.isAnnotationPresent(org.axonframework.commandhandling.CommandHandler.class)) {
                    names.add(handler.getParameterTypes()[0].getSimpleName());
                }
            }
        }

        assertThat(names).doesNotHaveDuplicates();
    }
}
