package io.outcomepay.app.config;

import tools.jackson.core.Version;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.ValueInstantiators;
import tools.jackson.databind.deser.std.StdValueInstantiator;
import tools.jackson.databind.introspect.AnnotatedConstructor;

import java.lang.reflect.Constructor;

/**
 * Objects made through a constructor taking their properties (every event record) are made by
 * reflection instead of Jackson's {@code MethodHandle.invokeWithArguments}, which builds a spreader
 * on every call: a replay makes millions of them. Should the constructor throw, the call is made
 * again through Jackson's own instantiator, so the error is Jackson's, word for word.
 */
final class ReflectiveCreators extends JacksonModule {

    @Override
    public String getModuleName() {
        return "outcomepay-reflective-creators";
    }

    @Override
    public Version version() {
        return Version.unknownVersion();
    }

    @Override
    public void setupModule(SetupContext context) {
        context.addValueInstantiators(new ValueInstantiators() {
            @Override
            public ValueInstantiator findValueInstantiator(DeserializationConfig config, BeanDescription.Supplier bean) {
                return null;
            }

            @Override
            public ValueInstantiator modifyValueInstantiator(DeserializationConfig config, BeanDescription.Supplier bean,
                                                             ValueInstantiator instantiator) {
                return instantiator.getClass() == StdValueInstantiator.class
                        ? Reflective.of((StdValueInstantiator) instantiator) : instantiator;
            }
        });
    }

    /** Jackson's instantiator with its property creator called by reflection. */
    static final class Reflective extends StdValueInstantiator {

        private final Constructor<?> constructor;

        private Reflective(StdValueInstantiator jackson, Constructor<?> constructor) {
            super(jackson);
            this.constructor = constructor;
        }

        /** Jackson's own instantiator when it has no property constructor (a factory method, or none). */
        static ValueInstantiator of(StdValueInstantiator jackson) {
            if (jackson.getWithArgsCreator() instanceof AnnotatedConstructor creator) {
                Constructor<?> constructor = creator.getAnnotated();
                if (constructor.trySetAccessible()) {
                    return new Reflective(jackson, constructor);
                }
            }
            return jackson;
        }

        @Override
        public Object createFromObjectWith(DeserializationContext context, Object[] args) {
            try {
                return constructor.newInstance(args);
            } catch (ReflectiveOperationException | IllegalArgumentException e) {
                return super.createFromObjectWith(context, args);
            }
        }
    }
}
