package org.hotcell.example.streaming.client;

/**
 * Advances one stream of a served model by one step.
 */
@FunctionalInterface
public interface StepClient {

    /**
     * Feeds {@code reading} (one value per sensor) to stream {@code streamId}, which continues from the state its
     * previous step left (a new id starts from zeros), and returns the model's output for this step: its
     * prediction of the next reading.
     *
     * @throws StreamingException when the server refuses the step or cannot be reached
     */
    float[] step(String streamId, float[] reading);
}
