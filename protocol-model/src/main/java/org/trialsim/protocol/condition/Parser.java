package org.trialsim.protocol.condition;

import java.util.ArrayList;
import java.util.List;

/**
 * A recursive-descent parser for conditions.
 *
 * <pre>
 * or      := and ('or' and)*
 * and     := unary ('and' unary)*
 * unary   := 'not' unary | compare
 * compare := operand (OP operand | ['not'] 'in' '[' literal (',' literal)* ']')?
 * operand := NUMBER ['%'] | STRING | 'true' | 'false' | NAME | '(' or ')'
 * </pre>
 *
 * Names may contain letters, digits, {@code _}, {@code .} and {@code -} (there is no arithmetic, so
 * {@code received.blina-1} is one name).
 */
final class Parser {
    /** Longer texts are refused: a condition is a short expression, not a program. */
    static final int MAX_LENGTH = 2000;
    /** Bounds the recursion on hostile input such as ten thousand opening parentheses. */
    private static final int MAX_DEPTH = 64;

    private final String text;
    private int pos;
    private int depth;

    private Parser(String text) {
        this.text = text;
    }

    static Expr parse(String text) throws ConditionSyntaxException {
        if (text.length() > MAX_LENGTH) {
            throw new ConditionSyntaxException(abbreviate(text), 1,
                    "the condition is " + text.length() + " characters long; the limit is " + MAX_LENGTH);
        }
        Parser parser = new Parser(text);
        parser.skipSpace();
        if (parser.atEnd()) {
            throw parser.error(1, "the condition is empty");
        }
        Expr expr = parser.parseOr();
        parser.skipSpace();
        if (!parser.atEnd()) {
            char c = parser.peek();
            if (c == '&' || c == '|') {
                throw parser.error(parser.pos + 1, "'" + c + "' is not part of the language; write '" + (c == '&' ? "and" : "or") + "'");
            }
            throw parser.error(parser.pos + 1, "unexpected '" + parser.peekWord() + "'; expected 'and', 'or' or the end of the condition");
        }
        return expr;
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    private Expr parseOr() throws ConditionSyntaxException {
        List<Expr> terms = new ArrayList<>();
        terms.add(parseAnd());
        while (acceptKeyword("or")) {
            terms.add(parseAnd());
        }
        return terms.size() == 1 ? terms.get(0) : new Expr.Or(List.copyOf(terms));
    }

    private Expr parseAnd() throws ConditionSyntaxException {
        List<Expr> terms = new ArrayList<>();
        terms.add(parseUnary());
        while (acceptKeyword("and")) {
            terms.add(parseUnary());
        }
        return terms.size() == 1 ? terms.get(0) : new Expr.And(List.copyOf(terms));
    }

    private Expr parseUnary() throws ConditionSyntaxException {
        if (acceptKeyword("not")) {
            enter();
            Expr operand = parseUnary();
            depth--;
            return new Expr.Not(operand);
        }
        return parseCompare();
    }

    private Expr parseCompare() throws ConditionSyntaxException {
        Expr.Operand left;
        skipSpace();
        int start = pos + 1;
        if (peek() == '(') {
            pos++;
            enter();
            Expr inner = parseOr();
            depth--;
            skipSpace();
            if (peek() != ')') {
                throw error(pos + 1, atEnd() ? "a '(' is not closed" : "expected ')' but found '" + peekWord() + "'");
            }
            pos++;
            return inner;
        }
        left = parseOperand();
        skipSpace();
        int opColumn = pos + 1;
        if (acceptKeyword("in")) {
            return parseIn(left, false, start);
        }
        int save = pos;
        if (acceptKeyword("not")) {
            if (acceptKeyword("in")) {
                return parseIn(left, true, start);
            }
            pos = save;
            throw error(opColumn, "'not' cannot follow a value here; write 'not (...)' before the comparison");
        }
        Operator operator = parseOperator();
        if (operator == null) {
            return new Expr.Truth(left);
        }
        Expr.Operand right = parseOperand();
        return new Expr.Compare(left, operator, right, opColumn);
    }

    private Expr parseIn(Expr.Operand left, boolean negated, int column) throws ConditionSyntaxException {
        if (!(left instanceof Expr.Operand.Name name)) {
            throw error(column, "'in' needs a name on its left, such as risk in [\"HR\", \"IR\"]");
        }
        skipSpace();
        if (peek() != '[') {
            throw error(pos + 1, "expected '[' after 'in', as in risk in [\"HR\", \"IR\"]");
        }
        pos++;
        List<Expr.Operand.Literal> values = new ArrayList<>();
        do {
            Expr.Operand value = parseOperand();
            if (!(value instanceof Expr.Operand.Literal literal)) {
                throw error(value.column(), "the list after 'in' may only hold numbers, quoted texts, true or false");
            }
            values.add(literal);
            skipSpace();
        } while (acceptChar(','));
        if (!acceptChar(']')) {
            throw error(pos + 1, atEnd() ? "a '[' is not closed" : "expected ',' or ']' but found '" + peekWord() + "'");
        }
        return new Expr.In(name, List.copyOf(values), negated, column);
    }

    private Operator parseOperator() throws ConditionSyntaxException {
        skipSpace();
        int column = pos + 1;
        char c = peek();
        char d = pos + 1 < text.length() ? text.charAt(pos + 1) : '\0';
        switch (c) {
            case '<':
                pos += d == '=' ? 2 : 1;
                return d == '=' ? Operator.LE : Operator.LT;
            case '>':
                pos += d == '=' ? 2 : 1;
                return d == '=' ? Operator.GE : Operator.GT;
            case '=':
                if (d == '=') {
                    pos += 2;
                    return Operator.EQ;
                }
                throw error(column, "'=' is not a comparison; write '==' to test equality");
            case '!':
                if (d == '=') {
                    pos += 2;
                    return Operator.NE;
                }
                throw error(column, "'!' is not part of the language; write 'not'");
            case '&':
                throw error(column, "'&' is not part of the language; write 'and'");
            case '|':
                throw error(column, "'|' is not part of the language; write 'or'");
            case '≥':
                throw error(column, "'≥' is not part of the language; write '>='");
            case '≤':
                throw error(column, "'≤' is not part of the language; write '<='");
            default:
                return null;
        }
    }

    private Expr.Operand parseOperand() throws ConditionSyntaxException {
        skipSpace();
        int column = pos + 1;
        if (atEnd()) {
            throw error(column, "the condition ends where a value was expected");
        }
        char c = peek();
        if (c == '"' || c == '\'') {
            int end = text.indexOf(c, pos + 1);
            if (end < 0) {
                throw error(column, "a quoted text is not closed");
            }
            String value = text.substring(pos + 1, end);
            pos = end + 1;
            return new Expr.Operand.Literal(value, column);
        }
        if (isDigit(c) || ((c == '-' || c == '+' || c == '.') && pos + 1 < text.length() && (isDigit(text.charAt(pos + 1)) || text.charAt(pos + 1) == '.'))) {
            return parseNumber(column);
        }
        if (isNameStart(c)) {
            int start = pos;
            while (!atEnd() && isNamePart(peek())) {
                pos++;
            }
            String word = text.substring(start, pos);
            switch (word) {
                case "true":
                    return new Expr.Operand.Literal(Boolean.TRUE, column);
                case "false":
                    return new Expr.Operand.Literal(Boolean.FALSE, column);
                case "and":
                case "or":
                case "not":
                case "in":
                    throw error(column, "'" + word + "' is a keyword; a value was expected here");
                default:
                    return new Expr.Operand.Name(word, column);
            }
        }
        if (c == ')') {
            throw error(column, "unexpected ')'; a value was expected");
        }
        throw error(column, "unexpected '" + peekWord() + "'; a value was expected");
    }

    private Expr.Operand parseNumber(int column) throws ConditionSyntaxException {
        int start = pos;
        if (peek() == '-' || peek() == '+') {
            pos++;
        }
        while (!atEnd() && (isDigit(peek()) || peek() == '.')) {
            pos++;
        }
        if (!atEnd() && (peek() == 'e' || peek() == 'E')) {
            int mark = pos;
            pos++;
            if (!atEnd() && (peek() == '-' || peek() == '+')) {
                pos++;
            }
            if (atEnd() || !isDigit(peek())) {
                pos = mark;
            } else {
                while (!atEnd() && isDigit(peek())) {
                    pos++;
                }
            }
        }
        String literal = text.substring(start, pos);
        double value;
        try {
            value = Double.parseDouble(literal);
        } catch (NumberFormatException e) {
            throw error(column, "'" + literal + "' is not a number");
        }
        if (!Double.isFinite(value)) {
            throw error(column, "'" + literal + "' is too large");
        }
        if (!atEnd() && peek() == '%') {
            pos++;
            value /= 100;
        }
        if (!atEnd() && isNameStart(peek())) {
            throw error(pos + 1, "a number cannot be followed directly by '" + peekWord() + "'");
        }
        return new Expr.Operand.Literal(value, column);
    }

    private boolean acceptKeyword(String keyword) {
        skipSpace();
        if (text.startsWith(keyword, pos)) {
            int end = pos + keyword.length();
            if (end == text.length() || !isNamePart(text.charAt(end))) {
                pos = end;
                return true;
            }
        }
        return false;
    }

    private boolean acceptChar(char c) {
        skipSpace();
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void enter() throws ConditionSyntaxException {
        if (++depth > MAX_DEPTH) {
            throw error(pos + 1, "the condition is nested more than " + MAX_DEPTH + " levels deep");
        }
    }

    private void skipSpace() {
        while (!atEnd() && Character.isWhitespace(peek())) {
            pos++;
        }
    }

    private boolean atEnd() {
        return pos >= text.length();
    }

    private char peek() {
        return atEnd() ? '\0' : text.charAt(pos);
    }

    private String peekWord() {
        if (atEnd()) {
            return "end of condition";
        }
        int end = pos + 1;
        if (isNamePart(text.charAt(pos))) {
            while (end < text.length() && isNamePart(text.charAt(end))) {
                end++;
            }
        }
        return text.substring(pos, end);
    }

    private ConditionSyntaxException error(int column, String message) {
        return new ConditionSyntaxException(text, column, message);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-';
    }
}
