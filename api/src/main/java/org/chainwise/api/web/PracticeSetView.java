package org.chainwise.api.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.chainwise.api.store.CompletionRule;
import org.chainwise.api.store.StoredPracticeSet;
import org.chainwise.engine.mastery.Skill;

/**
 * A practice set as the api sends it: {@code completion} is {@code {"rule":"mastery","threshold":t}} or
 * {@code {"rule":"item_count","items":n}}; {@code families} empty means every family training one of the skills.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PracticeSetView(long id, String title, List<String> skills, List<String> families, Completion completion) {

    /** The completion rule; the field the rule does not use is left out. */
    @Serdeable
    public record Completion(String rule, Double threshold, Integer items) {

        static Completion of(CompletionRule rule) {
            return switch (rule) {
                case CompletionRule.Mastery mastery -> new Completion(rule.wireName(), mastery.threshold(), null);
                case CompletionRule.ItemCount count -> new Completion(rule.wireName(), null, count.items());
            };
        }
    }

    public static PracticeSetView of(StoredPracticeSet set) {
        return new PracticeSetView(set.id(), set.definition().title(),
                set.definition().skills().stream().map(Skill::name).toList(), set.definition().families(),
                Completion.of(set.definition().completion()));
    }
}
