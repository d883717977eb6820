package org.nnlab.dsl.spec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.nnlab.core.train.Callback;

/**
 * A training callback that can be written down as data (and so saved in JSON).
 *
 * <p>Callbacks that are code, such as a listener drawing a plot, are passed to {@code fit} directly
 * instead. In JSON the kind is the {@code "type"} field; the only one so far is
 * {@code "early_stopping"}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = EarlyStoppingSpec.class, name = "early_stopping")})
public sealed interface CallbackSpec permits EarlyStoppingSpec {

    /** A new nn-core callback with this spec's settings; callbacks keep state, so one per fit. */
    Callback toCallback();
}
