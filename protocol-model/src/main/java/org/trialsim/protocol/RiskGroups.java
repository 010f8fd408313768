package org.trialsim.protocol;

import java.util.List;
import java.util.Map;

/**
 * Risk groups, and the ordered rules that assign one at enrolment. Decision points may reassign a
 * patient later (e.g. medium risk moved to high risk).
 *
 * @param groups     the groups by id, in order
 * @param initial    rules tried in order; the first whose condition holds assigns its group
 * @param source     where the groups and rules come from
 * @param assumption what was assumed
 */
public record RiskGroups(@Required Map<String, Group> groups, @Required List<Rule> initial, String source, String assumption)
        implements Cited {

    public RiskGroups {
        groups = Immutable.map(groups);
        initial = Immutable.list(initial);
    }

    /** The rules are the protocol's own definitions, like eligibility criteria: a citation is welcome, not needed. */
    @Override
    public boolean needsCitation() {
        return false;
    }

    /**
     * A risk group.
     *
     * @param label       readable name
     * @param description how it is defined
     */
    public record Group(String label, String description) {
    }

    /**
     * A risk assignment rule.
     *
     * @param when  condition; absent means every remaining patient
     * @param group the group assigned
     */
    public record Rule(Condition when, @Required String group) {
    }
}
