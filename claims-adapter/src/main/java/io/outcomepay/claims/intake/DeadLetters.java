package io.outcomepay.claims.intake;

import java.util.List;

/** Where rejected records go with their reason. Storing the same rejection twice keeps one. */
public interface DeadLetters {

    void store(List<Rejection> rejections);

    List<Rejection> list(String sourceName, int limit);
}
