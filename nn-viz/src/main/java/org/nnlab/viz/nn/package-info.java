/**
 * The lecture's neural-network figures, drawn from nn-core models and training histories.
 *
 * <p>Start with {@link org.nnlab.viz.nn.TrainingCurves} (loss and metrics per epoch from a
 * {@link org.nnlab.core.train.History}) and {@link org.nnlab.viz.nn.DecisionRegions} (the classes
 * any two-input classifier assigns across the plane, with the data on top). Each class is one
 * figure and draws into an {@link org.nnlab.viz.plot.Axes} you pass, or returns a whole
 * {@link org.nnlab.viz.plot.Figure}: the others show gradient norms per layer, image grids,
 * prediction stems, confusion matrices, hidden feature spaces, first-layer hyperplanes, ReLU
 * decompositions and network diagrams.
 */
package org.nnlab.viz.nn;
