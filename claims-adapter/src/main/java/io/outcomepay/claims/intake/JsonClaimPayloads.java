package io.outcomepay.claims.intake;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;

/** A normalized claim as JSON: its kind and its fields; amounts keep their scale. */
public final class JsonClaimPayloads implements ClaimPayloads {

    private static final Map<String, Class<? extends NormalizedClaim>> KINDS = Map.of(
            "Original", NormalizedClaim.Original.class,
            "Replacement", NormalizedClaim.Replacement.class,
            "Settlement", NormalizedClaim.Settlement.class,
            "Remitted", NormalizedClaim.Remitted.class,
            "Void", NormalizedClaim.Void.class);

    private final JsonMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    @Override
    public String write(NormalizedClaim claim) {
        ObjectNode node = json.createObjectNode();
        node.put("kind", claim.getClass().getSimpleName());
        node.set("claim", json.valueToTree(claim));
        return json.writeValueAsString(node);
    }

    @Override
    public NormalizedClaim read(String payload) {
        JsonNode node = json.readTree(payload);
        Class<? extends NormalizedClaim> kind = KINDS.get(node.path("kind").asString());
        if (kind == null) {
            throw new IllegalArgumentException("not a stored claim: kind '" + node.path("kind").asString() + "'");
        }
        return json.treeToValue(node.get("claim"), kind);
    }
}
