package org.chainwise.api.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Optional;
import org.chainwise.bank.concept.ChainRulePage;
import org.chainwise.bank.concept.ConceptPart;
import org.chainwise.bank.item.Formula;

/**
 * The parts of the chain-rule page by key, as JSON objects: every field of the part, a
 * {@code kind} naming its type ({@code misconceptionRepair}, {@code equation}, ...), and formulas
 * as {@code {text, latex}}.
 */
@Singleton
public class Concepts {

    @JsonIgnoreProperties("expr")
    private interface FormulaWithoutTree {
    }

    private final ObjectMapper json = new ObjectMapper().addMixIn(Formula.class, FormulaWithoutTree.class);
    private final ChainRulePage page = ChainRulePage.standard();

    /** The part keyed {@code key}, as JSON. */
    public Optional<String> byKey(String key) {
        return page.byKey(key).map(this::json);
    }

    private String json(ConceptPart part) {
        ObjectNode node = json.valueToTree(part);
        String kind = part.getClass().getSimpleName();
        node.put("kind", kind.substring(0, 1).toLowerCase(Locale.ROOT) + kind.substring(1));
        return node.toString();
    }
}
