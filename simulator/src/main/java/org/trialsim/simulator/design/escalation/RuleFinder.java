package org.trialsim.simulator.design.escalation;

/**
 * The rolling six and the 3+3: their decision tables ({@link DecisionRules}) consulted at the current level
 * until they say to enrol or to hold; escalating and de-escalating move the level in between, and two DLTs
 * close a level and every level above it.
 */
final class RuleFinder extends DoseFinder {
    private final DecisionRules rules;
    private final int levels;
    private int level;
    /** Levels at and above this one are too toxic. */
    private int closedFrom;
    private int selected;

    RuleFinder(DecisionRules rules, int levels) {
        this.rules = rules;
        this.levels = levels;
    }

    @Override
    void reset(int startLevel) {
        level = startLevel;
        closedFrom = levels + 1;
        selected = 0;
    }

    @Override
    Status status(TrialState s, double time) {
        while (true) {
            DecisionRules.Decision decision = rules.decide(s.enrolled[level], s.evaluable[level], s.dlts[level], level + 1 >= closedFrom);
            switch (decision) {
                case ESCALATE -> level++;
                case DE_ESCALATE -> {
                    closedFrom = level;
                    level--;
                    if (level == 0) {
                        selected = 0;
                        return Status.STOP;
                    }
                }
                case DECLARE_MTD -> {
                    selected = level;
                    return Status.STOP;
                }
                case ENROL -> {
                    return Status.OPEN;
                }
                default -> {
                    return Status.HOLD;
                }
            }
        }
    }

    @Override
    int levelForNext(TrialState s, double time) {
        return level;
    }

    @Override
    int selected() {
        return selected;
    }

    @Override
    int capacity() {
        return DecisionRules.MAX_PER_LEVEL * levels;
    }

    @Override
    public String toString() {
        return rules.toString();
    }
}
