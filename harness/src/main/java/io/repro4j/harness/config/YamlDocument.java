package io.repro4j.harness.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a YAML file as a node tree (so every key and value keeps its line) and turns nodes into plain, immutable
 * Java values typed as Python's YAML loader would type them.
 */
final class YamlDocument {

    /** Exposes SnakeYAML's own scalar construction (YAML 1.1 ints, floats, booleans), so we do not re-implement it. */
    private static final class ScalarConstructor extends SafeConstructor {
        ScalarConstructor() {
            super(new LoaderOptions());
        }

        Object construct(ScalarNode node) {
            return constructObject(node);
        }
    }

    /** One key of a mapping with the node it was written at. */
    record Entry(String key, String dottedKey, ScalarNode keyNode, Node value) {
    }

    private YamlDocument() {
    }

    /**
     * Parses {@code file} into its top-level mapping; an empty file is an empty mapping.
     *
     * @throws ConfigException for unreadable files, malformed YAML, or a document that is not a mapping
     */
    static MappingNode parse(Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        Node root;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(options).compose(reader);
        } catch (CharacterCodingException e) {
            throw new ConfigException("Cannot read " + file + ": it is not valid UTF-8. Save it as UTF-8.", e);
        } catch (IOException e) {
            throw new ConfigException("Cannot read " + file + ": " + e, e);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String what = (e.getContext() == null ? "" : e.getContext() + ": ") + e.getProblem();
            if (e.getContextMark() != null && mark != null && e.getContextMark().getLine() != mark.getLine()) {
                what += " (the construct started at line " + (e.getContextMark().getLine() + 1) + ")";
            }
            throw new ConfigException(where(file, mark) + "malformed YAML: " + what
                    + ". Fix the YAML syntax at that position.", e);
        } catch (YAMLException e) {
            throw new ConfigException(file + ": malformed YAML: " + e.getMessage(), e);
        }
        if (root == null) {
            return new MappingNode(Tag.MAP, List.of(), org.yaml.snakeyaml.DumperOptions.FlowStyle.BLOCK);
        }
        if (!(root instanceof MappingNode mapping)) {
            throw new ConfigException(where(file, root.getStartMark()) + "the document must be a mapping of keys, got "
                    + describe(root) + ".");
        }
        return mapping;
    }

    /**
     * The entries of {@code mapping}, in file order; keys must be plain strings and unique.
     *
     * @param prefix the dotted path of {@code mapping} itself, empty at top level
     */
    static List<Entry> entries(Path file, MappingNode mapping, String prefix) {
        Map<String, ScalarNode> seen = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (Tag.MERGE.equals(keyNode.getTag())) {
                throw new ConfigException(where(file, keyNode.getStartMark()) + "merge keys ('<<') are not supported"
                        + (prefix.isEmpty() ? "" : " under '" + prefix + "'") + ". Write the keys out.");
            }
            if (!(keyNode instanceof ScalarNode scalarKey) || Tag.NULL.equals(keyNode.getTag())) {
                throw new ConfigException(where(file, keyNode.getStartMark()) + "a key"
                        + (prefix.isEmpty() ? "" : " under '" + prefix + "'") + " must be a plain name, got "
                        + describe(keyNode) + ".");
            }
            String key = scalarKey.getValue();
            String dotted = prefix.isEmpty() ? key : prefix + "." + key;
            ScalarNode first = seen.putIfAbsent(key, scalarKey);
            if (first != null) {
                throw new ConfigException(where(file, keyNode.getStartMark()) + "duplicate key '" + dotted
                        + "' (first defined at line " + (first.getStartMark().getLine() + 1)
                        + "). Keep only one of them.");
            }
            entries.add(new Entry(key, dotted, scalarKey, tuple.getValueNode()));
        }
        return entries;
    }

    /**
     * Converts a node into an immutable Java value: {@code Map<String, Object>} (insertion-ordered), {@code List},
     * {@code String}, {@code Integer}/{@code Long}/{@code BigInteger}, {@code Double}, {@code Boolean} or
     * {@code null}. Other tagged scalars (timestamps, binary) keep their text.
     *
     * @param lines receives the line of every value by dotted key
     */
    static Object toValue(Path file, Node node, String dottedKey, Map<String, Integer> lines) {
        return toValue(file, node, dottedKey, lines, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static Object toValue(Path file, Node node, String dottedKey, Map<String, Integer> lines,
            Set<Node> enclosing) {
        lines.put(dottedKey, node.getStartMark().getLine() + 1);
        if (node instanceof ScalarNode scalar) {
            return scalarValue(scalar);
        }
        if (!enclosing.add(node)) {
            // An alias to an enclosing collection (&a [*a]) would make the value infinitely deep.
            throw new ConfigException(where(file, node.getStartMark()) + "key '" + dottedKey
                    + "' refers to itself through an alias. Remove the recursive alias.");
        }
        try {
            if (node instanceof MappingNode mapping) {
                Map<String, Object> map = new LinkedHashMap<>();
                for (Entry e : entries(file, mapping, dottedKey)) {
                    map.put(e.key(), toValue(file, e.value(), e.dottedKey(), lines, enclosing));
                }
                return Collections.unmodifiableMap(map);
            }
            List<Object> list = new ArrayList<>();
            int index = 0;
            for (Node item : ((SequenceNode) node).getValue()) {
                list.add(toValue(file, item, dottedKey + "[" + index++ + "]", lines, enclosing));
            }
            return Collections.unmodifiableList(list);
        } finally {
            enclosing.remove(node);
        }
    }

    static Object scalarValue(ScalarNode node) {
        Tag tag = node.getTag();
        if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag) || Tag.BOOL.equals(tag) || Tag.NULL.equals(tag)) {
            return new ScalarConstructor().construct(node);
        }
        return node.getValue();
    }

    /** A mapping-valued section; {@code null} / empty value counts as an empty mapping. */
    static Optional<MappingNode> section(Path file, Entry entry) {
        Node value = entry.value();
        if (value instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag())) {
            return Optional.empty();
        }
        if (!(value instanceof MappingNode mapping)) {
            throw new ConfigException(where(file, value.getStartMark()) + "key '" + entry.dottedKey()
                    + "' must be a mapping, got " + describe(value) + ".");
        }
        return Optional.of(mapping);
    }

    /** "FILE line L, column C: " */
    static String where(Path file, Mark mark) {
        if (mark == null) {
            return file + ": ";
        }
        return file + " line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": ";
    }

    /** Words for what a node holds, e.g. {@code the string 'abc'} or {@code a list}. */
    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        ScalarNode scalar = (ScalarNode) node;
        Tag tag = scalar.getTag();
        String text = scalar.getValue();
        if (Tag.INT.equals(tag)) {
            return "the integer " + text;
        }
        if (Tag.FLOAT.equals(tag)) {
            return "the float " + text;
        }
        if (Tag.BOOL.equals(tag)) {
            return "the boolean " + text;
        }
        if (Tag.NULL.equals(tag)) {
            return "an empty value";
        }
        return "the string '" + text + "'";
    }

    /** The closest of {@code candidates} to {@code key}, if close enough to be a likely typo. */
    static Optional<String> closest(String key, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = levenshtein(key.toLowerCase(java.util.Locale.ROOT), candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        boolean close = bestDistance <= Math.max(2, best.length() / 3)
                || best.startsWith(key) && key.length() >= 3 || key.startsWith(best);
        return close ? Optional.of(best) : Optional.empty();
    }

    private static int levenshtein(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
