package org.hotcell.model.train;

/**
 * Where a NaN or infinity first appeared.
 *
 * @param where   what held it: {@code layer 0 forward}, {@code head}, {@code loss}, {@code gradient of layers.0...}
 * @param step    the time step, or -1 when not about a step
 * @param item    the batch item, or -1
 * @param unit    the unit or index within the row, or -1
 * @param gate    the gate or quantity at fault (a gate name such as {@code f} or {@code c}, {@code cell state c},
 *                {@code h}, ...)
 * @param value   the value found
 * @param detail  what else was seen there (e.g. the largest |pre-activation| of each gate), or ""
 */
public record NonFinite(String where, int step, int item, int unit, String gate, float value, String detail) {

    /** One line for people: where, which step, item and unit, which gate, and the value. */
    public String describe() {
        StringBuilder text = new StringBuilder("first non-finite value ").append(value).append(" in ").append(where);
        if (step >= 0) {
            text.append(" at step ").append(step);
        }
        if (item >= 0) {
            text.append(", batch item ").append(item);
        }
        if (unit >= 0) {
            text.append(", unit ").append(unit);
        }
        text.append(", gate/quantity ").append(gate);
        if (!detail.isEmpty()) {
            text.append(" (").append(detail).append(")");
        }
        return text.toString();
    }
}
