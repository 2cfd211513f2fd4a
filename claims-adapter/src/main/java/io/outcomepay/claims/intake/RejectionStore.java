package io.outcomepay.claims.intake;

import java.util.List;

/** Where an intake puts the records it rejects. */
@FunctionalInterface
public interface RejectionStore {

    void store(List<Rejection> rejections);
}
