/**
 * nn-dsl: the typed DSL, JSON specs and model files, compiled onto nn-core's own types and rules.
 *
 * <p>Jackson reads and writes the spec records and nn-core's configuration records; the spec and
 * JSON packages are opened to it for the mix-ins and deserializers it instantiates.
 */
module org.nnlab.dsl {
    requires transitive org.nnlab.core;
    requires com.fasterxml.jackson.databind;

    exports org.nnlab.dsl;
    exports org.nnlab.dsl.spec;
    exports org.nnlab.dsl.json;
    exports org.nnlab.dsl.io;

    opens org.nnlab.dsl.spec to com.fasterxml.jackson.databind;
    opens org.nnlab.dsl.json to com.fasterxml.jackson.databind;
}
