package org.hotcell.study;

import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;

/**
 * One configuration of an experiment, everything about a run but its seed: the task setting, the cell, the
 * function in each of its roles, how it is trained and what is probed.
 *
 * @param setting   the task and its budget
 * @param cell      the cell type, {@code lstm} or {@code gru}
 * @param gate      the activation of every gate
 * @param candidate the activation of the candidate
 * @param output    the LSTM's output activation (applied to the cell state before the output gate); ignored,
 *                  and given as "" by convention, for a cell without that role
 * @param recipe    how it is trained
 * @param probes    what is measured besides the task metric
 */
public record RunConfig(TaskSetting setting, String cell, String gate, String candidate, String output,
                        Recipe recipe, Probes probes) implements Serializable {

    public RunConfig {
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(candidate, "candidate");
        output = output == null ? "" : output;
        Objects.requireNonNull(recipe, "recipe");
        Objects.requireNonNull(probes, "probes");
    }

    /** The study's standard LSTM on a setting: sigmoid gates, tanh candidate and output, the standard recipe. */
    public static RunConfig standardLstm(TaskSetting setting) {
        return new RunConfig(setting, "lstm", "sigmoid", "tanh", "tanh", Recipe.standard(), Probes.NONE);
    }

    /** The same configuration with another cell; a GRU has no output role. */
    public RunConfig withCell(String newCell) {
        return new RunConfig(setting, newCell, gate, candidate, newCell.equals("lstm") ? output : "", recipe,
                probes);
    }

    /** The same configuration with another gate function. */
    public RunConfig withGate(String newGate) {
        return new RunConfig(setting, cell, newGate, candidate, output, recipe, probes);
    }

    /** The same configuration with another candidate function (an LSTM's output function unchanged). */
    public RunConfig withCandidate(String newCandidate) {
        return new RunConfig(setting, cell, gate, newCandidate, output, recipe, probes);
    }

    /** The same configuration with another output function. */
    public RunConfig withOutput(String newOutput) {
        return new RunConfig(setting, cell, gate, candidate, newOutput, recipe, probes);
    }

    /** The same configuration with one function as both candidate and (for an LSTM) output. */
    public RunConfig withCandidateAndOutput(String function) {
        return new RunConfig(setting, cell, gate, function, cell.equals("lstm") ? function : "", recipe, probes);
    }

    /** The same configuration with another task setting. */
    public RunConfig withSetting(TaskSetting newSetting) {
        return new RunConfig(newSetting, cell, gate, candidate, output, recipe, probes);
    }

    /** The same configuration with another recipe. */
    public RunConfig withRecipe(Recipe newRecipe) {
        return new RunConfig(setting, cell, gate, candidate, output, newRecipe, probes);
    }

    /** The same configuration with other probes. */
    public RunConfig withProbes(Probes newProbes) {
        return new RunConfig(setting, cell, gate, candidate, output, recipe, newProbes);
    }

    /** The functions, e.g. {@code lstm sigmoid/tanh/tanh} (gate/candidate/output) or {@code gru sigmoid/relu}. */
    public String functions() {
        return cell + " " + gate + "/" + candidate + (output.isEmpty() ? "" : "/" + output);
    }

    /** A name unique among configurations, e.g. {@code adding T=50 lstm sigmoid/tanh/tanh adam 0.01, clip 1}. */
    public String label() {
        return String.format(Locale.ROOT, "%s %s %s%s", setting.shortName(), functions(), recipe.describe(),
                recipe.stopWhenSolved() ? "" : ", whole budget");
    }
}
