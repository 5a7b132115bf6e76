package org.chainwise.api.store;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.chainwise.engine.mastery.Ability;

/**
 * The logistic tracker's evidence as {@code learner_model.ability} keeps it (V11): for each of the
 * four lists in order (precision, information, successes, failures) a 4-byte count, then that many
 * 8-byte IEEE doubles, all big-endian. Exact and about twenty times cheaper to read and write than
 * the JSON it replaced; every practice request reads it and every answer writes it.
 */
final class AbilityBytes {

    private AbilityBytes() {
    }

    static byte[] pack(Ability ability) {
        List<List<Double>> lists = List.of(ability.precision(), ability.information(), ability.successes(), ability.failures());
        ByteBuffer packed = ByteBuffer.allocate(lists.stream().mapToInt(list -> Integer.BYTES + Double.BYTES * list.size()).sum());
        for (List<Double> list : lists) {
            packed.putInt(list.size());
            list.forEach(packed::putDouble);
        }
        return packed.array();
    }

    /** The evidence packed in {@code bytes}; {@link Ability#NONE} for none, or for a shape this version does not read (the tracker starts afresh). */
    static Ability unpack(byte[] bytes) {
        if (bytes == null) {
            return Ability.NONE;
        }
        ByteBuffer packed = ByteBuffer.wrap(bytes);
        try {
            Ability ability = new Ability(list(packed), list(packed), list(packed), list(packed));
            return packed.hasRemaining() ? Ability.NONE : ability;
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            return Ability.NONE;
        }
    }

    private static List<Double> list(ByteBuffer packed) {
        int size = packed.getInt();
        if (size < 0 || size > packed.remaining() / Double.BYTES) {
            throw new IllegalArgumentException("a packed list of " + size + " numbers in " + packed.remaining() + " bytes");
        }
        List<Double> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(packed.getDouble());
        }
        return list;
    }
}
